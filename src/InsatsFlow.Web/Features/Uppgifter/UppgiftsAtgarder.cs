using System.Security.Claims;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Identity;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>
/// What a person can do with a task — read, take, give back, complete with a form — shared by the API and the inbox
/// page so both refuse the same things the same way; whether they may is for <see cref="Behorighetskontroll"/>.
/// </summary>
public sealed class UppgiftsAtgarder(
    ProcessEngine engine, Formularversioner formular, Uppgiftsslutforande slutforare, Behorighetskontroll behorighet, Uppgiftsmedlemmar medlemmar,
    Uppgiftsunderlag underlag)
{
    public async Task<IReadOnlyList<TaskItem>> MinaAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await MinaAsync(user, Alla, ct)).Items;

    /// <summary>A page of the open tasks the person has taken.</summary>
    public Task<TaskPage> MinaAsync(ClaimsPrincipal user, TaskPageQuery urval, CancellationToken ct) =>
        engine.TaskPageAsync(urval with { Assignee = user.Aktor().UserId, OpenTo = null }, ct);

    /// <summary>Open tasks for the person's groups and for them by name, as far as they may act on each.</summary>
    public async Task<IReadOnlyList<TaskItem>> GruppensAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await GruppensAsync(user, Alla, ct)).Items;

    /// <summary>
    /// A page of the unclaimed tasks the person may take: the behörighet service gives the rule as the engine's query, so
    /// the database filters, counts and pages; each row shown is still the service's to allow.
    /// </summary>
    public async Task<TaskPage> GruppensAsync(ClaimsPrincipal user, TaskPageQuery urval, CancellationToken ct)
    {
        var person = user.Person();
        if (await behorighet.UppgifterAttTaAsync(person, ct) is not { } till) return new([], 0);
        var sida = await engine.TaskPageAsync(urval with { Assignee = null, OpenTo = till }, ct);
        var egna = new List<TaskItem>();
        foreach (var task in sida.Items)
            if ((await behorighet.UppgiftAsync(person, task, Uppgiftsatgard.Ta, ct: ct)).Tillats) egna.Add(task);
        return new(egna, sida.Total - (sida.Items.Count - egna.Count));
    }

    private static readonly TaskPageQuery Alla = new(Take: int.MaxValue);

    public async Task<IReadOnlyList<UppgiftDto>> DtoAsync(IReadOnlyList<TaskItem> uppgifter, CancellationToken ct)
    {
        var medlem = await medlemmar.ForAsync(uppgifter, ct);
        return [.. uppgifter.Select(t => UppgiftDto.Fran(t, medlem.GetValueOrDefault(t.Id)))];
    }

    public async Task<Utfall<UppgiftMedFormular>> HamtaAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftMedFormular>.Saknas($"Uppgiften {id} finns inte.");
        var person = user.Person();
        if (await behorighet.UppgiftAsync(person, task, Uppgiftsatgard.Se, ct: ct) is { Tillats: false } nej) return Utfall<UppgiftMedFormular>.Forbjuden(nej.Nekande!);
        var far = await behorighet.UppgiftAsync(person, task, Uppgiftsatgard.Slutfora, ct: ct);
        var ombud = !far.Tillats && person.Har(Roller.Kansli) && Behorighetskontroll.UppgiftensMedlem(task) is not null && task.Assignee is null;
        var form = await formular.ForUppgiftAsync(task, ct);
        return Utfall<UppgiftMedFormular>.Ok(new(UppgiftDto.Fran(task, await medlemmar.ForAsync(task, ct)), form?.Definition, far.Tillats, ombud)
        {
            Schema = form?.Schema, FormularVersion = form?.Version,
        });
    }

    /// <summary>What the step needs (the ansökan, rule outcomes, yttranden, the tjänsteskrivelse), for whoever may see the task.</summary>
    public async Task<Utfall<UnderlagDto>> UnderlagAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UnderlagDto>.Saknas($"Uppgiften {id} finns inte.");
        if (await behorighet.UppgiftAsync(user.Person(), task, Uppgiftsatgard.Se, ct: ct) is { Tillats: false } nej) return Utfall<UnderlagDto>.Forbjuden(nej.Nekande!);
        return Utfall<UnderlagDto>.Ok(await underlag.ForAsync(task, await medlemmar.ForAsync(task, ct), ct));
    }

    public async Task<Utfall<UppgiftDto>> TaAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (await behorighet.UppgiftAsync(user.Person(), task, Uppgiftsatgard.Ta, ct: ct) is { Tillats: false } nej) return Utfall<UppgiftDto>.Forbjuden(nej.Nekande!);
        return await KorAsync(id, () => engine.ClaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<UppgiftDto>> SlappAsync(string id, ClaimsPrincipal user, string? requestId, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<UppgiftDto>.Saknas($"Uppgiften {id} finns inte.");
        if (await behorighet.UppgiftAsync(user.Person(), task, Uppgiftsatgard.LamnaTillbaka, ct: ct) is { Tillats: false } nej) return Utfall<UppgiftDto>.Forbjuden(nej.Nekande!);
        return await KorAsync(id, () => engine.UnclaimAsync(id, user.Aktor(), requestId, ct), ct);
    }

    public async Task<Utfall<Slutford>> SlutforAsync(string id, ClaimsPrincipal user, JsonElement? data, long? version, string? requestId, CancellationToken ct, string? skal = null)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return Utfall<Slutford>.Saknas($"Uppgiften {id} finns inte.");
        var person = user.Person();
        var bedomning = await behorighet.UppgiftAsync(person, task, Uppgiftsatgard.Slutfora, skal, ct);
        if (!bedomning.Tillats) return Utfall<Slutford>.Forbjuden(bedomning.Nekande!);
        if (version is { } v && v != task.Version)
            return Utfall<Slutford>.Konflikt($"Uppgiften har ändrats sedan du öppnade den (version {v}, nu {task.Version}). Ladda om sidan.");

        var json = data ?? JsonDocument.Parse("{}").RootElement;
        var form = await formular.ForUppgiftAsync(task, ct);
        if (form is null && json.ValueKind == JsonValueKind.Object && json.EnumerateObject().Any())
            return Utfall<Slutford>.Ogiltigt([new("variabler", $"Uppgiften har inget formulär ({task.FormKey ?? "ingen formKey"}) och tar inga uppgifter.")]);

        try
        {
            // Validates the form, writes it into the domain and completes the task in one engine command.
            var slutforande = await slutforare.SlutforAsync(id, Behorighetskontroll.Aktor(person, task, bedomning), json, requestId, ct,
                bedomning.SomOmbud ? skal!.Trim() : null);
            return slutforande.Genomford
                ? Utfall<Slutford>.Ok(Slutford.Fran(slutforande))
                : Utfall<Slutford>.Ogiltigt(slutforande.Fel, form is { } f ? $"Formuläret {f.Definition.Rubrik} är inte korrekt ifyllt." : null);
        }
        catch (IdempotencyKeyReusedException e) { return Utfall<Slutford>.Obearbetbar(e.Message); }
        catch (EngineConflictException e) { return Utfall<Slutford>.Konflikt(e.Message); }
        catch (EngineNotFoundException e) { return Utfall<Slutford>.Saknas(e.Message); }
        catch (EngineException e) { return Utfall<Slutford>.Ogiltigt([new("uppgift", e.Message)]); }
        catch (DomainValidationException e) { return Utfall<Slutford>.Ogiltigt(e.Fel); }
    }

    private async Task<Utfall<UppgiftDto>> KorAsync(string id, Func<Task<CommandResult>> kommando, CancellationToken ct)
    {
        try { await kommando(); }
        catch (IdempotencyKeyReusedException e) { return Utfall<UppgiftDto>.Obearbetbar(e.Message); }
        catch (EngineConflictException e) { return Utfall<UppgiftDto>.Konflikt(e.Message); }
        catch (EngineNotFoundException e) { return Utfall<UppgiftDto>.Saknas(e.Message); }
        catch (EngineException e) { return Utfall<UppgiftDto>.Ogiltigt([new("uppgift", e.Message)]); }
        var task = (await engine.FindTaskAsync(id, ct))!;
        return Utfall<UppgiftDto>.Ok(UppgiftDto.Fran(task, await medlemmar.ForAsync(task, ct)));
    }
}

/// <param name="FarHandlagga">May claim and complete it.</param>
/// <param name="KanLamnaSomOmbud">The kansli may complete this member's step on the member's behalf, with a reason.</param>
public sealed record UppgiftMedFormular(UppgiftDto Uppgift, Formulardefinition? Formular, bool FarHandlagga, bool KanLamnaSomOmbud = false)
{
    /// <summary>The form-js schema the task page renders (the version the task's binding chose).</summary>
    public string? Schema { get; init; }

    public int? FormularVersion { get; init; }
}

/// <summary>
/// What completing a task did: the engine's result (instance, status, where it stands, open tasks), every rule gate
/// its command ran (<see cref="Regelprovningar"/>), each failed rule with what failed and its rättslig grund, and any
/// step after it that could not run — with <see cref="Meddelande"/> telling the user, in words, that their step is
/// saved and the kansli has been told.
/// </summary>
public sealed record Slutford(
    string? InstanceId, InstanceStatus? Status, IReadOnlyList<string> ActiveElements, IReadOnlyList<string> OpenTaskIds, bool AlreadyDone,
    IReadOnlyList<Core.Livscykel.Provningsutfall> Regelprovningar, IReadOnlyList<InsatsFlow.Core.Incidenter.Incidentrad> Incidenter, string? Meddelande)
{
    public static Slutford Fran(Core.Livscykel.Slutforande s)
    {
        var r = s.Resultat!;
        return new(r.InstanceId, r.Status, r.ActiveElements, r.OpenTaskIds, r.AlreadyDone, s.Regelprovningar ?? [], s.Incidenter, s.Incidentmeddelande);
    }
}
