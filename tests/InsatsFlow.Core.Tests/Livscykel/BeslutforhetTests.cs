using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>
/// Beslutförhet counts served seats (FINSAM 15 §, KL 6 kap 27 §): a ledamot present, or an ersättare serving for an
/// absent ledamot of the same member. In the test förbund the four ledamöter sit for Region Dalarna (Anna Lindqvist),
/// Norrby kommun (Erik Johansson), Söderby kommun (Maria Berg) and Försäkringskassan (Johan Ek); Sara Holm is the
/// region's ersättare.
/// </summary>
public sealed class BeslutforhetTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    private static object Beslut(params object[] narvarande) => new
    {
        sammantradesdatum = "2026-06-10",
        paragraf = 12,
        narvarande,
        styrelsebeslut = "bifall",
        beviljatBelopp = 1_250_000m,
        motivering = "Ansökan uppfyller förbundets krav.",
    };

    private async Task<(Guid InsatsId, string Instans)> TillBeslutetAsync()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.TillStyrelsebeslutAsync(insatsId, instans);
        return (insatsId, instans);
    }

    [Fact]
    public async Task Tva_av_fyra_platser_besatta_ar_inte_beslutfort_fast_en_ersattare_ar_narvarande()
    {
        var (insatsId, instans) = await TillBeslutetAsync();

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut",
            Beslut(new { namn = "Anna Lindqvist" }, new { namn = "Erik Johansson" }, new { namn = "Sara Holm" }));

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_styrelsebeslut");
        var resultat = await miljo.RegelresultatAsync(instans, "javOchBeslutforhet");
        resultat["uppfylld"].Should().Be(false);
        ((IEnumerable<object?>)resultat["fel"]!).Select(f => f?.ToString()).Should().Contain(f => f!.Contains("inte beslutför"));
        (await miljo.InsatsAsync(insatsId)).Beslut.Should().BeEmpty();
    }

    [Fact]
    public async Task En_ersattare_som_tjanstgor_for_sin_medlems_franvarande_ledamot_besatter_platsen()
    {
        var (insatsId, instans) = await TillBeslutetAsync();

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut",
            Beslut(new { namn = "Erik Johansson" }, new { namn = "Maria Berg" }, new { namn = "Sara Holm", tjanstgorFor = "Anna Lindqvist" }));

        await miljo.FasenArAsync(insatsId, InsatsFas.Genomforande);
    }

    [Fact]
    public async Task En_ersattare_kan_inte_tjanstgora_for_en_annan_medlems_ledamot()
    {
        var (_, instans) = await TillBeslutetAsync();

        var utfall = await miljo.SlutforAsync(instans, "Activity_styrelsebeslut",
            Beslut(new { namn = "Erik Johansson" }, new { namn = "Maria Berg" }, new { namn = "Sara Holm", tjanstgorFor = "Johan Ek" }));

        utfall.Genomford.Should().BeFalse();
        utfall.Fel.Should().ContainSingle(f => f.Falt == "narvarande[2].tjanstgorFor" && f.Meddelande.Contains("samma medlem"));
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_styrelsebeslut");
    }

    [Fact]
    public async Task En_ersattare_kan_inte_tjanstgora_for_en_ledamot_som_sjalv_ar_narvarande()
    {
        var (_, instans) = await TillBeslutetAsync();

        var utfall = await miljo.SlutforAsync(instans, "Activity_styrelsebeslut",
            Beslut(new { namn = "Anna Lindqvist" }, new { namn = "Erik Johansson" }, new { namn = "Sara Holm", tjanstgorFor = "Anna Lindqvist" }));

        utfall.Fel.Should().ContainSingle(f => f.Falt == "narvarande" && f.Meddelande.Contains("själv är närvarande"));
    }

    public void Dispose() => miljo.Dispose();
}
