const { is } = require('bpmnlint-utils');

// Messages are correlated by name, so a message event must refer to a named bpmn:message.
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:ReceiveTask')) {
      if (!node.messageRef || !node.messageRef.name) {
        reporter.report(node.id, 'Mottagningsuppgiften saknar ett meddelande med namn');
      }
      return;
    }

    if (!is(node, 'bpmn:MessageEventDefinition')) {
      return;
    }

    const message = node.messageRef;

    if (!message || !message.name) {
      reporter.report(node.$parent.id, 'Meddelandehändelsen saknar ett meddelande med namn');
    }
  }

  return { check };
};
