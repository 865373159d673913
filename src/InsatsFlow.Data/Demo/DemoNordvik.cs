using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

/// <summary>
/// The demo's second förbund, "Samordningsförbundet Nordvik": its own members, styrelse, budget and a few insatser, so
/// that the demo shows one installation serving two förbund that never see each other's data.
/// </summary>
internal static class DemoNordvik
{
    public static (Forbund Forbund, Styrelse Styrelse, Arsbudget Budget, List<Insats> Insatser) Skapa(int y)
    {
        var forbund = new Forbund { Namn = DemoSeeder.NordvikNamn, Organisationsnummer = DemoSeeder.NordvikOrganisationsnummer };
        var fk = forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        var af = forbund.LaggTillMedlem("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen);
        var region = forbund.LaggTillMedlem("Region Nordvik", MedlemsTyp.Region);
        var nordvik = forbund.LaggTillMedlem("Nordviks kommun", MedlemsTyp.Kommun);
        var alunda = forbund.LaggTillMedlem("Ålunda kommun", MedlemsTyp.Kommun);

        var fran = new DateOnly(y - ((y - 2023) % 4 + 4) % 4, 4, 1);
        var styrelse = new Styrelse
        {
            ForbundId = forbund.Id,
            MandatperiodFran = fran,
            MandatperiodTill = fran.AddYears(4).AddDays(-1),
            Ledamoter =
            [
                new() { Namn = "Nils Norberg", MedlemId = region.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Ordforande },
                new() { Namn = "Ylva Strömberg", MedlemId = nordvik.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                new() { Namn = "Oskar Åberg", MedlemId = alunda.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Lena Forsberg", MedlemId = fk.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Petra Lund", MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Mats Viklund", MedlemId = nordvik.Id, Roll = Styrelseroll.Ersattare },
            ],
        };
        var budget = DemoBudget.Skapa(forbund.Id, y, adopted: true, fk, af, region, nordvik, alunda);

        Insats Ny(int nr, string titel, string sokande, InsatsFas fas, params Medlem[] medlemmar)
        {
            var insats = new Insats { ForbundId = forbund.Id, Diarienummer = $"NSF {y}/{nr:000}", Titel = titel, SokandeOrganisation = sokande, Fas = fas };
            foreach (var m in medlemmar) insats.InvolveraMedlem(m.Id);
            return insats;
        }
        var arbetstraning = Ny(1, "Arbetsträning vid kusten", "Nordviks kommun, arbetsmarknadsenheten", InsatsFas.Genomforande, nordvik, af, fk);
        arbetstraning.PeriodStart = new DateOnly(y, 1, 1);
        arbetstraning.PeriodSlut = new DateOnly(y + 1, 12, 31);
        arbetstraning.Kontaktpersoner.Add(new() { Namn = "Siv Sökare", Roll = "Projektledare", Organisation = "Nordviks kommun", Epost = DemoSeeder.NordvikSokande });
        var insatser = new List<Insats>
        {
            arbetstraning,
            Ny(2, "Ålunda ungdomsteam", "Ålunda kommun, socialtjänsten", InsatsFas.Beredning, alunda, region),
            Ny(3, "Hälsoträffar i Nordvik", "Region Nordvik", InsatsFas.Idefas, region, fk),
        };
        return (forbund, styrelse, budget, insatser);
    }
}
