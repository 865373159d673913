// The palette by keyboard: every entry is a tab stop; Enter or Space on a tool activates it, and on an element
// kind adds that element after the selected one (connected, placed by bpmn-js's autoPlace) or, with nothing
// selected, in the middle of the view. diagram-js's own palette only starts a mouse drag.
const KINDS = {
  'create.start-event': { type: 'bpmn:StartEvent' },
  'create.end-event': { type: 'bpmn:EndEvent' },
  'create.exclusive-gateway': { type: 'bpmn:ExclusiveGateway' },
  'create.user-task': { type: 'bpmn:UserTask' },
  'create.service-task': { type: 'bpmn:ServiceTask' },
  'create.business-rule-task': { type: 'bpmn:BusinessRuleTask' },
  'create.subprocess-expanded': { type: 'bpmn:SubProcess', isExpanded: true },
  'create.intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }
};

function KeyboardPalette(eventBus, palette, canvas, selection, elementFactory, modeling, autoPlace) {
  function decorate() {
    const container = palette._container;
    if (!container) {
      return;
    }
    container.setAttribute('role', 'toolbar');
    container.setAttribute('aria-label', 'Verktyg och element');
    container.querySelectorAll('.entry[data-action]').forEach(function(entry) {
      entry.setAttribute('tabindex', '0');
    });
  }

  function add(kind) {
    const shape = elementFactory.createShape(kind);
    const selected = selection.get().filter(function(e) { return !e.waypoints && e.type !== 'label'; });
    let created;
    if (selected.length === 1 && selected[0].parent) {
      created = autoPlace.append(selected[0], shape);
    } else {
      const box = canvas.viewbox();
      created = modeling.createShape(shape, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, canvas.getRootElement());
    }
    selection.select(created);
    canvas.focus();
  }

  eventBus.on('palette.changed', decorate);
  eventBus.on('palette.create', function(event) {
    event.container.addEventListener('keydown', function(keyEvent) {
      const entry = keyEvent.target.closest && keyEvent.target.closest('.entry[data-action]');
      if (!entry || (keyEvent.key !== 'Enter' && keyEvent.key !== ' ')) {
        return;
      }
      keyEvent.preventDefault();
      const action = entry.getAttribute('data-action');
      if (KINDS[action]) {
        add(KINDS[action]);
      } else {
        palette.trigger('click', { target: entry, delegateTarget: entry, preventDefault: function() {} });
      }
    });
  });
}

KeyboardPalette.$inject = [ 'eventBus', 'palette', 'canvas', 'selection', 'elementFactory', 'modeling', 'autoPlace' ];

export default {
  __init__: [ 'keyboardPalette' ],
  keyboardPalette: [ 'type', KeyboardPalette ]
};
