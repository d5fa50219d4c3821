// @ts-check
// A stand-in for the anywidget model on a book page, where no kernel runs: it keeps the widget's
// state in memory (the Tagger itself saves the tags in this browser) and answers the widget's
// messages (Check, the key file) as a kernel would.

/** @typedef {import("../core/types.js").Model} Model */

/** @implements {Model} */
export class StaticModel {
  /**
   * @param {Record<string, any>} state the widget's fields (exercise, labels, difficulty, mode, tags, ...)
   * @param {(message: any, model: StaticModel) => any} [onMessage] answers what the widget sends
   */
  constructor(state, onMessage = () => undefined) {
    /** @type {Record<string, any>} */
    this.state = { tags: [], labels: [], difficulty: "standard", mode: "student", report: {}, student: "", ...state };
    /** @type {Map<string, Set<(...args: any[]) => void>>} */
    this.handlers = new Map();
    this.onMessage = onMessage;
  }

  /** @param {string} name */
  get(name) {
    return this.state[name];
  }

  /**
   * @param {string} name
   * @param {any} value
   */
  set(name, value) {
    const old = this.state[name];
    this.state[name] = value;
    if (old !== value) this.emit(`change:${name}`, value);
  }

  save_changes() {}

  /**
   * @param {string} event
   * @param {(...args: any[]) => void} handler
   */
  on(event, handler) {
    const set = this.handlers.get(event) || new Set();
    set.add(handler);
    this.handlers.set(event, set);
  }

  /**
   * @param {string} event
   * @param {(...args: any[]) => void} [handler] all of the event's handlers when left out
   */
  off(event, handler) {
    if (handler) this.handlers.get(event)?.delete(handler);
    else this.handlers.delete(event);
  }

  /**
   * @param {string} event
   * @param {...any} args
   */
  emit(event, ...args) {
    for (const handler of [...(this.handlers.get(event) || [])]) handler(...args);
  }

  /** @param {any} message */
  send(message) {
    return this.onMessage(message, this);
  }
}
