import sv from './sv.js';

// customTranslate in the bpmn-js style: look the English template up in the Swedish dictionary,
// then fill in {placeholders}.
export function translateSv(template, replacements) {
  replacements = replacements || {};

  const translated = Object.prototype.hasOwnProperty.call(sv, template) ? sv[template] : template;

  return translated.replace(/{([^}]+)}/g, function(_, key) {
    return key in replacements ? replacements[key] : '{' + key + '}';
  });
}

export default {
  translate: [ 'value', translateSv ]
};
