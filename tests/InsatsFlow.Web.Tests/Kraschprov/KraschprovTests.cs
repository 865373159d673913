using InsatsFlow.Kraschprov;

namespace InsatsFlow.Web.Tests.Kraschprov;

/// <summary>
/// The kill -9 campaign (bench/InsatsFlow.Kraschprov) with a small N: the real host, built with this test project
/// (its InsatsFlow.Web.dll beside the tests), on a temp SQLite file, killed with SIGKILL five times mid-lifecycles
/// and started again. The N = 100 run is the README command; its table is in bench/results/.
/// </summary>
public sealed class KraschprovTests
{
    [Fact]
    public async Task Fem_sigkill_mitt_i_livscyklerna_forlorar_inget_och_gor_inget_dubbelt()
    {
        var repo = Kampanj.HittaRepo(AppContext.BaseDirectory);
        var webb = Path.Combine(AppContext.BaseDirectory, "InsatsFlow.Web.dll");
        var logg = new StringWriter();

        var resultat = await Kampanj.KorAsync(
            new Kampanjval(repo, Dodar: 5, Fro: 7, webb, SekunderMellanMin: 1, SekunderMellanMax: 3, MillisekunderNereMax: 1500,
                KommandonMellanMin: 1, KommandonMellanMax: 7, Slutkorning: TimeSpan.Zero),
            TextWriter.Synchronized(logg), CancellationToken.None);

        resultat.Dodar.Should().Be(5, "fem SIGKILL ska ha skett: " + logg);
        resultat.Kontroller.Single(k => k.Namn == "Kvitterade slutföranden finns").Provade.Should().BePositive("uppgifter ska ha slutförts genom API:t");
        resultat.Kontroller.Single(k => k.Namn.StartsWith("Jobb som föll under nedtid", StringComparison.Ordinal)).Not.Should().Be("5 nedtider");
        resultat.Kontroller.Where(k => k.Defekter > 0).Should().BeEmpty(resultat.Tabell());
    }
}
