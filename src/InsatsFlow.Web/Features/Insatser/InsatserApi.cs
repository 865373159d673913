using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Insatser;

public static class InsatserApi
{
    public static RouteGroupBuilder MapInsatserApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/insatser").WithTags("Insatser")
            .RequireAuthorization(p => p.RequireRole(InsatsAtkomst.LasandeRoller));
        api.MapGet("/", ListInsatserAsync).WithSummary("Insatserna sida för sida, filtrerade på fas, medlem och år, med nästa sidas adress");
        api.MapGet("/{id:guid}", HamtaAsync).WithSummary("En insats som den som frågar får se");
        api.MapPost("/", RegistreraAsync).WithSummary("Registrera en ny insats och starta dess livscykel")
            .RequireAuthorization(p => p.RequireRole(Roller.Kansli, Roller.Sokande));
        return api;
    }

    public static async Task<Results<Created<RegistreradInsats>, ValidationProblem, ProblemHttpResult>> RegistreraAsync(
        NyInsats ny, InsatsRegistrering registrering, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var utfall = await registrering.RegistreraAsync(ny, user, requestId, ct);
        return utfall.ArOk
            ? TypedResults.Created($"/api/insatser/{utfall.Varde!.Id}", utfall.Varde)
            : utfall.Typ == UtfallsTyp.Ogiltigt ? ProblemResults.Validering(utfall.Fel)
            : utfall.Typ == UtfallsTyp.Obearbetbar ? ProblemResults.NyckelAteranvand(utfall.Meddelande!)
            : ProblemResults.Problem(StatusCodes.Status409Conflict, "Kan inte registreras.", utfall.Meddelande);
    }

    /// <summary>One insats, as a row of the list; 404 also when it exists but is not the caller's to see.</summary>
    public static async Task<Results<Ok<InsatsListItem>, ProblemHttpResult>> HamtaAsync(
        Guid id, InsatsFlowDbContext db, InsatsFlow.Core.Behorighet.Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken ct)
    {
        var insats = await behorighet.Synliga(user).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (insats is null) return ProblemResults.SaknasProblem("Insatsen finns inte, eller är inte din att se.");
        var medlemmar = await db.Medlemmar.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Namn, ct);
        return TypedResults.Ok(Rad(insats, medlemmar));
    }

    private static InsatsListItem Rad(Insats i, Dictionary<Guid, string> medlemmar) => new(
        i.Id, i.Diarienummer, i.Titel, i.SokandeOrganisation, i.Fas, i.Fas.Visningsnamn(), i.PeriodStart, i.PeriodSlut,
        [.. i.InvolveradeMedlemmar.Select(x => medlemmar.GetValueOrDefault(x.MedlemId, "?"))]);

    public const int StandardAntal = 50;
    public const int MaxAntal = 200;
    public static readonly string[] Sorteringar = ["diarienummer", "titel", "fas", "periodStart"];

    /// <summary>
    /// One page of the insatser the caller may see, with the filters the Insatser page offers (fas, medlem, år), in a
    /// stable order (the sort key, then the id), and the address of the next page while there is one.
    /// </summary>
    public static async Task<Results<Ok<InsatsSida>, ValidationProblem>> ListInsatserAsync(
        InsatsFlowDbContext db, InsatsFlow.Core.Behorighet.Behorighetskontroll behorighet, ClaimsPrincipal user,
        string? fas, Guid? medlem, int? ar, string? sortering, int? sida, int? antal, CancellationToken cancellationToken)
    {
        var fel = new List<Valideringsfel>();
        InsatsFas? fasen = null;
        if (fas is { Length: > 0 })
        {
            if (Enum.TryParse<InsatsFas>(fas, ignoreCase: true, out var f) && Enum.IsDefined(f)) fasen = f;
            else fel.Add(new("fas", $"Okänd fas \"{fas}\"; giltiga är {string.Join(", ", Enum.GetNames<InsatsFas>())}."));
        }
        var sorteras = sortering is { Length: > 0 } ? sortering : "diarienummer";
        var fallande = sorteras.StartsWith('-');
        var nyckel = sorteras.TrimStart('-');
        if (!Sorteringar.Contains(nyckel, StringComparer.OrdinalIgnoreCase))
            fel.Add(new("sortering", $"Okänd sortering \"{sortering}\"; giltiga är {string.Join(", ", Sorteringar)}, med - före för fallande."));
        if (sida is < 1) fel.Add(new("sida", "Sidan räknas från 1."));
        if (antal is < 1 or > MaxAntal) fel.Add(new("antal", $"Antal per sida är 1–{MaxAntal}."));
        if (ar is < 1900 or > 9999) fel.Add(new("ar", "Året anges med fyra siffror."));
        if (fel.Count > 0) return ProblemResults.Validering(fel);

        var query = behorighet.Synliga(user);
        if (fasen is { } valdFas) query = query.Where(i => i.Fas == valdFas);
        if (medlem is { } m) query = query.Where(i => i.InvolveradeMedlemmar.Any(im => im.MedlemId == m));
        if (ar is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var slut = new DateOnly(year, 12, 31);
            query = query.Where(i => i.PeriodStart <= slut && (i.PeriodSlut == null || i.PeriodSlut >= start));
        }
        var ordnad = (nyckel.ToLowerInvariant(), fallande) switch
        {
            ("titel", false) => query.OrderBy(i => i.Titel),
            ("titel", true) => query.OrderByDescending(i => i.Titel),
            ("fas", false) => query.OrderBy(i => i.Fas),
            ("fas", true) => query.OrderByDescending(i => i.Fas),
            ("periodstart", false) => query.OrderBy(i => i.PeriodStart),
            ("periodstart", true) => query.OrderByDescending(i => i.PeriodStart),
            (_, false) => query.OrderBy(i => i.Diarienummer),
            (_, true) => query.OrderByDescending(i => i.Diarienummer),
        };
        var sidan = sida ?? 1;
        var storlek = antal ?? StandardAntal;
        var totalt = await query.CountAsync(cancellationToken);
        var insatser = await ordnad.ThenBy(i => i.Id).Skip((sidan - 1) * storlek).Take(storlek).ToListAsync(cancellationToken);
        var medlemmar = await db.Medlemmar.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Namn, cancellationToken);

        string? nasta = null;
        if (sidan * storlek < totalt)
        {
            var parametrar = new List<string>();
            if (fasen is { } nf) parametrar.Add($"fas={nf}");
            if (medlem is { } nm) parametrar.Add($"medlem={nm}");
            if (ar is { } na) parametrar.Add($"ar={na}");
            parametrar.Add($"sortering={Uri.EscapeDataString(sorteras)}");
            parametrar.Add($"sida={sidan + 1}");
            parametrar.Add($"antal={storlek}");
            nasta = "/api/insatser?" + string.Join('&', parametrar);
        }
        return TypedResults.Ok(new InsatsSida([.. insatser.Select(i => Rad(i, medlemmar))], sidan, storlek, totalt, nasta));
    }
}

/// <summary>A page of a list: its rows, where it is, how many there are in all, and the next page's address (null on the last).</summary>
public sealed record InsatsSida(IReadOnlyList<InsatsListItem> Poster, int Sida, int Antal, int Totalt, string? Nasta);

public sealed record InsatsListItem(
    Guid Id,
    string Diarienummer,
    string Titel,
    string SokandeOrganisation,
    InsatsFas Fas,
    string FasNamn,
    DateOnly? PeriodStart,
    DateOnly? PeriodSlut,
    IReadOnlyList<string> Medlemmar);
