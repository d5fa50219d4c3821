// @ts-check
// Tokens and spans of the article (the rules of src/medialit/core/article.py, in the browser).
// The front end never measures text: it works in token indices and gets code-point offsets only
// from the token list (`start`/`end`) or from the article's code points.

import { QUOTE_MARKS, quoted as quotedWords } from "./messages.js";

/** @typedef {import("./types.js").Token} Token */

const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/**
 * Words of the article as the page shows them: messages.js's quoted, shortened to `n` characters
 * (40 unless told).
 * @param {string} text
 * @param {number} [n]
 */
export const quoted = (text, n = 40) => quotedWords(text, n);

/**
 * True when every character is punctuation or a symbol (same rule as article.is_punctuation).
 * @param {string} text
 */
export const isPunctuation = (text) => PUNCTUATION.test(text);

/**
 * The article text as an array of code points, so offsets slice exactly as Python does.
 * @param {string} text
 * @returns {string[]}
 */
export const codePoints = (text) => Array.from(text);

/**
 * text[start:end] in code points.
 * @param {string[]} chars the article's code points
 * @param {number} start
 * @param {number} end
 */
export const quoteOf = (chars, start, end) => chars.slice(start, end).join("");

/**
 * Index of the token containing `offset`, or of the last token starting before it.
 * @param {Token[]} tokens
 * @param {number} offset
 */
export function tokenAt(tokens, offset) {
  let low = 0;
  let high = tokens.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * First and last token index of a code-point span [start, end).
 * @param {Token[]} tokens
 * @param {number} start
 * @param {number} end
 * @returns {{first: number, last: number}}
 */
export function spanTokens(tokens, start, end) {
  const first = tokenAt(tokens, start);
  return { first, last: Math.max(first, tokenAt(tokens, Math.max(start, end - 1))) };
}

/**
 * Token range [a, b] (either order) to a tag span: trim edge punctuation. For a claim
 * (`keepQuotes`) a quotation mark at an edge stays when another one is inside the span too.
 * Mirrors Article.snap. Returns null when only punctuation is left.
 * @param {Token[]} tokens
 * @param {number} a
 * @param {number} b
 * @param {boolean} [keepQuotes]
 * @returns {{first: number, last: number, start: number, end: number} | null}
 */
export function selectionToSpan(tokens, a, b, keepQuotes = false) {
  let first = Math.min(a, b);
  let last = Math.max(a, b);
  const isQuote = (/** @type {number} */ i) => Array.from(tokens[i].text).every((ch) => QUOTE_MARKS.has(ch));
  let quotes = 0;
  for (let i = first; i <= last; i++) quotes += Number(isQuote(i));
  const trimmable = (/** @type {number} */ i) =>
    isPunctuation(tokens[i].text) && !(keepQuotes && quotes > 1 && isQuote(i));
  for (; first <= last && trimmable(first); first++) quotes -= Number(isQuote(first));
  for (; last >= first && trimmable(last); last--) quotes -= Number(isQuote(last));
  for (let i = first; i <= last; i++) {
    if (!isPunctuation(tokens[i].text)) return { first, last, start: tokens[first].start, end: tokens[last].end };
  }
  return null;
}
