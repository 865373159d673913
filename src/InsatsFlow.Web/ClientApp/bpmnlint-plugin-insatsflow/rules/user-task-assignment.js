const { is } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// A user task nobody may claim lands in no inbox.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const assigned = [ 'assignee', 'candidateUsers', 'candidateGroups' ]
      .some(name => camundaAttribute(node, name));

    if (!assigned) {
      reporter.report(node.id, 'Användaruppgiften saknar tilldelning (handläggare, kandidatanvändare eller kandidatgrupper)');
    }
  }

  return { check };
};
