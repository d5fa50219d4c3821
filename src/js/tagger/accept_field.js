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
 * The alternatives typed in `text` as spans, and a note for each line not taken as typed, in the words the
 * author typed: a part of a word grown to the whole word, and a line left out (not in the article, not
 * over the item's words, or the item's own words). Widening never reaches past a chapter's part
 * (`:lines:`): a part is whole lines, a line of this field is found within one line of the article, and
 * no word runs over a line break, so the part's tokens hold every word it could grow to
 * (tests/js/review.test.mjs holds it).
 * @param {string} text
 * @param {Tag} t
 * @param {string[]} chars the article's code points
 * @param {Token[]} tokens the article's tokens (a part's, in a chapter that shows some lines)
 * @returns {{spans: Span[], notes: string[]}}
 */
export function resolveAccept(text, t, chars, tokens) {
  /** @type {Span[]} */
  const spans = [];
  /** @type {string[]} */
  const notes = [];
  for (const line of text.split("\n")) {
    const quote = Array.from(line.trim());
    if (!quote.length) continue;
    const typed = `“${quote.join("")}”`;
    const starts = startsOf(chars, quote);
    const best = starts.find((s) => s < t.end && t.start < s + quote.length);
    if (best === undefined) {
      notes.push(
        starts.length
          ? `${typed} is in the article, but not over this item's words: left out.`
          : `${typed} is not in the article (copy it exactly, quotation marks too): left out.`,
      );
      continue;
    }
    const { start, end } = wholeWords(tokens, chars, best, best + quote.length); // as the exercise file takes it
    const span = { start, end, quote: chars.slice(start, end).join("") };
    const own = span.start === t.start && span.end === t.end;
    if (start !== best || end !== best + quote.length) {
      const whole = `${typed} cuts a word, and students tag whole words: counted as “${span.quote}”`;
      notes.push(own ? `${whole}, the item's own words, so left out.` : `${whole}.`);
    } else if (own) notes.push(`${typed} is the item's own words: left out.`);
    if (!own && !spans.some((s) => s.start === span.start && s.end === span.end)) spans.push(span);
  }
  return { spans, notes };
}
