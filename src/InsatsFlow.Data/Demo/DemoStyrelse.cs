using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

internal static class DemoStyrelse
{
    /// <summary>
    /// The boards whose terms cover the demo's decisions: the one sitting now and those before it back to six years ago,
    /// so a decision from those years is taken by the styrelse that sat then. Each has one ledamot and one ersättare per
    /// member (FINSAM 10 §); Försäkringskassan also represents Arbetsförmedlingen here.
    /// </summary>
    public static IEnumerable<Styrelse> Skapa(Guid forbundId, int year, Medlem fk, Medlem region, Medlem norrby, Medlem soderby)
    {
        var perioder = Mandatperioder(year);
        yield return Styrelse(forbundId, perioder[0],
            [
                new() { Namn = "Anna Lindqvist", MedlemId = region.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Ordforande },
                new() { Namn = "Erik Johansson", MedlemId = norrby.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                new() { Namn = "Maria Berg", MedlemId = soderby.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Johan Ek", MedlemId = fk.Id, Roll = Styrelseroll.Ledamot },
                new() { Namn = "Sara Holm", MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Lars Nyström", MedlemId = norrby.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Fatima Ali", MedlemId = soderby.Id, Roll = Styrelseroll.Ersattare },
                new() { Namn = "Karin Sjöberg", MedlemId = fk.Id, Roll = Styrelseroll.Ersattare },
            ]);
        // Earlier terms: Erik Johansson and Johan Ek sat then too; the others were elected later.
        foreach (var period in perioder.Skip(1))
            yield return Styrelse(forbundId, period,
                [
                    new() { Namn = "Gunnel Åkesson", MedlemId = region.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Ordforande },
                    new() { Namn = "Erik Johansson", MedlemId = norrby.Id, Roll = Styrelseroll.Ledamot, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                    new() { Namn = "Björn Sandberg", MedlemId = soderby.Id, Roll = Styrelseroll.Ledamot },
                    new() { Namn = "Johan Ek", MedlemId = fk.Id, Roll = Styrelseroll.Ledamot },
                    new() { Namn = "Eva Granlund", MedlemId = region.Id, Roll = Styrelseroll.Ersattare },
                    new() { Namn = "Lars Nyström", MedlemId = norrby.Id, Roll = Styrelseroll.Ersattare },
                    new() { Namn = "Ahmed Yusuf", MedlemId = soderby.Id, Roll = Styrelseroll.Ersattare },
                    new() { Namn = "Karin Sjöberg", MedlemId = fk.Id, Roll = Styrelseroll.Ersattare },
                ]);
    }

    /// <summary>
    /// The terms from the one running in <paramref name="year"/> back to one that began at least six years before it.
    /// A term runs four years from 1 April after the election year (FINSAM 13 §): 2023, 2027, …
    /// </summary>
    public static List<(DateOnly Fran, DateOnly Till)> Mandatperioder(int year)
    {
        var fran = new DateOnly(year - ((year - 2023) % 4 + 4) % 4, 4, 1);
        var perioder = new List<(DateOnly, DateOnly)> { (fran, fran.AddYears(4).AddDays(-1)) };
        while (fran > new DateOnly(year - 6, 1, 1))
        {
            fran = fran.AddYears(-4);
            perioder.Add((fran, fran.AddYears(4).AddDays(-1)));
        }
        return perioder;
    }

    private static Styrelse Styrelse(Guid forbundId, (DateOnly Fran, DateOnly Till) period, List<Styrelseledamot> ledamoter) => new()
    {
        ForbundId = forbundId, MandatperiodFran = period.Fran, MandatperiodTill = period.Till, Ledamoter = ledamoter,
    };
}
