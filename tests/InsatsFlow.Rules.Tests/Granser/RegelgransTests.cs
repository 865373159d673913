using System.Text.Json.Nodes;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Granser;

/// <summary>A rule file's expressions have the engine's limits, and an evaluation has a time limit; a breach names the rule and the limit.</summary>
public class RegelgransTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();

    public void Dispose() => rules.Dispose();

    private LoadResult LoadWith(string expression, RuleLimits? limits = null)
    {
        rules.Write(RuleFileJson.Make(expression: expression));
        return new RuleCatalogueLoader(limits: limits).Load(rules.Path);
    }

    [Theory]
    [InlineData("\"x\".PadLeft(500000000) != \"\"")]
    [InlineData("\"x\".PadRight(budget.rader.Count() * 100000000) != \"\"")]
    [InlineData("String('x', 500000000) != \"\"")]
    [InlineData("budget.rader.First().typ.Replace(\"a\", \"aaaaaaaa\") != \"\"")]
    public void En_regel_som_kan_bygga_en_jattelik_text_avvisas_vid_inlasning(string expression)
    {
        var result = LoadWith(expression);
        result.Catalogue.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which.ToString();
        problem.Should().Contain("BeloppUnderGrans").And.Contain("MaxTextLength");
    }

    [Fact]
    public void En_regel_med_en_liten_fast_utfyllnad_tas_emot()
    {
        LoadWith("\"x\".PadLeft(5).Length == 5 && budget.belopp < param.grans").Problems.Should().BeEmpty();
    }

    [Fact]
    public void Ett_for_djupt_nastlat_uttryck_avvisas_vid_inlasning_utan_att_parsern_kors()
    {
        var text = string.Concat(Enumerable.Repeat("(", 5_000)) + "budget.belopp > 0" + string.Concat(Enumerable.Repeat(")", 5_000));
        var result = LoadWith(text, new RuleLimits { Expressions = new ExpressionLimits { MaxLength = 100_000 } });
        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain("MaxDepth").And.Contain("BeloppUnderGrans");
    }

    [Fact]
    public void Ett_tolkningsfel_i_en_regel_beskrivs_pa_svenska()
    {
        var problem = LoadWith("budget.belopp < param.okand").Problems.Should().ContainSingle().Which.ToString();
        problem.Should().Contain("okand").And.NotContain("exists in type").And.NotContain("No property");
    }

    [Fact]
    public async Task En_provning_som_tar_langre_tid_an_gransen_stoppas_och_namnger_regelverket_och_gransen()
    {
        var file = RuleFileJson.Make(expression: "budget.rader.Any(a => budget.rader.Any(b => budget.rader.Any(c => c.typ == a.typ + b.typ)))");
        for (var i = 0; i < 200; i++)
            file.Rules().Add(RuleFileJson.Rule($"Regel{i}", "budget.rader.Any(a => budget.rader.Any(b => b.typ == a.typ + \"x\"))"));
        rules.Write(file);
        var result = new RuleCatalogueLoader(limits: new RuleLimits { TimeLimit = TimeSpan.FromMilliseconds(50) }).Load(rules.Path);
        result.Problems.Should().BeEmpty();
        var rader = new JsonArray([.. Enumerable.Range(0, 400).Select(i => (JsonNode)new JsonObject { ["typ"] = $"t{i}" })]);
        var indata = JsonInput.Element(new JsonObject { ["budget"] = new JsonObject { ["belopp"] = 5, ["rader"] = rader } }.ToJsonString());

        var forsok = async () => await RuleEvaluator.EvaluateAsync(result.Catalogue!.Choose("prov", new DateOnly(2025, 3, 1)), new DateOnly(2025, 3, 1), indata);

        (await forsok.Should().ThrowAsync<RuleLimitException>()).Which.Message.Should().Contain("prov").And.Contain("TimeLimit").And.Contain("0,05");
    }

    [Fact]
    public async Task Ett_fel_i_en_regel_vid_provning_beskrivs_pa_svenska()
    {
        rules.Write(RuleFileJson.Make(expression: "budget.belopp / (budget.belopp - 5) > 0"));
        var catalogue = new RuleCatalogueLoader().Load(rules.Path).Catalogue!;
        var result = await RuleEvaluator.EvaluateAsync(catalogue.Choose("prov", new DateOnly(2025, 3, 1)), new DateOnly(2025, 3, 1),
            JsonInput.Element("""{"budget": {"belopp": 5, "rader": []}}"""));
        var utfall = result.Regler.Single();
        utfall.Utfall.Should().Be(Utfall.FelIRegeln);
        utfall.Detalj.Should().Be("regeln delar med noll");
    }
}
