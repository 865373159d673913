using InsatsFlow.EndToEnd.Infrastructure;

namespace InsatsFlow.EndToEnd.Designer;

[Collection(BrowserCollection.Name)]
public sealed class WebAppHostTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Den_riktiga_webbvarden_svarar_i_webblasaren()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(host.Url("health").ToString());

        response!.Status.Should().Be(200);
        (await page.InnerTextAsync("body")).Should().Be("ok");
    }
}
