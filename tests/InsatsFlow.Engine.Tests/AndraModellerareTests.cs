using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

/// <summary>
/// Diagrams saved by other modelers (Signavio, ADONIS, Camunda Modeler, bpmn.io): BPMN's documentation artifacts are
/// read and ignored at run time, as Camunda does; abstract tasks pass, receive tasks wait for their message, and BPMN's
/// own resource assignment names who does a user task.
/// </summary>
public class AndraModellerareTests
{
    private static readonly ExpressionHost Host = new(new EngineOptions(), new AllDaysCalendar());

    private const string Dokumentation = """
        <bpmn:itemDefinition id="Item_ansokan" structureRef="Ansokan" />
        <bpmn:dataStore id="DataStore_diarium" name="Diariet" />
        <bpmn:category id="Category_1"><bpmn:categoryValue id="CategoryValue_1" value="Beredning" /></bpmn:category>
        <bpmn:message id="m_svar" name="svar" />
        """;

    [Fact]
    public async Task Dataobjekt_datalager_grupper_och_kommentarer_fran_en_annan_modellerare_godtas_och_processen_gar()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:documentation>Ritad i Signavio.</bpmn:documentation>
            <bpmn:ioSpecification id="Io_1"><bpmn:inputSet id="In_1" /><bpmn:outputSet id="Out_1" /></bpmn:ioSpecification>
            <bpmn:property id="Property_1" name="underlag" itemSubjectRef="Item_ansokan" />
            <bpmn:dataObject id="DataObject_ansokan" itemSubjectRef="Item_ansokan" />
            <bpmn:dataObjectReference id="DataObjectReference_1" name="Ansökan" dataObjectRef="DataObject_ansokan" />
            <bpmn:dataStoreReference id="DataStoreReference_1" name="Diariet" dataStoreRef="DataStore_diarium" />
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="granska" name="Granska" camunda:assignee="anna">
              <bpmn:documentation>Läs ansökan.</bpmn:documentation>
              <bpmn:ioSpecification id="Io_2"><bpmn:dataInput id="DataInput_1" /><bpmn:inputSet id="In_2"><bpmn:dataInputRefs>DataInput_1</bpmn:dataInputRefs></bpmn:inputSet><bpmn:outputSet id="Out_2" /></bpmn:ioSpecification>
              <bpmn:dataInputAssociation id="DataInputAssociation_1"><bpmn:sourceRef>DataObjectReference_1</bpmn:sourceRef><bpmn:targetRef>DataInput_1</bpmn:targetRef></bpmn:dataInputAssociation>
              <bpmn:dataOutputAssociation id="DataOutputAssociation_1"><bpmn:targetRef>DataStoreReference_1</bpmn:targetRef></bpmn:dataOutputAssociation>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            <bpmn:group id="Group_1" categoryValueRef="CategoryValue_1" />
            <bpmn:textAnnotation id="TextAnnotation_1"><bpmn:text>Kansliet granskar.</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="Association_1" sourceRef="granska" targetRef="TextAnnotation_1" />
            {Flow("f1", "start", "granska")}
            {Flow("f2", "granska", "end")}
            """, Dokumentation));

        var instans = (await h.StartAsync("p")).InstanceId!;
        await h.CompleteAsync(instans, "granska");

        (await h.PathAsync(instans)).Should().Equal("start", "granska", "end");
    }

    [Fact]
    public async Task En_abstrakt_uppgift_slapper_igenom_token()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:task id="skissat_steg" name="Skissat steg" />
            <bpmn:userTask id="las" camunda:assignee="anna" />
            {Flow("f1", "start", "skissat_steg")}
            {Flow("f2", "skissat_steg", "las")}
            """));

        var instans = (await h.StartAsync("p")).InstanceId!;

        (await h.PathAsync(instans)).Should().Equal("start", "skissat_steg", "las");
        (await h.OpenTasksAsync(instans)).Should().ContainSingle().Which.ElementId.Should().Be("las");
    }

    [Fact]
    public async Task En_mottagningsuppgift_vantar_pa_sitt_meddelande_och_tar_med_dess_varden()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="vanta_svar" name="Vänta på svar" messageRef="m_svar" />
            <bpmn:userTask id="las" camunda:assignee="anna" />
            {Flow("f1", "start", "vanta_svar")}
            {Flow("f2", "vanta_svar", "las")}
            """, Dokumentation));
        var instans = (await h.StartAsync("p", businessKey: "SF-1")).InstanceId!;
        (await h.OpenTasksAsync(instans)).Should().BeEmpty();

        await h.CorrelateAsync("svar", "SF-1", new { svar = "ja" });

        (await h.OpenTasksAsync(instans)).Should().ContainSingle().Which.ElementId.Should().Be("las");
        (await h.InstanceAsync(instans)).Variables["svar"].Should().Be("ja");
    }

    [Fact]
    public async Task En_mottagningsuppgift_med_gransttimer_gar_vidare_nar_svaret_droejer()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="vanta_svar" messageRef="m_svar" />
            <bpmn:boundaryEvent id="for_sent" attachedToRef="vanta_svar"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="las" camunda:assignee="anna" />
            <bpmn:userTask id="paminn" camunda:assignee="anna" />
            {Flow("f1", "start", "vanta_svar")}
            {Flow("f2", "vanta_svar", "las")}
            {Flow("f3", "for_sent", "paminn")}
            """, Dokumentation));
        var instans = (await h.StartAsync("p", businessKey: "SF-2")).InstanceId!;

        (await h.AdvanceAsync(TimeSpan.FromDays(11))).Should().Be(1);

        (await h.OpenTasksAsync(instans)).Should().ContainSingle().Which.ElementId.Should().Be("paminn");
    }

    [Fact]
    public void En_mottagningsuppgift_utan_meddelande_avvisas_med_sitt_id()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="vanta_svar" />
            {Flow("f1", "start", "vanta_svar")}
            """));
        e.Problems.Should().ContainSingle().Which.Should().Match<BpmnProblem>(p => p.ElementId == "vanta_svar" && p.Message.Contains("messageRef"));
    }

    [Fact]
    public void Potentiell_agare_med_anvandare_och_grupper_blir_kandidater()
    {
        var uppgift = UserTask("""
            <bpmn:potentialOwner id="Owner_1"><bpmn:resourceAssignmentExpression id="Rae_1">
              <bpmn:formalExpression>user(karin), group(kansli), beredningsgrupp</bpmn:formalExpression>
            </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
            """);

        uppgift.CandidateUsers!.Literal.Should().Be("karin");
        uppgift.CandidateGroups!.Literal.Should().Be("kansli,beredningsgrupp");
        uppgift.Assignee.Should().BeNull();
    }

    [Fact]
    public void Utforare_blir_den_tilldelade()
    {
        var uppgift = UserTask("""
            <bpmn:humanPerformer id="Performer_1"><bpmn:resourceAssignmentExpression id="Rae_2">
              <bpmn:formalExpression>user(karin)</bpmn:formalExpression>
            </bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
            """);

        uppgift.Assignee!.Literal.Should().Be("karin");
    }

    [Fact]
    public void Camundas_egna_attribut_gar_fore_bpmns_resurstilldelning()
    {
        var uppgift = UserTask("""
            <bpmn:potentialOwner id="Owner_1"><bpmn:resourceAssignmentExpression id="Rae_1">
              <bpmn:formalExpression>group(styrelse)</bpmn:formalExpression>
            </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
            """, "camunda:candidateGroups=\"kansli\"");

        uppgift.CandidateGroups!.Literal.Should().Be("kansli");
    }

    [Fact]
    public void Ett_element_som_inte_stods_ger_ett_fel_och_inte_ett_per_flode_till_det()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="skript" />
            <bpmn:boundaryEvent id="tid" attachedToRef="skript"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="end2" />
            {Flow("f1", "start", "skript")}
            {Flow("f2", "skript", "end")}
            {Flow("f3", "tid", "end2")}
            """));

        e.Problems.Should().ContainSingle().Which.Should().Match<BpmnProblem>(p => p.ElementId == "skript" && p.Message.Contains("scriptTask"));
    }

    private static UserTask UserTask(string assignment, string attributes = "")
    {
        var model = BpmnParser.Parse(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="granska" {attributes}>{assignment}</bpmn:userTask>
            {Flow("f1", "start", "granska")}
            """), "test.bpmn", Host).Single();
        return (UserTask)model.Elements["granska"];
    }

    private static BpmnValidationException Refused(string xml) =>
        FluentActions.Invoking(() => BpmnParser.Parse(xml, "test.bpmn", Host)).Should().Throw<BpmnValidationException>().Which;
}
