namespace InsatsFlow.Engine.Tests.Harness;

/// <summary>Wraps process XML in bpmn:definitions as bpmn-js writes it (with the camunda namespace).</summary>
public static class Bpmn
{
    public static string Definitions(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
        {body}
        </bpmn:definitions>
        """;

    public static string Process(string id, string body, string extra = "") =>
        Definitions($"""
            {extra}
            <bpmn:process id="{id}" isExecutable="true">
            {body}
            </bpmn:process>
            """);

    public static string Flow(string id, string from, string to, string? condition = null) =>
        condition is null
            ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>start → one user task per id (assigned to "anna") → end.</summary>
    public static string Tasks(string processId, params string[] taskIds)
    {
        var nodes = new List<string> { """<bpmn:startEvent id="start" />""" };
        nodes.AddRange(taskIds.Select(t => $"""<bpmn:userTask id="{t}" name="{t}" camunda:assignee="anna" />"""));
        nodes.Add("""<bpmn:endEvent id="end" />""");
        var ids = new[] { "start" }.Concat(taskIds).Append("end").ToList();
        for (var i = 0; i < ids.Count - 1; i++) nodes.Add(Flow($"f{i}", ids[i], ids[i + 1]));
        return Process(processId, string.Join("\n", nodes));
    }
}
