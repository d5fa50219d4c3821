// @ts-check
// A text as exercise.yml writes it: plain where YAML reads it back as the same text, in double quotes
// only where it must be. The rule is data in contract.json (yaml_text), which keyfile.py's writers read
// too (medialit.authoring.yaml_text); tests/js/yaml_text.test.mjs holds both to tests/vectors/yaml-text.json.

import contract from "../../medialit/data/contract.json" with { type: "json" };

const QUOTE_IF = new RegExp(contract.yaml_text.quote_if.join("|"), "u");
const QUOTE_IN_FLOW_IF = new RegExp(contract.yaml_text.quote_in_flow_if, "u");
const ESCAPE = new RegExp(contract.yaml_text.escape, "gu");

/**
 * `value` as text in exercise.yml: plain if YAML reads it back the same, else double-quoted (JSON's
 * escapes, and \uXXXX for what YAML may not hold raw). `flow`: it stands inside `[ ]` or `{ }`.
 * @param {unknown} value
 * @param {boolean} [flow]
 */
export function yamlText(value, flow = false) {
  const text = String(value);
  if (!QUOTE_IF.test(text) && !(flow && QUOTE_IN_FLOW_IF.test(text))) return text;
  return JSON.stringify(text).replace(ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
