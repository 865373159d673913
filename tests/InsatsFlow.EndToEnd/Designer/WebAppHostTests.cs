using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Designer;

[Collection(BrowserCollection.Name)]
public sealed class WebAppHostTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Webbvarden_serverar_designerpaketet_med_sin_innehallspolicy()
    {
        var page = await browser.NewPageAsync();

        var demo = await page.GotoAsync(host.Url("designer-demo.html").ToString());
        var bundle = await page.APIRequest.GetAsync(host.Url("dist/designer.js").ToString());
        var axe = await page.APIRequest.GetAsync(host.Url(Axe.AxePath.TrimStart('/')).ToString());

        demo!.Status.Should().Be(200);
        (await demo.AllHeadersAsync()).Should().ContainKey("content-security-policy")
            .WhoseValue.Should().Contain("script-src 'self'");
        bundle.Status.Should().Be(200);
        axe.Status.Should().Be(200);
    }

    [Fact]
    public async Task Designern_startar_utan_fel_under_webbvardens_innehallspolicy()
    {
        var designer = await DesignerPage.OpenAsync(browser, host.Url("designer-demo.html"));

        await designer.ValidateAsync();
        await Assertions.Expect(designer.LintSummary).ToHaveTextAsync("Inga problem hittades.");
    }
}
