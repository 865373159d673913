using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

/// <summary>
/// SUS fields, SUS budget with utfall, uppföljning figures and diarium entries for the demo insatser that have
/// come as far as an ansökan, so the SUS export, the charts and the archive package have something to show.
/// </summary>
internal static class DemoSus
{
    public static IEnumerable<Diariepost> Fyll(Insats insats, int y)
    {
        switch (insats.Titel)
        {
            case "Hälsodisken":
                Sus(insats, "En gemensam mottagning på vårdcentralen där Försäkringskassan, region och kommun möter sjukskrivna med psykisk ohälsa.",
                    "individinriktad", "samordnad-rehabilitering", "personuppgifter-eller-anonym", "sjukskrivna", "psykisk-ohalsa");
                Ar(insats, y - 1, 60, 920_000m, 874_500m);
                Ar(insats, y, 70, 1_040_000m, 480_000m);
                Ar(insats, y + 1, 10, 80_000m, null);
                var rapport = insats.Uppfoljningsrapporter.FirstOrDefault();
                if (rapport is not null)
                {
                    rapport.DeltagarePaborjade = 46;
                    rapport.DeltagareAvslutade = 12;
                    rapport.Utfall.Add(new() { Budgettyp = "insatskostnad", Belopp = 410_000m });
                }
                break;
            case "Tidig och samordnad rehabilitering":
                Sus(insats, "Rehabiliteringsteam som ger sjukskrivna en samordnad plan före dag 60.",
                    "individinriktad", "arbetslivsinriktad-rehabilitering", "personuppgifter-eller-anonym", "sjukskrivna");
                Ar(insats, y - 2, 40, 1_050_000m, 1_012_000m);
                Ar(insats, y - 1, 45, 1_150_000m, 1_139_000m);
                Ar(insats, y, 45, 1_180_000m, 590_000m);
                break;
            case "Arbetsmarknadstorget":
                Sus(insats, "En väg in för personer med försörjningsstöd: kommun, Arbetsförmedlingen och Försäkringskassan i samma lokal.",
                    "individinriktad", "forrehabilitering", "personuppgifter-eller-anonym", "forsorjningsstod", "langtidsarbetslosa");
                Ar(insats, y, 120, 1_280_000m, 610_000m, esf: 200_000m);
                Ar(insats, y + 1, 120, 1_300_000m, null);
                break;
            case "Navigatorcenter":
                Sus(insats, "Coacher som lotsar unga som varken arbetar eller studerar mellan myndigheterna.",
                    "individinriktad", "stod-i-arbete-eller-studier", "personuppgifter-eller-anonym", "unga-16-29");
                for (var ar = y - 3; ar <= y + 2; ar++) Ar(insats, ar, 150, 2_200_000m, ar < y ? 2_150_000m : ar == y ? 1_050_000m : null);
                break;
            case "Arbetsträning vid kusten":
                Sus(insats, "Arbetsträning hos kustens arbetsgivare för personer med försörjningsstöd.",
                    "individinriktad", "forrehabilitering", "personuppgifter-eller-anonym", "forsorjningsstod");
                Ar(insats, y, 25, 700_000m, 410_000m);
                Ar(insats, y + 1, 25, 700_000m, null);
                break;
            case "SANNA":
                Sus(insats, "Arbetsspecialister enligt IPS för personer inskrivna i psykiatrin.",
                    "individinriktad", "arbetslivsinriktad-rehabilitering", "personuppgifter-eller-anonym", "psykisk-ohalsa");
                for (var ar = y - 4; ar <= y - 2; ar++) Ar(insats, ar, 35, 900_000m, 880_000m);
                break;
            case "ViCan-teamen":
                Sus(insats, "Gemensamma kartläggningsteam som klarlägger arbetsförmågan inom tre månader.",
                    "individinriktad", "kartlaggning-och-utredning", "personuppgifter-eller-anonym", "langtidsarbetslosa");
                Ar(insats, y + 1, 80, 1_720_000m, null);
                Ar(insats, y + 2, 80, 1_720_000m, null);
                break;
            case "Unga vuxna – psykologsamtal":
                Sus(insats, "Korta psykologsamtal med stöd från arbetsförmedlare för unga vuxna.",
                    "individinriktad", "forrehabilitering", "personuppgifter-eller-anonym", "unga-16-29", "psykisk-ohalsa");
                Ar(insats, y + 1, 30, 650_000m, null);
                Ar(insats, y + 2, 40, 860_000m, null);
                Ar(insats, y + 3, 10, 150_000m, null);
                break;
        }
        Historik(insats, y);
        return Diarieposter(insats);
    }

    private static readonly InsatsFas[] Ordning =
        [InsatsFas.Idefas, InsatsFas.Ansokan, InsatsFas.Beredning, InsatsFas.Styrelsebeslut, InsatsFas.Genomforande, InsatsFas.Implementeringsbeslut, InsatsFas.Avslutad];

    /// <summary>
    /// Plausible phase changes up to the insats's phase: the decision date (or, before one, a date this autumn) anchors
    /// Styrelsebeslut → Genomförande; the earlier phases take some weeks each, varying by insats.
    /// </summary>
    private static void Historik(Insats insats, int y)
    {
        // an avslag without a § is the beredningsgrupp's on the idé: the insats never went past the idéfas
        var slut = insats.Fas != InsatsFas.Avslagen ? Array.IndexOf(Ordning, insats.Fas)
            : insats.Beslut.Any(b => b.Paragraf is not null) ? Array.IndexOf(Ordning, InsatsFas.Styrelsebeslut) : 0;
        var variation = insats.Diarienummer.Sum(c => c) % 7;
        var beslut = insats.Beslut.OrderBy(b => b.Datum).FirstOrDefault()?.Datum ?? new DateOnly(y, 9, 1).AddDays(variation * 9);
        var start = beslut.AddDays(-(42 + 10 * variation) - (21 + 3 * variation) - (28 + 2 * variation) - 14);
        int[] langd = [42 + 10 * variation, 21 + 3 * variation, 28 + 2 * variation, 14];
        var dag = start;
        for (var i = 0; i <= slut; i++)
        {
            insats.Fasbyten.Add(new Fasbyte { Fas = Ordning[i], Tidpunkt = new DateTimeOffset(dag.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) });
            dag = i < langd.Length ? dag.AddDays(langd[i])
                : Ordning[i] == InsatsFas.Genomforande ? insats.Implementeringsbeslut?.Beslutsdatum?.AddDays(-30) ?? dag.AddDays(400)
                : insats.PeriodSlut ?? dag.AddDays(60);
        }
        if (insats.Fas == InsatsFas.Avslagen)
            insats.Fasbyten.Add(new Fasbyte { Fas = InsatsFas.Avslagen, Tidpunkt = new DateTimeOffset(beslut.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero) });
    }

    private static void Sus(Insats insats, string beskrivning, string inriktning, string preciserad, string matning, params string[] malgrupper) =>
        insats.Sus = new SusUppgifter
        {
            Beskrivning = beskrivning,
            Inriktning = inriktning,
            PreciseradInriktning = preciserad,
            Matningsmetod = matning,
            Malgrupper = [.. malgrupper],
        };

    private static void Ar(Insats insats, int ar, int deltagare, decimal budget, decimal? utfall, decimal esf = 0)
    {
        insats.SusArsplaner.Add(new() { Ar = ar, PlaneradeDeltagare = deltagare });
        insats.SusBudgetposter.Add(new() { Ar = ar, Budgettyp = "insatskostnad", Budget = budget, Utfall = utfall });
        if (esf > 0) insats.SusBudgetposter.Add(new() { Ar = ar, Budgettyp = "esf-insatskostnad", Budget = esf, Beskrivning = "Medfinansiering från ESF" });
    }

    /// <summary>The ansökan as received and, for each decision, the protocol excerpt with its justering and anslag.</summary>
    private static IEnumerable<Diariepost> Diarieposter(Insats insats)
    {
        if (insats.Fas is InsatsFas.Idefas) yield break;
        var nr = 0;
        var forsta = insats.Beslut.OrderBy(b => b.Datum).FirstOrDefault()?.Datum.AddDays(-60) ?? insats.PeriodStart?.AddMonths(-3);
        if (forsta is { } inkom)
            yield return new Diariepost
            {
                ForbundId = insats.ForbundId, InsatsId = insats.Id, Arende = insats.Diarienummer, Lopnummer = ++nr,
                Handling = "Ansökan", Riktning = Handlingsriktning.Inkommen, Registrerad = inkom,
            };
        foreach (var beslut in insats.Beslut.Where(b => b.Paragraf is not null).OrderBy(b => b.Datum))
            yield return new Diariepost
            {
                ForbundId = insats.ForbundId, InsatsId = insats.Id, Arende = insats.Diarienummer, Lopnummer = ++nr,
                Handling = $"Protokollsutdrag § {beslut.Paragraf}", Riktning = Handlingsriktning.Upprattad,
                Registrerad = beslut.Datum, Justerad = beslut.Datum.AddDays(6), Anslagen = beslut.Datum.AddDays(7),
            };
    }
}
