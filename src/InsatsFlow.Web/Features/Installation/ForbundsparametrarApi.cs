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
/// The active förbund's own values of the rule parameters its förbundsordning sets (beslutförhet): read by its
/// overseeing roles, set by its admin or förbundschef (<see cref="Behorighetskontroll.Forbundsparametrar"/>), every change
/// journalled as a förbund event.
/// </summary>
public static class ForbundsparametrarApi
{
    public static RouteGroupBuilder MapForbundsparametrarApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/forbund").WithTags("Förbund").RequireAuthorization();
        api.MapGet("/parametrar", ListaAsync).WithSummary("Förbundets parametrar enligt förbundsordningen: regelfilens värde, förbundets eget och det som gäller");
        api.MapPut("/parametrar/{regelverk}/{namn}", SattAsync).WithSummary("Sätt förbundets eget värde på en parameter; ändringen journalförs");
        api.MapDelete("/parametrar/{regelverk}/{namn}", AterstallAsync).WithSummary("Ta bort förbundets eget värde så att regelfilens gäller igen; ändringen journalförs");
        api.MapGet("/handelser", HandelserAsync).WithSummary("Förbundets händelselogg: vem som ändrade förbundets parametrar och när");
        return api;
    }

    public static async Task<Results<Ok<List<ForbundsparameterDto>>, ProblemHttpResult>> ListaAsync(
        ClaimsPrincipal user, Forbundsparametrar parametrar, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Forbundsparametrar(person, andra: false) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (Aktivt(person) is not { } forbund) return IngetForbund();
        return TypedResults.Ok((await parametrar.ListaAsync(forbund, ct)).Select(Dto).ToList());
    }

    public static async Task<Results<Ok<ForbundsparameterDto>, ValidationProblem, ProblemHttpResult>> SattAsync(
        string regelverk, string namn, ParameterVarde body, ClaimsPrincipal user, Forbundsparametrar parametrar, InsatsFlowDbContext db, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Forbundsparametrar(person, andra: true) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (Aktivt(person) is not { } forbund) return IngetForbund();
        if (!parametrar.Finns(regelverk, namn)) return Saknas(regelverk, namn);
        if (await parametrar.SattAsync(forbund, regelverk, namn, body.Varde, person.Anvandare, ct) is { } fel) return ProblemResults.Validering([fel]);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto((await parametrar.ListaAsync(forbund, ct)).First(p => p.Regelverk == regelverk && p.Namn == namn)));
    }

    public static async Task<Results<Ok<ForbundsparameterDto>, ProblemHttpResult>> AterstallAsync(
        string regelverk, string namn, ClaimsPrincipal user, Forbundsparametrar parametrar, InsatsFlowDbContext db, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Forbundsparametrar(person, andra: true) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (Aktivt(person) is not { } forbund) return IngetForbund();
        if (!parametrar.Finns(regelverk, namn)) return Saknas(regelverk, namn);
        if (await parametrar.AterstallAsync(forbund, regelverk, namn, person.Anvandare, ct)) await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto((await parametrar.ListaAsync(forbund, ct)).First(p => p.Regelverk == regelverk && p.Namn == namn)));
    }

    public static async Task<Results<Ok<List<ForbundshandelseDto>>, ProblemHttpResult>> HandelserAsync(
        ClaimsPrincipal user, InsatsFlowDbContext db, CancellationToken ct)
    {
        var person = user.Person();
        if (Behorighetskontroll.Forbundsparametrar(person, andra: false) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (Aktivt(person) is not { } forbund) return IngetForbund();
        var rader = await db.Forbundshandelser.AsNoTracking().Where(h => h.ForbundId == forbund).OrderByDescending(h => h.TidUtc).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rader.Select(h => new ForbundshandelseDto(h.TidUtc, h.Anvandare, h.Handelse, h.Beskrivning)).ToList());
    }

    private static Guid? Aktivt(Person person) => person.ForbundId is { } f && f != AktivtForbund.Ingen ? f : null;

    private static ProblemHttpResult IngetForbund() => ProblemResults.SaknasProblem("Du har inget aktivt förbund; välj ett förbund du tillhör.");

    private static ProblemHttpResult Saknas(string regelverk, string namn) =>
        ProblemResults.SaknasProblem($"Parametern {regelverk}.{namn} finns inte, eller bestäms inte av förbundsordningen.");

    public static ForbundsparameterDto Dto(Forbundsparametervy p) =>
        new(p.Regelverk, p.Version, p.Namn, p.Beskrivning, p.Standard, p.Forbundets, p.Gallande, p.AndradUtc, p.AndradAv);
}

/// <summary>The förbund's value of a parameter (a number; a share as 0,6).</summary>
public sealed record ParameterVarde(decimal? Varde);

public sealed record ForbundsparameterDto(string Regelverk, string Version, string Namn, string Beskrivning, decimal Standard,
    decimal? Forbundets, decimal Gallande, DateTime? AndradUtc, string? AndradAv);

public sealed record ForbundshandelseDto(DateTime TidUtc, string Anvandare, string Handelse, string Beskrivning);
