using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Hosting;

/// <summary>
/// The demo tells the truth: every insats of both demo förbund has its lifecycle standing in the insats's phase, with
/// its history, and the seeded decisions and reports are the ones the steps wrote, not copies beside them.
/// </summary>
public sealed class DemoprocesserTests(DemoprocesserTests.Demo vard) : IClassFixture<DemoprocesserTests.Demo>
{
    /// <summary>One demo start shared by the tests: they only read it.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        public InsatsFlowFactory Factory { get; } = new();

        public Task InitializeAsync()
        {
            _ = Factory.Services; // starts the host: migrations, demo data and the demo's processes
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly string[] Paminnelser = ["_paminnelse", "_eskalering"];

    /// <summary>Where an instance of each phase waits: its open task or, between the steps, the timer it waits for.</summary>
    private static bool StarIFasen(InsatsFas fas, ProcessInstance instans, IReadOnlyCollection<string> vantar) => fas switch
    {
        InsatsFas.Idefas => vantar.Contains("Activity_idefas") || vantar.Contains("Activity_ide_beslut"),
        InsatsFas.Ansokan => vantar.Contains("Activity_ansokan"),
        InsatsFas.Beredning => vantar.Contains("Activity_yttrande") || vantar.Contains("Activity_forslag_till_beslut"),
        InsatsFas.Styrelsebeslut => vantar.Contains("Activity_styrelsebeslut"),
        InsatsFas.Genomforande => vantar.Contains("Event_implementering_tid") && vantar.Contains("Event_uppfoljningsperiod"),
        InsatsFas.Implementeringsbeslut => vantar.Contains("Event_slutdatum") && !vantar.Contains("Event_implementering_tid"),
        InsatsFas.Avslagen or InsatsFas.Avslutad => instans.Status == InstanceStatus.Completed,
        _ => false,
    };

    [Fact]
    public async Task Varje_insats_i_bada_demoforbunden_har_en_process_som_star_i_insatsens_fas()
    {
        await using var scope = vard.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var forbund = await db.Forbund.AsNoTracking()
            .Where(f => f.Organisationsnummer == DemoSeeder.Organisationsnummer || f.Organisationsnummer == DemoSeeder.NordvikOrganisationsnummer)
            .Select(f => f.Id).ToListAsync();
        var insatser = await db.Insatser.AsNoTracking().Where(i => forbund.Contains(i.ForbundId)).ToListAsync();
        insatser.Should().HaveCount(18, "thirteen in Demo and five in Nordvik");
        insatser.Select(i => i.Fas).Distinct().Should().HaveCount(Enum.GetValues<InsatsFas>().Length, "the demo shows every phase");

        foreach (var insats in insatser)
        {
            var instanser = await engine.FindInstancesAsync(Livscykelstart.Insatsprocess, insats.Id.ToString());
            instanser.Should().ContainSingle($"{insats.Diarienummer} {insats.Titel} has one lifecycle");
            var instans = instanser.Single();
            var vantar = (await engine.TasksOfInstanceAsync(instans.Id)).Select(t => t.ElementId)
                .Concat((await engine.PendingTimersAsync(instans.Id)).Select(t => t.ElementId))
                .Where(e => !Paminnelser.Any(p => e.EndsWith(p, StringComparison.Ordinal))).ToList();
            StarIFasen(insats.Fas, instans, vantar).Should().BeTrue($"{insats.Diarienummer} {insats.Titel} is in {insats.Fas}; its process waits at {string.Join(", ", vantar)} ({instans.Status})");
            (await engine.GetInstanceAsync(instans.Id)).Variables.GetValueOrDefault("fas").Should().Be(insats.Fas.ToString(), $"{insats.Titel}'s process says where it stands");
            (await engine.IncidentsAsync(instans.Id)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Sokandens_och_medlemmarnas_uppgifter_ligger_hos_dem_som_ager_dem()
    {
        await using var scope = vard.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var insatser = await db.Insatser.AsNoTracking().ToListAsync();

        var tidig = insatser.Single(i => i.Titel == "Tidig och samordnad rehabilitering");
        var forslag = (await UppgifterAsync(engine, tidig)).Should().ContainSingle().Which;
        forslag.ElementId.Should().Be("Activity_implementeringsforslag");
        forslag.CandidateGroupList.Should().Contain("beredningsgrupp");

        var traffar = insatser.Single(i => i.Titel == "Hälsoträffar i Nordvik");
        (await UppgifterAsync(engine, traffar)).Should().ContainSingle().Which.CandidateUserList.Should().Equal(DemoSeeder.NordvikSokande);

        var ungdomsteam = insatser.Single(i => i.Titel == "Ålunda ungdomsteam");
        (await UppgifterAsync(engine, ungdomsteam)).Select(t => t.CandidateGroupList.Single(g => g.StartsWith("medlem:", StringComparison.Ordinal)))
            .Should().BeEquivalentTo(ungdomsteam.InvolveradeMedlemmar.Select(m => $"medlem:{m.MedlemId}"), "one yttrande per medlem, for that medlem");
    }

    private static async Task<IReadOnlyList<TaskItem>> UppgifterAsync(ProcessEngine engine, Insats insats) =>
        await engine.TasksOfInstanceAsync((await engine.FindInstancesAsync(Livscykelstart.Insatsprocess, insats.Id.ToString())).Single().Id);

    [Fact]
    public async Task De_inlagda_besluten_och_rapporterna_finns_en_gang_och_ar_de_som_processen_skrev()
    {
        await using var scope = vard.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var insatser = await db.Insatser.AsNoTracking().ToListAsync();
        var diarium = await db.Diarieposter.AsNoTracking().ToListAsync();
        var sammantraden = await db.Sammantraden.AsNoTracking().ToListAsync();

        foreach (var insats in insatser)
        {
            insats.Beslut.Should().HaveCountLessThanOrEqualTo(1, $"{insats.Titel} was decided once");
            insats.Uppfoljningsrapporter.Select(r => (r.PeriodFran, r.PeriodTill)).Should().OnlyHaveUniqueItems(insats.Titel);
            insats.Fasbyten.Select(f => f.Fas).Should().OnlyHaveUniqueItems($"{insats.Titel} entered each phase once");
            diarium.Where(d => d.InsatsId == insats.Id).Select(d => d.Handling).Should().OnlyHaveUniqueItems($"{insats.Titel}'s diarium registers each handling once");
        }
        foreach (var beslut in insatser.SelectMany(i => i.Beslut).Where(b => b.Paragraf is not null))
            sammantraden.Should().ContainSingle(s => s.Id == beslut.SammantradeId, "the styrelse's step tied the seeded decision to its sammanträde")
                .Which.Datum.Should().Be(beslut.Datum);
        sammantraden.Select(s => (s.ForbundId, s.Datum)).Should().OnlyHaveUniqueItems();

        var halsodisken = insatser.Single(i => i.Titel == "Hälsodisken");
        var rapport = halsodisken.Uppfoljningsrapporter.Should().ContainSingle().Which;
        rapport.LamnadAv.Should().Be("sokande@demo.insatsflow.se", "the sökande's step handed in the seeded report");
        rapport.Inlamnad!.Value.Month.Should().Be(8, "it keeps when it first came in");
        diarium.Should().ContainSingle(d => d.InsatsId == halsodisken.Id && d.Handling == "Protokollsutdrag § 41").Which.DokumentId.Should().NotBeNull();

        var sanna = insatser.Single(i => i.Titel == "SANNA");
        sanna.Implementeringsbeslut!.MottagandeOrganisation.Should().Be("Region Demo, psykiatrin");
        sanna.Slutrapport.Should().NotBeNull("the sökande's last step wrote it");
        var styrelse = await db.Styrelser.AsNoTracking().SingleAsync(s => s.ForbundId == sanna.ForbundId && s.MandatperiodFran.Year == 2019);
        sammantraden.Single(s => s.Id == sanna.Beslut.Single().SammantradeId).Narvaro.Where(n => n.Narvarande).Select(n => n.LedamotId)
            .Should().BeSubsetOf(styrelse.Ledamoter.Select(l => l.Id), "the board of 2019–2023 decided SANNA");
    }

    [Fact]
    public async Task Ingen_timer_vantar_pa_en_tid_som_redan_har_varit()
    {
        await using var scope = vard.Factory.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var nu = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var timers = await engine.PendingTimersAsync();

        timers.Should().NotBeEmpty().And.OnlyContain(t => t.DueAt > nu, "a timer already due would fire at start, a storm of reminders");
    }

    [Fact]
    public async Task Sidan_for_en_avslutad_insats_visar_diagram_och_tidslinje()
    {
        Guid sanna;
        await using (var scope = vard.Factory.Services.CreateAsyncScope())
            sanna = await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Insatser.Where(i => i.Titel == "SANNA").Select(i => i.Id).SingleAsync();
        var kansli = await vard.Factory.LoggaInAsync(Inloggning.Kansli);

        var sida = await kansli.GetStringAsync($"/insatser/{sanna}");

        sida.Should().Contain("data-bpmn-viewer").And.Contain("Tidslinje").And.Contain("avslutad");
        var tidslinje = sida[sida.IndexOf("id=\"tidslinje\"", StringComparison.Ordinal)..];
        tidslinje[..tidslinje.IndexOf("</ol>", StringComparison.Ordinal)].Split("<li>").Length.Should().BeGreaterThan(5, "the timeline shows the history from the idé to the slutrapport");
    }
}
