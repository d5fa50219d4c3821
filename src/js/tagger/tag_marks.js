// @ts-check
// Tags drawn on the article: from one tag index to the next, redraw the marks of the token ranges
// that changed and the badges whose tag or number changed. Nothing else on the article is touched.

import { changedIds } from "./tag_index.js";

/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {import("./article_view.js").ArticleView} ArticleView */

/**
 * The badge text of a visible tag: its number, and for a claim the sources it names ("C2→S1,S3").
 * @param {TagIndex} index
 * @param {string} id
 */
export function badgeText(index, id) {
  const links = index.links.get(id);
  return `${index.numbers.get(id) || ""}${links ? `→${links}` : ""}`;
}

/**
 * Token windows [from, to] that cover the old and new ranges of the changed tags, merged where
 * they touch.
 * @param {TagIndex | null} before
 * @param {TagIndex} after
 * @param {Set<string>} ids
 * @returns {[number, number][]}
 */
export function dirtyWindows(before, after, ids) {
  /** @type {[number, number][]} */
  const spans = [];
  for (const id of ids) {
    for (const r of [before?.ranges.get(id), after.ranges.get(id)]) if (r) spans.push([r.first, r.last]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Bring the article from `before` (null: nothing drawn yet) to `after`; returns the ids of the tags
 * whose marks were drawn (added, moved or removed).
 * @param {ArticleView} view
 * @param {TagIndex | null} before
 * @param {TagIndex} after
 * @returns {Set<string>}
 */
export function drawTagMarks(view, before, after) {
  const ids = changedIds(before, after);
  const ranges = [...after.ranges.values()];
  for (const [from, to] of dirtyWindows(before, after, ids)) view.drawMarks(from, to, ranges, after.claimLevels);
  const order = (/** @type {string} */ a, /** @type {string} */ b) => {
    const x = after.byId.get(a);
    const y = after.byId.get(b);
    return !!x && !!y && (x.start - y.start || y.end - x.end || (x.id < y.id ? -1 : 1)) < 0;
  };
  for (const id of ids) {
    const range = after.ranges.get(id);
    if (range) view.placeBadge(id, range.label, range.first, badgeText(after, id), order);
    else view.removeBadge(id);
  }
  for (const t of after.visible) {
    if (!ids.has(t.id) && (!before || badgeText(before, t.id) !== badgeText(after, t.id))) {
      view.relabelBadge(t.id, badgeText(after, t.id));
    }
  }
  return ids;
}
