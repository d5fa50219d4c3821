// Pure parts of the Tagger front end (src/js): spans, snapping, overlap layout, undo, hand-ins.
// Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { keyYaml, occurrenceOf } from "../../src/js/authoring/keyfile.js";
import { yamlText } from "../../src/js/authoring/yaml_text.js";
import { makeHandin, problemText, readHandin, teacherProblemText } from "../../src/js/core/handin.js";
import { counted } from "../../src/js/core/messages.js";
import {
  codePoints,
  isPunctuation,
  quoted,
  quoteOf,
  selectionToSpan,
  spanTokens,
  tokenAt,
} from "../../src/js/core/spans.js";
import { decorate, layoutLevels } from "../../src/js/tagger/decoration.js";
import { History } from "../../src/js/tagger/history.js";
import { badgePrefixes, labelKeys } from "../../src/js/tagger/labels.js";
import { storageKey } from "../../src/js/tagger/storage.js";
import { TagState } from "../../src/js/tagger/tag_state.js";
import { addTag, nextTagId, removeTag } from "../../src/js/tagger/tags.js";

/** Tokens with code-point offsets, like the compiled exercise: words, and each punctuation mark alone. */
function tokenize(text) {
  const cps = Array.from(text);
  const tokens = [];
  let i = 0;
  while (i < cps.length) {
    if (/\s/u.test(cps[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    if (/[\p{L}\p{N}]/u.test(cps[i])) while (j < cps.length && /[\p{L}\p{N}]/u.test(cps[j])) j++;
    let k = j;
    while (k < cps.length && /\s/u.test(cps[k])) k++;
    tokens.push({
      i: tokens.length,
      start: i,
      end: j,
      text: cps.slice(i, j).join(""),
      ws: cps.slice(j, k).join(""),
      line: 1,
      para: 0,
    });
    i = k;
  }
  return tokens;
}

const TEXT = "Peskov 😀 said: “the US was ‘undoubtedly’ behind it.” A despot, a despot!";
const TOKENS = tokenize(TEXT);
const CPS = codePoints(TEXT);
const LABELS = [
  { name: "claim", title: "Claim", shortcut: "1", letter: "c", attrs: { kind: ["fact", "accusation"] } },
  { name: "source", title: "Source", shortcut: "2", letter: "s", attrs: { identity: ["named", "anonymous"] } },
  { name: "loaded", title: "Loaded", shortcut: "3", letter: "l", attrs: { neutral: "text" } },
];
const CUE = { name: "cue", title: "Cue", shortcut: "4", letter: "u", attrs: { type: ["neutral", "doubting"] } };
// a page that shows three labels of an exercise that has four: a hand-in holds them all
const EXERCISE = {
  id: "mini",
  labels: LABELS,
  all_labels: [...LABELS, CUE],
  article: { sha256: "a".repeat(64), text: TEXT, tokens: TOKENS },
};
const idx = (word, from = 0) => TOKENS.findIndex((t, n) => n >= from && t.text === word);

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test("the token list rebuilds the text, and offsets count code points, not UTF-16 units", () => {
  assert.equal(TOKENS.map((t) => t.text + t.ws).join(""), TEXT);
  const said = TOKENS[idx("said")];
  assert.equal(quoteOf(CPS, said.start, said.end), "said");
  assert.equal(said.start, 9); // "Peskov 😀 " is 9 code points but 10 UTF-16 units
});

test("tokenAt and spanTokens find tokens by code-point offset", () => {
  for (const t of TOKENS) {
    assert.equal(tokenAt(TOKENS, t.start), t.i);
    assert.equal(tokenAt(TOKENS, t.end - 1), t.i);
  }
  const a = idx("the"),
    b = idx("behind");
  assert.deepEqual(spanTokens(TOKENS, TOKENS[a].start, TOKENS[b].end), { first: a, last: b });
});

test("punctuation and symbols are trimmable, words are not", () => {
  for (const s of [",", "“", "’", "!", "…", "😀", "–"]) assert.ok(isPunctuation(s), s);
  for (const s of ["US", "despot", "it's", "1"]) assert.ok(!isPunctuation(s), s);
});

test("a selection snaps to whole tokens and trims edge punctuation, in either direction", () => {
  const from = idx("said") + 1; // ":"
  const to = TOKENS.length - 1; // "!"
  const span = selectionToSpan(TOKENS, to, from, false);
  assert.equal(quoteOf(CPS, span.start, span.end), "the US was ‘undoubtedly’ behind it.” A despot, a despot");
  assert.deepEqual(selectionToSpan(TOKENS, from, to, false), span);
});

test("a claim keeps quotation marks at its ends; other labels lose them", () => {
  const open = idx("“"),
    close = idx("”");
  const claim = selectionToSpan(TOKENS, open, close, true);
  assert.equal(quoteOf(CPS, claim.start, claim.end), "“the US was ‘undoubtedly’ behind it.”");
  const loaded = selectionToSpan(TOKENS, open, close, false);
  assert.equal(quoteOf(CPS, loaded.start, loaded.end), "the US was ‘undoubtedly’ behind it");
});

test("a claim loses a stray quotation mark at an edge whose partner is outside the span", () => {
  const stray = selectionToSpan(TOKENS, idx("behind"), idx("”"), true);
  assert.equal(quoteOf(CPS, stray.start, stray.end), "behind it");
  const opening = selectionToSpan(TOKENS, idx("“"), idx("was"), true);
  assert.equal(quoteOf(CPS, opening.start, opening.end), "the US was");
  const pair = selectionToSpan(TOKENS, idx("‘"), idx("’"), true);
  assert.equal(quoteOf(CPS, pair.start, pair.end), "‘undoubtedly’");
});

test("only punctuation selected gives no span", () => {
  const comma = idx(",");
  assert.equal(selectionToSpan(TOKENS, comma, comma, false), null);
  assert.equal(selectionToSpan(TOKENS, idx("😀"), idx("😀"), true), null);
});

test("snapping holds for random selections: inside the range, no trimmable edge, order-free", () => {
  const rand = rng(7);
  for (let n = 0; n < 500; n++) {
    const a = Math.floor(rand() * TOKENS.length),
      b = Math.floor(rand() * TOKENS.length);
    const keep = rand() < 0.5;
    const span = selectionToSpan(TOKENS, a, b, keep);
    assert.deepEqual(span, selectionToSpan(TOKENS, b, a, keep));
    const lo = Math.min(a, b),
      hi = Math.max(a, b);
    const isQuote = (t) => Array.from(t.text).every((c) => "“”‘’\"'".includes(c));
    if (span === null) {
      assert.ok(TOKENS.slice(lo, hi + 1).every((t) => isPunctuation(t.text)));
      continue;
    }
    assert.ok(span.first >= lo && span.last <= hi && span.first <= span.last);
    const inside = TOKENS.slice(span.first, span.last + 1);
    const keptEdge = (t) => !isPunctuation(t.text) || (keep && isQuote(t) && inside.filter(isQuote).length > 1);
    assert.ok(keptEdge(TOKENS[span.first]) && keptEdge(TOKENS[span.last]));
    assert.ok(inside.some((t) => !isPunctuation(t.text)));
    assert.ok(
      [...TOKENS.slice(lo, span.first), ...TOKENS.slice(span.last + 1, hi + 1)].every((t) => isPunctuation(t.text)),
    );
  }
});

test("overlap layout: nested and crossing spans stack, disjoint ones share level 0", () => {
  const levels = layoutLevels([
    { id: "outer", first: 0, last: 10 },
    { id: "inner", first: 2, last: 4 },
    { id: "cross", first: 9, last: 14 },
    { id: "later", first: 20, last: 22 },
  ]);
  assert.equal(levels.get("outer"), 0);
  assert.equal(levels.get("inner"), 1);
  assert.equal(levels.get("cross"), 1);
  assert.equal(levels.get("later"), 0);
});

test("overlap layout: spans that share a token never share a level (random sets)", () => {
  const rand = rng(11);
  for (let n = 0; n < 200; n++) {
    const spans = Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, k) => {
      const first = Math.floor(rand() * 30);
      return { id: `s${k}`, first, last: first + Math.floor(rand() * 8) };
    });
    const levels = layoutLevels(spans);
    for (const a of spans)
      for (const b of spans) {
        if (a !== b && a.first <= b.last && b.first <= a.last) assert.notEqual(levels.get(a.id), levels.get(b.id));
      }
  }
});

test("decorate marks tokens and only the gaps inside a tag; sources get both edges", () => {
  const d = decorate(6, [
    { id: "c", label: "claim", first: 0, last: 4 },
    { id: "l", label: "loaded", first: 2, last: 2 },
    { id: "s", label: "source", first: 1, last: 2 },
    { id: "c2", label: "claim", first: 1, last: 2 },
  ]);
  assert.equal(d.tok[0], "|0");
  assert.equal(d.tok[1], "mt-mark-source mt-mark-source-start|0,1");
  assert.equal(d.tok[2], "mt-mark-loaded mt-mark-source mt-mark-source-end|0,1");
  assert.equal(d.gap[1], "mt-mark-source|0,1");
  assert.equal(d.gap[2], "|0"); // the loaded word ends at token 2, so no tint on the gap after it
  assert.equal(d.gap[4], "|"); // after the last token of the claim
  assert.equal(d.tok[5], "|");
});

test("badges and keys: letters where they are unique, two letters where first letters clash", () => {
  assert.deepEqual(badgePrefixes(LABELS), { claim: "C", source: "S", loaded: "L" });
  assert.deepEqual(badgePrefixes([...LABELS, { name: "cue", letter: "u" }]), {
    claim: "C",
    source: "S",
    loaded: "L",
    cue: "U",
  });
  assert.deepEqual(badgePrefixes([...LABELS, { name: "cue" }]), { claim: "CL", source: "SO", loaded: "LO", cue: "CU" });
  const keys = labelKeys(LABELS);
  assert.equal(keys.get("1"), "claim");
  assert.equal(keys.get("s"), "source");
  assert.equal(keys.get("l"), "loaded");
});

test("tags: new ids, duplicates refused, other label on the same words allowed, links pruned", () => {
  const base = [
    { id: "t1", label: "source", start: 0, end: 6, quote: "Peskov", attrs: {}, source_ids: [], note: "" },
    { id: "t9", label: "claim", start: 20, end: 30, quote: "x", attrs: {}, source_ids: ["t1"], note: "" },
  ];
  assert.equal(nextTagId(base), "t10");
  assert.equal(nextTagId([]), "t1");
  const dup = addTag(base, { ...base[0], id: "t10" });
  assert.equal(dup.error, "duplicate");
  assert.equal(dup.tags, base);
  const other = addTag(base, { ...base[0], id: "t10", label: "loaded" });
  assert.equal(other.error, null);
  assert.equal(other.tags.length, 3);
  const removed = removeTag(base, "t1");
  assert.deepEqual(
    removed.map((t) => t.id),
    ["t9"],
  );
  assert.deepEqual(removed[0].source_ids, []);
});

test("undo history: undo, redo, new change clears redo, merged edits undo in one step", () => {
  const h = new History();
  const s0 = [],
    s1 = ["a"],
    s2 = ["a", "b"];
  h.record(s0, null, "Tagged a.");
  h.record(s1, null, "Tagged b.");
  assert.deepEqual(h.undo(s2), { state: s1, what: "Tagged b." });
  assert.deepEqual(h.undo(s1), { state: s0, what: "Tagged a." });
  assert.equal(h.undo(s0), null);
  // a step redone is said in the words it was made with
  assert.deepEqual(h.redo(s0), { state: s1, what: "Tagged a." });
  assert.deepEqual(h.redo(s1), { state: s2, what: "Tagged b." });
  assert.equal(h.redo(s2), null);
  h.undo(s2); // back to s1
  h.record(s1); // a new change
  assert.ok(!h.canRedo);
  const typing = new History();
  typing.record("n0", "t1:note");
  typing.record("n1", "t1:note");
  typing.record("n2", "t1:note");
  assert.equal(typing.undo("n3")?.state, "n0");
  assert.ok(!typing.canUndo);
  // a choice changed twice in a row is one step, said as it is now
  const choosing = new History();
  choosing.record("unset", "t1:role", "Changed role to official.");
  choosing.record("official", "t1:role", "Changed role to interested party.");
  assert.deepEqual(choosing.undo("interested party"), { state: "unset", what: "Changed role to interested party." });
  const capped = new History(3);
  for (let i = 0; i < 10; i++) capped.record(i);
  assert.equal(capped.past.length, 3);
});

test("undo history: what a change replaced besides the tags is given back on each undo and taken on each redo", () => {
  // a loaded hand-in's written answer: the load wrote "theirs" where "mine" was; the swap exchanges them
  let answer = "theirs";
  let other = "mine";
  let swaps = 0;
  const swap = () => {
    [answer, other] = [other, answer];
    swaps++;
  };
  const state = new TagState([]);
  state.commit(["loaded"], null, "Loaded 1 tag and 1 written answer from alex.json.", null, swap);
  state.commit(["loaded", "mine"], null, "Tagged mine.");
  assert.equal(state.travel(true), "Tagged mine.");
  assert.equal(answer, "theirs"); // a step without a swap leaves the answer alone
  // another tab's tag merged in, as the Tagger merges it: the swap stays with its step
  const merge = (/** @type {string[]} */ tags) => [...tags, "from another tab"];
  state.history.rebase((was) => ({ ...was, tags: merge(was.tags) }));
  state.set(merge(state.tags), "other-tab");
  assert.equal(state.travel(true), "Loaded 1 tag and 1 written answer from alex.json.");
  assert.deepEqual([state.tags, answer], [["from another tab"], "mine"]);
  assert.equal(state.travel(false), "Loaded 1 tag and 1 written answer from alex.json.");
  assert.deepEqual([state.tags, answer], [["loaded", "from another tab"], "theirs"]);
  state.travel(true);
  assert.deepEqual([answer, swaps], ["mine", 3]);
});

test("author mode's distractors are undone and redone with the tags, in the order the changes were made", () => {
  const state = new TagState([]);
  state.distractors = [{ id: "d1", start: 0, end: 3, quote: "The", labels: ["loaded"], why: "" }];
  const heard = [];
  state.onChange((source) => heard.push(source));
  const first = state.distractors;
  const tagged = [
    { id: "t1", label: "loaded", start: 4, end: 10, quote: "despot", attrs: {}, source_ids: [], note: "" },
  ];
  state.commit(tagged, null, "Tagged despot.");
  const explained = [{ ...first[0], why: "A plain word." }];
  state.commit(state.tags, "d1:why", "Changed the explanation of the distractor.", explained);
  assert.deepEqual(heard, ["edit", "edit"]); // a change of the distractors alone is a change too
  assert.equal(state.travel(true), "Changed the explanation of the distractor.");
  assert.equal(state.distractors, first);
  assert.equal(state.tags, tagged); // the tags stay as they were
  assert.equal(state.travel(true), "Tagged despot.");
  assert.deepEqual([state.tags, state.distractors], [[], first]);
  assert.equal(state.travel(false), "Tagged despot.");
  assert.equal(state.travel(false), "Changed the explanation of the distractor.");
  assert.deepEqual([state.tags, state.distractors], [tagged, explained]);
  assert.deepEqual(heard, ["edit", "edit", "history", "history", "history", "history"]);
  // a tag change keeps the distractors; a change from outside is no step
  state.commit([], null, "Removed despot.");
  state.set(tagged, "other-tab");
  assert.equal(state.distractors, explained);
  assert.equal(state.travel(true), "Removed despot.");
  assert.equal(state.distractors, explained);
});

function validTags() {
  const s = selectionToSpan(TOKENS, idx("Peskov"), idx("Peskov"));
  const c = selectionToSpan(TOKENS, idx("the"), idx("behind"), true);
  return [
    {
      id: "t1",
      label: "source",
      start: s.start,
      end: s.end,
      quote: quoteOf(CPS, s.start, s.end),
      attrs: { identity: "named" },
      source_ids: [],
      note: "<img src=x onerror=alert(1)>",
    },
    {
      id: "t2",
      label: "claim",
      start: c.start,
      end: c.end,
      quote: quoteOf(CPS, c.start, c.end),
      attrs: {},
      source_ids: ["t1"],
      note: "",
    },
    {
      id: "t3",
      label: "cue",
      start: s.start,
      end: s.end,
      quote: quoteOf(CPS, s.start, s.end),
      attrs: { type: "doubting" },
      source_ids: [],
      note: "",
    },
  ];
}

test("a hand-in round-trips: download then load gives the same tags", () => {
  const doc = makeHandin(EXERCISE, validTags(), { student: "Fox" });
  assert.equal(doc.format, "medialit.handin/1");
  const got = readHandin(JSON.stringify(doc), EXERCISE, CPS);
  assert.ok(got.ok);
  assert.deepEqual(got.tags, validTags()); // the cue tag is not on this page but is kept, untouched
  assert.deepEqual(got.orphans, []);
  assert.equal(got.student, "Fox");
});

test("a hand-in for another exercise or article is refused, naming both", () => {
  const other = readHandin(JSON.stringify({ ...makeHandin(EXERCISE, []), exercise: "other-one" }), EXERCISE, CPS);
  assert.ok(!other.ok);
  assert.deepEqual(other.refusal, {
    code: "other-exercise",
    place: "the exercise field",
    args: { handin: "other-one", exercise: "mini" },
  });
  assert.match(problemText(other.refusal), /“other-one”.*“mini”/);
  const sha = readHandin(
    JSON.stringify({ ...makeHandin(EXERCISE, []), article_sha256: "b".repeat(64) }),
    EXERCISE,
    CPS,
  );
  assert.ok(!sha.ok);
  assert.deepEqual(sha.refusal.args, { handin: "bbbbbbbbbbbb", exercise: "aaaaaaaaaaaa" });
  assert.match(teacherProblemText(sha.refusal), /bbbbbbbbbbbb.*aaaaaaaaaaaa.* Fix: /);
});

test("not JSON, not a hand-in, or another format version is refused", () => {
  const codes = [
    ["{not json", "not-json"],
    ["[]", "not-a-handin"],
    ["null", "not-a-handin"],
    [JSON.stringify({ format: "medialit.handin/2" }), "other-format"],
    [JSON.stringify({ tags: [] }), "not-a-handin"],
    [`${"[".repeat(40)}${"]".repeat(40)}`, "too-deep"],
    [
      JSON.stringify({
        ...makeHandin(EXERCISE, []),
        note: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
      }),
      "too-deep",
    ],
    [
      JSON.stringify({ ...makeHandin(EXERCISE, []) }).replace('"tags":[]', '"tags":[], "n": 12345678901234567'),
      "number-too-long",
    ],
    [JSON.stringify({ ...makeHandin(EXERCISE, []), student: "\ud800" }), "lone-surrogate"],
  ];
  for (const [bad, code] of codes) {
    const got = readHandin(bad, EXERCISE, CPS);
    assert.ok(!got.ok, bad);
    assert.equal(got.refusal.code, code, bad);
    assert.ok(problemText(got.refusal).length > 20);
  }
  const newer = readHandin(JSON.stringify({ format: "medialit.handin/2" }), EXERCISE, CPS);
  assert.match(problemText(/** @type {any} */ (newer).refusal), /medialit\.handin\/2/);
});

test("bad tags are left out one by one and named; broken links are dropped", () => {
  const [src, claim] = validTags();
  const doc = makeHandin(EXERCISE, [
    src,
    { ...claim, source_ids: ["t1", "t404"] },
    { ...src, id: "t1" }, // duplicate id
    { ...src, id: "t5", quote: "Putin" }, // orphan
    { ...src, id: "t6", start: 0, end: 9999 }, // out of range
    { ...src, id: "t7", attrs: { identity: "famous" } }, // unknown value
    { id: "t8", label: "claim" }, // no span
  ]);
  const got = readHandin(doc, EXERCISE, CPS);
  assert.ok(got.ok);
  assert.deepEqual(
    got.tags.map((t) => t.id),
    ["t1", "t2"],
  );
  assert.deepEqual(got.tags[1].source_ids, ["t1"]);
  assert.deepEqual(
    got.orphans.map((o) => o.code),
    ["duplicate-id", "orphan", "outside-article", "bad-attribute-value", "tag-bad-field", "bad-source-link"],
  );
  assert.ok(got.orphans.some((o) => problemText(o).includes("Putin")));
});

test("autosave keys: one per exercise and article; author work is kept apart", () => {
  assert.equal(storageKey(EXERCISE), `medialit:mini:${"a".repeat(64)}`);
  assert.equal(storageKey(EXERCISE, "author"), `medialit:mini:${"a".repeat(64)}:author`);
});

test("occurrence counts matches before the span, in code points", () => {
  const second = idx("despot", idx("despot") + 1);
  const t = TOKENS[second];
  assert.deepEqual(occurrenceOf(TEXT, CPS, "despot", t.start), { occurrence: 2, count: 2 });
  assert.deepEqual(occurrenceOf(TEXT, CPS, "said", TOKENS[idx("said")].start), { occurrence: 1, count: 1 });
});

test("key YAML escapes quotes, backslashes and newlines, and adds occurrence only when needed", () => {
  assert.equal(yamlText('a "b" \\ c\nd'), '"a \\"b\\" \\\\ c\\nd"');
  const second = TOKENS[idx("despot", idx("despot") + 1)];
  const [src, claim] = validTags();
  const yaml = keyYaml(
    EXERCISE,
    [
      {
        id: "t1",
        label: "loaded",
        start: second.start,
        end: second.end,
        quote: "despot",
        attrs: { neutral: 'say "Putin"' },
        source_ids: [],
        note: "",
        why: "Name-calling (L1).",
        hints: ["Look for a label.", ""],
        optional: true,
      },
      { ...src, id: "t7" },
      { ...claim, source_ids: ["t7"], why: "", hints: [] },
    ],
    CPS,
  );
  assert.match(yaml, /- id: ld-despot-l1\n {4}label: loaded\n {4}quote: despot\n {4}occurrence: 2\n/);
  assert.match(yaml, /attrs: {neutral: say "Putin"}\n/); // plain: a quotation mark inside a text needs no quotes
  assert.match(yaml, /hints:\n {6}- Look for a label.\n {4}optional/); // one a line; the empty one left out
  assert.match(yaml, /why: ""\n/); // an empty text is quoted, or YAML reads null
  assert.match(yaml, /optional: true/);
  assert.match(yaml, /quote: the US was ‘undoubtedly’ behind\n {4}source_ids: \[src-peskov-l1\]/);
  assert.ok(!/occurrence/.test(yaml.split("- id:")[1])); // the claim comes first and occurs once
});

test("words are shown in one pair of quotation marks, never two", () => {
  assert.equal(quoted("despot"), "“despot”");
  assert.equal(quoted("“the US was ‘undoubtedly’ behind it.”", 60), "“the US was ‘undoubtedly’ behind it.”");
  assert.equal(quoted("'false flag'"), "'false flag'");
  // a lone mark, or one that only opens, is still put in quotation marks
  assert.equal(quoted("“"), "““”");
  assert.equal(quoted("“Putin said"), "““Putin said”");
  // cut words lose their closing mark, so they are put in a pair of their own; the cut falls after a word
  const long = `“${"word ".repeat(20).trim()}”`;
  assert.equal(quoted(long, 20), "““word word word…”");
  assert.equal(
    quoted("the United States masterminded a kamikaze drone strike", 40),
    "“the United States masterminded a…”",
  );
});

test("a count of one takes the singular: the Tagger never says 1 tags", () => {
  assert.equal(counted(1, "tag"), "1 tag");
  assert.equal(counted(0, "tag"), "0 tags");
  assert.equal(counted(2, "written answer"), "2 written answers");
});
