using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Tests.Domain;

public sealed class InsatsValideringTests
{
    private static Insats NyInsats() => new()
    {
        Diarienummer = "SF 2026/014",
        Titel = "Hälsodisken",
        SokandeOrganisation = "Region Demo",
        PeriodStart = new DateOnly(2027, 1, 1),
        PeriodSlut = new DateOnly(2027, 12, 31),
    };

    [Fact]
    public void En_komplett_insats_har_inga_fel() => NyInsats().Validera().Should().BeEmpty();

    [Fact]
    public void En_malgrupp_dar_ovre_aldern_ar_lagre_an_den_undre_ar_fel()
    {
        var insats = NyInsats();
        insats.Malgrupp = new() { AlderFran = 30, AlderTill = 20 };

        insats.Validera().Should().ContainSingle().Which.Falt.Should().Be("Malgrupp.AlderTill");
    }

    [Fact]
    public void Delade_andelar_over_hundra_procent_ar_fel()
    {
        var insats = NyInsats();
        insats.Implementeringsbeslut = new()
        {
            Alternativ = Implementeringsalternativ.Delad,
            Delar = [new() { Beskrivning = "A", Organisation = "Region", Andel = 0.7m }, new() { Beskrivning = "B", Organisation = "Kommun", Andel = 0.5m }],
        };

        insats.Validera().Should().ContainSingle().Which.Falt.Should().Be("Implementeringsbeslut.Delar");
    }

    [Fact]
    public void Belopp_kan_bara_beviljas_vid_bifall()
    {
        var beslut = new Beslut { Typ = BeslutsTyp.Avslag, BeviljatBelopp = 100m };

        beslut.Validera().Should().ContainSingle().Which.Falt.Should().Be("BeviljatBelopp");
    }

    [Fact]
    public void Budgetsumman_per_ar_summerar_raderna_for_det_aret()
    {
        var insats = NyInsats();
        insats.Budgetrader.AddRange([
            new() { Kostnadstyp = "personal", Ar = 2027, Belopp = 1_000_000m },
            new() { Kostnadstyp = "lokaler", Ar = 2027, Belopp = 250_000m },
            new() { Kostnadstyp = "personal", Ar = 2028, Belopp = 900_000m },
        ]);

        insats.BudgetSumma(2027).Should().Be(1_250_000m);
        insats.BudgetSumma().Should().Be(2_150_000m);
    }

    [Fact]
    public void Ett_organisationsnummer_utan_bindestreck_ar_fel()
    {
        var forbund = new Forbund { Namn = "Samordningsförbundet Demo", Organisationsnummer = "2220000148" };

        forbund.Validera().Should().ContainSingle().Which.Falt.Should().Be("Organisationsnummer");
    }
}
