using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Rules.Recording;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Arkiv;

/// <summary>Everything the archive package of one closed insats holds, read from the domain, the engine and the archive.</summary>
public sealed record Arendeunderlag(
    Forbund Forbund,
    Insats Insats,
    IReadOnlyList<Diariepost> Diarium,
    IReadOnlyList<Processunderlag> Processer,
    IReadOnlyList<StoredEvaluation> Regelprovningar,
    IReadOnlyList<ArkiveratDokument> Dokument);

/// <summary>One process instance of the ärende: its version's BPMN and its hash-chained journal.</summary>
public sealed record Processunderlag(ProcessInstance Instans, ProcessDefinition? Definition, IReadOnlyList<JournalEntry> Journal);

/// <summary>Reads an ärende for the archive; an open insats, or one missing SUS fields, is refused with what is missing.</summary>
public sealed class Arendelasning(IDomanData data, ProcessEngine engine, IEngineStore store, IEvaluationStore provningar, IDokumentarkiv arkiv,
    IEnumerable<SusProvning> sus, TimeProvider tid)
{
    public const string Processnyckel = "insats-livscykel";

    public async Task<Arendeunderlag> LasAsync(string diarienummer, CancellationToken ct = default)
    {
        var insats = await data.Insatser.AsNoTracking().FirstOrDefaultAsync(i => i.Diarienummer == diarienummer, ct)
            ?? throw new ArkivFel($"Det finns ingen insats med diarienummer {diarienummer}.");
        var saknas = new List<string>();
        if (insats.Fas is not (InsatsFas.Avslutad or InsatsFas.Avslagen))
            saknas.Add($"insatsen är inte avslutad (fas: {insats.Fas.Visningsnamn()}); bara ett avslutat ärende kan arkiveras");
        if (insats.Fas is not InsatsFas.Avslagen && sus.FirstOrDefault() is { } provning)
        {
            var idag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid.GetUtcNow(), Kalender.SvenskaArbetsdagar.Stockholm).DateTime);
            var resultat = await provning.ProvaAsync(insats, idag, ct);
            saknas.AddRange(resultat.Saknas.Select(s => "SUS: " + s));
        }
        if (saknas.Count > 0)
            throw new ArkivFel($"{insats.Diarienummer} {insats.Titel} kan inte arkiveras: {string.Join("; ", saknas)}.", saknas);

        var forbund = await data.Forbund.AsNoTracking().FirstAsync(f => f.Id == insats.ForbundId, ct);
        var diarium = await data.Diarieposter.AsNoTracking().Where(d => d.InsatsId == insats.Id).OrderBy(d => d.Lopnummer).ToListAsync(ct);
        var processer = new List<Processunderlag>();
        var evalueringar = new List<StoredEvaluation>();
        var dokument = (await arkiv.ListaForAffarsnyckelAsync(insats.Id.ToString(), ct)).ToList();
        foreach (var instans in (await engine.FindInstancesAsync(Processnyckel, insats.Id.ToString(), ct: ct)).OrderBy(i => i.StartedAt))
        {
            processer.Add(new(instans, await store.FindDefinitionAsync(instans.DefinitionId, ct), await engine.JournalAsync(instans.Id, ct)));
            evalueringar.AddRange(await provningar.ForProcessInstanceAsync(instans.Id, ct));
            foreach (var d in await arkiv.ListaForInstansAsync(instans.Id, ct))
                if (dokument.All(x => x.Id != d.Id)) dokument.Add(d);
        }
        return new(forbund, insats, diarium, processer, [.. evalueringar.OrderBy(e => e.UtfordVid)], [.. dokument.OrderBy(d => d.SkapadUtc)]);
    }
}

/// <summary>An ärende that cannot be archived, or a package that does not hold; the message is Swedish and names what.</summary>
public sealed class ArkivFel(string message, IReadOnlyList<string>? saknas = null) : Exception(message)
{
    public IReadOnlyList<string> Saknas { get; } = saknas ?? [message];
}
