namespace InsatsFlow.Web.Tests.Support;

/// <summary>Small BPMN files for the API tests: a review flow in two versions, one that fails, and broken ones.</summary>
public static class Provfloden
{
    public static string Fil(string processId, string namn, string innehall) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{processId}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{processId}" name="{namn}" isExecutable="true">
        {innehall}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Version 1: start, the kansli reviews, end.</summary>
    public static string Granskning(string processId = "granskning") => Fil(processId, "Granskning", """
            <bpmn:startEvent id="Start" name="Ansökan inkommen" />
            <bpmn:userTask id="Granska" name="Granska ansökan" camunda:candidateGroups="kansli" />
            <bpmn:endEvent id="Slut" name="Klar" />
            <bpmn:sequenceFlow id="Flode_1" sourceRef="Start" targetRef="Granska" />
            <bpmn:sequenceFlow id="Flode_2" sourceRef="Granska" targetRef="Slut" />
        """);

    /// <summary>Version 2: the review is renamed and goes to the beredningsgrupp; a yttrande step is added before the end.</summary>
    public static string GranskningVersion2(string processId = "granskning") => Fil(processId, "Granskning", """
            <bpmn:startEvent id="Start" name="Ansökan inkommen" />
            <bpmn:userTask id="Granska" name="Granska ansökan noga" camunda:candidateGroups="beredningsgrupp" />
            <bpmn:userTask id="Yttrande" name="Skriv yttrande" camunda:candidateGroups="beredningsgrupp" />
            <bpmn:endEvent id="Slut" name="Klar" />
            <bpmn:sequenceFlow id="Flode_1" sourceRef="Start" targetRef="Granska" />
            <bpmn:sequenceFlow id="Flode_2" sourceRef="Granska" targetRef="Yttrande" />
            <bpmn:sequenceFlow id="Flode_3" sourceRef="Yttrande" targetRef="Slut" />
        """);

    /// <summary>A service task whose handler does not exist: every run stops in an incident.</summary>
    public static string Fallerande(string processId = "fallerande") => Fil(processId, "Fallerande", """
            <bpmn:startEvent id="Start" />
            <bpmn:serviceTask id="Skicka" name="Skicka brev" camunda:type="finns-inte" />
            <bpmn:endEvent id="Slut" />
            <bpmn:sequenceFlow id="Flode_1" sourceRef="Start" targetRef="Skicka" />
            <bpmn:sequenceFlow id="Flode_2" sourceRef="Skicka" targetRef="Slut" />
        """);

    /// <summary>Well-formed BPMN the engine refuses: a user task nobody is assigned to, a flow to nowhere.</summary>
    public static string Ogiltig(string processId = "granskning") => Fil(processId, "Granskning", """
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Ingen_tilldelad" name="Granska" />
            <bpmn:sequenceFlow id="Flode_1" sourceRef="Start" targetRef="Ingen_tilldelad" />
            <bpmn:sequenceFlow id="Flode_trasigt" sourceRef="Ingen_tilldelad" targetRef="Finns_inte" />
        """);

    /// <summary>Not even XML: the closing tag is missing.</summary>
    public const string InteXml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n</bpmn:definitions>";
}
