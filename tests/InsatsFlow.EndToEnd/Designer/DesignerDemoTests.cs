using System.Xml.Linq;
using InsatsFlow.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Designer;

[Collection(BrowserCollection.Name)]
public sealed class DesignerDemoTests(BrowserFixture browser, DesignerSiteFixture site)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    [Fact]
    public async Task Designersidan_visar_exempelprocessen_med_palett_och_egenskapspanel()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await Assertions.Expect(designer.Page.Locator(".djs-element[data-element-id='Bereda_ansokan']")).ToBeVisibleAsync();
        await Assertions.Expect(designer.Palette).ToBeVisibleAsync();
        await Assertions.Expect(designer.Page.Locator("#properties .bio-properties-panel")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(designer.Page, "designer-demo");
    }

    [Fact]
    public async Task Paletten_har_svenska_etiketter()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        var titles = await designer.Palette.Locator(".entry[role='button']").EvaluateAllAsync<string[]>(
            "entries => entries.map(e => e.getAttribute('aria-label'))");

        titles.Should().Contain(["Skapa starthändelse", "Skapa sluthändelse", "Skapa gateway", "Skapa användaruppgift",
            "Skapa affärsregeluppgift", "Aktivera handverktyget"]);
        titles.Should().NotContain(t => t.StartsWith("Create ") || t.StartsWith("Activate "));
    }

    [Fact]
    public async Task Egenskapspanelen_visar_kandidatgrupper_for_en_anvandaruppgift()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await designer.Page.Locator(".djs-element[data-element-id='Bereda_ansokan']").ClickAsync();
        await designer.Page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header").ClickAsync();

        await Assertions.Expect(designer.Page.GetByLabel("Kandidatgrupper")).ToHaveValueAsync("beredningsgrupp");
        await Screenshots.SaveAsync(designer.Page, "designer-egenskaper-anvandaruppgift");
    }

    [Fact]
    public async Task En_anvandaruppgift_fran_paletten_finns_i_det_sparade_utkastet()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await designer.CreateFromPaletteAsync("Skapa användaruppgift", 420, 380);
        var xml = XDocument.Parse(await designer.SaveDraftAsync());

        xml.Descendants(Bpmn + "userTask").Select(t => (string?)t.Attribute("id"))
            .Should().HaveCount(2).And.Contain("Bereda_ansokan");
    }

    [Fact]
    public async Task En_anvandaruppgift_tillagd_via_api_sparas_med_sin_kandidatgrupp()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        var xmlText = await designer.Page.EvaluateAsync<string>(
            """
            async () => {
              const d = window.demoDesigner;
              const id = d.append('bpmn:UserTask', 'Bereda_ansokan', 'Yttrande från medlem');
              const element = d.modeler.get('elementRegistry').get(id);
              d.modeler.get('modeling').updateProperties(element, { 'camunda:candidateGroups': 'medlemmar' });
              return d.saveXml();
            }
            """);

        var task = XDocument.Parse(xmlText).Descendants(Bpmn + "userTask")
            .Single(t => (string?)t.Attribute("name") == "Yttrande från medlem");
        ((string?)task.Attribute(Camunda + "candidateGroups")).Should().Be("medlemmar");
    }

    [Fact]
    public async Task Nasta_steg_laggs_till_med_tangentbordet_och_kopplas_till_det_valda()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        await designer.Page.Locator(".djs-element[data-element-id='Prova_regelverk']").ClickAsync();

        await designer.Page.Keyboard.PressAsync("a");
        var menu = designer.Page.Locator(".djs-popup");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await designer.Page.Keyboard.TypeAsync("Användaruppgift");
        await Screenshots.SaveAsync(designer.Page, "designer-lagg-till-med-tangentbordet");
        await designer.Page.Keyboard.PressAsync("Enter");

        var xml = XDocument.Parse(await designer.SaveDraftAsync());
        var added = xml.Descendants(Bpmn + "userTask").Single(t => (string?)t.Attribute("id") != "Bereda_ansokan");
        xml.Descendants(Bpmn + "sequenceFlow").Should().Contain(f =>
            (string?)f.Attribute("sourceRef") == "Prova_regelverk" && (string?)f.Attribute("targetRef") == (string?)added.Attribute("id"));
    }

    [Fact]
    public async Task Paletten_nas_med_tangentbordet_och_Enter_lagger_till_elementet_efter_det_valda()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        await designer.Page.Locator(".djs-element[data-element-id='Prova_regelverk']").ClickAsync();
        var entries = designer.Palette.Locator(".entry[data-action]");
        (await entries.EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('tabindex'))")).Should().OnlyContain(t => t == "0");
        await Assertions.Expect(designer.Palette).ToHaveAttributeAsync("role", "toolbar");

        var entry = designer.Palette.GetByRole(AriaRole.Button, new() { Name = "Skapa användaruppgift", Exact = true });
        await entry.FocusAsync();
        await designer.Page.Keyboard.PressAsync("Enter");

        var xml = XDocument.Parse(await designer.SaveDraftAsync());
        var added = xml.Descendants(Bpmn + "userTask").Single(t => (string?)t.Attribute("id") != "Bereda_ansokan");
        xml.Descendants(Bpmn + "sequenceFlow").Should().Contain(f =>
            (string?)f.Attribute("sourceRef") == "Prova_regelverk" && (string?)f.Attribute("targetRef") == (string?)added.Attribute("id"));
    }

    [Fact]
    public async Task Menyn_for_nasta_steg_erbjuder_bara_det_motorn_kan_kora()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        await designer.Page.Locator(".djs-element[data-element-id='Bereda_ansokan']").ClickAsync();

        await designer.Page.Keyboard.PressAsync("a");
        var labels = await designer.Page.Locator(".djs-popup .entry").EvaluateAllAsync<string[]>(
            "entries => entries.map(e => e.textContent.trim())");

        labels.Should().Contain(["Användaruppgift", "Affärsregeluppgift", "Exklusiv gateway", "Mellanliggande timerhändelse"]);
        labels.Should().NotContain(["Skriptuppgift", "Mottagningsuppgift", "Komplex gateway", "Signalsluthändelse"]);
    }

    [Fact]
    public async Task Trasig_xml_ger_ett_svenskt_fel_med_radnummer_och_lamnar_diagrammet_orort()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        var message = await designer.Page.EvaluateAsync<string>(
            """
            async () => {
              try {
                await window.demoDesigner.importXml('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="P">\n</bpmn:definitions>');
                return 'inget fel';
              } catch (e) {
                return e.message;
              }
            }
            """);

        message.Should().StartWith("Kunde inte läsa BPMN-diagrammet (rad 2");
        var xml = XDocument.Parse(await designer.SaveDraftAsync());
        xml.Descendants(Bpmn + "userTask").Should().ContainSingle(t => (string?)t.Attribute("id") == "Bereda_ansokan");
    }

    [Fact]
    public async Task Validering_pekar_ut_en_uppgift_som_inte_ar_kopplad()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await designer.ValidateAsync();
        await Assertions.Expect(designer.LintSummary).ToHaveTextAsync("Inga problem hittades.");

        await designer.CreateFromPaletteAsync("Skapa användaruppgift", 420, 380);
        await designer.ValidateAsync();

        await Assertions.Expect(designer.LintList).ToContainTextAsync("Elementet är inte kopplat");
        await Assertions.Expect(designer.LintList).ToContainTextAsync("Användaruppgiften saknar tilldelning");
        await Screenshots.SaveAsync(designer.Page, "designer-validering");
    }

    [Fact]
    public async Task Ett_valideringsfynd_leder_till_elementet_i_diagrammet()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        await designer.Page.EvaluateAsync("() => window.demoDesigner.append('bpmn:ServiceTask', 'Bereda_ansokan', 'Skicka kallelse')");
        await designer.ValidateAsync();

        await designer.LintList.GetByRole(AriaRole.Button).Filter(new() { HasText = "Skicka kallelse" }).First.ClickAsync();

        await Assertions.Expect(designer.Page.Locator("#properties .bio-properties-panel-header-label")).ToHaveTextAsync("Skicka kallelse");
        await Assertions.Expect(designer.Page.Locator(".djs-element.selected")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Validering_underkanner_element_som_motorn_inte_kan_kora()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        var issues = await designer.Page.EvaluateAsync<string[]>(
            """
            async () => {
              const d = window.demoDesigner;
              d.append('bpmn:ScriptTask', 'Bereda_ansokan');
              return (await d.lint()).filter(i => i.category === 'error').map(i => i.message);
            }
            """);

        issues.Should().Contain("Skriptuppgift stöds inte av InsatsFlows motor");
    }

    [Fact]
    public async Task Validering_kraver_hanterare_for_tjansteuppgift_och_regelverk_for_affarsregeluppgift()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        var issues = await designer.Page.EvaluateAsync<string[]>(
            """
            async () => {
              const d = window.demoDesigner;
              const service = d.append('bpmn:ServiceTask', 'Bereda_ansokan', 'Skicka kallelse');
              d.append('bpmn:BusinessRuleTask', service, 'Pröva budget');
              return (await d.lint()).filter(i => i.category === 'error').map(i => i.name + ': ' + i.message);
            }
            """);

        issues.Should().Contain([
            "Skicka kallelse: Tjänsteuppgiften saknar hanterare (camunda:type eller delegatuttryck)",
            "Pröva budget: Affärsregeluppgiften saknar regelverk (beslutsreferens)",
        ]);
    }

    [Fact]
    public async Task Validering_namner_det_som_motorn_annars_vagrar_vid_publicering()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        var xml = await File.ReadAllTextAsync(Path.Combine(RepoPaths.TestPages, "engine-rules.bpmn"));

        var issues = await designer.Page.EvaluateAsync<string[]>(
            """
            async xml => {
              await window.demoDesigner.importXml(xml);
              return (await window.demoDesigner.lint()).filter(i => i.category === 'error').map(i => i.id + ': ' + i.message);
            }
            """,
            xml);

        issues.Should().Contain([
            "Anrop_utan_process: Anropsaktiviteten saknar anropad process (calledElement)",
            "Anrop_utan_process: Multi-instans kräver en samling (camunda:collection) att gå igenom",
            "Slinga: Standardloopar stöds inte; använd multi-instans över en samling",
            "Timer_utan_varde: Timern saknar värde (datum, varaktighet eller cykel)",
            "Meddelande_utan_namn: Meddelandehändelsen saknar ett meddelande med namn",
            "Lasd_version: Bindningen \"version\" kräver en regelverksversion (camunda:decisionRefVersion)",
            "Villkor_utan_uttryck: Villkoret \"beviljas == true\" ska skrivas som ${…}",
        ]);
    }

    [Theory]
    [InlineData("insats-livscykel.bpmn")]
    [InlineData("budgetprocess.bpmn")]
    public async Task Ett_publicerat_arbetsflode_har_inga_valideringsfel(string file)
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        var xml = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "workflows", file));

        var errors = await designer.Page.EvaluateAsync<string[]>(
            """
            async xml => {
              await window.demoDesigner.importXml(xml);
              return (await window.demoDesigner.lint()).filter(i => i.category === 'error').map(i => i.id + ': ' + i.message);
            }
            """,
            xml);

        errors.Should().BeEmpty();
        await Screenshots.SaveAsync(designer.Page, "designer-" + Path.GetFileNameWithoutExtension(file));
    }

    [Fact]
    public async Task Verktygen_nas_och_anvands_med_tangentbordet()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await designer.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(designer.Page.Locator(".skip-link")).ToBeFocusedAsync();
        await designer.Page.Keyboard.PressAsync("Enter");
        await designer.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(designer.Page.GetByRole(AriaRole.Button, new() { Name = "Validera" })).ToBeFocusedAsync();
        await designer.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(designer.LintSummary).ToHaveTextAsync("Inga problem hittades.");
    }

    [Fact]
    public async Task Designersidan_har_inga_allvarliga_tillganglighetsbrister()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);

        await Axe.AssertNoSeriousViolationsAsync(designer.Page);
    }

    [Fact]
    public async Task Designern_med_oppen_egenskapspanel_och_valideringsfynd_har_inga_allvarliga_tillganglighetsbrister()
    {
        var designer = await DesignerPage.OpenAsync(browser, site.Host);
        await designer.CreateFromPaletteAsync("Skapa användaruppgift", 420, 380);
        await designer.ValidateAsync();
        await designer.Page.Locator(".djs-element[data-element-id='Bereda_ansokan']").ClickAsync();
        await designer.Page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header").ClickAsync();
        await designer.SaveDraftAsync();

        await Axe.AssertNoSeriousViolationsAsync(designer.Page);
    }
}
