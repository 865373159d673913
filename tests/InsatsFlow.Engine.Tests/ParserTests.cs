using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class ParserTests
{
    private static readonly ExpressionHost Host = new(new EngineOptions(), new AllDaysCalendar());

    private static BpmnValidationException Refused(string xml) =>
        FluentActions.Invoking(() => BpmnParser.Parse(xml, "test.bpmn", Host)).Should().Throw<BpmnValidationException>().Which;

    [Fact]
    public void Felaktig_xml_avvisas_med_radnummer()
    {
        var e = Refused("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"p\">\n</bpmn:definitions>");
        e.Problems.Should().ContainSingle().Which.Line.Should().Be(3);
        e.Message.Should().Contain("test.bpmn").And.Contain("felaktig");
    }

    [Fact]
    public void Element_som_inte_stods_avvisas_med_id_och_rad()
    {
        var e = Refused(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="skript" />
            """));
        e.Problems.Should().Contain(p => p.ElementId == "skript" && p.Line > 0 && p.Message.Contains("scriptTask"));
    }

    [Fact]
    public void Flode_utan_mal_avvisas()
    {
        var e = Refused(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" />
            """));
        e.Problems.Should().Contain(p => p.ElementId == "f1" && p.Message.Contains("mål"));
    }

    [Fact]
    public void Gateway_utan_utgaende_flode_avvisas()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            {Flow("f1", "start", "gw")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "gw" && p.Message.Contains("utgående"));
    }

    [Fact]
    public void Villkor_som_inte_kompilerar_namnger_flodet()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("ja", "gw", "end", "${belopp > (5}")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "ja" && p.Message.Contains("kompilerar inte"));
    }

    [Fact]
    public void Okand_funktion_i_villkor_avvisas()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("ja", "gw", "end", "${hemligt(3) > 1}")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "ja" && p.Message.Contains("hemligt"));
    }

    [Fact]
    public void Reflektion_i_villkor_avvisas_vid_driftsattning()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("ja", "gw", "end", "${\"x\".GetType().Name == \"String\"}")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "ja");
    }

    [Fact]
    public void Anvandaruppgift_utan_tilldelning_avvisas()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="granska" />
            {Flow("f1", "start", "granska")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "granska" && p.Message.Contains("tilldelad"));
    }

    [Fact]
    public void Alla_fel_i_en_fil_rapporteras_samtidigt()
    {
        var e = Refused(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="a" />
            <bpmn:scriptTask id="b" />
            """));
        e.Problems.Select(p => p.ElementId).Should().Contain(["a", "b"]);
    }

    [Fact]
    public void Fil_som_bpmn_js_sparar_med_banor_dokumentation_och_diagram_godtas()
    {
        var xml = Definitions("""
            <bpmn:collaboration id="c"><bpmn:participant id="pool" processRef="p" /></bpmn:collaboration>
            <bpmn:process id="p" name="Prov" isExecutable="true">
              <bpmn:documentation>Om processen</bpmn:documentation>
              <bpmn:laneSet id="ls"><bpmn:lane id="kansli" name="Kansli"><bpmn:flowNodeRef>granska</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
              <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
              <bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="kansli" camunda:formKey="granskning">
                <bpmn:documentation>Läs</bpmn:documentation>
                <bpmn:extensionElements>
                  <camunda:properties><camunda:property name="vikt" value="hög" /></camunda:properties>
                  <camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput>
                </bpmn:extensionElements>
                <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
              </bpmn:userTask>
              <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
              <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="granska" />
              <bpmn:sequenceFlow id="f2" sourceRef="granska" targetRef="end" />
              <bpmn:textAnnotation id="note"><bpmn:text>obs</bpmn:text></bpmn:textAnnotation>
              <bpmn:association id="a1" sourceRef="granska" targetRef="note" />
            </bpmn:process>
            <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="c" /></bpmndi:BPMNDiagram>
            """);
        var model = BpmnParser.Parse(xml, "prov.bpmn", Host).Single();
        model.Key.Should().Be("p");
        model["granska"].Properties.Should().ContainKey("vikt");
        model["granska"].Outgoing.Should().ContainSingle().Which.TargetId.Should().Be("end");
    }

    [Fact]
    public void Timer_med_felaktig_varaktighet_avvisas()
    {
        var e = Refused(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>fem dagar</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {Flow("f1", "start", "vanta")}
            """));
        e.Problems.Should().Contain(p => p.ElementId == "vanta" && p.Message.Contains("varaktighet"));
    }
}
