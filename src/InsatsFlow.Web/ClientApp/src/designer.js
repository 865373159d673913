// The InsatsFlow BPMN designer: bpmn-js Modeler with the Camunda properties panel, Swedish labels and
// bpmnlint. Exposed as window.insatsFlowDesigner for plain pages and for Blazor JS interop.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import { CreateAppendAnythingModule } from 'bpmn-js-create-append-anything';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import MinimapModule from 'diagram-js-minimap';
import TokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import lintConfig from '../.bpmnlintrc';

import TranslateModule, { translateSv } from './translate.js';
import ExecutableTaskPaletteModule from './palette.js';
import KeyboardPaletteModule from './palette-keyboard.js';
import SubsetMenusModule from './subset-menus.js';
import { EMPTY_DIAGRAM } from './empty-diagram.js';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './designer.css';

const CHANGE_DEBOUNCE_MS = 300;

function resolveElement(target, what) {
  const element = typeof target === 'string' ? document.querySelector(target) : target;

  if (!element) {
    throw new Error('insatsFlowDesigner: hittar inte ' + what + ' (' + target + ')');
  }

  return element;
}

// bpmnlint reports { rule: [ { id, message, category } ] }; callers want one flat, translated list.
function flattenIssues(issues, elementRegistry) {
  const list = [];

  Object.keys(issues).forEach(function(rule) {
    issues[rule].forEach(function(report) {
      const element = elementRegistry.get(report.id);
      const name = element && element.businessObject && element.businessObject.name;

      list.push({
        id: report.id,
        name: name || null,
        rule: rule,
        category: report.category,
        message: translateSv(report.message)
      });
    });
  });

  const order = { error: 0, warn: 1, info: 2 };
  list.sort(function(a, b) { return (order[a.category] ?? 3) - (order[b.category] ?? 3); });

  return list;
}

// bpmn-moddle reports "unparsable content ... line: 2 column: 0 nested error: ..."; lead with where, in Swedish.
function describeImportError(err) {
  const text = String(err && err.message || err);
  const line = /line: (\d+)/.exec(text);
  const column = /column: (\d+)/.exec(text);
  const where = line ? ' (rad ' + line[1] + (column ? ', kolumn ' + column[1] : '') + ')' : '';
  return 'Kunde inte läsa BPMN-diagrammet' + where + ': ' + text.replace(/\s+/g, ' ').trim();
}

function createNotifier(options) {
  let timer = null;

  return function notify() {
    if (!options.onChange && !options.dotNetRef) {
      return;
    }

    clearTimeout(timer);
    timer = setTimeout(function() {
      if (typeof options.onChange === 'function') {
        options.onChange();
      }

      // Blazor: the .NET side asks for saveXml() itself, so no large payload crosses SignalR here.
      if (options.dotNetRef) {
        options.dotNetRef.invokeMethodAsync(options.dotNetMethod || 'OnDiagramChanged');
      }
    }, CHANGE_DEBOUNCE_MS);
  };
}

/**
 * @param {HTMLElement|string} container canvas element (or selector)
 * @param {HTMLElement|string} propertiesContainer properties panel element (or selector)
 * @param {{ xml?: string, onChange?: function(): void, dotNetRef?: any, dotNetMethod?: string, lintActive?: boolean,
 *   elementTemplates?: object[] }} [options] elementTemplates: Camunda 7 element templates (the server's Elementmallar)
 * @return {Promise<object>} the designer handle
 */
async function create(container, propertiesContainer, options) {
  options = options || {};

  const modeler = new BpmnModeler({
    container: resolveElement(container, 'diagramytan'),
    propertiesPanel: {
      parent: resolveElement(propertiesContainer, 'egenskapspanelen'),
      // the template and its choices are what the kansli fills in: open from the start
      layout: { groups: { ElementTemplates__Template: { open: true }, ElementTemplates__CustomProperties: { open: true } } }
    },
    linting: { bpmnlint: lintConfig, active: options.lintActive !== false },
    moddleExtensions: { camunda: camundaModdle },
    elementTemplates: options.elementTemplates || [],
    minimap: { open: false },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      LintModule,
      CreateAppendAnythingModule,
      SubsetMenusModule,
      ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      MinimapModule,
      TokenSimulationModule,
      TranslateModule,
      ExecutableTaskPaletteModule,
      KeyboardPaletteModule
    ]
  });

  const svg = modeler.get('canvas').getContainer().querySelector('svg');
  if (svg) {
    svg.setAttribute('aria-label', 'Diagramyta för arbetsflödet');
  }

  const notify = createNotifier(options);
  modeler.on('commandStack.changed', notify);

  const handle = {
    /** Replaces the diagram; rejects with a Swedish message naming the problem when the XML is broken. */
    async importXml(xml) {
      try {
        const result = await modeler.importXML(xml || EMPTY_DIAGRAM);
        modeler.get('canvas').zoom('fit-viewport', 'auto');
        return { warnings: (result.warnings || []).map(function(w) { return w.message; }) };
      } catch (err) {
        throw new Error(describeImportError(err));
      }
    },

    /** The current diagram as formatted BPMN 2.0 XML. */
    async saveXml() {
      const result = await modeler.saveXML({ format: true });
      return result.xml;
    },

    /** The XML as UTF-8 bytes, for Blazor's IJSStreamReference (large diagrams exceed the SignalR message limit). */
    async saveXmlBytes() {
      return new TextEncoder().encode(await handle.saveXml());
    },

    /** Runs bpmnlint now; resolves to [{ id, name, rule, category: 'error'|'warn', message }]. */
    async lint() {
      const issues = await modeler.get('linting').lint();
      return flattenIssues(issues, modeler.get('elementRegistry'));
    },

    /** Selects the element with the given id and scrolls it into view (e.g. from a lint finding); false when unknown. */
    focusElement(id) {
      const element = modeler.get('elementRegistry').get(id);
      if (!element) {
        return false;
      }
      modeler.get('canvas').scrollToElement(element);
      modeler.get('selection').select(element);
      modeler.get('canvas').focus();
      return true;
    },

    /**
     * Marks what a trial run ("Provkör utkastet") took, and where insatser stopped; clears the previous run's marks.
     * @param {string[]} taken ids of the elements and sequence flows entered
     * @param {string[]} stuck ids of the elements where lifecycles stopped
     */
    markTrial(taken, stuck) {
      const canvas = modeler.get('canvas');
      const elementRegistry = modeler.get('elementRegistry');
      elementRegistry.forEach(function(element) {
        canvas.removeMarker(element, 'ifl-provkord');
        canvas.removeMarker(element, 'ifl-fastnad');
      });
      (taken || []).forEach(function(id) { if (elementRegistry.get(id)) canvas.addMarker(id, 'ifl-provkord'); });
      (stuck || []).forEach(function(id) { if (elementRegistry.get(id)) canvas.addMarker(id, 'ifl-fastnad'); });
      return true;
    },

    /** Switches bpmn-js-token-simulation on or off (modelling is off while it runs); resolves to whether it is on. */
    toggleTokenSimulation() {
      const toggleMode = modeler.get('toggleMode');
      toggleMode.toggleMode();
      return toggleMode._active === true;
    },

    /** Shows or hides the lint markers in the diagram. */
    showLint(active) {
      modeler.get('linting').toggle(active !== false);
    },

    /** Adds an element of the given BPMN type after the element with the given id (default: last start event). */
    append(type, afterId, name) {
      const elementRegistry = modeler.get('elementRegistry');
      const source = afterId
        ? elementRegistry.get(afterId)
        : elementRegistry.filter(function(e) { return e.type === 'bpmn:StartEvent'; }).pop();

      if (!source) {
        throw new Error('Hittar inget element att lägga till efter' + (afterId ? ': ' + afterId : ''));
      }

      const shape = modeler.get('autoPlace').append(source, modeler.get('elementFactory').createShape({ type: type }));

      if (name) {
        modeler.get('modeling').updateLabel(shape, name);
      }

      return shape.id;
    },

    /** The bpmn-js Modeler itself, for anything this small API does not cover. */
    get modeler() {
      return modeler;
    },

    destroy() {
      modeler.destroy();
    }
  };

  await handle.importXml(options.xml);

  return handle;
}

window.insatsFlowDesigner = { create: create };

export { create };
