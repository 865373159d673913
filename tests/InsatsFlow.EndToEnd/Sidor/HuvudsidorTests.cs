using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>Every main page opens for its role, passes an axe scan (no serious or critical findings) and is photographed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HuvudsidorTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Theory]
    [InlineData("kansli@demo.insatsflow.se", "", "Översikt", "oversikt")]
    [InlineData("kansli@demo.insatsflow.se", "insatser", "Insatser", "insatser")]
    [InlineData("beredning@demo.insatsflow.se", "uppgifter", "Mina uppgifter", "mina-uppgifter")]
    [InlineData("jurist@demo.insatsflow.se", "regler", "Regler", "regler")]
    [InlineData("kansli@demo.insatsflow.se", "budget", "Budget", "budget")]
    public async Task Sidan_oppnas_och_klarar_tillganglighetsgranskningen(string epost, string sokvag, string rubrik, string bild)
    {
        var page = await Inloggning.LoggaInAsync(browser, host, epost);
        var problem = ConsoleProblems.Collect(page);

        await page.GotoAsync(host.Url(sokvag).ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(rubrik);
        await Screenshots.SaveAsync(page, bild);
        await Axe.AssertNoSeriousViolationsAsync(page);
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task Insatsens_sida_visar_ansokan_budget_och_beslut()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        await page.GotoAsync(host.Url("insatser").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Hälsodisken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hälsodisken");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Bifall", new() { Exact = true })).ToBeVisibleAsync(); // the diagram's flow label reads "bifall"
        await Screenshots.SaveAsync(page, "insats");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task En_sokande_kommer_inte_at_reglerna()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "sokande@demo.insatsflow.se");

        await page.GotoAsync(host.Url("regler").ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Du har inte behörighet");
    }
}
