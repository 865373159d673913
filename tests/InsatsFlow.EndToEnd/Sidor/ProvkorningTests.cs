using InsatsFlow.Data;
using InsatsFlow.EndToEnd.Infrastructure;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The kansli tries a draft in the designer before publishing it: the trial run and the token simulation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProvkorningTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Kansliet_provkor_livscykelns_utkast_och_ser_vagarna_och_fasernas_arbetsdagar_utan_att_publicera()
    {
        var (versioner, instanser) = await RaknaAsync();
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);
        await page.GotoAsync(host.Url("arbetsfloden/designer/insats-livscykel").ToString());
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='Activity_fas_idefas']")).ToBeAttachedAsync(new() { Timeout = 30_000 });

        await page.GetByText("Provkör utkastet", new() { Exact = true }).First.ClickAsync();
        await page.GetByLabel("Antal insatser").FillAsync("3");
        await page.Locator(".provkorning-val button").ClickAsync();

        var status = page.Locator(".provkorning [role=status]");
        await Assertions.Expect(status).ToContainTextAsync("Provkörningen är klar", new() { Timeout = 120_000 });
        await Assertions.Expect(status).ToContainTextAsync("Utkastet är inte publicerat");
        var faser = page.Locator("table", new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Fas", Exact = true }) });
        await Assertions.Expect(faser.GetByRole(AriaRole.Rowheader, new() { Name = "Idéfas" })).ToBeVisibleAsync();
        await Assertions.Expect(faser.GetByRole(AriaRole.Row, new() { Name = "Idéfas" }).Locator("td").First).ToHaveTextAsync("3");
        var vagar = page.Locator("table", new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Typ" }) });
        await Assertions.Expect(vagar.GetByRole(AriaRole.Button, new() { Name = "Fas: Idéfas" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-element.ifl-provkord[data-element-id='Activity_fas_idefas']")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "designer-provkorning");

        (await RaknaAsync()).Should().Be((versioner, instanser), "provkörningen publicerar inget och startar inget i förbundets databas");
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task Tokensimuleringen_slas_pa_i_designern_med_svenska_texter()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);
        await page.GotoAsync(host.Url("arbetsfloden/designer/insats-livscykel").ToString());
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='Activity_fas_idefas']")).ToBeAttachedAsync(new() { Timeout = 30_000 });

        var knapp = page.GetByRole(AriaRole.Button, new() { Name = "Tokensimulering" });
        await knapp.ClickAsync();

        await Assertions.Expect(knapp).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".bts-toggle-mode")).ToContainTextAsync("Tokensimulering");
        await Assertions.Expect(page.Locator(".bts-palette")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bts-palette [title='Börja om simuleringen']")).ToBeAttachedAsync();
        problem.Should().BeEmpty();
    }

    private async Task<(int, int)> RaknaAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        return (await db.Set<ProcessDefinition>().CountAsync(), await db.Set<ProcessInstance>().IgnoreQueryFilters().CountAsync());
    }
}
