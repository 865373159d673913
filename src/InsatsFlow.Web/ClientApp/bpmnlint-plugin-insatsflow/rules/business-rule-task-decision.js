const { is } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// A business rule task evaluates a regelverk named by camunda:decisionRef.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:BusinessRuleTask')) {
      return;
    }

    if (!camundaAttribute(node, 'decisionRef')) {
      reporter.report(node.id, 'Affärsregeluppgiften saknar regelverk (beslutsreferens)');
    }
  }

  return { check };
};
