using System.Globalization;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Simulering;

/// <summary>Realistic förbund and the form data simulated users fill in.</summary>
public static class Simuleringsdata
{
    private static readonly string[] Fornamn = ["Anna", "Erik", "Maria", "Johan", "Sara", "Lars", "Fatima", "Karin", "Ali", "Eva", "Per", "Lena"];
    private static readonly string[] Efternamn = ["Lindqvist", "Johansson", "Berg", "Ek", "Holm", "Nyström", "Sjöberg", "Karlsson", "Andersson", "Nilsson"];
    private static readonly string[] Kommuner = ["Norrby", "Söderby", "Österå", "Västlunda", "Bergsjö", "Sjövik", "Ådalen", "Lillby"];
    public static readonly string[] Alternativ = ["Fullstandig", "Delad", "Professionell", "Strukturell"];

    public sealed record SimuleratForbund(Forbund Forbund, Styrelse Styrelse, IReadOnlyList<string> Ledamoter, IReadOnlyList<string> Medlemsnamn);

    public static SimuleratForbund Forbund(int nummer, int franAr, int tillAr, Random slump)
    {
        var kommun1 = Kommuner[nummer % Kommuner.Length];
        var kommun2 = Kommuner[(nummer + 3) % Kommuner.Length];
        var forbund = new Forbund { Namn = $"Samordningsförbundet {kommun1} {nummer:000}", Organisationsnummer = $"222{nummer:000}-{1000 + nummer:0000}" };
        forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        forbund.LaggTillMedlem("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen);
        var region = forbund.LaggTillMedlem($"Region {kommun1}land", MedlemsTyp.Region);
        var k1 = forbund.LaggTillMedlem($"{kommun1} kommun", MedlemsTyp.Kommun);
        var k2 = forbund.LaggTillMedlem($"{kommun2}s kommun", MedlemsTyp.Kommun);
        var namn = Enumerable.Range(0, 6).Select(i => $"{Fornamn[(nummer + i * 5) % Fornamn.Length]} {Efternamn[(nummer * 3 + i) % Efternamn.Length]} {nummer}-{i}").ToList();
        var styrelse = new Styrelse
        {
            ForbundId = forbund.Id, MandatperiodFran = new DateOnly(franAr - 1, 1, 1), MandatperiodTill = new DateOnly(tillAr + 4, 12, 31),
            Ledamoter =
            [
                new() { Namn = namn[0], MedlemId = region.Id, Uppdrag = Styrelseuppdrag.Ordforande },
                new() { Namn = namn[1], MedlemId = k1.Id, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                new() { Namn = namn[2], MedlemId = k2.Id },
                new() { Namn = namn[3], MedlemId = forbund.Medlemmar[0].Id },
                new() { Namn = namn[4], MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = namn[5], MedlemId = k1.Id, Roll = Styrelseroll.Ersattare },
            ],
        };
        return new(forbund, styrelse, namn.Take(4).ToList(), forbund.Medlemmar.Select(m => m.Namn).ToList());
    }

    /// <summary>A year's budget with room for every insats the simulation grants (income above costs: the balanskrav).</summary>
    public static Arsbudget Budget(Forbund forbund, int ar) => new()
    {
        ForbundId = forbund.Id, Ar = ar, AntagenDatum = new DateOnly(ar - 1, 11, 20),
        Intakter = [.. forbund.Medlemmar.Select((m, i) => new MedlemsIntakt { MedlemId = m.Id, Belopp = Intakt(i) })],
        Kostnader = [new() { Omrade = Kostnadsomrade.Administration, Belopp = 2_000_000m }, new() { Omrade = Kostnadsomrade.Insatser, Belopp = 397_000_000m }],
    };

    /// <summary>State 50 %, region 25 %, kommunerna 25 % (FINSAM 7 §).</summary>
    private static decimal Intakt(int medlem) => medlem switch { 0 or 1 => 100_000_000m, 2 => 100_000_000m, _ => 50_000_000m };

    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object Idefas(int n) => new
    {
        utgangspunkter = $"Behov {n}: många står långt från arbetsmarknaden.",
        mal = "Fler i arbete eller studier.",
        behovsgrupp = "Personer med behov av samordnat stöd.",
        aktiviteter = "Stöd, arbetsträning och samordning.",
    };

    public static object Ansokan(DateOnly start, DateOnly slut, IReadOnlyList<string> medlemmar, string? beskrivning) => new
    {
        projektstyrning = "Styrgrupp med berörda medlemmar.",
        relationTillAndraVerksamheter = "Kompletterar ordinarie verksamhet.",
        resurser = "Samordnare.",
        tidplan = $"{D(start)} till {D(slut)}.",
        utvardering = "Löpande uppföljning.",
        implementering = "Tas över av ordinarie verksamhet.",
        kontaktpersoner = new[] { new { namn = "Kim Kontakt", roll = "Projektledare", epost = "kim@example.se" } },
        budgetrader = Enumerable.Range(start.Year, slut.Year - start.Year + 1)
            .Select((ar, i) => new { kostnadstyp = "personal", ar, belopp = 400_000m, beskrivning = i == 0 ? beskrivning : null }).ToArray(),
        berordaMedlemmar = medlemmar.Select(m => new { medlem = m }).ToArray(),
        malgruppBeskrivning = "Vuxna i behov av samordnat stöd.",
        malgruppAlderFran = 18,
        malgruppAlderTill = 64,
        periodStart = D(start),
        periodSlut = D(slut),
    };

    public static object Sammantrade(DateOnly datum, int paragraf, IReadOnlyList<string> ledamoter, object extra) =>
        Merge(new Dictionary<string, object?>
        {
            ["sammantradesdatum"] = D(datum),
            ["paragraf"] = paragraf,
            ["narvarande"] = ledamoter.Select(n => new { namn = n }).ToArray(),
        }, extra);

    public static object Implementering(string falt, string alternativ, int ar) => new Dictionary<string, object?>
    {
        [falt] = alternativ,
        ["mottagandeOrganisation"] = alternativ == "Fullstandig" ? "Kommunens arbetsmarknadsenhet" : null,
        ["delar"] = alternativ == "Delad" ? new object[] { new { del = "Samordning", organisation = "Kommunen", andel = 0.5m }, new { del = "Stöd", organisation = "Regionen", andel = 0.5m } } : null,
        ["spridning"] = alternativ == "Professionell" ? "Metodstöd och utbildning." : null,
        ["fortsattFinansiering"] = alternativ == "Strukturell" ? new object[] { new { ar, belopp = 200_000m } } : null,
    };

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> d, object extra)
    {
        if (extra is IDictionary<string, object?> ordlista)
            foreach (var (k, v) in ordlista) d[k] = v;
        else
            foreach (var p in extra.GetType().GetProperties()) d[p.Name] = p.GetValue(extra);
        return d;
    }
}
