using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Installation;
using InsatsFlow.Data;
using InsatsFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Installation;

/// <summary>
/// The installation above the förbund: its admin lists and forms förbund (<see cref="Forbundsskapande"/>); a förbund's
/// whole export is theirs, and its own admin's for their own förbund. Another förbund's id is 404 to everyone else.
/// </summary>
public static class InstallationApi
{
    public static RouteGroupBuilder MapInstallationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/installation").WithTags("Installation").RequireAuthorization();
        api.MapGet("/forbund", ListaAsync).WithSummary("Installationens förbund (installationens administratör)");
        api.MapPost("/forbund", SkapaAsync).WithSummary("Bilda ett förbund med medlemmar och andelar, styrelse och första användare; allt eller inget");
        api.MapGet("/forbund/{id:guid}/export", ExporteraAsync)
            .WithSummary("Förbundets alla uppgifter som zip: forbund.json och dess dokument (installationens administratör, eller förbundets egen administratör)");
        return api;
    }

    public static async Task<Results<Ok<List<ForbundDto>>, ProblemHttpResult>> ListaAsync(ClaimsPrincipal user, IDbContextFactory<InsatsFlowDbContext> kontexter, CancellationToken ct)
    {
        if (Behorighetskontroll.Installationen(user.Person()) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        // the installation's admin belongs to no förbund: the list is read unfiltered, by its own context
        await using var db = await kontexter.CreateDbContextAsync(ct);
        var forbund = await db.Forbund.AsNoTracking().OrderBy(f => f.Namn).ToListAsync(ct);
        var anvandare = await db.Forbundsroller.AsNoTracking().GroupBy(r => r.ForbundId)
            .Select(g => new { g.Key, Antal = g.Select(r => r.AnvandareId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Antal, ct);
        return TypedResults.Ok(forbund.Select(f => Dto(f, anvandare.GetValueOrDefault(f.Id))).ToList());
    }

    public static async Task<Results<Created<SkapatForbund>, ValidationProblem, ProblemHttpResult>> SkapaAsync(
        NyttForbund nytt, ClaimsPrincipal user, Forbundsskapande skapande, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Installationen(person) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        return await skapande.SkapaAsync(nytt, person.Anvandare, ct);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporteraAsync(
        Guid id, ClaimsPrincipal user, Forbundsexport export, CancellationToken ct)
    {
        var person = user.Person();
        if (!Behorighetskontroll.SerForbundet(person, id)) return ProblemResults.SaknasProblem("Förbundet finns inte.");
        if (Behorighetskontroll.ExporteraForbund(person, id) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (await export.SkapaAsync(id, person.Anvandare, ct) is not { } zip) return ProblemResults.SaknasProblem("Förbundet finns inte.");
        return TypedResults.File(zip.Zip, "application/zip", zip.Filnamn);
    }

    public static ForbundDto Dto(Forbund f, int anvandare) =>
        new(f.Id, f.Namn, f.Organisationsnummer, [.. f.Medlemmar.OrderBy(m => m.Typ).ThenBy(m => m.Namn).Select(m => new MedlemDto(m.Id, m.Namn, m.Typ.ToString().ToLowerInvariant(), m.Andel))], anvandare);
}

public sealed record ForbundDto(Guid Id, string Namn, string Organisationsnummer, IReadOnlyList<MedlemDto> Medlemmar, int Anvandare);

public sealed record MedlemDto(Guid Id, string Namn, string Typ, decimal? Andel);
