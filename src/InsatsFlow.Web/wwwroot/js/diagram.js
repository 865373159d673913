// Mounts the BPMN viewer (dist/viewer.js) on every [data-bpmn-viewer] element of a server-rendered page.
// The XML sits in a data block (<script type="application/bpmn+xml">), which the CSP does not execute.
(function () {
  function ids(value) {
    return (value || '').split(' ').filter(Boolean);
  }

  function mountAll() {
    if (!window.insatsFlowViewer) return;
    document.querySelectorAll('[data-bpmn-viewer]:not([data-mounted])').forEach(function (host) {
      var source = document.getElementById(host.getAttribute('data-bpmn-viewer'));
      if (!source) return;
      host.setAttribute('data-mounted', 'true');
      window.insatsFlowViewer.create(host, {
        xml: source.textContent,
        active: ids(host.getAttribute('data-active')),
        done: ids(host.getAttribute('data-done'))
      }).catch(function (e) {
        host.textContent = 'Diagrammet kunde inte visas: ' + e.message;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', mountAll);
  // Blazor's enhanced navigation swaps the page without reloading scripts.
  if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', mountAll);
  document.addEventListener('enhancedload', mountAll);
  mountAll();
})();
