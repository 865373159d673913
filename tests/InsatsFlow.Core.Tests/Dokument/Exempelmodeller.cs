using InsatsFlow.Core.Dokument.Modeller;

namespace InsatsFlow.Core.Tests.Dokument;

/// <summary>Realistic document models for one insats, as the lead's domain will fill them.</summary>
internal static class Exempelmodeller
{
    public static readonly Forbundsuppgifter Forbund =
        new("Samordningsförbundet Norra Älvdalen", "222000-1234", "Box 17, 462 21 Vänersborg", "www.sfnorraalvdalen.se");

    private static readonly Regelutfall[] Regler =
    [
        new("stodberattigade-kostnader", "2025.1", "Stödberättigade kostnader", true, "Alla kostnadsslag är stödberättigade.",
            ["SFS 2003:1210 7 § andra stycket"]),
        new("minst-tva-parter", "2025.1", "Minst två medlemmar medverkar", true, "Tre av förbundets medlemmar medverkar.",
            ["SFS 2003:1210 2 §", "Nationella rådet, vägledning"]),
    ];

    public static TjansteskrivelseModell Tjansteskrivelse() => new(
        Forbund,
        Diarienummer: "SFNA 2026/14",
        Dokumentdatum: new DateOnly(2026, 11, 12),
        Titel: "Ansökan om medel för insatsen Steget vidare",
        Handlaggare: new Person("Karin Ek", "Förbundschef", null),
        Sokande: "Trollhättans stad, arbetsmarknadsenheten",
        Period: new Period(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)),
        MedverkandeParter: ["Trollhättans stad", "Försäkringskassan", "Arbetsförmedlingen"],
        Bakgrund: "Insatsen vänder sig till unga vuxna 18–29 år.\n\nMålgruppen har ofta varit utan arbete i mer än två år.",
        Bedomning: "Kansliet bedömer att insatsen ligger inom förbundets uppdrag enligt 7 § FINSAM.",
        Budget:
        [
            new Budgetrad("Personal", "Två samordnare, 100 %", 1_100_000m),
            new Budgetrad("Lokaler", "Gemensam lokal", 120_000m),
            new Budgetrad("Utvärdering", "Extern utvärdering", 30_000m),
        ],
        Summa: 1_250_000m,
        Yttranden:
        [
            new Yttrande("Försäkringskassan", "Ali Hassan", new DateOnly(2026, 10, 30), "Stödjer insatsen.", true),
        ],
        Regelprovning: Regler,
        ForslagTillBeslut:
        [
            "bevilja Trollhättans stad 1 250 000 kr för insatsen Steget vidare 2027–2028",
            "uppdra åt förbundschefen att följa upp insatsen halvårsvis",
        ],
        Sammantradesdatum: new DateOnly(2026, 11, 30));

    public static ProtokollsutdragModell Protokollsutdrag() => new(
        Forbund,
        Diarienummer: "SFNA 2026/14",
        Sammantradesdatum: new DateOnly(2026, 11, 30),
        Plats: "Kommunhuset, Trollhättan",
        Paragraf: 23,
        Arende: "Ansökan om medel för insatsen Steget vidare",
        Narvarande:
        [
            new Person("Eva Lind", "ordförande", "Trollhättans stad"),
            new Person("Per Berg", "ledamot", "Västra Götalandsregionen"),
            new Person("Sara Nyström", "ledamot", "Försäkringskassan"),
        ],
        Jav: [new Jav("Jonas Holm", "anställd hos sökande")],
        Beredning: "Tjänsteskrivelse daterad 12 november 2026.",
        Beslutsutfall: "bifall",
        Beslut: ["bevilja Trollhättans stad 1 250 000 kr för insatsen Steget vidare 2027–2028"],
        Regelprovning: Regler,
        Ordforande: new Person("Eva Lind", "ordförande", null),
        Sekreterare: new Person("Karin Ek", "förbundschef", null),
        Justerare: new Person("Per Berg", "ledamot", null),
        Justeringsdatum: new DateOnly(2026, 12, 3),
        Expedieras: ["Trollhättans stad", "Akten"]);

    public static BeslutsbrevModell Beslutsbrev(string utfall = "bifall") => new(
        Forbund,
        Diarienummer: "SFNA 2026/14",
        Dokumentdatum: new DateOnly(2026, 12, 4),
        Mottagare: new Person("Lena Svensson", "enhetschef", "Trollhättans stad"),
        Mottagaradress: "Arbetsmarknadsenheten, 461 83 Trollhättan",
        Arende: "insatsen Steget vidare",
        Beslutsutfall: utfall,
        Sammantradesdatum: new DateOnly(2026, 11, 30),
        Paragraf: 23,
        BeviljatBelopp: utfall == "bifall" ? 1_250_000m : null,
        Period: utfall == "bifall" ? new Period(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)) : null,
        Motivering: "Insatsen uppfyller förbundets kriterier.",
        Villkor: ["Uppföljning lämnas halvårsvis.", "Slutrapport lämnas senast tre månader efter insatsens slut."],
        Kontaktperson: new Person("Karin Ek", "förbundschef", null));

    public static PaminnelseModell Paminnelse(string niva = "påminnelse", int kvar = 3) => new(
        Forbund, "Ali Hassan", niva, "Yttrande från Försäkringskassan", "Steget vidare", "SFNA 2026/14",
        new DateOnly(2026, 11, 20), kvar, "Ali Hassan", "https://insatsflow.example/uppgifter/42");

    public static UppfoljningsrapportModell Uppfoljningsrapport() => new(
        Forbund,
        Diarienummer: "SFNA 2026/14",
        Insats: "Steget vidare",
        Projektagare: "Trollhättans stad",
        Insatsperiod: new Period(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)),
        Rapportperiod: new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)),
        Rapportdatum: new DateOnly(2027, 8, 15),
        Deltagare: new Deltagarutfall(40, 32, 18, 14, 8, 4),
        Mal: [new Malutfall("Ökad anställningsbarhet", "Andel till arbete eller studier", "4 av 8", "pågår")],
        Ekonomi: [new Budgetutfall("Personal", 550_000m, 412_500m), new Budgetutfall("Lokaler", 60_000m, 60_000m)],
        Avvikelser: "Inskrivningen har gått långsammare än planerat.",
        KommandeAktiviteter: "Gruppverksamhet startar i september.",
        Implementering: "Dialog med arbetsmarknadsenheten om fortsatt finansiering.",
        Rapportor: new Person("Lena Svensson", "enhetschef", null));
}
