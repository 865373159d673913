using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// What one gate reads from the domain, each loaded at most once however many fields use it: the insats, the
/// budget of budgetar, the förbund and its medlemmar, the meeting with the insats as an item and its styrelse.
/// </summary>
internal sealed class Underlagskallor(IDomanData data, IReadOnlyDictionary<string, object?> variabler, Sus.SusVardelistor? susListor = null)
{
    private Dictionary<string, object?>? sus;

    /// <summary>The insats's SUS fields as the SUS regelverk read them, compared with the value lists (sus/).</summary>
    public async Task<Dictionary<string, object?>> SusAsync(CancellationToken ct)
    {
        if (sus is not null) return sus;
        var listor = susListor ?? throw new InvalidOperationException("SUS-värdelistorna (sus/vardelistor.json) är inte inlästa här.");
        return sus = (Dictionary<string, object?>)Sus.SusUnderlag.Bygg(await InsatsAsync(ct), listor)["sus"]!;
    }

    private Insats? insats;
    private Arsbudget? budget;
    private List<Medlem>? medlemmar;
    private Forbund? forbund;
    private (Sammantrade, Arende, Styrelse)? mote;
    private List<Arsbudget>? budgetar;
    private List<Insats>? beviljade;

    public IReadOnlyDictionary<string, object?> Variabler => variabler;

    public async Task<Insats> InsatsAsync(CancellationToken ct)
    {
        if (insats is not null) return insats;
        var id = Processvariabler.KravGuid(variabler, Processvariabler.InsatsId);
        return insats = data.Insatser.Local.FirstOrDefault(i => i.Id == id)
            ?? await data.Insatser.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new InvalidOperationException($"Insatsen {id} finns inte.");
    }

    public async Task<Arsbudget> BudgetAsync(CancellationToken ct)
    {
        if (budget is not null) return budget;
        var ar = Processvariabler.Heltal(variabler, Processvariabler.Budgetar)
            ?? throw new InvalidOperationException($"Processvariabeln \"{Processvariabler.Budgetar}\" saknas.");
        var forbundId = Processvariabler.Guid(variabler, Processvariabler.ForbundId);
        return budget = data.Arsbudgetar.Local.FirstOrDefault(b => b.Ar == ar && (forbundId == null || b.ForbundId == forbundId))
            ?? await data.Arsbudgetar.FirstOrDefaultAsync(b => b.Ar == ar && (forbundId == null || b.ForbundId == forbundId), ct)
            ?? throw new InvalidOperationException($"Det finns ingen budget för {ar}.");
    }

    /// <summary>The förbund of the budget or the insats the gate is about.</summary>
    public async Task<Guid> AktuelltForbundAsync(CancellationToken ct) =>
        Processvariabler.Guid(variabler, Processvariabler.ForbundId) is { } id ? id
        : Processvariabler.Guid(variabler, Processvariabler.InsatsId) is not null ? (await InsatsAsync(ct)).ForbundId
        : (await BudgetAsync(ct)).ForbundId;

    public async Task<List<Medlem>> MedlemmarAsync(CancellationToken ct)
    {
        if (medlemmar is not null) return medlemmar;
        var forbundId = await AktuelltForbundAsync(ct);
        return medlemmar = await data.Medlemmar.Where(m => m.ForbundId == forbundId).OrderBy(m => m.Namn).ToListAsync(ct);
    }

    public async Task<Forbund> ForbundAsync(CancellationToken ct)
    {
        if (forbund is not null) return forbund;
        var forbundId = await AktuelltForbundAsync(ct);
        return forbund = await data.Forbund.FirstOrDefaultAsync(f => f.Id == forbundId, ct)
            ?? throw new InvalidOperationException($"Förbundet {forbundId} finns inte.");
    }

    /// <summary>The meeting that has the insats as an item: the one named by sammantradeId, else the latest.</summary>
    public async Task<(Sammantrade Sammantrade, Arende Arende, Styrelse Styrelse)> MoteAsync(CancellationToken ct)
    {
        if (mote is { } m) return m;
        var i = await InsatsAsync(ct);
        var sammantradeId = Processvariabler.Guid(variabler, Processvariabler.SammantradeId);
        // With the meeting a decision form registered in this same unit of work (not yet saved).
        var sammantraden = (await data.Sammantraden.Where(s => s.ForbundId == i.ForbundId).ToListAsync(ct))
            .Union(data.Sammantraden.Local.Where(s => s.ForbundId == i.ForbundId)).ToList();
        var sammantrade = sammantraden.FirstOrDefault(s => s.Id == sammantradeId)
            ?? sammantraden.Where(s => s.Arenden.Any(a => a.InsatsId == i.Id)).OrderByDescending(s => s.Datum).FirstOrDefault()
            ?? throw new InvalidOperationException($"Inget sammanträde har insatsen {i.Diarienummer} som ärende.");
        var arende = sammantrade.Arenden.FirstOrDefault(a => a.InsatsId == i.Id)
            ?? throw new InvalidOperationException($"Sammanträdet {sammantrade.Datum:yyyy-MM-dd} har inte insatsen som ärende.");
        var styrelse = await data.Styrelser.Where(s => s.ForbundId == i.ForbundId && s.MandatperiodFran <= sammantrade.Datum && s.MandatperiodTill >= sammantrade.Datum)
            .FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException($"Ingen styrelse har mandat {sammantrade.Datum:yyyy-MM-dd}.");
        mote = (sammantrade, arende, styrelse);
        return mote.Value;
    }

    public async Task<Implementeringsbeslut> ImplementeringAsync(CancellationToken ct)
    {
        var i = await InsatsAsync(ct);
        return i.Implementeringsbeslut ?? throw new InvalidOperationException($"Insatsen {i.Diarienummer} har inget implementeringsförslag.");
    }

    /// <summary>
    /// What is left of each year's insats budget once the other granted, running insatser are counted. A year beyond
    /// the adopted budgets is planned with the latest budget's figure (KL 11 kap 6 §: a three-year financial plan).
    /// </summary>
    public async Task<List<object?>> UtrymmePerArAsync(IReadOnlyList<int> ar, CancellationToken ct)
    {
        var i = await InsatsAsync(ct);
        budgetar ??= await data.Arsbudgetar.Where(b => b.ForbundId == i.ForbundId).ToListAsync(ct);
        beviljade ??= (await data.Insatser
                .Where(o => o.ForbundId == i.ForbundId && o.Id != i.Id && o.Fas != InsatsFas.Avslagen && o.Fas != InsatsFas.Avslutad)
                .ToListAsync(ct))
            .Where(o => o.Beslut.Any(b => b.Typ == BeslutsTyp.Bifall)).ToList();
        return [.. ar.Select(a =>
        {
            var ram = budgetar.Where(b => b.Ar <= a).OrderByDescending(b => b.Ar).FirstOrDefault()
                ?.Kostnader.Where(k => k.Omrade == Kostnadsomrade.Insatser).Sum(k => k.Belopp) ?? 0m;
            return (object?)Regelvyer.ArBelopp(a, Math.Max(0, ram - beviljade.Sum(o => o.BudgetSumma(a))));
        })];
    }
}
