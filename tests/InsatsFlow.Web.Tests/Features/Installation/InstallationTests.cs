using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Features.Installation;
using InsatsFlow.Web.Identity;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Installation;

/// <summary>
/// The installation above the förbund: its admin forms a förbund with members and shares, styrelse and first users (all
/// or nothing), and exports a förbund whole — which holds nothing of another förbund.
/// </summary>
public sealed class InstallationTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private Task<HttpClient> InstallationenAsync() => vard.Factory.LoggaInAsync(DemoAccounts.Installationsadmin);

    private static object Nytt(string orgnr, decimal fk = 0.5m, decimal region = 0.25m, decimal kommun1 = 0.15m, decimal kommun2 = 0.10m, string epost = "chef@sodervik.example.se") => new
    {
        namn = "Samordningsförbundet Södervik",
        organisationsnummer = orgnr,
        medlemmar = new object[]
        {
            new { namn = "Försäkringskassan", typ = "forsakringskassan", andel = fk },
            new { namn = "Region Södervik", typ = "region", andel = region },
            new { namn = "Södra kommun", typ = "kommun", andel = kommun1 },
            new { namn = "Norra kommun", typ = "kommun", andel = kommun2 },
        },
        styrelse = new
        {
            mandatperiodFran = "2027-04-01", mandatperiodTill = "2031-03-31",
            ledamoter = new object[]
            {
                new { namn = "Ulla Ulf", medlem = "Försäkringskassan", roll = "ledamot", uppdrag = "ordforande" },
                new { namn = "Per Persson", medlem = "Försäkringskassan", roll = "ersattare" },
                new { namn = "Rut Region", medlem = "Region Södervik", roll = "ledamot", uppdrag = "vice_ordforande" },
                new { namn = "Erik Ersätt", medlem = "Region Södervik", roll = "ersattare" },
                new { namn = "Sara Söder", medlem = "Södra kommun", roll = "ledamot" },
                new { namn = "Siv Söder", medlem = "Södra kommun", roll = "ersattare" },
                new { namn = "Nils Norr", medlem = "Norra kommun", roll = "ledamot" },
                new { namn = "Nina Norr", medlem = "Norra kommun", roll = "ersattare" },
            },
        },
        anvandare = new object[]
        {
            new { epost, namn = "Stina Chef", roller = new[] { "kansli" }, forbundschef = true },
            new { epost = "admin@" + epost.Split('@')[1], namn = "Adam Admin", roller = new[] { "admin" } },
        },
    };

    private Task<int> AntalForbundAsync() => vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Forbund.CountAsync());

    [Fact]
    public async Task Installationens_administrator_bildar_ett_forbund_med_medlemmar_styrelse_och_forsta_anvandare()
    {
        var installationen = await InstallationenAsync();

        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0166"));

        svar.StatusCode.Should().Be(HttpStatusCode.Created, await svar.Content.ReadAsStringAsync());
        var skapat = (await svar.Content.ReadFromJsonAsync<SkapatForbund>())!;
        skapat.Forbund.Medlemmar.Should().HaveCount(4).And.Contain(m => m.Namn == "Försäkringskassan" && m.Andel == 0.5m);
        (await installationen.GetFromJsonAsync<List<ForbundDto>>("/api/installation/forbund")).Should().Contain(f => f.Organisationsnummer == "222000-0166");
        // the förbundschef signs in with the first password, in the new förbund, and may set its parameters
        var chef = await vard.Factory.LoggaInAsync("chef@sodervik.example.se", skapat.Anvandare.Single(a => a.Epost == "chef@sodervik.example.se").Losenord!);
        var jag = await chef.GetStringAsync("/api/konto/jag");
        jag.Should().Contain("Samordningsförbundet Södervik");
        using var satt = await chef.PutAsJsonAsync("/api/forbund/parametrar/jav-och-beslutforhet/beslutforhetAndel", new { varde = 0.6m });
        satt.StatusCode.Should().Be(HttpStatusCode.OK);
        (await chef.GetStringAsync("/api/forbund/handelser")).Should().Contain("forbund.skapat");
        var styrelse = await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Styrelser.Where(s => s.ForbundId == skapat.Forbund.Id).SingleAsync());
        styrelse.Ledamoter.Should().HaveCount(8);
    }

    [Fact]
    public async Task Andelar_som_inte_foljer_FINSAM_5_ger_400_och_inget_sparas()
    {
        var installationen = await InstallationenAsync();
        var fore = await AntalForbundAsync();

        // the state's half is 0.4 here
        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0174", fk: 0.4m, region: 0.35m, epost: "chef@fel.example.se"));

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").GetProperty("medlemmar")[0].GetString().Should().Contain("hälften");
        (await AntalForbundAsync()).Should().Be(fore);
        (await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Users.AnyAsync(u => u.Email == "chef@fel.example.se"))).Should().BeFalse();
    }

    [Fact]
    public async Task Andelar_som_inte_blir_hela_medlen_ger_400()
    {
        var installationen = await InstallationenAsync();

        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0174", fk: 0.5m, region: 0.25m, kommun1: 0.25m, kommun2: 0.25m));

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("medlemmar");
    }

    [Theory]
    [InlineData("2220000174", "NNNNNN-NNNN")]
    [InlineData("222000-0175", "kontrollsiffra")]
    [InlineData("190101-0008", "juridisk person")]
    public async Task Ett_felaktigt_organisationsnummer_ger_400_som_namnger_faltet(string orgnr, string varfor)
    {
        var installationen = await InstallationenAsync();

        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt(orgnr));

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").GetProperty("organisationsnummer")[0].GetString().Should().Contain(varfor);
    }

    [Fact]
    public async Task En_styrelse_utan_ersattare_for_varje_ledamot_ger_400()
    {
        var installationen = await InstallationenAsync();
        var body = JsonSerializer.SerializeToNode(Nytt("222000-0182"))!;
        body["styrelse"]!["ledamoter"]!.AsArray().RemoveAt(7);

        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", body);

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("Norra kommun har 1 ledamöter och 0 ersättare");
    }

    [Fact]
    public async Task Ett_organisationsnummer_som_redan_finns_ger_409()
    {
        var installationen = await InstallationenAsync();
        await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0190", epost: "chef@forsta.example.se"));

        using var svar = await installationen.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0190", epost: "chef@andra.example.se"));

        svar.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Installationens_administrator_ser_inga_forbunds_arenden()
    {
        var installationen = await InstallationenAsync();

        using var svar = await installationen.GetAsync("/api/insatser");

        var insatser = await svar.Content.ReadAsStringAsync();
        ((int)svar.StatusCode).Should().BeLessThan(500);
        insatser.Should().NotContain("Hälsodisken").And.NotContain("Arbetsträning vid kusten");
    }

    [Fact]
    public async Task Ett_forbunds_administrator_far_inte_bilda_forbund()
    {
        var admin = await vard.SomAsync(Roller.Admin);

        using var svar = await admin.PostAsJsonAsync("/api/installation/forbund", Nytt("222000-0182"));

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<(string Json, List<string> Filer)> LasZipAsync(HttpResponseMessage svar)
    {
        using var zip = new ZipArchive(new MemoryStream(await svar.Content.ReadAsByteArrayAsync()));
        using var json = new StreamReader(zip.GetEntry("forbund.json")!.Open());
        return (await json.ReadToEndAsync(), [.. zip.Entries.Select(e => e.FullName)]);
    }

    [Fact]
    public async Task Exporten_av_ett_forbund_innehaller_inget_av_ett_annat_forbund()
    {
        var demo = await vard.ForbundIdAsync(DemoSeeder.Organisationsnummer);
        var nordvik = await vard.ForbundIdAsync(DemoSeeder.NordvikOrganisationsnummer);
        var demoInstans = await vard.StartaAsync(await DriftsattAsync());
        var nordvikInstans = await vard.StartaAsync("exportprov", forbund: nordvik);
        var demoDokument = await vard.ArkiveraAsync(demoInstans, null, "<!DOCTYPE html><html lang=\"sv\"><body>Demos brev</body></html>");
        var nordvikDokument = await vard.ArkiveraAsync(nordvikInstans, null, "<!DOCTYPE html><html lang=\"sv\"><body>Nordviks brev</body></html>");
        var installationen = await InstallationenAsync();

        using var nordviks = await installationen.GetAsync($"/api/installation/forbund/{nordvik}/export");
        using var demos = await installationen.GetAsync($"/api/installation/forbund/{demo}/export");

        nordviks.StatusCode.Should().Be(HttpStatusCode.OK);
        var (njson, nfiler) = await LasZipAsync(nordviks);
        njson.Should().Contain("Samordningsförbundet Nordvik").And.Contain("Arbetsträning vid kusten").And.Contain(nordvikInstans);
        nfiler.Should().Contain($"dokument/{nordvikDokument}.html").And.NotContain($"dokument/{demoDokument}.html");
        foreach (var demos_spar in new[] { demo.ToString(), "Samordningsförbundet Demo", "Hälsodisken", demoInstans, demoDokument.ToString(), Inloggning.Kansli, "Region Demo" })
            njson.Should().NotContain(demos_spar);

        var (djson, dfiler) = await LasZipAsync(demos);
        djson.Should().Contain("Hälsodisken").And.Contain(demoInstans).And.Contain(Inloggning.Kansli);
        dfiler.Should().Contain($"dokument/{demoDokument}.html").And.NotContain($"dokument/{nordvikDokument}.html");
        foreach (var nordviks_spar in new[] { nordvik.ToString(), "Samordningsförbundet Nordvik", "Arbetsträning vid kusten", nordvikInstans, nordvikDokument.ToString(), "kansli.nordvik@demo.insatsflow.se" })
            djson.Should().NotContain(nordviks_spar);
    }

    private async Task<string> DriftsattAsync()
    {
        await vard.DriftsattAsync(Provfloden.Granskning("exportprov"), "exportprov.bpmn");
        return "exportprov";
    }

    [Fact]
    public async Task Forbundets_administrator_exporterar_sitt_eget_forbund_men_hittar_inte_ett_annat()
    {
        var admin = await vard.SomNordvikAsync(Roller.Admin);
        var nordvik = await vard.ForbundIdAsync(DemoSeeder.NordvikOrganisationsnummer);
        var demo = await vard.ForbundIdAsync(DemoSeeder.Organisationsnummer);

        using var egen = await admin.GetAsync($"/api/installation/forbund/{nordvik}/export");
        using var annan = await admin.GetAsync($"/api/installation/forbund/{demo}/export");

        egen.StatusCode.Should().Be(HttpStatusCode.OK);
        egen.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        annan.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await annan.Content.ReadAsStringAsync()).Should().NotContain("Samordningsförbundet Demo");
    }
}
