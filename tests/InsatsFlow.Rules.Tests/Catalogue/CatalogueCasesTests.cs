using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Testing;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Catalogue;

/// <summary>Every case the jurists wrote in rules/&lt;regelverk&gt;/tests/*.json, one test each.</summary>
public class CatalogueCasesTests
{
    private static readonly Lazy<LoadResult> Load = new(() => new RuleCatalogueLoader().Load(RepositoryRules.Directory));
    private static readonly Lazy<IReadOnlyList<RuleTestCase>> Cases = new(() =>
    {
        var (cases, unreadable) = RuleTestRunner.Discover(RepositoryRules.Directory);
        unreadable.Should().BeEmpty();
        return cases;
    });

    public static TheoryData<string, int, string> AllCases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var c in Cases.Value) data.Add(c.File, c.Index, c.Namn);
        return data;
    }

    [Fact]
    public void Hela_regelkatalogen_laddas_utan_fel()
    {
        Load.Value.Problems.Should().BeEmpty();
        Load.Value.Catalogue!.Regelverk.Should().Contain(
        [
            "balanskrav", "budgetbeslut", "medlemsandelar", "stodberattigande-kostnader", "berorda-parter", "malgrupp",
            "ansokan-komplett", "beviljat-belopp", "jav-och-beslutforhet", "implementeringsbeslut", "arsredovisning", "direktupphandling",
        ]);
    }

    [Fact]
    public void Varje_regelverk_har_testfall_och_varje_version_provas()
    {
        var catalogue = Load.Value.Catalogue!;
        foreach (var file in catalogue.Files)
            Cases.Value.Should().Contain(c => c.Regelverk == file.Regelverk
                && (c.Version == file.Version || (c.Version == null && catalogue.InForce(c.Regelverk, c.Datum) == file)),
                $"{file.Path} ska provas av minst ett testfall");
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Testfallet_ger_forvantat_utfall(string file, int index, string namn)
    {
        var fall = Cases.Value.Single(c => c.File == file && c.Index == index);
        fall.Namn.Should().Be(namn);

        var result = await RuleTestRunner.RunAsync(fall, Load.Value.Catalogue!);

        result.Avvikelser.Should().BeEmpty();
        result.Godkand.Should().BeTrue();
    }
}
