using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Identity;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Behorighet;

/// <summary>
/// One installation, two förbund (the demo's Samordningsförbundet Demo and Samordningsförbundet Nordvik): a user belongs to
/// förbund with roles in each, chooses the active one at sign-in, and sees only its data.
/// </summary>
public sealed partial class ForbundTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private Task<Guid> NordvikAsync() => vard.ForbundIdAsync(DemoSeeder.NordvikOrganisationsnummer);

    private Task<Guid> DemoAsync() => vard.ForbundIdAsync(DemoSeeder.Organisationsnummer);

    private async Task<HttpClient> BadaForbundenAsync()
    {
        var client = vard.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var svar = await client.PostAsync("/konto/logga-in", await Inloggning.FormularAsync(client, DemoAccounts.BadaForbunden, Inloggning.DemoPassword));
        svar.Headers.Location!.OriginalString.Should().StartWith("/valj-forbund");
        return client;
    }

    private static async Task<HttpResponseMessage> ValjAsync(HttpClient client, Guid forbund)
    {
        var sida = await client.GetStringAsync("/valj-forbund");
        var token = Token().Match(sida).Groups[1].Value;
        return await client.PostAsync("/konto/valj-forbund", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["forbund"] = forbund.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Den_som_hor_till_tva_forbund_far_valja_forbund_efter_inloggningen()
    {
        var client = await BadaForbundenAsync();

        var sida = WebUtility.HtmlDecode(await client.GetStringAsync("/valj-forbund"));

        sida.Should().Contain("Samordningsförbundet Demo").And.Contain("Samordningsförbundet Nordvik");
    }

    [Fact]
    public async Task Den_som_hor_till_ett_forbund_gar_direkt_till_sidan()
    {
        var client = vard.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var svar = await client.PostAsync("/konto/logga-in", await Inloggning.FormularAsync(client, Inloggning.Kansli, Inloggning.DemoPassword));

        svar.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task Valt_forbund_ger_rollerna_i_det_forbundet_och_syns_i_sidhuvudet()
    {
        var client = await BadaForbundenAsync();

        using var val = await ValjAsync(client, await NordvikAsync());
        var jag = await client.GetFromJsonAsync<JsonElement>("/api/konto/jag");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        val.StatusCode.Should().Be(HttpStatusCode.Redirect);
        jag.GetProperty("roller").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roller.Revisor);
        jag.GetProperty("forbund").GetProperty("namn").GetString().Should().Be(DemoSeeder.NordvikNamn);
        html.Should().Contain(DemoSeeder.NordvikNamn).And.Contain("Byt förbund");
    }

    [Fact]
    public async Task I_det_andra_forbundet_har_samma_konto_det_forbundets_roller()
    {
        var client = await BadaForbundenAsync();

        using var val = await ValjAsync(client, await DemoAsync());
        var jag = await client.GetFromJsonAsync<JsonElement>("/api/konto/jag");
        var insatser = await client.GetStringAsync("/api/insatser");

        jag.GetProperty("roller").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roller.Kansli);
        insatser.Should().Contain("Hälsodisken").And.NotContain("Arbetsträning vid kusten");
    }

    [Fact]
    public async Task Ett_forbund_som_kontot_inte_hor_till_gar_inte_att_valja()
    {
        var client = await vard.SomAsync(Roller.Kansli);

        using var val = await ValjAsync(client, await NordvikAsync());
        var jag = await client.GetFromJsonAsync<JsonElement>("/api/konto/jag");

        val.StatusCode.Should().Be(HttpStatusCode.NotFound);
        jag.GetProperty("forbund").GetProperty("namn").GetString().Should().Be("Samordningsförbundet Demo");
    }

    [Fact]
    public async Task Varje_forbunds_kansli_ser_bara_sina_egna_insatser()
    {
        var demo = await (await vard.SomAsync(Roller.Kansli)).GetStringAsync("/api/insatser");
        var nordvik = await (await vard.SomNordvikAsync(Roller.Kansli)).GetStringAsync("/api/insatser");

        demo.Should().Contain("Hälsodisken").And.NotContain("Arbetsträning vid kusten").And.NotContain("Kustens jobbspår");
        nordvik.Should().Contain("Arbetsträning vid kusten").And.Contain("Kustens jobbspår").And.NotContain("Hälsodisken");
    }

    [Fact]
    public async Task Ett_annat_forbunds_insats_finns_inte_pa_insatssidan()
    {
        var halsodisken = await vard.InsatsIdAsync("Hälsodisken");
        var nordvik = await vard.SomNordvikAsync(Roller.Kansli);

        var sida = WebUtility.HtmlDecode(await nordvik.GetStringAsync($"/insatser/{halsodisken}"));

        sida.Should().Contain("Insatsen finns inte").And.NotContain("Hälsodisken");
    }

    [Fact]
    public async Task Ett_annat_forbunds_uppgift_finns_inte_men_den_egna_gor()
    {
        var nordvik = await NordvikAsync();
        var uppgift = await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<TaskItem>()
            .Where(t => t.TenantId == nordvik.ToString() && t.State == TaskState.Open).Select(t => t.Id).FirstAsync());

        using var demosKansli = await (await vard.SomAsync(Roller.Kansli)).GetAsync($"/api/uppgifter/{uppgift}");
        using var nordviksKansli = await (await vard.SomNordvikAsync(Roller.Kansli)).GetAsync($"/api/uppgifter/{uppgift}");

        demosKansli.StatusCode.Should().Be(HttpStatusCode.NotFound);
        nordviksKansli.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Motorn_stamplar_forbundet_pa_instansens_uppgifter_och_journal()
    {
        var nordvik = (await NordvikAsync()).ToString();

        var (insatser, instanser, uppgifter, journal) = await vard.MedTjansterAsync(async sp =>
        {
            var db = sp.GetRequiredService<InsatsFlowDbContext>();
            var ids = await db.Set<ProcessInstance>().Where(i => i.TenantId == nordvik).Select(i => i.Id).ToListAsync();
            var forbundId = Guid.Parse(nordvik);
            return (await db.Insatser.IgnoreQueryFilters().CountAsync(i => i.ForbundId == forbundId), ids,
                await db.Set<TaskItem>().Where(t => ids.Contains(t.InstanceId)).Select(t => t.TenantId).ToListAsync(),
                await db.Set<JournalEntry>().Where(j => ids.Contains(j.InstanceId)).Select(j => j.TenantId).ToListAsync());
        });

        instanser.Should().HaveCount(insatser, "the demo starts a lifecycle for every seeded insats in Nordvik");
        uppgifter.Should().NotBeEmpty().And.OnlyContain(t => t == nordvik);
        journal.Should().NotBeEmpty().And.OnlyContain(t => t == nordvik);
    }

    [Fact]
    public async Task Installationens_eget_arbete_ser_alla_forbund_och_ett_fast_forbund_bara_sitt()
    {
        var nordvik = await NordvikAsync();

        var (alla, ett, insatser) = await vard.MedTjansterAsync(async sp =>
        {
            await using var fast = new InsatsFlowDbContext(sp.GetRequiredService<DbContextOptions<InsatsFlowDbContext>>()) { Forbundsfilter = new FastForbund(nordvik) };
            return (await sp.GetRequiredService<InsatsFlowDbContext>().Forbund.CountAsync(),
                await fast.Forbund.Select(f => f.Id).ToListAsync(),
                await fast.Insatser.Select(i => i.ForbundId).Distinct().ToListAsync());
        });

        alla.Should().Be(2);
        ett.Should().Equal(nordvik);
        insatser.Should().Equal(nordvik);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
