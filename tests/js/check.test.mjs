// Tests for src/medialit/web/static/check.js: it must give the Python checker's Report on every shared
// vector, match scipy/CPython where it reimplements them, and count offsets in code points.
// Run: node --test tests/js/
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  check, handinProblems, HandInRefused, linearSumAssignment, pyRound, refusal,
} from "../../src/medialit/web/static/check.js";

const VECTORS = fileURLToPath(new URL("../vectors/", import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

// --- the shared vectors (written by tests/vectors/make_vectors.py from check.py) -------------

const caseFiles = readdirSync(VECTORS).filter((f) => /^case-.*\.json$/.test(f)).sort();

test("there are vectors to compare with", () => {
  assert.ok(caseFiles.length >= 10, `only ${caseFiles.length} vector files in tests/vectors/`);
});

for (const file of caseFiles) {
  test(`vector ${file}: same Report as check.py`, () => {
    const vector = readJson(VECTORS + file);
    const exercise = readJson(`${VECTORS}exercises/${vector.exercise}.json`);
    assert.deepStrictEqual(check(exercise, vector.handin, vector.options), vector.report);
  });
}

// --- seeded randomness ------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- the assignment solver --------------------------------------------------------------------

/** Best summed weight over every one-to-one pairing of min(rows, cols) pairs, by brute force. */
function bruteForceBest(matrix, maximize) {
  const rows = matrix.length;
  const cols = matrix[0].length;
  const better = (a, b) => (maximize ? a > b : a < b);
  let best = null;
  const used = new Array(cols).fill(false);
  // Choose, for each row in turn, a column or (when rows > cols) no column.
  const walk = (r, pairs, sum) => {
    if (r === rows) {
      if (pairs === Math.min(rows, cols) && (best === null || better(sum, best))) best = sum;
      return;
    }
    if (rows - r - 1 >= Math.min(rows, cols) - pairs) walk(r + 1, pairs, sum);
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      walk(r + 1, pairs + 1, sum + matrix[r][c]);
      used[c] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

test("linearSumAssignment finds an optimal one-to-one assignment (brute force, random rectangular)", () => {
  const rand = mulberry32(2026);
  for (let n = 0; n < 600; n++) {
    const rows = 1 + Math.floor(rand() * 6);
    const cols = 1 + Math.floor(rand() * 6);
    const kind = n % 3; // small integers (many ties), sparse overlaps like the checker's, any reals
    const matrix = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (
      kind === 0 ? Math.floor(rand() * 3) : kind === 1 ? (rand() < 0.4 ? pyRound(rand(), 6) : 0) : rand() * 10 - 5)));
    const maximize = n % 2 === 0;
    const { rows: r, cols: c } = linearSumAssignment(matrix, maximize);
    assert.equal(r.length, Math.min(rows, cols));
    assert.equal(c.length, r.length);
    assert.equal(new Set(r).size, r.length, "a row is used twice");
    assert.equal(new Set(c).size, c.length, "a column is used twice");
    assert.deepStrictEqual(r, [...r].sort((a, b) => a - b), "rows are not ascending");
    const sum = r.reduce((s, row, i) => s + matrix[row][c[i]], 0);
    const best = bruteForceBest(matrix, maximize);
    assert.ok(Math.abs(sum - best) < 1e-9, `${JSON.stringify(matrix)} maximize=${maximize}: got ${sum}, best ${best}`);
  }
});

test("linearSumAssignment handles empty input and refuses NaN", () => {
  assert.deepStrictEqual(linearSumAssignment([], true), { rows: [], cols: [] });
  assert.deepStrictEqual(linearSumAssignment([[]], true), { rows: [], cols: [] });
  assert.throws(() => linearSumAssignment([[NaN]], false), RangeError);
});

test("linearSumAssignment breaks ties like scipy (constant matrix gives the identity)", () => {
  const ones = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
  assert.deepStrictEqual(linearSumAssignment(ones, true), { rows: [0, 1, 2], cols: [0, 1, 2] });
});

// --- Python-compatible rounding ---------------------------------------------------------------

/** Exact reference for Python's round(x, n): the double's exact value, rounded half to even. */
function exactRound(x, ndigits) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = expBits ? fraction | (1n << 52n) : fraction;
  const exp = (expBits || 1) - 1075; // |x| = mantissa * 2**exp exactly
  const scale = 10n ** BigInt(ndigits);
  let num = mantissa * scale;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(ndigits + 1, "0");
  const value = Number(`${digits.slice(0, -ndigits)}.${digits.slice(-ndigits)}`);
  return x < 0 ? -value : value;
}

test("pyRound matches CPython round() on edge values", () => {
  // [x, round(x, 4)] as printed by CPython 3.11: exact binary ties go to even, near-ties follow
  // the binary value (0.00015 is stored a little below, 0.00025 a little above).
  const table = [[1 / 32, 0.0312], [3 / 32, 0.0938], [5 / 32, 0.1562], [0.00015, 0.0001], [0.00025, 0.0003],
    [2.67845, 2.6785], [1.00005, 1.0001], [0.99995, 1.0], [0.12345, 0.1235], [-1 / 32, -0.0312],
    [3 / 7, 0.4286], [0, 0], [1, 1]];
  for (const [x, expected] of table) assert.equal(pyRound(x, 4), expected, `round(${x}, 4)`);
  // [x, round(x, 6)] from CPython 3.11
  const six = [[1 / 128, 0.007812], [3 / 128, 0.023438], [5e-7, 0], [1.5e-6, 2e-6], [0.1234565, 0.123456]];
  for (const [x, expected] of six) assert.equal(pyRound(x, 6), expected, `round(${x}, 6)`);
});

test("pyRound agrees with an exact half-to-even reference (random values and every binary tie)", () => {
  const rand = mulberry32(11);
  const values = [];
  for (let m = 0; m < 512; m++) values.push(m / 32, m / 128, -m / 64);
  for (let n = 0; n < 5000; n++) {
    values.push(rand(), Math.floor(rand() * 1e6) / 1e5, (1 + Math.floor(rand() * 200)) / (1 + Math.floor(rand() * 300)));
  }
  for (const x of values) {
    for (const nd of [4, 6]) assert.equal(pyRound(x, nd), exactRound(x, nd), `round(${x}, ${nd})`);
  }
});

// --- code points --------------------------------------------------------------------------------

/** Code-point offset of `quote` in `text` (the n-th occurrence). */
function cpAt(text, quote, occurrence = 1) {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `${quote} not in the test article`);
  return Array.from(text.slice(0, at)).length;
}

const cpLen = (text) => Array.from(text).length;

const LABELS = [
  { name: "claim", title: "Claim", help: "A claim.", shortcut: "1", letter: "c", attrs: { kind: ["fact", "accusation"] } },
  { name: "source", title: "Source", help: "A source.", shortcut: "2", letter: "s", attrs: { identity: ["named", "anonymous"] } },
  { name: "loaded", title: "Loaded", help: "Loaded words.", shortcut: "3", letter: "l",
    attrs: { technique: ["emotional", "fear"], neutral: "text" } },
];

/** A small compiled exercise whose spans sit after emoji (astral code points, 2 UTF-16 units each). */
function emojiExercise() {
  const text = "Kyiv 🇺🇦 says the drone 👍🏽 was not theirs.\nA furious spokesman 😀 insisted.\n"
    + `${"🙂".repeat(61)}\n`;
  const sentenceEnds = [cpAt(text, "theirs.") + 7, cpAt(text, "insisted.") + 9, cpLen(text) - 1];
  const item = (id, label, quote, line, extra = {}) => ({
    id, label, start: cpAt(text, quote), end: cpAt(text, quote) + cpLen(quote), quote, line, attrs: {},
    entity: null, source_ids: null, why: `Why ${id}.`, hints: [], accept: [], optional: false, ...extra,
  });
  return {
    format: "medialit.exercise/1", id: "emoji", title: "Emoji", instructions: "Tag.", difficulty: "standard",
    tolerance: 0.75,
    article: {
      sha256: "f".repeat(64), text, tokens: [], paragraphs: [],
      sentences: [{ start: 0, end: sentenceEnds[0] }, { start: sentenceEnds[0] + 1, end: sentenceEnds[1] },
        { start: sentenceEnds[1] + 1, end: sentenceEnds[2] }],
    },
    labels: LABELS,
    key: [
      item("ld-furious", "loaded", "furious", 2, { attrs: { technique: "emotional" } }),
      item("src-spokesman", "source", "A furious spokesman", 2),
      item("clm-not-theirs", "claim", "the drone 👍🏽 was not theirs", 1),
    ],
    distractors: [],
  };
}

function handinFor(exercise, tags) {
  return {
    format: "medialit.handin/1", exercise: exercise.id, article_sha256: exercise.article.sha256,
    student: "", created: "", updated: "",
    tags: tags.map((t) => ({ attrs: {}, source_ids: [], note: "", ...t })),
  };
}

function tagAt(exercise, id, label, quote, occurrence = 1, extra = {}) {
  const start = cpAt(exercise.article.text, quote, occurrence);
  return { id, label, start, end: start + cpLen(quote), quote, ...extra };
}

test("offsets after emoji are code points: a code-point tag hits, a UTF-16 tag is an orphan", () => {
  const ex = emojiExercise();
  const good = tagAt(ex, "t1", "loaded", "furious", 1, { attrs: { technique: "emotional" } });
  const report = check(ex, handinFor(ex, [good]));
  const item = report.items.find((i) => i.key_id === "ld-furious");
  assert.equal(item.verdict, "hit");
  assert.equal(item.overlap, 1);
  assert.equal(report.tags[0].message, "Matches the key's loaded item on L2.");
  assert.deepStrictEqual(report.orphans, []);

  const utf16Start = ex.article.text.indexOf("furious");
  assert.notEqual(utf16Start, good.start, "the test article must put emoji before the span");
  const shifted = { ...good, start: utf16Start, end: utf16Start + 7 };
  const moved = check(ex, handinFor(ex, [shifted]));
  assert.deepStrictEqual(moved.tags, []);
  assert.equal(moved.orphans.length, 1);
  assert.equal(moved.orphans[0].tag_id, "tag 1 (t1)");
  assert.match(moved.orphans[0].message, /^tag 1 \(t1\): orphan: its quote “furious” does not match the article there \(“.*”, L2\); it was left out\. Fix: /);
});

test("a quote with emoji inside is measured in code points for overlap, lines and quotes", () => {
  const ex = emojiExercise();
  const wide = tagAt(ex, "t1", "claim", "drone 👍🏽 was not theirs");
  const report = check(ex, handinFor(ex, [wide]));
  const item = report.items.find((i) => i.key_id === "clm-not-theirs");
  assert.equal(item.verdict, "hit");
  // Jaccard in code points: the tag lies inside the key item, so it is the ratio of their lengths
  // (23 / 27 code points; in UTF-16 units it would be 25 / 29).
  const inCodePoints = pyRound(cpLen(wide.quote) / cpLen(item.quote), 4);
  assert.notEqual(inCodePoints, pyRound(wide.quote.length / item.quote.length, 4));
  assert.equal(item.overlap, inCodePoints);
  assert.equal(report.tags[0].overlap, inCodePoints);
});

test("the article's length and the span check count code points", () => {
  const ex = emojiExercise();
  const size = cpLen(ex.article.text);
  const last = { id: "t1", label: "loaded", start: size - 2, end: size, quote: Array.from(ex.article.text).slice(-2).join("") };
  const beyond = { id: "t2", label: "loaded", start: size - 1, end: size + 1, quote: "x" };
  const problems = handinProblems(ex, handinFor(ex, [last, beyond]));
  assert.deepStrictEqual(problems, [{
    tag_id: "tag 2 (t2)",
    message: `tag 2 (t2): its span ${size - 1}–${size + 1} is outside the article (0–${size}); it was left out. `
      + "Fix: tag it again in the widget.",
  }]);
});

test("quotes are cut at 60 code points, not 60 UTF-16 units", () => {
  const ex = emojiExercise();
  const sixty = tagAt(ex, "t1", "loaded", "🙂".repeat(60));
  const sixtyOne = tagAt(ex, "t2", "claim", "🙂".repeat(61));
  const report = check(ex, handinFor(ex, [sixty, sixtyOne]));
  assert.ok(report.tags[0].message.startsWith(`“${"🙂".repeat(60)}” (L3) is not in the key`), report.tags[0].message);
  assert.ok(report.tags[1].message.startsWith(`“${"🙂".repeat(59)}…” (L3) is not in the key`), report.tags[1].message);
});

test("sentences are counted in code points for the over-tagging notice", () => {
  const ex = emojiExercise();
  const inOne = tagAt(ex, "t1", "claim", "says the drone 👍🏽 was not theirs");
  const acrossTwo = tagAt(ex, "t2", "loaded", "theirs.\nA furious");
  const report = check(ex, handinFor(ex, [inOne, acrossTwo]));
  const kinds = report.notices.map((n) => [n.tag_id, n.kind]);
  assert.deepStrictEqual(kinds, [["t2", "over-tagging"]]);
  assert.match(report.notices[0].message, /^Your loaded tag on L1 covers more than one sentence\./);
});

// --- hand-in problems and refusals ------------------------------------------------------------

test("bad tags are left out one by one and listed as orphans, the rest is checked", () => {
  const ex = emojiExercise();
  const good = tagAt(ex, "t1", "loaded", "furious");
  const handin = handinFor(ex, [
    good,
    { ...good },                                                   // duplicate id
    { ...good, id: "t3", start: "4" },                             // not a number
    { ...tagAt(ex, "t4", "loaded", "insisted"), attrs: { technique: "it's" } }, // unknown value
    { ...tagAt(ex, "t5", "claim", "was not theirs"), source_ids: ["t1", "nobody"] },
  ]);
  handin.tags.splice(5, 0, ["not", "a", "tag"]);
  const problems = handinProblems(ex, handin);
  assert.deepStrictEqual(problems.map((p) => p.message), [
    "tag 2 (t1): the id `t1` is used twice; the second was left out. Fix: give each tag its own id, or tag it again in the widget.",
    "tag 3 (t3): this tag has no whole-number `start`; it was left out. Fix: tag it again in the widget.",
    "tag 4 (t4): \"it's\" is not a value of loaded.technique (emotional, fear); the tag was left out. "
      + "Fix: tag it again in the widget.",
    "tag 6: this tag is not an object; it was left out. Fix: tag it again in the widget.",
    "tag t5: `source_ids` points at a loaded tag, not a source (t1); that link was dropped. "
      + "Fix: link the claim to a source tag again.",
    "tag t5: `source_ids` points at a tag that is not there (nobody); that link was dropped. "
      + "Fix: link the claim to a source tag again.",
  ]);
  const report = check(ex, handin);
  assert.deepStrictEqual(report.orphans, problems);
  assert.deepStrictEqual(report.tags.map((t) => t.tag_id), ["t1", "t5"]);
});

test("a hand-in for another exercise or article version is refused whole", () => {
  const ex = emojiExercise();
  const ok = handinFor(ex, []);
  assert.equal(refusal(ex, ok), null);
  assert.match(refusal(ex, { ...ok, exercise: "other" }, "h.json"),
    /^h\.json: `exercise`: this hand-in is for exercise 'other', not 'emoji'\. Fix: /);
  assert.match(refusal(ex, { ...ok, article_sha256: "0123456789abcdef" }),
    /^`article_sha256`: .*\(hand-in 0123456789ab…, exercise ffffffffffff…\)/);
  assert.match(refusal(ex, { ...ok, format: "medialit.handin/2" }), /format 'medialit\.handin\/2', not 'medialit\.handin\/1'/);
  assert.match(refusal(ex, [ok]), /^top level: this is not a medialit hand-in/);
  assert.throws(() => check(ex, { ...ok, exercise: "other" }), HandInRefused);
});

test("labels restrict the check; an unknown label is an error naming the choices", () => {
  const ex = emojiExercise();
  const handin = handinFor(ex, [tagAt(ex, "t1", "loaded", "furious"), tagAt(ex, "t2", "source", "A furious spokesman")]);
  const report = check(ex, handin, { labels: ["loaded"] });
  assert.deepStrictEqual(report.labels, ["loaded"]);
  assert.deepStrictEqual(report.items.map((i) => i.key_id), ["ld-furious"]);
  assert.deepStrictEqual(report.tags.map((t) => t.tag_id), ["t1"]);
  assert.deepStrictEqual(Object.keys(report.scores), ["loaded", "all"]);
  assert.throws(() => check(ex, handin, { labels: ["cue"] }), /no label 'cue'\. Fix: use some of: claim, source, loaded\./);
});

test("difficulty: unset attributes count only in challenge mode", () => {
  const ex = emojiExercise();
  const handin = handinFor(ex, [tagAt(ex, "t1", "loaded", "furious")]);
  assert.deepStrictEqual(check(ex, handin).items[0].attrs, {});
  const challenge = check(ex, handin, { difficulty: "challenge" });
  assert.equal(challenge.difficulty, "challenge");
  assert.deepStrictEqual(challenge.items[0].attrs, { technique: { expected: ["emotional"], given: null, verdict: "unset" } });
  assert.equal(challenge.scores.loaded.attrs_asked, 1);
  assert.equal(challenge.scores.loaded.attrs_right, 0);
});

test("wrong label: the tag of another label with the best overlap is named; on a tie, the earlier one", () => {
  const ex = emojiExercise();
  const near = tagAt(ex, "t1", "claim", "A furious"); // overlap 7/9 with "furious", above tolerance
  const exact = tagAt(ex, "t2", "claim", "furious");
  const twin = tagAt(ex, "t3", "claim", "furious");
  const report = check(ex, handinFor(ex, [near, exact, twin]));
  const item = report.items.find((i) => i.key_id === "ld-furious");
  assert.equal(item.verdict, "wrong-label");
  assert.equal(item.tag_id, "t2");
  assert.equal(item.overlap, 1);
  assert.deepStrictEqual(report.tags.map((t) => t.verdict), ["extra", "wrong-label", "extra"]);
});
