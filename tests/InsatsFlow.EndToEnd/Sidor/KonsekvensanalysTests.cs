using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>A jurist tries a stricter målgrupp rule on the stored evaluations before it is merged.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KonsekvensanalysTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task En_jurist_gor_en_konsekvensanalys_fran_reglersidan_och_exporterar_den_som_csv()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "jurist@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);
        var utkast = File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "malgrupp", "2004.1.json"))
            .Replace("\"lagstaAlder\": 16", "\"lagstaAlder\": 30");
        await page.GotoAsync(host.Url("regler").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Konsekvensanalys" }).ClickAsync();
        await page.GetByLabel("Utkast (regelfilens JSON)").FillAsync(utkast);
        await page.GetByLabel("Pröva mot alla sparade prövningar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Analysera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "malgrupp 2004.1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("prövades om");
        var nedladdning = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exportera som CSV" }).ClickAsync());
        nedladdning.SuggestedFilename.Should().Be("konsekvensanalys-malgrupp-2004.1.csv");
        var fil = await nedladdning.PathAsync();
        var innehall = await File.ReadAllBytesAsync(fil);
        innehall.Take(3).Should().Equal([0xEF, 0xBB, 0xBF]);
        System.Text.Encoding.UTF8.GetString(innehall[3..]).Should().StartWith("Status;Diarienummer;Titel;Budgetår;Datum");
        await Screenshots.SaveAsync(page, "konsekvensanalys");
        await Axe.AssertNoSeriousViolationsAsync(page);
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task Ett_felaktigt_utkast_avvisas_pa_sidan_med_regelns_namn()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "jurist@demo.insatsflow.se");
        var utkast = File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "malgrupp", "2004.1.json"))
            .Replace("insats.malgruppAlderFran >= param.lagstaAlder", "insats.alderFran >= param.lagstaAlder");
        await page.GotoAsync(host.Url("regler/konsekvensanalys").ToString());

        await page.GetByLabel("Utkast (regelfilens JSON)").FillAsync(utkast);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analysera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("MalgruppInteUnder16");
    }
}
