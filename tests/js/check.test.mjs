// Tests for src/js/core/check.js: it must give the Python checker's Report on every shared vector,
// match scipy where it reimplements its solver, and count offsets in code points.
// Run: node --test tests/js/
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { check, HandInRefused, linearSumAssignment } from "../../src/js/core/check.js";
import { readHandin } from "../../src/js/core/handin.js";

const VECTORS = fileURLToPath(new URL("../vectors/", import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

// --- the shared vectors (written by tests/vectors/make_vectors.py from check.py) -------------

const caseFiles = readdirSync(VECTORS)
  .filter((f) => /^case-.*\.json$/.test(f))
  .sort();

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
    const matrix = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () =>
        kind === 0 ? Math.floor(rand() * 3) : kind === 1 ? (rand() < 0.4 ? rand() : 0) : rand() * 10 - 5,
      ),
    );
    const maximize = n % 2 === 0;
    const { rows: r, cols: c } = linearSumAssignment(matrix, maximize);
    assert.equal(r.length, Math.min(rows, cols));
    assert.equal(c.length, r.length);
    assert.equal(new Set(r).size, r.length, "a row is used twice");
    assert.equal(new Set(c).size, c.length, "a column is used twice");
    assert.deepStrictEqual(
      r,
      [...r].sort((a, b) => a - b),
      "rows are not ascending",
    );
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
  const ones = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];
  assert.deepStrictEqual(linearSumAssignment(ones, true), { rows: [0, 1, 2], cols: [0, 1, 2] });
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
  {
    name: "claim",
    title: "Claim",
    help: "A claim.",
    shortcut: "1",
    letter: "c",
    attrs: { kind: ["fact", "accusation"] },
  },
  {
    name: "source",
    title: "Source",
    help: "A source.",
    shortcut: "2",
    letter: "s",
    attrs: { identity: ["named", "anonymous"] },
  },
  {
    name: "loaded",
    title: "Loaded",
    help: "Loaded words.",
    shortcut: "3",
    letter: "l",
    attrs: { technique: ["emotional", "fear"], neutral: "text" },
  },
];

/** A small compiled exercise whose spans sit after emoji (astral code points, 2 UTF-16 units each). */
function emojiExercise() {
  const text = `Kyiv 🇺🇦 says the drone 👍🏽 was not theirs.\nA furious spokesman 😀 insisted.\n${"🙂".repeat(61)}\n`;
  const sentenceEnds = [cpAt(text, "theirs.") + 7, cpAt(text, "insisted.") + 9, cpLen(text) - 1];
  const item = (id, label, quote, line, extra = {}) => ({
    id,
    label,
    start: cpAt(text, quote),
    end: cpAt(text, quote) + cpLen(quote),
    quote,
    line,
    attrs: {},
    entity: null,
    source_ids: null,
    why: `Why ${id}.`,
    hints: [],
    accept: [],
    optional: false,
    ...extra,
  });
  return {
    format: "medialit.exercise/1",
    id: "emoji",
    title: "Emoji",
    instructions: "Tag.",
    difficulty: "standard",
    tolerance: 0.75,
    article: {
      sha256: "f".repeat(64),
      text,
      tokens: [],
      paragraphs: [],
      sentences: [
        { start: 0, end: sentenceEnds[0] },
        { start: sentenceEnds[0] + 1, end: sentenceEnds[1] },
        { start: sentenceEnds[1] + 1, end: sentenceEnds[2] },
      ],
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
    format: "medialit.handin/1",
    exercise: exercise.id,
    article_sha256: exercise.article.sha256,
    student: "",
    created: "",
    updated: "",
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
  assert.deepStrictEqual([report.tags[0].verdict, report.tags[0].line, report.tags[0].key_line], ["matched", 2, 2]);
  assert.deepStrictEqual(report.orphans, []);

  const utf16Start = ex.article.text.indexOf("furious");
  assert.notEqual(utf16Start, good.start, "the test article must put emoji before the span");
  const shifted = { ...good, start: utf16Start, end: utf16Start + 7 };
  const moved = check(ex, handinFor(ex, [shifted]));
  assert.deepStrictEqual(moved.tags, []);
  assert.equal(moved.orphans.length, 1);
  assert.equal(moved.orphans[0].place, "tag 1 (t1)");
  assert.equal(moved.orphans[0].code, "orphan");
  assert.equal(moved.orphans[0].args.line, 2);
});

test("a quote with emoji inside is measured in code points for overlap, lines and quotes", () => {
  const ex = emojiExercise();
  const wide = tagAt(ex, "t1", "claim", "drone 👍🏽 was not theirs");
  const report = check(ex, handinFor(ex, [wide]));
  const item = report.items.find((i) => i.key_id === "clm-not-theirs");
  assert.equal(item.verdict, "hit");
  // Jaccard in code points: the tag lies inside the key item, so it is the ratio of their lengths
  // (23 / 27 code points; in UTF-16 units it would be 25 / 29).
  const inCodePoints = cpLen(wide.quote) / cpLen(item.quote);
  assert.notEqual(inCodePoints, wide.quote.length / item.quote.length);
  assert.equal(item.overlap, inCodePoints);
  assert.equal(report.tags[0].overlap, inCodePoints);
});

test("the article's length and the span check count code points", () => {
  const ex = emojiExercise();
  const size = cpLen(ex.article.text);
  const last = {
    id: "t1",
    label: "loaded",
    start: size - 2,
    end: size,
    quote: Array.from(ex.article.text).slice(-2).join(""),
  };
  const beyond = { id: "t2", label: "loaded", start: size - 1, end: size + 1, quote: "x" };
  const read = readHandin(handinFor(ex, [last, beyond]), ex, Array.from(ex.article.text));
  assert.ok(read.ok);
  assert.deepStrictEqual(read.orphans, [
    { code: "outside-article", place: "tag 2 (t2)", args: { start: size - 1, end: size + 1, length: size } },
  ]);
});

test("sentences are counted in code points for the spans-sentences finding", () => {
  const ex = emojiExercise();
  const inOne = tagAt(ex, "t1", "claim", "says the drone 👍🏽 was not theirs");
  const acrossTwo = tagAt(ex, "t2", "loaded", "theirs.\nA furious");
  const report = check(ex, handinFor(ex, [inOne, acrossTwo]));
  const spanning = report.tags.map((t) => t.findings.filter((f) => f.code === "spans-sentences").map((f) => f.args));
  assert.deepStrictEqual(spanning, [[], [{ sentences: 2 }]]);
});

// --- hand-in problems and refusals ------------------------------------------------------------

test("bad tags are left out one by one and listed as orphans, the rest is checked", () => {
  const ex = emojiExercise();
  const good = tagAt(ex, "t1", "loaded", "furious");
  const handin = handinFor(ex, [
    good,
    { ...good }, // duplicate id
    { ...good, id: "t3", start: "4" }, // not a number
    { ...tagAt(ex, "t4", "loaded", "insisted"), attrs: { technique: "it's" } }, // unknown value
    { ...tagAt(ex, "t5", "claim", "was not theirs"), source_ids: ["t1", "nobody"] },
  ]);
  handin.tags.splice(5, 0, ["not", "a", "tag"]);
  const report = check(ex, handin);
  assert.deepStrictEqual(report.orphans, [
    { code: "duplicate-id", place: "tag 2 (t1)", args: { id: "t1" } },
    { code: "tag-bad-field", place: "tag 3 (t3)", args: { field: "start" } },
    {
      code: "bad-attribute-value",
      place: "tag 4 (t4)",
      args: { value: "it's", label: "loaded", name: "technique", allowed: ["emotional", "fear"] },
    },
    { code: "tag-not-object", place: "tag 6", args: {} },
    { code: "bad-source-link", place: "tag t5", args: { ref: "t1", target_label: "loaded" } },
    { code: "bad-source-link", place: "tag t5", args: { ref: "nobody", target_label: null } },
  ]);
  assert.deepStrictEqual(
    report.tags.map((t) => t.tag_id),
    ["t1", "t5"],
  );
});

test("a hand-in for another exercise or article version is refused whole", () => {
  const ex = emojiExercise();
  const ok = handinFor(ex, []);
  const refusal = (/** @type {any} */ h) => {
    const read = readHandin(h, ex, Array.from(ex.article.text));
    return read.ok ? null : read.refusal;
  };
  assert.equal(refusal(ok), null);
  assert.deepStrictEqual(refusal({ ...ok, exercise: "other" }), {
    code: "other-exercise",
    place: "the exercise field",
    args: { handin: "other", exercise: "emoji" },
  });
  assert.equal(refusal({ ...ok, article_sha256: "0123456789abcdef" })?.code, "bad-field");
  assert.deepStrictEqual(refusal({ ...ok, article_sha256: "0".repeat(64) })?.args, {
    handin: "000000000000",
    exercise: "ffffffffffff",
  });
  assert.equal(refusal({ ...ok, format: "medialit.handin/2" })?.code, "other-format");
  assert.equal(refusal([ok])?.code, "not-a-handin");
  assert.throws(() => check(ex, { ...ok, exercise: "other" }), HandInRefused);
});

test("labels restrict the check; an unknown label is an error naming the choices", () => {
  const ex = emojiExercise();
  const handin = handinFor(ex, [
    tagAt(ex, "t1", "loaded", "furious"),
    tagAt(ex, "t2", "source", "A furious spokesman"),
  ]);
  const report = check(ex, handin, { labels: ["loaded"] });
  assert.deepStrictEqual(report.labels, ["loaded"]);
  assert.deepStrictEqual(
    report.items.map((i) => i.key_id),
    ["ld-furious"],
  );
  assert.deepStrictEqual(
    report.tags.map((t) => t.tag_id),
    ["t1"],
  );
  assert.deepStrictEqual(Object.keys(report.scores), ["loaded", "all"]);
  assert.throws(
    () => check(ex, handin, { labels: ["cue"] }),
    /no label cue\. Fix: use some of: claim, source, loaded\./,
  );
});

test("difficulty: unset attributes count only in challenge mode", () => {
  const ex = emojiExercise();
  const handin = handinFor(ex, [tagAt(ex, "t1", "loaded", "furious")]);
  assert.deepStrictEqual(check(ex, handin).items[0].attrs, {});
  const challenge = check(ex, handin, { difficulty: "challenge" });
  assert.equal(challenge.difficulty, "challenge");
  assert.deepStrictEqual(challenge.items[0].attrs, {
    technique: { expected: ["emotional"], given: null, verdict: "unset" },
  });
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
  assert.deepStrictEqual(
    report.tags.map((t) => t.verdict),
    ["extra", "wrong-label", "extra"],
  );
});
