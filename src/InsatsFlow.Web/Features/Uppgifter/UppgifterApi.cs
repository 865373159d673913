using System.Security.Claims;
using System.Text.Json;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Engine;
using InsatsFlow.Web.Identity;
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

    public static async Task<Ok<List<UppgiftDto>>> MinaAsync(ProcessEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await engine.TasksAssignedToAsync(user.Aktor().UserId, ct)).Select(UppgiftDto.Fran).ToList());

    public static async Task<Ok<List<UppgiftDto>>> GruppensAsync(ProcessEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await engine.TasksOpenToAsync(user.Aktor(), ct)).Select(UppgiftDto.Fran).ToList());

    public static async Task<Results<Ok<UppgiftMedFormular>, ProblemHttpResult>> HamtaAsync(
        string id, ProcessEngine engine, Formularkatalog formular, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return ProblemResults.SaknasProblem($"Uppgiften {id} finns inte.");
        if (!user.FarSe(task)) return ProblemResults.Forbjuden("Uppgiften är inte din eller din grupps.");
        return TypedResults.Ok(new UppgiftMedFormular(UppgiftDto.Fran(task), formular.Hitta(task.FormKey), user.FarHandlagga(task)));
    }

    public static Task<Results<Ok<UppgiftDto>, ProblemHttpResult>> TaAsync(
        string id, ProcessEngine engine, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct) =>
        KommandoAsync(id, engine, user, ct, () => engine.ClaimAsync(id, user.Aktor(), requestId, ct));

    public static async Task<Results<Ok<UppgiftDto>, ProblemHttpResult>> SlappAsync(
        string id, ProcessEngine engine, ClaimsPrincipal user, [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is not null && task.Assignee != user.Aktor().UserId)
            return ProblemResults.Forbjuden("Bara den som har tagit uppgiften kan lämna tillbaka den.");
        return await KommandoAsync(id, engine, user, ct, () => engine.UnclaimAsync(id, user.Aktor(), requestId, ct));
    }

    public static async Task<Results<Ok<CommandResult>, ValidationProblem, ProblemHttpResult>> SlutforAsync(
        string id, SlutforUppgift body, ProcessEngine engine, Formularkatalog formular, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return ProblemResults.SaknasProblem($"Uppgiften {id} finns inte.");
        if (!user.FarHandlagga(task)) return ProblemResults.Forbjuden("Uppgiften är inte tilldelad dig eller din grupp.");
        if (task.State != InsatsFlow.Engine.Store.TaskState.Open)
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Någon annan hann före.", "Uppgiften är redan slutförd.");
        if (body.Version is { } version && version != task.Version)
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "Någon annan hann före.",
                $"Uppgiften har ändrats sedan du öppnade den (version {version}, nu {task.Version}). Ladda om sidan.");

        IReadOnlyDictionary<string, object?> variabler = new Dictionary<string, object?>();
        var data = body.Variabler ?? JsonDocument.Parse("{}").RootElement;
        if (formular.Hitta(task.FormKey) is { } definition)
        {
            var resultat = Formularvalidering.Validera(definition, data);
            if (!resultat.Giltigt) return ProblemResults.Validering(resultat.Fel, $"Formuläret {definition.Rubrik} är inte korrekt ifyllt.");
            variabler = resultat.Variabler;
        }
        else if (data.ValueKind == JsonValueKind.Object && data.EnumerateObject().Any())
            return ProblemResults.Falt("variabler", $"Uppgiften har inget formulär ({task.FormKey ?? "ingen formKey"}) och tar inga uppgifter.");

        try
        {
            var result = await engine.CompleteTaskAsync(new CompleteTaskCommand(id, user.Aktor()) { Variables = variabler, IdempotencyKey = requestId }, ct);
            return TypedResults.Ok(result);
        }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
        catch (DomainValidationException e) { return ProblemResults.Validering(e.Fel); }
    }

    private static async Task<Results<Ok<UppgiftDto>, ProblemHttpResult>> KommandoAsync(
        string id, ProcessEngine engine, ClaimsPrincipal user, CancellationToken ct, Func<Task<CommandResult>> kommando)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return ProblemResults.SaknasProblem($"Uppgiften {id} finns inte.");
        if (!user.FarHandlagga(task) && task.Assignee != user.Aktor().UserId)
            return ProblemResults.Forbjuden("Uppgiften är inte din eller din grupps.");
        try
        {
            await kommando();
        }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
        return TypedResults.Ok(UppgiftDto.Fran((await engine.FindTaskAsync(id, ct))!));
    }
}

public sealed record UppgiftMedFormular(UppgiftDto Uppgift, Formulardefinition? Formular, bool FarHandlagga);
