using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Tidsfrister;

public static class TidsfristerApi
{
    public static RouteGroupBuilder MapTidsfristerApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tidsfrister").WithTags("Tidsfrister")
            .RequireAuthorization(p => p.RequireRole(Roller.Kansli, Roller.Admin));
        api.MapPost("/uppgifter/{id}/flytta", FlyttaAsync).WithSummary("Flytta en uppgifts tidsfrist med ett skäl; uppgiftens timrar flyttas med");
        api.MapGet("/schema", SchemaAsync).WithSummary("Schemalagda jobb, motorns timrar och fristkedjan med nästa tidpunkt");
        return api;
    }

    public static async Task<Results<Ok<FlyttadTidsfrist>, ValidationProblem, ProblemHttpResult>> FlyttaAsync(
        string id, FlyttaTidsfristBegaran body, FlyttaTidsfrist flytta, ClaimsPrincipal user, CancellationToken ct) =>
        await flytta.UtforAsync(id, body, user.Identity?.Name ?? "okand", ct);

    public static async Task<Ok<Schemaoversikt>> SchemaAsync(TidsfristOversikt oversikt, CancellationToken ct) =>
        TypedResults.Ok(await oversikt.HamtaAsync(ct));
}
