using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Web.Features.Regelverk;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Regelverk;

public sealed class KonsekvensanalysApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<string> BalanskravAsync() => vard.MedTjansterAsync(sp =>
        File.ReadAllTextAsync(Path.Combine(sp.GetRequiredService<RuleCatalogueHolder>().Directory, "balanskrav", "2024.1.json")));

    [Fact]
    public async Task Ett_utkast_utan_andring_provas_om_utan_att_nagot_andras_eller_sparas()
    {
        var jurist = await vard.SomAsync(Roller.Jurist);
        var fore = (await jurist.GetFromJsonAsync<JsonElement>("/api/regelverk/balanskrav/tillampningar")).GetArrayLength();

        var response = await jurist.PostAsync("/api/regelverk/konsekvensanalys?alla=true", Json(await BalanskravAsync()));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rapport = await response.Content.ReadFromJsonAsync<JsonElement>();
        rapport.GetProperty("antalIUrvalet").GetInt32().Should().Be(fore);
        rapport.GetProperty("antalAndrade").GetInt32().Should().Be(0);
        (await jurist.GetFromJsonAsync<JsonElement>("/api/regelverk/balanskrav/tillampningar")).GetArrayLength().Should().Be(fore);
    }

    [Fact]
    public async Task Ett_felaktigt_utkast_ger_400_med_sokvag_och_regel()
    {
        var jurist = await vard.SomAsync(Roller.Jurist);
        var utkast = (await BalanskravAsync()).Replace("budget.intakter > budget.kostnader", "budget.intakterna > budget.kostnader");

        var response = await jurist.PostAsync("/api/regelverk/konsekvensanalys", Json(utkast));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fel = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        fel.EnumerateObject().Single().Value[0].GetString().Should().Contain("utkast.json").And.Contain("IntakterOverstigerKostnader");
    }

    [Fact]
    public async Task Rapporten_kan_hamtas_som_csv()
    {
        var jurist = await vard.SomAsync(Roller.Jurist);

        var response = await jurist.PostAsync("/api/regelverk/konsekvensanalys/csv?alla=true", Json(await BalanskravAsync()));

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var innehall = await response.Content.ReadAsByteArrayAsync();
        innehall.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel känner igen UTF-8 på byteordningsmärket");
        Encoding.UTF8.GetString(innehall[3..]).Should().StartWith("Status;Diarienummer;Titel;Budgetår;Datum;Tillämpad version");
    }

    [Fact]
    public async Task Jamforelsen_visar_balanskravets_andring_2024()
    {
        var diff = await (await vard.SomAsync(Roller.Revisor)).GetFromJsonAsync<JsonElement>("/api/regelverk/balanskrav/jamforelse?fran=2004.1&till=2024.1");

        diff.GetProperty("giltigFran").GetProperty("till").GetString().Should().Be("2024-01-01");
        diff.GetProperty("regler").EnumerateArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task En_okand_version_i_jamforelsen_ger_400_som_namner_versionerna()
    {
        var response = await (await vard.SomAsync(Roller.Jurist)).GetAsync("/api/regelverk/balanskrav/jamforelse?fran=1999.1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("2004.1, 2024.1");
    }

    [Fact]
    public async Task Underlaget_for_en_budget_ar_det_en_regelkontroll_skulle_fa()
    {
        var underlag = await (await vard.SomAsync(Roller.Jurist)).GetFromJsonAsync<JsonElement>("/api/regelverk/balanskrav/underlag?arende=2026&datum=2025-11-22");

        var budget = underlag.GetProperty("indata").GetProperty("budget");
        budget.GetProperty("budgetar").GetInt32().Should().Be(2026);
        budget.GetProperty("intakter").GetDecimal().Should().BePositive();
        budget.TryGetProperty("samrad", out _).Should().BeFalse("bara fälten som balanskrav läser byggs");
    }

    [Fact]
    public async Task Provningsformularet_har_ett_falt_per_varde_och_ger_samma_indata_som_json()
    {
        var katalog = await vard.MedTjansterAsync(sp => Task.FromResult(sp.GetRequiredService<RuleCatalogueHolder>()));
        var medlemsandelar = katalog.Current.Choose("medlemsandelar", new DateOnly(2026, 1, 1));

        var falt = Provningsformular.Falt(medlemsandelar, Regelunderlag.Vyer);
        var (indata, fel) = Provningsformular.TillIndata(medlemsandelar, new Dictionary<string, string?>
        {
            ["fordelning.medlemsavgifter"] = "Försäkringskassan; forsakringskassan; 2 000 000\nRegion Dalarna; region; 1000000,50",
        });

        falt.Should().ContainSingle().Which.Should().Match<Formularfalt>(f => f.Namn == "fordelning.medlemsavgifter" && f.Typ == "tabell"
            && f.Kolumner.SequenceEqual(new[] { "medlem", "typ", "belopp" }) && f.Hjalp!.Contains("en rad per post"));
        fel.Should().BeEmpty();
        indata!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Should().Be("""{"fordelning":{"medlemsavgifter":[{"medlem":"Försäkringskassan","typ":"forsakringskassan","belopp":2000000},{"medlem":"Region Dalarna","typ":"region","belopp":1000000.50}]}}""");
        Provningsformular.FranIndata(medlemsandelar, JsonSerializer.SerializeToElement(indata))["fordelning.medlemsavgifter"]
            .Should().Be("Försäkringskassan; forsakringskassan; 2000000\nRegion Dalarna; region; 1000000.50");
    }

    [Fact]
    public async Task Provningsformularet_namner_faltet_som_inte_ar_ett_tal_eller_datum()
    {
        var katalog = await vard.MedTjansterAsync(sp => Task.FromResult(sp.GetRequiredService<RuleCatalogueHolder>()));
        var budgetbeslut = katalog.Current.Choose("budgetbeslut", new DateOnly(2026, 1, 1));

        var (indata, fel) = Provningsformular.TillIndata(budgetbeslut, new Dictionary<string, string?>
        {
            ["budget.budgetar"] = "tjugotjugosju", ["budget.antagenDatum"] = "30 november",
        });

        indata.Should().BeNull();
        fel.Should().Contain(("budget.budgetar", "\"tjugotjugosju\" är inte ett heltal")).And.Contain(("budget.antagenDatum", "\"30 november\" är inte ett datum ÅÅÅÅ-MM-DD"));
    }

    [Fact]
    public async Task Regler_visar_ett_genererat_formular_for_det_valda_regelverket()
    {
        var html = await (await vard.SomAsync(Roller.Jurist)).GetStringAsync("/regler?regelverk=malgrupp&datum=2026-03-01");

        html.Should().Contain("name=\"f:insats.malgruppAlderFran\"").And.Contain("Hämta underlag").And.Contain("Indata som JSON").And.Contain("Kommande ändringar");
    }
}
