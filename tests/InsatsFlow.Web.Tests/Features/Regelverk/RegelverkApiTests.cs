using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Regelverk;

public sealed class RegelverkApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private Task<HttpClient> JuristAsync() => vard.SomAsync(Roller.Jurist);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> FelAsync(string body)
    {
        var response = await (await JuristAsync()).PostAsync("/api/regelverk/malgrupp/prova", Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Listan_visar_varje_version_med_giltigFran_rattslig_grund_beskrivning_och_parametrar()
    {
        var lista = await (await vard.SomAsync(Roller.Revisor)).GetFromJsonAsync<JsonElement>("/api/regelverk");

        var malgrupp = lista.EnumerateArray().Single(r => r.GetProperty("namn").GetString() == "malgrupp");
        var version = malgrupp.GetProperty("versioner").EnumerateArray().Single();
        version.GetProperty("version").GetString().Should().Be("2004.1");
        version.GetProperty("giltigFran").GetString().Should().Be("2004-01-01");
        version.GetProperty("rattsligGrund").EnumerateArray().Select(g => g.GetString()).Should().Contain("SFS 2003:1210 (FINSAM) 2 §");
        version.GetProperty("beskrivning").GetString().Should().Contain("FINSAM 2 §");
        version.GetProperty("parametrar").GetProperty("lagstaAlder").GetInt32().Should().Be(16);
        version.GetProperty("regler").EnumerateArray().Select(r => r.GetProperty("namn").GetString()).Should().Contain("MalgruppInteUnder16");
    }

    [Fact]
    public async Task En_provning_ger_utfall_per_regel_och_sparar_ingenting()
    {
        var jurist = await JuristAsync();
        var fore = (await jurist.GetFromJsonAsync<JsonElement>("/api/regelverk/malgrupp/tillampningar")).GetArrayLength();

        var response = await jurist.PostAsync("/api/regelverk/malgrupp/prova",
            Json("""{"datum":"2026-03-01","indata":{"insats":{"malgruppAlderFran":15,"malgruppAlderTill":24}}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var resultat = await response.Content.ReadFromJsonAsync<JsonElement>();
        resultat.GetProperty("version").GetString().Should().Be("2004.1");
        var regler = resultat.GetProperty("regler").EnumerateArray().ToDictionary(r => r.GetProperty("regel").GetString()!, r => r.GetProperty("utfall").GetString());
        regler["MalgruppInteUnder16"].Should().Be("EjUppfylld");
        regler["AldersintervallGiltigt"].Should().Be("Uppfylld");
        resultat.GetProperty("uppfylld").GetBoolean().Should().BeFalse();
        (await jurist.GetFromJsonAsync<JsonElement>("/api/regelverk/malgrupp/tillampningar")).GetArrayLength().Should().Be(fore);
    }

    [Fact]
    public async Task Indata_av_fel_typ_ger_400_som_namnger_json_sokvagen()
    {
        var fel = await FelAsync("""{"datum":"2026-03-01","indata":{"insats":{"malgruppAlderFran":"arton","malgruppAlderTill":24}}}""");

        fel.EnumerateObject().Single().Name.Should().Be("$.indata.insats.malgruppAlderFran");
    }

    [Fact]
    public async Task Saknad_indata_ger_400_som_namnger_parametern()
    {
        var fel = await FelAsync("""{"datum":"2026-03-01","indata":{}}""");

        fel.EnumerateObject().Single().Name.Should().Be("$.indata.insats");
    }

    [Fact]
    public async Task Trasig_JSON_ger_400_som_namnger_platsen()
    {
        var fel = await FelAsync("""{"datum":"2026-03-01","indata":{"insats": }}""");

        var (namn, meddelande) = (fel.EnumerateObject().Single().Name, fel.EnumerateObject().Single().Value[0].GetString());
        namn.Should().Be("$.indata");
        meddelande.Should().Contain("rad 1, position");
    }

    [Fact]
    public async Task Ett_datum_som_inte_ar_ett_datum_eller_fore_forsta_versionen_ger_400_pa_datum()
    {
        (await FelAsync("""{"datum":"1 mars","indata":{}}""")).EnumerateObject().Single().Name.Should().Be("$.datum");
        (await FelAsync("""{"datum":"2003-01-01","indata":{}}""")).GetProperty("$.datum")[0].GetString().Should().Contain("2004-01-01");
        (await FelAsync("""{"datum":"2026-03-01","version":"1999.9","indata":{}}""")).EnumerateObject().Single().Name.Should().Be("$.version");
    }

    [Fact]
    public async Task Juristernas_testfall_for_malgrupp_gar_igenom()
    {
        var korning = await (await vard.SomAsync(Roller.Revisor)).GetFromJsonAsync<JsonElement>("/api/regelverk/tester?regelverk=malgrupp");

        korning.GetProperty("antal").GetInt32().Should().BeGreaterThan(0);
        korning.GetProperty("godkanda").GetInt32().Should().Be(korning.GetProperty("antal").GetInt32(), korning.ToString());
        korning.GetProperty("resultat").EnumerateArray().Should().OnlyContain(r => r.GetProperty("regelverk").GetString() == "malgrupp");
    }

    [Fact]
    public async Task Tillampningarna_visar_var_en_version_anvants()
    {
        var instans = "instans-" + Guid.NewGuid().ToString("N");
        await vard.MedTjansterAsync(async sp =>
        {
            var resultat = await sp.GetRequiredService<RuleEvaluator>().EvaluateAsync("malgrupp", new DateOnly(2026, 3, 1), null,
                JsonDocument.Parse("""{"insats":{"malgruppAlderFran":18,"malgruppAlderTill":29}}""").RootElement);
            await sp.GetRequiredService<IEvaluationRecorder>().RecordAsync(resultat, new EvaluationContext(instans, "Regel_malgrupp"), default);
            return await sp.GetRequiredService<InsatsFlowDbContext>().SaveChangesAsync();
        });

        var tillampningar = await (await JuristAsync()).GetFromJsonAsync<JsonElement>("/api/regelverk/malgrupp/tillampningar?version=2004.1");

        tillampningar.EnumerateArray().Should().Contain(t => t.GetProperty("context").GetProperty("processInstanceId").GetString() == instans);
    }

    [Fact]
    public async Task Ett_okant_regelverk_ger_404()
    {
        var jurist = await JuristAsync();

        (await jurist.GetAsync("/api/regelverk/finns-inte")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await jurist.PostAsync("/api/regelverk/finns-inte/prova", Json("""{"datum":"2026-03-01","indata":{}}"""))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
