namespace InsatsFlow.Bench.Engine;

/// <summary>The ten-step flow both engines run.</summary>
internal static class BenchFlow
{
    public const string Bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" camunda:candidateGroups="kansli" />
            <bpmn:exclusiveGateway id="size" default="small" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:serviceTask id="checkA" camunda:type="noop" />
            <bpmn:serviceTask id="checkB" camunda:type="noop" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="approve" camunda:assignee="${approver}" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="size" />
            <bpmn:sequenceFlow id="large" sourceRef="size" targetRef="approve"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 1000000000}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="small" sourceRef="size" targetRef="fork" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="checkA" />
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="checkB" />
            <bpmn:sequenceFlow id="f5" sourceRef="checkA" targetRef="join" />
            <bpmn:sequenceFlow id="f6" sourceRef="checkB" targetRef="join" />
            <bpmn:sequenceFlow id="f7" sourceRef="join" targetRef="approve" />
            <bpmn:sequenceFlow id="f8" sourceRef="approve" targetRef="wait" />
            <bpmn:sequenceFlow id="f9" sourceRef="wait" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
