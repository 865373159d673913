using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Designer;

[Collection(BrowserCollection.Name)]
public sealed class ViewerTests(BrowserFixture browser, DesignerSiteFixture site)
{
    private async Task<IPage> OpenViewerAsync(string[] active, string[] done, bool focusActive = false, string? bpmn = null)
    {
        var page = await browser.NewPageAsync();
        var problems = ConsoleProblems.Collect(page);
        await page.GotoAsync(site.Host.Url("viewer-test.html").ToString());

        var xml = await File.ReadAllTextAsync(bpmn ?? Path.Combine(RepoPaths.TestPages, "sample-process.bpmn"));
        await page.EvaluateAsync(
            "async args => { window.viewerHandle = await window.insatsFlowViewer.create('#diagram', args); }",
            new { xml, active, done, focusActive });

        problems.Should().BeEmpty("visaren ska starta utan fel i konsolen (t.ex. brott mot innehållspolicyn)");
        return page;
    }

    [Fact]
    public async Task Visaren_markerar_var_instansen_star_med_farg_och_text()
    {
        var page = await OpenViewerAsync(active: ["Prova_regelverk"], done: ["Start_ansokan", "Bereda_ansokan"]);

        await Assertions.Expect(page.Locator(".djs-element.if-active[data-element-id='Prova_regelverk']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-element.if-done")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".if-badge-active")).ToHaveTextAsync("Pågår");
        await Screenshots.SaveAsync(page, "visare-instansens-lage");
    }

    [Fact]
    public async Task Visaren_oppnar_inzoomad_dar_instansen_star_och_noll_visar_hela_processen()
    {
        var page = await OpenViewerAsync(active: ["Activity_ansokan"], done: ["Activity_idefas"], focusActive: true,
            bpmn: Path.Combine(RepoPaths.Root, "workflows", "insats-livscykel.bpmn"));
        const string MittPunkt = """
            () => { const c = window.viewerHandle.viewer.get('canvas'); const v = c.viewbox();
                    const e = window.viewerHandle.viewer.get('elementRegistry').get('Activity_ansokan');
                    return [c.zoom(), v.x + v.width / 2 - (e.x + e.width / 2), v.y + v.height / 2 - (e.y + e.height / 2)]; }
            """;
        var oppnad = await page.EvaluateAsync<double[]>(MittPunkt);

        await page.Locator("#diagram svg[tabindex='0']").First.FocusAsync();
        await page.Keyboard.PressAsync("0");
        var hela = await page.EvaluateAsync<double>("() => window.viewerHandle.viewer.get('canvas').zoom()");

        oppnad[0].Should().BeGreaterThan(hela, "visaren öppnar närmare än hela processen");
        oppnad[0].Should().BeLessThanOrEqualTo(1.0001);
        Math.Abs(oppnad[1]).Should().BeLessThan(1, "det pågående steget står mitt i bilden");
        Math.Abs(oppnad[2]).Should().BeLessThan(1);
    }

    [Fact]
    public async Task Visaren_zoomar_med_knappar_fran_tangentbordet()
    {
        var page = await OpenViewerAsync(active: [], done: []);
        var before = await page.EvaluateAsync<double>("() => window.viewerHandle.viewer.get('canvas').zoom()");

        await page.GetByRole(AriaRole.Button, new() { Name = "Zooma in" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var after = await page.EvaluateAsync<double>("() => window.viewerHandle.viewer.get('canvas').zoom()");
        after.Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task Visaren_zoomar_med_plus_nar_diagrammet_har_fokus()
    {
        var page = await OpenViewerAsync(active: [], done: []);
        var before = await page.EvaluateAsync<double>("() => window.viewerHandle.viewer.get('canvas').zoom()");

        await page.Locator("#diagram svg[tabindex='0']").First.FocusAsync();
        await page.Keyboard.PressAsync("+");

        var after = await page.EvaluateAsync<double>("() => window.viewerHandle.viewer.get('canvas').zoom()");
        after.Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task Visaren_har_inga_allvarliga_tillganglighetsbrister()
    {
        var page = await OpenViewerAsync(active: ["Prova_regelverk"], done: ["Start_ansokan"]);

        await Axe.AssertNoSeriousViolationsAsync(page);
    }
}
