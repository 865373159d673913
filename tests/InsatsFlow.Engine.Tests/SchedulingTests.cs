using InsatsFlow.Data.Scheduling;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class SchedulingTests
{
    private static string Waiting => Process("p", """
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="a" camunda:assignee="anna" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
        <bpmn:sequenceFlow id="f2" sourceRef="vanta" targetRef="a" />
        """);

    private static TimerReconciliation Reconciliation(EngineHarness h) =>
        new(h.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<TimerReconciliation>.Instance);

    [Fact]
    public async Task En_timer_som_foll_medan_tjansten_var_nere_avfyras_en_gang_efter_omstart()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Waiting);
        var id = (await h.StartAsync("p")).InstanceId!;

        h.Restart();
        h.Clock.Advance(TimeSpan.FromDays(3)); // down for three days; nothing fires

        (await Reconciliation(h).ReconcileAsync(CancellationToken.None)).Fired.Should().Be(1);
        h.Restart();
        (await Reconciliation(h).ReconcileAsync(CancellationToken.None)).Fired.Should().Be(0);
        (await h.OpenTasksAsync(id)).Should().ContainSingle().Which.ElementId.Should().Be("a");
        (await h.EventsAsync(id)).Count(e => e == "timer-fired:vanta").Should().Be(1);
    }

    [Fact]
    public async Task Quartz_far_en_trigger_per_vantande_timer_i_samma_sqlitefil()
    {
        using var h = new EngineHarness(start: new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero), servicesOnDatabase: (s, db) =>
        {
            s.AddLogging();
            s.AddInsatsFlowScheduling(db); // the scheduler shares the engine's database file
        });
        await h.DeployAsync(Waiting);
        var id = (await h.StartAsync("p")).InstanceId!;
        var timer = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();

        var scheduler = await h.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(QuartzTimerScheduler.TriggerFor(timer.Id));
        trigger!.StartTimeUtc.Should().Be(timer.DueAt);

        await scheduler.UnscheduleJob(trigger.Key);
        (await Reconciliation(h).ReconcileAsync(CancellationToken.None)).Scheduled.Should().Be(1);
        (await scheduler.Exists(trigger.Key)).Should().BeTrue();

        await h.RunAsync(e => e.CancelAsync(id, "test"));
        (await scheduler.Exists(trigger.Key)).Should().BeFalse();
        (await h.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name LIKE 'QRTZ%'").SingleAsync()))
            .Should().BeGreaterThan(0);
    }

    private sealed class Signal
    {
        public TaskCompletionSource<string> Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class SignalHandler(Signal signal) : IServiceTaskHandler
    {
        public string Name => "signal";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            signal.Fired.TrySetResult(context.ProcessInstanceId);
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    [Fact]
    public async Task Quartz_avfyrar_en_forfallen_timer_genom_motorn()
    {
        var signal = new Signal();
        using var h = new EngineHarness(servicesOnDatabase: (s, db) =>
        {
            s.AddLogging();
            s.AddSingleton(signal);
            s.AddScoped<IServiceTaskHandler, SignalHandler>();
            s.AddInsatsFlowScheduling(db);
        });
        await h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="meddela" camunda:type="signal" />
            <bpmn:userTask id="a" camunda:assignee="anna" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
            <bpmn:sequenceFlow id="f2" sourceRef="vanta" targetRef="meddela" />
            <bpmn:sequenceFlow id="f3" sourceRef="meddela" targetRef="a" />
            """));
        var scheduler = await h.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start(CancellationToken.None);
        try
        {
            var id = (await h.StartAsync("p")).InstanceId!;
            h.Clock.Advance(TimeSpan.FromSeconds(2)); // Quartz runs on the host's TimeProvider: the fake clock makes it fire
            (await signal.Fired.Task.WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(id);
        }
        finally
        {
            await scheduler.Shutdown(true, CancellationToken.None);
        }
    }
}
