// @ts-check
// The heat map's words, and how many students tagged each: one number a word, as a teacher reads the
// map. src/medialit/classroom/heat_words.py step for step: the counts shown after the words
// (heat_view.js's countPlaces) and heat.csv (tables.js's heat) both use it.

import { isPunctuation } from "../core/spans.js";

/** @typedef {{i: number, para: number, line: number, text: string, ws: string}} Token */

/**
 * The tokens of the lines the report measures (`lines`: the first and the last, or null for the whole
 * article): the words the heat map shows and heat.csv has rows for (heat_words.measured_tokens).
 * @template {Pick<Token, "line">} T
 * @param {T[]} tokens
 * @param {number[] | null} lines
 * @returns {T[]}
 */
export function measuredTokens(tokens, lines) {
  if (!lines) return tokens;
  const [first, last] = lines;
  return tokens.filter((t) => t.line >= first && t.line <= last);
}

/**
 * Each word's positions in `tokens`, in order: a word is what the article has between spaces, its
 * tokens joined with no space between them in one paragraph (despot’s, drone-led, ignored”).
 * @param {Pick<Token, "para" | "ws">[]} tokens
 * @returns {number[][]}
 */
export function writtenWords(tokens) {
  /** @type {number[][]} */
  const words = [];
  /** @type {number[]} */
  let word = [];
  for (const [k, tok] of tokens.entries()) {
    word.push(k);
    if (tok.ws || k + 1 === tokens.length || tokens[k + 1].para !== tok.para) {
      words.push(word);
      word = [];
    }
  }
  return words;
}

/**
 * How many students tagged a word (`counts`: each token's, by its `i`): the most who tagged a part of
 * it that is not punctuation, since at least that many tagged the word; null for a word of punctuation
 * alone (a dash between spaces), which a teacher does not read as a word.
 * @param {number[]} counts
 * @param {Pick<Token, "i" | "text">[]} tokens
 * @param {number[]} word
 * @returns {number | null}
 */
export function wordCount(counts, tokens, word) {
  const parts = word.filter((k) => !isPunctuation(tokens[k].text)).map((k) => counts[tokens[k].i] || 0);
  return parts.length ? Math.max(...parts) : null;
}

/**
 * heat.csv's rows: each word of `tokens` as the article writes it, with its line and how many students
 * tagged it with each of `labels` (`heat`: each label's counts by token), in the article's order; no
 * row for a word of punctuation alone.
 * @param {Record<string, number[]>} heat
 * @param {string[]} labels
 * @param {Token[]} tokens
 * @returns {(string | number)[][]}
 */
export function wordRows(heat, labels, tokens) {
  /** @type {(string | number)[][]} */
  const rows = [];
  for (const word of writtenWords(tokens)) {
    const counts = labels.map((label) => wordCount(heat[label], tokens, word));
    if (counts.includes(null)) continue;
    const text = word.map((k) => tokens[k].text).join("");
    rows.push([tokens[word[0]].line, text, .../** @type {number[]} */ (counts)]);
  }
  return rows;
}
