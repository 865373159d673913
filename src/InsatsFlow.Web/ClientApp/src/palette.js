// Offers the task kinds the engine executes (user, service, business rule) directly in the palette,
// in place of the untyped task that the engine refuses.
function ExecutableTaskPalette(palette, create, elementFactory, translate) {
  this._create = create;
  this._elementFactory = elementFactory;
  this._translate = translate;

  palette.registerProvider(500, this);
}

ExecutableTaskPalette.$inject = [ 'palette', 'create', 'elementFactory', 'translate' ];

ExecutableTaskPalette.prototype.getPaletteEntries = function() {
  const create = this._create;
  const elementFactory = this._elementFactory;
  const translate = this._translate;

  function createAction(type, className, title) {
    function start(event) {
      create.start(event, elementFactory.createShape({ type: type }));
    }

    return {
      group: 'activity',
      className: className,
      title: translate(title),
      action: { dragstart: start, click: start }
    };
  }

  return function(entries) {
    delete entries['create.task'];
    delete entries['create.data-object'];
    delete entries['create.data-store'];

    return Object.assign({}, entries, {
      'create.user-task': createAction('bpmn:UserTask', 'bpmn-icon-user-task', 'Create user task'),
      'create.service-task': createAction('bpmn:ServiceTask', 'bpmn-icon-service-task', 'Create service task'),
      'create.business-rule-task': createAction('bpmn:BusinessRuleTask', 'bpmn-icon-business-rule-task', 'Create business rule task')
    });
  };
};

export default {
  __init__: [ 'executableTaskPalette' ],
  executableTaskPalette: [ 'type', ExecutableTaskPalette ]
};
