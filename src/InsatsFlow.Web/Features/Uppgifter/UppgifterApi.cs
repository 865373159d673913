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
        api.MapGet("/{id}/underlag", UnderlagAsync).WithSummary("Det uppgiften behöver: ansökan, regelprövningar, yttranden, tjänsteskrivelsen");
        api.MapPost("/{id}/ta", TaAsync).WithSummary("Ta uppgiften");
        api.MapPost("/{id}/slapp", SlappAsync).WithSummary("Lämna tillbaka uppgiften till gruppen");
        api.MapPost("/{id}/slutfor", SlutforAsync).WithSummary("Slutför uppgiften med formulärets uppgifter; svaret visar regelprövningarna");
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<UppgiftDto, object?>> Sorteringar = new Dictionary<string, Func<UppgiftDto, object?>>
    {
        ["forfaller"] = u => u.Forfaller, ["skapad"] = u => u.Skapad, ["namn"] = u => u.Namn, ["process"] = u => u.Process,
    };

    /// <summary>The inbox's filters: the process, the ärende (business key), only overdue tasks.</summary>
    public sealed record Uppgiftsfilter(string? Process, string? Arende, bool? Forsenade, string? Sortering, int? Sida, int? Antal);

    public static async Task<Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem>> MinaAsync(
        UppgiftsAtgarder atgarder, ClaimsPrincipal user, TimeProvider tid, [AsParameters] Uppgiftsfilter filter, CancellationToken ct) =>
        Sida(await atgarder.DtoAsync(await atgarder.MinaAsync(user, ct), ct), filter, tid, "/api/uppgifter/mina");

    public static async Task<Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem>> GruppensAsync(
        UppgiftsAtgarder atgarder, ClaimsPrincipal user, TimeProvider tid, [AsParameters] Uppgiftsfilter filter, CancellationToken ct) =>
        Sida(await atgarder.DtoAsync(await atgarder.GruppensAsync(user, ct), ct), filter, tid, "/api/uppgifter/grupp");

    private static Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem> Sida(IEnumerable<UppgiftDto> uppgifter, Uppgiftsfilter f, TimeProvider tid, string sokvag)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        var val = Sidindelning.Las(f.Sida, f.Antal, f.Sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var nu = tid.GetUtcNow();
        var urval = uppgifter.Where(u => (f.Process is not { Length: > 0 } || u.Process == f.Process)
            && (f.Arende is not { Length: > 0 } || u.Affarsnyckel == f.Arende)
            && (f.Forsenade != true || u.Forfaller < nu));
        return TypedResults.Ok(Sidindelning.Dela(urval, val, Sorteringar, u => u.Id, sokvag, f.Sortering,
            ("process", f.Process), ("arende", f.Arende), ("forsenade", f.Forsenade == true ? "true" : null)));
    }

    public static async Task<Results<Ok<UppgiftMedFormular>, ValidationProblem, ProblemHttpResult>> HamtaAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, CancellationToken ct) =>
        (await atgarder.HamtaAsync(id, user, ct)).TillHttp();

    public static async Task<Results<Ok<UnderlagDto>, ValidationProblem, ProblemHttpResult>> UnderlagAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, CancellationToken ct) =>
        (await atgarder.UnderlagAsync(id, user, ct)).TillHttp();

    public static async Task<Results<Ok<UppgiftDto>, ValidationProblem, ProblemHttpResult>> TaAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.TaAsync(id, user, requestId, ct)).TillHttp();

    public static async Task<Results<Ok<UppgiftDto>, ValidationProblem, ProblemHttpResult>> SlappAsync(
        string id, UppgiftsAtgarder atgarder, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.SlappAsync(id, user, requestId, ct)).TillHttp();

    /// <summary>Completes the task; the answer carries the rule gates the completion ran, each failed rule with what failed.</summary>
    public static async Task<Results<Ok<Slutford>, ValidationProblem, ProblemHttpResult>> SlutforAsync(
        string id, SlutforUppgift body, UppgiftsAtgarder atgarder, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        (await atgarder.SlutforAsync(id, user, body.Variabler, body.Version, requestId, ct, body.Skal)).TillHttp();
}
