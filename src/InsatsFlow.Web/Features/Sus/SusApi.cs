using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;
using InsatsFlow.Data;
using InsatsFlow.Web.Features.Insatser;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Sus;

/// <summary>SUS fields of an insats, the value lists they come from, and the justering and anslag of a protokollsutdrag in the diarium.</summary>
public static class SusApi
{
    /// <summary>The kansli, and a sökande on their own insats with the ansökan.</summary>
    public static readonly string[] RegistreraRoller = [Roller.Kansli, Roller.Sokande];

    public static void MapSusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/sus/vardelistor", (SusKatalog katalog) => TypedResults.Ok(katalog.Vardelistor))
            .WithName("susVardelistor").WithTags("SUS").WithSummary("Värdelistorna för SUS-uppgifterna (sus/vardelistor.json)")
            .RequireAuthorization(p => p.RequireRole(InsatsAtkomst.LasandeRoller));
        routes.MapPut("/api/insatser/{id:guid}/sus", RegistreraAsync).WithTags("SUS")
            .WithSummary("Registrera insatsens SUS-uppgifter: inriktning, preciserad inriktning, mätningsmetod, målgrupper, planerade deltagare och budget per år")
            .RequireAuthorization(p => p.RequireRole(RegistreraRoller));
        routes.MapPut("/api/insatser/{id:guid}/diarium/{lopnummer:int}", JusteringAsync).WithTags("SUS")
            .WithSummary("Registrera justering och anslag för en handling i diariet (protokollsutdrag)")
            .RequireAuthorization(p => p.RequireRole(Roller.Kansli));
    }

    public static async Task<Results<Ok<SusIn>, ValidationProblem, ProblemHttpResult>> RegistreraAsync(
        Guid id, SusIn sus, InsatsFlowDbContext db, SusRegistrering registrering, Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken ct)
    {
        // the visible set is read without tracking: the insats to change is read tracked, or the change is never saved
        var insats = await behorighet.Synliga(user).AnyAsync(i => i.Id == id, ct) ? await db.Insatser.FirstOrDefaultAsync(i => i.Id == id, ct) : null;
        if (insats is null) return ProblemResults.SaknasProblem($"Insatsen {id} finns inte, eller så är du inte kontaktperson för den.");
        var fel = registrering.Tillampa(insats, sus);
        if (fel.Count > 0) return ProblemResults.Validering(fel, "SUS-uppgifterna är inte giltiga; inget har ändrats.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(sus with { Matningsmetod = insats.Sus.Matningsmetod });
    }

    public sealed record JusteringIn(DateOnly? Justerad, DateOnly? Anslagen);

    public static async Task<Results<Ok<DiariepostDto>, ValidationProblem, ProblemHttpResult>> JusteringAsync(
        Guid id, int lopnummer, JusteringIn justering, InsatsFlowDbContext db, CancellationToken ct)
    {
        var post = await db.Diarieposter.FirstOrDefaultAsync(d => d.InsatsId == id && d.Lopnummer == lopnummer, ct);
        if (post is null) return ProblemResults.SaknasProblem($"Insatsen {id} har ingen handling nummer {lopnummer} i diariet.");
        post.Justerad = justering.Justerad;
        post.Anslagen = justering.Anslagen;
        var fel = post.Validera().ToList();
        if (fel.Count > 0) return ProblemResults.Validering(fel, "Datumen är inte giltiga; inget har ändrats.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DiariepostDto.Fran(post));
    }
}

public sealed record DiariepostDto(string Diarienummer, string Handling, string Riktning, DateOnly Registrerad, Guid? DokumentId,
    DateOnly? Justerad, DateOnly? Anslagen, DateOnly? OverklagandetidSlutar)
{
    public static DiariepostDto Fran(Diariepost d) =>
        new(d.Diarienummer, d.Handling, d.Riktning == Handlingsriktning.Inkommen ? "inkommen" : "upprättad", d.Registrerad, d.DokumentId,
            d.Justerad, d.Anslagen, d.OverklagandetidSlutar);
}
