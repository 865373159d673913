const { is, isAny } = require('bpmnlint-utils');

// Element kinds the engine executes; everything else in a process is refused at publish time,
// so the designer says so as early as possible.
const SUPPORTED_FLOW_NODES = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ManualTask',
  'bpmn:ReceiveTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:SubProcess',
  'bpmn:CallActivity'
];

const ALLOWED_EVENT_DEFINITIONS = {
  'bpmn:StartEvent': [ null, 'bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition' ],
  'bpmn:EndEvent': [ null, 'bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition' ],
  'bpmn:IntermediateCatchEvent': [ 'bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition' ],
  'bpmn:BoundaryEvent': [ 'bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition' ]
};

const SWEDISH_NAMES = {
  'bpmn:ScriptTask': 'Skriptuppgift',
  'bpmn:ComplexGateway': 'Komplex gateway',
  'bpmn:Transaction': 'Transaktion',
  'bpmn:AdHocSubProcess': 'Ad hoc-delprocess',
  'bpmn:IntermediateThrowEvent': 'Mellanliggande kastande händelse'
};

function eventDefinitionType(node) {
  const definitions = node.eventDefinitions || [];
  return definitions.length ? definitions[0].$type : null;
}

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode')) {
      return;
    }

    if (is(node, 'bpmn:SubProcess') && node.triggeredByEvent) {
      reporter.report(node.id, 'Händelsedelprocesser stöds inte av InsatsFlows motor');
      return;
    }

    // an abstract task (exactly bpmn:Task: every other task kind is its subtype) passes at run time
    const abstractTask = node.$type === 'bpmn:Task';

    if (!abstractTask && !isAny(node, SUPPORTED_FLOW_NODES) || isAny(node, [ 'bpmn:Transaction', 'bpmn:AdHocSubProcess' ])) {
      const name = SWEDISH_NAMES[node.$type] || node.$type.replace('bpmn:', '');
      reporter.report(node.id, name + ' stöds inte av InsatsFlows motor');
      return;
    }

    const allowed = ALLOWED_EVENT_DEFINITIONS[node.$type];

    if (allowed && !allowed.includes(eventDefinitionType(node))) {
      const type = eventDefinitionType(node);
      reporter.report(node.id, type
        ? 'Händelsetypen ' + type.replace('bpmn:', '').replace('EventDefinition', '') + ' stöds inte här av InsatsFlows motor'
        : 'Händelsen måste ha en typ (timer eller meddelande)');
    }
  }

  return { check };
};
