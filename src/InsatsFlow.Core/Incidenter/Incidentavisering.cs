using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Incidenter;

/// <summary>
/// Tells the kansli through the outbox that a case has stopped at a step. One notification per incident
/// (deduplicated on its id), so the step that raised it, the sweep that finds it later and a retry that raises
/// it again never send it twice.
/// </summary>
public sealed class Incidentavisering(Incidentregister register, INotificationOutbox utkorg, IEngineStore store)
{
    public static string Nyckel(string incidentId) => $"incident:{incidentId}";

    /// <summary>Queues a notification for each incident and commits the queue.</summary>
    public async Task NotifieraAsync(IEnumerable<Incidentrad> incidenter, CancellationToken ct)
    {
        var koade = 0;
        foreach (var incident in incidenter)
        {
            await utkorg.KoaAsync(new NyNotifiering(
                Mottagare.Grupp(Roller.Kansli), Kanal.Epost,
                Amne(incident),
                $"{incident.Beskrivning}{Environment.NewLine}{Environment.NewLine}" +
                $"Det som redan var gjort är sparat. Rätta uppgifterna och försök igen, eller avbryt ärendet med ett skäl, på sidan Incidenter (/incidenter).",
                Dedupliceringsnyckel: Nyckel(incident.Id), ProcessInstansId: incident.InstansId), ct);
            koade++;
        }
        if (koade > 0) await store.SaveChangesAsync(ct);
    }

    /// <summary>Every open incident not yet told (an incident raised by a timer or a job has no user to tell).</summary>
    public async Task NotifieraOppnaAsync(CancellationToken ct) => await NotifieraAsync(await register.OppnaAsync(ct), ct);

    private static string Amne(Incidentrad incident)
    {
        var amne = $"Incident: {incident.Steg} i {incident.Arende} kunde inte köras";
        return amne.Length <= NyNotifiering.MaxAmne ? amne : amne[..(NyNotifiering.MaxAmne - 1)] + "…";
    }
}
