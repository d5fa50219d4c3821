// The JavaScript hand-in reader (src/js/core/handin.js) against Python's (core/handin.py) on the
// hostile hand-ins in tests/hostile/handins/: the same refusal or the same tags left out, with the
// same codes, places and arguments (tests/hostile/make_handins.py writes what Python gives).
// A page reads a file's bytes as the Tagger's Load button and the class report do: size, then UTF-8,
// then the reader (readHandinFile).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  MAX_HANDIN_BYTES,
  megabytes,
  problemsText,
  problemText,
  readHandinFile,
  teacherProblemText,
  tooBig,
} from "../../src/js/core/handin.js";

const HOSTILE = fileURLToPath(new URL("../hostile/", import.meta.url));
const EXPECTED = JSON.parse(readFileSync(`${HOSTILE}handins/expected.json`, "utf8"));
const EXERCISE = JSON.parse(readFileSync(`${HOSTILE}base/compiled.json`, "utf8"));
const CHARS = Array.from(EXERCISE.article.text);

/**
 * What the page does with a file (its bytes, or the file itself).
 * @param {Buffer | Blob} bytes
 */
async function readBytes(bytes) {
  const read = await readHandinFile(bytes, EXERCISE, CHARS);
  // an answer left out as Python's reader gives it: what Load adds to name and keep it is the page's own
  const answerProblems = read.ok ? read.answer_problems.map(({ code, place, args }) => ({ code, place, args })) : [];
  return read.ok ? { orphans: read.orphans, answer_problems: answerProblems } : { refusal: read.refusal };
}

test("there are hostile hand-ins to read", () => {
  assert.ok(Object.keys(EXPECTED).length >= 30);
});

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`${name}: the same as Python's reader`, async () => {
    const got = await readBytes(readFileSync(`${HOSTILE}handins/${name}`));
    if (want.refusal) {
      assert.ok(got.refusal, `${name} should be refused with ${want.refusal.code}`);
      assert.deepEqual(got.refusal, want.refusal);
      assert.ok(problemText(/** @type {any} */ (got.refusal)).length > 10);
    } else {
      assert.deepEqual(got.orphans, want.orphans);
      assert.deepEqual(got.answer_problems, want.answer_problems);
    }
  });
}

test("a file too big is refused with its size, rounded up to a tenth of a MB, and the limit", async () => {
  const MB = 1048576;
  assert.equal(tooBig(MAX_HANDIN_BYTES), null);
  assert.deepEqual((await readBytes(Buffer.alloc(MAX_HANDIN_BYTES + 1, 32))).refusal, {
    code: "too-big",
    place: "",
    args: { size_mb: "5.1", limit_mb: 5 },
  });
  const sizes = [1, MB, MB + 1, 5.25 * MB, 5.25 * MB + 1, 10 * MB - 1, 10 * MB, 123 * MB + 7];
  assert.deepEqual(sizes.map(megabytes), ["0.1", "1.0", "1.1", "5.3", "5.3", "10.0", "10.0", "123.1"]);
  assert.match(problemText(/** @type {any} */ (tooBig(6 * MB))), /it is 6\.0 MB, and a hand-in is at most 5 MB/);
});

test("a chosen file too big is refused by its size alone: not a byte of it is read", async () => {
  const huge = /** @type {any} */ ({
    size: MAX_HANDIN_BYTES + 1,
    arrayBuffer: () => assert.fail("the bytes of a file too big were read"),
  });
  assert.deepEqual((await readBytes(huge)).refusal, {
    code: "too-big",
    place: "",
    args: { size_mb: "5.1", limit_mb: 5 },
  });
});

test("a hand-in file's size is measured once: its text is not encoded again to measure it", async () => {
  const good = readFileSync(`${HOSTILE}handins/good.json`);
  const encode = TextEncoder.prototype.encode;
  let encoded = 0;
  TextEncoder.prototype.encode = function (/** @type {string} */ text) {
    encoded += 1;
    return encode.call(this, text);
  };
  try {
    const fromBytes = await readBytes(good);
    const fromFile = await readBytes(new Blob([good]));
    assert.deepEqual(fromFile, fromBytes);
    assert.deepEqual(fromBytes.orphans, EXPECTED["good.json"].orphans);
  } finally {
    TextEncoder.prototype.encode = encode;
  }
  assert.equal(encoded, 0);
});

test("a chosen file the browser may not read is refused with the fix, not thrown: the rest of a class is read", async () => {
  const locked = /** @type {any} */ ({
    size: 900,
    arrayBuffer: () => Promise.reject(new DOMException("The requested file could not be read", "NotReadableError")),
  });
  const got = await readBytes(locked);
  assert.deepEqual(got.refusal, { code: "unreadable", place: "", args: { reason: "this browser may not read it" } });
  assert.match(
    teacherProblemText(/** @type {any} */ (got.refusal)),
    /^the hand-in file cannot be read \(this browser may not read it\)\. Fix: let your account read it/,
  );
});

test("tags left out for one reason are told once, the first quoted with how many more, however many words they quote", () => {
  const orphan = (/** @type {number} */ i) => ({
    code: "orphan",
    place: `tag t${i}`,
    args: { quote: `word${i}`, line: 3, there: "other" },
  });
  const many = Array.from({ length: 100_000 }, (_, i) => orphan(i));
  const label = { code: "unknown-label", place: "tag x", args: { label: "cue" } };
  assert.equal(
    problemsText([...many, label, label, label]),
    "The tag “word0” does not match the words on L3 any more, so it was left out, and so were 99,999 more tags like" +
      " it. A tag has a label this exercise does not use (“cue”), so it was left out: 3 tags like this.",
  );
  // two different words are each said: nothing is gained by counting them
  assert.equal(
    problemsText([orphan(1), orphan(2), orphan(2)]),
    "The tag “word1” does not match the words on L3 any more, so it was left out. The tag “word2” does not match" +
      " the words on L3 any more, so it was left out: 2 tags like this.",
  );
});
