using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Data;
using InsatsFlow.Data.Integration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>The admin's machine clients: one per other system of the förbund, with its scopes; the token is shown once.</summary>
public static class MaskinklienterApi
{
    public const int MaxNamn = 100;

    public static RouteGroupBuilder MapMaskinklienterApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/integration/klienter").WithTags("Integration")
            .RequireAuthorization(p => p.RequireRole(Roller.Admin));
        api.MapGet("/", ListaAsync).WithSummary("Förbundets maskinklienter med behörigheter (aldrig deras token)");
        api.MapPost("/", SkapaAsync).WithSummary("Skapa en maskinklient; svaret visar dess token en enda gång");
        api.MapPost("/{id:guid}/rotera", RoteraAsync).WithSummary("Ge klienten en ny token; den gamla slutar gälla direkt");
        api.MapPost("/{id:guid}/aterkalla", AterkallaAsync).WithSummary("Återkalla klienten; dess token slutar gälla direkt");
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<MaskinklientDto, object?>> Sorteringar = new Dictionary<string, Func<MaskinklientDto, object?>>
    {
        ["namn"] = k => k.Namn, ["skapad"] = k => k.SkapadUtc,
    };

    /// <summary>The clients page by page, by name unless sorted otherwise; <paramref name="aktiva"/> leaves out the revoked ones.</summary>
    public static async Task<Results<Ok<Sidresultat<MaskinklientDto>>, ValidationProblem>> ListaAsync(
        InsatsFlowDbContext db, bool? aktiva, string? sortering, int? sida, int? antal, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        var val = Sidindelning.Las(sida, antal, sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var rader = await db.Maskinklienter.AsNoTracking().Where(k => aktiva != true || k.AterkalladUtc == null).ToListAsync(ct);
        return TypedResults.Ok(Sidindelning.Dela(rader.Select(Dto), val, Sorteringar, k => k.Id, "/api/integration/klienter", sortering, ("aktiva", aktiva == true ? "true" : null)));
    }

    public static async Task<Results<Created<NyMaskinklientToken>, ValidationProblem, ProblemHttpResult>> SkapaAsync(
        NyMaskinklient ny, InsatsFlowDbContext db, ClaimsPrincipal user, TimeProvider tid, CancellationToken ct)
    {
        var fel = new List<Valideringsfel>();
        var namn = ny.Namn?.Trim() ?? "";
        if (namn.Length == 0) fel.Add(new("namn", "Namn måste fyllas i."));
        else if (namn.Length > MaxNamn) fel.Add(new("namn", $"Namnet får vara högst {MaxNamn} tecken."));
        else if (!namn.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            fel.Add(new("namn", "Namnet får bara innehålla bokstäver, siffror, bindestreck, understreck och punkt (det står i journalen som klient:<namn>)."));
        var omfang = (ny.Omfang ?? []).Distinct().ToList();
        if (omfang.Count == 0) fel.Add(new("omfang", $"Välj minst en behörighet: {string.Join(", ", Omfang.Alla)}."));
        foreach (var okand in omfang.Where(o => !Omfang.Alla.Contains(o)))
            fel.Add(new("omfang", $"Okänd behörighet \"{okand}\"; giltiga är {string.Join(", ", Omfang.Alla)}."));
        if (fel.Count > 0) return ProblemResults.Validering(fel);

        var forbund = ny.ForbundId is { } fid
            ? await db.Forbund.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fid, ct)
            : await db.Forbund.AsNoTracking().OrderBy(f => f.Namn).FirstOrDefaultAsync(ct);
        if (forbund is null) return ProblemResults.Falt("forbundId", "Förbundet finns inte.");
        if (await db.Maskinklienter.AnyAsync(k => k.Namn == namn, ct))
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Namnet är upptaget.", $"Det finns redan en maskinklient som heter {namn}.");

        var klient = new Maskinklient
        {
            Id = Guid.NewGuid(), ForbundId = forbund.Id, Namn = namn, Omfang = string.Join(' ', omfang.Order(StringComparer.Ordinal)),
            SkapadUtc = tid.GetUtcNow().UtcDateTime, SkapadAv = user.Identity?.Name ?? "",
        };
        var token = MaskinklientToken.Ny(klient.Id);
        klient.TokenHash = MaskinklientToken.Hash(token);
        db.Maskinklienter.Add(klient);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/integration/klienter/{klient.Id}", new NyMaskinklientToken(Dto(klient), token));
    }

    public static async Task<Results<Ok<NyMaskinklientToken>, ProblemHttpResult>> RoteraAsync(Guid id, InsatsFlowDbContext db, TimeProvider tid, CancellationToken ct)
    {
        var klient = await db.Maskinklienter.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (klient is null) return ProblemResults.SaknasProblem("Maskinklienten finns inte.");
        if (klient.AterkalladUtc is not null)
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Klienten är återkallad.", "En återkallad klient får ingen ny token; skapa en ny klient.");
        var token = MaskinklientToken.Ny(klient.Id);
        klient.TokenHash = MaskinklientToken.Hash(token);
        klient.RoteradUtc = tid.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new NyMaskinklientToken(Dto(klient), token));
    }

    public static async Task<Results<Ok<MaskinklientDto>, ProblemHttpResult>> AterkallaAsync(Guid id, InsatsFlowDbContext db, TimeProvider tid, CancellationToken ct)
    {
        var klient = await db.Maskinklienter.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (klient is null) return ProblemResults.SaknasProblem("Maskinklienten finns inte.");
        klient.AterkalladUtc ??= tid.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(klient));
    }

    private static MaskinklientDto Dto(Maskinklient k) =>
        new(k.Id, k.Namn, MaskinklientAutentisering.Anvandarprefix + k.Namn, k.OmfangLista, k.SkapadUtc, k.SkapadAv, k.RoteradUtc, k.AterkalladUtc);
}

public sealed record NyMaskinklient(string? Namn, IReadOnlyList<string>? Omfang, Guid? ForbundId = null);

/// <summary>A client as the admin sees it; <see cref="Anvandare"/> is the name it has in the journal.</summary>
public sealed record MaskinklientDto(Guid Id, string Namn, string Anvandare, IReadOnlyList<string> Omfang,
    DateTime SkapadUtc, string SkapadAv, DateTime? RoteradUtc, DateTime? AterkalladUtc);

/// <summary>The token, shown this once: only its hash is kept.</summary>
public sealed record NyMaskinklientToken(MaskinklientDto Klient, string Token);
