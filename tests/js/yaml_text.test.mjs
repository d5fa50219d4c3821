// exercise.yml's texts as author mode writes them (src/js/authoring/yaml_text.js) against the Python rule
// (medialit.authoring.yaml_text), on the shared cases tests/vectors/yaml-text.json (tests/vectors/make_vectors.py).
// Run: node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { yamlText } from "../../src/js/authoring/yaml_text.js";

const vector = JSON.parse(readFileSync(new URL("../vectors/yaml-text.json", import.meta.url), "utf8"));

test("every shared text is written as the Python writer writes it, in a block and in a list", () => {
  const wrong = vector.filter(
    (/** @type {string[]} */ [text, block, flow]) => yamlText(text) !== block || yamlText(text, true) !== flow,
  );
  assert.ok(vector.length > 400);
  assert.deepEqual(wrong, []);
});

test("a plain sentence with curly quotes stays plain; a yes, a number and a colon-space are quoted", () => {
  assert.equal(yamlText("“fury” is the reporter's word."), "“fury” is the reporter's word.");
  assert.deepEqual(
    ["yes", "1e3", "a: b"].map((t) => yamlText(t)),
    ['"yes"', '"1e3"', '"a: b"'],
  );
});
