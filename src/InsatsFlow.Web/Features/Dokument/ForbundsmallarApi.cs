using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Dokument;

/// <summary>
/// The active förbund's own versions of the document templates (templates/*.sbn are the defaults): read by its kansli,
/// admin and revisor, published and withdrawn by its kansli or admin (<see cref="Behorighetskontroll.Dokumentmallar"/>).
/// Another förbund's versions are not there (404). A bad template is a 400 naming the template and line; nothing is stored.
/// </summary>
public static class ForbundsmallarApi
{
    public static RouteGroupBuilder MapForbundsmallarApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/forbund/mallar").WithTags("Dokumentmallar").RequireAuthorization();
        api.MapGet("/", ListaAsync).WithSummary("Dokumentmallarna som förbundet ser dem: förbundets egen version eller den levererade filen");
        api.MapGet("/{namn}", HamtaAsync).WithSummary("En dokumentmall: texten som gäller för förbundet och förbundets versioner");
        api.MapGet("/{namn}/versioner/{version:int}", VersionAsync).WithSummary("En av förbundets versioner av mallen, med texten");
        api.MapPost("/{namn}/versioner", PubliceraAsync).WithSummary("Publicera förbundets egen version av mallen (Scriban); prövas som mallfilerna");
        api.MapPost("/{namn}/aterkalla", AterkallaAsync).WithSummary("Återkalla förbundets version så att den levererade mallen gäller igen");
        return api;
    }

    public static async Task<Results<Ok<List<ForbundsmallDto>>, ProblemHttpResult>> ListaAsync(ClaimsPrincipal user, Forbundsmallar mallar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Dokumentmallar(person, andra: false) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        var forbund = person.ForbundId!.Value;
        var lista = new List<ForbundsmallDto>();
        foreach (var namn in mallar.Namn)
        {
            var egen = await mallar.EgenAsync(forbund, namn, ct);
            lista.Add(new(namn, egen?.Version, egen?.PubliceradUtc, egen?.PubliceradAv));
        }
        return TypedResults.Ok(lista);
    }

    public static async Task<Results<Ok<ForbundsmallMedVersionerDto>, ProblemHttpResult>> HamtaAsync(
        string namn, ClaimsPrincipal user, Forbundsmallar mallar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Dokumentmallar(person, andra: false) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (!mallar.Finns(namn)) return Saknas(namn);
        var forbund = person.ForbundId!.Value;
        var versioner = await mallar.VersionerAsync(forbund, namn, ct);
        var egen = await mallar.EgenAsync(forbund, namn, ct);
        return TypedResults.Ok(new ForbundsmallMedVersionerDto(
            versioner.FirstOrDefault()?.Namn ?? mallar.Namn.First(n => string.Equals(n, namn, StringComparison.OrdinalIgnoreCase)),
            egen?.Version, egen?.Text ?? mallar.Filtext(namn), [.. versioner.Select(MallversionDto.Fran)]));
    }

    public static async Task<Results<Ok<MallversionMedTextDto>, ProblemHttpResult>> VersionAsync(
        string namn, int version, ClaimsPrincipal user, Forbundsmallar mallar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Dokumentmallar(person, andra: false) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (!mallar.Finns(namn)) return Saknas(namn);
        // only the active förbund's versions are looked up: another förbund's version N is not there
        if ((await mallar.VersionerAsync(person.ForbundId!.Value, namn, ct)).FirstOrDefault(v => v.Version == version) is not { } v)
            return ProblemResults.SaknasProblem($"Förbundet har ingen version {version} av mallen {namn}.");
        return TypedResults.Ok(new MallversionMedTextDto(MallversionDto.Fran(v), v.Text));
    }

    public static async Task<Results<Created<MallversionDto>, ValidationProblem, ProblemHttpResult>> PubliceraAsync(
        string namn, NyMallversion? body, ClaimsPrincipal user, Forbundsmallar mallar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Dokumentmallar(person, andra: true) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (!mallar.Finns(namn)) return Saknas(namn);
        if (body?.Text is not { } text) return ProblemResults.Falt("text", $"Ange mallens text (Scriban) i fältet text för mallen {namn}.");
        var (version, fel) = await mallar.PubliceraAsync(person.ForbundId!.Value, namn, text, person.Anvandare, ct);
        if (version is null)
            return ProblemResults.Validering(fel.Select(f => new Valideringsfel("text", f.ToString())), $"Mallen {namn} kan inte publiceras; inget har sparats.");
        return TypedResults.Created($"/api/forbund/mallar/{version.Namn}/versioner/{version.Version}", MallversionDto.Fran(version));
    }

    public static async Task<Results<Ok<MallversionDto>, ProblemHttpResult>> AterkallaAsync(
        string namn, ClaimsPrincipal user, Forbundsmallar mallar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Dokumentmallar(person, andra: true) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (!mallar.Finns(namn)) return Saknas(namn);
        if (await mallar.AterkallaAsync(person.ForbundId!.Value, namn, person.Anvandare, ct) is not { } version)
            return ProblemResults.SaknasProblem($"Förbundet har ingen egen version av mallen {namn} att återkalla.");
        return TypedResults.Ok(MallversionDto.Fran(version));
    }

    private static ProblemHttpResult Saknas(string namn) => ProblemResults.SaknasProblem($"Dokumentmallen {namn} finns inte.");
}

/// <summary>A förbund's own version of a template: Scriban text, as pasted or uploaded.</summary>
public sealed record NyMallversion(string? Text);

/// <summary>A template as the förbund sees it: its own version in force (null: the shipped file serves).</summary>
public sealed record ForbundsmallDto(string Namn, int? Version, DateTimeOffset? PubliceradUtc, string? PubliceradAv);

/// <summary>A template with the text in force for the förbund and all the förbund's versions of it, oldest first.</summary>
public sealed record ForbundsmallMedVersionerDto(string Namn, int? Version, string Text, List<MallversionDto> Versioner);

/// <summary>One of the förbund's versions; a withdrawal (aterkallad) has no text and puts the file back in force.</summary>
public sealed record MallversionDto(string Namn, int Version, bool Aterkallad, string Sha256, DateTimeOffset PubliceradUtc, string PubliceradAv)
{
    public static MallversionDto Fran(Mallversion v) => new(v.Namn, v.Version, v.Aterkallad, v.Sha256, v.PubliceradUtc, v.PubliceradAv);
}

public sealed record MallversionMedTextDto(MallversionDto Version, string Text);
