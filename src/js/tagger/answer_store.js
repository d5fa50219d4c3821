// @ts-check
// Written answers saved in this browser, one save per exercise and article like the tags (storage.js),
// as the hand-in's `answers` object: the book page's answer boxes write it (hosts/answers.js), the
// Tagger's Download reads it into the hand-in, and loading a hand-in brings its answers back (Undo takes
// them away again). An answer of the student's own that a load (or its Undo or Redo) replaces is kept
// too, beside the save, so no reload or lost Redo can lose it: its question's box offers it back. The
// name on the hand-in that a load replaces is kept by the same rule, on the same list.

import { isObject, readAnswers } from "../core/handin.js";

/** @typedef {import("../core/handin.js").Answer} Answer */

/**
 * The localStorage key of an exercise's written answers (the tags are under the key without `:answers`).
 * @param {string} exercise
 * @param {string} sha256
 */
export const answersKey = (exercise, sha256) => `medialit:${exercise}:${sha256}:answers`;

/**
 * The localStorage key of the student's own earlier words a load replaced, beside the answers (a list of
 * texts per question id, and the name's under NAME).
 * @param {string} exercise
 * @param {string} sha256
 */
export const earlierKey = (exercise, sha256) => `${answersKey(exercise, sha256)}:earlier`;

/**
 * The earlier words kept under `key` for `id`, oldest first; none when the list cannot be read (it stays in
 * the browser as it is).
 * @param {string} key
 * @param {string} id
 * @returns {string[]}
 */
export function earlierWords(key, id) {
  try {
    const list = JSON.parse(store()?.getItem(key) || "{}")?.[id];
    return Array.isArray(list) ? list.filter((text) => typeof text === "string" && text.trim()) : [];
  } catch {
    return [];
  }
}

/**
 * The ids that have earlier words kept under `key`; none when the list cannot be read.
 * @param {string} key
 * @returns {string[]}
 */
export function earlierIds(key) {
  try {
    const list = JSON.parse(store()?.getItem(key) || "{}");
    return isObject(list) ? Object.keys(list) : [];
  } catch {
    return [];
  }
}

/** @returns {Storage | null} */
export function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The text saved under `key` in this browser, or null: none, or a browser that does not let the page read it.
 * @param {string} key
 */
export function savedText(key) {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * The answers saved under `key`: those that pass the hand-in's checks, whether any did not, and those
 * as the save holds them (`rest`), which a save writes back as they are (hosts/left_out.js).
 * @param {string} key
 * @returns {{answers: Record<string, Answer>, raw: string | null, bad: boolean, rest?: Record<string, unknown>}}
 */
export function readSaved(key) {
  const raw = savedText(key);
  if (raw === null) return { answers: {}, raw, bad: false };
  try {
    const data = JSON.parse(raw);
    if (!isObject(data)) return { answers: {}, raw, bad: true };
    const read = readAnswers(data);
    const rest = Object.fromEntries(read.problems.map((p) => [p.id, data[p.id]]));
    return { answers: read.answers, raw, bad: read.problems.length > 0, rest };
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

/** Where the name on the hand-in keeps its earlier words among the answers' (no answer id has a colon). */
export const NAME = ":student";

/**
 * The one rule for what a load (or its Undo or Redo) keeps: the student's own words `was` that it
 * replaces go on `id`'s list, once, unless they are the loaded file's words (the file holds those).
 * @param {Record<string, string[]>} earlier
 * @param {string} id
 * @param {string | undefined} was
 * @param {string | undefined} loaded
 */
function keep(earlier, id, was, loaded) {
  const list = earlier[id] || [];
  if (was && was !== loaded && !list.includes(was)) earlier[id] = [...list, was];
}

/**
 * Keep the name `was` that a load (or its Undo or Redo, or Put it back) replaces, by the answers' rule.
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {string} was
 * @param {string | undefined} loaded the loaded hand-in's name (a file holds it)
 */
export const keepName = (exercise, was, loaded) =>
  changeEarlier(exercise, (earlier) => keep(earlier, NAME, was, loaded));

/**
 * Let go of earlier words the student no longer needs (`back`: keep them again, as Undo does); the
 * page's other boxes hear it from the caller.
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {string} id
 * @param {string} text
 * @param {boolean} [back]
 */
export function letGo(exercise, id, text, back = false) {
  return changeEarlier(exercise, (earlier) => {
    if (back) keep(earlier, id, text, undefined);
    else earlier[id] = (earlier[id] || []).filter((t) => t !== text);
  });
}

/**
 * Change the earlier words kept for an exercise (each question's and the name's: id to texts).
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {(earlier: Record<string, string[]>) => void} change
 * @returns {boolean} whether the change was saved
 */
function changeEarlier(exercise, change) {
  const key = earlierKey(exercise.id, exercise.article.sha256);
  try {
    const storage = /** @type {Storage} */ (store());
    const earlier = JSON.parse(storage.getItem(key) || "{}");
    change(earlier);
    storage.setItem(key, JSON.stringify(earlier));
    return true;
  } catch {
    return false; // nothing can be saved in this browser: Undo still gives a name back until the page goes
  }
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
  const { answers: saved, rest } = readSaved(key);
  /** @type {Record<string, Answer | null>} */
  const replaced = {};
  // the earlier words first: an answer is replaced only once its words are kept
  const kept = changeEarlier(exercise, (earlier) => {
    for (const [id, answer] of Object.entries(answers)) {
      const was = saved[id]?.text;
      if (was === answer?.text) continue; // the same words: nothing replaced
      replaced[id] = saved[id] || null;
      keep(earlier, id, was, loaded[id]?.text);
      if (answer) saved[id] = answer;
      else delete saved[id];
    }
  });
  try {
    if (!kept) return null;
    // an answer that fails the checks stays as it is, for the page with its box, unless this replaces it
    const newValue = JSON.stringify({ ...rest, ...saved });
    /** @type {Storage} */ (store()).setItem(key, newValue);
    dispatchEvent(new StorageEvent("storage", { key, newValue }));
    return replaced;
  } catch {
    return null;
  }
}
