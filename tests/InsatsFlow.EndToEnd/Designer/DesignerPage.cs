using Microsoft.Playwright;
using InsatsFlow.EndToEnd.Infrastructure;

namespace InsatsFlow.EndToEnd.Designer;

/// <summary>The designer demo page as the tests use it: open it, add from the palette, validate, save.</summary>
public sealed class DesignerPage(IPage page)
{
    public IPage Page => page;

    public ILocator Palette => page.Locator(".djs-palette");

    public ILocator LintList => page.Locator("#lint-list");

    public ILocator LintSummary => page.Locator("#lint-summary");

    public static Task<DesignerPage> OpenAsync(BrowserFixture browser, StaticSiteHost host) =>
        OpenAsync(browser, host.Url("designer-demo.html"));

    public static async Task<DesignerPage> OpenAsync(BrowserFixture browser, Uri url)
    {
        var page = await browser.NewPageAsync();
        var problems = ConsoleProblems.Collect(page);

        await page.GotoAsync(url.ToString());
        await page.WaitForSelectorAsync("body[data-designer-ready='true']");

        problems.Should().BeEmpty("designersidan ska starta utan fel i konsolen (t.ex. brott mot innehållspolicyn)");
        return new DesignerPage(page);
    }

    /// <summary>Picks the palette entry with the given (Swedish) label and drops the new shape at a canvas point.</summary>
    public async Task CreateFromPaletteAsync(string label, float x, float y)
    {
        await Palette.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        var canvas = await page.Locator("#canvas").BoundingBoxAsync()
            ?? throw new InvalidOperationException("Diagramytan syns inte.");
        await page.Mouse.MoveAsync(canvas.X + x - 20, canvas.Y + y - 20);
        await page.Mouse.MoveAsync(canvas.X + x, canvas.Y + y, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.ClickAsync(canvas.X + x, canvas.Y + y);
    }

    public async Task<string> SaveDraftAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator("#xml-output")).Not.ToHaveValueAsync("");
        return await page.Locator("#xml-output").InputValueAsync();
    }

    public async Task ValidateAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Validera" }).ClickAsync();
        await Assertions.Expect(LintSummary).Not.ToHaveTextAsync("Inte validerat ännu.");
    }
}
