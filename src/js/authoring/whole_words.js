// @ts-check
// The words a key item or distractor may hold: whole words, a hyphenated word ("deal-breaker") counted as
// one. The exercise file refuses a quote that cuts a word (Article.whole_words in medialit.core.article), so
// author mode widens what the author selects or types to the same words before it is saved. Author tools
// only: a student's Tagger goes without it. tests/vectors/whole-words.json holds it to the Python rule.

import { tokenAt } from "../core/spans.js";

/** @typedef {import("../core/types.js").Token} Token */

/** A letter or a digit of any script, as Python's str.isalnum counts one. */
const ALNUM = /^[\p{L}\p{N}]$/u;

/**
 * [start, end) grown to the whole words it touches, over hyphens that join words, as the article's tokens
 * give them; a span that touches no token is returned as it is. Mirrors Article.whole_words.
 * @param {Token[]} tokens
 * @param {string[]} chars the article's code points
 * @param {number} start
 * @param {number} end
 * @returns {{start: number, end: number}}
 */
export function wholeWords(tokens, chars, start, end) {
  if (end <= start || !tokens.length) return { start, end };
  let first = tokenAt(tokens, start);
  if (tokens[first].end <= start) first += 1; // the token before `start`
  const last = tokenAt(tokens, end - 1);
  if (first > last || tokens[last].start >= end) return { start, end }; // between tokens, or before the first
  let from = tokens[first].start;
  let to = tokens[last].end;
  while (from >= 2 && chars[from - 1] === "-" && ALNUM.test(chars[from - 2]))
    from = tokens[tokenAt(tokens, from - 2)].start;
  while (to + 1 < chars.length && chars[to] === "-" && ALNUM.test(chars[to + 1]))
    to = tokens[tokenAt(tokens, to + 1)].end;
  return { start: from, end: to };
}
