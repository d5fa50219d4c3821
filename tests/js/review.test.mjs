// Author mode's review: accepting a draft, the order of review, accepted alternatives typed by the
// author, and the whole exercise file a book page downloads. Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { confidenceText, exerciseYaml, keyYaml } from "../../src/js/authoring/keyfile.js";
import { acceptText, resolveAccept } from "../../src/js/tagger/accept_field.js";
import { wholeWords } from "../../src/js/authoring/whole_words.js";
import { accepted, downloadedWords, nextAfter } from "../../src/js/tagger/review_panel.js";

const TEXT = "The despot slammed the plan. Aides said the despot was calm.\n";
const CPS = Array.from(TEXT);
/** A text's tokens as the compiled exercise gives them: words, and every other character alone. */
const tokensOf = (/** @type {string} */ text) =>
  [...text.matchAll(/[\p{L}]+|[^\s\p{L}]/gu)].map((m, i) => ({
    i,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    ws: text[m.index + m[0].length] === " " ? " " : "",
    line: 1,
    para: 0,
  }));
const TOKENS = tokensOf(TEXT);
const EXERCISE = { id: "mini", article: { text: TEXT, tokens: TOKENS } };
const at = (word, n = 0) => [...TEXT.matchAll(new RegExp(`\\b${word}\\b`, "g"))][n].index;
const tag = (word, extra = {}, n = 0) => ({
  id: "t1",
  label: "loaded",
  start: at(word, n),
  end: at(word, n) + word.length,
  quote: word,
  attrs: {},
  source_ids: [],
  note: "",
  why: "",
  hints: [],
  ...extra,
});

test("an accepted draft loses its draft flag, reason and confidence and keeps everything else", () => {
  const draft = tag("despot", { draft: true, reason: "in our list", confidence: 0.8, why: "Name-calling." });
  const done = accepted(draft);
  assert.equal("draft" in done || "reason" in done || "confidence" in done, false);
  const { draft: _flag, reason: _why, confidence: _sure, ...rest } = draft;
  assert.deepEqual(done, rest);
  assert.equal(done.why, "Name-calling.");
  assert.ok(!/draft|reason|confidence/.test(keyYaml(EXERCISE, [done], CPS)));
  assert.match(keyYaml(EXERCISE, [draft], CPS), /draft: true\n {4}reason: in our list\n {4}confidence: 0.8\n/);
});

test("after a draft leaves the list the review goes on with the next one, or the one before at the end", () => {
  assert.equal(nextAfter(["a", "b", "c"], "a"), "b");
  assert.equal(nextAfter(["a", "b", "c"], "c"), "b");
  assert.equal(nextAfter(["a"], "a"), null);
});

test("confidences are written in hundredths without trailing zeros, ties rounded up", () => {
  assert.deepEqual([0.75, 0.5, 1, 0, 0.125, 0.995, 0.004, 1.7, -1].map(confidenceText), [
    "0.75",
    "0.5",
    "1",
    "0",
    "0.13",
    "1",
    "0",
    "1",
    "0",
  ]);
});

test("accepted alternatives typed one a line become the occurrence that overlaps the item", () => {
  const second = tag("despot", {}, 1);
  const { spans } = resolveAccept("the despot\n\nnot in the text\ndespot\n the despot \nslammed", second, CPS, TOKENS);
  // 'the despot' at the second despot; the item's own words, lines not in the text and words
  // elsewhere ('slammed' is in the first sentence) are left out
  assert.deepEqual(spans, [{ start: at("despot", 1) - 4, end: at("despot", 1) + 6, quote: "the despot" }]);
  assert.equal(acceptText({ ...second, accept: spans }), "the despot");
});

test("the whole exercise file keeps all but the key and distractors, and replaces those", () => {
  const source = [
    "# made by hand",
    "id: mini",
    "article: article.txt",
    "key:",
    "  # an old comment inside the key",
    "  - id: old",
    "    label: loaded",
    "    quote: slammed",
    "",
    "# the task comes next",
    "task:",
    "  instructions: Tag.",
    "distractors:",
    "- id: dis-said-l1",
    "  quote: said",
    "untagged: []",
  ].join("\n");
  const traps = [
    { id: "d1", start: at("Aides"), end: at("Aides") + 5, quote: "Aides", labels: ["loaded"], why: "A group." },
  ];
  const text = exerciseYaml(source, EXERCISE, [tag("despot", { draft: true, reason: "listed" })], CPS, traps);
  const lines = text.split("\n");
  assert.deepEqual(lines.slice(0, 3), ["# made by hand", "id: mini", "article: article.txt"]);
  assert.equal(lines[3], "key:");
  assert.ok(!text.includes("old") && !text.includes("dis-said-l1"));
  assert.ok(text.includes("  - id: ld-despot-l1\n    label: loaded\n    quote: despot\n    occurrence: 1\n"));
  assert.ok(text.includes("    draft: true\n    reason: listed\ndistractors:\n  - id: dis-aides-l1\n"));
  assert.ok(text.includes("\n# the task comes next\ntask:\n  instructions: Tag.\nuntagged: []\n"));
  // no key yet: the blocks go at the end
  assert.ok(exerciseYaml("id: mini\n", EXERCISE, [], CPS, []).endsWith("id: mini\nkey:\ndistractors: []\n"));
});

test("an accepted alternative typed as part of a hyphenated word becomes the whole word", () => {
  const text = "Aides said the deal-breaker was the plan.\n";
  const chars = Array.from(text);
  const tokens = tokensOf(text);
  const start = text.indexOf("the deal");
  const item = { ...tag("despot"), start, end: start + "the deal-breaker".length, quote: "the deal-breaker" };
  // the exercise file refuses "breaker" alone (it cuts a word): the author's line is saved as the whole word
  assert.deepEqual(resolveAccept("breaker\nthe deal", item, chars, tokens).spans, [
    { start: text.indexOf("deal"), end: text.indexOf(" was"), quote: "deal-breaker" },
  ]);
});

test("each line of other words to accept not taken as typed is said, in the words the author typed", () => {
  const text = "Aides said the deal-breaker was the plan.\n";
  const chars = Array.from(text);
  const tokens = tokensOf(text);
  const start = text.indexOf("deal");
  const item = { ...tag("despot"), start, end: start + "deal-breaker".length, quote: "deal-breaker" };
  const { spans, notes } = resolveAccept(
    "the deal\nbreaker\nAides\nthe dael\nthe deal-breaker was",
    item,
    chars,
    tokens,
  );
  assert.deepEqual(
    spans.map((s) => s.quote),
    ["the deal-breaker", "the deal-breaker was"],
  );
  assert.deepEqual(notes, [
    "“the deal” cuts a word, and students tag whole words: counted as “the deal-breaker”.",
    "“breaker” cuts a word, and students tag whole words: counted as “deal-breaker”, the item's own words, so left out.",
    "“Aides” is in the article, but not over this item's words: left out.",
    "“the dael” is not in the article (copy it exactly, quotation marks too): left out.",
  ]);
});

test("whole words in a chapter's part are the words of the whole article: no word runs past a part's edge", () => {
  // a part (`:lines:`) is whole lines and gets only its lines' tokens; a hyphen at a line's end or start
  // joins no words across the line break, so widening never needs a token past the part's edge
  const text = "Aides said the deal-\nbreaker was well-known.\n-ish re-runs of anti-war\nend- of x--y\n";
  const chars = Array.from(text);
  const tokens = tokensOf(text);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  let spans = 0;
  for (let first = 0; first < lineStarts.length - 1; first++) {
    for (let last = first; last < lineStarts.length - 1; last++) {
      const [from, to] = [lineStarts[first], lineStarts[last + 1] - 1];
      const part = tokens.filter((t) => from <= t.start && t.end <= to).map((t, i) => ({ ...t, i }));
      for (let start = from; start < to; start++) {
        for (let end = start + 1; end <= to; end++) {
          const inPart = wholeWords(/** @type {any} */ (part), chars, start, end);
          const whole = wholeWords(/** @type {any} */ (tokens), chars, start, end);
          assert.deepEqual(inPart, whole, `${first + 1}-${last + 1}: ${JSON.stringify(text.slice(start, end))}`);
          spans += 1;
        }
      }
    }
  }
  assert.ok(spans > 1000);
});

test("author mode's Download says how many key items and how many of them are still drafts, in agreeing words", () => {
  const said = (count, drafts, extra) => downloadedWords({ file: "exercise.yml", count, drafts, said: extra });
  assert.equal(said(1, 1), "Downloaded exercise.yml: 1 key item, still a draft.");
  assert.equal(said(1, 0), "Downloaded exercise.yml: 1 key item, not a draft.");
  assert.equal(said(3, 0), "Downloaded exercise.yml: 3 key items, none of them a draft.");
  assert.equal(said(3, 3), "Downloaded exercise.yml: 3 key items, all still drafts.");
  assert.equal(said(5, 1), "Downloaded exercise.yml: 5 key items, 1 of them still a draft.");
  assert.equal(said(1200, 1100), "Downloaded exercise.yml: 1,200 key items, 1,100 of them still drafts.");
  assert.equal(said(0, 0), "Downloaded exercise.yml: no key items.");
  assert.equal(
    said(2, 0, "1 key item still needs a value."),
    "Downloaded exercise.yml: 2 key items, none of them a draft. 1 key item still needs a value.",
  );
});
