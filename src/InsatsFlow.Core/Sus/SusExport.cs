using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Sus;

/// <summary>
/// The SUS export of one förbund and year: one row per insats the förbund finances that year (a bifall, not
/// avslagen, its period touching the year), in the columns and order of sus/exportkolumner.json, and the
/// samverkansbudget per finansiär. An insats SUS would not take stops the export with what is missing.
/// </summary>
public sealed class SusExport(IDomanData data, SusKatalog katalog, SusProvning provning)
{
    public const string Insatsflik = "Insatser";
    public const string Samverkansflik = "Samverkansbudget";

    public async Task<SusExportresultat> ByggAsync(Guid forbundId, int ar, DateOnly idag, CancellationToken ct = default)
    {
        var insatser = (await data.Insatser.AsNoTracking().Where(i => i.ForbundId == forbundId && i.Fas != InsatsFas.Avslagen).ToListAsync(ct))
            .Where(i => i.Beslut.Any(b => b.Typ == BeslutsTyp.Bifall) && Berors(i, ar))
            .OrderBy(i => i.Diarienummer, StringComparer.Ordinal).ToList();
        var provade = new List<SusResultat>();
        foreach (var insats in insatser) provade.Add(await provning.ProvaAsync(insats, idag, ct));
        var avvisade = provade.Where(p => !p.Godkand).ToList();
        if (avvisade.Count > 0) return new SusExportresultat(null, avvisade, []);

        var kolumner = katalog.Kolumner.Kolumner;
        var rader = insatser.Select(i => (IReadOnlyList<object?>)kolumner.Select(k => Varde(i, ar, k.Falt)).ToList()).ToList();
        var tabell = new SusTabell(Insatsflik, [.. kolumner.Select(k => k.Rubrik)], rader);
        return new SusExportresultat(new SusExportfil(tabell, await SamverkansbudgetAsync(forbundId, ar, ct)), [],
            [.. provade.SelectMany(p => p.Varningar.Select(v => $"{p.Insats.Diarienummer} {p.Insats.Titel}: {v}"))]);
    }

    private static bool Berors(Insats i, int ar) =>
        (i.PeriodStart is null || i.PeriodStart.Value.Year <= ar) && (i.PeriodSlut is null || i.PeriodSlut.Value.Year >= ar);

    private object? Varde(Insats i, int ar, string falt)
    {
        var listor = katalog.Vardelistor;
        var delar = falt.Split(':', 2);
        if (delar.Length == 2)
        {
            var post = i.SusBudgetposter.FirstOrDefault(p => p.Ar == ar && p.Budgettyp == delar[1]);
            return delar[0] == "budget" ? post?.Budget : i.SusUtfall(ar, delar[1]);
        }
        var rapporter = i.Uppfoljningsrapporter.Where(r => r.PeriodTill.Year == ar).ToList();
        return falt switch
        {
            "diarienummer" => i.Diarienummer,
            "namn" => i.Titel,
            "sokande" => i.SokandeOrganisation,
            "beskrivning" => i.Sus.Beskrivning,
            "startdatum" => i.PeriodStart?.ToString("yyyy-MM-dd"),
            "slutdatum" => i.PeriodSlut?.ToString("yyyy-MM-dd"),
            "inriktning" => listor.Inriktning(i.Sus.Inriktning)?.Namn ?? i.Sus.Inriktning,
            "preciseradInriktning" => listor.PreciseradNamn(i.Sus.PreciseradInriktning),
            "matningsmetod" => listor.Namn(listor.Matningsmetoder, i.Sus.Matningsmetod),
            "malgrupper" => string.Join(", ", i.Sus.Malgrupper.Select(m => listor.Namn(listor.Malgrupper, m))),
            "planeradeDeltagare" => i.SusArsplaner.FirstOrDefault(p => p.Ar == ar)?.PlaneradeDeltagare,
            "budgetbeskrivning" => string.Join(" ", i.SusBudgetposter.Where(p => p.Ar == ar && !string.IsNullOrWhiteSpace(p.Beskrivning)).Select(p => p.Beskrivning)),
            "deltagarePaborjade" => rapporter.Count == 0 ? null : rapporter.Sum(r => r.DeltagarePaborjade ?? 0),
            "deltagareAvslutade" => rapporter.Count == 0 ? null : rapporter.Sum(r => r.DeltagareAvslutade ?? 0),
            _ => throw new SusKonfigurationsfel($"Exportkolumnen {falt} är okänd."),
        };
    }

    /// <summary>Per finansiär (member) what it contributes the year; a surplus from earlier years is Eget kapital (SUS).</summary>
    private async Task<SusTabell> SamverkansbudgetAsync(Guid forbundId, int ar, CancellationToken ct)
    {
        var budget = await data.Arsbudgetar.AsNoTracking().FirstOrDefaultAsync(b => b.ForbundId == forbundId && b.Ar == ar, ct);
        var medlemmar = await data.Medlemmar.AsNoTracking().Where(m => m.ForbundId == forbundId).ToDictionaryAsync(m => m.Id, ct);
        var rader = new List<IReadOnlyList<object?>>();
        if (budget is not null)
        {
            foreach (var intakt in budget.Intakter.OrderBy(i => medlemmar.TryGetValue(i.MedlemId, out var m) ? (int)m.Typ : 99)
                         .ThenBy(i => medlemmar.TryGetValue(i.MedlemId, out var m) ? m.Namn : "", StringComparer.Ordinal))
                rader.Add([ar, medlemmar.TryGetValue(intakt.MedlemId, out var m) ? m.Namn : "?", intakt.Belopp]);
            if (budget.EgetKapital != 0) rader.Add([ar, "Eget kapital", budget.EgetKapital]);
        }
        return new SusTabell(Samverkansflik, ["År", "Finansiär", "Belopp"], rader);
    }
}

/// <summary>Either the file's content, or the insatser SUS would refuse (with what each lacks).</summary>
public sealed record SusExportresultat(SusExportfil? Fil, IReadOnlyList<SusResultat> Avvisade, IReadOnlyList<string> Varningar);

public sealed record SusExportfil(SusTabell Insatser, SusTabell Samverkansbudget);

public sealed record SusTabell(string Namn, IReadOnlyList<string> Rubriker, IReadOnlyList<IReadOnlyList<object?>> Rader);
