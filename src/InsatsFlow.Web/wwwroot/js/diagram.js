// Mounts the BPMN viewer (dist/viewer.js) on every [data-bpmn-viewer] element of a server-rendered page.
// The XML sits in the element's data-bpmn-xml attribute (entity-decoded by the browser, never executed).
(function () {
  function ids(value) {
    return (value || '').split(' ').filter(Boolean);
  }

  function mountAll() {
    if (!window.insatsFlowViewer) return;
    document.querySelectorAll('[data-bpmn-viewer]:not([data-mounted])').forEach(function (host) {
      var xml = host.getAttribute('data-bpmn-xml');
      if (!xml) return;
      host.setAttribute('data-mounted', 'true');
      window.insatsFlowViewer.create(host, {
        xml: xml,
        active: ids(host.getAttribute('data-active')),
        done: ids(host.getAttribute('data-done')),
        focusActive: true
      }).catch(function (e) {
        host.textContent = 'Diagrammet kunde inte visas: ' + String(e.message).slice(0, 300);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', mountAll);
  // Blazor's enhanced navigation swaps the page without reloading scripts.
  if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', mountAll);
  document.addEventListener('enhancedload', mountAll);
  mountAll();
})();
