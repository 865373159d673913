using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Handelser;
using InsatsFlow.Data;
using InsatsFlow.Data.Integration;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Features;
using InsatsFlow.Web.Features.Insatser;
using InsatsFlow.Web.Features.Integration;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Web.Tests.Integration;

/// <summary>The host on a clock the tests move (retries fall due when the test says), and a real receiver on loopback.</summary>
public sealed class WebhookVard : ApiVard
{
    public static readonly FakeTimeProvider Klocka = new(DateTimeOffset.UtcNow);

    public WebhookVard() : base(null, s => s.AddSingleton<TimeProvider>(Klocka)) { }

    public Webhookmottagare Mottagare { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Mottagare = await Webhookmottagare.StartaAsync();
    }

    public override async Task DisposeAsync()
    {
        await Mottagare.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Runs every due job now, as the poller would (one run at a time: a run of the poller is waited for).</summary>
    public Task<JobRun> KorJobbAsync() => Factory.Services.GetRequiredService<JobExecutor>().RunDueAsync();

    public async Task<NyWebhookHemlighet> PrenumereraAsync(string sokvag, params string[] handelser)
    {
        var admin = await SomAsync(Roller.Admin);
        using var svar = await admin.PostAsJsonAsync("/api/integration/webhooks", new { url = Mottagare.Adress + sokvag, handelser });
        svar.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await svar.Content.ReadFromJsonAsync<NyWebhookHemlighet>())!;
    }

    public async Task<RegistreradInsats> RegistreraAsync(string titel)
    {
        using var svar = await (await SomAsync(Roller.Kansli)).PostAsJsonAsync("/api/insatser", new { titel, sokandeOrganisation = "Norrby kommun" });
        svar.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await svar.Content.ReadFromJsonAsync<RegistreradInsats>())!;
    }
}

/// <summary>Other systems hear what happens through signed webhooks, written with the change and delivered by the job executor.</summary>
public sealed class WebhookTests(WebhookVard vard) : IClassFixture<WebhookVard>
{
    [Fact]
    public async Task En_registrerad_insats_nar_prenumeranten_som_en_signerad_handelse()
    {
        var prenumeration = await vard.PrenumereraAsync("/registrerad", Handelsetyp.InsatsRegistrerad, Handelsetyp.UppgiftSkapad);
        var insats = await vard.RegistreraAsync("Webhookens insats");

        await vard.KorJobbAsync();
        var registrerad = await vard.Mottagare.NastaAsync("/registrerad", w => w.Typ == Handelsetyp.InsatsRegistrerad);
        var uppgift = await vard.Mottagare.NastaAsync("/registrerad", w => w.Typ == Handelsetyp.UppgiftSkapad);

        // the receiver's check, written out as the Standard Webhooks specification gives it
        var nyckel = Convert.FromBase64String(prenumeration.Hemlighet["whsec_".Length..]);
        var vantad = "v1," + Convert.ToBase64String(HMACSHA256.HashData(nyckel, Encoding.UTF8.GetBytes($"{registrerad.Id}.{registrerad.Tid}.{registrerad.Kropp}")));
        registrerad.Signatur.Should().Be(vantad);
        Webhooksignatur.Verifiera(prenumeration.Hemlighet, registrerad.Id, registrerad.Tid, registrerad.Signatur, registrerad.Kropp, WebhookVard.Klocka.GetUtcNow()).Should().BeTrue();
        registrerad.Json.GetProperty("data").GetProperty("insatsId").GetGuid().Should().Be(insats.Id);
        registrerad.Json.GetProperty("id").GetString().Should().Be(registrerad.Id);
        uppgift.Json.GetProperty("data").GetProperty("uppgiftId").GetString().Should().Be(insats.Uppgifter.Single());
    }

    [Fact]
    public async Task En_insats_som_rullas_tillbaka_lamnar_ingen_handelse_efter_sig()
    {
        await vard.PrenumereraAsync("/aterstalld", Handelsetyp.InsatsRegistrerad);
        var forbundId = await vard.ForbundIdAsync(InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer);
        var id = Guid.NewGuid();

        var iTransaktionen = await vard.MedTjansterAsync(async sp =>
        {
            var db = sp.GetRequiredService<InsatsFlowDbContext>();
            await using var transaktion = await db.Database.BeginTransactionAsync();
            db.Insatser.Add(new Insats { Id = id, ForbundId = forbundId, Diarienummer = "SF 2026/990", Titel = "Ångrad insats", SokandeOrganisation = "Norrby kommun" });
            await db.SaveChangesAsync();
            var antal = await db.Set<Webhookhandelse>().CountAsync(h => h.Innehall.Contains(id.ToString()));
            await transaktion.RollbackAsync();
            return antal;
        });
        var efter = await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<Webhookhandelse>().CountAsync(h => h.Innehall.Contains(id.ToString())));
        var insatsen = await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Insatser.AnyAsync(i => i.Id == id));

        iTransaktionen.Should().Be(1);
        efter.Should().Be(0);
        insatsen.Should().BeFalse();
    }

    [Fact]
    public async Task En_mottagare_som_svarar_500_far_samma_handelse_igen_efter_vantetiden()
    {
        var prenumeration = await vard.PrenumereraAsync("/nere-en-stund", Handelsetyp.InsatsRegistrerad);
        vard.Mottagare.SvaraMed("/nere-en-stund", 500);
        var insats = await vard.RegistreraAsync("Insats till en mottagare som är nere");
        bool Var(MottagenWebhook w) => w.Json.GetProperty("data").GetProperty("insatsId").GetGuid() == insats.Id;

        await vard.KorJobbAsync();
        var forsta = await vard.Mottagare.NastaAsync("/nere-en-stund", Var);
        await vard.KorJobbAsync(); // not due yet: the backoff
        var foreVantetiden = vard.Mottagare.Till("/nere-en-stund").Count(Var);
        WebhookVard.Klocka.Advance(new JobOptions().BackoffAfter(1) + TimeSpan.FromSeconds(1));
        await vard.KorJobbAsync();
        var andra = await vard.Mottagare.NastaAsync("/nere-en-stund", Var);

        foreVantetiden.Should().Be(1);
        andra.Id.Should().Be(forsta.Id, "webhook-id is the event's, for the receiver to deduplicate");
        var logg = await LeveranserAsync(prenumeration.Prenumeration.Id);
        var leverans = logg.Poster.Single(l => l.HandelseId == Guid.Parse(forsta.Id));
        leverans.Status.Should().Be(Leveransstatus.Levererad);
        leverans.Forsoklogg.Select(f => f.Statuskod).Should().Equal(500, 200);
        leverans.Forsoklogg[0].Fel.Should().Contain("500");
    }

    [Fact]
    public async Task En_mottagare_som_aldrig_svarar_ratt_ger_en_misslyckad_leverans_efter_sista_forsoket()
    {
        var options = new JobOptions();
        var prenumeration = await vard.PrenumereraAsync("/alltid-fel", Handelsetyp.InsatsRegistrerad);
        vard.Mottagare.SvaraMed("/alltid-fel", [.. Enumerable.Repeat(503, options.MaxAttempts)]);
        await vard.RegistreraAsync("Insats till en mottagare som alltid svarar fel");

        for (var forsok = 1; forsok <= options.MaxAttempts; forsok++)
        {
            await vard.KorJobbAsync();
            WebhookVard.Klocka.Advance(options.BackoffAfter(forsok) + TimeSpan.FromSeconds(1));
        }
        var logg = await LeveranserAsync(prenumeration.Prenumeration.Id);

        var leverans = logg.Poster.Single();
        leverans.Status.Should().Be(Leveransstatus.Misslyckad);
        leverans.Forsok.Should().Be(options.MaxAttempts);
        leverans.Forsoklogg.Should().HaveCount(options.MaxAttempts).And.OnlyContain(f => f.Statuskod == 503);
    }

    [Fact]
    public async Task Ett_beslut_och_en_incident_blir_handelser_med_sitt_forbund()
    {
        await vard.PrenumereraAsync("/beslut-incident", Handelsetyp.BeslutFattat, Handelsetyp.IncidentOppnad);
        var insats = await vard.RegistreraAsync("Insats med beslut och incident");

        await vard.MedTjansterAsync(async sp =>
        {
            var db = sp.GetRequiredService<InsatsFlowDbContext>();
            db.Beslut.Add(new Beslut { InsatsId = insats.Id, Typ = BeslutsTyp.Avslag, Datum = new DateOnly(2026, 12, 1), Paragraf = 7 });
            db.Set<Incident>().Add(new Incident { Id = Guid.NewGuid().ToString("N"), InstanceId = insats.InstansId!, TokenId = "t", ElementId = "prov", Message = "Provfel" });
            return await db.SaveChangesAsync();
        });
        await vard.KorJobbAsync();
        var beslut = await vard.Mottagare.NastaAsync("/beslut-incident", w => w.Typ == Handelsetyp.BeslutFattat);
        var incident = await vard.Mottagare.NastaAsync("/beslut-incident", w => w.Typ == Handelsetyp.IncidentOppnad);

        beslut.Json.GetProperty("data").GetProperty("beslut").GetString().Should().Be("Avslag");
        incident.Json.GetProperty("data").GetProperty("arende").GetString().Should().Be(insats.Id.ToString());
    }

    [Fact]
    public async Task Hemligheten_visas_bara_nar_prenumerationen_skapas()
    {
        var ny = await vard.PrenumereraAsync("/hemlig", Handelsetyp.UppgiftSlutford);

        var lista = await (await vard.SomAsync(Roller.Admin)).GetStringAsync("/api/integration/webhooks");

        ny.Hemlighet.Should().StartWith("whsec_");
        lista.Should().Contain("/hemlig").And.NotContain(ny.Hemlighet);
    }

    [Fact]
    public async Task En_okand_handelse_ar_ett_400_som_namnger_faltet_och_skapar_ingen_prenumeration()
    {
        var admin = await vard.SomAsync(Roller.Admin);

        using var svar = await admin.PostAsJsonAsync("/api/integration/webhooks", new { url = vard.Mottagare.Adress + "/okand", handelser = new[] { "insats.raderad" } });
        var problem = await svar.Content.ReadFromJsonAsync<JsonElement>();

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("handelser")[0].GetString().Should().Contain("insats.raderad");
        (await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Webhookprenumerationer.AnyAsync(p => p.Url.EndsWith("/okand")))).Should().BeFalse();
    }

    [Fact]
    public async Task Bara_admin_hanterar_webhooks()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        using var svar = await kansli.GetAsync("/api/integration/webhooks");

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task En_avslutad_prenumeration_far_inga_fler_handelser()
    {
        var ny = await vard.PrenumereraAsync("/avslutad", Handelsetyp.InsatsRegistrerad);
        (await (await vard.SomAsync(Roller.Admin)).PostAsync($"/api/integration/webhooks/{ny.Prenumeration.Id}/avsluta", null)).EnsureSuccessStatusCode();

        await vard.RegistreraAsync("Insats efter avslutad prenumeration");
        await vard.KorJobbAsync();

        (await LeveranserAsync(ny.Prenumeration.Id)).Totalt.Should().Be(0);
    }

    private async Task<Sidresultat<WebhookleveransDto>> LeveranserAsync(Guid prenumeration) =>
        (await (await vard.SomAsync(Roller.Admin)).GetFromJsonAsync<Sidresultat<WebhookleveransDto>>(
            $"/api/integration/webhooks/{prenumeration}/leveranser", new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }))!;
}
