const { is } = require('bpmnlint-utils');

// A timer needs a date, a duration or a cycle (ISO 8601 or an expression such as ${arbetsdagar(10)}).
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:TimerEventDefinition')) {
      return;
    }

    const value = node.timeDate || node.timeDuration || node.timeCycle;

    if (!value || !(value.body || '').trim()) {
      reporter.report(node.$parent.id, 'Timern saknar värde (datum, varaktighet eller cykel)');
    }
  }

  return { check };
};
