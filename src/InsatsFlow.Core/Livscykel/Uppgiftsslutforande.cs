using System.Text.Json;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Incidenter;
using InsatsFlow.Core.Livscykel.Tillampning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Rules.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Completes a user task from its form, as the web's complete-task endpoint does: the form is checked
/// (<see cref="Formularvalidering"/>), what it says is written into the domain by the form's
/// <see cref="IFormulartillampning"/>, and the engine completes the task — all in one engine command (the tillämpning
/// runs in the command's own scope), so the domain changes, the engine's state and the journal commit together.
/// A refused form changes nothing.
/// </summary>
public sealed class Uppgiftsslutforande(
    ProcessEngine engine, Formularversioner formular, TimeProvider tid, Incidentregister incidenter, Incidentavisering avisering,
    IEvaluationStore? provningar = null)
{
    /// <summary>The process variable (journalled with the completion) that says why the kansli acted for a medlem.</summary>
    public const string Ombudsskal = "ombudsskal";

    /// <param name="ombudsskal">Why the kansli completes a member's step on its behalf; journalled with the completion.</param>
    public async Task<Slutforande> SlutforAsync(string taskId, TaskActor actor, JsonElement formulardata, string? idempotencyKey = null, CancellationToken ct = default,
        string? ombudsskal = null)
    {
        // Read the form also when the task is done already: a repeat by idempotency key must carry the same variables
        // to get the first result (other ones are refused), and without a key the engine says who completed it.
        var uppgift = await engine.FindTaskAsync(taskId, ct) ?? throw new EngineNotFoundException($"Uppgiften {taskId} finns inte.");
        // The form version the task's binding chooses (camunda:formRefBinding), so an instance keeps the form it started with.
        var definition = (await formular.ForUppgiftAsync(uppgift, ct))?.Definition;
        if (uppgift.FormKey is not null && definition is null)
            throw new InvalidOperationException($"Formuläret {uppgift.FormKey} (uppgiften {uppgift.ElementId}) finns inte bland de publicerade formulären.");
        var varden = new Dictionary<string, object?>();
        if (definition is not null)
        {
            var kontroll = Formularvalidering.Validera(definition, formulardata);
            if (!kontroll.Giltigt) return Slutforande.Nekad(kontroll.Fel);
            foreach (var (namn, varde) in kontroll.Variabler) varden[namn] = varde;
        }

        if (ombudsskal is not null) varden[Ombudsskal] = new Dictionary<string, object?> { ["anvandare"] = actor.UserId, ["skal"] = ombudsskal };
        var variabler = await VariablerAsync(uppgift, ct);
        CommandWork tillampa = async (tjanster, avbryt) =>
        {
            var tillampning = tjanster.GetServices<IFormulartillampning>().FirstOrDefault(t => t.FormKey == uppgift.FormKey);
            if (tillampning is null) return;
            var fel = await tillampning.TillampaAsync(new Ifylltformular(uppgift, actor.UserId, variabler, varden, tid.GetUtcNow()) { Ombudsskal = ombudsskal }, avbryt);
            if (fel.Count > 0) throw new DomainValidationException(fel);
        };
        try
        {
            var fore = await ProvningarAsync(uppgift.InstanceId, ct);
            var tidigare = (await engine.IncidentsAsync(uppgift.InstanceId, openOnly: true, ct)).Select(i => i.Id).ToHashSet();
            var resultat = await engine.CompleteTaskAsync(new CompleteTaskCommand(taskId, actor)
            {
                Variables = varden, IdempotencyKey = idempotencyKey, Alongside = tillampa,
            }, ct);
            // The gates this command ran are the evaluations of the instance that were not there before it.
            var provade = (await ProvningarAsync(uppgift.InstanceId, ct)).Where(e => !fore.Any(f => f.Id == e.Id)).Select(Provningsutfall.Fran).ToList();
            // A step after this one failed: what the user did is saved, the case waits at the incident, and the kansli is told now.
            var nya = (await incidenter.OppnaForInstansAsync(uppgift.InstanceId, ct)).Where(i => !tidigare.Contains(i.Id)).ToList();
            await avisering.NotifieraAsync(nya, ct);
            return Slutforande.Klar(resultat, provade, nya);
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

    private async Task<IReadOnlyList<StoredEvaluation>> ProvningarAsync(string instansId, CancellationToken ct) =>
        provningar is null ? [] : await provningar.ForProcessInstanceAsync(instansId, ct);

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
/// The outcome: either the task was completed (<see cref="Resultat"/>, with the gates its command ran in
/// <see cref="Regelprovningar"/>), or the form was refused with its problems per field.
/// <see cref="Incidenter"/> are the steps after it that could not run (the task is still completed).
/// </summary>
public sealed record Slutforande(bool Genomford, IReadOnlyList<Valideringsfel> Fel, CommandResult? Resultat, IReadOnlyList<Provningsutfall>? Regelprovningar = null)
{
    public IReadOnlyList<Incidentrad> Incidenter { get; init; } = [];

    public static Slutforande Klar(CommandResult resultat, IReadOnlyList<Provningsutfall>? regelutfall = null, IReadOnlyList<Incidentrad>? incidenter = null) =>
        new(true, [], resultat, regelutfall ?? []) { Incidenter = incidenter ?? [] };

    public static Slutforande Nekad(IReadOnlyList<Valideringsfel> fel) => new(false, fel, null);

    /// <summary>What the user is told when their step ran into an incident; null when none did.</summary>
    public string? Incidentmeddelande => Incidenter.Count == 0 ? null :
        "Ditt steg är sparat. " + string.Join(" ", Incidenter.Select(i => i.Beskrivning.TrimEnd('.') + ".")) +
        " Kansliet har fått besked och tar hand om det; du behöver inte göra något mer.";
}
