using System.Text.Json.Nodes;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Loading;

public class LoadingErrorTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();
    private readonly RuleCatalogueLoader loader = new();

    public void Dispose() => rules.Dispose();

    private RuleFileProblem SingleProblem()
    {
        var result = loader.Load(rules.Path);
        result.Catalogue.Should().BeNull();
        return result.Problems.Should().ContainSingle().Subject;
    }

    [Fact]
    public void En_korrekt_regelfil_laddas()
    {
        rules.Write(RuleFileJson.Make());

        var result = loader.Load(rules.Path);

        result.Problems.Should().BeEmpty();
        result.Catalogue!.Versions("prov").Should().ContainSingle().Which.Version.Should().Be("1");
    }

    [Fact]
    public void Trasig_json_avvisas_med_fil_och_rad()
    {
        rules.Write("prov/1.json", "{\n  \"regelverk\": \"prov\",\n  \"version\": \n}");

        var problem = SingleProblem();

        problem.File.Should().EndWith("prov/1.json");
        problem.Location.Should().StartWith("rad 4");
        problem.Message.Should().Contain("ogiltig JSON");
    }

    [Fact]
    public void Okant_falt_i_kuvertet_avvisas_med_json_sokvag()
    {
        var file = RuleFileJson.Make();
        file["giltigTill"] = "2030-01-01";
        rules.Write(file);

        var problem = SingleProblem();

        problem.Location.Should().Be("$.giltigTill");
        problem.Message.Should().Contain("okänt fält");
    }

    [Fact]
    public void Okant_falt_i_en_regel_avvisas_med_json_sokvag()
    {
        var file = RuleFileJson.Make();
        file.Rules()[0]!["Actions"] = new JsonObject();
        rules.Write(file);

        var problem = SingleProblem();

        problem.Location.Should().Be("$.workflow.Rules[0] (regel BeloppUnderGrans).Actions");
        problem.Message.Should().Contain("Actions");
    }

    [Fact]
    public void GiltigFran_som_inte_ar_ett_datum_avvisas()
    {
        rules.Write(RuleFileJson.Make(giltigFran: "1 januari 2025"));

        var problem = SingleProblem();

        problem.Location.Should().Be("$.giltigFran");
        problem.Message.Should().Contain("inte ett datum");
    }

    [Fact]
    public void Ett_uttryck_som_inte_kan_tolkas_avvisas_med_regelns_namn()
    {
        rules.Write(RuleFileJson.Make(expression: "budget.beloppet < param.grans"));

        var problem = SingleProblem();

        problem.Location.Should().Be("regel BeloppUnderGrans");
        problem.Message.Should().Contain("kan inte tolkas").And.Contain("beloppet");
    }

    [Fact]
    public void Ett_felstavat_falt_avvisas_aven_nar_uttrycket_annars_vore_giltigt()
    {
        rules.Write(RuleFileJson.Make(expression: "budget.antagenDatum != null"));

        var problem = SingleProblem();

        problem.Location.Should().Be("regel BeloppUnderGrans");
        problem.Message.Should().Contain("\"antagenDatum\" finns inte");
    }

    [Fact]
    public void Ett_uttryck_som_inte_ger_sant_eller_falskt_avvisas()
    {
        rules.Write(RuleFileJson.Make(expression: "budget.belopp + 1"));

        SingleProblem().Location.Should().Be("regel BeloppUnderGrans");
    }

    [Fact]
    public void Ett_felaktigt_lokalt_uttryck_avvisas_vid_laddning()
    {
        var file = RuleFileJson.Make(expression: "summa > 0");
        file.Rules()[0]!["LocalParams"] = new JsonArray(new JsonObject { ["Name"] = "summa", ["Expression"] = "budget.rader.Sum(r => r.belopp)" });
        rules.Write(file);

        var problem = SingleProblem();

        problem.Location.Should().Be("regel BeloppUnderGrans");
        problem.Message.Should().Contain("LocalParams summa");
    }

    [Fact]
    public void Samma_regelverk_och_version_i_tva_filer_avvisas_med_bada_filerna()
    {
        // The jurist copied 1.json to 2.json to start a new version and forgot to change "version".
        rules.Write(RuleFileJson.Make());
        rules.Write("prov/2.json", RuleFileJson.Make(giltigFran: "2026-01-01").ToJsonString());

        var result = loader.Load(rules.Path);

        result.Catalogue.Should().BeNull();
        result.Problems.Should().HaveCount(2);
        result.Problems.Should().Contain(p => p.File.EndsWith("prov/1.json") && p.Location == "$.version" && p.Message.Contains("prov/2.json"));
        result.Problems.Should().Contain(p => p.File.EndsWith("prov/2.json") && p.Message.Contains("prov/1.json"));
    }

    [Fact]
    public void Tva_versioner_med_samma_giltigFran_avvisas()
    {
        rules.Write(RuleFileJson.Make(version: "1"));
        rules.Write(RuleFileJson.Make(version: "2"));

        var result = loader.Load(rules.Path);

        result.Catalogue.Should().BeNull();
        result.Problems.Should().HaveCount(2).And.OnlyContain(p => p.Location == "$.giltigFran");
    }

    [Fact]
    public void En_regel_utan_allvarlighet_avvisas()
    {
        var file = RuleFileJson.Make();
        file.Rules()[0]!["Properties"]!.AsObject().Remove("allvarlighet");
        rules.Write(file);

        SingleProblem().Message.Should().Contain("allvarlighet");
    }

    [Fact]
    public void En_okand_allvarlighet_avvisas()
    {
        rules.Write(RuleFileJson.Make(allvarlighet: "kritisk"));

        var problem = SingleProblem();

        problem.Location.Should().EndWith("Properties.allvarlighet");
        problem.Message.Should().Contain("\"fel\" eller \"varning\"");
    }

    [Fact]
    public void En_okand_indatatyp_avvisas_med_sokvag()
    {
        var file = RuleFileJson.Make();
        file["indata"]!["budget"]!["belopp"] = "pengar";
        rules.Write(file);

        var problem = SingleProblem();

        problem.Location.Should().Be("$.indata.budget.belopp");
        problem.Message.Should().Contain("okänd typ");
    }

    [Fact]
    public void Arbetsflodets_namn_ska_vara_regelverkets()
    {
        var file = RuleFileJson.Make();
        file["workflow"]!["WorkflowName"] = "annat";
        rules.Write(file);

        SingleProblem().Location.Should().Be("$.workflow.WorkflowName");
    }

    [Fact]
    public void En_fil_i_fel_mapp_avvisas()
    {
        rules.Write("annan-mapp/1.json", RuleFileJson.Make().ToJsonString());

        SingleProblem().Message.Should().Contain("mappen prov/");
    }

    [Fact]
    public void Ingenting_laddas_nar_en_av_flera_filer_ar_trasig()
    {
        rules.Write(RuleFileJson.Make(regelverk: "forsta"));
        rules.Write(RuleFileJson.Make(regelverk: "andra", giltigFran: "2025-13-01"));

        var result = loader.Load(rules.Path);

        result.Catalogue.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.File.Should().EndWith("andra/1.json");
    }

    [Fact]
    public void Testfall_och_schema_laddas_inte_som_regelfiler()
    {
        rules.Write(RuleFileJson.Make());
        rules.Write("prov/tests/fall.json", "{\"fall\": []}");
        rules.Write("schema/regelfil.schema.json", "{\"type\": \"object\"}");

        loader.Load(rules.Path).Problems.Should().BeEmpty();
    }

    [Fact]
    public void En_tom_mapp_ger_ett_fel()
    {
        SingleProblem().Message.Should().Contain("inga regelfiler");
    }
}
