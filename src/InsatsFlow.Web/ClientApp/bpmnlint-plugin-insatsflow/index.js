// bpmnlint plugin: rules for the BPMN subset that src/InsatsFlow.Engine executes (see DESIGN.md, "The engine").
module.exports = {
  configs: {
    recommended: {
      rules: {
        'executable-subset': 'error',
        'user-task-assignment': 'warn',
        'service-task-handler': 'error',
        'business-rule-task-decision': 'error',
        'condition-expression': 'error',
        'multi-instance-collection': 'error',
        'message-name': 'error',
        'timer-value': 'error',
        'call-activity-called-element': 'error'
      }
    }
  },
  rules: {
    'executable-subset': './rules/executable-subset',
    'user-task-assignment': './rules/user-task-assignment',
    'service-task-handler': './rules/service-task-handler',
    'business-rule-task-decision': './rules/business-rule-task-decision',
    'condition-expression': './rules/condition-expression',
    'multi-instance-collection': './rules/multi-instance-collection',
    'message-name': './rules/message-name',
    'timer-value': './rules/timer-value',
    'call-activity-called-element': './rules/call-activity-called-element'
  }
};
