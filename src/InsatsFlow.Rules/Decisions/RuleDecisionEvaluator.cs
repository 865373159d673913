using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Recording;

namespace InsatsFlow.Rules.Decisions;

/// <summary>
/// What a businessRuleTask calls: camunda:decisionRef names the regelverk, a pinned version or the one in force on
/// AsOf is evaluated with the instance variables named by the file's indata, and the evaluation is recorded.
/// Throws (and so becomes an incident) when the regelverk, version or an input variable is missing: the host's fault.
/// A value missing inside the input (an age nobody gave) is the sökande's to supply: the gate fails with
/// "Uppgift saknas", recorded like any evaluation, and the process sends the case back.
/// </summary>
public sealed class RuleDecisionEvaluator(RuleEvaluator evaluator, IEvaluationRecorder recorder) : IDecisionEvaluator
{
    public async Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        var file = evaluator.Choose(request.DecisionRef, request.AsOf, request.Version);
        var input = new JsonObject();
        foreach (var (namn, shape) in file.Indata)
        {
            if (!request.Variables.TryGetValue(namn, out var value))
                throw new InputException("$." + namn,
                    $"processvariabeln \"{namn}\" saknas; {file.Regelverk} {file.Version} behöver {shape.Describe()}");
            input[namn] = JsonSerializer.SerializeToNode(value);
        }
        // the förbund's own values of the parameters its förbundsordning sets travel with the input (and its snapshot)
        if (request.Variables.TryGetValue(ParameterValues.Forbundets, out var forbundets) && forbundets is not null)
            input[ParameterValues.Forbundets] = JsonSerializer.SerializeToNode(forbundets);
        var indata = JsonSerializer.SerializeToElement(input);
        RuleSetResult result;
        try
        {
            result = await RuleEvaluator.EvaluateAsync(file, request.AsOf, indata, cancellationToken);
        }
        catch (MissingInputException e)
        {
            result = UppgiftSaknas(file, request.AsOf, indata, e.Path);
        }
        var id = await recorder.RecordAsync(result, new EvaluationContext(request.ProcessInstanceId, request.ElementId), cancellationToken);
        return new DecisionResult(result.Uppfylld, Output(result), id);
    }

    /// <summary>The one outcome of an evaluation that could not run because <paramref name="sokvag"/> has no value.</summary>
    public static RuleSetResult UppgiftSaknas(Format.RuleFile file, DateOnly datum, JsonElement indata, string sokvag) =>
        new(file.Regelverk, file.Version, file.GiltigFran, file.Sha256, datum, indata.GetRawText(),
        [
            new RuleOutcome("UppgiftSaknas", Utfall.EjUppfylld, Allvarlighet.Fel, $"Uppgift saknas: {sokvag.TrimStart('$', '.')}.",
                string.Join("; ", file.RattsligGrund), null),
        ]);

    /// <summary>The task's result variable: JSON-like values only, so gateways and templates can read it.</summary>
    public static IReadOnlyDictionary<string, object?> Output(RuleSetResult result) => new Dictionary<string, object?>
    {
        ["uppfylld"] = result.Uppfylld,
        ["fel"] = result.Fel.Cast<object?>().ToList(),
        ["varningar"] = result.Varningar.Cast<object?>().ToList(),
        ["regelverk"] = result.Regelverk,
        ["version"] = result.Version,
        ["sha256"] = result.Sha256,
        ["regler"] = result.Regler.Select(r => (object?)new Dictionary<string, object?>
        {
            ["regel"] = r.Regel,
            ["utfall"] = r.Utfall.Text(),
            ["allvarlighet"] = r.Allvarlighet.Text(),
            ["meddelande"] = r.Meddelande,
            ["rattsligGrund"] = r.RattsligGrund,
            ["detalj"] = r.Detalj,
        }).ToList(),
    };
}
