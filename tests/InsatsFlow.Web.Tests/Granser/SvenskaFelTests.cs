using System.Net;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Granser;

/// <summary>Malformed JSON gets a Swedish 400 that names where it went wrong, never a 500; nothing changes.</summary>
public sealed class SvenskaFelTests(ApiVard vard) : IClassFixture<ApiVard>
{
    public static readonly TheoryData<string> TreAnrop = new()
    {
        "/api/insatser",
        "/api/uppgifter/finns-inte/slutfor",
        "/api/tidsfrister/uppgifter/finns-inte/flytta",
    };

    private async Task<(HttpStatusCode Status, JsonElement Problem)> SkickaAsync(string url, string innehall, string typ = "application/json")
    {
        var klient = await vard.SomAsync(Roller.Kansli);
        var svar = await klient.PostAsync(url, new StringContent(innehall, Encoding.UTF8, typ));
        var text = await svar.Content.ReadAsStringAsync();
        return (svar.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [MemberData(nameof(TreAnrop))]
    public async Task Felaktig_json_ger_400_pa_svenska_med_rad_och_position(string url)
    {
        var (status, problem) = await SkickaAsync(url, "{\"titel\": \"Stöd\",\n  \"sokandeOrganisation\": }");
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().Should().Be("Begärans JSON är inte giltig; inget har ändrats.");
        var detalj = problem.GetProperty("detail").GetString();
        detalj.Should().Contain("rad 2, position").And.Contain("ogiltigt tecken").And.NotContain("invalid");
        problem.GetProperty("errors").EnumerateObject().Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(TreAnrop))]
    public async Task Ett_varde_av_fel_typ_namnger_faltet(string url)
    {
        var (status, problem) = await SkickaAsync(url, """{"titel": 5, "variabler": 5, "nyttDatum": 5, "version": "x"}""");
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("$.").And.Contain("fel typ");
    }

    [Theory]
    [MemberData(nameof(TreAnrop))]
    public async Task Fel_innehallstyp_ger_415_pa_svenska(string url)
    {
        var (status, problem) = await SkickaAsync(url, "titel=x", "text/plain");
        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("title").GetString().Should().Be("Innehållstypen stöds inte; inget har ändrats.");
        problem.GetProperty("detail").GetString().Should().Contain("text/plain").And.Contain("application/json");
    }

    [Fact]
    public async Task En_for_stor_begaran_ger_413_pa_svenska_med_gransen()
    {
        var (status, problem) = await SkickaAsync("/api/insatser", "{\"titel\": \"" + new string('x', 5 * 1024 * 1024) + "\"}");
        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().Should().Contain("MaxStorlekByte");
    }

    [Fact]
    public async Task En_adress_som_inte_finns_ger_404_pa_svenska()
    {
        var svar = await (await vard.SomAsync(Roller.Kansli)).GetAsync("/api/finns-inte");
        svar.StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be("Finns inte.");
    }

    [Fact]
    public async Task Fel_metod_ger_405_pa_svenska()
    {
        var svar = await (await vard.SomAsync(Roller.Kansli)).DeleteAsync("/api/insatser");
        svar.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be("Metoden är inte tillåten här.");
    }

    [Fact]
    public async Task Utan_inloggning_ger_api_401_pa_svenska()
    {
        var svar = await (await vard.SomAsync("anonym")).GetAsync("/api/insatser");
        svar.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be("Du är inte inloggad.");
    }

    [Fact]
    public async Task Fel_roll_ger_403_pa_svenska()
    {
        var svar = await (await vard.SomAsync(Roller.Revisor)).PostAsync("/api/insatser", new StringContent("{}", Encoding.UTF8, "application/json"));
        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Be("Du har inte behörighet.");
    }
}
