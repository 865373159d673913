const { is } = require('bpmnlint-utils');

// The engine reads a flow condition only as an expression ${ … } (the rules' expression language).
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:SequenceFlow') || !node.conditionExpression) {
      return;
    }

    const body = (node.conditionExpression.body || '').trim();

    if (!body) {
      reporter.report(node.id, 'Villkoret är tomt');
    } else if (!/^\$\{[\s\S]*\}$/.test(body)) {
      reporter.report(node.id, 'Villkoret "' + body + '" ska skrivas som ${…}');
    }
  }

  return { check };
};
