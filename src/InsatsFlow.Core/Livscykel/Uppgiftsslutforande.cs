using System.Text.Json;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Incidenter;
using InsatsFlow.Core.Livscykel.Tillampning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Completes a user task from its form, as the web's complete-task endpoint does: the form is checked
/// (<see cref="Formularvalidering"/>), what it says is written into the domain by the form's
/// <see cref="IFormulartillampning"/>, and the engine completes the task — all in one engine command, so the
/// domain changes, the engine's state and the journal commit together. A refused form changes nothing.
/// </summary>
public sealed class Uppgiftsslutforande(
    ProcessEngine engine, IEngineStore store, Formularkatalog formular, IEnumerable<IFormulartillampning> tillampningar, TimeProvider tid,
    Incidentregister incidenter, Incidentavisering avisering)
{
    public async Task<Slutforande> SlutforAsync(string taskId, TaskActor actor, JsonElement formulardata, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var uppgift = await engine.FindTaskAsync(taskId, ct) ?? throw new EngineNotFoundException($"Uppgiften {taskId} finns inte.");
        if (uppgift.State != TaskState.Open)
            return Slutforande.Klar(await engine.CompleteTaskAsync(new CompleteTaskCommand(taskId, actor) { IdempotencyKey = idempotencyKey }, ct));

        var definition = formular.Hitta(uppgift.FormKey);
        if (uppgift.FormKey is not null && definition is null)
            throw new InvalidOperationException($"Formuläret {uppgift.FormKey} (uppgiften {uppgift.ElementId}) finns inte bland forms/*.json.");
        var varden = new Dictionary<string, object?>();
        if (definition is not null)
        {
            var kontroll = Formularvalidering.Validera(definition, formulardata);
            if (!kontroll.Giltigt) return Slutforande.Nekad(kontroll.Fel);
            foreach (var (namn, varde) in kontroll.Variabler) varden[namn] = varde;
        }

        var tillampning = tillampningar.FirstOrDefault(t => t.FormKey == uppgift.FormKey);
        if (tillampning is not null)
        {
            var fel = await tillampning.TillampaAsync(new Ifylltformular(uppgift, actor.UserId, await VariablerAsync(uppgift, ct), varden, tid.GetUtcNow()), ct);
            if (fel.Count > 0)
            {
                store.Reset();
                return Slutforande.Nekad(fel);
            }
        }
        try
        {
            var tidigare = (await engine.IncidentsAsync(uppgift.InstanceId, openOnly: true, ct)).Select(i => i.Id).ToHashSet();
            var resultat = await engine.CompleteTaskAsync(new CompleteTaskCommand(taskId, actor) { Variables = varden, IdempotencyKey = idempotencyKey }, ct);
            if (resultat.AlreadyDone) store.Reset();
            // A step after this one failed: what the user did is saved, the case waits at the incident, and the kansli is told now.
            var nya = (await incidenter.OppnaForInstansAsync(uppgift.InstanceId, ct)).Where(i => !tidigare.Contains(i.Id)).ToList();
            await avisering.NotifieraAsync(nya, ct);
            return Slutforande.Klar(resultat, nya);
        }
        catch (DomainValidationException e)
        {
            return Slutforande.Nekad(e.Fel);
        }
        catch (EngineException e) when (e.InnerException is DomainValidationException d)
        {
            return Slutforande.Nekad(d.Fel);
        }
    }

    /// <summary>The instance's variables with the task's own multi-instance locals (medlem) on top.</summary>
    private async Task<IReadOnlyDictionary<string, object?>> VariablerAsync(TaskItem uppgift, CancellationToken ct)
    {
        var instans = await engine.GetInstanceAsync(uppgift.InstanceId, ct);
        var variabler = new Dictionary<string, object?>(instans.Variables);
        var tokens = instans.Tokens.ToDictionary(t => t.Id);
        var lokala = new List<Dictionary<string, object?>>();
        for (var t = tokens.GetValueOrDefault(uppgift.TokenId); t is not null; t = t.ParentId is null ? null : tokens.GetValueOrDefault(t.ParentId))
            if (t.Locals is not null) lokala.Add(t.Locals);
        lokala.Reverse();
        foreach (var l in lokala)
            foreach (var (k, v) in l) variabler[k] = v;
        return variabler;
    }
}

/// <summary>
/// The outcome: either the task was completed (<see cref="Resultat"/>), or the form was refused with its problems per field.
/// <see cref="Incidenter"/> are the steps after it that could not run (the task is still completed).
/// </summary>
public sealed record Slutforande(bool Genomford, IReadOnlyList<Valideringsfel> Fel, CommandResult? Resultat)
{
    public IReadOnlyList<Incidentrad> Incidenter { get; init; } = [];

    public static Slutforande Klar(CommandResult resultat, IReadOnlyList<Incidentrad>? incidenter = null) =>
        new(true, [], resultat) { Incidenter = incidenter ?? [] };

    public static Slutforande Nekad(IReadOnlyList<Valideringsfel> fel) => new(false, fel, null);

    /// <summary>What the user is told when their step ran into an incident; null when none did.</summary>
    public string? Incidentmeddelande => Incidenter.Count == 0 ? null :
        "Ditt steg är sparat. " + string.Join(" ", Incidenter.Select(i => i.Beskrivning.TrimEnd('.') + ".")) +
        " Kansliet har fått besked och tar hand om det; du behöver inte göra något mer.";
}
