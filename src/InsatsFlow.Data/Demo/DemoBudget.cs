using InsatsFlow.Core.Domain;

namespace InsatsFlow.Data.Demo;

internal static class DemoBudget
{
    /// <summary>A budget of 8 Mkr split ½ / ¼ / ¼ (FINSAM 5 §), the kommuner sharing their quarter by population.</summary>
    public static Arsbudget Skapa(Guid forbundId, int ar, bool adopted, Medlem fk, Medlem af, Medlem region, Medlem norrby, Medlem soderby)
    {
        const decimal total = 8_000_000m;
        return new Arsbudget
        {
            ForbundId = forbundId,
            Ar = ar,
            // Försäkringskassan pays the state's half, covering Arbetsförmedlingen too.
            Intakter =
            [
                new() { MedlemId = fk.Id, Belopp = total / 2 },
                new() { MedlemId = region.Id, Belopp = total / 4 },
                new() { MedlemId = norrby.Id, Belopp = 1_200_000m },
                new() { MedlemId = soderby.Id, Belopp = 800_000m },
            ],
            Kostnader =
            [
                new() { Omrade = Kostnadsomrade.Styrelse, Belopp = 250_000m },
                new() { Omrade = Kostnadsomrade.Administration, Belopp = 1_350_000m },
                new() { Omrade = Kostnadsomrade.Revision, Belopp = 100_000m },
                new() { Omrade = Kostnadsomrade.Insatser, Belopp = 6_100_000m },
            ],
            EgetKapital = 1_400_000m,
            Samrad = adopted
                ? [.. new[] { fk, af, region, norrby, soderby }.Select((m, i) => new Samrad { MedlemId = m.Id, Datum = new DateOnly(ar - 1, 9, 10 + i) })]
                : [new() { MedlemId = fk.Id, Datum = new DateOnly(ar - 1, 9, 12) }, new() { MedlemId = region.Id, Datum = new DateOnly(ar - 1, 9, 19) }],
            AntagenDatum = adopted ? new DateOnly(ar - 1, 11, 22) : null,
        };
    }
}
