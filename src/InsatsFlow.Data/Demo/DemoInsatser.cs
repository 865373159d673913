using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

/// <summary>
/// Insatser modelled on the examples in the 2011 basic training material on financial coordination,
/// spread over the phases so that every page has something to show.
/// </summary>
internal static class DemoInsatser
{
    public static IEnumerable<Insats> Skapa(Guid forbundId, int y, Medlem fk, Medlem af, Medlem region, Medlem norrby, Medlem soderby)
    {
        Insats Ny(int diarieAr, int nr, string titel, string sokande, InsatsFas fas, params Medlem[] medlemmar)
        {
            var insats = new Insats
            {
                ForbundId = forbundId,
                Diarienummer = $"SF {diarieAr}/{nr:000}",
                Titel = titel,
                SokandeOrganisation = sokande,
                Fas = fas,
            };
            foreach (var m in medlemmar) insats.InvolveraMedlem(m.Id);
            return insats;
        }

        var halsodisken = Ny(y - 2, 3, "Hälsodisken", "Region Demo, primärvården", InsatsFas.Genomforande, region, fk, norrby);
        Idefas(halsodisken,
            "Många som är sjukskrivna för lätt psykisk ohälsa får vänta länge på samordnat stöd.",
            "Minska tiden till första samordnade rehabiliteringskontakt till högst två veckor.",
            "Sjukskrivna 18–64 år med lätt till måttlig psykisk ohälsa.",
            "En gemensam mottagning på vårdcentralen där Försäkringskassan, region och kommun möter individen.");
        Ansokan(halsodisken, "Styrgrupp med en chef per part; samordnare anställd av regionen.",
            "Kompletterar vårdcentralernas rehabiliteringskoordinatorer.", "1,5 tjänst samordnare, lokal på vårdcentralen.",
            $"Start 1 februari {y - 1}, slut 31 december {y + 1}.", "Extern utvärdering av FoU-enhet.",
            "Fullständig implementering i regionens primärvård planeras.");
        halsodisken.Malgrupp = new() { Beskrivning = "Sjukskrivna med lätt till måttlig psykisk ohälsa", AlderFran = 18, AlderTill = 64 };
        halsodisken.PeriodStart = new DateOnly(y - 1, 2, 1);
        halsodisken.PeriodSlut = new DateOnly(y + 1, 12, 31);
        halsodisken.Kontaktpersoner.Add(new() { Namn = "Helena Strand", Roll = "Projektledare", Organisation = "Region Demo", Epost = "sokande@demo.insatsflow.se" });
        Budget(halsodisken, y - 1, ("personal", 820_000m), ("lokaler", 60_000m), ("utvardering", 40_000m));
        Budget(halsodisken, y, ("personal", 900_000m), ("lokaler", 60_000m), ("utvardering", 80_000m));
        halsodisken.Beslut.Add(new() { InsatsId = halsodisken.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 2, 12, 8), Paragraf = 41, BeviljatBelopp = 1_960_000m, Motivering = "Insatsen uppfyller förbundets prioriteringar." });
        halsodisken.Uppfoljningsrapporter.Add(new() { PeriodFran = new DateOnly(y - 1, 2, 1), PeriodTill = new DateOnly(y - 1, 7, 31), SistaDag = new DateOnly(y - 1, 8, 31), Inlamnad = new DateTimeOffset(y - 1, 8, 28, 12, 0, 0, TimeSpan.Zero), AntalDeltagare = 46, Sammanfattning = "46 deltagare, 19 har återgått helt eller delvis i arbete." });
        yield return halsodisken;

        var tidig = Ny(y - 3, 7, "Tidig och samordnad rehabilitering", "Norrby kommun, arbetsmarknadsenheten", InsatsFas.Implementeringsbeslut, norrby, fk, region);
        Idefas(tidig, "Sjukskrivningar som passerar 90 dagar blir ofta långa.", "Samordnad rehabiliteringsplan före dag 60.",
            "Sjukskrivna 20–64 år i Norrby kommun.", "Rehabiliteringsteam med kurator, arbetsterapeut och handläggare.");
        Ansokan(tidig, "Styrgrupp med socialchef, verksamhetschef och Försäkringskassans områdeschef.", "Samverkar med regionens rehabkoordinatorer.",
            "Två teamtjänster.", $"{y - 2}–{y}.", "Uppföljning i SUS och egen enkät.", "Kommunen avser att ta över teamet.");
        tidig.Malgrupp = new() { Beskrivning = "Sjukskrivna i Norrby", AlderFran = 20, AlderTill = 64 };
        tidig.PeriodStart = new DateOnly(y - 2, 1, 1);
        tidig.PeriodSlut = new DateOnly(y, 12, 31);
        tidig.Kontaktpersoner.Add(new() { Namn = "Lena Persson", Roll = "Verksamhetsledare", Organisation = "Norrby kommun", Epost = "lena.persson@norrby.example" });
        Budget(tidig, y - 1, ("personal", 1_100_000m), ("kompetensutveckling", 50_000m));
        Budget(tidig, y, ("personal", 1_150_000m), ("kompetensutveckling", 30_000m));
        tidig.Beslut.Add(new() { InsatsId = tidig.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 3, 11, 24), Paragraf = 37, BeviljatBelopp = 3_330_000m });
        yield return tidig;

        var ungaVuxna = Ny(y, 12, "Unga vuxna – psykologsamtal", "Söderby kommun, socialtjänsten", InsatsFas.Beredning, soderby, region, af);
        Idefas(ungaVuxna, "Unga vuxna med psykisk ohälsa står långt från arbetsmarknaden.", "Fler unga vuxna i arbete eller studier.",
            "Unga vuxna 20–25 år med lätt psykisk ohälsa.", "Korta psykologsamtal kombinerade med stöd från arbetsförmedlare.");
        Ansokan(ungaVuxna, "Psykolog anställd av regionen, placerad i kommunens ungdomsmottagning.", "Kompletterar ungdomsmottagningen.",
            "En psykologtjänst, 0,5 arbetsförmedlare.", $"1 mars {y + 1}–28 februari {y + 3}.", "Före- och eftermätning av arbetsförmåga.",
            "Professionell implementering: metoden sprids till ungdomsmottagningarna.");
        ungaVuxna.Malgrupp = new() { Beskrivning = "Unga vuxna med lätt psykisk ohälsa", AlderFran = 20, AlderTill = 25 };
        ungaVuxna.PeriodStart = new DateOnly(y + 1, 3, 1);
        ungaVuxna.PeriodSlut = new DateOnly(y + 3, 2, 28);
        ungaVuxna.Kontaktpersoner.Add(new() { Namn = "Omar Haddad", Roll = "Enhetschef", Organisation = "Söderby kommun", Epost = "omar.haddad@soderby.example" });
        Budget(ungaVuxna, y + 1, ("personal", 780_000m), ("material", 20_000m));
        Budget(ungaVuxna, y + 2, ("personal", 800_000m), ("utvardering", 60_000m));
        yield return ungaVuxna;

        var torget = Ny(y - 1, 2, "Arbetsmarknadstorget", "Söderby kommun, arbetsmarknadsenheten", InsatsFas.Genomforande, soderby, af, fk);
        Idefas(torget, "Personer med försörjningsstöd har svårt att hitta rätt stöd.", "En väg in för arbetssökande med flera kontakter.",
            "Personer 18–64 år med försörjningsstöd och behov av samordnat stöd.", "Gemensam lokal där kommun, Arbetsförmedlingen och Försäkringskassan möter individen.");
        Ansokan(torget, "Verksamhetsledare från kommunen.", "Samverkar med kommunens vuxenutbildning.", "Lokal och två samordnare.",
            $"{y}–{y + 1}.", "Uppföljning i SUS.", "Delad implementering planeras.");
        torget.Malgrupp = new() { Beskrivning = "Personer med försörjningsstöd", AlderFran = 18, AlderTill = 64 };
        torget.PeriodStart = new DateOnly(y, 1, 1);
        torget.PeriodSlut = new DateOnly(y + 1, 12, 31);
        torget.Kontaktpersoner.Add(new() { Namn = "Mikael Öberg", Roll = "Verksamhetsledare", Organisation = "Söderby kommun", Epost = "mikael.oberg@soderby.example" });
        Budget(torget, y, ("personal", 1_000_000m), ("lokaler", 240_000m), ("administration", 40_000m));
        torget.Beslut.Add(new() { InsatsId = torget.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 1, 11, 29), Paragraf = 44, BeviljatBelopp = 2_560_000m });
        yield return torget;

        var sanna = Ny(y - 5, 4, "SANNA", "Region Demo, psykiatrin", InsatsFas.Avslutad, region, fk, norrby, soderby);
        Idefas(sanna, "Personer med psykisk funktionsnedsättning får sällan arbetslivsinriktad rehabilitering.", "Fler i arbete med stöd av IPS-metoden.",
            "Personer 20–64 år inskrivna i psykiatrin.", "Arbetsspecialister enligt IPS.");
        Ansokan(sanna, "Styrgrupp med psykiatrins verksamhetschef, Försäkringskassan och kommunernas socialchefer.",
            "Kompletterar psykiatrins öppenvård och kommunernas sysselsättning.", "Tre arbetsspecialister.",
            $"{y - 4}–{y - 2}.", "Uppföljning av IPS-trohet och andel i arbete.", "Fullständig implementering i regionens psykiatri.");
        sanna.Kontaktpersoner.Add(new() { Namn = "Ingrid Wallin", Roll = "Projektledare", Organisation = "Region Demo, psykiatrin", Epost = "ingrid.wallin@regiondemo.example" });
        for (var ar = y - 4; ar <= y - 2; ar++) Budget(sanna, ar, ("personal", 900_000m));
        sanna.Malgrupp = new() { Beskrivning = "Personer inskrivna i psykiatrin", AlderFran = 20, AlderTill = 64 };
        sanna.PeriodStart = new DateOnly(y - 4, 1, 1);
        sanna.PeriodSlut = new DateOnly(y - 2, 12, 31);
        sanna.Beslut.Add(new() { InsatsId = sanna.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 5, 12, 2), Paragraf = 39, BeviljatBelopp = 2_700_000m });
        sanna.Implementeringsbeslut = new()
        {
            Alternativ = Implementeringsalternativ.Fullstandig,
            Beslutsdatum = new DateOnly(y - 2, 10, 15),
            MottagandeOrganisation = "Region Demo, psykiatrin",
        };
        yield return sanna;

        var vican = Ny(y, 5, "ViCan-teamen", "Arbetsförmedlingen, Demo", InsatsFas.Styrelsebeslut, af, fk, norrby, soderby);
        Idefas(vican, "Långtidsarbetslösa med oklar arbetsförmåga fastnar mellan myndigheter.", "Klarlagd arbetsförmåga inom tre månader.",
            "Arbetssökande 25–64 år med oklar arbetsförmåga.", "Gemensamma kartläggningsteam.");
        Ansokan(vican, "Teamledare från Arbetsförmedlingen.", "Samverkar med Försäkringskassans arbetsförmågebedömning.", "Tre teamtjänster.",
            $"{y + 1}–{y + 2}.", "Extern utvärdering.", "Strukturell: finansieras vidare av förbundet.");
        vican.Malgrupp = new() { Beskrivning = "Arbetssökande med oklar arbetsförmåga", AlderFran = 25, AlderTill = 64 };
        vican.PeriodStart = new DateOnly(y + 1, 1, 1);
        vican.PeriodSlut = new DateOnly(y + 2, 12, 31);
        vican.Kontaktpersoner.Add(new() { Namn = "Per Andersson", Roll = "Sektionschef", Organisation = "Arbetsförmedlingen", Epost = "per.andersson@arbetsformedlingen.example" });
        Budget(vican, y + 1, ("personal", 1_600_000m), ("lokaler", 120_000m));
        yield return vican;

        var locus = Ny(y, 9, "Locus-teamet", "Norrby kommun, socialtjänsten", InsatsFas.Ansokan, norrby, region);
        Idefas(locus, "Personer med samsjuklighet har svårt att delta i rehabilitering.", "Stabil kontakt och arbetslivsinriktade mål.",
            "Personer 18–64 år med missbruk och psykisk ohälsa.", "Case management med arbetslivsinriktning.");
        locus.Malgrupp = new() { Beskrivning = "Personer med samsjuklighet", AlderFran = 18, AlderTill = 64 };
        // the sökande's steps go to the kontaktpersoner: the demo sökande has this ansökan in her inbox
        locus.Kontaktpersoner.Add(new() { Namn = "Helena Strand", Roll = "Projektledare", Organisation = "Norrby kommun", Epost = "sokande@demo.insatsflow.se" });
        yield return locus;

        var livsstodjarna = Ny(y, 14, "Livsstödjarna", "Söderby kommun", InsatsFas.Idefas, soderby, fk);
        Idefas(livsstodjarna, "Personer med långvarig sjukskrivning saknar stöd i vardagen.", "Ökad aktivitetsnivå.", "", "");
        livsstodjarna.Kontaktpersoner.Add(new() { Namn = "Helena Strand", Roll = "Samordnare", Organisation = "Söderby kommun", Epost = "sokande@demo.insatsflow.se" });
        yield return livsstodjarna;

        var rodret = Ny(y - 1, 8, "Rodret", "Region Demo", InsatsFas.Avslagen, region);
        Idefas(rodret, "Behandlingsinsats för enskilda patienter.", "Bättre hälsa.", "Patienter 16–70 år.", "Individuell behandling.");
        rodret.Malgrupp = new() { Beskrivning = "Patienter", AlderFran = 16, AlderTill = 70 };
        rodret.Kontaktpersoner.Add(new() { Namn = "Tomas Dahl", Roll = "Enhetschef", Organisation = "Region Demo", Epost = "tomas.dahl@regiondemo.example" });
        // rejected as an idé by the beredningsgrupp (no sammanträde, no §): it never became an ansökan
        rodret.Beslut.Add(new() { InsatsId = rodret.Id, Typ = BeslutsTyp.Avslag, Datum = new DateOnly(y - 1, 4, 20), Motivering = "Insatsen är individuell behandling inom regionens eget ansvar och berör endast en medlem (FINSAM 7 §)." });
        yield return rodret;

        var navigator = Ny(y - 4, 6, "Navigatorcenter", "Norrby kommun, arbetsmarknadsenheten", InsatsFas.Implementeringsbeslut, norrby, af, fk, region);
        Idefas(navigator, "Unga som varken arbetar eller studerar når inte fram till myndigheterna.", "En väg in för unga 16–29 år.",
            "Unga 16–29 år som varken arbetar eller studerar.", "Coacher som lotsar mellan myndigheter.");
        Ansokan(navigator, "Verksamhetsledare från kommunen.", "Del av kommunens aktivitetsansvar.", "Fyra coacher och lokal.",
            "Löpande.", "Årlig uppföljning.", "Strukturell implementering beslutad: förbundet finansierar vidare.");
        navigator.Malgrupp = new() { Beskrivning = "Unga som varken arbetar eller studerar", AlderFran = 16, AlderTill = 29 };
        navigator.PeriodStart = new DateOnly(y - 3, 1, 1);
        navigator.PeriodSlut = new DateOnly(y + 2, 12, 31);
        navigator.Kontaktpersoner.Add(new() { Namn = "Jonas Lind", Roll = "Verksamhetsledare", Organisation = "Norrby kommun", Epost = "jonas.lind@norrby.example" });
        Budget(navigator, y, ("personal", 1_900_000m), ("lokaler", 300_000m));
        Budget(navigator, y + 1, ("personal", 1_950_000m), ("lokaler", 300_000m));
        navigator.Beslut.Add(new() { InsatsId = navigator.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 4, 11, 20), Paragraf = 35, BeviljatBelopp = 4_400_000m });
        navigator.Implementeringsbeslut = new()
        {
            Alternativ = Implementeringsalternativ.Strukturell,
            Beslutsdatum = new DateOnly(y - 1, 6, 12),
            FortsattFinansiering = [new() { Ar = y + 1, Belopp = 2_250_000m, Finansiar = "Samordningsförbundet Demo" }],
        };
        yield return navigator;
    }

    private static void Idefas(Insats insats, string utgangspunkter, string mal, string behovsgrupp, string aktiviteter)
    {
        insats.Avsnitt.Utgangspunkter = utgangspunkter;
        insats.Avsnitt.Mal = mal;
        insats.Avsnitt.Behovsgrupp = NullIfEmpty(behovsgrupp);
        insats.Avsnitt.Aktiviteter = NullIfEmpty(aktiviteter);
    }

    private static void Ansokan(Insats insats, string styrning, string relation, string resurser, string tidplan, string utvardering, string implementering)
    {
        insats.Avsnitt.ProjektstyrningOchOrganisation = styrning;
        insats.Avsnitt.RelationTillAndraVerksamheter = relation;
        insats.Avsnitt.Resurser = resurser;
        insats.Avsnitt.Tidplan = tidplan;
        insats.Avsnitt.Utvardering = utvardering;
        insats.Avsnitt.Implementering = implementering;
    }

    private static void Budget(Insats insats, int ar, params (string Typ, decimal Belopp)[] rader)
    {
        foreach (var (typ, belopp) in rader)
            insats.Budgetrader.Add(new Budgetrad { Kostnadstyp = typ, Ar = ar, Belopp = belopp });
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
