// Behaviour of wwwroot/designer-demo.html, kept out of the page because the host's CSP allows no inline script.
(async function () {
  const summary = document.getElementById('lint-summary');
  const list = document.getElementById('lint-list');
  const output = document.getElementById('xml-output');
  const categoryText = { error: 'Fel', warn: 'Varning', info: 'Info' };

  const designer = await window.insatsFlowDesigner.create('#canvas', '#properties', {
    xml: document.getElementById('exempelprocess').textContent.trim(),
    onChange: function () { summary.textContent = 'Diagrammet är ändrat – validera igen.'; }
  });
  window.demoDesigner = designer;

  document.getElementById('validera').addEventListener('click', async function () {
    const issues = await designer.lint();
    const errors = issues.filter(function (i) { return i.category === 'error'; }).length;
    list.replaceChildren.apply(list, issues.map(function (issue) {
      const li = document.createElement('li');
      li.className = issue.category;
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'link';
      show.textContent = issue.name ? issue.name + ' (' + issue.id + ')' : issue.id;
      show.addEventListener('click', function () { designer.focusElement(issue.id); });
      li.append((categoryText[issue.category] || issue.category) + ': ', show, ' – ' + issue.message);
      return li;
    }));
    summary.textContent = issues.length === 0
      ? 'Inga problem hittades.'
      : errors + ' fel och ' + (issues.length - errors) + ' varningar.';
  });

  document.getElementById('spara').addEventListener('click', async function () {
    output.value = await designer.saveXml();
    summary.textContent = 'Utkastet är sparat nedan som BPMN-XML.';
  });

  document.body.dataset.designerReady = 'true';
})().catch(function (err) {
  document.getElementById('lint-summary').textContent = 'Designern kunde inte starta: ' + err.message;
});
