// @ts-check
// What author mode starts from: the key in the exercise file, or the review this browser saved of it.
// The save alone would hide what changed in the file since (an item's why fixed by hand, an item
// deleted, the reviewed file put in place), and its next download would write the old words back. So
// the browser keeps the key the save was made from beside it, and when the file has changed since,
// the review is merged into the file's key as another tab's work is (storage.mergeTags): the file's
// changes stay, the review's changes come in, and an item changed in both keeps the file's version.
// A review saved before the browser kept that key cannot be compared so: where it differs from the file,
// the review is kept (the author's work, found nowhere else), the author is told, and the review panel
// offers the file's key in its place (takeSetAside), a step Undo takes back.

import { copyTag } from "../core/handin.js";
import { counted } from "../core/messages.js";
import { store } from "./answer_store.js";
import { mergeTags, sameTags, tagText } from "./storage.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Exercise} Exercise */

/** @type {WeakMap<Exercise, Tag[]>} the file's key a start did not use, for the review panel to offer */
const setAside = new WeakMap();

/**
 * The file's key that author mode of `exercise` started without (a review kept over it unseen), once; or null.
 * @param {Exercise} exercise
 * @returns {Tag[] | null}
 */
export function takeSetAside(exercise) {
  const tags = setAside.get(exercise) ?? null;
  setAside.delete(exercise);
  return tags;
}

/**
 * The key the save under `key` was made from, as it was saved, or null (none, or unreadable).
 * @param {string} key
 * @returns {Tag[] | null}
 */
function savedFrom(key) {
  try {
    const tags = JSON.parse(store()?.getItem(key) ?? "null");
    return Array.isArray(tags) ? tags : null;
  } catch {
    return null;
  }
}

/**
 * The tags author mode starts with, and what to tell the author when the file changed under a review, or
 * when it differs from a review saved before this browser kept the key the review started from.
 * @param {Tag[]} file the key in the exercise file (keyAsTags)
 * @param {Tag[] | null} restored the review saved in this browser (null: none)
 * @param {string} key where the review is saved (storage.storageKey)
 * @param {Exercise} exercise whose file's key the review panel offers in place of a review kept over it
 * @returns {{tags: Tag[], told: string}}
 */
export function startFrom(file, restored, key, exercise) {
  const fromKey = `${key}:from-file`;
  const was = savedFrom(fromKey);
  try {
    store()?.setItem(fromKey, JSON.stringify(file.map(copyTag)));
  } catch {
    // a full or blocked store: the next visit starts from its save alone, as before
  }
  if (!restored?.length) return { tags: file, told: "" };
  if (sameTags(restored, file) || (was && sameTags(was, file))) return { tags: restored, told: "" };
  if (!was) {
    setAside.set(exercise, file);
    return {
      tags: restored,
      told:
        "The key below is your review saved in this browser, and the exercise file's key differs from it. " +
        "This browser saved the review before it kept track of the file it started from, so it cannot tell " +
        "which changes are yours and which the file's. To start from the file's key instead, use " +
        "“Use the exercise file's key instead” above the drafts; Undo then brings your review back.",
    };
  }
  const merged = mergeTags(file, restored, new Map(was.map((t) => [t.id, tagText(t)])));
  const both = merged.conflicts.length;
  return {
    tags: merged.tags,
    told:
      "The exercise file has changed since this browser saved your review of it: the key below is the file's, " +
      `with your review on top (${counted(merged.added, "item")} added, ${merged.changed} changed, ` +
      `${merged.removed} removed).` +
      (both ? ` ${counted(both, "item")} changed in both ${both === 1 ? "keeps" : "keep"} the file's version.` : ""),
  };
}
