const { is } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// A business rule task evaluates a regelverk named by camunda:decisionRef (the version in force, unless pinned).
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:BusinessRuleTask')) {
      return;
    }

    if (!camundaAttribute(node, 'decisionRef')) {
      reporter.report(node.id, 'Affärsregeluppgiften saknar regelverk (beslutsreferens)');
    } else if (camundaAttribute(node, 'decisionRefBinding') === 'version' && !camundaAttribute(node, 'decisionRefVersion')) {
      reporter.report(node.id, 'Bindningen "version" kräver en regelverksversion (camunda:decisionRefVersion)');
    }
  }

  return { check };
};
