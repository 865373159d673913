const { is, isAny } = require('bpmnlint-utils');
const camundaAttribute = require('./camunda-attribute');

// A user task nobody may claim lands in no inbox.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    // BPMN's own resource assignment (potentialOwner, humanPerformer), as other modelers write it, counts too
    const assigned = [ 'assignee', 'candidateUsers', 'candidateGroups' ]
      .some(name => camundaAttribute(node, name))
      || (node.resources || []).some(r => isAny(r, [ 'bpmn:PotentialOwner', 'bpmn:HumanPerformer' ]));

    if (!assigned) {
      reporter.report(node.id, 'Användaruppgiften saknar tilldelning (handläggare, kandidatanvändare eller kandidatgrupper)');
    }
  }

  return { check };
};
