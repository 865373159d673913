using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Formular;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Dokument;

public sealed class ForbundensMallarOchFormularTests() : ForbundensMallarOchFormularFall(DatabaseProvider.Sqlite);

public sealed class ForbundensMallarOchFormularPaPostgresTests() : ForbundensMallarOchFormularFall(DatabaseProvider.Postgres);

/// <summary>
/// A förbund's own document templates and forms on the real host: its kansli publishes and withdraws them, another
/// förbund never sees or gets them (404), and a bad template is a 400 naming the template and line that stores nothing.
/// </summary>
public abstract class ForbundensMallarOchFormularFall(DatabaseProvider databas) : IAsyncLifetime
{
    private const string NordvikKansli = "kansli.nordvik@demo.insatsflow.se";
    private readonly InsatsFlowFactory factory = new(provider: databas);

    public Task InitializeAsync()
    {
        _ = factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static async Task<HttpResponseMessage> PubliceraAsync(HttpClient client, string namn, string text) =>
        await client.PostAsJsonAsync($"/api/forbund/mallar/{namn}/versioner", new { text });

    private static async Task<JsonElement> MallenAsync(HttpClient client, string namn) =>
        (await client.GetFromJsonAsync<JsonElement[]>("/api/forbund/mallar"))!.Single(m => m.GetProperty("namn").GetString() == namn);

    [Fact]
    public async Task Kansliet_publicerar_forbundets_beslutsbrev_och_det_andra_forbundet_har_kvar_det_levererade()
    {
        var nordvik = await factory.LoggaInAsync(NordvikKansli);
        var demo = await factory.LoggaInAsync(Inloggning.Kansli);

        using var svar = await PubliceraAsync(nordvik, "beslutsbrev", "<p>Beslut</p>\n<p>Nordviks underskrift</p>");

        svar.StatusCode.Should().Be(HttpStatusCode.Created);
        (await MallenAsync(nordvik, "beslutsbrev")).GetProperty("version").GetInt32().Should().Be(1);
        (await MallenAsync(demo, "beslutsbrev")).GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);
        (await demo.GetFromJsonAsync<JsonElement>("/api/forbund/mallar/beslutsbrev")).GetProperty("text").GetString().Should().NotContain("Nordviks underskrift");
    }

    [Fact]
    public async Task Ett_annat_forbunds_mallversion_finns_inte_och_kan_inte_aterkallas()
    {
        var nordvik = await factory.LoggaInAsync(NordvikKansli);
        var demo = await factory.LoggaInAsync(Inloggning.Kansli);
        (await PubliceraAsync(nordvik, "beslutsbrev", "<p>Nordvik</p>")).EnsureSuccessStatusCode();

        using var version = await demo.GetAsync("/api/forbund/mallar/beslutsbrev/versioner/1");
        using var aterkalla = await demo.PostAsync("/api/forbund/mallar/beslutsbrev/aterkalla", null);

        version.StatusCode.Should().Be(HttpStatusCode.NotFound);
        aterkalla.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await MallenAsync(nordvik, "beslutsbrev")).GetProperty("version").GetInt32().Should().Be(1, "the other förbund's attempt changed nothing");
    }

    [Fact]
    public async Task En_mall_med_fel_ger_400_med_mallens_namn_och_rad_och_inget_sparas()
    {
        var nordvik = await factory.LoggaInAsync(NordvikKansli);

        using var svar = await PubliceraAsync(nordvik, "beslutsbrev", "<p>Hej</p>\n{{ if }}");
        var text = await svar.Content.ReadAsStringAsync();

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        text.Should().Contain("\"text\"").And.Contain("Mallen beslutsbrev rad 2").And.Contain("inget har sparats");
        (await nordvik.GetFromJsonAsync<JsonElement>("/api/forbund/mallar/beslutsbrev")).GetProperty("versioner").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Aterkallad_mall_ger_den_levererade_igen_och_versionerna_finns_kvar()
    {
        var nordvik = await factory.LoggaInAsync(NordvikKansli);
        (await PubliceraAsync(nordvik, "tjansteskrivelse", "<p>Nordviks tjänsteskrivelse</p>")).EnsureSuccessStatusCode();

        using var svar = await nordvik.PostAsync("/api/forbund/mallar/tjansteskrivelse/aterkalla", null);
        var mall = await nordvik.GetFromJsonAsync<JsonElement>("/api/forbund/mallar/tjansteskrivelse");

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        mall.GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);
        mall.GetProperty("versioner").EnumerateArray().Select(v => v.GetProperty("aterkallad").GetBoolean()).Should().Equal(false, true);
    }

    [Fact]
    public async Task Revisorn_laser_mallarna_men_publicerar_inte()
    {
        var revisor = await factory.LoggaInAsync(Inloggning.Revisor);

        using var lista = await revisor.GetAsync("/api/forbund/mallar");
        using var publicera = await PubliceraAsync(revisor, "beslutsbrev", "<p>Revisorn</p>");

        lista.StatusCode.Should().Be(HttpStatusCode.OK);
        publicera.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task En_okand_mall_ger_404()
    {
        var nordvik = await factory.LoggaInAsync(NordvikKansli);

        using var svar = await PubliceraAsync(nordvik, "finns-inte", "<p>x</p>");

        svar.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<Guid> ForbundAsync(string organisationsnummer)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Forbund
            .Where(f => f.Organisationsnummer == organisationsnummer).Select(f => f.Id).SingleAsync();
    }

    private async Task PubliceraNordviksFormularAsync(string formKey)
    {
        var nordvik = await ForbundAsync(DemoSeeder.NordvikOrganisationsnummer);
        await using var scope = factory.Services.CreateAsyncScope();
        var versioner = scope.ServiceProvider.GetRequiredService<Formularversioner>();
        var schema = (await versioner.GallandeAsync(formKey, null))!.Schema;
        var (version, fel) = await versioner.PubliceraAsync(formKey, nordvik, schema.Replace("\"label\": \"", "\"label\": \"Nordvik: "), NordvikKansli);
        fel.Should().BeEmpty();
        version.Should().NotBeNull();
    }

    [Fact]
    public async Task Formularlistan_visar_forbundets_egna_formular_bara_for_forbundet()
    {
        await PubliceraNordviksFormularAsync("budgetsamrad");
        var nordvik = await factory.LoggaInAsync(NordvikKansli);
        var demo = await factory.LoggaInAsync(Inloggning.Kansli);

        var nordviks = WebUtility.HtmlDecode(await nordvik.GetStringAsync("/formular"));
        var demos = WebUtility.HtmlDecode(await demo.GetStringAsync("/formular"));

        nordviks.Should().Contain("Förbundets egen");
        demos.Should().NotContain("Förbundets egen").And.Contain("Standard (levererat)");
    }

    [Fact]
    public async Task Formularredigeraren_oppnar_forbundets_version_och_det_andra_forbundet_far_standardformularet()
    {
        await PubliceraNordviksFormularAsync("budgetsamrad");
        var nordvik = await factory.LoggaInAsync(NordvikKansli);
        var demo = await factory.LoggaInAsync(Inloggning.Kansli);

        var nordviks = WebUtility.HtmlDecode(await nordvik.GetStringAsync("/formular/budgetsamrad"));
        var demos = WebUtility.HtmlDecode(await demo.GetStringAsync("/formular/budgetsamrad"));

        nordviks.Should().Contain("förbundets egen version 1");
        demos.Should().Contain("standardformuläret").And.NotContain("förbundets egen version");
    }
}
