// @ts-check
// The level (difficulty) a teacher sets for a student without rebuilding the book: a link with
// `?difficulty=guided` (or standard, challenge) sets it for every Tagger in this browser, and
// `?difficulty=chapter` goes back to each chapter's own level. Author mode is never changed.

import contract from "../../medialit/data/contract.json" with { type: "json" };

export const LEVEL_KEY = "medialit:difficulty";
/** @type {string[]} */
const LEVELS = contract.difficulties;

/**
 * The level this browser's student works at, or null for each chapter's own; a link's
 * `?difficulty=` sets (or clears) it first.
 * @param {string} [search] the page address's query
 */
export function chosenLevel(search = typeof location === "undefined" ? "" : location.search) {
  const asked = new URLSearchParams(search).get("difficulty");
  try {
    if (asked && LEVELS.includes(asked)) window.localStorage.setItem(LEVEL_KEY, asked);
    else if (asked === "chapter") window.localStorage.removeItem(LEVEL_KEY);
    const kept = window.localStorage.getItem(LEVEL_KEY);
    return kept && LEVELS.includes(kept) ? kept : null;
  } catch {
    return asked && LEVELS.includes(asked) ? asked : null; // no storage: this page only
  }
}
