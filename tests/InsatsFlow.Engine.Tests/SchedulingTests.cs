using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class SchedulingTests
{
    internal static string Waiting(string duration = "P1D") => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="a" camunda:assignee="anna" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
        <bpmn:sequenceFlow id="f2" sourceRef="vanta" targetRef="a" />
        """);

    [Fact]
    public async Task En_timer_som_foll_medan_tjansten_var_nere_avfyras_en_gang_efter_omstart()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Waiting());
        var id = (await h.StartAsync("p")).InstanceId!;

        h.Restart();
        h.Clock.Advance(TimeSpan.FromDays(3)); // down for three days; nothing fires

        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(1);
        h.Restart();
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(0);
        (await h.OpenTasksAsync(id)).Should().ContainSingle().Which.ElementId.Should().Be("a");
        (await h.EventsAsync(id)).Count(e => e == "timer-fired:vanta").Should().Be(1);
    }

    [Fact]
    public async Task En_vantande_timer_ar_ett_jobb_skrivet_i_samma_kommando_och_quartz_har_inga_motortimrar()
    {
        using var h = new EngineHarness(start: new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));
        await h.DeployAsync(Waiting());
        var id = (await h.StartAsync("p")).InstanceId!;
        var timer = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();

        var jobb = await h.WithDbAsync(db => db.Set<Job>().Where(j => j.Target == timer.Id).ToListAsync());
        jobb.Should().ContainSingle().Which.Should().Match<Job>(j =>
            j.Kind == EngineTimerJobs.KindName && j.DueAt == timer.DueAt && j.State == JobState.Pending && j.LockOwner == null);
        (await h.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name LIKE 'QRTZ%'").SingleAsync()))
            .Should().Be(0, "the engine alone needs no Quartz");
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
    public async Task Pollern_avfyrar_en_forfallen_timer_genom_motorn()
    {
        var signal = new Signal();
        using var h = new EngineHarness(services: s =>
        {
            s.AddLogging();
            s.AddSingleton(signal);
            s.AddScoped<IServiceTaskHandler, SignalHandler>();
            s.AddInsatsFlowJobPoller();
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
        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        var poller = h.Services.GetServices<IHostedService>().OfType<JobPoller>().Single();
        await poller.StartAsync(CancellationToken.None);
        try
        {
            (await signal.Fired.Task.WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(id);
        }
        finally
        {
            await poller.StopAsync(CancellationToken.None);
        }
    }
}
