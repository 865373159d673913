using System.Text.Json;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Engine.Expressions;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Evaluation;

/// <summary>
/// Chooses the version (in force on the date, or pinned) from the current catalogue and lets RulesEngine evaluate it.
/// The input is JSON; the shapes in the file's <c>indata</c> turn it into the objects the expressions were compiled for.
/// </summary>
public sealed class RuleEvaluator(RuleCatalogueHolder catalogues)
{
    public RuleFile Choose(string regelverk, DateOnly datum, string? version = null) =>
        catalogues.Current.Choose(regelverk, datum, version);

    public ValueTask<RuleSetResult> EvaluateAsync(string regelverk, DateOnly datum, string? version, JsonElement indata, CancellationToken cancellationToken = default) =>
        EvaluateAsync(Choose(regelverk, datum, version), datum, indata, cancellationToken);

    /// <summary>Evaluates one file. Throws <see cref="InputException"/> when the input does not fit its indata.</summary>
    public static async ValueTask<RuleSetResult> EvaluateAsync(RuleFile file, DateOnly datum, JsonElement indata, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters(file, indata);
        var results = await WithinTimeLimitAsync(file, parameters, cancellationToken);
        var outcomes = new List<RuleOutcome>(results.Count);
        foreach (var result in results)
        {
            var definition = file.Regler.First(r => r.Namn == result.Rule.RuleName);
            var utfall = !string.IsNullOrEmpty(result.ExceptionMessage) ? Utfall.FelIRegeln
                : result.IsSuccess ? Utfall.Uppfylld : Utfall.EjUppfylld;
            var detalj = utfall switch
            {
                Utfall.FelIRegeln => ExpressionMessages.OfText(result.ExceptionMessage),
                Utfall.EjUppfylld when file.Detaljer.TryGetValue(definition.Namn, out var lista) => Detalj.Text(lista, parameters),
                _ => null,
            };
            outcomes.Add(new RuleOutcome(definition.Namn, utfall, definition.Allvarlighet, definition.Meddelande, definition.RattsligGrund, detalj));
        }
        return new RuleSetResult(file.Regelverk, file.Version, file.GiltigFran, file.Sha256, datum, indata.GetRawText(), outcomes);
    }

    /// <summary>
    /// Runs the evaluation on the pool and stops waiting at the file's time limit; the cancellation stops RulesEngine before
    /// its next rule. A single runaway rule cannot be interrupted in .NET, which is why sizes in rule files are constants.
    /// </summary>
    private static async Task<List<RuleResultTree>> WithinTimeLimitAsync(RuleFile file, RuleParameter[] parameters, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(async () => await file.Engine.ExecuteAllRulesAsync(file.Workflow.WorkflowName, parameters, stop.Token), stop.Token);
        try { return await run.WaitAsync(file.Limits.TimeLimit, cancellationToken); }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await stop.CancelAsync();
            throw new RuleLimitException(
                $"Regelverket {file.Regelverk} {file.Version} tog längre tid än gränsen {file.Limits.TimeLimit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} s (TimeLimit); ingen prövning har sparats.");
        }
    }

    private static RuleParameter[] Parameters(RuleFile file, JsonElement indata)
    {
        if (indata.ValueKind != JsonValueKind.Object)
            throw new InputException("$", "indata ska vara ett JSON-objekt med " + string.Join(", ", file.Indata.Select(i => i.Namn)));
        var parameters = new RuleParameter[file.Indata.Count + (file.Parametrar is null ? 0 : 1)];
        for (var i = 0; i < file.Indata.Count; i++)
        {
            var (namn, shape) = file.Indata[i];
            JsonElement? value = indata.TryGetProperty(namn, out var v) ? v : null;
            if (value is null) throw new MissingInputException("$." + namn, $"indataparametern saknas ({file.Regelverk} {file.Version} behöver {shape.Describe()})");
            parameters[i] = new RuleParameter(namn, shape.Convert(value, "$." + namn));
        }
        if (file.Parametrar is not null)
            parameters[^1] = new RuleParameter(ParameterValues.Name, indata.TryGetProperty(ParameterValues.Forbundets, out var forbundets)
                ? ParameterValues.MedForbundets(file.Parametrar, file.Forbundsparametrar, forbundets, "$." + ParameterValues.Forbundets)
                : file.Parametrar);
        return parameters;
    }
}
