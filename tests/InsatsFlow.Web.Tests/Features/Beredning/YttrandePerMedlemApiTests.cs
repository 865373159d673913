using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Beredning;

/// <summary>
/// On the demo's insats in beredning ("Samordnat stöd för unga vuxna", four medlemmar): each yttrande belongs to its
/// own medlem's representatives, and the API says which medlem; a gate that fails says what failed.
/// </summary>
public sealed class YttrandePerMedlemApiTests : IAsyncLifetime
{
    private const string Region = "beredning.region@demo.insatsflow.se";
    private readonly InsatsFlowFactory factory = new();

    public Task InitializeAsync()
    {
        _ = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private sealed record Medlem(Guid Id, string Namn);

    private sealed record Uppgift(string Id, string ElementId, string InstansId, string? Tilldelad, long Version, Medlem? Medlem);

    private async Task<T> MedDbAsync<T>(Func<InsatsFlowDbContext, Task<T>> fraga)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await fraga(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());
    }

    private async Task<Uppgift> YttrandeAsync(string konto)
    {
        var klient = await factory.LoggaInAsync(konto);
        // the demo's "Samordnat stöd för unga vuxna"; other demo insatser stand in beredning too
        var instans = await MedDbAsync(async db =>
        {
            var insats = await db.Insatser.AsNoTracking().SingleAsync(i => i.Titel == "Samordnat stöd för unga vuxna");
            return (await db.Set<InsatsFlow.Engine.Store.ProcessInstance>().AsNoTracking().SingleAsync(i => i.BusinessKey == insats.Id.ToString())).Id;
        });
        return (await klient.PosterAsync<Uppgift>("/api/uppgifter/grupp"))!.Single(u => u.ElementId == "Activity_yttrande" && u.InstansId == instans);
    }

    [Fact]
    public async Task Varje_foretradare_ser_bara_sin_egen_medlems_yttrande_och_vilken_medlem_det_galler()
    {
        var fk = await YttrandeAsync(Inloggning.Beredning);
        var region = await YttrandeAsync(Region);

        fk.Medlem!.Namn.Should().Be("Försäkringskassan");
        region.Medlem!.Namn.Should().Be("Region Demo");
        fk.Id.Should().NotBe(region.Id);
    }

    [Fact]
    public async Task En_annan_medlems_foretradare_nekas_att_ta_och_slutfora_och_ingenting_andras()
    {
        var fk = await YttrandeAsync(Inloggning.Beredning);
        var region = await factory.LoggaInAsync(Region);

        (await region.PostAsync($"/api/uppgifter/{fk.Id}/ta", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var svar = await region.PostAsJsonAsync($"/api/uppgifter/{fk.Id}/slutfor", new { variabler = new { sammanfattning = "Fel medlem.", tillstyrker = true } });

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("Försäkringskassan");
        var kvar = await YttrandeAsync(Inloggning.Beredning);
        kvar.Version.Should().Be(fk.Version);
        kvar.Tilldelad.Should().BeNull();
        (await MedDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Titel == "Samordnat stöd för unga vuxna"))).Yttranden.Should().BeEmpty();
    }

    [Fact]
    public async Task Att_ta_ett_yttrande_andrar_inte_instansen_sa_en_annan_medlem_kan_slutfora_sitt_samtidigt()
    {
        var fk = await YttrandeAsync(Inloggning.Beredning);
        var region = await YttrandeAsync(Region);
        var fore = await MedDbAsync(db => db.Set<InsatsFlow.Engine.Store.ProcessInstance>().AsNoTracking().SingleAsync(i => i.Id == fk.InstansId));

        var regionKlient = await factory.LoggaInAsync(Region);
        (await regionKlient.PostAsync($"/api/uppgifter/{region.Id}/ta", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await MedDbAsync(db => db.Set<InsatsFlow.Engine.Store.ProcessInstance>().AsNoTracking().SingleAsync(i => i.Id == fk.InstansId))).Version.Should().Be(fore.Version);
        var fkKlient = await factory.LoggaInAsync(Inloggning.Beredning);
        (await fkKlient.PostAsJsonAsync($"/api/uppgifter/{fk.Id}/slutfor", new { variabler = new { sammanfattning = "FK tillstyrker.", tillstyrker = true }, version = fk.Version }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Kansliet_lamnar_ett_yttrande_for_en_medlem_bara_med_ett_skal_som_sparas_och_journalfors()
    {
        var fk = await YttrandeAsync(Inloggning.Beredning);
        var kansli = await factory.LoggaInAsync(Inloggning.Kansli);
        var formular = new { sammanfattning = "Lämnat muntligt av FK.", tillstyrker = true };

        (await kansli.PostAsJsonAsync($"/api/uppgifter/{fk.Id}/slutfor", new { variabler = formular })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await kansli.PostAsJsonAsync($"/api/uppgifter/{fk.Id}/slutfor", new { variabler = formular, skal = "FK:s företrädare är sjuk; yttrandet lämnat per telefon." }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var yttrande = (await MedDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Titel == "Samordnat stöd för unga vuxna"))).Yttranden.Should().ContainSingle().Subject;
        yttrande.LamnatAv.Should().Be(Inloggning.Kansli);
        yttrande.Ombudsskal.Should().Contain("per telefon");
        var journal = await MedDbAsync(db => db.Set<InsatsFlow.Engine.Store.JournalEntry>().AsNoTracking().Where(j => j.InstanceId == fk.InstansId && j.Event == "task-completed").ToListAsync());
        journal.Should().Contain(j => j.Payload.Contains("per telefon") && j.UserId == Inloggning.Kansli);
    }

    [Fact]
    public async Task Uppgiftens_underlag_visar_processen_och_fasen_i_ord_ansokan_och_medlemmen()
    {
        var fk = await YttrandeAsync(Inloggning.Beredning);
        var klient = await factory.LoggaInAsync(Inloggning.Beredning);

        var underlag = await klient.GetFromJsonAsync<JsonObject>($"/api/uppgifter/{fk.Id}/underlag");

        underlag!["process"]!.GetValue<string>().Should().Be("Insatsens livscykel");
        underlag["fas"]!.GetValue<string>().Should().Be("Beredning");
        underlag["medlem"]!["namn"]!.GetValue<string>().Should().Be("Försäkringskassan");
        underlag["insats"]!["avsnitt"]!.AsArray().Should().Contain(a => a!["rubrik"]!.GetValue<string>() == "Resurser" && a["text"]!.GetValue<string>() == "En samordnare på heltid.");
        underlag["regelprovningar"]!.AsArray().Should().NotBeEmpty();
        (await (await factory.LoggaInAsync(Inloggning.Sokande)).GetAsync($"/api/uppgifter/{fk.Id}/underlag")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>Takes the demo's "Tidiga insatser vid sjukskrivning" on to the ansökan, for the sökande.</summary>
    private async Task<string> TillAnsokanAsync()
    {
        var beredning = await factory.LoggaInAsync(Region);
        var beslut = (await beredning.PosterAsync<Uppgift>("/api/uppgifter/grupp"))!.Single(u => u.ElementId == "Activity_ide_beslut");
        (await beredning.PostAsJsonAsync($"/api/uppgifter/{beslut.Id}/slutfor", new { variabler = new { ideBeslut = "vidare", motivering = "Bra." } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);
        return (await sokande.PosterAsync<Uppgift>("/api/uppgifter/grupp"))!.Single(u => u.ElementId == "Activity_ansokan" && u.InstansId == beslut.InstansId).Id;
    }

    /// <param name="beskrivning">The second line's own words (its kostnadstyp is picked from the jurists' list).</param>
    private static JsonObject Ansokan(string? beskrivning = null) => JsonSerializer.SerializeToNode(new
    {
        projektstyrning = "Styrgrupp.", relationTillAndraVerksamheter = "Kompletterar primärvården.", resurser = "En samordnare.",
        tidplan = "Två år.", utvardering = "Extern.", implementering = "Regionen tar över.",
        kontaktpersoner = new[] { new { namn = "Helena Strand", epost = Inloggning.Sokande } },
        budgetrader = new object[] { new { kostnadstyp = "personal", ar = 2027, belopp = 300_000m }, new { kostnadstyp = "material", ar = 2027, belopp = 12_000m, beskrivning } },
        berordaMedlemmar = new[] { new { medlem = "Försäkringskassan" }, new { medlem = "Region Demo" } },
        malgruppBeskrivning = "Sjukskrivna.", malgruppAlderFran = 20, malgruppAlderTill = 64,
        periodStart = "2027-01-01", periodSlut = "2028-12-31",
    })!.AsObject();

    [Fact]
    public async Task En_ansokan_som_grinden_avvisar_far_svar_med_budgetraden_och_den_ateroppnade_uppgiften_visar_samma()
    {
        var uppgift = await TillAnsokanAsync();
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);

        var svar = await sokande.PostAsJsonAsync($"/api/uppgifter/{uppgift}/slutfor", new { variabler = Ansokan(beskrivning: "Busskort") });

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        var resultat = (await svar.Content.ReadFromJsonAsync<JsonObject>())!;
        var fallen = resultat["regelprovningar"]!.AsArray().Single(p => !p!["uppfylld"]!.GetValue<bool>())!;
        fallen["regelverk"]!.GetValue<string>().Should().Be("stodberattigande-kostnader");
        var regel = fallen["regler"]!.AsArray().Single(r => r!["meddelande"] is not null)!;
        regel["detalj"]!.GetValue<string>().Should().Be("material Busskort 12 000");
        regel["rattsligGrund"]!.GetValue<string>().Should().Contain("FINSAM");

        var ater = resultat["openTaskIds"]!.AsArray().Select(t => t!.GetValue<string>()).Single();
        var underlag = await sokande.GetFromJsonAsync<JsonObject>($"/api/uppgifter/{ater}/underlag");
        underlag!["aterOppnadAv"]!.AsArray().SelectMany(p => p!["regler"]!.AsArray()).Select(r => r!["detalj"]?.GetValue<string>())
            .Should().Contain("material Busskort 12 000");
    }

    [Fact]
    public async Task En_ansokan_utan_malgruppens_alder_gar_tillbaka_till_sokanden_med_uppgift_saknas()
    {
        var uppgift = await TillAnsokanAsync();
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);
        var ansokan = Ansokan();
        ansokan.Remove("malgruppAlderFran");
        ansokan.Remove("malgruppAlderTill");

        var svar = await sokande.PostAsJsonAsync($"/api/uppgifter/{uppgift}/slutfor", new { variabler = ansokan });

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("Uppgift saknas: målgruppens ålder");
        var mina = await sokande.PosterAsync<Uppgift>("/api/uppgifter/grupp");
        mina!.Should().Contain(u => u.ElementId == "Activity_ansokan");
        await using var scope = factory.Services.CreateAsyncScope();
        var instans = mina!.First(u => u.ElementId == "Activity_ansokan").InstansId;
        (await scope.ServiceProvider.GetRequiredService<ProcessEngine>().IncidentsAsync(instans)).Should().BeEmpty();
    }
}
