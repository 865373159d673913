// Reads a camunda: attribute whether or not the camunda moddle extension is loaded
// (in the designer it is; on the command line it may arrive as a plain $attrs entry).
module.exports = function camundaAttribute(node, name) {
  const qualified = 'camunda:' + name;
  let value;

  try {
    value = node.get(qualified);
  } catch (err) {
    value = undefined;
  }

  if (value === undefined && node.$attrs) {
    value = node.$attrs[qualified];
  }

  return typeof value === 'string' ? value.trim() : value;
};
