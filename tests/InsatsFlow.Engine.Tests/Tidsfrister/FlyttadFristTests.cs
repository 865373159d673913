using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

public class FlyttadFristTests
{
    // due 10 working days after Monday 2 March 2026 (16 March); a reminder on the due date and an escalation 5 working days later
    private static string MedTimrar => Process("p", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" camunda:assignee="anna" camunda:dueDate="${arbetsdagar(10)}" />
        <bpmn:boundaryEvent id="paminnelse" attachedToRef="yttrande" cancelActivity="false">
          <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${arbetsdagar(10)}</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="eskalering" attachedToRef="yttrande" cancelActivity="false">
          <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${arbetsdagar(15)}</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:manualTask id="pamint" />
        <bpmn:manualTask id="eskalerat" />
        <bpmn:endEvent id="slut" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
        <bpmn:sequenceFlow id="f2" sourceRef="yttrande" targetRef="slut" />
        <bpmn:sequenceFlow id="f3" sourceRef="paminnelse" targetRef="pamint" />
        <bpmn:sequenceFlow id="f4" sourceRef="eskalering" targetRef="eskalerat" />
        """);

    private static DateTimeOffset Stockholm(int manad, int dag) => new(2026, manad, dag, 9, 0, 0, TimeSpan.FromHours(manad >= 4 ? 2 : 1));

    [Fact]
    public async Task En_flyttad_frist_flyttar_uppgiftens_timrar_lika_manga_arbetsdagar_och_journalfors_med_skalet()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(MedTimrar);
        var id = (await h.StartAsync("p")).InstanceId!;
        var uppgift = await h.TaskAsync(id, "yttrande");
        uppgift.DueAt.Should().Be(Stockholm(3, 16));

        // påsk 2026: långfredag 3 april, annandag påsk 6 april, so five working days after 1 April is 10 April
        var flytt = await h.MedAsync(d => d.MoveDueDateAsync(new MoveDueDateCommand(uppgift.Id, Stockholm(4, 1), "Medlemmen bad om anstånd", "karin")));

        flytt.Timers.Select(t => (t.ElementId, t.NewDueAt)).Should().BeEquivalentTo(new[]
        {
            ("paminnelse", Stockholm(4, 1)),
            ("eskalering", Stockholm(4, 10)),
        });
        var timrar = await h.RunAsync(e => e.PendingTimersAsync(id));
        timrar.Select(t => t.DueAt).Should().BeEquivalentTo(new[] { Stockholm(4, 1), Stockholm(4, 10) });
        (await h.TaskAsync(id, "yttrande")).DueAt.Should().Be(Stockholm(4, 1));
        var post = (await h.RunAsync(e => e.JournalAsync(id))).Single(j => j.Event == "task-due-date-moved");
        post.UserId.Should().Be("karin");
        System.Text.Json.JsonDocument.Parse(post.Payload).RootElement.GetProperty("reason").GetString().Should().Be("Medlemmen bad om anstånd");

        h.Clock.SetUtcNow(Stockholm(3, 25)); // past the old escalation date: nothing fires
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(0);
        h.Clock.SetUtcNow(Stockholm(4, 1));
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(1);
        (await h.EventsAsync(id)).Should().Contain("timer-fired:paminnelse").And.NotContain("timer-fired:eskalering");
    }

    [Fact]
    public async Task En_flyttad_frist_ger_standardkedjan_nya_tider()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(StandardkedjaTests.Yttrande());
        var id = (await h.StartAsync("p")).InstanceId!;
        var uppgift = await h.TaskAsync(id, "yttrande");
        await h.KorBevakningAsync();

        await h.MedAsync(d => d.MoveDueDateAsync(new MoveDueDateCommand(uppgift.Id, Stockholm(3, 20), "Sammanträdet flyttat", "karin")));

        h.Clock.SetUtcNow(Stockholm(3, 9)); // the old due date
        (await h.KorBevakningAsync()).Should().Be(0);
        h.Clock.SetUtcNow(Stockholm(3, 18));
        (await h.KorBevakningAsync()).Should().Be(1);
        (await h.PaminnelserAsync(id)).Should().Equal("paminnelse-fore");
    }

    [Theory]
    [InlineData("", "skal")]
    [InlineData("Försenat", "nyttDatum")]
    public async Task En_flytt_utan_skal_eller_till_en_passerad_tid_avvisas_med_faltet_namngivet_och_andrar_inget(string skal, string falt)
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(MedTimrar);
        var id = (await h.StartAsync("p")).InstanceId!;
        var uppgift = await h.TaskAsync(id, "yttrande");
        var nytt = falt == "nyttDatum" ? FristHarness.Start.AddDays(-1) : Stockholm(4, 1);

        var forsok = () => h.MedAsync(d => d.MoveDueDateAsync(new MoveDueDateCommand(uppgift.Id, nytt, skal, "karin")));

        (await forsok.Should().ThrowAsync<EngineValidationException>()).Which.Message.Should().Contain(falt);
        (await h.TaskAsync(id, "yttrande")).DueAt.Should().Be(Stockholm(3, 16));
        (await h.RunAsync(e => e.PendingTimersAsync(id))).Should().OnlyContain(t => t.State == TimerState.Pending).And.HaveCount(2);
    }

    [Fact]
    public async Task En_slutford_uppgifts_frist_kan_inte_flyttas()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(MedTimrar);
        var id = (await h.StartAsync("p")).InstanceId!;
        var uppgift = await h.TaskAsync(id, "yttrande");
        await h.CompleteAsync(id, "yttrande");

        var forsok = () => h.MedAsync(d => d.MoveDueDateAsync(new MoveDueDateCommand(uppgift.Id, Stockholm(4, 1), "sent", "karin")));
        await forsok.Should().ThrowAsync<EngineConflictException>();
    }
}
