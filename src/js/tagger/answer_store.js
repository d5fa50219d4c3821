// @ts-check
// Written answers saved in this browser, one save per exercise and article like the tags (storage.js),
// as the hand-in's `answers` object: the book page's answer boxes write it (hosts/answers.js), the
// Tagger's Download reads it into the hand-in, and loading a hand-in brings its answers back (Undo takes
// them away again). An answer of the student's own that a load (or its Undo or Redo) replaces is kept
// too, beside the save, so no reload or lost Redo can lose it: its question's box offers it back.

import { readAnswers } from "../core/handin.js";

/** @typedef {import("../core/handin.js").Answer} Answer */

/**
 * The localStorage key of an exercise's written answers (the tags are under the key without `:answers`).
 * @param {string} exercise
 * @param {string} sha256
 */
export const answersKey = (exercise, sha256) => `medialit:${exercise}:${sha256}:answers`;

/** @returns {Storage | null} */
export function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The answers saved under `key`: those that pass the hand-in's checks, and whether any did not.
 * @param {string} key
 * @returns {{answers: Record<string, Answer>, raw: string | null, bad: boolean}}
 */
export function readSaved(key) {
  let raw = null;
  try {
    raw = store()?.getItem(key) ?? null;
  } catch {
    raw = null;
  }
  if (raw === null) return { answers: {}, raw, bad: false };
  try {
    const data = JSON.parse(raw);
    if (typeof data !== "object" || data === null || Array.isArray(data)) return { answers: {}, raw, bad: true };
    const read = readAnswers(data);
    return { answers: read.answers, raw, bad: read.problems.length > 0 };
  } catch {
    return { answers: {}, raw, bad: true };
  }
}

/**
 * The written answers saved in this browser for an exercise (for the hand-in).
 * @param {{id: string, article: {sha256: string}}} exercise
 * @returns {Record<string, Answer>}
 */
export function savedAnswers(exercise) {
  return readSaved(answersKey(exercise.id, exercise.article.sha256)).answers;
}

/**
 * Put `answers` in place of the saved answers with the same ids (null: no answer), and tell the page's
 * answer boxes, which hear it as they hear another tab's save (a hand-in loaded into the Tagger brings
 * its answers back, and Undo takes them away). A replaced answer that is not `loaded`'s for its question
 * (a file holds those) goes on the question's list of earlier answers under `${key}:earlier`, once.
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {Record<string, Answer | null>} answers
 * @param {Record<string, Answer | null>} [loaded] the loaded hand-in's answers
 * @returns {Record<string, Answer | null> | null} the answers they replaced, or null when nothing was saved
 */
export function replaceAnswers(exercise, answers, loaded = answers) {
  const key = answersKey(exercise.id, exercise.article.sha256);
  try {
    const saved = readSaved(key).answers;
    const storage = /** @type {Storage} */ (store());
    /** @type {Record<string, string[]>} */
    const earlier = JSON.parse(storage.getItem(`${key}:earlier`) || "{}");
    /** @type {Record<string, Answer | null>} */
    const replaced = {};
    for (const [id, answer] of Object.entries(answers)) {
      const was = saved[id]?.text;
      if (was === answer?.text) continue; // the same words: nothing replaced
      replaced[id] = saved[id] || null;
      const list = earlier[id] || [];
      if (was && was !== loaded[id]?.text && !list.includes(was)) earlier[id] = [...list, was];
      if (answer) saved[id] = answer;
      else delete saved[id];
    }
    storage.setItem(`${key}:earlier`, JSON.stringify(earlier));
    const newValue = JSON.stringify(saved);
    storage.setItem(key, newValue);
    dispatchEvent(new StorageEvent("storage", { key, newValue }));
    return replaced;
  } catch {
    return null;
  }
}
