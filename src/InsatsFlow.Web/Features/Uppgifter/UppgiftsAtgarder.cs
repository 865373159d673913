using System.Security.Claims;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>
/// What a person can do with a task — read, take, give back, complete with a form — with the role and
/// assignment checks, shared by the API and the inbox page so both refuse the same things the same way.
/// </summary>
public sealed class UppgiftsAtgarder(ProcessEngine engine, Formularkatalog formular, Uppgiftsslutforande slutforare, IDomanData data)
{
    public async Task<IReadOnlyList<TaskItem>> MinaAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await engine.TasksAssignedToAsync(user.Aktor().UserId, ct);

    public async Task<IReadOnlyList<TaskItem>> GruppensAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var tasks = await engine.TasksOpenToAsync(user.Aktor(), ct);
        if (!user.IsInRole(Roller.Sokande)) return tasks;
        var egna = new List<TaskItem>();
        foreach (var task in tasks)
            if (await FarHandlaggaAsync(user, task, ct)) egna.Add(task);
        return egna;
    }

    /// <summary>
    /// The assignment check. A sökande reaches a task through the shared group "sokande", but only the sökande of
    /// that insats (a kontaktperson on it) may act on it — others must not even see another applicant's steps.
    /// </summary>
    private async Task<bool> FarHandlaggaAsync(ClaimsPrincipal user, TaskItem task, CancellationToken ct)
    {
        if (!user.FarHandlagga(task)) return false;
        var aktor = user.Aktor();
        if (task.Assignee == aktor.UserId || task.CandidateUserList.Contains(aktor.UserId)) return true;
        if (task.CandidateGroupList.Intersect(aktor.Groups).Any(g => g != Roller.Sokande)) return true;
        return await ArKontaktpersonAsync(aktor.UserId, task, ct);
    }

    private async Task<bool> FarSeAsync(ClaimsPrincipal user, TaskItem task, CancellationToken ct) =>
        await FarHandlaggaAsync(user, task, ct) || task.Assignee == user.Identity?.Name
        || user.IsInRole(Roller.Kansli) || user.IsInRole(Roller.Admin) || user.IsInRole(Roller.Revisor);

    private async Task<bool> ArKontaktpersonAsync(string epost, TaskItem task, CancellationToken ct) =>
        Guid.TryParse(task.BusinessKey, out var insatsId)
        && await data.Insatser.AnyAsync(i => i.Id == insatsId && i.Kontaktpersoner.Any(k => k.Epost == epost), ct);

    public async Task<Utfall<UppgiftMedFormular>> HamtaAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftMedFormular>.Saknas($"Uppgiften {id} finns inte.");
        if (!await FarSeAsync(user, task, ct)) return Utfall<UppgiftMedFormular>.Forbjuden("Uppgiften är inte din eller din grupps.");
        return Utfall<UppgiftMedFormular>.Ok(new(UppgiftDto.Fran(task), formular.Hitta(task.FormKey), await FarHandlaggaAsync(user, task, ct)));
    }

    public async Task<Utfall<UppgiftDto>> TaAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (!await FarHandlaggaAsync(user, task, ct)) return Utfall<UppgiftDto>.Forbjuden("Uppgiften är inte din eller din grupps.");
        return await KorAsync(id, () => engine.ClaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<UppgiftDto>> SlappAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (task.Assignee != user.Aktor().UserId) return Utfall<UppgiftDto>.Forbjuden("Bara den som har tagit uppgiften kan lämna tillbaka den.");
        return await KorAsync(id, () => engine.UnclaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<UppgiftSlutford>> SlutforAsync(string id, ClaimsPrincipal user, JsonElement? data, long? version, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftSlutford>.Saknas($"Uppgiften {id} finns inte.");
        if (!await FarHandlaggaAsync(user, task, ct)) return Utfall<UppgiftSlutford>.Forbjuden("Uppgiften är inte tilldelad dig eller din grupp.");
        if (version is { } v && v != task.Version)
            return Utfall<UppgiftSlutford>.Konflikt($"Uppgiften har ändrats sedan du öppnade den (version {v}, nu {task.Version}). Ladda om sidan.");

        var json = data ?? JsonDocument.Parse("{}").RootElement;
        if (formular.Hitta(task.FormKey) is null && json.ValueKind == JsonValueKind.Object && json.EnumerateObject().Any())
            return Utfall<UppgiftSlutford>.Ogiltigt([new("variabler", $"Uppgiften har inget formulär ({task.FormKey ?? "ingen formKey"}) och tar inga uppgifter.")]);

        try
        {
            // Validates the form, writes it into the domain and completes the task in one engine command.
            var slutforande = await slutforare.SlutforAsync(id, user.Aktor(), json, requestId, ct);
            return slutforande.Genomford
                ? Utfall<UppgiftSlutford>.Ok(UppgiftSlutford.Fran(slutforande))
                : Utfall<UppgiftSlutford>.Ogiltigt(slutforande.Fel, formular.Hitta(task.FormKey) is { } f ? $"Formuläret {f.Rubrik} är inte korrekt ifyllt." : null);
        }
        catch (EngineConflictException e) { return Utfall<UppgiftSlutford>.Konflikt(e.Message); }
        catch (EngineNotFoundException e) { return Utfall<UppgiftSlutford>.Saknas(e.Message); }
        catch (EngineException e) { return Utfall<UppgiftSlutford>.Ogiltigt([new("uppgift", e.Message)]); }
        catch (DomainValidationException e) { return Utfall<UppgiftSlutford>.Ogiltigt(e.Fel); }
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

/// <summary>
/// A completed task: where the process stands (the engine's result), and any step after it that could not run —
/// with <see cref="Meddelande"/> telling the user, in words, that their step is saved and the kansli has been told.
/// </summary>
public sealed record UppgiftSlutford(
    string? InstanceId, InstanceStatus? Status, IReadOnlyList<string> ActiveElements, IReadOnlyList<string> OpenTaskIds, bool AlreadyDone,
    IReadOnlyList<InsatsFlow.Core.Incidenter.Incidentrad> Incidenter, string? Meddelande)
{
    public static UppgiftSlutford Fran(Slutforande s)
    {
        var r = s.Resultat!;
        return new(r.InstanceId, r.Status, r.ActiveElements, r.OpenTaskIds, r.AlreadyDone, s.Incidenter, s.Incidentmeddelande);
    }
}

public sealed record UppgiftMedFormular(UppgiftDto Uppgift, Formulardefinition? Formular, bool FarHandlagga);
