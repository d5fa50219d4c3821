// The JavaScript hand-in reader (src/js/core/handin.js) against Python's (core/handin.py) on the
// hostile hand-ins in tests/hostile/handins/: the same refusal or the same tags left out, with the
// same codes, places and arguments (tests/hostile/make_handins.py writes what Python gives).
// A page reads a file's bytes as the Tagger's Load button does: size, then UTF-8, then the reader.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { MAX_HANDIN_BYTES, problemText, readHandin } from "../../src/js/core/handin.js";

const HOSTILE = fileURLToPath(new URL("../hostile/", import.meta.url));
const EXPECTED = JSON.parse(readFileSync(`${HOSTILE}handins/expected.json`, "utf8"));
const EXERCISE = JSON.parse(readFileSync(`${HOSTILE}base/compiled.json`, "utf8"));
const CHARS = Array.from(EXERCISE.article.text);

/**
 * What the page does with a file's bytes.
 * @param {Buffer} bytes
 */
function readBytes(bytes) {
  if (bytes.length > MAX_HANDIN_BYTES) {
    return { refusal: { code: "too-big", place: "", args: { limit_mb: MAX_HANDIN_BYTES / 1048576 } } };
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refusal: { code: "not-utf8", place: "", args: {} } };
  }
  const read = readHandin(text, EXERCISE, CHARS);
  return read.ok ? { orphans: read.orphans, answer_problems: read.answer_problems } : { refusal: read.refusal };
}

test("there are hostile hand-ins to read", () => {
  assert.ok(Object.keys(EXPECTED).length >= 30);
});

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`${name}: the same as Python's reader`, () => {
    const got = readBytes(readFileSync(`${HOSTILE}handins/${name}`));
    if (want.refusal) {
      assert.ok(got.refusal, `${name} should be refused with ${want.refusal.code}`);
      assert.equal(got.refusal.code, want.refusal.code);
      if (!["not-json", "not-utf8", "too-big"].includes(want.refusal.code)) {
        // where the text stops being JSON is the parser's to say: those places may differ
        assert.deepEqual(got.refusal, want.refusal);
      }
      assert.ok(problemText(/** @type {any} */ (got.refusal)).length > 10);
    } else {
      assert.deepEqual(got.orphans, want.orphans);
      assert.deepEqual(got.answer_problems, want.answer_problems);
    }
  });
}
