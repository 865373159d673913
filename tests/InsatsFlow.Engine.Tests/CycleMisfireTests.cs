using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

/// <summary>A cycle timer after downtime follows its named misfire policy (EngineOptions.CycleMisfire).</summary>
public class CycleMisfireTests
{
    // a reminder every day, five times, on an open task
    private static string Paminnelser => Process("p", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" camunda:assignee="anna" />
        <bpmn:boundaryEvent id="paminn" attachedToRef="yttrande" cancelActivity="false">
          <bpmn:timerEventDefinition><bpmn:timeCycle>R5/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="folj_upp" camunda:assignee="karin" />
        <bpmn:endEvent id="slut" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
        <bpmn:sequenceFlow id="f2" sourceRef="yttrande" targetRef="slut" />
        <bpmn:sequenceFlow id="f3" sourceRef="paminn" targetRef="folj_upp" />
        """);

    private static async Task<(EngineHarness H, string Id)> NereTreDygnAsync(CycleMisfirePolicy policy)
    {
        var h = new EngineHarness(engine: o => o.CycleMisfire = policy);
        await h.DeployAsync(Paminnelser);
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1); // on time
        h.Restart();
        h.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2)); // down over three more repetitions
        return (h, id);
    }

    [Fact]
    public async Task Efter_ett_driftstopp_avfyras_en_cykel_en_gang_och_nasta_raknas_fran_nu()
    {
        var (h, id) = await NereTreDygnAsync(CycleMisfirePolicy.FireOnceNow);
        using var _ = h;
        var nu = h.Clock.GetUtcNow();

        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(1, "one firing for the three missed");
        (await h.EventsAsync(id)).Count(e => e == "timer-fired:paminn").Should().Be(2);
        var nasta = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();
        nasta.DueAt.Should().Be(nu + TimeSpan.FromDays(1));
        nasta.Repeats.Should().Be(1, "the missed repetitions count as used: 5 − 1 on time − 3 missed");

        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1);
        (await h.AdvanceAsync(TimeSpan.FromDays(5))).Should().Be(0, "the cycle is done");
        (await h.OpenTasksAsync(id)).Count(t => t.ElementId == "folj_upp").Should().Be(3);
    }

    [Fact]
    public async Task Med_RescheduleNextWithRemainingCount_hoppas_de_missade_over_och_nasta_foljer_schemat()
    {
        var (h, id) = await NereTreDygnAsync(CycleMisfirePolicy.RescheduleNextWithRemainingCount);
        using var _ = h;
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(0);
        (await h.EventsAsync(id)).Should().Contain("timer-misfire-skipped:paminn");
        var nasta = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();
        nasta.DueAt.Should().Be(start + TimeSpan.FromDays(5), "the schedule's next repetition after now");
        nasta.Repeats.Should().Be(1);
        (await h.OpenTasksAsync(id)).Count(t => t.ElementId == "folj_upp").Should().Be(1);
    }

    [Fact]
    public async Task Med_IgnoreMisfirePolicy_avfyras_varje_missad_upprepning()
    {
        var (h, id) = await NereTreDygnAsync(CycleMisfirePolicy.IgnoreMisfirePolicy);
        using var _ = h;

        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(3);
        (await h.OpenTasksAsync(id)).Count(t => t.ElementId == "folj_upp").Should().Be(4);
    }
}
