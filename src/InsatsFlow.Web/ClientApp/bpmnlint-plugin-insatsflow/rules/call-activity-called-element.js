const { is } = require('bpmnlint-utils');

// A call activity starts the process named by calledElement.
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:CallActivity') && !(node.calledElement || '').trim()) {
      reporter.report(node.id, 'Anropsaktiviteten saknar anropad process (calledElement)');
    }
  }

  return { check };
};
