using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Handelser;
using InsatsFlow.Data;
using InsatsFlow.Data.Integration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>The admin's webhook subscriptions: a URL, the events it wants, a secret shown once; and each one's delivery log.</summary>
public static class WebhooksApi
{
    public const int MaxUrl = 2000;
    public static readonly string[] Leveranssorteringar = ["skapad", "status", "typ"];

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/integration/webhooks").WithTags("Integration")
            .RequireAuthorization(p => p.RequireRole(Roller.Admin));
        api.MapGet("/", ListaAsync).WithSummary("Förbundets webhook-prenumerationer (aldrig deras hemlighet)");
        api.MapPost("/", SkapaAsync).WithSummary("Prenumerera på händelser; svaret visar hemligheten en enda gång");
        api.MapPost("/{id:guid}/rotera", RoteraAsync).WithSummary("Ge prenumerationen en ny hemlighet; den gamla slutar gälla direkt");
        api.MapPost("/{id:guid}/avsluta", AvslutaAsync).WithSummary("Avsluta prenumerationen; inga fler händelser skickas");
        api.MapGet("/{id:guid}/leveranser", LeveranserAsync).WithSummary("Prenumerationens leveranslogg sida för sida: varje försök med statuskod och fel");
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<WebhookprenumerationDto, object?>> Sorteringar = new Dictionary<string, Func<WebhookprenumerationDto, object?>>
    {
        ["skapad"] = p => p.SkapadUtc, ["url"] = p => p.Url,
    };

    /// <summary>The subscriptions page by page, oldest first unless sorted otherwise; <paramref name="aktiva"/> leaves out the ended ones.</summary>
    public static async Task<Results<Ok<Sidresultat<WebhookprenumerationDto>>, ValidationProblem>> ListaAsync(
        InsatsFlowDbContext db, bool? aktiva, string? sortering, int? sida, int? antal, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        var val = Sidindelning.Las(sida, antal, sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var rader = await db.Webhookprenumerationer.AsNoTracking().Where(p => aktiva != true || p.AvslutadUtc == null).ToListAsync(ct);
        return TypedResults.Ok(Sidindelning.Dela(rader.Select(Dto), val, Sorteringar, p => p.Id, "/api/integration/webhooks", sortering, ("aktiva", aktiva == true ? "true" : null)));
    }

    public static async Task<Results<Created<NyWebhookHemlighet>, ValidationProblem>> SkapaAsync(
        NyWebhookprenumeration ny, InsatsFlowDbContext db, ClaimsPrincipal user, TimeProvider tid, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        var url = ny.Url?.Trim() ?? "";
        if (url.Length == 0) fel.Add(new("url", "Adressen måste fyllas i."));
        else if (url.Length > MaxUrl) fel.Add(new("url", $"Adressen får vara högst {MaxUrl} tecken."));
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
            fel.Add(new("url", "Adressen ska vara en fullständig http- eller https-adress utan användarnamn, till exempel https://diarium.example.se/webhooks."));
        var handelser = (ny.Handelser ?? []).Distinct().ToList();
        if (handelser.Count == 0) fel.Add(new("handelser", $"Välj minst en händelse: {string.Join(", ", Handelsetyp.Alla)}."));
        foreach (var okand in handelser.Where(h => !Handelsetyp.Alla.Contains(h)))
            fel.Add(new("handelser", $"Okänd händelse \"{okand}\"; giltiga är {string.Join(", ", Handelsetyp.Alla)}."));
        if (fel.Count > 0) return ProblemResults.Validering(fel);

        var forbund = ny.ForbundId is { } fid
            ? await db.Forbund.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fid, ct)
            : await db.Forbund.AsNoTracking().OrderBy(f => f.Namn).FirstOrDefaultAsync(ct);
        if (forbund is null) return ProblemResults.Falt("forbundId", "Förbundet finns inte.");

        var prenumeration = new Webhookprenumeration
        {
            Id = Guid.NewGuid(), ForbundId = forbund.Id, Url = url, Handelser = string.Join(' ', handelser.OrderBy(h => Handelsetyp.Alla.ToList().IndexOf(h))),
            Hemlighet = Webhooksignatur.NyHemlighet(), SkapadUtc = tid.GetUtcNow().UtcDateTime, SkapadAv = user.Identity?.Name ?? "",
        };
        db.Webhookprenumerationer.Add(prenumeration);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/integration/webhooks/{prenumeration.Id}", new NyWebhookHemlighet(Dto(prenumeration), prenumeration.Hemlighet));
    }

    public static async Task<Results<Ok<NyWebhookHemlighet>, ProblemHttpResult>> RoteraAsync(Guid id, InsatsFlowDbContext db, TimeProvider tid, CancellationToken ct)
    {
        var p = await db.Webhookprenumerationer.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return ProblemResults.SaknasProblem("Prenumerationen finns inte.");
        if (p.AvslutadUtc is not null)
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Prenumerationen är avslutad.", "En avslutad prenumeration får ingen ny hemlighet; skapa en ny.");
        p.Hemlighet = Webhooksignatur.NyHemlighet();
        p.RoteradUtc = tid.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new NyWebhookHemlighet(Dto(p), p.Hemlighet));
    }

    public static async Task<Results<Ok<WebhookprenumerationDto>, ProblemHttpResult>> AvslutaAsync(Guid id, InsatsFlowDbContext db, TimeProvider tid, CancellationToken ct)
    {
        var p = await db.Webhookprenumerationer.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return ProblemResults.SaknasProblem("Prenumerationen finns inte.");
        p.AvslutadUtc ??= tid.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(p));
    }

    /// <summary>One page of a subscription's deliveries, filtered on status and event type, newest first unless sorted otherwise.</summary>
    public static async Task<Results<Ok<Sidresultat<WebhookleveransDto>>, ValidationProblem, ProblemHttpResult>> LeveranserAsync(
        Guid id, InsatsFlowDbContext db, string? status, string? typ, string? sortering, int? sida, int? antal, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        Leveransstatus? statusen = null;
        if (status is { Length: > 0 })
        {
            if (Enum.TryParse<Leveransstatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)) statusen = s;
            else fel.Add(new("status", $"Okänd status \"{status}\"; giltiga är {string.Join(", ", Enum.GetNames<Leveransstatus>())}."));
        }
        if (typ is { Length: > 0 } && !Handelsetyp.Alla.Contains(typ))
            fel.Add(new("typ", $"Okänd händelse \"{typ}\"; giltiga är {string.Join(", ", Handelsetyp.Alla)}."));
        var sidan = Sidindelning.Las(sida, antal, sortering ?? "-skapad", Leveranssorteringar, fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        if (!await db.Webhookprenumerationer.AnyAsync(p => p.Id == id, ct)) return ProblemResults.SaknasProblem("Prenumerationen finns inte.");

        var query = db.Webhookleveranser.AsNoTracking().Where(l => l.PrenumerationId == id);
        if (statusen is { } st) query = query.Where(l => l.Status == st);
        if (typ is { Length: > 0 }) query = query.Where(l => l.Typ == typ);
        var ordnad = (sidan.Sortering, sidan.Fallande) switch
        {
            ("status", false) => query.OrderBy(l => l.Status),
            ("status", true) => query.OrderByDescending(l => l.Status),
            ("typ", false) => query.OrderBy(l => l.Typ),
            ("typ", true) => query.OrderByDescending(l => l.Typ),
            (_, false) => query.OrderBy(l => l.SkapadUtc),
            (_, true) => query.OrderByDescending(l => l.SkapadUtc),
        };
        var totalt = await query.CountAsync(ct);
        var rader = await (sidan.Fallande ? ordnad.ThenByDescending(l => l.Id) : ordnad.ThenBy(l => l.Id))
            .Skip((sidan.Sida - 1) * sidan.Antal).Take(sidan.Antal).ToListAsync(ct);
        var ids = rader.Select(l => l.Id).ToList();
        var forsok = (await db.Set<Webhookforsok>().AsNoTracking().Where(f => ids.Contains(f.LeveransId)).ToListAsync(ct))
            .GroupBy(f => f.LeveransId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Nummer).Select(f => new WebhookforsokDto(f.Nummer, f.TidpunktUtc, f.Statuskod, f.Fel, f.Millisekunder)).ToList());
        var poster = rader.Select(l => new WebhookleveransDto(l.Id, l.HandelseId, l.Typ, l.Status, l.Forsok, l.SenasteStatuskod, l.SenasteFel,
            l.SkapadUtc, l.LevereradUtc, l.NastaForsokUtc, forsok.GetValueOrDefault(l.Id) ?? [])).ToList();
        var nasta = Sidindelning.Nasta($"/api/integration/webhooks/{id}/leveranser", sidan.Sida, sidan.Antal, totalt, sortering,
            ("status", statusen?.ToString()), ("typ", typ));
        return TypedResults.Ok(new Sidresultat<WebhookleveransDto>(poster, sidan.Sida, sidan.Antal, totalt, nasta));
    }

    private static WebhookprenumerationDto Dto(Webhookprenumeration p) =>
        new(p.Id, p.ForbundId, p.Url, p.HandelseLista, p.SkapadUtc, p.SkapadAv, p.RoteradUtc, p.AvslutadUtc);
}

public sealed record NyWebhookprenumeration(string? Url, IReadOnlyList<string>? Handelser, Guid? ForbundId = null);

public sealed record WebhookprenumerationDto(Guid Id, Guid ForbundId, string Url, IReadOnlyList<string> Handelser,
    DateTime SkapadUtc, string SkapadAv, DateTime? RoteradUtc, DateTime? AvslutadUtc);

/// <summary>The secret, shown this once (Standard Webhooks' "whsec_" + base64): the receiver verifies each body with it.</summary>
public sealed record NyWebhookHemlighet(WebhookprenumerationDto Prenumeration, string Hemlighet);

public sealed record WebhookleveransDto(Guid Id, Guid HandelseId, string Typ, Leveransstatus Status, int Forsok, int? SenasteStatuskod, string? SenasteFel,
    DateTime SkapadUtc, DateTime? LevereradUtc, DateTime? NastaForsokUtc, IReadOnlyList<WebhookforsokDto> Forsoklogg);

public sealed record WebhookforsokDto(int Nummer, DateTime TidpunktUtc, int? Statuskod, string? Fel, long Millisekunder);
