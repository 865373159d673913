using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Integration;

/// <summary>
/// The contract other systems build on (issue 17) is committed as docs/openapi.json, so a change to the API shows in
/// review. Regenerate it with: INSATSFLOW_SKRIV_OPENAPI=1 dotnet test tests/InsatsFlow.Web.Tests --filter OpenApiKontraktTests
/// </summary>
public sealed class OpenApiKontraktTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static readonly JsonSerializerOptions Indraget = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Sokvag => Path.Combine(RepoRoot(), "docs", "openapi.json");

    private async Task<JsonNode> ServeratAsync()
    {
        var client = await vard.SomAsync("anonym");
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    [Fact]
    public async Task Det_serverade_dokumentet_ar_det_inlagda_docs_openapi_json()
    {
        var serverat = (await ServeratAsync()).ToJsonString(Indraget) + "\n";
        if (Environment.GetEnvironmentVariable("INSATSFLOW_SKRIV_OPENAPI") == "1") await File.WriteAllTextAsync(Sokvag, serverat);

        var inlagt = File.Exists(Sokvag) ? await File.ReadAllTextAsync(Sokvag) : "";

        inlagt.ReplaceLineEndings("\n").Should().Be(serverat,
            "docs/openapi.json ska vara det dokument som servas; skriv om det med INSATSFLOW_SKRIV_OPENAPI=1 dotnet test tests/InsatsFlow.Web.Tests --filter OpenApiKontraktTests och granska ändringen");
    }

    [Fact]
    public async Task Varje_operation_har_ett_unikt_operationId_en_sammanfattning_taggar_och_ett_4xx_svar()
    {
        var dokument = await ServeratAsync();
        var ids = new List<string>();

        foreach (var (sokvag, metoder) in dokument["paths"]!.AsObject())
            foreach (var (metod, operation) in metoder!.AsObject())
            {
                var namn = $"{metod.ToUpperInvariant()} {sokvag}";
                ids.Add(operation!["operationId"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"{namn} saknar operationId"));
                operation["summary"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace("{0} ska ha en sammanfattning", namn);
                operation["tags"]!.AsArray().Should().NotBeEmpty("{0} ska ha en tagg", namn);
                operation["responses"]!.AsObject().Select(r => r.Key).Should().Contain(k => k.StartsWith('4'), "{0} ska beskriva sina fel", namn);
            }

        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Kakan_och_bearer_token_ar_deklarerade_och_kravs_av_varje_anrop_som_kraver_inloggning()
    {
        var dokument = await ServeratAsync();

        dokument["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Should().BeEquivalentTo(["kaka", "bearer"]);
        var insatser = dokument["paths"]!["/api/insatser"]!["get"]!;
        insatser["security"]!.AsArray().Select(k => k!.AsObject().Single().Key).Should().BeEquivalentTo(["kaka", "bearer"]);
        insatser["responses"]!["401"]!["content"]!["application/problem+json"].Should().NotBeNull();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InsatsFlow.sln hittades inte ovanför testerna.");
    }
}
