using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class MessageTests
{
    private const string Messages = """
        <bpmn:message id="m_svar" name="svar" />
        <bpmn:message id="m_ansokan" name="ansokan" />
        <bpmn:message id="m_aterkallad" name="aterkallad" />
        """;

    [Fact]
    public async Task Meddelande_nar_den_instans_som_har_affarsnyckeln()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta_svar"><bpmn:messageEventDefinition messageRef="m_svar" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="las" camunda:assignee="anna" />
            {Flow("f1", "start", "vanta_svar")}
            {Flow("f2", "vanta_svar", "las")}
            """, Messages));
        var a = (await h.StartAsync("p", businessKey: "A")).InstanceId!;
        var b = (await h.StartAsync("p", businessKey: "B")).InstanceId!;
        var result = await h.CorrelateAsync("svar", "B", new { text = "ja" });
        result.InstanceId.Should().Be(b);
        (await h.OpenTasksAsync(b)).Should().ContainSingle();
        (await h.OpenTasksAsync(a)).Should().BeEmpty();
        (await h.InstanceAsync(b)).Variables["text"].Should().Be("ja");
    }

    [Fact]
    public async Task Meddelande_som_ingen_vantar_pa_ger_ett_tydligt_fel()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        var act = () => h.CorrelateAsync("svar", "X");
        (await act.Should().ThrowAsync<EngineNotFoundException>()).WithMessage("*svar*X*");
    }

    [Fact]
    public async Task Meddelandestart_startar_en_instans_med_affarsnyckeln()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m_ansokan" /></bpmn:startEvent>
            <bpmn:userTask id="registrera" camunda:assignee="anna" />
            {Flow("f1", "start", "registrera")}
            """, Messages));
        var result = await h.CorrelateAsync("ansokan", "INS-7", new { titel = "Steg 1" });
        var instance = await h.InstanceAsync(result.InstanceId!);
        instance.Instance.BusinessKey.Should().Be("INS-7");
        instance.Variables["titel"].Should().Be("Steg 1");
        result.ActiveElements.Should().Equal("registrera");
    }

    [Fact]
    public async Task Meddelande_pa_gransen_avbryter_aktiviteten()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="bered" camunda:assignee="anna" />
            <bpmn:boundaryEvent id="aterkallad" attachedToRef="bered"><bpmn:messageEventDefinition messageRef="m_aterkallad" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="slut" />
            <bpmn:endEvent id="stangd" />
            {Flow("f1", "start", "bered")}
            {Flow("f2", "bered", "slut")}
            {Flow("f3", "aterkallad", "stangd")}
            """, Messages));
        var id = (await h.StartAsync("p", businessKey: "K")).InstanceId!;
        (await h.CorrelateAsync("aterkallad", "K")).Status.Should().Be(InstanceStatus.Completed);
        (await h.RunAsync(e => e.TasksOfInstanceAsync(id, openOnly: false))).Single().State.Should().Be(TaskState.Cancelled);
        (await h.PathAsync(id)).Should().Equal("start", "bered", "stangd");
    }

    private static string EventGateway => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="vad_hander" />
        <bpmn:intermediateCatchEvent id="svar_kom"><bpmn:messageEventDefinition messageRef="m_svar" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="tiden_gick"><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="las_svar" camunda:assignee="anna" />
        <bpmn:userTask id="paminn" camunda:assignee="anna" />
        {Flow("f1", "start", "vad_hander")}
        {Flow("f2", "vad_hander", "svar_kom")}
        {Flow("f3", "vad_hander", "tiden_gick")}
        {Flow("f4", "svar_kom", "las_svar")}
        {Flow("f5", "tiden_gick", "paminn")}
        """, Messages);

    [Fact]
    public async Task Handelsebaserad_gateway_tar_meddelandet_om_det_kommer_forst()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(EventGateway);
        var id = (await h.StartAsync("p", businessKey: "K")).InstanceId!;
        await h.CorrelateAsync("svar", "K");
        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("las_svar");
        (await h.RunAsync(e => e.PendingTimersAsync(id))).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(20))).Should().Be(0);
    }

    [Fact]
    public async Task Handelsebaserad_gateway_tar_timern_om_den_faller_forst()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(EventGateway);
        var id = (await h.StartAsync("p", businessKey: "K")).InstanceId!;
        await h.AdvanceAsync(TimeSpan.FromDays(14));
        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("paminn");
        await FluentActions.Awaiting(() => h.CorrelateAsync("svar", "K")).Should().ThrowAsync<EngineNotFoundException>();
        (await h.PathAsync(id)).Should().Equal("start", "vad_hander", "tiden_gick", "paminn");
    }
}
