const { is } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// Multi-instance runs once per item of camunda:collection (e.g. one yttrande per medlem);
// a standard loop has no counterpart in the engine.
module.exports = function() {

  function check(node, reporter) {
    const owner = node.$parent;

    if (is(node, 'bpmn:StandardLoopCharacteristics')) {
      reporter.report(owner.id, 'Standardloopar stöds inte; använd multi-instans över en samling');
    } else if (is(node, 'bpmn:MultiInstanceLoopCharacteristics') && !camundaAttribute(node, 'collection')) {
      reporter.report(owner.id, 'Multi-instans kräver en samling (camunda:collection) att gå igenom');
    }
  }

  return { check };
};
