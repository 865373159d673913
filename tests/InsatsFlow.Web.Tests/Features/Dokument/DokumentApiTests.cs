using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Dokument;

public sealed class DokumentApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private Task<(Guid Id, string Diarienummer)> AnnanInsatsAsync() =>
        vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Insatser
            .Where(i => i.Titel != "Hälsodisken").OrderBy(i => i.Diarienummer).Select(i => new ValueTuple<Guid, string>(i.Id, i.Diarienummer)).FirstAsync());

    [Fact]
    public async Task Ett_dokument_hamtas_som_utskriftsklar_HTML()
    {
        var id = await vard.ArkiveraAsync(await vard.NyInstansAsync(), null, "<!DOCTYPE html><html lang=\"sv\"><body><h1>Protokollsutdrag</h1></body></html>");

        var response = await (await vard.SomAsync(Roller.Styrelse)).GetAsync($"/api/dokument/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<h1>Protokollsutdrag</h1>");
    }

    [Fact]
    public async Task En_instans_dokument_listas_aldsta_forst()
    {
        var instans = await vard.NyInstansAsync();
        var forsta = await vard.ArkiveraAsync(instans, null);
        var andra = await vard.ArkiveraAsync(instans, null);

        var lista = (await (await vard.SomAsync(Roller.Beredningsgrupp)).GetFromJsonAsync<JsonElement>($"/api/dokument?instans={instans}")).GetProperty("poster");

        lista.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Should().Equal(forsta, andra);
        lista[0].GetProperty("url").GetString().Should().Be($"/api/dokument/{forsta}");
        lista[0].GetProperty("typ").GetString().Should().Be("Beslutsbrev");
    }

    [Fact]
    public async Task En_sokande_laser_dokument_for_sin_insats_men_inte_for_andras()
    {
        var instans = await vard.NyInstansAsync();
        var annan = await AnnanInsatsAsync();
        var egetViaId = await vard.ArkiveraAsync(instans, (await vard.InsatsIdAsync("Hälsodisken")).ToString());
        var andrasViaId = await vard.ArkiveraAsync(instans, annan.Id.ToString());
        var andrasViaDiarienummer = await vard.ArkiveraAsync(instans, annan.Diarienummer);
        var utanInsats = await vard.ArkiveraAsync(instans, null);
        var sokande = await vard.SomAsync(Roller.Sokande);

        (await sokande.GetAsync($"/api/dokument/{egetViaId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await sokande.GetAsync($"/api/dokument/{andrasViaId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sokande.GetAsync($"/api/dokument/{andrasViaDiarienummer}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sokande.GetAsync($"/api/dokument/{utanInsats}/uppgifter")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var lista = (await sokande.GetFromJsonAsync<JsonElement>($"/api/dokument?instans={instans}")).GetProperty("poster");
        lista.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Should().Equal(egetViaId);
        var kanslietsLista = (await (await vard.SomAsync(Roller.Kansli)).GetFromJsonAsync<JsonElement>($"/api/dokument?instans={instans}")).GetProperty("poster");
        kanslietsLista.GetArrayLength().Should().Be(4);
    }

    [Fact]
    public async Task Listning_utan_instans_ger_400_som_namnger_faltet()
    {
        var response = await (await vard.SomAsync(Roller.Kansli)).GetAsync("/api/dokument");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("instans", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Ett_okant_dokument_ger_404()
    {
        var response = await (await vard.SomAsync(Roller.Revisor)).GetAsync($"/api/dokument/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
