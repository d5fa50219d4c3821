// @ts-check
// Whose words a span is, by the quotation marks: the rule `medialit validate` holds a key item's
// `voice` to (voices.py, expected_voice), read from the exercise's voice runs. Held identical to
// the Python rule by a property test (tests/test_widget.py).

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { QUOTE_MARKS } from "./messages.js";

const SPACE = new RegExp(`^${contract.white_space}$`, "u");

/**
 * The voices the rule accepts for the code points start..end: `quoted` when every word is a
 * speaker's, `reporter` when none is, both when some are or when the marks can be read either way.
 * @param {[number, number, string][]} runs the exercise's `voice_runs`: (start, end, "speaker" | "either")
 * @param {string[]} chars the article's code points
 * @param {number} start
 * @param {number} end
 * @returns {string[]} in alphabetical order
 */
export function expectedVoice(runs, chars, start, end) {
  /** @type {Set<string>} */
  const seen = new Set();
  for (let i = start; i < end; i++) {
    if (SPACE.test(chars[i]) || QUOTE_MARKS.has(chars[i])) continue;
    seen.add(runs.find(([s, e]) => s <= i && i < e)?.[2] ?? "reporter");
  }
  if (!seen.size || (seen.size === 1 && seen.has("reporter"))) return ["reporter"];
  if (seen.size === 1 && seen.has("speaker")) return ["quoted"];
  return ["quoted", "reporter"];
}

/**
 * Whether the code points start..end lie in one of the exercise's `reported_runs` (the key's claims
 * linked to a source): words that sum up what someone said (voices.py's sums_up).
 * @param {number[][]} runs
 * @param {number} start
 * @param {number} end
 */
export const sumsUp = (runs, start, end) => runs.some(([s, e]) => s <= start && end <= e);
