using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Decisions;

public class RuleDecisionEvaluatorTests
{
    /// <summary>Keeps what it is given; the stored form is tested against SQLite in InsatsFlow.Data.Tests.</summary>
    private sealed class ListRecorder : IEvaluationRecorder
    {
        public List<(RuleSetResult Result, EvaluationContext Context)> Records { get; } = [];

        public Task<string> RecordAsync(RuleSetResult result, EvaluationContext context, CancellationToken cancellationToken)
        {
            Records.Add((result, context));
            return Task.FromResult($"provning-{Records.Count}");
        }
    }

    private static readonly RuleCatalogueHolder Catalogue = LoadRepositoryRules();
    private readonly ListRecorder recorder = new();

    private static RuleCatalogueHolder LoadRepositoryRules()
    {
        var holder = new RuleCatalogueHolder(RepositoryRules.Directory);
        holder.Reload().Problems.Should().BeEmpty();
        return holder;
    }

    private RuleDecisionEvaluator Evaluator() => new(new RuleEvaluator(Catalogue), recorder);

    private static Dictionary<string, object?> Malgrupp(int fran, int till) => new()
    {
        ["insats"] = new Dictionary<string, object?> { ["malgruppAlderFran"] = fran, ["malgruppAlderTill"] = till },
        ["annanVariabel"] = "skickas inte med",
    };

    [Fact]
    public async Task En_godkand_malgrupp_ger_uppfylld_och_ett_sparat_resultat()
    {
        var result = await Evaluator().EvaluateAsync(
            new DecisionRequest("malgrupp", null, new DateOnly(2026, 3, 1), Malgrupp(18, 29), "instans-1", "Regelkontroll_Malgrupp"),
            CancellationToken.None);

        result.Passed.Should().BeTrue();
        result.EvaluationId.Should().Be("provning-1");
        result.Output["uppfylld"].Should().Be(true);
        result.Output["regelverk"].Should().Be("malgrupp");
        result.Output["version"].Should().Be("2004.1");
        result.Output["fel"].Should().BeEquivalentTo(new List<object?>());
        var recorded = recorder.Records.Should().ContainSingle().Subject;
        recorded.Context.Should().Be(new EvaluationContext("instans-1", "Regelkontroll_Malgrupp"));
        recorded.Result.IndataJson.Should().Be("""{"insats":{"malgruppAlderFran":18,"malgruppAlderTill":29}}""");
    }

    [Fact]
    public async Task En_malgrupp_under_16_blockerar_och_over_64_varnar()
    {
        var result = await Evaluator().EvaluateAsync(
            new DecisionRequest("malgrupp", null, new DateOnly(2026, 3, 1), Malgrupp(15, 67), "instans-1", "Regelkontroll"),
            CancellationToken.None);

        result.Passed.Should().BeFalse();
        result.Output["fel"].Should().BeEquivalentTo(new List<object?> { "Målgruppen får inte omfatta personer under 16 år. Gäller: lägsta ålder angiven: 15 år." });
        ((List<object?>)result.Output["varningar"]!).Should().ContainSingle().Which.As<string>().Should().Contain("över 64");
    }

    [Fact]
    public async Task En_fastlast_version_anvands_i_stallet_for_den_som_galler()
    {
        var variables = new Dictionary<string, object?>
        {
            ["budget"] = new Dictionary<string, object?>
            {
                ["budgetar"] = 2025, ["intakter"] = 90m, ["kostnader"] = 95m,
                ["synnerligaSkal"] = true, ["synnerligaSkalMotivering"] = "Återställning av eget kapital",
            },
        };

        var pinned = await Evaluator().EvaluateAsync(new DecisionRequest("balanskrav", "2004.1", new DateOnly(2026, 11, 20), variables, "i", "e"), CancellationToken.None);
        var inForce = await Evaluator().EvaluateAsync(new DecisionRequest("balanskrav", null, new DateOnly(2026, 11, 20), variables, "i", "e"), CancellationToken.None);

        pinned.Output["version"].Should().Be("2004.1");
        pinned.Passed.Should().BeTrue();
        inForce.Output["version"].Should().Be("2024.1");
        inForce.Passed.Should().BeFalse();
    }

    [Fact]
    public async Task Datum_i_processvariabler_tolkas_som_datum()
    {
        var variables = new Dictionary<string, object?>
        {
            ["arsredovisning"] = new Dictionary<string, object?> { ["rakenskapsar"] = 2025, ["upprattadDatum"] = new DateOnly(2026, 3, 31) },
        };

        var result = await Evaluator().EvaluateAsync(new DecisionRequest("arsredovisning", null, new DateOnly(2026, 3, 31), variables, "i", "e"), CancellationToken.None);

        result.Passed.Should().BeTrue();
    }

    [Fact]
    public async Task En_saknad_processvariabel_ger_ett_fel_som_namnger_den()
    {
        var act = () => Evaluator().EvaluateAsync(
            new DecisionRequest("malgrupp", null, new DateOnly(2026, 3, 1), new Dictionary<string, object?>(), "i", "e"), CancellationToken.None);

        (await act.Should().ThrowAsync<InputException>()).WithMessage("*\"insats\"*");
        recorder.Records.Should().BeEmpty();
    }

    [Fact]
    public async Task Ett_okant_regelverk_ger_ett_fel()
    {
        var act = () => Evaluator().EvaluateAsync(
            new DecisionRequest("finns-inte", null, new DateOnly(2026, 3, 1), Malgrupp(18, 29), "i", "e"), CancellationToken.None);

        await act.Should().ThrowAsync<RegelverkSaknasException>();
    }
}
