namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>Valid form data as the people in each lane fill it in.</summary>
public static class Formular
{
    public static readonly string[] Styrelsen = ["Anna Lindqvist", "Erik Johansson", "Maria Berg", "Johan Ek"];

    public static object Idefas() => new
    {
        utgangspunkter = "Många unga vuxna i Norrby står långt från arbetsmarknaden.",
        mal = "Hälften av deltagarna i arbete eller studier efter insatsen.",
        behovsgrupp = "Unga vuxna 18–29 år med aktivitetsersättning.",
        aktiviteter = "Individuellt stöd, arbetsträning och samordning mellan myndigheterna.",
    };

    public static object BeredningBeslut(string beslut) => new { ideBeslut = beslut, motivering = "Beredningsgruppens bedömning." };

    public static object Ansokan(string kostnadstyp = "personal", string[]? medlemmar = null, string? beskrivning = null) => new
    {
        projektstyrning = "Styrgrupp med en företrädare per berörd medlem.",
        relationTillAndraVerksamheter = "Kompletterar kommunens arbetsmarknadsenhet.",
        resurser = "Två samordnare på heltid.",
        tidplan = "Juli 2026 till juni 2028.",
        utvardering = "Extern utvärdering år två.",
        implementering = "Metoden tas över av kommunen efter projekttiden.",
        kontaktpersoner = new[] { new { namn = "Karin Ström", roll = "Projektledare", organisation = "Norrby kommun", epost = "karin.strom@norrby.se" } },
        budgetrader = new object[]
        {
            new { kostnadstyp, ar = 2026, belopp = 625_000m, beskrivning },
            new { kostnadstyp = "personal", ar = 2027, belopp = 625_000m },
        },
        berordaMedlemmar = (medlemmar ?? ["Försäkringskassan", "Norrby kommun"]).Select(m => new { medlem = m }).ToArray(),
        malgruppBeskrivning = "Unga vuxna med aktivitetsersättning.",
        malgruppAlderFran = 18,
        malgruppAlderTill = 29,
        periodStart = "2026-07-01",
        periodSlut = "2028-06-30",
    };

    public static object Yttrande(bool tillstyrker = true) => new { sammanfattning = "Medlemmen ställer sig bakom ansökan.", tillstyrker };

    public static object ForslagTillBeslut() => new { forslag = "bifall", foreslagetBelopp = 1_250_000m };

    public static object Styrelsebeslut(string beslut = "bifall", string datum = "2026-06-10", int paragraf = 12, string? javig = null, bool javigDeltog = false) => new
    {
        sammantradesdatum = datum,
        paragraf,
        narvarande = Styrelsen.Select(n => new { namn = n }).ToArray(),
        jav = javig is null ? Array.Empty<object>() : [new { namn = javig, grund = "Anställd hos sökande organisation" }],
        deltagande = javigDeltog ? Styrelsen.Select(n => new { namn = n }).ToArray() : null,
        styrelsebeslut = beslut,
        beviljatBelopp = beslut == "bifall" ? 1_250_000m : (decimal?)null,
        motivering = "Ansökan uppfyller förbundets krav.",
    };

    public static object Uppfoljning(string fran, string till) => new { periodFran = fran, periodTill = till, antalDeltagare = 24, sammanfattning = "Arbetet går enligt plan." };

    public static object Implementeringsforslag(string alternativ) => new
    {
        foreslagetAlternativ = alternativ,
        mottagandeOrganisation = alternativ == "Fullstandig" ? "Norrby kommun, arbetsmarknadsenheten" : null,
        delar = alternativ == "Delad"
            ? new object[] { new { del = "Samordning", organisation = "Norrby kommun", andel = 0.6m }, new { del = "Arbetsträning", organisation = "Försäkringskassan", andel = 0.4m } }
            : null,
        spridning = alternativ == "Professionell" ? "Metodhandbok och utbildning för medlemmarnas handläggare." : null,
        fortsattFinansiering = alternativ == "Strukturell"
            ? new object[] { new { ar = 2028, belopp = 400_000m, finansiar = "Samordningsförbundet" } }
            : null,
    };

    public static object Implementeringsbeslut(string alternativ, string datum = "2028-02-12", int paragraf = 4) => new
    {
        sammantradesdatum = datum,
        paragraf,
        narvarande = Styrelsen.Select(n => new { namn = n }).ToArray(),
        implementeringsalternativ = alternativ,
    };

    public static object Slutrapport() => new { slutrapportDatum = "2028-08-15", resultat = "Tolv deltagare i arbete.", antalDeltagareTotalt = 48 };
}
