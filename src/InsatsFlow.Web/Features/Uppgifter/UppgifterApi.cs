using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InsatsFlow.Web.Features.Uppgifter;

public static class UppgifterApi
{
    public static RouteGroupBuilder MapUppgifterApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/uppgifter").WithTags("Uppgifter").RequireAuthorization();
        api.MapGet("/mina", MinaAsync).WithSummary("Uppgifter tilldelade mig");
        api.MapGet("/grupp", GruppensAsync).WithSummary("Öppna uppgifter för mina grupper");
        api.MapGet("/{id}", HamtaAsync).WithSummary("En uppgift med dess formulär");
        api.MapPost("/{id}/ta", TaAsync).WithSummary("Ta uppgiften");
        api.MapPost("/{id}/slapp", SlappAsync).WithSummary("Lämna tillbaka uppgiften till gruppen");
        api.MapPost("/{id}/slutfor", SlutforAsync).WithSummary("Slutför uppgiften med formulärets uppgifter");
        return api;
    }

    public static async Task<Ok<List<UppgiftDto>>> MinaAsync(UppgiftsAtgarder atgarder, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await atgarder.MinaAsync(user, ct)).Select(UppgiftDto.Fran).ToList());

    public static async Task<Ok<List<UppgiftDto>>> GruppensAsync(UppgiftsAtgarder atgarder, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await atgarder.GruppensAsync(user, ct)).Select(UppgiftDto.Fran).ToList());

    public static async Task<Results<Ok<UppgiftMedFormular>, ValidationProblem, ProblemHttpResult>> HamtaAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, CancellationToken ct) =>
        (await atgarder.HamtaAsync(id, user, ct)).TillHttp();

    public static async Task<Results<Ok<UppgiftDto>, ValidationProblem, ProblemHttpResult>> TaAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.TaAsync(id, user, requestId, ct)).TillHttp();

    public static async Task<Results<Ok<UppgiftDto>, ValidationProblem, ProblemHttpResult>> SlappAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.SlappAsync(id, user, requestId, ct)).TillHttp();

    public static async Task<Results<Ok<UppgiftSlutford>, ValidationProblem, ProblemHttpResult>> SlutforAsync(
        string id, SlutforUppgift body, UppgiftsAtgarder atgarder, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.SlutforAsync(id, user, body.Variabler, body.Version, requestId, ct)).TillHttp();
}
