using System.Security.Claims;
using System.Text.Json;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Identity;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>
/// What a person can do with a task — read, take, give back, complete with a form — with the role and
/// assignment checks, shared by the API and the inbox page so both refuse the same things the same way.
/// </summary>
public sealed class UppgiftsAtgarder(ProcessEngine engine, Formularkatalog formular, Uppgiftsslutforande slutforare)
{
    public async Task<IReadOnlyList<TaskItem>> MinaAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await engine.TasksAssignedToAsync(user.Aktor().UserId, ct);

    public async Task<IReadOnlyList<TaskItem>> GruppensAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await engine.TasksOpenToAsync(user.Aktor(), ct);

    public async Task<Utfall<UppgiftMedFormular>> HamtaAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftMedFormular>.Saknas($"Uppgiften {id} finns inte.");
        if (!user.FarSe(task)) return Utfall<UppgiftMedFormular>.Forbjuden("Uppgiften är inte din eller din grupps.");
        return Utfall<UppgiftMedFormular>.Ok(new(UppgiftDto.Fran(task), formular.Hitta(task.FormKey), user.FarHandlagga(task)));
    }

    public async Task<Utfall<UppgiftDto>> TaAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (!user.FarHandlagga(task)) return Utfall<UppgiftDto>.Forbjuden("Uppgiften är inte din eller din grupps.");
        return await KorAsync(id, () => engine.ClaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<UppgiftDto>> SlappAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (task.Assignee != user.Aktor().UserId) return Utfall<UppgiftDto>.Forbjuden("Bara den som har tagit uppgiften kan lämna tillbaka den.");
        return await KorAsync(id, () => engine.UnclaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<CommandResult>> SlutforAsync(string id, ClaimsPrincipal user, JsonElement? data, long? version, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<CommandResult>.Saknas($"Uppgiften {id} finns inte.");
        if (!user.FarHandlagga(task)) return Utfall<CommandResult>.Forbjuden("Uppgiften är inte tilldelad dig eller din grupp.");
        if (version is { } v && v != task.Version)
            return Utfall<CommandResult>.Konflikt($"Uppgiften har ändrats sedan du öppnade den (version {v}, nu {task.Version}). Ladda om sidan.");

        var json = data ?? JsonDocument.Parse("{}").RootElement;
        if (formular.Hitta(task.FormKey) is null && json.ValueKind == JsonValueKind.Object && json.EnumerateObject().Any())
            return Utfall<CommandResult>.Ogiltigt([new("variabler", $"Uppgiften har inget formulär ({task.FormKey ?? "ingen formKey"}) och tar inga uppgifter.")]);

        try
        {
            // Validates the form, writes it into the domain and completes the task in one engine command.
            var slutforande = await slutforare.SlutforAsync(id, user.Aktor(), json, requestId, ct);
            return slutforande.Genomford
                ? Utfall<CommandResult>.Ok(slutforande.Resultat!)
                : Utfall<CommandResult>.Ogiltigt(slutforande.Fel, formular.Hitta(task.FormKey) is { } f ? $"Formuläret {f.Rubrik} är inte korrekt ifyllt." : null);
        }
        catch (EngineConflictException e) { return Utfall<CommandResult>.Konflikt(e.Message); }
        catch (EngineNotFoundException e) { return Utfall<CommandResult>.Saknas(e.Message); }
        catch (EngineException e) { return Utfall<CommandResult>.Ogiltigt([new("uppgift", e.Message)]); }
        catch (DomainValidationException e) { return Utfall<CommandResult>.Ogiltigt(e.Fel); }
    }

    private async Task<Utfall<UppgiftDto>> KorAsync(string id, Func<Task<CommandResult>> kommando, CancellationToken ct)
    {
        try { await kommando(); }
        catch (EngineConflictException e) { return Utfall<UppgiftDto>.Konflikt(e.Message); }
        catch (EngineNotFoundException e) { return Utfall<UppgiftDto>.Saknas(e.Message); }
        catch (EngineException e) { return Utfall<UppgiftDto>.Ogiltigt([new("uppgift", e.Message)]); }
        return Utfall<UppgiftDto>.Ok(UppgiftDto.Fran((await engine.FindTaskAsync(id, ct))!));
    }
}

public sealed record UppgiftMedFormular(UppgiftDto Uppgift, Formulardefinition? Formular, bool FarHandlagga);
