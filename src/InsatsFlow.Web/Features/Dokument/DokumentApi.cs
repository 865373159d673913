using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Dokument;

public static class DokumentApi
{
    /// <summary>Who may reach the endpoints at all; which documents each reads is for <see cref="Behorighetskontroll"/>.</summary>
    public static readonly string[] LasandeRoller =
        [Roller.Kansli, Roller.Admin, Roller.Revisor, Roller.Styrelse, Roller.Beredningsgrupp, Roller.Sokande];

    public static RouteGroupBuilder MapDokumentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/dokument").WithTags("Dokument")
            .RequireAuthorization(p => p.RequireRole(LasandeRoller));
        api.MapGet("/", ListaAsync).WithSummary("En processinstans dokument (?instans=)");
        api.MapGet("/{id:guid}", HtmlAsync).WithSummary("Ett arkiverat dokument som utskriftsklar HTML")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/uppgifter", UppgifterAsync).WithSummary("Vad dokumentet gjordes av: mall, mallens SHA-256, modellen")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<DokumentDto, object?>> Sorteringar = new Dictionary<string, Func<DokumentDto, object?>>
    {
        ["skapad"] = d => d.SkapadUtc, ["typ"] = d => d.Typ.ToString(), ["mall"] = d => d.Mall,
    };

    public static async Task<Results<Ok<Sidresultat<DokumentDto>>, ValidationProblem, ProblemHttpResult>> ListaAsync(
        string? instans, Dokumenttyp? typ, string? sortering, int? sida, int? antal, IDokumentarkiv arkiv, Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken ct)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        if (string.IsNullOrWhiteSpace(instans)) fel.Add(new("instans", "Ange processinstansen vars dokument du vill se (?instans=)."));
        var val = Sidindelning.Las(sida, antal, sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var dokument = await arkiv.ListaForInstansAsync(instans!, ct);
        var synliga = new List<DokumentDto>();
        foreach (var d in dokument)
            if ((typ is null || d.Typ == typ) && await behorighet.FarLasaDokumentAsync(user.Person(), d.Affarsnyckel, ct)) synliga.Add(DokumentDto.Fran(d));
        return TypedResults.Ok(Sidindelning.Dela(synliga, val, Sorteringar, d => d.Id, "/api/dokument", sortering, ("instans", instans), ("typ", typ)));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> HtmlAsync(
        Guid id, IDokumentarkiv arkiv, Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken ct)
    {
        var dokument = await arkiv.HamtaAsync(id, ct);
        if (dokument is null) return ProblemResults.SaknasProblem($"Dokumentet {id} finns inte.");
        if (!await behorighet.FarLasaDokumentAsync(user.Person(), dokument.Affarsnyckel, ct)) return ProblemResults.Forbjuden("Dokumentet hör till en insats där du inte är kontaktperson.");
        return TypedResults.Content(dokument.Html, "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<DokumentMedModell>, ProblemHttpResult>> UppgifterAsync(
        Guid id, IDokumentarkiv arkiv, Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken ct)
    {
        var dokument = await arkiv.HamtaAsync(id, ct);
        if (dokument is null) return ProblemResults.SaknasProblem($"Dokumentet {id} finns inte.");
        if (!await behorighet.FarLasaDokumentAsync(user.Person(), dokument.Affarsnyckel, ct)) return ProblemResults.Forbjuden("Dokumentet hör till en insats där du inte är kontaktperson.");
        return TypedResults.Ok(new DokumentMedModell(DokumentDto.Fran(dokument), dokument.ModellJson));
    }
}

/// <param name="MallVersion">The förbund's own template version that rendered it; null: the shipped file.</param>
public sealed record DokumentDto(Guid Id, Dokumenttyp Typ, string Mall, string MallSha256, string? Instans, string? Affarsnyckel, DateTime SkapadUtc, string Url,
    int? MallVersion = null)
{
    public static DokumentDto Fran(ArkiveratDokument d) =>
        new(d.Id, d.Typ, d.Mallnamn, d.MallSha256, d.ProcessInstansId, d.Affarsnyckel, d.SkapadUtc, $"/api/dokument/{d.Id}", d.MallVersion);
}

public sealed record DokumentMedModell(DokumentDto Dokument, string ModellJson);
