using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Evaluation;

public class EvaluationResultTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();

    public void Dispose() => rules.Dispose();

    private RuleEvaluator Evaluator(params JsonObject[] files)
    {
        foreach (var file in files) rules.Write(file);
        var holder = new RuleCatalogueHolder(rules.Path);
        holder.Reload().Problems.Should().BeEmpty();
        return new RuleEvaluator(holder);
    }

    [Fact]
    public async Task Resultatet_namnger_regelverk_version_och_filens_sha256()
    {
        var path = rules.Write(RuleFileJson.Make(version: "2025.1"));
        var evaluator = Evaluator();

        var result = await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("""{"budget": {"belopp": 50}}"""));

        result.Regelverk.Should().Be("prov");
        result.Version.Should().Be("2025.1");
        result.GiltigFran.Should().Be(new DateOnly(2025, 1, 1));
        result.Datum.Should().Be(new DateOnly(2025, 3, 1));
        result.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public async Task Varje_regel_ger_utfall_meddelande_allvarlighet_och_rattslig_grund()
    {
        var file = RuleFileJson.Make(expression: "budget.belopp < param.grans");
        file.Rules().Add(RuleFileJson.Rule("RaderFinns", "budget.rader.Any()", "varning"));
        var evaluator = Evaluator(file);

        var result = await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("""{"budget": {"belopp": 500}}"""));

        result.Regler.Should().HaveCount(2);
        result.Regler[0].Should().BeEquivalentTo(new
        {
            Regel = "BeloppUnderGrans", Utfall = Utfall.EjUppfylld, Allvarlighet = Allvarlighet.Fel,
            Meddelande = "BeloppUnderGrans är inte uppfylld.", RattsligGrund = "FINSAM 7 §",
        });
        result.Regler[1].Should().BeEquivalentTo(new { Regel = "RaderFinns", Utfall = Utfall.EjUppfylld, Allvarlighet = Allvarlighet.Varning });
        result.Uppfylld.Should().BeFalse();
        result.Fel.Should().Equal("BeloppUnderGrans är inte uppfylld.");
        result.Varningar.Should().Equal("RaderFinns är inte uppfylld.");
    }

    [Fact]
    public async Task En_varning_blockerar_inte()
    {
        var file = RuleFileJson.Make(expression: "true", allvarlighet: "varning");
        file.Rules()[0]!["Expression"] = "budget.belopp < 0";
        var evaluator = Evaluator(file);

        var result = await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("""{"budget": {"belopp": 5}}"""));

        result.Uppfylld.Should().BeTrue();
        result.Varningar.Should().ContainSingle();
    }

    [Fact]
    public async Task En_regel_som_kastar_ger_fel_i_regeln_och_blockerar()
    {
        var evaluator = Evaluator(RuleFileJson.Make(expression: "budget.belopp / (budget.belopp - budget.belopp) > 0", allvarlighet: "varning"));

        var result = await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("""{"budget": {"belopp": 5}}"""));

        result.Regler[0].Utfall.Should().Be(Utfall.FelIRegeln);
        result.Regler[0].Detalj.Should().NotBeNullOrEmpty();
        result.Uppfylld.Should().BeFalse();
    }

    [Fact]
    public async Task Indatat_sparas_exakt_som_det_lamnades()
    {
        var evaluator = Evaluator(RuleFileJson.Make());
        const string json = """{"budget": {"belopp": 50, "okantFalt": "behålls i ögonblicksbilden"}}""";

        var result = await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element(json));

        result.IndataJson.Should().Be(json);
    }

    [Fact]
    public async Task Indata_som_saknar_ett_obligatoriskt_falt_avvisas_med_sokvag()
    {
        var evaluator = Evaluator(RuleFileJson.Make());

        var act = async () => await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("""{"budget": {"antagen": "2025-01-01"}}"""));

        (await act.Should().ThrowAsync<InputException>()).Which.Path.Should().Be("$.budget.belopp");
    }

    [Fact]
    public async Task Indata_med_fel_typ_avvisas_med_sokvag()
    {
        var evaluator = Evaluator(RuleFileJson.Make());

        var act = async () => await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null,
            JsonInput.Element("""{"budget": {"belopp": 5, "antagen": "30 november", "rader": []}}"""));

        (await act.Should().ThrowAsync<InputException>()).WithMessage("*$.budget.antagen*datum*");
    }

    [Fact]
    public async Task En_saknad_indataparameter_avvisas()
    {
        var evaluator = Evaluator(RuleFileJson.Make());

        var act = async () => await evaluator.EvaluateAsync("prov", new DateOnly(2025, 3, 1), null, JsonInput.Element("{}"));

        (await act.Should().ThrowAsync<InputException>()).Which.Path.Should().Be("$.budget");
    }
}
