using InsatsFlow.Engine.Parsing;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

public class FelaktigFristTests
{
    private static string MedFrist(string frist) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" camunda:assignee="anna" camunda:dueDate="{frist}" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
        """);

    [Fact]
    public async Task Ett_fristuttryck_som_inte_kompilerar_avvisas_vid_driftsattning_med_elementet_namngivet()
    {
        using var h = FristHarness.Skapa();
        var forsok = () => h.DeployAsync(MedFrist("${arbetsdagar(10}"));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("yttrande");
    }

    [Fact]
    public async Task Ett_fristuttryck_som_inte_blir_en_tid_avvisas_vid_driftsattning()
    {
        using var h = FristHarness.Skapa();
        var forsok = () => h.DeployAsync(MedFrist("${&quot;snart&quot;}"));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("yttrande").And.Contain("ger ingen tidpunkt");
    }

    [Fact]
    public async Task Ett_negativt_antal_arbetsdagar_avvisas_vid_driftsattning()
    {
        using var h = FristHarness.Skapa();
        var forsok = () => h.DeployAsync(MedFrist("${arbetsdagar(-3)}"));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("yttrande").And.Contain("negativt");
    }

    [Fact]
    public async Task En_frist_ur_en_variabel_som_inte_ar_en_tid_blir_en_incident_pa_elementet_och_ingen_uppgift()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(MedFrist("${frist}"));
        var id = (await h.StartAsync("p", new Dictionary<string, object?> { ["frist"] = "snart" })).InstanceId!;
        (await h.OpenTasksAsync(id)).Should().BeEmpty();
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        incident.ElementId.Should().Be("yttrande");
        incident.Message.Should().Contain("snart");
    }

    [Fact]
    public async Task Fler_arbetsdagar_an_gransen_avvisas_vid_driftsattning_med_gransen_namngiven()
    {
        using var h = FristHarness.Skapa();
        var forsok = () => h.DeployAsync(MedFrist("${arbetsdagar(5000000)}"));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("yttrande").And.Contain("MaxWorkingDays");
    }

    [Fact]
    public async Task Fler_arbetsdagar_an_gransen_ur_startens_indata_avvisar_starten_med_gransen_namngiven()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(MedFrist("${arbetsdagar(Convert.ToInt32(antal))}"));
        var forsok = () => h.StartAsync("p", new Dictionary<string, object?> { ["antal"] = 2_000_000_000 });
        (await forsok.Should().ThrowAsync<EngineValidationException>()).Which.Message
            .Should().Contain("yttrande").And.Contain("MaxWorkingDays").And.Contain("1000");
    }
}
