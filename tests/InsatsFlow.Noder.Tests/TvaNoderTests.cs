using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using InsatsFlow.Noder.Tests.Support;
using InsatsFlow.Rules.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Noder.Tests;

/// <summary>Two hosts on one PostgreSQL database run as one service: jobs once, conflicts as on one node, shared sign-in and catalogues.</summary>
public sealed class TvaNoderTests(Kluster kluster) : IClassFixture<Kluster>
{
    private static readonly TimeSpan Granss = TimeSpan.FromMinutes(3);

    internal static string Timerprocess(string nyckel) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="{nyckel}" name="Vänta en timme" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="vanta" targetRef="granska" />
            <bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="kansli" />
            <bpmn:sequenceFlow id="f3" sourceRef="granska" targetRef="slut" />
            <bpmn:endEvent id="slut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Uppgiftsprocess(string nyckel, string uppgift) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="{nyckel}" name="Yttrande" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{uppgift}" />
            <bpmn:userTask id="{uppgift}" name="Yttra dig" camunda:candidateGroups="beredningsgrupp" />
            <bpmn:sequenceFlow id="f2" sourceRef="{uppgift}" targetRef="slut" />
            <bpmn:endEvent id="slut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Tusen_forfallna_timers_gar_en_gang_var_fast_bada_noderna_hamtar_jobb()
    {
        const string nyckel = "nodprov-timer";
        await kluster.A.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().DeployAsync(Timerprocess(nyckel), nyckel + ".bpmn"));
        var instanser = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForAsync(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            instanser.Add((await kluster.A.MedAsync(sp => sp.GetRequiredService<ProcessEngine>()
                .StartAsync(new StartCommand(nyckel) { BusinessKey = $"timer-{i}" }, ct))).InstanceId!));
        var ids = instanser.ToList();
        var timers = await kluster.A.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<TimerJob>()
            .Where(t => ids.Contains(t.InstanceId!)).Select(t => t.Id).ToListAsync());
        timers.Should().HaveCount(1000);

        kluster.Klocka.Forskjutning += TimeSpan.FromHours(2);

        await Vanta.TillsAsync(() => kluster.B.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<Job>()
            .CountAsync(j => j.Kind == EngineTimerJobs.KindName && timers.Contains(j.Target!) && j.State == JobState.Done)
            .ContinueWith(t => t.Result == 1000)), Granss, "alla 1000 timerjobb klara");

        var korningar = timers.Select(kluster.Korningar.Av).ToList();
        korningar.Should().OnlyContain(k => k.Count == 1, "each due timer runs once, on one node");
        korningar.SelectMany(k => k).Distinct().Should().BeEquivalentTo(["nod-a", "nod-b"], "both nodes' pollers take jobs");
        var oppna = await kluster.B.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<TaskItem>()
            .Where(t => ids.Contains(t.InstanceId) && t.State == TaskState.Open).GroupBy(t => t.InstanceId).Select(g => g.Count()).ToListAsync());
        oppna.Should().HaveCount(1000).And.OnlyContain(n => n == 1, "every instance moved past its timer once");
    }

    [Fact]
    public async Task Tva_samtidiga_slutforanden_av_en_uppgift_pa_var_sin_nod_ger_en_vinnare_och_409()
    {
        const string nyckel = "nodprov-yttrande";
        var uppgift = await kluster.A.MedAsync(async sp =>
        {
            var engine = sp.GetRequiredService<ProcessEngine>();
            await engine.DeployAsync(Uppgiftsprocess(nyckel, "yttra"), nyckel + ".bpmn");
            // the demo förbund's instance, so its beredningsgrupp accounts find the task (the engine's data is filtered by förbund)
            var forbund = await sp.GetRequiredService<InsatsFlowDbContext>().Forbund
                .Where(f => f.Organisationsnummer == InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer).Select(f => f.Id).SingleAsync();
            return (await engine.StartAsync(new StartCommand(nyckel) { BusinessKey = "samtidig-1", TenantId = forbund.ToString() })).OpenTaskIds.Single();
        });
        var paA = await kluster.A.LoggaInAsync(Inloggning.Beredning);
        var paB = await kluster.B.LoggaInAsync(Inloggning.BeredningRegion);

        var svar = await Task.WhenAll(
            paA.PostAsJsonAsync($"/api/uppgifter/{uppgift}/slutfor", new { }),
            paB.PostAsJsonAsync($"/api/uppgifter/{uppgift}/slutfor", new { }));

        svar.Select(s => s.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await svar.Single(s => s.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()).Should().Contain("Någon annan hann före");
    }

    [Fact]
    public async Task En_inloggning_pa_ena_noden_galler_pa_den_andra_utan_klistriga_sessioner()
    {
        // the sign-in form (its antiforgery cookie and token) comes from A, the sign-in is posted to B
        var fran = kluster.A.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var sida = await fran.GetAsync("/logga-in");
        var antiforgery = string.Join("; ", sida.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var tillB = kluster.B.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var inloggning = new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in")
        {
            Content = Inloggning.Formular(await sida.Content.ReadAsStringAsync(), Inloggning.Beredning),
        };
        inloggning.Headers.Add("Cookie", antiforgery);
        var svar = await tillB.SendAsync(inloggning);
        svar.Headers.Location!.OriginalString.Should().NotContain("fel=");
        var kaka = svar.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("InsatsFlow=")).Split(';')[0];

        // the cookie B made is read on A
        var paA = kluster.A.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var fraga = new HttpRequestMessage(HttpMethod.Get, "/api/uppgifter/mina");
        fraga.Headers.Add("Cookie", kaka);
        (await paA.SendAsync(fraga)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await kluster.A.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().DataProtectionKeys.CountAsync()))
            .Should().BeGreaterThan(0, "the key ring is in the database, not in one machine's folder");
    }

    [Fact]
    public async Task En_ny_version_publicerad_pa_ena_noden_ar_den_som_startar_pa_den_andra()
    {
        const string nyckel = "nodprov-version";
        await kluster.A.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().DeployAsync(Uppgiftsprocess(nyckel, "forsta"), nyckel + ".bpmn"));
        var forsta = await kluster.B.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().StartAsync(new StartCommand(nyckel)));
        forsta.ActiveElements.Should().Equal("forsta");

        await kluster.A.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().DeployAsync(Uppgiftsprocess(nyckel, "andra"), nyckel + ".bpmn"));
        var andra = await kluster.B.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().StartAsync(new StartCommand(nyckel)));

        andra.ActiveElements.Should().Equal(["andra"], "B starts the version A published, not one it read before");
    }

    [Fact]
    public async Task En_regelfil_som_ena_noden_laddar_om_laddas_om_pa_den_andra()
    {
        var regler = kluster.B.Services.GetRequiredService<RuleCatalogueHolder>();
        regler.Current.Version("balanskrav", "2099.1").Should().BeNull();
        var kalla = File.ReadAllText(Path.Combine(kluster.Regler, "balanskrav", "2024.1.json"));

        File.WriteAllText(Path.Combine(kluster.Regler, "balanskrav", "2099.1.json"),
            kalla.Replace("\"version\": \"2024.1\"", "\"version\": \"2099.1\"").Replace("\"giltigFran\": \"2024-01-01\"", "\"giltigFran\": \"2099-01-01\""));

        await Vanta.TillsAsync(() => kluster.A.Services.GetRequiredService<RuleCatalogueHolder>().Current.Version("balanskrav", "2099.1") is not null,
            Granss, "A laddar om efter filändringen");
        await Vanta.TillsAsync(() => regler.Current.Version("balanskrav", "2099.1") is not null, Granss, "B laddar om efter A:s signal");
    }

    [Fact]
    public async Task En_mall_som_ena_noden_laddar_om_laddas_om_pa_den_andra()
    {
        var mallar = kluster.B.Services.GetRequiredService<TemplateStore>();
        mallar.Mallar.Should().NotContain(m => m.Namn == "nodprov");

        File.WriteAllText(Path.Combine(kluster.Mallar, "nodprov.sbn"), "Hej {{ namn }}");

        await Vanta.TillsAsync(() => mallar.Mallar.Any(m => m.Namn == "nodprov"), Granss, "B laddar om mallarna efter A:s signal");
    }
}
