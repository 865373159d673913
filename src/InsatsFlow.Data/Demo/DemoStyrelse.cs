using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

internal static class DemoStyrelse
{
    /// <summary>One ledamot and one ersättare per member (FINSAM 10 §); Försäkringskassan also represents Arbetsförmedlingen here.</summary>
    public static Styrelse Skapa(Guid forbundId, int year, Medlem fk, Medlem region, Medlem norrby, Medlem soderby)
    {
        // The term runs four years from 1 April after the election year (FINSAM 13 §): 2023, 2027, …
        var fran = new DateOnly(year - ((year - 2023) % 4 + 4) % 4, 4, 1);
        return new Styrelse
        {
            ForbundId = forbundId,
            MandatperiodFran = fran,
            MandatperiodTill = fran.AddYears(4).AddDays(-1),
            Ledamoter =
            [
                new() { Namn = "Anna Lindqvist", MedlemId = region.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Ordforande },
                new() { Namn = "Erik Johansson", MedlemId = norrby.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                new() { Namn = "Maria Berg", MedlemId = soderby.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Johan Ek", MedlemId = fk.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Sara Holm", MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Lars Nyström", MedlemId = norrby.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Fatima Ali", MedlemId = soderby.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Karin Sjöberg", MedlemId = fk.Id, Roll = Styrelseroll.Ersattare },
            ],
        };
    }
}
