using System.Text.Json;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.EndToEnd.Infrastructure;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InsatsFlow.EndToEnd.Sidor;

/// <summary>The beredningsgrupp's inbox in a real browser: a yttrande is given and the insats moves on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class YttrandeTests(BrowserFixture browser, WebAppHost host) : IClassFixture<WebAppHost>
{
    [Fact]
    public async Task Beredningsgruppen_lamnar_ett_yttrande_i_inkorgen_och_insatsen_gar_vidare()
    {
        var (insatsId, titel) = await InsatsMedEttYttrandeKvarAsync();
        var page = await Inloggning.LoggaInAsync(browser, host, "beredning@demo.insatsflow.se");
        var problem = ConsoleProblems.Collect(page);

        await page.GotoAsync(host.Url("uppgifter").ToString());
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = titel }).GetByRole(AriaRole.Link, new() { Name = "Yttrande från medlem" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Yttrande från medlem");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Yttrande" }).FillAsync("Försäkringskassan tillstyrker: insatsen kompletterar vår samordning.");
        await page.GetByLabel("Medlemmen tillstyrker ansökan").CheckAsync();
        await Screenshots.SaveAsync(page, "uppgift-yttrande");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();


        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppgiften är slutförd");
        await page.GotoAsync(host.Url($"insatser/{insatsId}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(titel);
        await Assertions.Expect(page.GetByText("Pågående steg: Förslag till beslut")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "insats-efter-yttrande");
        problem.Should().BeEmpty();
    }

    /// <summary>A new insats driven through idéfas and ansökan by the sökande and beredningsgrupp, one of its two yttranden given.</summary>
    private async Task<(Guid InsatsId, string Titel)> InsatsMedEttYttrandeKvarAsync()
    {
        const string titel = "Arbetsträning med stöd i Söderby";
        Guid insatsId;
        string instans;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            var forbund = await db.Forbund.SingleAsync(f => f.Organisationsnummer == InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer);
            var (insats, start) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
                .StartaInsatsAsync(forbund.Id, titel, "Norrby kommun", "kansli@demo.insatsflow.se",
                    kontaktperson: new InsatsFlow.Core.Domain.Kontaktperson { Namn = "Helena Strand", Epost = "sokande@demo.insatsflow.se" });
            insatsId = insats.Id;
            instans = start.InstanceId!;
        }
        var sokande = new TaskActor("sokande@demo.insatsflow.se", "sokande");
        var beredning = new TaskActor("beredning.region@demo.insatsflow.se", "beredningsgrupp");
        await SlutforAsync(instans, "Activity_idefas", sokande, new
        {
            utgangspunkter = "Unga vuxna i Norrby står långt från arbetsmarknaden.",
            mal = "Hälften av deltagarna i arbete eller studier efter insatsen.",
            behovsgrupp = "Unga vuxna 20–29 år med aktivitetsersättning.",
            aktiviteter = "Individuellt stöd, arbetsträning och samordning.",
        });
        await SlutforAsync(instans, "Activity_ide_beslut", beredning, new { ideBeslut = "vidare", motivering = "Väl förankrad idé." });
        await SlutforAsync(instans, "Activity_ansokan", sokande, new
        {
            projektstyrning = "Styrgrupp med en företrädare per berörd medlem.",
            relationTillAndraVerksamheter = "Kompletterar kommunens arbetsmarknadsenhet.",
            resurser = "En samordnare på heltid.",
            tidplan = "2027–2028.",
            utvardering = "Extern utvärdering år två.",
            implementering = "Metoden tas över av kommunen.",
            kontaktpersoner = new[] { new { namn = "Helena Strand", roll = "Projektledare", organisation = "Norrby kommun", epost = "sokande@demo.insatsflow.se" } },
            budgetrader = new object[] { new { kostnadstyp = "personal", ar = 2027, belopp = 300_000m }, new { kostnadstyp = "personal", ar = 2028, belopp = 300_000m } },
            berordaMedlemmar = new[] { new { medlem = "Försäkringskassan" }, new { medlem = "Norrby kommun" } },
            malgruppBeskrivning = "Unga vuxna med aktivitetsersättning.",
            malgruppAlderFran = 20,
            malgruppAlderTill = 29,
            periodStart = "2027-01-01",
            periodSlut = "2028-12-31",
        });
        // Norrby kommun's representative gives theirs; Försäkringskassan's is left for the browser
        await SlutforAsync(instans, "Activity_yttrande", new TaskActor("beredning.kommun@demo.insatsflow.se"),
            new { sammanfattning = "Kommunen tillstyrker.", tillstyrker = true }, medlem: "Norrby kommun");
        return (insatsId, titel);
    }

    private async Task SlutforAsync(string instans, string elementId, TaskActor aktor, object formular, string? medlem = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var oppna = await engine.TasksOfInstanceAsync(instans);
        var uppgift = oppna.FirstOrDefault(t => t.ElementId == elementId);
        if (medlem is not null)
        {
            var id = (await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Medlemmar.SingleAsync(m => m.Namn == medlem)).Id;
            uppgift = oppna.First(t => t.ElementId == elementId && t.CandidateGroupList.Contains("medlem:" + id));
            aktor = new TaskActor(aktor.UserId, [.. aktor.Groups, "medlem:" + id]);
        }
        if (uppgift is null)
        {
            var vy = await engine.GetInstanceAsync(instans);
            var incidenter = await engine.IncidentsAsync(instans);
            throw new InvalidOperationException($"{elementId} är inte öppen; öppna: {string.Join(", ", oppna.Select(t => t.ElementId))}; incidenter: {string.Join(" | ", incidenter.Select(i => i.ElementId + ": " + i.Message))}");
        }
        var resultat = await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgift.Id, aktor, JsonSerializer.SerializeToElement(formular));
        resultat.Fel.Should().BeEmpty($"{elementId} ska gå att slutföra");
        resultat.Genomford.Should().BeTrue();
    }
}
