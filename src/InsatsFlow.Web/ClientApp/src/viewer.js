// The InsatsFlow BPMN viewer: shows where an instance stands. Exposed as window.insatsFlowViewer.
// Colour alone does not carry the state (WCAG 1.4.1): each marked element also gets a text badge.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import TranslateModule from './translate.js';
import './viewer.css';

const ZOOM_STEP = 1.2;

const STATES = {
  active: { marker: 'if-active', badge: 'Pågår' },
  done: { marker: 'if-done', badge: 'Klar' }
};

function resolveElement(target) {
  const element = typeof target === 'string' ? document.querySelector(target) : target;

  if (!element) {
    throw new Error('insatsFlowViewer: hittar inte diagramytan (' + target + ')');
  }

  return element;
}

function button(label, text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'if-zoom-button';
  b.setAttribute('aria-label', label);
  b.title = label;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/**
 * @param {HTMLElement|string} container
 * @param {{ xml: string, active?: string[], done?: string[] }} options
 * @return {Promise<object>} the viewer handle
 */
async function create(container, options) {
  options = options || {};

  const host = resolveElement(container);
  host.classList.add('if-viewer');

  const canvasElement = document.createElement('div');
  canvasElement.className = 'if-viewer-canvas';
  host.appendChild(canvasElement);

  const viewer = new NavigatedViewer({
    container: canvasElement,
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [ TranslateModule ]
  });

  const canvas = viewer.get('canvas');
  let marked = [];

  // The canvas svg is focusable (tabindex=0, from diagram-js); say what the keys do.
  const svg = canvasElement.querySelector('svg');
  if (svg) {
    svg.setAttribute('aria-label', 'Arbetsflödets diagram. Zooma med plus och minus, anpassa med 0, flytta med piltangenterna.');
  }

  function zoomBy(factor) {
    canvas.zoom(canvas.zoom() * factor);
  }

  function fit() {
    canvas.zoom('fit-viewport', 'auto');
  }

  const toolbar = document.createElement('div');
  toolbar.className = 'if-zoom-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Zooma diagrammet');
  toolbar.append(
    button('Zooma in', '+', function() { zoomBy(ZOOM_STEP); }),
    button('Zooma ut', '−', function() { zoomBy(1 / ZOOM_STEP); }),
    button('Anpassa till ytan', 'Anpassa', fit)
  );
  host.insertBefore(toolbar, canvasElement);

  // Keyboard on the focused canvas: + and - zoom, 0 fits (arrow keys move, from bpmn-js).
  canvasElement.addEventListener('keydown', function(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === '+') {
      zoomBy(ZOOM_STEP);
      event.preventDefault();
    } else if (event.key === '-') {
      zoomBy(1 / ZOOM_STEP);
      event.preventDefault();
    } else if (event.key === '0') {
      fit();
      event.preventDefault();
    }
  });

  const handle = {
    async importXml(xml) {
      try {
        await viewer.importXML(xml);
      } catch (err) {
        const text = String(err && err.message || err);
        const line = /line: (\d+)/.exec(text);
        throw new Error('Kunde inte läsa BPMN-diagrammet' + (line ? ' (rad ' + line[1] + ')' : '') + ': ' + text.replace(/\s+/g, ' ').trim());
      }
      fit();
      marked = [];
    },

    /** Marks where the instance stands; unknown ids are returned rather than thrown. */
    setState(state) {
      const elementRegistry = viewer.get('elementRegistry');
      const overlays = viewer.get('overlays');
      const unknown = [];

      marked.forEach(function(m) { canvas.removeMarker(m.id, m.marker); });
      overlays.remove({ type: 'if-state' });
      marked = [];

      Object.keys(STATES).forEach(function(key) {
        ((state && state[key]) || []).forEach(function(id) {
          if (!elementRegistry.get(id)) {
            unknown.push(id);
            return;
          }
          canvas.addMarker(id, STATES[key].marker);
          overlays.add(id, 'if-state', {
            position: { top: -14, left: 0 },
            html: '<span class="if-badge if-badge-' + key + '">' + STATES[key].badge + '</span>'
          });
          marked.push({ id: id, marker: STATES[key].marker });
        });
      });

      return { unknown: unknown };
    },

    /**
     * Zooms to where the instance stands: the plane holding the first active element (a collapsed subprocess has its
     * own), framed around every active element on it with some context, never closer than 100 %. Returns false when
     * nothing is active (the diagram stays fitted).
     */
    focusActive(ids) {
      const elementRegistry = viewer.get('elementRegistry');
      const elements = (ids || []).map(function(id) { return elementRegistry.get(id); }).filter(Boolean);
      if (!elements.length) return false;
      const root = canvas.findRoot(elements[0]);
      if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);
      const onPlane = elements.filter(function(e) { return canvas.findRoot(e) === canvas.getRootElement(); });
      const PAD = 160;
      const minX = Math.min.apply(null, onPlane.map(function(e) { return e.x; })) - PAD;
      const minY = Math.min.apply(null, onPlane.map(function(e) { return e.y; })) - PAD;
      const maxX = Math.max.apply(null, onPlane.map(function(e) { return e.x + (e.width || 0); })) + PAD;
      const maxY = Math.max.apply(null, onPlane.map(function(e) { return e.y + (e.height || 0); })) + PAD;
      const outer = canvas.viewbox().outer;
      // at most 100 %, and the box given the container's proportions around its centre (diagram-js aligns a box
      // of other proportions top-left)
      const scale = Math.min(outer.width / (maxX - minX), outer.height / (maxY - minY), 1);
      const width = outer.width / scale;
      const height = outer.height / scale;
      const cx = (minX + maxX) / 2;
      const cy = (minY + maxY) / 2;
      canvas.viewbox({ x: cx - width / 2, y: cy - height / 2, width: width, height: height });
      return true;
    },

    zoomIn() { zoomBy(ZOOM_STEP); },
    zoomOut() { zoomBy(1 / ZOOM_STEP); },
    fit: fit,

    get viewer() {
      return viewer;
    },

    destroy() {
      viewer.destroy();
      host.removeChild(toolbar);
      host.removeChild(canvasElement);
      host.classList.remove('if-viewer');
    }
  };

  await handle.importXml(options.xml);
  handle.setState({ active: options.active, done: options.done });
  // The insats page opens where the insats stands; "0" or the fit button shows the whole process.
  if (options.focusActive) handle.focusActive(options.active);

  return handle;
}

window.insatsFlowViewer = { create: create };

export { create };
