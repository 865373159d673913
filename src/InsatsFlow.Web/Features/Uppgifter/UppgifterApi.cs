using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using InsatsFlow.Engine.Store;

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

    /// <summary>The inbox's sort keys, each a sort the engine's query makes in the database.</summary>
    public static readonly IReadOnlyDictionary<string, TaskOrder> Sorteringar = new Dictionary<string, TaskOrder>
    {
        ["forfaller"] = TaskOrder.DueAt, ["skapad"] = TaskOrder.CreatedAt, ["namn"] = TaskOrder.Name, ["process"] = TaskOrder.DefinitionKey,
    };

    /// <summary>The inbox's filters: the process, the ärende (business key), only overdue tasks.</summary>
    public sealed record Uppgiftsfilter(string? Process, string? Arende, bool? Forsenade, string? Sortering, int? Sida, int? Antal);

    public static Task<Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem>> MinaAsync(
        UppgiftsAtgarder atgarder, ClaimsPrincipal user, TimeProvider tid, [AsParameters] Uppgiftsfilter filter, CancellationToken ct) =>
        SidaAsync(atgarder, urval => atgarder.MinaAsync(user, urval, ct), filter, tid, "/api/uppgifter/mina", ct);

    public static Task<Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem>> GruppensAsync(
        UppgiftsAtgarder atgarder, ClaimsPrincipal user, TimeProvider tid, [AsParameters] Uppgiftsfilter filter, CancellationToken ct) =>
        SidaAsync(atgarder, urval => atgarder.GruppensAsync(user, urval, ct), filter, tid, "/api/uppgifter/grupp", ct);

    /// <summary>The filters, sort and page go to the engine's query: the database pages, only the page's rows are read.</summary>
    private static async Task<Results<Ok<Sidresultat<UppgiftDto>>, ValidationProblem>> SidaAsync(UppgiftsAtgarder atgarder,
        Func<TaskPageQuery, Task<TaskPage>> hamta, Uppgiftsfilter f, TimeProvider tid, string sokvag, CancellationToken ct)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        var val = Sidindelning.Las(f.Sida, f.Antal, f.Sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var sida = await hamta(new TaskPageQuery(
            DefinitionKey: f.Process is { Length: > 0 } p ? p : null,
            BusinessKey: f.Arende is { Length: > 0 } a ? a : null,
            DueBefore: f.Forsenade == true ? tid.GetUtcNow() : null,
            OrderBy: Sorteringar[val.Sortering], Descending: val.Fallande,
            Skip: (int)Math.Min(int.MaxValue, (long)(val.Sida - 1) * val.Antal), Take: val.Antal));
        var poster = await atgarder.DtoAsync(sida.Items, ct);
        return TypedResults.Ok(new Sidresultat<UppgiftDto>(poster, val.Sida, val.Antal, sida.Total,
            Sidindelning.Nasta(sokvag, val.Sida, val.Antal, sida.Total, f.Sortering,
                ("process", f.Process), ("arende", f.Arende), ("forsenade", f.Forsenade == true ? "true" : null))));
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
