using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Budget;

/// <summary>The kansli starts a budget year's process by hand: once per förbund and year, as the yearly calendar would.</summary>
public static class BudgetprocessApi
{
    public static readonly string[] Startande = [Roller.Kansli, Roller.Admin];

    public static RouteGroupBuilder MapBudgetprocessApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/budgetprocesser").WithTags("Budget")
            .RequireAuthorization(p => p.RequireRole(Startande));
        api.MapPost("/", StartaAsync).WithSummary("Starta budgetprocessen för ett valt år (en gång per förbund och år)")
            .Accepts<StartaBudgetprocess>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Created<StartadBudgetprocess>, ValidationProblem, ProblemHttpResult>> StartaAsync(
        HttpRequest request, Budgetprocesstart start, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var (body, problem) = await JsonIndata.LasAsync<StartaBudgetprocess>(request, ct);
        if (problem is not null) return problem;
        var utfall = await start.StartaAsync(body!.Budgetar, user, requestId, ct);
        return utfall.Typ switch
        {
            UtfallsTyp.Ok => TypedResults.Created($"/api/instanser/{utfall.Varde!.InstansId}", utfall.Varde),
            UtfallsTyp.Ogiltigt => ProblemResults.Validering(utfall.Fel, utfall.Meddelande!),
            _ => ProblemResults.Problem(StatusCodes.Status409Conflict, "Budgetprocessen är redan startad.", utfall.Meddelande),
        };
    }
}

/// <summary>Shared by the API and the Budget page, so both refuse the same things the same way.</summary>
public sealed class Budgetprocesstart(Livscykelstart start, IDomanData data)
{
    public async Task<Utfall<StartadBudgetprocess>> StartaAsync(int budgetar, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var forbund = await data.Forbund.AsNoTracking().OrderBy(f => f.Namn).FirstOrDefaultAsync(ct);
        if (forbund is null) return Utfall<StartadBudgetprocess>.Konflikt("Inget förbund är registrerat ännu.");
        try
        {
            var resultat = await start.StartaBudgetForAretAsync(forbund.Id, budgetar, user.Identity?.Name, requestId, ct);
            return Utfall<StartadBudgetprocess>.Ok(new(budgetar, resultat.InstanceId!, Livscykelstart.Budgetnyckel(budgetar, forbund.Id), resultat.OpenTaskIds));
        }
        catch (DomainValidationException e) { return Utfall<StartadBudgetprocess>.Ogiltigt(e.Fel, "Budgetprocessen kunde inte startas; inget har ändrats."); }
        catch (EngineConflictException e) { return Utfall<StartadBudgetprocess>.Konflikt(e.Message); }
    }
}

/// <param name="Budgetar">The year the budget is for, e.g. 2027.</param>
public sealed record StartaBudgetprocess(int Budgetar);

public sealed record StartadBudgetprocess(int Budgetar, string InstansId, string Affarsnyckel, IReadOnlyList<string> Uppgifter);
