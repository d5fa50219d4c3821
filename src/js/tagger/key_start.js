// @ts-check
// What author mode starts from: the key in the exercise file, or the review this browser saved of it.
// The save alone would hide what changed in the file since (an item's why fixed by hand, an item
// deleted, the reviewed file put in place), and its next download would write the old words back. So
// the browser keeps the key the save was made from beside it, and when the file has changed since,
// the review is merged into the file's key as another tab's work is (storage.mergeTags): the file's
// changes stay, the review's changes come in, and an item changed in both keeps the file's version.

import { copyTag } from "../core/handin.js";
import { counted } from "../core/messages.js";
import { store } from "./answer_store.js";
import { mergeTags, sameTags, tagText } from "./storage.js";

/** @typedef {import("../core/types.js").Tag} Tag */

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
 * The tags author mode starts with, and what to tell the author when the file changed under a review.
 * @param {Tag[]} file the key in the exercise file (keyAsTags)
 * @param {Tag[] | null} restored the review saved in this browser (null: none)
 * @param {string} key where the review is saved (storage.storageKey)
 * @returns {{tags: Tag[], told: string}}
 */
export function startFrom(file, restored, key) {
  const fromKey = `${key}:from-file`;
  const was = savedFrom(fromKey);
  try {
    store()?.setItem(fromKey, JSON.stringify(file.map(copyTag)));
  } catch {
    // a full or blocked store: the next visit starts from its save alone, as before
  }
  if (!restored?.length) return { tags: file, told: "" };
  if (!was || sameTags(was, file) || sameTags(restored, file)) return { tags: restored, told: "" };
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
