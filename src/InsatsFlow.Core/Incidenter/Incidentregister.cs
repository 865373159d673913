using System.Text.RegularExpressions;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Incidenter;

/// <summary>
/// The open incidents of running instances, named as the kansli knows them: which insats or budget year, which
/// step, what went wrong and for how long. An incident of a cancelled or ended instance is no longer open.
/// </summary>
public sealed partial class Incidentregister(ProcessEngine engine, IEngineStore store, DefinitionRegistry registry, IDomanData data, TimeProvider tid)
{
    public async Task<IReadOnlyList<Incidentrad>> OppnaAsync(CancellationToken ct) =>
        await RaderAsync(await engine.IncidentsAsync(null, openOnly: true, ct), ct);

    public async Task<IReadOnlyList<Incidentrad>> OppnaForInstansAsync(string instansId, CancellationToken ct) =>
        await RaderAsync(await engine.IncidentsAsync(instansId, openOnly: true, ct), ct);

    public async Task<Incidentrad?> HittaAsync(string id, CancellationToken ct) =>
        await store.FindIncidentAsync(id, ct) is { ResolvedAt: null } incident ? (await RaderAsync([incident], ct)).FirstOrDefault() : null;

    public async Task<int> AntalOppnaAsync(CancellationToken ct) => (await OppnaAsync(ct)).Count;

    private async Task<IReadOnlyList<Incidentrad>> RaderAsync(IReadOnlyList<Incident> incidenter, CancellationToken ct)
    {
        var nu = tid.GetUtcNow();
        var rader = new List<Incidentrad>();
        var insatser = new Dictionary<Guid, (string Diarienummer, string Titel)?>();
        foreach (var incident in incidenter.OrderBy(i => i.CreatedAt))
        {
            var instans = await store.FindInstanceAsync(incident.InstanceId, ct);
            if (instans is not { Status: InstanceStatus.Running }) continue;
            var definition = await store.FindDefinitionAsync(instans.DefinitionId, ct);
            var modell = definition is null ? null : registry.Get(definition);
            var steg = modell is not null && modell.Elements.TryGetValue(incident.ElementId, out var element) && !string.IsNullOrWhiteSpace(element.Name)
                ? element.Name.ReplaceLineEndings(" ") : incident.ElementId;

            Guid? insatsId = Guid.TryParse(instans.BusinessKey, out var g) ? g : null;
            (string Diarienummer, string Titel)? insats = null;
            if (insatsId is { } id)
            {
                if (!insatser.TryGetValue(id, out insats))
                {
                    var funnen = await data.Insatser.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Diarienummer, i.Titel }).FirstOrDefaultAsync(ct);
                    insatser[id] = insats = funnen is null ? null : (funnen.Diarienummer, funnen.Titel);
                }
            }
            var arende = insats is { } i ? $"{i.Diarienummer} {i.Titel}" : await ArendeAsync(instans, ct);
            rader.Add(new Incidentrad(incident.Id, instans.Id, modell?.Name ?? definition?.Name ?? instans.DefinitionKey, arende,
                insats is null ? null : insatsId, insats?.Diarienummer, insats?.Titel, incident.ElementId, steg,
                Felet(incident.Message), incident.CreatedAt, Alder(nu - incident.CreatedAt)));
        }
        return rader;
    }

    /// <summary>A budget year's process is named by its year; anything else by its business key.</summary>
    private async Task<string> ArendeAsync(ProcessInstance instans, CancellationToken ct)
    {
        var vy = await engine.GetInstanceAsync(instans.Id, ct);
        if (Processvariabler.Heltal(vy.Variables, Processvariabler.Budgetar) is { } ar) return $"Budget {ar}";
        return instans.BusinessKey ?? instans.DefinitionKey;
    }

    /// <summary>The engine prefixes a handler's exception with its type name (InvalidOperationException: …); users read the message.</summary>
    public static string Felet(string meddelande) => Typnamn().Replace(meddelande, "", 1).Trim();

    public static string Alder(TimeSpan tid) => tid switch
    {
        { TotalMinutes: < 1 } => "mindre än en minut",
        { TotalMinutes: < 2 } => "1 minut",
        { TotalHours: < 1 } => $"{(int)tid.TotalMinutes} minuter",
        { TotalHours: < 2 } => "1 timme",
        { TotalDays: < 1 } => $"{(int)tid.TotalHours} timmar",
        { TotalDays: < 2 } => "1 dag",
        _ => $"{(int)tid.TotalDays} dagar",
    };

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Za-z_][A-Za-z0-9_]*Exception:\s*")]
    private static partial Regex Typnamn();
}
