// Keeps the create, append and change-type menus to the element kinds the engine executes
// (DESIGN.md, "The engine"), so the kansli is not offered what publishing would refuse.
// bpmnlint (rule insatsflow/executable-subset) still checks diagrams imported from elsewhere.
import { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries';

export const EXECUTABLE_ENTRIES = [
  'user-task', 'service-task', 'rule-task', 'send-task', 'manual-task',
  'call-activity', 'collapsed-subprocess', 'expanded-subprocess',
  'exclusive-gateway', 'parallel-gateway', 'inclusive-gateway', 'event-based-gateway',
  'none-start-event', 'message-start', 'timer-start',
  'none-end-event', 'terminate-end', 'error-end',
  'message-intermediate-catch', 'timer-intermediate-catch',
  'message-boundary', 'timer-boundary', 'error-boundary',
  'non-interrupting-message-boundary', 'non-interrupting-timer-boundary',
  // a pool with lanes shows who does what (workflows/insats-livscykel.bpmn); it holds the process
  'expanded-pool'
];

const MENUS = [ 'bpmn-create', 'bpmn-append', 'bpmn-replace' ];
const PREFIXES = [ 'create-', 'append-', 'replace-with-' ];
const KNOWN = Object.keys(PopupEntries);

function catalogueId(key) {
  const prefix = PREFIXES.find(function(p) { return key.startsWith(p); });
  const id = prefix ? key.slice(prefix.length) : null;
  return id && KNOWN.includes(id) ? id : null;
}

function SubsetMenus(popupMenu) {
  const provider = {
    getPopupMenuEntries: function() {
      return function(entries) {
        const kept = {};
        Object.keys(entries).forEach(function(key) {
          const id = catalogueId(key);
          if (!id || EXECUTABLE_ENTRIES.includes(id)) {
            kept[key] = entries[key];
          }
        });
        return kept;
      };
    }
  };

  // Lowest priority: runs after every other provider has added its entries.
  MENUS.forEach(function(menu) { popupMenu.registerProvider(menu, 1, provider); });
}

SubsetMenus.$inject = [ 'popupMenu' ];

export default {
  __init__: [ 'subsetMenus' ],
  subsetMenus: [ 'type', SubsetMenus ]
};
