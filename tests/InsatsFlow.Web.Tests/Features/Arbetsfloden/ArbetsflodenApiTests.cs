using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Features.Arbetsfloden;

public sealed class ArbetsflodenApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private sealed record Utkast(Guid Id, string? ProcessNyckel, string? Namn, string SparadAv, string? PubliceradSom, long Version);
    private sealed record Publicerad(string Id, string Nyckel, int Version, bool Ny);
    private sealed record Publicering(Guid Utkast, List<Publicerad> Versioner);
    private sealed record Problem(string? ElementId, int Rad, string Meddelande);
    private sealed record Validering(bool Giltig, List<string> Processer, List<Problem> Problem);
    private sealed record Andring(string Egenskap, string? Fore, string? Efter);
    private sealed record Andrat(string Id, string Typ, string? Namn, List<Andring> Andringar);
    private sealed record Element(string Id, string Typ, string? Namn);
    private sealed record Diff(string Fran, string Till, List<Element> Tillagda, List<Element> Borttagna, List<Andrat> Andrade);

    private Task<HttpClient> KansliAsync() => vard.SomAsync(Roller.Kansli);

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private async Task<Utkast> SparaUtkastAsync(string xml)
    {
        var response = await (await KansliAsync()).PostAsync("/api/arbetsfloden/utkast", Xml(xml));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Utkast>())!;
    }

    private async Task<Publicering> PubliceraAsync(Guid utkast)
    {
        var response = await (await KansliAsync()).PostAsync($"/api/arbetsfloden/utkast/{utkast}/publicera", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Publicering>())!;
    }

    private async Task<List<int>> VersionerAsync(string nyckel)
    {
        var response = await (await KansliAsync()).GetAsync($"/api/arbetsfloden/processer/{nyckel}/versioner");
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(v => v.GetProperty("version").GetInt32())];
    }

    private static async Task<JsonElement> ProblemDetailsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Ett_publicerat_utkast_blir_version_1_och_samma_innehall_igen_blir_ingen_ny_version()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("publicera-igen"));
        utkast.ProcessNyckel.Should().Be("publicera-igen");

        var forsta = await PubliceraAsync(utkast.Id);
        var andra = await PubliceraAsync(utkast.Id);

        forsta.Versioner.Should().ContainSingle().Which.Should().Be(new Publicerad("publicera-igen:1", "publicera-igen", 1, true));
        andra.Versioner.Should().ContainSingle().Which.Should().Be(new Publicerad("publicera-igen:1", "publicera-igen", 1, false));
        (await VersionerAsync("publicera-igen")).Should().Equal(1);
    }

    [Fact]
    public async Task Ett_andrat_utkast_publiceras_som_version_2_och_listan_visar_senaste_versionen()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("andras"));
        await PubliceraAsync(utkast.Id);
        var kansli = await KansliAsync();
        (await kansli.PutAsync($"/api/arbetsfloden/utkast/{utkast.Id}", Xml(Provfloden.GranskningVersion2("andras")))).EnsureSuccessStatusCode();

        var publicering = await PubliceraAsync(utkast.Id);

        publicering.Versioner.Single().Version.Should().Be(2);
        using var lista = JsonDocument.Parse(await kansli.GetStringAsync("/api/arbetsfloden"));
        var andras = lista.RootElement.EnumerateArray().Single(a => a.GetProperty("nyckel").GetString() == "andras");
        andras.GetProperty("versioner").EnumerateArray().Select(v => v.GetInt32()).Should().Equal(1, 2);
        andras.GetProperty("senaste").GetProperty("id").GetString().Should().Be("andras:2");
    }

    [Fact]
    public async Task Publicering_av_felaktig_BPMN_ger_400_som_namnger_elementen_och_versionerna_ar_orörda()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("trasig"));
        await PubliceraAsync(utkast.Id);
        (await (await KansliAsync()).PutAsync($"/api/arbetsfloden/utkast/{utkast.Id}", Xml(Provfloden.Ogiltig("trasig")))).EnsureSuccessStatusCode();

        var response = await (await KansliAsync()).PostAsync($"/api/arbetsfloden/utkast/{utkast.Id}/publicera", null);

        var problem = await ProblemDetailsAsync(response);
        problem.GetProperty("title").GetString().Should().Contain("inga versioner har ändrats");
        var fel = problem.GetProperty("errors");
        fel.GetProperty("Ingen_tilldelad").EnumerateArray().Single().GetString().Should().Contain("inte tilldelad").And.Contain("rad ");
        fel.GetProperty("Flode_trasigt").EnumerateArray().Single().GetString().Should().Contain("Finns_inte");
        (await VersionerAsync("trasig")).Should().Equal(1);
        var xml = await (await KansliAsync()).GetStringAsync("/api/arbetsfloden/processer/trasig/versioner/1/xml");
        xml.Should().Be(Provfloden.Granskning("trasig"));
    }

    [Fact]
    public async Task Text_som_inte_ar_XML_sparas_inte_och_felet_namnger_raden()
    {
        var kansli = await KansliAsync();
        var fore = (await kansli.GetFromJsonAsync<List<Utkast>>("/api/arbetsfloden/utkast"))!.Count;

        var response = await kansli.PostAsync("/api/arbetsfloden/utkast", Xml(Provfloden.InteXml));

        var problem = await ProblemDetailsAsync(response);
        problem.GetProperty("errors").EnumerateObject().Single().Name.Should().StartWith("rad ");
        (await kansli.GetFromJsonAsync<List<Utkast>>("/api/arbetsfloden/utkast"))!.Should().HaveCount(fore);
    }

    [Fact]
    public async Task JSON_utan_xml_faltet_ger_400_som_namnger_faltet()
    {
        var response = await (await KansliAsync()).PostAsJsonAsync("/api/arbetsfloden/utkast", new { bpmn = "<x/>" });

        var problem = await ProblemDetailsAsync(response);
        problem.GetProperty("errors").TryGetProperty("$.xml", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Validering_listar_varje_problem_med_element_och_rad()
    {
        var response = await (await KansliAsync()).PostAsync("/api/arbetsfloden/validera", Xml(Provfloden.Ogiltig()));

        var resultat = (await response.Content.ReadFromJsonAsync<Validering>())!;
        resultat.Giltig.Should().BeFalse();
        resultat.Problem.Select(p => p.ElementId).Should().Contain(["Ingen_tilldelad", "Flode_trasigt"]);
        resultat.Problem.Should().OnlyContain(p => p.Rad > 0);
    }

    [Fact]
    public async Task Ett_giltigt_utkast_valideras_utan_problem()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("giltig"));

        var resultat = await (await (await KansliAsync()).PostAsync($"/api/arbetsfloden/utkast/{utkast.Id}/validera", null)).Content.ReadFromJsonAsync<Validering>();

        resultat.Should().BeEquivalentTo(new Validering(true, ["giltig"], []));
    }

    [Fact]
    public async Task Diffen_mellan_tva_publicerade_versioner_visar_tillagda_steg_andrade_namn_grupper_och_floden()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("diff"));
        await PubliceraAsync(utkast.Id);
        (await (await KansliAsync()).PutAsJsonAsync($"/api/arbetsfloden/utkast/{utkast.Id}", new { xml = Provfloden.GranskningVersion2("diff"), version = 1 })).EnsureSuccessStatusCode();
        await PubliceraAsync(utkast.Id);

        var diff = (await (await vard.SomAsync(Roller.Revisor)).GetFromJsonAsync<Diff>("/api/arbetsfloden/processer/diff/diff?fran=1&till=2"))!;

        diff.Fran.Should().Be("diff:1");
        diff.Till.Should().Be("diff:2");
        diff.Tillagda.Should().BeEquivalentTo([new Element("Flode_3", "Sekvensflöde", null), new Element("Yttrande", "Användaruppgift", "Skriv yttrande")]);
        diff.Borttagna.Should().BeEmpty();
        var granska = diff.Andrade.Single(a => a.Id == "Granska");
        granska.Andringar.Should().ContainEquivalentOf(new Andring("namn", "Granska ansökan", "Granska ansökan noga"));
        granska.Andringar.Should().ContainEquivalentOf(new Andring("camunda:candidateGroups", "kansli", "beredningsgrupp"));
        diff.Andrade.Single(a => a.Id == "Flode_2").Andringar.Should().ContainEquivalentOf(new Andring("till", "Slut", "Yttrande"));
        diff.Andrade.Single(a => a.Id == "Slut").Andringar.Should().ContainEquivalentOf(new Andring("inkommande flöden", "Flode_2", "Flode_3"));
        diff.Andrade.Should().NotContain(a => a.Id == "Start");
    }

    [Fact]
    public async Task Kansliet_ser_exakt_vad_som_andrats_nar_insatsens_livscykel_far_en_ny_handlaggningstid()
    {
        var kansli = await KansliAsync();
        var senaste = (await VersionerAsync("insats-livscykel")).Max();
        var xml = await kansli.GetStringAsync($"/api/arbetsfloden/processer/insats-livscykel/versioner/{senaste}/xml");
        var andrad = xml.Replace("""name="Besluta om idén" camunda:formRef="beredning-beslut" camunda:formRefBinding="deployment" camunda:candidateGroups="beredningsgrupp" camunda:dueDate="${arbetsdagar(15)}">""",
            """name="Besluta om idén" camunda:formRef="beredning-beslut" camunda:formRefBinding="deployment" camunda:candidateGroups="beredningsgrupp" camunda:dueDate="${arbetsdagar(10)}">""");
        andrad.Should().NotBe(xml);
        var utkast = (await (await kansli.PostAsJsonAsync("/api/arbetsfloden/utkast", new { xml = andrad })).Content.ReadFromJsonAsync<Utkast>())!;
        var ny = (await PubliceraAsync(utkast.Id)).Versioner.Single();

        var diff = (await kansli.GetFromJsonAsync<Diff>($"/api/arbetsfloden/processer/insats-livscykel/diff?fran={senaste}&till={ny.Version}"))!;

        ny.Version.Should().Be(senaste + 1);
        diff.Tillagda.Should().BeEmpty();
        diff.Borttagna.Should().BeEmpty();
        diff.Andrade.Should().ContainSingle().Which.Should().BeEquivalentTo(new Andrat("Activity_ide_beslut", "Användaruppgift", "Besluta om idén",
            [new Andring("camunda:dueDate", "${arbetsdagar(15)}", "${arbetsdagar(10)}")]));
    }

    [Fact]
    public async Task Diff_utan_version_att_jamfora_med_ger_400_som_namnger_till()
    {
        var response = await (await KansliAsync()).GetAsync("/api/arbetsfloden/processer/diff/diff?fran=1");

        (await ProblemDetailsAsync(response)).GetProperty("errors").TryGetProperty("till", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Ett_utkast_som_nagon_annan_sparat_under_tiden_skrivs_inte_over()
    {
        var utkast = await SparaUtkastAsync(Provfloden.Granskning("krock"));
        var kansli = await KansliAsync();
        (await kansli.PutAsJsonAsync($"/api/arbetsfloden/utkast/{utkast.Id}", new { xml = Provfloden.GranskningVersion2("krock"), version = 1 })).EnsureSuccessStatusCode();

        var response = await (await vard.SomAsync(Roller.Admin)).PutAsJsonAsync($"/api/arbetsfloden/utkast/{utkast.Id}", new { xml = Provfloden.Ogiltig("krock"), version = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var sparat = await kansli.GetFromJsonAsync<JsonElement>($"/api/arbetsfloden/utkast/{utkast.Id}");
        sparat.GetProperty("xml").GetString().Should().Be(Provfloden.GranskningVersion2("krock"));
    }

    [Fact]
    public async Task Samma_x_requestid_skapar_bara_ett_utkast()
    {
        var kansli = await KansliAsync();
        var nyckel = Guid.NewGuid().ToString();
        HttpRequestMessage Begaran() => new(HttpMethod.Post, "/api/arbetsfloden/utkast") { Content = Xml(Provfloden.Granskning("idempotent")), Headers = { { "x-requestid", nyckel } } };

        var forsta = await kansli.SendAsync(Begaran());
        var andra = await kansli.SendAsync(Begaran());

        forsta.StatusCode.Should().Be(HttpStatusCode.Created);
        andra.StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.GetFromJsonAsync<List<Utkast>>("/api/arbetsfloden/utkast"))!.Count(u => u.ProcessNyckel == "idempotent").Should().Be(1);
    }

    [Fact]
    public async Task Ett_okant_arbetsflode_ger_404()
    {
        var kansli = await KansliAsync();

        (await kansli.GetAsync("/api/arbetsfloden/processer/finns-inte/versioner")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await kansli.GetAsync("/api/arbetsfloden/processer/finns-inte/versioner/1/xml")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await kansli.PostAsync($"/api/arbetsfloden/utkast/{Guid.NewGuid()}/publicera", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
