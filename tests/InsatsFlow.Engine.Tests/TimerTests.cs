using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class TimerTests
{
    private static string Timer(string kind, string value) =>
        $"<bpmn:timerEventDefinition><bpmn:{kind}>{value}</bpmn:{kind}></bpmn:timerEventDefinition>";

    [Fact]
    public async Task Mellanliggande_timer_vantar_sin_tid_och_gar_sedan_vidare()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta">{Timer("timeDuration", "P3D")}</bpmn:intermediateCatchEvent>
            <bpmn:userTask id="a" camunda:assignee="anna" />
            {Flow("f1", "start", "vanta")}
            {Flow("f2", "vanta", "a")}
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.AdvanceAsync(TimeSpan.FromDays(2))).Should().Be(0);
        (await h.OpenTasksAsync(id)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1);
        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("a");
        (await h.EventsAsync(id)).Should().Contain("timer-fired:vanta");
    }

    [Fact]
    public async Task Timer_pa_ett_datum_fran_en_variabel_faller_den_dagen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta">{{Timer("timeDate", "${slutdatum}")}}</bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "vanta")}}
            {{Flow("f2", "vanta", "end")}}
            """));
        var id = (await h.StartAsync("p", new { slutdatum = new DateOnly(2026, 3, 10) })).InstanceId!;
        var timer = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();
        timer.DueAt.Should().Be(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(1)));
        await h.AdvanceAsync(TimeSpan.FromDays(8));
        (await h.InstanceAsync(id)).Instance.Status.Should().Be(InstanceStatus.Completed);
    }

    private static string Boundary(bool interrupting, string timer) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" camunda:assignee="anna" />
        <bpmn:boundaryEvent id="paminn" attachedToRef="yttrande" cancelActivity="{(interrupting ? "true" : "false")}">{timer}</bpmn:boundaryEvent>
        <bpmn:userTask id="folj_upp" camunda:assignee="chef" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "yttrande")}
        {Flow("f2", "yttrande", "end")}
        {Flow("f3", "paminn", "folj_upp")}
        {Flow("f4", "folj_upp", "end2")}
        """);

    [Fact]
    public async Task Avbrytande_gransttimer_avbryter_uppgiften_och_tar_sin_vag()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Boundary(true, Timer("timeDuration", "P10D")));
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.AdvanceAsync(TimeSpan.FromDays(10));
        (await h.OpenTasksAsync(id)).Select(t => t.ElementId).Should().Equal("folj_upp");
    }

    [Fact]
    public async Task Gransttimer_forsvinner_nar_uppgiften_blir_klar_i_tid()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Boundary(true, Timer("timeDuration", "P10D")));
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.CompleteAsync(id, "yttrande");
        (await h.RunAsync(e => e.PendingTimersAsync(id))).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(11))).Should().Be(0);
    }

    [Fact]
    public async Task Icke_avbrytande_cykeltimer_paminner_upprepat_och_uppgiften_ligger_kvar()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Boundary(false, Timer("timeCycle", "R2/P1D")));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1);
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1);
        (await h.AdvanceAsync(TimeSpan.FromDays(5))).Should().Be(0);
        var open = (await h.OpenTasksAsync(id)).Select(t => t.ElementId).ToList();
        open.Should().BeEquivalentTo(["yttrande", "folj_upp", "folj_upp"]);
    }

    [Fact]
    public async Task En_timer_avfyras_bara_en_gang_aven_om_den_avfyras_igen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Boundary(false, Timer("timeDuration", "P1D")));
        var id = (await h.StartAsync("p")).InstanceId!;
        var timer = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single();
        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.RunAsync(e => e.FireTimerAsync(timer.Id))).AlreadyDone.Should().BeFalse();
        (await h.RunAsync(e => e.FireTimerAsync(timer.Id))).AlreadyDone.Should().BeTrue();
        (await h.OpenTasksAsync(id)).Count(t => t.ElementId == "folj_upp").Should().Be(1);
    }

    [Fact]
    public async Task Starttimer_startar_en_instans_nar_den_faller()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("arlig", $"""
            <bpmn:startEvent id="start">{Timer("timeCycle", "R2/2026-03-05T09:00:00+01:00/P1D")}</bpmn:startEvent>
            <bpmn:userTask id="a" camunda:assignee="anna" />
            {Flow("f1", "start", "a")}
            """));
        await h.AdvanceAsync(TimeSpan.FromDays(2));
        (await h.RunAsync(e => e.FindInstancesAsync("arlig"))).Should().BeEmpty();
        await h.AdvanceAsync(TimeSpan.FromDays(1)); // 5 March 09:00, on time (a jump past both would be a misfire: CycleMisfireTests)
        (await h.RunAsync(e => e.FindInstancesAsync("arlig"))).Should().HaveCount(1);
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        (await h.RunAsync(e => e.FindInstancesAsync("arlig"))).Should().HaveCount(2);
        await h.AdvanceAsync(TimeSpan.FromDays(10));
        (await h.RunAsync(e => e.FindInstancesAsync("arlig"))).Should().HaveCount(2);
    }

    [Fact]
    public async Task En_ny_version_ersatter_den_gamla_versionens_starttimer()
    {
        using var h = new EngineHarness();
        string Def(string name) => Process("arlig", $"""
            <bpmn:startEvent id="start" name="{name}">{Timer("timeDuration", "P1D")}</bpmn:startEvent>
            <bpmn:userTask id="a" camunda:assignee="anna" />
            {Flow("f1", "start", "a")}
            """);
        await h.DeployAsync(Def("v1"));
        await h.DeployAsync(Def("v2"));
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        (await h.RunAsync(e => e.FindInstancesAsync("arlig"))).Should().ContainSingle().Which.DefinitionVersion.Should().Be(2);
    }

    private sealed class Vardagar : IBusinessCalendar
    {
        public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public async Task Arbetsdagar_raknas_med_vardens_kalender()
    {
        using var h = new EngineHarness(s => s.AddSingleton<IBusinessCalendar, Vardagar>());
        await h.DeployAsync(Process("p", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta">{{Timer("timeDate", "${workingDays(5)}")}}</bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "vanta")}}
            {{Flow("f2", "vanta", "end")}}
            """));
        // Monday 2 March 2026 + 5 working days = Monday 9 March
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.RunAsync(e => e.PendingTimersAsync(id))).Single().DueAt.Date.Should().Be(new DateTime(2026, 3, 9));
    }
}
