using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Instanser;

/// <summary>One host for the class; each test deploys and starts what it needs under its own process id.</summary>
public sealed class InstanserApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private Task<HttpClient> KansliAsync() => vard.SomAsync(Roller.Kansli);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> HamtaAsync(string url, string roll = Roller.Kansli)
    {
        var response = await (await vard.SomAsync(roll)).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> FelAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Instansens_lage_visar_status_aktivt_element_variabler_och_oppen_uppgift()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("lage"));
        var id = await vard.StartaAsync("lage", "DNR-2026-001");

        var lage = await HamtaAsync($"/api/instanser/{id}", Roller.Revisor);

        lage.GetProperty("instans").GetProperty("status").GetString().Should().Be("Running");
        lage.GetProperty("instans").GetProperty("affarsnyckel").GetString().Should().Be("DNR-2026-001");
        lage.GetProperty("aktivaElement").EnumerateArray().Select(e => e.GetProperty("elementId").GetString()).Should().Equal("Granska");
        var uppgift = lage.GetProperty("oppnaUppgifter").EnumerateArray().Single();
        uppgift.GetProperty("elementId").GetString().Should().Be("Granska");
        uppgift.GetProperty("kandidatgrupper").EnumerateArray().Select(g => g.GetString()).Should().Equal("kansli");
    }

    [Fact]
    public async Task Journalen_for_en_riktig_instans_ar_obruten()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("journal"));
        var id = await vard.StartaAsync("journal");

        var journal = (await HamtaAsync($"/api/instanser/{id}/journal")).GetProperty("poster");
        var verifiering = await HamtaAsync($"/api/instanser/{id}/journal/verifiering", Roller.Revisor);

        journal.GetArrayLength().Should().BeGreaterThan(1);
        journal.EnumerateArray().Select(p => p.GetProperty("nummer").GetInt64()).Should().BeInAscendingOrder();
        verifiering.GetProperty("obruten").GetBoolean().Should().BeTrue();
        verifiering.GetProperty("poster").GetInt32().Should().Be(journal.GetArrayLength());
    }

    [Fact]
    public async Task En_andrad_journalpost_pekas_ut_som_forsta_brutna_post()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("manipulerad"));
        var id = await vard.StartaAsync("manipulerad");
        await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE EngineJournal SET UserId = 'någon annan' WHERE InstanceId = {id} AND Sequence = 2"));

        var verifiering = await HamtaAsync($"/api/instanser/{id}/journal/verifiering");

        verifiering.GetProperty("obruten").GetBoolean().Should().BeFalse();
        verifiering.GetProperty("forstaBrutnaPost").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task En_okand_instans_ger_404_pa_varje_anrop()
    {
        var kansli = await KansliAsync();
        foreach (var url in new[] { "/api/instanser/finns-inte", "/api/instanser/finns-inte/journal", "/api/instanser/finns-inte/journal/verifiering", "/api/instanser/finns-inte/incidenter" })
            (await kansli.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        (await kansli.PostAsync("/api/instanser/finns-inte/migrering/provkorning", Json("""{"malDefinition":"x:1"}"""))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await kansli.PostAsync("/api/instanser/finns-inte/incidenter/x/forsok-igen", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task En_incident_syns_och_ett_nytt_forsok_atgardar_den()
    {
        await vard.DriftsattAsync(Provfloden.Fallerande("incident"));
        var id = await vard.StartaAsync("incident");
        var incident = (await HamtaAsync($"/api/instanser/{id}/incidenter", Roller.Revisor)).EnumerateArray().Single();
        incident.GetProperty("elementId").GetString().Should().Be("Skicka");
        incident.GetProperty("meddelande").GetString().Should().Contain("finns-inte");
        var incidentId = incident.GetProperty("id").GetString();

        var response = await (await KansliAsync()).PostAsync($"/api/instanser/{id}/incidenter/{incidentId}/forsok-igen", Json("""{"variabler":{"forsok":2}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var alla = (await HamtaAsync($"/api/instanser/{id}/incidenter?alla=true")).EnumerateArray().ToList();
        alla.Single(i => i.GetProperty("id").GetString() == incidentId).GetProperty("atgardad").ValueKind.Should().NotBe(JsonValueKind.Null);
        // The handler still does not exist, so the step fails again: a new incident, which the journal tells too.
        alla.Should().HaveCount(2);
        (await HamtaAsync($"/api/instanser/{id}")).GetProperty("variabler").GetProperty("forsok").GetDecimal().Should().Be(2m);
    }

    [Fact]
    public async Task Samma_x_requestid_gor_bara_ett_nytt_forsok()
    {
        await vard.DriftsattAsync(Provfloden.Fallerande("en-gang"));
        var id = await vard.StartaAsync("en-gang");
        var incidentId = (await HamtaAsync($"/api/instanser/{id}/incidenter")).EnumerateArray().Single().GetProperty("id").GetString();
        var nyckel = Guid.NewGuid().ToString();
        HttpRequestMessage Begaran() => new(HttpMethod.Post, $"/api/instanser/{id}/incidenter/{incidentId}/forsok-igen") { Headers = { { "x-requestid", nyckel } } };
        var kansli = await KansliAsync();

        var forsta = await kansli.SendAsync(Begaran());
        var andra = await kansli.SendAsync(Begaran());

        forsta.StatusCode.Should().Be(HttpStatusCode.OK);
        andra.StatusCode.Should().Be(HttpStatusCode.OK);
        (await andra.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyDone").GetBoolean().Should().BeTrue();
        (await HamtaAsync($"/api/instanser/{id}/incidenter?alla=true")).GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Samma_x_requestid_med_andra_uppgifter_nekas_med_422_och_gor_inget_nytt_forsok()
    {
        await vard.DriftsattAsync(Provfloden.Fallerande("annan-last"));
        var id = await vard.StartaAsync("annan-last");
        var incidentId = (await HamtaAsync($"/api/instanser/{id}/incidenter")).EnumerateArray().Single().GetProperty("id").GetString();
        var nyckel = Guid.NewGuid().ToString();
        HttpRequestMessage Begaran(int forsok) => new(HttpMethod.Post, $"/api/instanser/{id}/incidenter/{incidentId}/forsok-igen")
        {
            Headers = { { "x-requestid", nyckel } }, Content = Json("{\"variabler\":{\"forsok\":" + forsok + "}}"),
        };
        var kansli = await KansliAsync();

        (await kansli.SendAsync(Begaran(2))).StatusCode.Should().Be(HttpStatusCode.OK);
        var andra = await kansli.SendAsync(Begaran(3));

        andra.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await andra.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Contain("redan använd");
        problem.GetProperty("detail").GetString().Should().Contain(nyckel).And.Contain("andra uppgifter");
        (await HamtaAsync($"/api/instanser/{id}")).GetProperty("variabler").GetProperty("forsok").GetDecimal().Should().Be(2m);
    }

    [Fact]
    public async Task Provkorning_av_migrering_visar_planen_och_andrar_ingenting()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("flytt"));
        var id = await vard.StartaAsync("flytt");
        await vard.DriftsattAsync(Provfloden.GranskningVersion2("flytt"));

        var response = await (await KansliAsync()).PostAsync($"/api/instanser/{id}/migrering/provkorning", Json("""{"malDefinition":"flytt:2"}"""));

        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        plan.GetProperty("valid").GetBoolean().Should().BeTrue();
        plan.GetProperty("steps").EnumerateArray().Single().GetProperty("to").GetString().Should().Be("Granska");
        (await HamtaAsync($"/api/instanser/{id}")).GetProperty("instans").GetProperty("definition").GetString().Should().Be("flytt:1");
    }

    [Fact]
    public async Task Migrering_flyttar_instansen_till_den_nya_versionen()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("flyttas"));
        var id = await vard.StartaAsync("flyttas");
        await vard.DriftsattAsync(Provfloden.GranskningVersion2("flyttas"));

        var response = await (await KansliAsync()).PostAsync($"/api/instanser/{id}/migrering", Json("""{"malDefinition":"flyttas:2"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var lage = await HamtaAsync($"/api/instanser/{id}");
        lage.GetProperty("instans").GetProperty("definition").GetString().Should().Be("flyttas:2");
        (await HamtaAsync($"/api/instanser/{id}/journal/verifiering")).GetProperty("obruten").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Migrering_till_en_version_som_inte_finns_ger_400_som_namnger_malDefinition_och_instansen_star_kvar()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("ingen-flytt"));
        var id = await vard.StartaAsync("ingen-flytt");

        var fel = await FelAsync(await (await KansliAsync()).PostAsync($"/api/instanser/{id}/migrering", Json("""{"malDefinition":"ingen-flytt:9"}""")));

        fel.GetProperty("malDefinition").EnumerateArray().Single().GetString().Should().Contain("ingen-flytt:9");
        (await HamtaAsync($"/api/instanser/{id}")).GetProperty("instans").GetProperty("definition").GetString().Should().Be("ingen-flytt:1");
    }

    [Fact]
    public async Task Felaktig_JSON_ger_400_som_namnger_sokvagen()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("json-fel"));
        var id = await vard.StartaAsync("json-fel");
        var kansli = await KansliAsync();

        var typfel = await FelAsync(await kansli.PostAsync($"/api/instanser/{id}/migrering/provkorning", Json("""{"malDefinition": 7}""")));
        var saknas = await FelAsync(await kansli.PostAsync($"/api/instanser/{id}/migrering/provkorning", Json("""{"mappning": {}}""")));
        var okant = await FelAsync(await kansli.PostAsync($"/api/instanser/{id}/migrering/provkorning", Json("""{"malDefinition":"json-fel:1","mapping":{}}""")));

        typfel.TryGetProperty("$.malDefinition", out _).Should().BeTrue(typfel.ToString());
        saknas.EnumerateObject().Single().Value[0].GetString().Should().Contain("malDefinition");
        okant.EnumerateObject().Single().Value[0].GetString().Should().Contain("okänt fält").And.Contain("mapping");
    }
}
