// Author mode marks the key items validate names for a missing kind, identity or technique
// (src/js/authoring/key_needs.js against exercise_file.missing_attribute, on tests/vectors/key-needs.json,
// written by tests/vectors/make_vectors.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { missingAttribute } from "../../src/js/authoring/key_needs.js";

const vector = JSON.parse(readFileSync(new URL("../vectors/key-needs.json", import.meta.url), "utf8"));

test("every shared case marks what validate names", () => {
  for (const [set, label, attrs, missing] of vector.cases) {
    const spec = { name: label, attrs: vector.labels[set][label] };
    assert.equal(missingAttribute({ label, attrs }, spec), missing, JSON.stringify([set, label, attrs]));
  }
});
