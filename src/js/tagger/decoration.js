// @ts-check
// How tags look on the article's tokens, as data: which classes a token (or the gap after it)
// takes and at which levels it is underlined as a claim. Computed for a window of tokens, so a
// change redraws only the tokens it touches.

/**
 * A tag as token indices.
 * @typedef {{id: string, label: string, first: number, last: number}} TokenRange
 */

/**
 * Stack levels for overlapping spans of one label: outer spans get the lower level, a span
 * nested or crossing another gets the next free one.
 * @param {{id: string, first: number, last: number}[]} spans
 * @returns {Map<string, number>} id to level
 */
export function layoutLevels(spans) {
  /** @type {{id: string, first: number, last: number}[]} */
  const placed = [];
  const levels = new Map();
  for (const s of [...spans].sort((a, b) => a.first - b.first || b.last - a.last)) {
    const used = new Set(placed.filter((p) => p.first <= s.last && s.first <= p.last).map((p) => levels.get(p.id)));
    let level = 0;
    while (used.has(level)) level++;
    levels.set(s.id, level);
    placed.push(s);
  }
  return levels;
}

/** The class each label (other than claim) puts on the tokens it covers. */
const MARKS = { loaded: "mt-mark-loaded", source: "mt-mark-source", cue: "mt-mark-cue" };

/**
 * What each token and each gap after a token shows, for tokens `from`..`to`: strings
 * "classes|claim levels", compared to update only what changed. `claimLevels` comes from
 * layoutLevels over the claims.
 * @param {TokenRange[]} ranges the visible tags (any that miss the window are skipped)
 * @param {Map<string, number>} claimLevels
 * @param {number} from
 * @param {number} to
 * @returns {{tok: string[], gap: string[]}} index 0 is token `from`
 */
export function decorateWindow(ranges, claimLevels, from, to) {
  const size = Math.max(0, to - from + 1);
  /** @returns {{classes: string[], levels: number[]}[]} */
  const cells = () => Array.from({ length: size }, () => ({ classes: [], levels: [] }));
  const tok = cells();
  const gap = cells();
  for (const r of ranges) {
    if (r.last < from || r.first > to) continue;
    const mark = r.label === "claim" ? "" : /** @type {Record<string, string>} */ (MARKS)[r.label] || "mt-mark-other";
    const level = claimLevels.get(r.id) ?? 0;
    for (let i = Math.max(r.first, from); i <= Math.min(r.last, to); i++) {
      const here = i < r.last ? [tok[i - from], gap[i - from]] : [tok[i - from]];
      for (const cell of here) {
        if (mark) cell.classes.push(mark);
        else cell.levels.push(level);
      }
      if (r.label === "source" && i === r.first) tok[i - from].classes.push("mt-mark-source-start");
      if (r.label === "source" && i === r.last) tok[i - from].classes.push("mt-mark-source-end");
    }
  }
  const key = (/** @type {{classes: string[], levels: number[]}} */ { classes, levels }) => {
    const unique = [...new Set(classes)];
    if (classes.filter((x) => x === MARKS.loaded).length > 1) unique.push("mt-mark-loaded-twice");
    return `${unique.sort().join(" ")}|${[...new Set(levels)].sort((a, b) => a - b).join(",")}`;
  };
  return { tok: tok.map(key), gap: gap.map(key) };
}

/**
 * decorateWindow over the whole article.
 * @param {number} count how many tokens
 * @param {TokenRange[]} ranges
 */
export function decorate(count, ranges) {
  return decorateWindow(ranges, layoutLevels(ranges.filter((r) => r.label === "claim")), 0, count - 1);
}

/**
 * The box-shadow that draws claim underlines, one per level, stacked below the text with a gap
 * of background between them ("" for none).
 * @param {string} levels "0,1" as in a decoration key
 */
export function claimShadow(levels) {
  if (!levels) return "";
  const on = levels.split(",").map(Number);
  const shadows = [];
  for (let k = 0; k <= Math.min(Math.max(...on), 3); k++) {
    shadows.push(
      `0 ${3 * k + 2}px 0 0 ${on.includes(k) ? "var(--mt-claim)" : "var(--mt-bg)"}`,
      `0 ${3 * k + 3}px 0 0 var(--mt-bg)`,
    );
  }
  shadows.pop();
  return shadows.join(", ");
}
