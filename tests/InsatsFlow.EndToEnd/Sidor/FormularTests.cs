using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.EndToEnd.Infrastructure;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>
/// The kansli edits a form in the form editor and publishes it as its förbund's own version; tasks render it with form-js
/// and the server validates it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormularTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    private const string Sokande = "sokande@demo.insatsflow.se";

    [Fact]
    public async Task Ett_formular_publicerat_i_redigeraren_visas_i_ett_nytt_arende_medan_ett_pagaende_behaller_sitt()
    {
        var gammal = await IdefasUppgiftAsync("Stöd till unga vuxna i Österby");

        var kansli = await Inloggning.LoggaInAsync(browser, host, "kansli@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(kansli);
        await kansli.GotoAsync(host.Url("formular").ToString());
        await kansli.GetByRole(AriaRole.Link, new() { Name = "Öppna i formulärredigeraren – Beskriv idén" }).ClickAsync();
        await Assertions.Expect(kansli.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Formulär: Beskriv idén");
        await Assertions.Expect(kansli.Locator("[data-version]")).ToContainTextAsync("standardformuläret, version 1");
        // the field in the editor's canvas, then its label in the properties panel
        await kansli.Locator(".fjs-editor-container .fjs-element[data-id='Field_utgangspunkter']").ClickAsync();
        var etikett = kansli.Locator("#bio-properties-panel-label");
        // the editor speaks Swedish: its palette and the properties panel's groups
        await Assertions.Expect(kansli.GetByPlaceholder("Sök komponenter")).ToBeVisibleAsync();
        await kansli.Locator(".bio-properties-panel-group-header", new() { HasText = "Allmänt" }).ClickAsync();
        await etikett.ClickAsync();
        await kansli.Keyboard.PressAsync("Control+A");
        await kansli.Keyboard.TypeAsync("1. Utgångspunkter och behov");
        await kansli.Keyboard.PressAsync("Tab");
        // the properties panel applies an edit after a debounce: publish only once the canvas shows the new label
        await Assertions.Expect(kansli.Locator(".fjs-editor-container .fjs-element[data-id='Field_utgangspunkter']"))
            .ToContainTextAsync("1. Utgångspunkter och behov");
        await Screenshots.SaveAsync(kansli, "formular-redigerare");
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Validera" }).ClickAsync();
        await Assertions.Expect(kansli.GetByRole(AriaRole.Status)).ToContainTextAsync("Formuläret är giltigt");
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await Assertions.Expect(kansli.GetByRole(AriaRole.Status)).ToContainTextAsync("publicerat som förbundets version 1");
        problem.Should().BeEmpty();

        // The process is published again (a new version binds to the forms published before it); the old instance stays on its own.
        await PubliceraLivscykelnIgenAsync();
        var ny = await IdefasUppgiftAsync("Stöd till unga vuxna i Västerby");

        var sokande = await Inloggning.LoggaInAsync(browser, host, Sokande);
        var fel = ConsoleProblems.Collect(sokande);
        await sokande.GotoAsync(host.Url($"uppgifter/{gammal}").ToString());
        await Assertions.Expect(sokande.Locator(".formular-visare")).ToHaveAttributeAsync("data-formularversion", "1");
        await Assertions.Expect(sokande.GetByLabel("1. Utgångspunkter", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(sokande.GetByText("1. Utgångspunkter och behov")).ToHaveCountAsync(0);

        // the förbund's own version 1 (the default is version 1 too; the new label shows which one the task has)
        await sokande.GotoAsync(host.Url($"uppgifter/{ny}").ToString());
        await Assertions.Expect(sokande.Locator(".formular-visare")).ToHaveAttributeAsync("data-formularversion", "1");
        await sokande.GetByLabel("1. Utgångspunkter och behov").FillAsync("Unga vuxna i Västerby står långt från arbetsmarknaden.");
        await sokande.GetByLabel("2. Mål").FillAsync("Hälften i arbete eller studier.");
        await sokande.GetByLabel("3. Behovsgrupp").FillAsync("Unga vuxna 20–29 år.");
        await sokande.GetByLabel("4. Aktiviteter").FillAsync("Stöd, arbetsträning och samordning.");
        await Screenshots.SaveAsync(sokande, "uppgift-formjs-idefas");
        await Axe.AssertNoSeriousViolationsAsync(sokande);
        await sokande.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await Assertions.Expect(sokande.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppgiften är slutförd");
        (await OppenAsync(ny)).Should().BeFalse();
        (await OppenAsync(gammal)).Should().BeTrue();
        fel.Should().BeEmpty();
    }

    [Fact]
    public async Task Ett_ifyllt_formular_som_bryter_mot_schemat_nekas_av_servern_med_faltens_sokvagar_och_inget_andras()
    {
        var uppgift = await IdefasUppgiftAsync("Samordnat stöd i Norrby hamn");
        var sokande = await Inloggning.LoggaInAsync(browser, host, Sokande);

        var svar = await sokande.APIRequest.PostAsync(host.Url($"api/uppgifter/{uppgift}/slutfor").ToString(), new()
        {
            DataObject = new
            {
                variabler = new
                {
                    titel = new string('x', 301), utgangspunkter = 5, mal = "Mål.", behovsgrupp = "Unga vuxna.", aktiviteter = "",
                    ideKomplett = new { passed = true },
                },
            },
        });

        svar.Status.Should().Be(400);
        var text = await svar.TextAsync();
        text.Should().Contain("titel").And.Contain("utgangspunkter").And.Contain("aktiviteter").And.Contain("ideKomplett");
        text.Should().Contain("högst 300 tecken");
        (await OppenAsync(uppgift)).Should().BeTrue();
    }

    private async Task<string> IdefasUppgiftAsync(string titel)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var forbund = await db.Forbund.SingleAsync(f => f.Organisationsnummer == InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer);
        var (_, start) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
            .StartaInsatsAsync(forbund.Id, titel, "Norrby kommun", "kansli@demo.insatsflow.se",
                kontaktperson: new InsatsFlow.Core.Domain.Kontaktperson { Namn = "Helena Strand", Epost = Sokande });
        var uppgifter = await scope.ServiceProvider.GetRequiredService<ProcessEngine>().TasksOfInstanceAsync(start.InstanceId!);
        return uppgifter.Single(t => t.ElementId == "Activity_idefas").Id;
    }

    private async Task PubliceraLivscykelnIgenAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var senaste = await scope.ServiceProvider.GetRequiredService<IEngineStore>().FindLatestDefinitionAsync("insats-livscykel", CancellationToken.None);
        var xml = senaste!.Xml.Replace("camunda:dueDate=\"${arbetsdagar(20)}\"", "camunda:dueDate=\"${arbetsdagar(21)}\"");
        xml.Should().NotBe(senaste.Xml);
        var resultat = await engine.DeployAsync(xml, "insats-livscykel.bpmn");
        resultat.Definitions.Single().Version.Should().Be(senaste.Version + 1);
    }

    private async Task<bool> OppenAsync(string uppgiftId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var uppgift = await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FindTaskAsync(uppgiftId);
        return uppgift!.State == TaskState.Open;
    }
}
