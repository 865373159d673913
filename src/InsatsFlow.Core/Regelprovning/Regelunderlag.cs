using System.Globalization;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// Builds the input of each regelverk (the shapes in its file's "indata") from the domain as it stands, so a
/// gate checks the insats, budget or meeting itself rather than a copy carried in process variables. What the
/// domain does not hold (a decision's participants, the årsredovisning date) comes from the variables.
/// </summary>
public sealed class Regelunderlag(IDomanData data)
{
    public async Task<Dictionary<string, object?>> ByggAsync(string regelverk, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        return regelverk switch
        {
            "ansokan-komplett" => new() { ["ansokan"] = Ansokan(await InsatsAsync(variabler, ct), variabler) },
            "berorda-parter" => new() { ["insats"] = new Dictionary<string, object?> { ["berordaParter"] = await BerordaParterAsync(await InsatsAsync(variabler, ct), ct) } },
            "malgrupp" => new() { ["insats"] = Malgrupp(await InsatsAsync(variabler, ct)) },
            "stodberattigande-kostnader" => new() { ["insats"] = new Dictionary<string, object?> { ["budgetrader"] = Budgetrader(await InsatsAsync(variabler, ct)) } },
            "beviljat-belopp" => await BeviljatBeloppAsync(await InsatsAsync(variabler, ct), ct),
            "jav-och-beslutforhet" => new() { ["beslut"] = await JavOchBeslutforhetAsync(await InsatsAsync(variabler, ct), variabler, ct) },
            "implementeringsbeslut" => await ImplementeringAsync(await InsatsAsync(variabler, ct), ct),
            "budgetbeslut" => new() { ["budget"] = await BudgetbeslutAsync(await BudgetAsync(variabler, ct), ct) },
            "balanskrav" => new() { ["budget"] = Balanskrav(await BudgetAsync(variabler, ct), variabler) },
            "medlemsandelar" => new() { ["fordelning"] = await FordelningAsync(await BudgetAsync(variabler, ct), ct) },
            "arsredovisning" => new() { ["arsredovisning"] = Arsredovisning(variabler) },
            _ => [],
        };
    }

    private async Task<Insats> InsatsAsync(IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var id = Processvariabler.KravGuid(variabler, Processvariabler.InsatsId);
        return await data.Insatser.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new InvalidOperationException($"Insatsen {id} finns inte.");
    }

    private async Task<Arsbudget> BudgetAsync(IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var ar = Processvariabler.Heltal(variabler, Processvariabler.Budgetar)
            ?? throw new InvalidOperationException($"Processvariabeln \"{Processvariabler.Budgetar}\" saknas.");
        var forbund = Processvariabler.Guid(variabler, Processvariabler.ForbundId);
        return await data.Arsbudgetar.FirstOrDefaultAsync(b => b.Ar == ar && (forbund == null || b.ForbundId == forbund), ct)
            ?? throw new InvalidOperationException($"Det finns ingen budget för {ar}.");
    }

    private static Dictionary<string, object?> Ansokan(Insats insats, IReadOnlyDictionary<string, object?> variabler)
    {
        var a = insats.Avsnitt;
        string?[] texter = [a.Utgangspunkter, a.Mal, a.Behovsgrupp, a.Aktiviteter, a.ProjektstyrningOchOrganisation,
            a.RelationTillAndraVerksamheter, a.Resurser, a.Tidplan, a.Utvardering, a.Implementering];
        var fas = Processvariabler.Text(variabler, "ansokansfas") ?? (insats.Fas == InsatsFas.Idefas ? "ide" : "ansokan");
        return new()
        {
            ["fas"] = fas,
            ["avsnitt"] = texter.Select((t, i) => (object?)new Dictionary<string, object?> { ["nummer"] = i + 1, ["text"] = t }).ToList(),
            ["kontaktpersoner"] = insats.Kontaktpersoner.Select(k => (object?)new Dictionary<string, object?> { ["namn"] = k.Namn, ["epost"] = k.Epost }).ToList(),
            ["budgetrader"] = Budgetrader(insats),
        };
    }

    private static List<object?> Budgetrader(Insats insats) =>
        [.. insats.Budgetrader.Select(r => (object?)new Dictionary<string, object?> { ["kostnadstyp"] = r.Kostnadstyp, ["beskrivning"] = r.Beskrivning, ["belopp"] = r.Belopp })];

    private async Task<List<object?>> BerordaParterAsync(Insats insats, CancellationToken ct)
    {
        var ids = insats.InvolveradeMedlemmar.Select(m => m.MedlemId).ToList();
        var medlemmar = await data.Medlemmar.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        return [.. medlemmar.Select(m => (object?)new Dictionary<string, object?> { ["namn"] = m.Namn, ["typ"] = Typ(m.Typ) })];
    }

    private static Dictionary<string, object?> Malgrupp(Insats insats) => new()
    {
        ["malgruppAlderFran"] = insats.Malgrupp.AlderFran,
        ["malgruppAlderTill"] = insats.Malgrupp.AlderTill,
    };

    /// <summary>
    /// What is applied for per year against what is left of the year's insats budget once the other granted,
    /// running insatser are counted. A year beyond the adopted budgets is planned with the latest budget's
    /// figure (KL 11 kap 6 §: a three-year financial plan).
    /// </summary>
    private async Task<Dictionary<string, object?>> BeviljatBeloppAsync(Insats insats, CancellationToken ct)
    {
        var ar = insats.Budgetrader.Select(r => r.Ar).Distinct().Order().ToList();
        var utrymme = await UtrymmePerArAsync(insats, ar, ct);
        return new()
        {
            ["beslut"] = new Dictionary<string, object?> { ["beviljatPerAr"] = ar.Select(a => (object?)ArBelopp(a, insats.BudgetSumma(a))).ToList() },
            ["medel"] = new Dictionary<string, object?> { ["tillgangligtPerAr"] = utrymme },
        };
    }

    private async Task<List<object?>> UtrymmePerArAsync(Insats insats, IReadOnlyList<int> ar, CancellationToken ct)
    {
        var budgetar = await data.Arsbudgetar.Where(b => b.ForbundId == insats.ForbundId).ToListAsync(ct);
        var ovriga = await data.Insatser
            .Where(i => i.ForbundId == insats.ForbundId && i.Id != insats.Id && i.Fas != InsatsFas.Avslagen && i.Fas != InsatsFas.Avslutad)
            .ToListAsync(ct);
        var beviljade = ovriga.Where(i => i.Beslut.Any(b => b.Typ == BeslutsTyp.Bifall)).ToList();
        return [.. ar.Select(a =>
        {
            var ram = budgetar.Where(b => b.Ar <= a).OrderByDescending(b => b.Ar).FirstOrDefault()
                ?.Kostnader.Where(k => k.Omrade == Kostnadsomrade.Insatser).Sum(k => k.Belopp) ?? 0m;
            return (object?)ArBelopp(a, Math.Max(0, ram - beviljade.Sum(i => i.BudgetSumma(a))));
        })];
    }

    private async Task<Dictionary<string, object?>> JavOchBeslutforhetAsync(Insats insats, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var sammantradeId = Processvariabler.Guid(variabler, Processvariabler.SammantradeId);
        // With the meeting a decision form registered in this same unit of work (not yet saved).
        var sammantraden = (await data.Sammantraden.Where(s => s.ForbundId == insats.ForbundId).ToListAsync(ct))
            .Union(data.Sammantraden.Local.Where(s => s.ForbundId == insats.ForbundId)).ToList();
        var sammantrade = sammantraden.FirstOrDefault(s => s.Id == sammantradeId)
            ?? sammantraden.Where(s => s.Arenden.Any(a => a.InsatsId == insats.Id)).OrderByDescending(s => s.Datum).FirstOrDefault()
            ?? throw new InvalidOperationException($"Inget sammanträde har insatsen {insats.Diarienummer} som ärende.");
        var arende = sammantrade.Arenden.FirstOrDefault(a => a.InsatsId == insats.Id)
            ?? throw new InvalidOperationException($"Sammanträdet {sammantrade.Datum:yyyy-MM-dd} har inte insatsen som ärende.");
        var styrelse = await data.Styrelser.Where(s => s.ForbundId == insats.ForbundId && s.MandatperiodFran <= sammantrade.Datum && s.MandatperiodTill >= sammantrade.Datum)
            .FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException($"Ingen styrelse har mandat {sammantrade.Datum:yyyy-MM-dd}.");
        var namn = styrelse.Ledamoter.ToDictionary(l => l.Id, l => l.Namn);
        var javiga = arende.Jav.Select(j => namn.GetValueOrDefault(j.LedamotId, j.LedamotId.ToString())).ToList();
        // Who took part in the item: as the protocol states it (a form variable), otherwise everyone present
        // except those who declared jäv and so stepped out (KL 6 kap 28 §).
        var deltagande = variabler.TryGetValue("deltagande", out var d) && d is IEnumerable<object?> lista
            ? lista.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToList()
            : sammantrade.Narvaro.Where(n => n.Narvarande).Select(n => namn.GetValueOrDefault(n.LedamotId, "?")).Except(javiga).ToList();
        // Beslutförhet counts seats (FINSAM 15 §, KL 6 kap 27 §): each ledamot's seat, and who is present serving one —
        // a ledamot on their own seat, an ersättare only for the ledamot named in the protocol.
        var medlemsnamn = await data.Medlemmar.Where(m => m.ForbundId == insats.ForbundId).ToDictionaryAsync(m => m.Id, m => m.Namn, ct);
        var ledamoter = styrelse.Ledamoter.ToDictionary(l => l.Id);
        var narvarande = sammantrade.Narvaro.Where(n => n.Narvarande && ledamoter.ContainsKey(n.LedamotId))
            .Where(n => !variabler.ContainsKey("deltagande") || deltagande.Contains(ledamoter[n.LedamotId].Namn)).ToList();
        return new()
        {
            ["deltagande"] = deltagande.Cast<object?>().ToList(),
            ["javiga"] = javiga.Cast<object?>().ToList(),
            ["ledamoter"] = styrelse.Ledamoter.Where(l => l.Roll == Styrelseroll.Ledamot)
                .Select(l => (object?)new Dictionary<string, object?> { ["namn"] = l.Namn, ["medlem"] = medlemsnamn.GetValueOrDefault(l.MedlemId, l.MedlemId.ToString()) }).ToList(),
            ["narvarande"] = narvarande.Select(n =>
            {
                var l = ledamoter[n.LedamotId];
                return (object?)new Dictionary<string, object?>
                {
                    ["namn"] = l.Namn,
                    ["roll"] = l.Roll == Styrelseroll.Ledamot ? "ledamot" : "ersattare",
                    ["medlem"] = medlemsnamn.GetValueOrDefault(l.MedlemId, l.MedlemId.ToString()),
                    ["tjanstgorFor"] = n.TjanstgorForLedamotId is { } f && ledamoter.TryGetValue(f, out var forLedamot) ? forLedamot.Namn : null,
                };
            }).ToList(),
        };
    }

    private async Task<Dictionary<string, object?>> ImplementeringAsync(Insats insats, CancellationToken ct)
    {
        var ib = insats.Implementeringsbeslut ?? throw new InvalidOperationException($"Insatsen {insats.Diarienummer} har inget implementeringsförslag.");
        var ar = ib.FortsattFinansiering.Select(f => f.Ar).Distinct().Order().ToList();
        return new()
        {
            ["beslut"] = new Dictionary<string, object?>
            {
                ["alternativ"] = ib.Alternativ.ToString().ToLowerInvariant(),
                ["mottagandeOrganisation"] = ib.MottagandeOrganisation,
                ["delar"] = ib.Delar.Select(d => (object?)new Dictionary<string, object?> { ["del"] = d.Beskrivning, ["organisation"] = d.Organisation, ["andel"] = d.Andel }).ToList(),
                ["spridning"] = string.IsNullOrWhiteSpace(ib.Spridning)
                    ? new List<object?>()
                    : [new Dictionary<string, object?> { ["metod"] = ib.Spridning, ["mottagare"] = ib.MottagandeOrganisation ?? "berörda organisationer" }],
                ["fortsattFinansiering"] = ib.FortsattFinansiering.Select(f => (object?)ArBelopp(f.Ar, f.Belopp)).ToList(),
            },
            ["budget"] = new Dictionary<string, object?> { ["utrymmePerAr"] = await UtrymmePerArAsync(insats, ar, ct) },
        };
    }

    private async Task<Dictionary<string, object?>> BudgetbeslutAsync(Arsbudget budget, CancellationToken ct)
    {
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == budget.ForbundId).ToListAsync(ct);
        var namn = medlemmar.ToDictionary(m => m.Id, m => m.Namn);
        return new()
        {
            ["budgetar"] = budget.Ar,
            ["antagenDatum"] = Datum(budget.AntagenDatum),
            ["medlemmar"] = medlemmar.Select(m => (object?)new Dictionary<string, object?> { ["namn"] = m.Namn, ["typ"] = Typ(m.Typ) }).ToList(),
            ["samrad"] = budget.Samrad.Select(s => (object?)new Dictionary<string, object?> { ["medlem"] = namn.GetValueOrDefault(s.MedlemId, "?"), ["datum"] = Datum(s.Datum) }).ToList(),
        };
    }

    private static Dictionary<string, object?> Balanskrav(Arsbudget budget, IReadOnlyDictionary<string, object?> variabler) => new()
    {
        ["budgetar"] = budget.Ar,
        ["intakter"] = budget.SummaIntakter,
        ["kostnader"] = budget.SummaKostnader,
        ["synnerligaSkal"] = variabler.TryGetValue("synnerligaSkal", out var s) && s is bool b ? b : null,
        ["synnerligaSkalMotivering"] = Processvariabler.Text(variabler, "synnerligaSkalMotivering"),
    };

    private async Task<Dictionary<string, object?>> FordelningAsync(Arsbudget budget, CancellationToken ct)
    {
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == budget.ForbundId).ToDictionaryAsync(m => m.Id, ct);
        return new()
        {
            ["medlemsavgifter"] = budget.Intakter.Where(i => medlemmar.ContainsKey(i.MedlemId)).Select(i => (object?)new Dictionary<string, object?>
            {
                ["medlem"] = medlemmar[i.MedlemId].Namn,
                ["typ"] = Typ(medlemmar[i.MedlemId].Typ),
                ["belopp"] = i.Belopp,
            }).ToList(),
        };
    }

    private static Dictionary<string, object?> Arsredovisning(IReadOnlyDictionary<string, object?> variabler) => new()
    {
        ["rakenskapsar"] = Processvariabler.Heltal(variabler, "rakenskapsar") ?? Processvariabler.Heltal(variabler, Processvariabler.Budgetar),
        ["upprattadDatum"] = Processvariabler.Text(variabler, "upprattadDatum"),
    };

    private static Dictionary<string, object?> ArBelopp(int ar, decimal belopp) => new() { ["ar"] = ar, ["belopp"] = belopp };

    private static string? Datum(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Typ(MedlemsTyp typ) => typ.ToString().ToLowerInvariant();
}
