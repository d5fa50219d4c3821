// @ts-check
// The tag list of one Tagger and its undo history. Every change goes through here and tells the
// listeners where it came from, so they can draw, sync and save without asking twice.

import { History } from "./history.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {"edit" | "history" | "model" | "other-tab" | "restore"} ChangeSource */

export class TagState {
  /** @param {Tag[]} tags */
  constructor(tags) {
    this.tags = tags;
    /** @type {History<Tag[]>} */
    this.history = new History();
    /** @type {((source: ChangeSource) => void)[]} */
    this.listeners = [];
  }

  /**
   * A change the user made: it can be undone.
   * @param {Tag[]} tags
   * @param {string | null} [mergeKey] edits with the same key in a row undo in one step
   * @param {string | (() => string)} [what] the words that describe the change (a function: read once it
   *   is made, as a new tag's number is), said again on undo and redo
   * @param {() => void} [swap] puts back, and on redo takes away again, what the change replaced besides
   *   the tags (see Step)
   * @returns {string} those words
   */
  commit(tags, mergeKey = null, what = "", swap = undefined) {
    const step = this.history.record(this.tags, mergeKey);
    if (swap) step.swap = swap;
    this.set(tags, "edit");
    step.what = typeof what === "string" ? what : what();
    return step.what;
  }

  /**
   * Undo (back) or redo: the words of the change undone or redone ("" if it had none); null when there
   * is nothing to go to.
   * @param {boolean} back
   */
  travel(back) {
    const step = back ? this.history.undo(this.tags) : this.history.redo(this.tags);
    if (!step) return null;
    step.swap?.(); // before the tags, so the save their change schedules holds it
    this.set(step.state, "history");
    return step.what;
  }

  /**
   * A change from outside (the kernel, another tab, saved work): no undo step of its own.
   * @param {Tag[]} tags
   * @param {ChangeSource} source
   */
  set(tags, source) {
    if (tags === this.tags) return;
    this.tags = tags;
    for (const listener of this.listeners) listener(source);
  }

  /** @param {(source: ChangeSource) => void} listener */
  onChange(listener) {
    this.listeners.push(listener);
  }

  /**
   * The tag with this id now, or undefined.
   * @param {string} id
   */
  get(id) {
    return this.tags.find((t) => t.id === id);
  }
}
