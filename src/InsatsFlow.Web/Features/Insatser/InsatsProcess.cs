using System.Xml.Linq;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Rules.Recording;

namespace InsatsFlow.Web.Features.Insatser;

/// <summary>
/// Where an insats's process stands, read from the engine: the diagram with its active and passed
/// elements, the journal as a timeline, and the rule evaluations made at its gates.
/// </summary>
public sealed class InsatsProcess(ProcessEngine engine, IEngineStore store, IEvaluationStore utvarderingar, IDokumentarkiv dokument)
{
    public const string Processnyckel = "insats-livscykel";

    public async Task<InsatsProcessVy?> HamtaAsync(Guid insatsId, CancellationToken ct)
    {
        var instans = (await engine.FindInstancesAsync(Processnyckel, insatsId.ToString(), ct: ct))
            .OrderByDescending(i => i.StartedAt).FirstOrDefault();
        if (instans is null) return null;
        var vy = await engine.GetInstanceAsync(instans.Id, ct);
        var definition = await store.FindDefinitionAsync(instans.DefinitionId, ct);
        var journal = await engine.JournalAsync(instans.Id, ct);
        var aktiva = vy.Tokens.Select(t => t.ElementId).Distinct().ToList();
        var passerade = journal.Where(j => j.ElementId is not null && j.Event is "element-entered" or "task-completed" or "service-completed")
            .Select(j => j.ElementId!).Distinct().Except(aktiva).ToList();
        var provningar = await utvarderingar.ForProcessInstanceAsync(instans.Id, ct);
        var dokumenten = await dokument.ListaForInstansAsync(instans.Id, ct);
        return new(instans, definition?.Xml, Namn(definition?.Xml), aktiva, passerade, journal, provningar, dokumenten) { Processnamn = definition?.Name };
    }

    /// <summary>Element id → the name the kansli gave it in the designer.</summary>
    private static IReadOnlyDictionary<string, string> Namn(string? xml)
    {
        if (xml is null) return new Dictionary<string, string>();
        return XDocument.Parse(xml).Descendants()
            .Where(e => e.Attribute("id") is not null && !string.IsNullOrWhiteSpace((string?)e.Attribute("name")))
            .GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => ((string)g.First().Attribute("name")!).Replace("\n", " ").Replace("\n", " "));
    }
}

public sealed record InsatsProcessVy(
    ProcessInstance Instans,
    string? Xml,
    IReadOnlyDictionary<string, string> Namn,
    IReadOnlyList<string> Aktiva,
    IReadOnlyList<string> Passerade,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<StoredEvaluation> Provningar,
    IReadOnlyList<ArkiveratDokument> Dokument)
{
    /// <summary>The process's name in words ("Insatsens livscykel").</summary>
    public string? Processnamn { get; init; }

    public string NamnPa(string? elementId) => elementId is null ? "" : Namn.GetValueOrDefault(elementId, elementId);
}
