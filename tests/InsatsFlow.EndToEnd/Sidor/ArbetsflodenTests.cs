using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The kansli draws, publishes and re-publishes a workflow in the browser designer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArbetsflodenTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Kansliet_lagger_till_en_anvandaruppgift_publicerar_och_ser_version_2()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);

        // Version 1: start → user task "Granska" for the kansli → end.
        await page.GotoAsync(host.Url("arbetsfloden/designer").ToString());
        await LaggTillEfterAsync(page, "StartEvent_1", "Användaruppgift");
        var granska = await ValtElementAsync(page);
        await SattKandidatgruppAsync(page, "kansli");
        await LaggTillEfterAsync(page, granska, "Sluthändelse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Publicerat som version 1");

        // Version 2: one more user task after the first.
        await page.GotoAsync(host.Url("arbetsfloden/designer/Process_ny").ToString());
        await Assertions.Expect(page.GetByText("Senaste publicerade version: 1.")).ToBeVisibleAsync();
        await LaggTillEfterAsync(page, "StartEvent_1", "Användaruppgift");
        await SattKandidatgruppAsync(page, "kansli");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utkastet är sparat");

        // The draft is where the next visit starts; publishing it makes version 2.
        await page.GotoAsync(host.Url("arbetsfloden/designer/Process_ny").ToString());
        await Assertions.Expect(page.GetByText("opublicerat utkast")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-shape[data-element-id^='Activity_']")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Publicerat som version 2");
        await Screenshots.SaveAsync(page, "designer-publicerad");
        await page.GotoAsync(host.Url("arbetsfloden").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Process_ny" })).ToContainTextAsync("2");
        await page.GotoAsync(host.Url("arbetsfloden/Process_ny").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tillagda" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "arbetsflode-versioner");
        await Axe.AssertNoSeriousViolationsAsync(page);
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task Designern_klarar_tillganglighetsgranskningen()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");

        await page.GotoAsync(host.Url("arbetsfloden/designer/budgetprocess").ToString());
        // the page's first load of the designer bundle, while the other test projects share the runner's two cores
        await Assertions.Expect(page.Locator(".djs-element[data-element-id]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await Screenshots.SaveAsync(page, "designer");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    private static async Task<string> ValtElementAsync(IPage page)
    {
        var valt = page.Locator(".djs-shape.selected");
        await Assertions.Expect(valt).ToHaveCountAsync(1);
        return (await valt.GetAttributeAsync("data-element-id"))!;
    }

    /// <summary>The keyboard path: select the element, A opens "add next step", type the kind, Enter.</summary>
    private static async Task LaggTillEfterAsync(IPage page, string elementId, string typ)
    {
        await page.Locator($".djs-element[data-element-id='{elementId}']").ClickAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator(".djs-popup")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync(typ);
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task SattKandidatgruppAsync(IPage page, string grupp)
    {
        var header = page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header");
        await header.ClickAsync();
        await page.GetByLabel("Kandidatgrupper").FillAsync(grupp);
        await page.GetByLabel("Kandidatgrupper").PressAsync("Tab");
    }
}
