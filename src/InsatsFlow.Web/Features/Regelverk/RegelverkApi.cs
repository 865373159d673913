using System.Globalization;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Testing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Regelverk;

public static class RegelverkApi
{
    public static readonly string[] LasandeRoller = [Roller.Jurist, Roller.Kansli, Roller.Admin, Roller.Revisor];
    public static readonly string[] ProvandeRoller = [Roller.Jurist, Roller.Kansli, Roller.Admin];

    public static RouteGroupBuilder MapRegelverkApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/regelverk").WithTags("Regelverk")
            .RequireAuthorization(p => p.RequireRole(LasandeRoller));
        api.MapGet("/", ListaAsync).WithSummary("Alla regelverk med versioner, giltigFrån, rättslig grund, beskrivning och parametrar");
        api.MapGet("/tester", TesterAsync).WithSummary("Kör juristernas testfall (rules/<regelverk>/tests) och visa resultatet");
        api.MapGet("/{regelverk}", RegelverketAsync).WithSummary("Ett regelverks versioner med regler")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{regelverk}/tillampningar", TillampningarAsync).WithSummary("Var regelverket (eller en version, ?version=) har tillämpats")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{regelverk}/prova", ProvaAsync).WithSummary("Pröva regelverket mot JSON-indata; sparar ingenting")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Accepts<ProvaRegelverk>("application/json").RequireAuthorization(p => p.RequireRole(ProvandeRoller));
        return api;
    }

    public static Ok<List<RegelverkDto>> ListaAsync(RuleCatalogueHolder regler) =>
        TypedResults.Ok(regler.Current.Regelverk.Order(StringComparer.Ordinal)
            .Select(r => new RegelverkDto(r, [.. regler.Current.Versions(r).Select(RegelverksversionDto.Fran)]))
            .ToList());

    public static Results<Ok<RegelverkDto>, ProblemHttpResult> RegelverketAsync(string regelverk, RuleCatalogueHolder regler)
    {
        var versioner = regler.Current.Versions(regelverk);
        if (versioner.Count == 0) return ProblemResults.SaknasProblem($"Regelverket {regelverk} finns inte.");
        return TypedResults.Ok(new RegelverkDto(regelverk, [.. versioner.Select(RegelverksversionDto.Fran)]));
    }

    public static async Task<Results<Ok<List<StoredEvaluation>>, ProblemHttpResult>> TillampningarAsync(
        string regelverk, string? version, RuleCatalogueHolder regler, IEvaluationStore provningar, CancellationToken ct)
    {
        if (regler.Current.Versions(regelverk).Count == 0) return ProblemResults.SaknasProblem($"Regelverket {regelverk} finns inte.");
        return TypedResults.Ok((await provningar.ForRegelverkAsync(regelverk, version, ct)).ToList());
    }

    /// <summary>
    /// Tries the regelverk on input the user writes. Nothing is stored: a trial is not an application of the law to an
    /// insats, and "where was this version applied" must only list real evaluations.
    /// </summary>
    public static async Task<Results<Ok<RuleSetResult>, ValidationProblem, ProblemHttpResult>> ProvaAsync(
        string regelverk, HttpRequest request, RuleCatalogueHolder regler, CancellationToken ct)
    {
        if (regler.Current.Versions(regelverk).Count == 0) return ProblemResults.SaknasProblem($"Regelverket {regelverk} finns inte.");
        var (body, problem) = await JsonIndata.LasAsync<ProvaRegelverk>(request, ct);
        if (problem is not null) return problem;
        if (!DateOnly.TryParseExact(body!.Datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
            return InnehallsProblem.Json("$.datum", $"\"{body.Datum}\" är inte ett datum ÅÅÅÅ-MM-DD");
        RuleFile fil;
        try { fil = regler.Current.Choose(regelverk, datum, body.Version); }
        catch (RegelverkSaknasException e) { return InnehallsProblem.Json(body.Version is null ? "$.datum" : "$.version", e.Message); }
        try { return TypedResults.Ok(await RuleEvaluator.EvaluateAsync(fil, datum, body.Indata, ct)); }
        catch (InputException e) { return InnehallsProblem.Json(e.Path.Replace("$", "$.indata", StringComparison.Ordinal), e.Message); }
        catch (RuleLimitException e) { return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Prövningen gick över en gräns; inget har sparats.", e.Message); }
    }

    public static async Task<Ok<Testkorning>> TesterAsync(string? regelverk, RuleCatalogueHolder regler)
    {
        var resultat = await RuleTestRunner.RunAllAsync(regler.Directory, regler.Current);
        var urval = resultat.Where(r => regelverk is null || r.Fall?.Regelverk == regelverk || (r.Fall is null && r.File.Contains($"/{regelverk}/", StringComparison.Ordinal)))
            .Select(r => new Testresultat(r.Fall?.Regelverk, r.Namn, r.File, r.Godkand, r.VersionProvad, r.Avvikelser))
            .ToList();
        return TypedResults.Ok(new Testkorning(urval.Count, urval.Count(r => r.Godkand), urval));
    }
}

public sealed record RegelverkDto(string Namn, IReadOnlyList<RegelverksversionDto> Versioner);

public sealed record RegelverksversionDto(
    string Version, DateOnly GiltigFran, IReadOnlyList<string> RattsligGrund, string Beskrivning,
    IReadOnlyDictionary<string, string> Indata, JsonElement Parametrar, string Sha256, IReadOnlyList<RegelDto> Regler)
{
    public static RegelverksversionDto Fran(RuleFile f)
    {
        using var parametrar = JsonDocument.Parse(string.IsNullOrWhiteSpace(f.ParametrarJson) ? "{}" : f.ParametrarJson);
        return new(f.Version, f.GiltigFran, f.RattsligGrund, f.Beskrivning,
            f.Indata.ToDictionary(i => i.Namn, i => i.Shape.Describe()), parametrar.RootElement.Clone(), f.Sha256,
            [.. f.Regler.Select(r => new RegelDto(r.Namn, r.Allvarlighet.Text(), r.Meddelande, r.RattsligGrund, r.Beskrivning, r.Uttryck))]);
    }
}

public sealed record RegelDto(string Namn, string Allvarlighet, string Meddelande, string RattsligGrund, string? Beskrivning, string? Uttryck);

/// <param name="Datum">The date the evaluation is about (ÅÅÅÅ-MM-DD); chooses the version in force unless Version pins one.</param>
/// <param name="Indata">The input object the regelverk's indata describes.</param>
public sealed record ProvaRegelverk(string Datum, JsonElement Indata, string? Version = null);

public sealed record Testkorning(int Antal, int Godkanda, IReadOnlyList<Testresultat> Resultat);

public sealed record Testresultat(string? Regelverk, string Namn, string Fil, bool Godkand, string? Version, IReadOnlyList<string> Avvikelser);
