using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Evaluation;

public class VersionChoiceTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();
    private readonly RuleCatalogue catalogue;

    public VersionChoiceTests()
    {
        rules.Write(RuleFileJson.Make(version: "2024.1", giltigFran: "2024-01-01", grans: 100));
        rules.Write(RuleFileJson.Make(version: "2025.1", giltigFran: "2025-07-01", grans: 200));
        catalogue = new RuleCatalogueLoader().Load(rules.Path).Catalogue!;
    }

    public void Dispose() => rules.Dispose();

    [Fact]
    public void Dagen_fore_giltigFran_galler_den_aldre_versionen() =>
        catalogue.Choose("prov", new DateOnly(2025, 6, 30)).Version.Should().Be("2024.1");

    [Fact]
    public void Pa_giltigFran_galler_den_nya_versionen() =>
        catalogue.Choose("prov", new DateOnly(2025, 7, 1)).Version.Should().Be("2025.1");

    [Fact]
    public void Langt_senare_galler_den_senaste_versionen() =>
        catalogue.Choose("prov", new DateOnly(2032, 1, 1)).Version.Should().Be("2025.1");

    [Fact]
    public void En_fastlast_version_valjs_oavsett_datum() =>
        catalogue.Choose("prov", new DateOnly(2032, 1, 1), "2024.1").Version.Should().Be("2024.1");

    [Fact]
    public void Fore_den_forsta_versionen_galler_ingen()
    {
        var act = () => catalogue.Choose("prov", new DateOnly(2023, 12, 31));

        act.Should().Throw<RegelverkSaknasException>().WithMessage("*gäller 2023-12-31*2024-01-01*");
    }

    [Fact]
    public void Ett_okant_regelverk_ger_ett_tydligt_fel() =>
        FluentActions.Invoking(() => catalogue.Choose("okant", new DateOnly(2025, 1, 1)))
            .Should().Throw<RegelverkSaknasException>().WithMessage("*\"okant\"*");

    [Fact]
    public void En_okand_fastlast_version_ger_ett_tydligt_fel() =>
        FluentActions.Invoking(() => catalogue.Choose("prov", new DateOnly(2025, 1, 1), "1999.1"))
            .Should().Throw<RegelverkSaknasException>().WithMessage("*ingen version \"1999.1\"*");

    [Fact]
    public async Task Versionerna_provar_med_sina_egna_parametrar()
    {
        var indata = JsonInput.Element("""{"budget": {"belopp": 150}}""");

        var before = await RuleEvaluator.EvaluateAsync(catalogue.Choose("prov", new DateOnly(2025, 6, 30)), new DateOnly(2025, 6, 30), indata);
        var after = await RuleEvaluator.EvaluateAsync(catalogue.Choose("prov", new DateOnly(2025, 7, 1)), new DateOnly(2025, 7, 1), indata);

        before.Uppfylld.Should().BeFalse();
        after.Uppfylld.Should().BeTrue();
    }
}
