// @ts-check
// Written answers saved in this browser that fail the hand-in's checks (too long, a part missing or wrong,
// a broken character): the page never drops them. They stay in the save as they are until the
// page with their box takes them in: that page keeps their words on the box's list of earlier words
// (kept.js offers them back), and says under the box what was wrong and what to do. An answer no box can
// show (its name is no question's, or a question's that none of the book's pages asks) is taken in by the first
// page with questions, whose words every such page then shows above its questions until the student lets them
// go (answers.js).

import { brokenShown, isObject, problemText, readAnswers } from "../core/handin.js";
import { quoted } from "../core/messages.js";

/** @typedef {import("../core/handin.js").AnswerProblem} AnswerProblem */

/**
 * The answers of a save (its text) that fail the checks: each one's problem, and the entries as the
 * save holds them, to write back untouched; `readable` is false when the save is no set of answers at all.
 * @param {string | null} raw
 * @returns {{problems: AnswerProblem[], entries: Record<string, unknown>, readable: boolean}}
 */
export function leftOut(raw) {
  /** @type {unknown} */
  let data = null;
  try {
    data = JSON.parse(raw || "null");
  } catch {
    data = null;
  }
  if (!isObject(data)) return { problems: [], entries: {}, readable: false };
  const saved = /** @type {Record<string, unknown>} */ (data);
  const problems = readAnswers(saved).problems;
  return { problems, entries: Object.fromEntries(problems.map((p) => [p.id, saved[p.id]])), readable: true };
}

/**
 * The words a left-out answer holds, to offer back: its text, each broken character shown as �, or
 * what stands in the place of its text written out; "" when it has none.
 * @param {unknown} entry
 */
export function wordsOf(entry) {
  const text = isObject(entry) ? /** @type {Record<string, unknown>} */ (entry).text : entry;
  if (typeof text === "string") return brokenShown(text);
  return text === undefined || text === null ? "" : JSON.stringify(text);
}

/**
 * What the page says under the box of a left-out answer: what is wrong (the hand-in's own sentence) and
 * what to do.
 * @param {AnswerProblem} problem
 * @param {boolean} kept whether its words are offered back under the box
 */
export function leftOutNote(problem, kept) {
  const what = `Your answer saved in this browser: ${problemText(problem)}`;
  if (problem.code === "answer-too-long")
    return `${what} All of it is just below: put it back to shorten it, or keep the start that is in the box.`;
  return kept ? `${what} Its words are just below, to put back in the box.` : `${what} Please write it again.`;
}

/** What the page says when the answers saved in this browser cannot be read at all. */
export const UNREADABLE =
  "Your answers saved in this browser could not be read, so the boxes start empty. A copy of them is kept in" +
  " this browser, so your teacher can still recover it.";

/**
 * What every page with questions says above them while the words of a saved answer that no box can show
 * (the name saying which question it answers is no question's name) are kept in this browser: what they
 * are, and what to do. Each follows, after `unnamedWords`, with "Don't need it" (kept.js).
 */
export const UNNAMED =
  "Some words of yours are saved in this browser, but no question's box can show them: the name that says" +
  " which question they answer is wrong, so they are not in your hand-in. If they answer one of" +
  " the questions, copy them into its box, then press “Don't need it”.";

/**
 * The same, above the questions, for the words of a saved answer whose name is a question's that none of this
 * book's pages asks (a question renamed in a new edition of the book): what they are, and what to do. Each
 * follows after UNASKED_WORDS: the question's name is the book's, which a student never sees.
 */
export const UNASKED =
  "Some words of yours are saved in this browser for a question that none of this book's pages asks now (the" +
  " book may have changed since you wrote them), so they are not in your hand-in. If they answer one of the" +
  " questions, copy them into its box, then press “Don't need it”.";
export const UNASKED_WORDS = "You wrote: ";

/**
 * How the words of an answer whose name is no question's are introduced: by that name, the one thing the
 * page knows of it.
 * @param {string} id
 */
export const unnamedWords = (id) => `Saved under the name ${quoted(id)}: `;

/**
 * What the page says about a saved answer that no box can show when its words cannot be kept to show
 * again (nothing more can be saved in this browser): the same, with its words, this once. With `problem`,
 * its name is no question's: the hand-in's sentence says what is wrong. Without, it answers a question that
 * no page asks, named by the words it was asked in when the student answered (a question's name in the book
 * means nothing to a student).
 * @param {string} id
 * @param {AnswerProblem | null} problem
 * @param {string} words
 * @param {string} [question]
 */
export const unnamedNote = (id, problem, words, question = "") =>
  (problem
    ? `An answer saved in this browser under the name ${quoted(id)}: ${problemText(problem)}`
    : `An answer you wrote for a question that none of this book's pages asks now${question ? ` (${quoted(question)})` : ""}.`) +
  ` Its words: ${quoted(words, Number.POSITIVE_INFINITY)} If they answer one of the questions, copy them into` +
  " its box.";
