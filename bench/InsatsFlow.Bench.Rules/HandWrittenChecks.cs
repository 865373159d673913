using System.Text.Json;

namespace InsatsFlow.Bench.Rules;

/// <summary>
/// The catalogue's checks written by hand in C#, from the same JSON input: the baseline RulesEngine is compared with.
/// Every rule is computed (warnings too), and the answer is whether no blocking rule failed.
/// </summary>
internal static class HandWrittenChecks
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record Namngiven(string Namn, string Typ);
    private sealed record Samrad(string Medlem, DateTime Datum);
    private sealed record Budget(int Budgetar, DateTime? AntagenDatum, List<Namngiven>? Medlemmar, List<Samrad>? Samrad,
        decimal Intakter, decimal Kostnader, bool? SynnerligaSkal, string? SynnerligaSkalMotivering);
    private sealed record Avgift(string Medlem, string Typ, decimal Belopp);
    private sealed record Fordelning(List<Avgift> Medlemsavgifter);
    private sealed record Budgetrad(string Kostnadstyp, decimal Belopp);
    private sealed record Part(string Namn, string Typ);
    private sealed record Insats(List<Budgetrad>? Budgetrader, List<Part>? BerordaParter, int MalgruppAlderFran, int MalgruppAlderTill);
    private sealed record Avsnitt(int Nummer, string? Text);
    private sealed record Kontakt(string Namn);
    private sealed record Ansokan(string Fas, List<Avsnitt>? Avsnitt, List<Kontakt>? Kontaktpersoner, List<Budgetrad>? Budgetrader);
    private sealed record ArBelopp(int Ar, decimal Belopp);
    private sealed record ImplementeringsDel(string Del, string Organisation, decimal Andel);
    private sealed record Spridning(string Metod, string Mottagare);
    private sealed record Beslut(List<ArBelopp>? BeviljatPerAr, int AntalLedamoter, List<string>? Deltagande, List<string>? Javiga,
        string? Alternativ, string? MottagandeOrganisation, List<ImplementeringsDel>? Delar, List<Spridning>? Spridning, List<ArBelopp>? FortsattFinansiering);
    private sealed record Medel(List<ArBelopp> TillgangligtPerAr);
    private sealed record Utrymme(List<ArBelopp> UtrymmePerAr);
    private sealed record Arsredovisning(int Rakenskapsar, DateTime? UpprattadDatum);
    private sealed record Upphandling(decimal Varde, bool Direktupphandling, bool? Dokumenterad);

    private static readonly string[] Medlemstyper = ["forsakringskassan", "arbetsformedlingen", "region", "kommun"];
    private static readonly string[] Stodberattigande = ["lokaler", "personal", "samordnare", "utvardering", "administration", "kompetensutveckling", "material"];
    private static readonly string[] Uteslutna = ["busskort", "milersattning", "ersattningArbetstraning", "tolk"];
    private static readonly string[] Alternativ = ["fullstandig", "delad", "professionell", "strukturell"];

    private static T Read<T>(JsonElement indata, string name) => indata.GetProperty(name).Deserialize<T>(Options)!;

    private static bool Filled(string? text) => text is not null && text.Trim() != "";

    public static bool Uppfylld(string regelverk, JsonElement indata) => regelverk switch
    {
        "budgetbeslut" => Budgetbeslut(Read<Budget>(indata, "budget")),
        "balanskrav" => Balanskrav(Read<Budget>(indata, "budget")),
        "medlemsandelar" => Medlemsandelar(Read<Fordelning>(indata, "fordelning")),
        "stodberattigande-kostnader" => Kostnader(Read<Insats>(indata, "insats")),
        "berorda-parter" => Parter(Read<Insats>(indata, "insats")),
        "malgrupp" => Malgrupp(Read<Insats>(indata, "insats")),
        "ansokan-komplett" => AnsokanKomplett(Read<Ansokan>(indata, "ansokan")),
        "beviljat-belopp" => BeviljatBelopp(Read<Beslut>(indata, "beslut"), Read<Medel>(indata, "medel")),
        "jav-och-beslutforhet" => JavOchBeslutforhet(Read<Beslut>(indata, "beslut")),
        "implementeringsbeslut" => Implementeringsbeslut(Read<Beslut>(indata, "beslut"), Read<Utrymme>(indata, "budget")),
        "arsredovisning" => ArsredovisningITid(Read<Arsredovisning>(indata, "arsredovisning")),
        "direktupphandling" => Direktupphandling(Read<Upphandling>(indata, "upphandling")),
        _ => throw new ArgumentException("okänt regelverk " + regelverk),
    };

    private static bool Budgetbeslut(Budget b)
    {
        var iTid = b.AntagenDatum is { } d && d <= new DateTime(b.Budgetar - 1, 11, 30);
        var medlemmar = b.Medlemmar ?? [];
        var samrad = b.Samrad ?? [];
        var samradFore = b.AntagenDatum is { } a && medlemmar.Count > 0
            && medlemmar.All(m => samrad.Any(s => s.Medlem == m.Namn && s.Datum < a));
        return iTid && samradFore;
    }

    private static bool Balanskrav(Budget b)
    {
        var uppfyllt = b.Intakter > b.Kostnader || (b.SynnerligaSkal == true && Filled(b.SynnerligaSkalMotivering));
        _ = !(b.Intakter <= b.Kostnader && b.SynnerligaSkal == true); // varning
        return uppfyllt;
    }

    private static bool Medlemsandelar(Fordelning f)
    {
        var total = f.Medlemsavgifter.Sum(m => m.Belopp);
        var staten = f.Medlemsavgifter.Where(m => m.Typ is "forsakringskassan" or "arbetsformedlingen").Sum(m => m.Belopp);
        var regionerna = f.Medlemsavgifter.Where(m => m.Typ == "region").Sum(m => m.Belopp);
        var kommunerna = f.Medlemsavgifter.Where(m => m.Typ == "kommun").Sum(m => m.Belopp);
        var harRegion = f.Medlemsavgifter.Any(m => m.Typ == "region");
        const decimal tolerans = 0.005m;
        var angivna = total > 0 && f.Medlemsavgifter.All(m => Medlemstyper.Contains(m.Typ) && m.Belopp >= 0);
        var statens = total > 0 && Math.Abs(staten / total - 0.5m) <= tolerans;
        var regionernas = !harRegion || (total > 0 && Math.Abs(regionerna / total - 0.25m) <= tolerans);
        var kommunernas = total > 0 && Math.Abs(kommunerna / total - (harRegion ? 0.25m : 0.5m)) <= tolerans;
        return angivna && statens && regionernas && kommunernas;
    }

    private static bool Kostnader(Insats i)
    {
        var rader = i.Budgetrader ?? [];
        var ingaUteslutna = !rader.Any(r => Uteslutna.Contains(r.Kostnadstyp));
        _ = rader.All(r => Stodberattigande.Contains(r.Kostnadstyp) || Uteslutna.Contains(r.Kostnadstyp)); // varning
        return ingaUteslutna;
    }

    private static bool Parter(Insats i)
    {
        var parter = i.BerordaParter ?? [];
        var kanda = parter.All(p => Medlemstyper.Contains(p.Typ));
        var minstTva = parter.Where(p => Medlemstyper.Contains(p.Typ)).Select(p => p.Typ).Distinct().Count() >= 2;
        return kanda && minstTva;
    }

    private static bool Malgrupp(Insats i)
    {
        _ = i.MalgruppAlderTill <= 64; // varning
        return i.MalgruppAlderFran <= i.MalgruppAlderTill && i.MalgruppAlderFran >= 16;
    }

    private static bool AnsokanKomplett(Ansokan a)
    {
        var avsnitt = a.Avsnitt ?? [];
        bool Ifyllda(IEnumerable<int> nummer) => nummer.All(n => avsnitt.Any(x => x.Nummer == n && Filled(x.Text)));
        var rader = a.Budgetrader ?? [];
        var kand = a.Fas is "ide" or "ansokan";
        var ide = Ifyllda([1, 2, 3, 4]);
        var ansokan = a.Fas != "ansokan" || Ifyllda([5, 6, 7, 8, 9, 10]);
        var kontakt = a.Fas != "ansokan" || (a.Kontaktpersoner ?? []).Any(k => k.Namn.Trim() != "");
        var budget = a.Fas != "ansokan" || (rader.Count > 0 && rader.All(b => b.Belopp >= 0) && rader.Sum(b => b.Belopp) > 0);
        return kand && ide && ansokan && kontakt && budget;
    }

    private static bool BeviljatBelopp(Beslut b, Medel m)
    {
        var per = b.BeviljatPerAr ?? [];
        var angivet = per.Count > 0 && per.All(x => x.Belopp >= 0) && per.Sum(x => x.Belopp) > 0 && per.Select(x => x.Ar).Distinct().Count() == per.Count;
        var inom = per.All(x => m.TillgangligtPerAr.Any(t => t.Ar == x.Ar && x.Belopp <= t.Belopp));
        return angivet && inom;
    }

    private static bool JavOchBeslutforhet(Beslut b)
    {
        var deltagande = b.Deltagande ?? [];
        var javiga = b.Javiga ?? [];
        return !deltagande.Any(javiga.Contains) && b.AntalLedamoter > 0 && deltagande.Distinct().Count() > b.AntalLedamoter * 0.5m;
    }

    private static bool Implementeringsbeslut(Beslut b, Utrymme u)
    {
        var delar = b.Delar ?? [];
        var finansiering = b.FortsattFinansiering ?? [];
        var kant = Alternativ.Contains(b.Alternativ);
        var fullstandig = b.Alternativ != "fullstandig" || Filled(b.MottagandeOrganisation);
        var delad = b.Alternativ != "delad" || (delar.Count > 0 && delar.All(d => d.Organisation.Trim() != "" && d.Andel > 0) && delar.Sum(d => d.Andel) <= 1);
        var professionell = b.Alternativ != "professionell" || (b.Spridning ?? []).Any(s => s.Metod.Trim() != "" && s.Mottagare.Trim() != "");
        var strukturell = b.Alternativ != "strukturell"
            || (finansiering.Count > 0 && finansiering.All(f => u.UtrymmePerAr.Any(x => x.Ar == f.Ar && f.Belopp <= x.Belopp)));
        return kant && fullstandig && delad && professionell && strukturell;
    }

    private static bool ArsredovisningITid(Arsredovisning a) =>
        a.UpprattadDatum is { } d && d <= new DateTime(a.Rakenskapsar + 1, 3, 31);

    private static bool Direktupphandling(Upphandling u)
    {
        _ = u.Varde <= 100_000m || u.Dokumenterad == true; // varning
        return !u.Direktupphandling || u.Varde < 700_000m;
    }
}
