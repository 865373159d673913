using System.Security.Claims;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Incidenter;
using InsatsFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InsatsFlow.Web.Features.Incidenter;

/// <summary>No case stranded: every open incident with its case, step, error and age; retry with corrected variables or cancel with a reason.</summary>
public static class IncidenterApi
{
    /// <summary>Who looks after stranded cases (DESIGN.md, "Users": the kansli sees every deadline; admin runs the service).</summary>
    public static readonly string[] Hanterare = [Roller.Kansli, Roller.Admin];

    public static RouteGroupBuilder MapIncidenterApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidenter").WithTags("Incidenter")
            .RequireAuthorization(p => p.RequireRole(Hanterare));
        api.MapGet("/", ListaAsync).WithSummary("Öppna incidenter: ärende (insats eller budgetår), steg, fel på svenska och ålder");
        api.MapGet("/{id}", HamtaAsync).WithSummary("En öppen incident").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/forsok-igen", ForsokIgenAsync).WithSummary("Kör steget igen, med rättade variabler om det behövs (journalförs)")
            .Accepts<ForsokIgenBegaran>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/avbryt", AvbrytAsync).WithSummary("Avbryt ärendets process med ett skäl (journalförs)")
            .Accepts<AvbrytBegaran>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<Incidentrad, object?>> Sorteringar = new Dictionary<string, Func<Incidentrad, object?>>
    {
        ["uppstod"] = i => i.Uppstod, ["process"] = i => i.Process, ["arende"] = i => i.Arende,
    };

    /// <summary>Open incidents page by page, filtered on process and ärende (insats or budget year), oldest first unless sorted otherwise.</summary>
    public static async Task<Results<Ok<Sidresultat<Incidentrad>>, ValidationProblem>> ListaAsync(
        Incidentregister register, string? process, Guid? insats, string? sortering, int? sida, int? antal, CancellationToken ct)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        var val = Sidindelning.Las(sida, antal, sortering, [.. Sorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var urval = (await register.OppnaAsync(ct)).Where(i => (process is not { Length: > 0 } || i.Process == process) && (insats is null || i.InsatsId == insats));
        return TypedResults.Ok(Sidindelning.Dela(urval, val, Sorteringar, i => i.Id, "/api/incidenter", sortering, ("process", process), ("insats", insats)));
    }

    public static async Task<Results<Ok<Incidentrad>, ProblemHttpResult>> HamtaAsync(string id, Incidentregister register, CancellationToken ct) =>
        await register.HittaAsync(id, ct) is { } rad ? TypedResults.Ok(rad) : ProblemResults.SaknasProblem($"Det finns ingen öppen incident {id}.");

    public static async Task<Results<Ok<Incidentatgard>, ValidationProblem, ProblemHttpResult>> ForsokIgenAsync(
        string id, HttpRequest request, Incidenthantering hantering, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var (body, problem) = await JsonIndata.LasAsync(request, ct, new ForsokIgenBegaran(), tomTillaten: true);
        if (problem is not null) return problem;
        var variabler = body!.Variabler?.ToDictionary(v => v.Key, v => (object?)v.Value);
        return await KorAsync(() => hantering.ForsokIgenAsync(id, variabler, user.Identity?.Name, requestId, ct));
    }

    public static async Task<Results<Ok<Incidentatgard>, ValidationProblem, ProblemHttpResult>> AvbrytAsync(
        string id, HttpRequest request, Incidenthantering hantering, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var (body, problem) = await JsonIndata.LasAsync<AvbrytBegaran>(request, ct);
        if (problem is not null) return problem;
        return await KorAsync(() => hantering.AvbrytAsync(id, body!.Skal, user.Identity?.Name, requestId, ct));
    }

    private static async Task<Results<Ok<Incidentatgard>, ValidationProblem, ProblemHttpResult>> KorAsync(Func<Task<Incidentatgard>> atgard)
    {
        try { return TypedResults.Ok(await atgard()); }
        catch (DomainValidationException e) { return ProblemResults.Validering(e.Fel, "Åtgärden kunde inte utföras; inget har ändrats."); }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
    }
}

/// <param name="Variabler">Variables to set before the step runs again (what made it fail, corrected).</param>
public sealed record ForsokIgenBegaran(Dictionary<string, JsonElement>? Variabler = null);

/// <param name="Skal">Why the case is cancelled; journalled with the cancellation.</param>
public sealed record AvbrytBegaran(string Skal);
