using System.Text.Json.Nodes;
using InsatsFlow.Rules.Tests.TestSupport;
using Json.Schema;

namespace InsatsFlow.Rules.Tests.Catalogue;

/// <summary>The JSON Schemas an editor validates against agree with the files and refuse what the loader refuses.</summary>
public class SchemaTests
{
    private static readonly string SchemaDirectory = Path.Combine(RepositoryRules.Directory, "schema");
    private static readonly Lazy<JsonSchema> RuleFileSchema = new(() => JsonSchema.FromFile(Path.Combine(SchemaDirectory, "regelfil.schema.json")));
    private static readonly Lazy<JsonSchema> TestFileSchema = new(() => JsonSchema.FromFile(Path.Combine(SchemaDirectory, "testfall.schema.json")));

    private static IEnumerable<string> Files(bool tests) =>
        Directory.EnumerateFiles(RepositoryRules.Directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(SchemaDirectory, StringComparison.Ordinal))
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}") == tests);

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode? node) =>
        schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(node), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => !d.IsValid && d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Varje_regelfil_i_katalogen_foljer_schemat()
    {
        foreach (var file in Files(tests: false))
        {
            var results = Evaluate(RuleFileSchema.Value, JsonNode.Parse(File.ReadAllText(file)));
            results.IsValid.Should().BeTrue($"{file}: {Errors(results)}");
        }
    }

    [Fact]
    public void Varje_testfil_i_katalogen_foljer_schemat()
    {
        foreach (var file in Files(tests: true))
        {
            var results = Evaluate(TestFileSchema.Value, JsonNode.Parse(File.ReadAllText(file)));
            results.IsValid.Should().BeTrue($"{file}: {Errors(results)}");
        }
    }

    [Fact]
    public void Schemat_avvisar_ett_okant_falt_i_kuvertet()
    {
        var file = RuleFileJson.Make();
        file["giltigTill"] = "2030-01-01";

        Evaluate(RuleFileSchema.Value, file).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schemat_avvisar_en_okand_allvarlighet()
    {
        Evaluate(RuleFileSchema.Value, RuleFileJson.Make(allvarlighet: "kritisk")).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schemat_avvisar_en_okand_indatatyp()
    {
        var file = RuleFileJson.Make();
        file["indata"]!["budget"]!["belopp"] = "pengar";

        Evaluate(RuleFileSchema.Value, file).IsValid.Should().BeFalse();
    }
}
