// Author mode's whole words (src/js/authoring/whole_words.js) against Article.whole_words, on the shared
// cases tests/vectors/whole-words.json (written by tests/vectors/make_vectors.py).
// Run: node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { wholeWords } from "../../src/js/authoring/whole_words.js";

const vector = JSON.parse(readFileSync(new URL("../vectors/whole-words.json", import.meta.url), "utf8"));
const chars = Array.from(vector.text);
const tokens = vector.tokens.map(([start, end], i) => ({ i, start, end, text: chars.slice(start, end).join("") }));

test("every shared case gives the words Article.whole_words gives", () => {
  const wrong = vector.cases.filter(([start, end, first, last]) => {
    const got = wholeWords(/** @type {any} */ (tokens), chars, start, end);
    return got.start !== first || got.end !== last;
  });
  assert.ok(vector.cases.length > 1000);
  assert.deepEqual(wrong, []);
});

test("a word of a hyphenated word grows to the whole of it", () => {
  const at = vector.text.indexOf("breaker");
  const got = wholeWords(/** @type {any} */ (tokens), chars, at, at + "breaker".length);
  assert.equal(chars.slice(got.start, got.end).join(""), "deal-breaker");
});
