// The form editor (form-js) for the Formulär page, and the form viewer for task pages.
// Exposed as window.insatsFlowFormular for Blazor JS interop. The server validates every submission against the same
// schema (Core/Formular/Formularschema.cs, docs/formular.md); the viewer's own checks only help the person filling in.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import './formular.css';

async function editor(container, schemaText) {
  const formEditor = new FormEditor({ container });
  await formEditor.importSchema(JSON.parse(schemaText));
  return {
    schema: () => JSON.stringify(formEditor.saveSchema(), null, 2),
    // For tests and the keyboard: change a component's label by its key, as the properties panel does.
    setLabel: (key, label) => {
      const registry = formEditor.get('formFieldRegistry');
      const field = registry.getAll().find(f => f.key === key);
      if (!field) throw new Error(`Fältet ${key} finns inte i formuläret.`);
      formEditor.get('modeling').editFormField(field, 'label', label);
    },
    destroy: () => formEditor.destroy()
  };
}

const visade = new Map();

// data: initial values, and the alternatives the server filled in (valuesKey "<key>Alternativ").
async function visa(container, schemaText, dataText, id) {
  const form = new Form({ container });
  await form.importSchema(JSON.parse(schemaText), dataText ? JSON.parse(dataText) : {});
  visade.set(id, form);
  return true;
}

// What the person filled in, as the server receives it (the alternatives passed in are not sent back).
function data(id) {
  const form = visade.get(id);
  if (!form) throw new Error(`Formuläret ${id} visas inte.`);
  const result = form.submit();
  return JSON.stringify(result.data);
}

function stang(id) {
  visade.get(id)?.destroy();
  visade.delete(id);
}

window.insatsFlowFormular = { editor, visa, data, stang };

export { editor, visa, data, stang };
