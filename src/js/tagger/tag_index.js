// @ts-check
// What the views need to know about the tags on show, derived from the tag list once per change:
// the visible tags in reading order, their token ranges, numbers (C1, S2, ... in the order they were
// made), claim underline levels and the sources each claim names. The views compare two indexes to
// touch only what changed.

import { spanTokens } from "../core/spans.js";
import { layoutLevels } from "./decoration.js";
import { sortTags } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("./decoration.js").TokenRange} TokenRange */

/**
 * @typedef {object} TagIndex
 * @property {Tag[]} tags the whole list the index was made from (hidden tags too)
 * @property {Tag[]} visible the tags on show, in reading order
 * @property {Map<string, Tag>} byId every tag, shown or not
 * @property {Map<string, TokenRange>} ranges token ranges of the visible tags
 * @property {Map<string, string>} numbers badge text without links: "C1" (per label, in the order made)
 * @property {Map<string, string>} links claim id to the numbers of its sources: "S1,S2"
 * @property {Map<string, Tag[]>} byLabel visible tags of each label, in reading order
 * @property {Map<string, number>} claimLevels underline level of each claim
 */

/**
 * @typedef {object} IndexSettings
 * @property {Token[]} tokens the tokens on show
 * @property {Label[]} labels the labels on show
 * @property {{start: number, end: number}} part the code points on show
 * @property {Record<string, string>} prefixes badge prefix per label
 * @property {WeakMap<Tag, TokenRange>} rangeCache token ranges already worked out, by tag object
 */

/**
 * Index the tags for drawing.
 * @param {Tag[]} tags
 * @param {IndexSettings} settings
 * @returns {TagIndex}
 */
export function indexTags(tags, { tokens, labels, part, prefixes, rangeCache }) {
  const shown = new Set(labels.map((l) => l.name));
  const visible = sortTags(tags.filter((t) => shown.has(t.label) && part.start <= t.start && t.end <= part.end));
  const ranges = new Map();
  for (const t of visible) {
    let range = rangeCache.get(t);
    if (!range) {
      range = { id: t.id, label: t.label, ...spanTokens(tokens, t.start, t.end) };
      rangeCache.set(t, range);
    }
    ranges.set(t.id, range);
  }
  /** @type {Map<string, Tag[]>} */
  const byLabel = new Map(labels.map((l) => [l.name, []]));
  for (const t of visible) byLabel.get(t.label)?.push(t);
  // numbered in the order the tags were made, so a new tag earlier in the text moves no other number
  const numbers = new Map();
  const counts = new Map();
  for (const t of tags) {
    if (!ranges.has(t.id)) continue;
    const n = (counts.get(t.label) || 0) + 1;
    counts.set(t.label, n);
    numbers.set(t.id, `${prefixes[t.label]}${n}`);
  }
  const links = new Map();
  for (const t of byLabel.get("claim") || []) {
    const named = (t.source_ids || []).map((s) => numbers.get(s)).filter(Boolean);
    if (named.length) links.set(t.id, named.join(","));
  }
  const claims = (byLabel.get("claim") || []).map((t) => ranges.get(t.id));
  return {
    tags,
    visible,
    byId: new Map(tags.map((t) => [t.id, t])),
    ranges,
    numbers,
    links,
    byLabel,
    claimLevels: layoutLevels(claims),
  };
}

/**
 * The visible tags that cover token `i`, shortest first.
 * @param {TagIndex} index
 * @param {number} i
 */
export function tagsAtToken(index, i) {
  return index.visible
    .filter((t) => {
      const r = index.ranges.get(t.id);
      return r !== undefined && r.first <= i && i <= r.last;
    })
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/**
 * Ids whose tag or token range differs between two indexes (added, removed or changed), and
 * claims whose underline level moved: what the article must redraw.
 * @param {TagIndex | null} before
 * @param {TagIndex} after
 * @returns {Set<string>}
 */
export function changedIds(before, after) {
  const ids = new Set();
  if (!before) {
    for (const id of after.ranges.keys()) ids.add(id);
    return ids;
  }
  for (const [id, range] of after.ranges) {
    const old = before.ranges.get(id);
    const moved = !old || old.first !== range.first || old.last !== range.last || old.label !== range.label;
    if (moved || before.claimLevels.get(id) !== after.claimLevels.get(id)) ids.add(id);
  }
  for (const id of before.ranges.keys()) if (!after.ranges.has(id)) ids.add(id);
  return ids;
}
