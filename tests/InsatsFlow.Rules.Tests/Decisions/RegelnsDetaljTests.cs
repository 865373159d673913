using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Decisions;

/// <summary>A gate says what failed: each failed rule's <c>detalj</c> lists the offending items; a rule that passed has none.</summary>
public class RegelnsDetaljTests
{
    private sealed class ListRecorder : IEvaluationRecorder
    {
        public List<RuleSetResult> Records { get; } = [];

        public Task<string> RecordAsync(RuleSetResult result, EvaluationContext context, CancellationToken cancellationToken)
        {
            Records.Add(result);
            return Task.FromResult($"provning-{Records.Count}");
        }
    }

    private static readonly RuleCatalogueHolder Catalogue = Load();
    private readonly ListRecorder recorder = new();

    private static RuleCatalogueHolder Load()
    {
        var holder = new RuleCatalogueHolder(RepositoryRules.Directory);
        holder.Reload().Problems.Should().BeEmpty();
        return holder;
    }

    private Task<DecisionResult> ProvaAsync(string regelverk, Dictionary<string, object?> variabler) =>
        new RuleDecisionEvaluator(new RuleEvaluator(Catalogue), recorder)
            .EvaluateAsync(new DecisionRequest(regelverk, null, new DateOnly(2026, 3, 1), variabler, "i", "e"), CancellationToken.None);

    private static Dictionary<string, object?> Budget(params (string Typ, decimal Belopp)[] rader) => new()
    {
        ["insats"] = new Dictionary<string, object?>
        {
            ["budgetrader"] = rader.Select(r => (object?)new Dictionary<string, object?> { ["kostnadstyp"] = r.Typ, ["belopp"] = r.Belopp }).ToList(),
        },
    };

    private static IReadOnlyDictionary<string, object?> Regel(DecisionResult resultat, string namn) =>
        ((List<object?>)resultat.Output["regler"]!).Cast<IReadOnlyDictionary<string, object?>>().Single(r => (string)r["regel"]! == namn);

    [Fact]
    public async Task Uteslutna_kostnader_namnger_budgetraderna_med_belopp()
    {
        var resultat = await ProvaAsync("stodberattigande-kostnader", Budget(("samordnare", 400_000m), ("busskort", 12_000m), ("tolk", 5_500m)));

        resultat.Passed.Should().BeFalse();
        Regel(resultat, "IngaUteslutnaKostnader")["detalj"].Should().Be("busskort 12 000; tolk 5 500");
        recorder.Records.Single().Regler.Single(r => r.Regel == "IngaUteslutnaKostnader").Detalj.Should().Be("busskort 12 000; tolk 5 500");
        ((List<object?>)resultat.Output["fel"]!).Should().ContainSingle().Which.Should().BeOfType<string>().Which.Should().Contain("busskort 12 000");
    }

    [Fact]
    public async Task En_uppfylld_regel_har_ingen_detalj()
    {
        var resultat = await ProvaAsync("stodberattigande-kostnader", Budget(("samordnare", 400_000m)));

        resultat.Passed.Should().BeTrue();
        Regel(resultat, "IngaUteslutnaKostnader")["detalj"].Should().BeNull();
        Regel(resultat, "EndastStodberattigandeKostnadstyper")["detalj"].Should().BeNull();
    }

    [Fact]
    public async Task Malgrupp_under_16_ar_visar_den_angivna_aldern()
    {
        var resultat = await ProvaAsync("malgrupp", new() { ["insats"] = new Dictionary<string, object?> { ["malgruppAlderFran"] = 15, ["malgruppAlderTill"] = 24 } });

        Regel(resultat, "MalgruppInteUnder16")["detalj"].Should().Be("lägsta ålder angiven: 15 år");
    }

    [Fact]
    public async Task Malgrupp_utan_alder_ar_en_uppgift_som_saknas_inte_ett_fel_i_regeln()
    {
        var resultat = await ProvaAsync("malgrupp", new() { ["insats"] = new Dictionary<string, object?> { ["malgruppAlderFran"] = null, ["malgruppAlderTill"] = null } });

        resultat.Passed.Should().BeFalse();
        ((List<object?>)resultat.Output["fel"]!).Should().ContainSingle().Which.Should().BeOfType<string>().Which.Should().StartWith("Uppgift saknas: målgruppens ålder");
        recorder.Records.Single().Regler.Should().OnlyContain(r => r.Utfall != Utfall.FelIRegeln);
    }

    [Fact]
    public async Task Ett_obligatoriskt_varde_som_saknas_i_indata_blir_en_underkand_prov_som_namnger_uppgiften()
    {
        var resultat = await ProvaAsync("berorda-parter", new() { ["insats"] = null });

        resultat.Passed.Should().BeFalse();
        resultat.EvaluationId.Should().Be("provning-1");
        ((List<object?>)resultat.Output["fel"]!).Should().ContainSingle().Which.Should().Be("Uppgift saknas: insats.");
    }
}
