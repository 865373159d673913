using InsatsFlow.Data;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

/// <summary>The one job executor: leases, retries, incidents, two pollers on one file, a start that does not wait.</summary>
public class JobExecutorTests
{
    private static readonly JobOptions Snabb = new() { MaxAttempts = 3, Backoff = TimeSpan.FromSeconds(10), BatchSize = 20, Lease = TimeSpan.FromMinutes(2) };

    private static EngineHarness Skapa(DatabaseProvider databas = DatabaseProvider.Sqlite, Action<IServiceCollection>? mer = null) => new(services: s =>
    {
        s.AddSingleton(Snabb);
        mer?.Invoke(s);
    }, provider: databas);

    private static JobExecutor Exekverare(EngineHarness h, string agare)
    {
        var scopes = h.Services.GetRequiredService<IServiceScopeFactory>();
        return new JobExecutor(() => { var s = scopes.CreateAsyncScope(); return new JobScope(s.ServiceProvider, s); }, Snabb, h.Clock, agare);
    }

    private static Task<Job> JobbForAsync(EngineHarness h, string timerId) =>
        h.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(j => j.Target == timerId));

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_trasigt_timerjobb_bland_friska_provas_igen_med_vantetid_och_blir_sedan_en_incident_medan_de_andra_gar_fram(DatabaseProvider databas)
    {
        using var h = Skapa(databas);
        await h.DeployAsync(SchedulingTests.Waiting("PT1H"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await h.StartAsync("p")).InstanceId!);
        var trasig = (await h.RunAsync(e => e.PendingTimersAsync(ids[1]))).Single();
        // a row the engine cannot fire: its element is not in the definition
        await h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"EngineTimers\" SET \"ElementId\" = 'finns_inte' WHERE \"Id\" = {0}", trasig.Id));
        var executor = h.Services.GetRequiredService<JobExecutor>();

        h.Clock.Advance(TimeSpan.FromHours(1));
        var forsta = await executor.RunDueAsync();
        forsta.Acted(EngineTimerJobs.KindName).Should().Be(2, "the good timers fire although the bad one throws");
        forsta.Failures.Should().ContainSingle().Which.GaveUp.Should().BeFalse();
        (await h.OpenTasksAsync(ids[0])).Should().ContainSingle();
        (await h.OpenTasksAsync(ids[2])).Should().ContainSingle();
        var jobb = await JobbForAsync(h, trasig.Id);
        jobb.Attempts.Should().Be(1);
        jobb.LastError.Should().Contain("finns_inte");
        jobb.DueAt.Should().Be(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(10));

        (await executor.RunDueAsync()).Ran.Should().Be(0, "it waits out its backoff");
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        (await executor.RunDueAsync()).Failures.Should().ContainSingle().Which.Attempt.Should().Be(2);
        (await JobbForAsync(h, trasig.Id)).DueAt.Should().Be(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20), "the backoff doubles");
        h.Clock.Advance(TimeSpan.FromSeconds(20));
        (await executor.RunDueAsync()).Failures.Should().ContainSingle().Which.GaveUp.Should().BeTrue();

        (await JobbForAsync(h, trasig.Id)).State.Should().Be(JobState.Failed);
        var incident = (await h.RunAsync(e => e.IncidentsAsync(ids[1]))).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("finns_inte");
        incident.Message.Should().Contain("kunde inte avfyras").And.Contain("finns_inte");
        h.Clock.Advance(TimeSpan.FromDays(1));
        (await executor.RunDueAsync()).Ran.Should().Be(0, "a failed job is not retried by itself");
    }

    [Fact]
    public async Task Tva_exekverare_pa_samma_fil_avfyrar_tusen_forfallna_timrar_var_och_en_exakt_en_gang()
    {
        using var h = Skapa();
        await h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="slut" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
            <bpmn:sequenceFlow id="f2" sourceRef="vanta" targetRef="slut" />
            """));
        for (var i = 0; i < 1000; i++) await h.StartAsync("p");
        h.Clock.Advance(TimeSpan.FromHours(1));

        var a = Exekverare(h, "nod-a");
        var b = Exekverare(h, "nod-b");
        var korningar = await Task.WhenAll(Task.Run(() => a.RunDueAsync()), Task.Run(() => b.RunDueAsync()));

        korningar.Sum(k => k.Acted(EngineTimerJobs.KindName)).Should().Be(1000);
        korningar.SelectMany(k => k.Failures).Should().BeEmpty();
        var avfyrade = await h.WithDbAsync(db => db.Set<JournalEntry>().Where(j => j.Event == "timer-fired").GroupBy(j => j.InstanceId)
            .Select(g => g.Count()).ToListAsync());
        avfyrade.Should().HaveCount(1000).And.OnlyContain(n => n == 1);
        (await h.WithDbAsync(db => db.Set<ProcessInstance>().CountAsync(i => i.Status == InstanceStatus.Completed))).Should().Be(1000);
        (await h.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.State != JobState.Done))).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_utgånget_las_tas_over_av_nasta_exekverare_och_den_som_dog_kan_inte_slutfora(DatabaseProvider databas)
    {
        using var h = Skapa(databas);
        await h.DeployAsync(SchedulingTests.Waiting("PT1H"));
        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.Advance(TimeSpan.FromHours(1));
        Job tagen;
        using (var scope = h.Services.CreateScope())
            tagen = (await scope.ServiceProvider.GetRequiredService<IJobStore>().ClaimAsync("nod-som-dog", h.Clock.GetUtcNow(), 10, Snabb.Lease, default)).Single();

        var b = Exekverare(h, "nod-b");
        (await b.RunDueAsync()).Ran.Should().Be(0, "the lease still holds");
        h.Clock.Advance(Snabb.Lease);
        (await b.RunDueAsync()).Acted(EngineTimerJobs.KindName).Should().Be(1);

        using (var scope = h.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<IJobStore>().CompleteAsync(tagen.Id, "nod-som-dog", h.Clock.GetUtcNow(), null, default))
                .Should().BeFalse();
        (await h.EventsAsync(id)).Count(e => e == "timer-fired:vanta").Should().Be(1);
    }

    private sealed class Grind
    {
        public TaskCompletionSource Startad { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Slapp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class LangsamtJobb(Grind grind) : IJobHandler
    {
        public string Kind => "langsamt";

        public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
        {
            grind.Startad.TrySetResult();
            await grind.Slapp.Task.WaitAsync(ct);
            return JobResult.Done;
        }
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Starten_vantar_inte_pa_en_efterslapning_pollern_arbetar_av_den_i_bakgrunden(DatabaseProvider databas)
    {
        var grind = new Grind();
        using var h = Skapa(databas, s =>
        {
            s.AddLogging();
            s.AddSingleton(grind);
            s.AddJobHandler<LangsamtJobb>("langsamt");
            s.AddInsatsFlowJobPoller();
        });
        await h.DeployAsync(SchedulingTests.Waiting("PT1H"));
        var id = (await h.StartAsync("p")).InstanceId!;
        using (var scope = h.Services.CreateScope())
        {
            var jobb = scope.ServiceProvider.GetRequiredService<IJobStore>();
            for (var i = 0; i < 5; i++)
                await jobb.EnsureAsync(Job.Create("langsamt", null, h.Clock.GetUtcNow(), h.Clock.GetUtcNow(), key: "langsamt-" + i), default);
        }
        h.Clock.Advance(TimeSpan.FromHours(2));

        var poller = h.Services.GetServices<IHostedService>().OfType<JobPoller>().Single();
        var start = poller.StartAsync(CancellationToken.None);
        await grind.Startad.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the backlog is being worked on …
        start.IsCompletedSuccessfully.Should().BeTrue("… and the start did not wait for it");

        grind.Slapp.TrySetResult();
        await poller.StopAsync(CancellationToken.None);
        // what the poller did not reach before it stopped, the next run does
        var efter = await h.Services.GetRequiredService<JobExecutor>().RunDueAsync();
        efter.Failures.Should().BeEmpty();
        (await h.WithDbAsync(db => db.Set<Job>().Where(j => j.Kind == "langsamt").Select(j => j.State + " " + j.LockOwner + " " + j.LastError).ToListAsync()))
            .Should().OnlyContain(s => s.StartsWith("Done"));
        (await h.EventsAsync(id)).Should().Contain("timer-fired:vanta");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Gamla_idempotensposter_rensas_av_ett_aterkommande_jobb(DatabaseProvider databas)
    {
        using var h = Skapa(databas);
        await h.DeployAsync(Tasks("p", "a"));
        await h.StartAsync("p", idempotencyKey: "gammal");
        h.Clock.Advance(TimeSpan.FromHours(25));
        await h.StartAsync("p", idempotencyKey: "ny");
        using (var scope = h.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IJobStore>().EnsureAsync(
                Job.Create(IdempotencyPurgeJobs.KindName, null, h.Clock.GetUtcNow(), h.Clock.GetUtcNow(), key: IdempotencyPurgeJobs.KindName), default);

        (await h.Services.GetRequiredService<JobExecutor>().RunDueAsync()).Acted(IdempotencyPurgeJobs.KindName).Should().Be(1);

        (await h.WithDbAsync(db => db.Set<IdempotencyRecord>().Select(r => r.Key).ToListAsync())).Should().Equal("ny");
        var jobb = await h.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(j => j.Kind == IdempotencyPurgeJobs.KindName));
        jobb.State.Should().Be(JobState.Pending);
        jobb.DueAt.Should().Be(h.Clock.GetUtcNow() + Snabb.IdempotencyPurgeInterval, "it falls due again");
    }
}
