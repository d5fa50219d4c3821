// @ts-check
// Undo and redo over immutable tag lists.

/**
 * One step: the state to go to, and the words that described the change between it and the state it
 * was left from (said again when the step is undone or redone). `swap`, when the change also replaced
 * work kept outside the states (a loaded hand-in's written answers), puts that work back on each undo
 * and takes it away again on each redo.
 * @template T
 * @typedef {{state: T, what: string, swap?: () => void}} Step
 */

/**
 * Undo/redo over immutable states; repeated edits of one field can merge into one step.
 * @template T
 */
export class History {
  /** @param {number} [limit] how many steps are kept */
  constructor(limit = 200) {
    this.limit = limit;
    /** @type {Step<T>[]} */
    this.past = [];
    /** @type {Step<T>[]} */
    this.future = [];
    /** @type {string | null} */
    this.lastKey = null;
  }

  /**
   * Remember `before` as the state to go back to. Same non-null `mergeKey` as last time: the change
   * merges into the last step, which takes its words (a choice changed twice is said as it is now).
   * @param {T} before
   * @param {string | null} [mergeKey]
   * @param {string} [what] the words that described the change
   * @returns {Step<T>} the step that undoes the change: a new one, or the last one merged into
   */
  record(before, mergeKey = null, what = "") {
    this.future = [];
    const last = this.past[this.past.length - 1];
    if (mergeKey !== null && mergeKey === this.lastKey && last) {
      last.what = what;
      return last;
    }
    const step = { state: before, what };
    this.past.push(step);
    if (this.past.length > this.limit) this.past.shift();
    this.lastKey = mergeKey;
    return step;
  }

  /** @param {T} current @returns {Step<T> | null} the step back */
  undo(current) {
    return this.move(this.past, this.future, current);
  }

  /** @param {T} current @returns {Step<T> | null} the step forward */
  redo(current) {
    return this.move(this.future, this.past, current);
  }

  /**
   * Take the newest step from `from`, leaving `current` on `to` with the same words.
   * @param {Step<T>[]} from
   * @param {Step<T>[]} to
   * @param {T} current
   * @returns {Step<T> | null}
   */
  move(from, to, current) {
    const step = from.pop();
    if (step === undefined) return null;
    to.push({ ...step, state: current });
    this.lastKey = null;
    return step;
  }

  /**
   * Change every remembered state the same way (work merged in from another tab is not undone).
   * @param {(state: T) => T} change
   */
  rebase(change) {
    const moved = (/** @type {Step<T>} */ step) => ({ ...step, state: change(step.state) });
    this.past = this.past.map(moved);
    this.future = this.future.map(moved);
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }
}
