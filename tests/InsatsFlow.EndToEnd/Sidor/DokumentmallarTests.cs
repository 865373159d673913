using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The kansli publishes the förbund's own beslutsbrev on the page Dokumentmallar; a bad template is refused with its line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DokumentmallarTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Kansliet_publicerar_forbundets_beslutsbrev_och_en_mall_med_fel_nekas_med_raden()
    {
        var kansli = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(kansli);
        await kansli.GotoAsync(host.Url("forbund/mallar").ToString());
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Öppna mallen beslutsbrev" }).ClickAsync();
        await Assertions.Expect(kansli.Locator("[data-mallstatus]")).ToHaveTextAsync("Den levererade mallen gäller.");
        var text = kansli.GetByLabel("Mallens text (Scriban)");

        await text.FillAsync("<p>Beslut</p>\n{{ import x }}");
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Publicera för förbundet" }).ClickAsync();
        await Assertions.Expect(kansli.Locator("[data-mallfel]")).ToContainTextAsync("Mallen beslutsbrev rad 2");

        await text.FillAsync("<p>Beslut</p>\n<p>Med vänlig hälsning, kansliet i Demo</p>");
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Publicera för förbundet" }).ClickAsync();
        await Assertions.Expect(kansli.GetByRole(AriaRole.Status)).ToContainTextAsync("publicerad som förbundets version 1");
        await Assertions.Expect(kansli.Locator("[data-galler='beslutsbrev']")).ToHaveTextAsync("Förbundets version 1");
        await Screenshots.SaveAsync(kansli, "forbundets-dokumentmallar");
        await Axe.AssertNoSeriousViolationsAsync(kansli);
        problem.Should().BeEmpty();
    }
}
