using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Tests.Support;

/// <summary>Small, complete domain objects for tests.</summary>
internal static class Exempel
{
    public static Forbund Forbund(string orgnr = "222000-0001")
    {
        var forbund = new Forbund { Namn = "Samordningsförbundet Test", Organisationsnummer = orgnr };
        forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        forbund.LaggTillMedlem("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen);
        forbund.LaggTillMedlem("Region Test", MedlemsTyp.Region);
        forbund.LaggTillMedlem("Testby kommun", MedlemsTyp.Kommun);
        return forbund;
    }

    public static Insats Insats(Forbund forbund, string diarienummer = "SF 2026/014")
    {
        var insats = new Insats
        {
            ForbundId = forbund.Id,
            Diarienummer = diarienummer,
            Titel = "Hälsodisken",
            SokandeOrganisation = "Region Test",
            PeriodStart = new DateOnly(2027, 1, 1),
            PeriodSlut = new DateOnly(2028, 12, 31),
            Malgrupp = new() { Beskrivning = "Sjukskrivna", AlderFran = 18, AlderTill = 64 },
        };
        insats.InvolveraMedlem(forbund.Medlemmar[0].Id);
        insats.InvolveraMedlem(forbund.Medlemmar[2].Id);
        return insats;
    }
}
