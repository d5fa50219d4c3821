// @ts-check
// A key item's `accept` alternatives (other words that count as right) as the author types them:
// one quote a line. Each quote becomes the occurrence that overlaps the item's own words, the way
// the exercise file resolves `accept`: an alternative is another boundary of the same place, of
// whole words (a part of a word grows to the whole word, as the file refuses a quote that cuts one).

import { wholeWords } from "../authoring/whole_words.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {{start: number, end: number, quote: string}} Span */

/**
 * The alternatives as the field shows them.
 * @param {Tag} t
 */
export const acceptText = (t) => (t.accept || []).map((a) => a.quote).join("\n");

/**
 * Every start (in code points) of `quote` in the article's code points.
 * @param {string[]} chars
 * @param {string[]} quote
 */
function startsOf(chars, quote) {
  /** @type {number[]} */
  const found = [];
  for (let i = 0; i + quote.length <= chars.length; i++) {
    let j = 0;
    while (j < quote.length && chars[i + j] === quote[j]) j++;
    if (j === quote.length) found.push(i);
  }
  return found;
}

/**
 * The alternatives typed in `text` as spans; a line that does not overlap the item's words in the
 * article, or that is the item's own words, is left out.
 * @param {string} text
 * @param {Tag} t
 * @param {string[]} chars the article's code points
 * @param {Token[]} tokens the article's tokens
 * @returns {Span[]}
 */
export function resolveAccept(text, t, chars, tokens) {
  /** @type {Span[]} */
  const spans = [];
  for (const line of text.split("\n")) {
    const quote = Array.from(line.trim());
    if (!quote.length) continue;
    const best = startsOf(chars, quote).find((s) => s < t.end && t.start < s + quote.length);
    if (best === undefined) continue;
    const { start, end } = wholeWords(tokens, chars, best, best + quote.length); // as the exercise file takes it
    const span = { start, end, quote: chars.slice(start, end).join("") };
    if (
      (span.start !== t.start || span.end !== t.end) &&
      !spans.some((s) => s.start === span.start && s.end === span.end)
    ) {
      spans.push(span);
    }
  }
  return spans;
}
