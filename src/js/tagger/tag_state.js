// @ts-check
// The tag list of one Tagger and its undo history. Every change goes through here and tells the
// listeners where it came from, so they can draw, sync and save without asking twice. In author
// mode the distractors are kept here too, so that Undo takes back their edits in the same order as
// the tags'.

import { History } from "./history.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Distractor} Distractor */
/** @typedef {"edit" | "history" | "model" | "other-tab" | "restore"} ChangeSource */
/** @typedef {{tags: Tag[], distractors: Distractor[] | null}} Snapshot what one undo step goes back to */

export class TagState {
  /** @param {Tag[]} tags */
  constructor(tags) {
    this.tags = tags;
    /** @type {Distractor[] | null} author mode's distractors (review_panel.js); null for a student */
    this.distractors = null;
    /** @type {History<Snapshot>} */
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
   * @param {Distractor[] | null} [distractors] author mode's distractors after the change
   * @param {() => void} [swap] puts back, and on redo takes away again, what the change replaced besides
   *   the tags and distractors (see Step)
   * @returns {string} those words
   */
  commit(tags, mergeKey = null, what = "", distractors = this.distractors, swap = undefined) {
    const step = this.history.record(this.now(), mergeKey);
    if (swap) step.swap = swap;
    this.set(tags, "edit", distractors);
    step.what = typeof what === "string" ? what : what();
    return step.what;
  }

  /**
   * Undo (back) or redo: the words of the change undone or redone ("" if it had none); null when there
   * is nothing to go to.
   * @param {boolean} back
   */
  travel(back) {
    const step = back ? this.history.undo(this.now()) : this.history.redo(this.now());
    if (!step) return null;
    step.swap?.(); // before the tags, so the save their change schedules holds it
    this.set(step.state.tags, "history", step.state.distractors);
    return step.what;
  }

  /**
   * A change from outside (the kernel, another tab, saved work): no undo step of its own.
   * @param {Tag[]} tags
   * @param {ChangeSource} source
   * @param {Distractor[] | null} [distractors]
   */
  set(tags, source, distractors = this.distractors) {
    if (tags === this.tags && distractors === this.distractors) return;
    this.tags = tags;
    this.distractors = distractors;
    for (const listener of this.listeners) listener(source);
  }

  /** @returns {Snapshot} the state an undo step goes back to */
  now() {
    return { tags: this.tags, distractors: this.distractors };
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
