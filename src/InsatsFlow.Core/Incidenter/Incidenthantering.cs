using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Incidenter;

/// <summary>
/// What the kansli does with a stranded case: runs the failed step again, with corrected variables if needed, or
/// cancels the case with a reason. Both go through the engine, which journals them (incident-resolved with the
/// variables; instance-cancelled with the reason). A retry that fails again opens a new incident, and the kansli is told.
/// </summary>
public sealed class Incidenthantering(ProcessEngine engine, Incidentregister register, Incidentavisering avisering)
{
    public const int MaxSkal = 1000;

    public async Task<Incidentatgard> ForsokIgenAsync(string incidentId, IReadOnlyDictionary<string, object?>? variabler, string? anvandare,
        string? idempotensnyckel, CancellationToken ct)
    {
        var incident = await register.HittaAsync(incidentId, ct)
            ?? throw new EngineNotFoundException($"Det finns ingen öppen incident {incidentId}.");
        var resultat = await engine.RetryIncidentAsync(incidentId, variabler, anvandare, idempotensnyckel, ct);
        var nya = (await register.OppnaForInstansAsync(incident.InstansId, ct)).Where(i => i.Id != incidentId).ToList();
        await avisering.NotifieraAsync(nya, ct);
        return new Incidentatgard(resultat, nya);
    }

    /// <exception cref="DomainValidationException">No reason given (field skal).</exception>
    public async Task<Incidentatgard> AvbrytAsync(string incidentId, string? skal, string? anvandare, string? idempotensnyckel, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(skal))
            throw new DomainValidationException([new("skal", "Ange varför ärendet avbryts; skälet journalförs.")]);
        if (skal.Length > MaxSkal)
            throw new DomainValidationException([new("skal", $"Skälet får vara högst {MaxSkal} tecken.")]);
        var incident = await register.HittaAsync(incidentId, ct)
            ?? throw new EngineNotFoundException($"Det finns ingen öppen incident {incidentId}.");
        var resultat = await engine.CancelAsync(incident.InstansId, $"Avbrutet efter incidenten i steget \"{incident.Steg}\": {skal.Trim()}",
            anvandare, idempotensnyckel, ct);
        return new Incidentatgard(resultat, []);
    }
}

/// <summary>The engine's result, and any incident the retried step ran into anew.</summary>
public sealed record Incidentatgard(CommandResult Resultat, IReadOnlyList<Incidentrad> NyaIncidenter);
