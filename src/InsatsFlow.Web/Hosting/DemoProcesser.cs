using System.Text.Json;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Hosting;

/// <summary>
/// Running processes for the demo, so every inbox has something in it on first start: three new insatser
/// driven by the demo people to different steps of insats-livscykel, and next year's budget process. Each
/// step goes through the same Uppgiftsslutforande as the inbox, in its own scope.
/// </summary>
public sealed class DemoProcesser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoProcesser> logger)
{
    private static readonly TaskActor Sokande = new("sokande@demo.insatsflow.se", "sokande");
    private static readonly TaskActor Beredning = new("beredning.region@demo.insatsflow.se", "beredningsgrupp");

    public async Task StartaAsync(CancellationToken ct = default)
    {
        Guid forbundId;
        await using (var scope = scopes.CreateAsyncScope())
            forbundId = (await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Forbund.FirstAsync(ct)).Id;
        var ar = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

        // Waits for the sökande: the idé.
        await StartaInsatsAsync(forbundId, "Jobbcoach för nyanlända", "Söderby kommun, arbetsmarknadsenheten", ct);

        // Waits for the beredningsgrupp: the decision on the idé.
        var ide = await StartaInsatsAsync(forbundId, "Tidiga insatser vid sjukskrivning", "Region Demo, primärvården", ct);
        await SlutforAsync(ide, "Activity_idefas", Sokande, Ide("Sjukskrivna med lätt psykisk ohälsa får vänta länge på samordnat stöd."), ct);

        // Waits for the beredningsgrupp: one yttrande per involved medlem, each for that medlem's own representative.
        var beredning = await StartaInsatsAsync(forbundId, "Samordnat stöd för unga vuxna", "Norrby kommun", ct);
        await SlutforAsync(beredning, "Activity_idefas", Sokande, Ide("Unga vuxna i Norrby står långt från arbetsmarknaden."), ct);
        await SlutforAsync(beredning, "Activity_ide_beslut", Beredning, new { ideBeslut = "vidare", motivering = "Väl förankrad idé." }, ct);
        await SlutforAsync(beredning, "Activity_ansokan", Sokande, Ansokan(ar + 1), ct);

        // Next year's budget: samråd with each medlem, for the kansli.
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaBudgetAsync(forbundId, ar + 1, "kansli@demo.insatsflow.se", ct: ct);
        logger.LogInformation("Demoprocesser startade: tre insatser i olika steg och budgetprocessen för {Ar}.", ar + 1);
    }

    private async Task<string> StartaInsatsAsync(Guid forbundId, string titel, string sokande, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var kontakt = new Core.Domain.Kontaktperson { Namn = "Helena Strand", Epost = Sokande.UserId, Organisation = sokande, Roll = "Sökande" };
        var (_, resultat) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
            .StartaInsatsAsync(forbundId, titel, sokande, "kansli@demo.insatsflow.se", ct: ct, kontaktperson: kontakt);
        return resultat.InstanceId!;
    }

    private async Task SlutforAsync(string instans, string elementId, TaskActor aktor, object formular, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var uppgift = (await engine.TasksOfInstanceAsync(instans, ct: ct)).FirstOrDefault(t => t.ElementId == elementId)
            ?? throw new InvalidOperationException($"Demoprocessen {instans} väntar inte vid {elementId}.");
        var utfall = await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgift.Id, aktor, JsonSerializer.SerializeToElement(formular), ct: ct);
        if (!utfall.Genomford)
            throw new InvalidOperationException($"Demoformuläret vid {elementId} godtogs inte: {string.Join("; ", utfall.Fel)}");
    }

    private static object Ide(string utgangspunkter) => new
    {
        utgangspunkter,
        mal = "Hälften av deltagarna i arbete eller studier efter insatsen.",
        behovsgrupp = "Personer 20–29 år med behov av samordnat stöd från flera parter.",
        aktiviteter = "Individuellt stöd, arbetsträning och samordning mellan myndigheterna.",
    };

    private static object Ansokan(int forstaAr) => new
    {
        projektstyrning = "Styrgrupp med en företrädare per berörd medlem.",
        relationTillAndraVerksamheter = "Kompletterar kommunens arbetsmarknadsenhet.",
        resurser = "En samordnare på heltid.",
        tidplan = $"{forstaAr}–{forstaAr + 1}.",
        utvardering = "Extern utvärdering år två.",
        implementering = "Metoden tas över av kommunen.",
        kontaktpersoner = new[] { new { namn = "Helena Strand", roll = "Projektledare", organisation = "Norrby kommun", epost = Sokande.UserId } },
        budgetrader = new object[]
        {
            new { kostnadstyp = "personal", ar = forstaAr, belopp = 300_000m },
            new { kostnadstyp = "personal", ar = forstaAr + 1, belopp = 300_000m },
        },
        // four medlemmar, one per demo beredningsgrupp account: each yttrande goes to its own medlem's representative
        berordaMedlemmar = new[] { new { medlem = "Försäkringskassan" }, new { medlem = "Arbetsförmedlingen" }, new { medlem = "Region Demo" }, new { medlem = "Norrby kommun" } },
        malgruppBeskrivning = "Unga vuxna med aktivitetsersättning.",
        malgruppAlderFran = 20,
        malgruppAlderTill = 29,
        periodStart = $"{forstaAr}-01-01",
        periodSlut = $"{forstaAr + 1}-12-31",
    };
}
