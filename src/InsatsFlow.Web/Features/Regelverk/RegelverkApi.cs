using System.Globalization;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Web.Components.Shared;
using InsatsFlow.Rules.Impact;
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
        api.MapGet("/kommande", KommandeAsync).WithSummary("Kommande ändringar: sammanfogade versioner som börjar gälla senare, med pågående ärenden som möter dem");
        api.MapPost("/konsekvensanalys", KonsekvensanalysAsync)
            .WithSummary("Konsekvensanalys: pröva ett utkast till regelfil (brödtexten) mot de sparade prövningar det skulle ha styrt (?alla=true: alla); sparar ingenting")
            .Accepts<JsonElement>("application/json").ProducesValidationProblem().RequireAuthorization(p => p.RequireRole(ProvandeRoller));
        api.MapPost("/konsekvensanalys/csv", KonsekvensanalysCsvAsync)
            .WithSummary("Konsekvensanalysen som CSV (semikolonseparerad)")
            .Accepts<JsonElement>("application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(ProvandeRoller));
        api.MapGet("/{regelverk}", RegelverketAsync).WithSummary("Ett regelverks versioner med regler")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{regelverk}/tillampningar", TillampningarAsync).WithSummary("Var regelverket (eller en version, ?version=) har tillämpats")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{regelverk}/jamforelse", JamforelseAsync).WithSummary("Två versioner sida vid sida (?fran=&till=): regler tillagda, borttagna och ändrade, parametrar och giltigFrån")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        api.MapGet("/{regelverk}/underlag", UnderlagAsync).WithSummary("Indata som en regelkontroll skulle få för ett verkligt ärende (?arende=SF 2026/012 eller ?arende=2027, &datum=)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().RequireAuthorization(p => p.RequireRole(ProvandeRoller));
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

    /// <summary>At most this much draft: a rule file is a few kilobytes.</summary>
    public const int MaxUtkast = 1024 * 1024;

    public static async Task<Results<Ok<KonsekvensanalysDto>, ValidationProblem>> KonsekvensanalysAsync(
        HttpRequest request, bool? alla, Konsekvensanalys analys, CancellationToken ct)
    {
        var (rapport, problem) = await AnalyseraAsync(request, alla ?? false, analys, ct);
        return rapport is null ? problem! : TypedResults.Ok(Konsekvensrapportering.Dto(rapport));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> KonsekvensanalysCsvAsync(
        HttpRequest request, bool? alla, Konsekvensanalys analys, CancellationToken ct)
    {
        var (rapport, problem) = await AnalyseraAsync(request, alla ?? false, analys, ct);
        if (rapport is null) return problem!;
        var u = rapport.Omprovning.Utkast;
        return TypedResults.File(Konsekvensrapportering.Csv(rapport), "text/csv; charset=utf-8", $"konsekvensanalys-{u.Regelverk}-{u.Version}.csv");
    }

    private static async Task<(Konsekvensrapport?, ValidationProblem?)> AnalyseraAsync(HttpRequest request, bool alla, Konsekvensanalys analys, CancellationToken ct)
    {
        using var innehall = new MemoryStream();
        var buffert = new byte[16 * 1024];
        int lasta;
        while ((lasta = await request.Body.ReadAsync(buffert, ct)) > 0)
        {
            innehall.Write(buffert, 0, lasta);
            if (innehall.Length > MaxUtkast)
                return (null, InnehallsProblem.Json("$", $"utkastet är större än {MaxUtkast / 1024} kB; en regelfil är några kilobyte"));
        }
        if (innehall.Length == 0) return (null, InnehallsProblem.Json("$", "begäran saknar utkastet (en regelfil som JSON)"));
        var resultat = await analys.AnalyseraAsync("utkast.json", innehall.ToArray(), alla, ct);
        if (resultat.Rapport is not null) return (resultat.Rapport, null);
        return (null, TypedResults.ValidationProblem(
            resultat.Problem.GroupBy(p => string.IsNullOrEmpty(p.Location) ? p.File : p.Location).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray()),
            title: "Utkastet kunde inte läsas in; inget prövades om."));
    }

    public static async Task<Ok<List<KommandeAndringDto>>> KommandeAsync(Konsekvensanalys analys, TimeProvider klocka, CancellationToken ct) =>
        TypedResults.Ok((await analys.KommandeAsync(Visning.Idag(klocka), ct)).Select(KommandeAndringDto.Fran).ToList());

    public static Results<Ok<VersionComparison>, ValidationProblem, ProblemHttpResult> JamforelseAsync(
        string regelverk, string? fran, string? till, RuleCatalogueHolder regler)
    {
        var versioner = regler.Current.Versions(regelverk);
        if (versioner.Count == 0) return ProblemResults.SaknasProblem($"Regelverket {regelverk} finns inte.");
        // Without versions: the one before the latest against the latest, what a reviewer usually wants.
        var a = fran is null ? versioner[Math.Max(0, versioner.Count - 2)] : regler.Current.Version(regelverk, fran);
        var b = till is null ? versioner[^1] : regler.Current.Version(regelverk, till);
        if (a is null) return ProblemResults.Falt("fran", $"{regelverk} har ingen version \"{fran}\"; versionerna är {string.Join(", ", versioner.Select(v => v.Version))}");
        if (b is null) return ProblemResults.Falt("till", $"{regelverk} har ingen version \"{till}\"; versionerna är {string.Join(", ", versioner.Select(v => v.Version))}");
        return TypedResults.Ok(VersionDiff.Compare(a, b));
    }

    public static async Task<Results<Ok<UnderlagDto>, ValidationProblem, ProblemHttpResult>> UnderlagAsync(
        string regelverk, string? arende, string? datum, RuleCatalogueHolder regler, Regelunderlag underlag, TimeProvider klocka, CancellationToken ct)
    {
        if (regler.Current.Versions(regelverk).Count == 0) return ProblemResults.SaknasProblem($"Regelverket {regelverk} finns inte.");
        if (string.IsNullOrWhiteSpace(arende)) return ProblemResults.Falt("arende", "ange ett diarienummer (SF 2026/012) eller ett budgetår (2027)");
        var dag = Visning.Idag(klocka);
        if (datum is not null && !DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dag))
            return ProblemResults.Falt("datum", $"\"{datum}\" är inte ett datum ÅÅÅÅ-MM-DD");
        RuleFile fil;
        try { fil = regler.Current.Choose(regelverk, dag); }
        catch (RegelverkSaknasException e) { return ProblemResults.Falt("datum", e.Message); }
        var (indata, fel) = await underlag.ForArendeAsync(fil, arende, ct);
        if (indata is null) return ProblemResults.Falt("arende", fel!);
        return TypedResults.Ok(new UnderlagDto(fil.Version, dag, JsonSerializer.SerializeToElement(indata)));
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

public sealed record UnderlagDto(string Version, DateOnly Datum, JsonElement Indata);

public sealed record KommandeAndringDto(string Regelverk, string Version, DateOnly GiltigFran, string? ErsatterVersion, IReadOnlyList<KommandeFallDto> Arenden)
{
    public static KommandeAndringDto Fran(KommandeAndring a) => new(a.Version.Regelverk, a.Version.Version, a.Version.GiltigFran, a.Gallande?.Version,
        [.. a.Fall.Select(f => new KommandeFallDto(f.Arende.Text, f.InstansId, f.Senaste?.Resultat.Datum, f.Senaste?.Resultat.Version, f.Senaste?.Resultat.Uppfylld,
            f.Omprovning?.Nu?.Uppfylld, f.Omprovning?.Andrad, f.Omprovning?.Orsak, f.Omprovning?.Regler ?? []))]);
}

/// <param name="UppfylldDa">The last evaluation's verdict; null when the case has not met the gate yet.</param>
/// <param name="UppfylldSedan">What that snapshot gives under the coming version; null when it cannot be replayed (see Orsak).</param>
public sealed record KommandeFallDto(string Arende, string InstansId, DateOnly? SenastProvad, string? SenastVersion, bool? UppfylldDa,
    bool? UppfylldSedan, bool? Andras, string? Orsak, IReadOnlyList<RuleComparison> Regler);

public sealed record Testkorning(int Antal, int Godkanda, IReadOnlyList<Testresultat> Resultat);

public sealed record Testresultat(string? Regelverk, string Namn, string Fil, bool Godkand, string? Version, IReadOnlyList<string> Avvikelser);
