// bpmnlint plugin: rules for the BPMN subset that src/InsatsFlow.Engine executes (see DESIGN.md, "The engine").
module.exports = {
  configs: {
    recommended: {
      rules: {
        'executable-subset': 'error',
        'user-task-assignment': 'warn',
        'service-task-handler': 'error',
        'business-rule-task-decision': 'error'
      }
    }
  },
  rules: {
    'executable-subset': './rules/executable-subset',
    'user-task-assignment': './rules/user-task-assignment',
    'service-task-handler': './rules/service-task-handler',
    'business-rule-task-decision': './rules/business-rule-task-decision'
  }
};
