using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>Signs in through the sign-in page, as a person would.</summary>
public static class Inloggning
{
    public const string Losenord = "Demo-InsatsFlow-2026";

    public static async Task<IPage> LoggaInAsync(BrowserFixture browser, WebAppHost host, string epost)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.Url("logga-in").ToString());
        await page.GetByLabel("E-postadress").FillAsync(epost);
        await page.GetByLabel("Lösenord").FillAsync(Losenord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/logga-in"));
        return page;
    }
}
