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
        api.MapGet("/", ListInsatserAsync).WithSummary("Alla insatser med fas");
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

    public static async Task<Ok<List<InsatsListItem>>> ListInsatserAsync(InsatsFlowDbContext db, InsatsFlow.Core.Behorighet.Behorighetskontroll behorighet, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var medlemmar = await db.Medlemmar.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Namn, cancellationToken);
        var insatser = await behorighet.Synliga(user).OrderBy(i => i.Diarienummer).ToListAsync(cancellationToken);
        return TypedResults.Ok(insatser.Select(i => new InsatsListItem(
            i.Id,
            i.Diarienummer,
            i.Titel,
            i.SokandeOrganisation,
            i.Fas,
            i.Fas.Visningsnamn(),
            i.PeriodStart,
            i.PeriodSlut,
            [.. i.InvolveradeMedlemmar.Select(m => medlemmar.GetValueOrDefault(m.MedlemId, "?"))])).ToList());
    }
}

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
