// The rules behind incremental drawing and merged saves, for all inputs (random cases from a seed):
// a window of decoration equals the same tokens decorated whole; the windows redrawn cover every
// changed range; a save merged from another tab loses neither side's work.
import assert from "node:assert/strict";
import { test } from "node:test";

import { decorate, decorateWindow, layoutLevels } from "../../src/js/tagger/decoration.js";
import { mergeTags, sameTags, tagText } from "../../src/js/tagger/storage.js";
import { changedIds, indexTags } from "../../src/js/tagger/tag_index.js";
import { dirtyWindows } from "../../src/js/tagger/tag_marks.js";
import { removeTag } from "../../src/js/tagger/tags.js";

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const LABELS = ["claim", "source", "loaded", "cue"];
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function randomRanges(rand, count, tokens) {
  return Array.from({ length: count }, (_, n) => {
    const first = Math.floor(rand() * tokens);
    return {
      id: `t${n + 1}`,
      label: pick(rand, LABELS),
      first,
      last: Math.min(tokens - 1, first + Math.floor(rand() * 6)),
    };
  });
}

test("a window of decoration is the same as those tokens decorated whole", () => {
  const rand = rng(3);
  for (let n = 0; n < 200; n++) {
    const tokens = 5 + Math.floor(rand() * 40);
    const ranges = randomRanges(rand, Math.floor(rand() * 12), tokens);
    const whole = decorate(tokens, ranges);
    const levels = layoutLevels(ranges.filter((r) => r.label === "claim"));
    const from = Math.floor(rand() * tokens);
    const to = Math.min(tokens - 1, from + Math.floor(rand() * 10));
    const part = decorateWindow(ranges, levels, from, to);
    assert.deepEqual(part.tok, whole.tok.slice(from, to + 1));
    assert.deepEqual(part.gap, whole.gap.slice(from, to + 1));
  }
});

const TOKENS = Array.from({ length: 60 }, (_, i) => ({
  i,
  start: i * 4,
  end: i * 4 + 3,
  text: "abc",
  ws: " ",
  line: 1,
  para: 0,
}));
const SETTINGS = () => ({
  tokens: TOKENS,
  labels: LABELS.map((name) => ({ name, title: name })),
  part: { start: 0, end: 240 },
  prefixes: { claim: "C", source: "S", loaded: "L", cue: "U" },
  rangeCache: new WeakMap(),
});
const tagOf = (id, label, first, last, extra = {}) => ({
  id,
  label,
  start: first * 4,
  end: last * 4 + 3,
  quote: "x",
  attrs: {},
  source_ids: [],
  note: "",
  ...extra,
});

test("redrawing after a change covers the tokens of every tag it moved, added or removed, and no others", () => {
  const rand = rng(5);
  for (let n = 0; n < 200; n++) {
    const before = randomRanges(rand, 1 + Math.floor(rand() * 10), 60).map((r) =>
      tagOf(r.id, r.label, r.first, r.last),
    );
    const after = before
      .filter(() => rand() > 0.2)
      .map((t) => (rand() < 0.2 ? { ...t, start: t.start + 4, end: t.end + 4 } : t));
    if (rand() < 0.5) after.push(tagOf("new", pick(rand, LABELS), 10, 12));
    const settings = SETTINGS();
    const old = indexTags(before, settings);
    const now = indexTags(after, settings);
    const windows = dirtyWindows(old, now, changedIds(old, now));
    const covered = (i) => windows.some(([from, to]) => from <= i && i <= to);
    const whole = (index) => decorate(60, [...index.ranges.values()]);
    const [x, y] = [whole(old), whole(now)];
    for (let i = 0; i < 60; i++) {
      if (x.tok[i] !== y.tok[i] || x.gap[i] !== y.gap[i])
        assert.ok(covered(i), `token ${i} changed but is not redrawn`);
    }
  }
});

test("numbers follow the order tags were made, per label, and claims name their sources by number", () => {
  const index = indexTags(
    [
      tagOf("t1", "source", 20, 21),
      tagOf("t2", "claim", 0, 5, { source_ids: ["t1", "t3"] }),
      tagOf("t3", "source", 2, 2),
    ],
    SETTINGS(),
  );
  assert.deepEqual(Object.fromEntries(index.numbers), { t1: "S1", t2: "C1", t3: "S2" });
  assert.equal(index.links.get("t2"), "S1,S2");
  // a tag made later but earlier in the text takes the next number: no other number moves
  const more = indexTags([...index.tags, tagOf("t4", "source", 0, 0)], SETTINGS());
  assert.deepEqual(Object.fromEntries(more.numbers), { t1: "S1", t2: "C1", t3: "S2", t4: "S3" });
  // a note changed: the same range, nothing to redraw on the article
  const noted = indexTags(
    index.tags.map((t) => (t.id === "t3" ? { ...t, note: "why" } : t)),
    SETTINGS(),
  );
  assert.deepEqual([...changedIds(index, noted)], []);
});

function randomTags(rand, prefix, count) {
  return Array.from({ length: count }, (_, n) => {
    const first = Math.floor(rand() * 50);
    return tagOf(`${prefix}${n}`, pick(rand, ["source", "loaded"]), first, first + Math.floor(rand() * 3));
  });
}

test("a save merged from another tab keeps both tabs' new tags, their removals and my changes", () => {
  const rand = rng(9);
  for (let n = 0; n < 300; n++) {
    // both tabs start from the same save, then each adds, removes and changes tags
    const start = randomTags(rand, "t", Math.floor(rand() * 6)).map((t, k) => ({ ...t, id: `t${k + 1}` }));
    const base = new Map(start.map((t) => [t.id, JSON.stringify(t)]));
    const edit = (tags, side) => {
      let out = tags.filter(() => rand() > 0.25);
      out = out.map((t) => (rand() < 0.25 ? { ...t, note: `${side} note` } : t));
      const added = randomTags(rand, "x", Math.floor(rand() * 3)).map((t, k) => ({
        ...t,
        id: `t${start.length + k + 1}`,
      }));
      return [...out, ...added];
    };
    const mine = edit(start, "mine");
    const theirs = edit(start, "theirs");
    const merged = mergeTags(mine, theirs, base);
    const ids = merged.tags.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length, "ids stay unique");
    const has = (t) =>
      merged.tags.some((m) => m.label === t.label && m.start === t.start && m.end === t.end && m.note === t.note);
    const newOn = (tags) => tags.filter((t) => !base.has(t.id));
    for (const t of newOn(mine))
      assert.ok(
        has(t) || newOn(theirs).some((o) => o.label === t.label && o.start === t.start && o.end === t.end),
        "my new tag is kept",
      );
    for (const t of newOn(theirs)) assert.ok(has(t), "their new tag comes in");
    for (const t of mine.filter((x) => base.has(x.id) && base.get(x.id) !== JSON.stringify(x)))
      assert.ok(has(t), "my change is kept");
    for (const id of base.keys()) {
      const inMine = mine.find((t) => t.id === id);
      const inTheirs = theirs.find((t) => t.id === id);
      const untouched = inMine && JSON.stringify(inMine) === base.get(id);
      if (!inTheirs && untouched) assert.ok(!merged.tags.some((t) => t.id === id), "their removal is kept");
      if (!inMine && inTheirs && JSON.stringify(inTheirs) === base.get(id))
        assert.ok(!merged.tags.some((t) => t.id === id), "my removal is kept");
    }
    // merging the same save again changes nothing
    const again = mergeTags(merged.tags, theirs, new Map(theirs.map((t) => [t.id, JSON.stringify(t)])));
    assert.ok(sameTags(again.tags, merged.tags));
  }
});

test("a merge renames my tag that took their id, and my claim's link follows it", () => {
  const source = tagOf("t1", "source", 0, 1);
  const claim = tagOf("t2", "claim", 0, 5, { source_ids: ["t1"] });
  const theirs = [tagOf("t1", "loaded", 30, 30)];
  const merged = mergeTags([source, claim], theirs, new Map());
  const mySource = merged.tags.find((t) => t.label === "source");
  assert.notEqual(mySource.id, "t1");
  assert.deepEqual(merged.tags.find((t) => t.label === "claim").source_ids, [mySource.id]);
  assert.ok(merged.tags.some((t) => t.id === "t1" && t.label === "loaded"));
  // the same rename applies to the undo history
  assert.deepEqual(
    merged.apply(removeTag([source, claim], "t2")).map((t) => t.id),
    [mySource.id, "t1"],
  );
});

test("two tabs that saved at once, each before the other's save reached it, keep both tags and agree", () => {
  const despot = tagOf("t1", "loaded", 10, 11);
  const seething = tagOf("t1", "loaded", 20, 21);
  const saved = (tags) => new Map(tags.map((t) => [t.id, tagText(t)]));
  // each tab wrote its own t1; then each hears the other's save
  const first = mergeTags([despot], [seething], saved([despot]));
  const second = mergeTags([seething], [despot], saved([seething]));
  const words = (tags) => tags.map((t) => t.start).sort((a, b) => a - b);
  assert.deepEqual(words(first.tags), [40, 80], "the first tab keeps its tag and gets the other's");
  assert.deepEqual(words(second.tags), [40, 80], "and so does the second");
  // the first tab saves what it has now; the second, already holding both, merges it without a copy
  const last = mergeTags(second.tags, first.tags, saved([despot]));
  assert.deepEqual(words(last.tags), [40, 80]);
  assert.equal(new Set(last.tags.map((t) => t.id)).size, 2);
});
