using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

/// <summary>
/// The demo's second förbund, "Samordningsförbundet Nordvik": its own members, styrelse, budget and a few insatser, so
/// that the demo shows one installation serving two förbund that never see each other's data.
/// </summary>
internal static class DemoNordvik
{
    public static (Forbund Forbund, List<Styrelse> Styrelser, List<Arsbudget> Budgetar, List<Insats> Insatser) Skapa(int y)
    {
        var forbund = new Forbund { Namn = DemoSeeder.NordvikNamn, Organisationsnummer = DemoSeeder.NordvikOrganisationsnummer };
        var fk = forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        var af = forbund.LaggTillMedlem("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen);
        var region = forbund.LaggTillMedlem("Region Nordvik", MedlemsTyp.Region);
        var nordvik = forbund.LaggTillMedlem("Nordviks kommun", MedlemsTyp.Kommun);
        var alunda = forbund.LaggTillMedlem("Ålunda kommun", MedlemsTyp.Kommun);

        // the same board in each term: Nordvik's ledamöter have been re-elected
        var styrelser = DemoStyrelse.Mandatperioder(y).Select(period => new Styrelse
        {
            ForbundId = forbund.Id,
            MandatperiodFran = period.Fran,
            MandatperiodTill = period.Till,
            Ledamoter =
            [
                new() { Namn = "Nils Norberg", MedlemId = region.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Ordforande },
                new() { Namn = "Ylva Strömberg", MedlemId = nordvik.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                new() { Namn = "Oskar Åberg", MedlemId = alunda.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Lena Forsberg", MedlemId = fk.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Petra Lund", MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Mats Viklund", MedlemId = nordvik.Id, Roll = Styrelseroll.Ersattare },
            ],
        }).ToList();
        // last year's budget too: the insats in genomförande was granted from it
        List<Arsbudget> budgetar = [.. new[] { y - 1, y }.Select(ar => DemoBudget.Skapa(forbund.Id, ar, adopted: true, fk, af, region, nordvik, alunda))];

        Insats Ny(int ar, int nr, string titel, string sokande, InsatsFas fas, params Medlem[] medlemmar)
        {
            var insats = new Insats { ForbundId = forbund.Id, Diarienummer = $"NSF {ar}/{nr:000}", Titel = titel, SokandeOrganisation = sokande, Fas = fas };
            foreach (var m in medlemmar) insats.InvolveraMedlem(m.Id);
            insats.Kontaktpersoner.Add(new() { Namn = "Siv Sökare", Roll = "Projektledare", Organisation = sokande, Epost = DemoSeeder.NordvikSokande });
            return insats;
        }
        var arbetstraning = Ny(y - 1, 1, "Arbetsträning vid kusten", "Nordviks kommun, arbetsmarknadsenheten", InsatsFas.Genomforande, nordvik, af, fk);
        Avsnitt(arbetstraning, "Många i Nordvik med försörjningsstöd har aldrig prövat ett arbete.", "Fler i arbete eller studier efter arbetsträning.",
            "Personer 18–64 år med försörjningsstöd.", "Arbetsträning hos kustens arbetsgivare med handledare.",
            "Styrgrupp med kommunen, Arbetsförmedlingen och Försäkringskassan.", "Samverkar med kommunens vuxenutbildning.", "Två handledare.",
            $"{y}–{y + 1}.", "Uppföljning i SUS.", "Kommunen tar över arbetsträningen.");
        arbetstraning.Malgrupp = new() { Beskrivning = "Personer med försörjningsstöd", AlderFran = 18, AlderTill = 64 };
        arbetstraning.PeriodStart = new DateOnly(y, 1, 1);
        arbetstraning.PeriodSlut = new DateOnly(y + 1, 12, 31);
        arbetstraning.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = y, Belopp = 700_000m });
        arbetstraning.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = y + 1, Belopp = 700_000m });
        arbetstraning.Beslut.Add(new() { InsatsId = arbetstraning.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(y - 1, 11, 18), Paragraf = 31, BeviljatBelopp = 1_400_000m, Motivering = "Insatsen uppfyller förbundets prioriteringar." });

        var ungdomsteam = Ny(y, 2, "Ålunda ungdomsteam", "Ålunda kommun, socialtjänsten", InsatsFas.Beredning, alunda, region);
        Avsnitt(ungdomsteam, "Unga i Ålunda med psykisk ohälsa hamnar mellan skola, vård och socialtjänst.", "Fler unga i studier eller arbete.",
            "Unga 16–25 år med psykisk ohälsa.", "Ett team med kurator, sjuksköterska och socialsekreterare.",
            "Styrgrupp med kommunen och regionen.", "Kompletterar ungdomsmottagningen.", "Tre teamtjänster på deltid.",
            $"{y + 1}–{y + 2}.", "Extern utvärdering.", "Regionen och kommunen delar på teamet efteråt.");
        ungdomsteam.Malgrupp = new() { Beskrivning = "Unga med psykisk ohälsa", AlderFran = 16, AlderTill = 25 };
        ungdomsteam.PeriodStart = new DateOnly(y + 1, 1, 1);
        ungdomsteam.PeriodSlut = new DateOnly(y + 2, 12, 31);
        ungdomsteam.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = y + 1, Belopp = 600_000m });
        ungdomsteam.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = y + 2, Belopp = 600_000m });

        var halsotraffar = Ny(y, 3, "Hälsoträffar i Nordvik", "Region Nordvik", InsatsFas.Idefas, region, fk);
        return (forbund, styrelser, budgetar, [arbetstraning, ungdomsteam, halsotraffar]);
    }

    private static void Avsnitt(Insats insats, params string[] text)
    {
        var a = insats.Avsnitt;
        (a.Utgangspunkter, a.Mal, a.Behovsgrupp, a.Aktiviteter) = (text[0], text[1], text[2], text[3]);
        (a.ProjektstyrningOchOrganisation, a.RelationTillAndraVerksamheter, a.Resurser, a.Tidplan, a.Utvardering, a.Implementering) =
            (text[4], text[5], text[6], text[7], text[8], text[9]);
    }
}
