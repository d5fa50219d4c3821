// @ts-check
// Undo and redo over immutable tag lists.

/**
 * Undo/redo over immutable states; repeated edits of one field can merge into one step.
 * @template T
 */
export class History {
  /** @param {number} [limit] how many steps are kept */
  constructor(limit = 200) {
    this.limit = limit;
    /** @type {T[]} */
    this.past = [];
    /** @type {T[]} */
    this.future = [];
    /** @type {string | null} */
    this.lastKey = null;
  }

  /**
   * Remember `before` as the state to go back to. Same non-null `mergeKey` as last time: merge.
   * @param {T} before
   * @param {string | null} [mergeKey]
   */
  record(before, mergeKey = null) {
    this.future = [];
    if (mergeKey !== null && mergeKey === this.lastKey && this.past.length) return;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.lastKey = mergeKey;
  }

  /** @param {T} current @returns {T | null} the state to go back to */
  undo(current) {
    return this.move(this.past, this.future, current);
  }

  /** @param {T} current @returns {T | null} the state to go forward to */
  redo(current) {
    return this.move(this.future, this.past, current);
  }

  /**
   * Take the newest state from `from`, leaving `current` on `to`.
   * @param {T[]} from
   * @param {T[]} to
   * @param {T} current
   * @returns {T | null}
   */
  move(from, to, current) {
    const state = from.pop();
    if (state === undefined) return null;
    to.push(current);
    this.lastKey = null;
    return state;
  }

  /**
   * Change every remembered state the same way (work merged in from another tab is not undone).
   * @param {(state: T) => T} change
   */
  rebase(change) {
    this.past = this.past.map(change);
    this.future = this.future.map(change);
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }
}
