using System.Xml.Linq;
using InsatsFlow.EndToEnd.Infrastructure;
using InsatsFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The kansli builds a rule gate from an element template, choosing the regelverk from a list, and publishes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElementmallTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    [Fact]
    public async Task Kansliet_bygger_en_regelgrind_ur_elementmallen_och_publicerar_den()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);
        await page.GotoAsync(host.Url("arbetsfloden/designer").ToString());

        await LaggTillEfterAsync(page, "StartEvent_1", "Affärsregeluppgift");
        var grind = (await page.Locator(".djs-shape.selected").GetAttributeAsync("data-element-id"))!;
        await page.Locator(".bio-properties-panel").GetByRole(AriaRole.Button, new() { Name = "Välj" }).ClickAsync();
        var valjare = page.Locator(".djs-popup");
        await Assertions.Expect(valjare).ToContainTextAsync("Välj elementmall");
        await valjare.GetByText("Regelprövning", new() { Exact = true }).ClickAsync();

        await page.GetByLabel("Regelverk").SelectOptionAsync("balanskrav");
        await page.GetByLabel("Resultatvariabel").FillAsync("balansprovning");
        await page.GetByLabel("Resultatvariabel").PressAsync("Tab");
        await Screenshots.SaveAsync(page, "designer-elementmall-regelprovning");
        await LaggTillEfterAsync(page, grind, "Sluthändelse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Publicerat som version"); // 1 or 2: the other test of the class publishes Process_ny too
        var steg = await PubliceratStegAsync(grind);
        ((string?)steg.Attribute(Camunda + "decisionRef")).Should().Be("balanskrav");
        ((string?)steg.Attribute(Camunda + "resultVariable")).Should().Be("balansprovning");
        ((string?)steg.Attribute(Camunda + "modelerTemplate")).Should().Be("insatsflow.regelprovning");
        problem.Should().BeEmpty();
    }

    [Fact]
    public async Task En_fas_byggs_ur_en_lista_av_faser_och_hanteraren_skrivs_aldrig_for_hand()
    {
        var page = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        await page.GotoAsync(host.Url("arbetsfloden/designer").ToString());

        await LaggTillEfterAsync(page, "StartEvent_1", "Tjänsteuppgift");
        var steg = (await page.Locator(".djs-shape.selected").GetAttributeAsync("data-element-id"))!;
        await page.Locator(".bio-properties-panel").GetByRole(AriaRole.Button, new() { Name = "Välj" }).ClickAsync();
        await page.Locator(".djs-popup").GetByText("Fas", new() { Exact = true }).ClickAsync();
        var fas = page.GetByLabel("Fas", new() { Exact = true });
        await Assertions.Expect(fas.Locator("option")).ToHaveTextAsync(["Idéfas", "Ansökan", "Beredning", "Styrelsebeslut", "Genomförande",
            "Implementeringsbeslut", "Avslutad", "Avslagen"]);
        await fas.SelectOptionAsync(new SelectOptionValue { Label = "Beredning" });
        await LaggTillEfterAsync(page, steg, "Sluthändelse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Publicerat som version");
        var publicerat = await PubliceratStegAsync(steg, "serviceTask");
        ((string?)publicerat.Attribute(Camunda + "type")).Should().Be("fas");
        publicerat.Descendants(Camunda + "property").Should().ContainSingle(p => (string?)p.Attribute("name") == "fas")
            .Which.Attribute("value")!.Value.Should().Be("Beredning");
    }

    private async Task<XElement> PubliceratStegAsync(string id, string typ = "businessRuleTask")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var definition = await scope.ServiceProvider.GetRequiredService<IEngineStore>().FindLatestDefinitionAsync("Process_ny", CancellationToken.None);
        return XDocument.Parse(definition!.Xml).Descendants(Bpmn + typ).Single(e => (string?)e.Attribute("id") == id);
    }

    private static async Task LaggTillEfterAsync(IPage page, string elementId, string typ)
    {
        await page.Locator($".djs-element[data-element-id='{elementId}']").ClickAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator(".djs-popup")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync(typ);
        await page.Keyboard.PressAsync("Enter");
    }
}
