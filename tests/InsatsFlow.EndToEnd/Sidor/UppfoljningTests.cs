using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The SUS export downloaded from the Budget page, and the charts (ECharts) with their tables, photographed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UppfoljningTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    private static readonly int Ar = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

    [Fact]
    public async Task Kansliet_laddar_ner_SUS_exporten_fran_budgetsidan()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        await page.GotoAsync(host.Url($"budget?ar={Ar}").ToString());

        var nedladdning = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = $"Ladda ner SUS-export {Ar} (Excel)" }).ClickAsync());

        nedladdning.SuggestedFilename.Should().Be($"sus-{Ar}.xlsx");
        var fil = Path.Combine(Path.GetTempPath(), $"insatsflow-e2e-{Guid.NewGuid():N}.xlsx");
        await nedladdning.SaveAsAsync(fil);
        try
        {
            var innehall = await File.ReadAllBytesAsync(fil);
            innehall.Take(2).Should().Equal((byte)'P', (byte)'K');
            using var xlsx = new System.IO.Compression.ZipArchive(new MemoryStream(innehall));
            xlsx.Entries.Select(e => e.FullName).Should().Contain(e => e.StartsWith("xl/worksheets/"));
        }
        finally
        {
            File.Delete(fil);
        }
    }

    [Theory]
    [InlineData("budget", "budget-beviljat-utfall", "diagram-budget")]
    [InlineData("", "ledtid-per-fas", "diagram-oversikt")]
    public async Task Diagrammen_ritas_och_har_sina_tabeller(string sokvag, string diagram, string bild)
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);

        await page.GotoAsync(host.Url(sokvag).ToString());

        await Assertions.Expect(page.Locator($"#{diagram} [data-diagram][data-ritat] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#{diagram} table[data-diagramtabell] tbody tr").First).ToBeAttachedAsync();
        await page.Locator($"#{diagram}").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, bild);
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task Insatsens_sida_visar_SUS_uppgifter_diarium_och_diagram()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        await page.GotoAsync(host.Url("insatser").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Hälsodisken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SUS-uppgifter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("diarium").GetByText("Protokollsutdrag § 41")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#insats-budget-utfall [data-diagram][data-ritat] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#insats-tid-per-fas [data-diagram][data-ritat] svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "diagram-insats");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }
}
