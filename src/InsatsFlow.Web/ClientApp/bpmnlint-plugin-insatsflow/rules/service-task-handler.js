const { is } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// The engine runs a service task through a handler registered in C# by name.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask')) {
      return;
    }

    if (!camundaAttribute(node, 'type') && !camundaAttribute(node, 'delegateExpression')) {
      reporter.report(node.id, 'Tjänsteuppgiften saknar hanterare (camunda:type eller delegatuttryck)');
    }
  }

  return { check };
};
