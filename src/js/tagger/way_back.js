// @ts-check
// The way back: after the feedback or the tag list sent the student to some words, one button beside the
// labels goes back where they came from (the keys: Enter, F). A touch screen has no keys, so it needs it.

import { button, setText } from "./dom.js";

/** @typedef {import("./selection.js").Range} Range */

/**
 * The way back's button, hidden until a way is offered, and which feedback entry showed the words on show.
 * @param {() => Range | null} selected the selection's range now
 * @param {() => void} gone takes back what the status line said of the way, once its button is hidden
 */
export function createWayBack(selected, gone) {
  let backTo = () => {};
  let toTag = false; // the button goes to a clicked or tapped word's tag (Actions.offerTag)
  /** @type {{from: HTMLElement, first: number, last: number} | null} where the feedback sent the caret */
  let shownFrom = null;
  const way = {
    button: button("mt-backbtn", "", () => {
      if (!way.toShownFrom()) backTo();
    }),
    /**
     * Show the button, named for where it goes.
     * @param {string} words
     * @param {() => void} to
     * @param {boolean} [up] to the feedback (above the text, or beside it: the arrow is tagger.css's)
     * @param {boolean} [tag] to a clicked or tapped word's tag: the way another offer replaces
     */
    offer(words, to, up = false, tag = false) {
      setText(way.button, words);
      way.button.classList.toggle("mt-up", up);
      backTo = to;
      way.button.hidden = false;
      toTag = tag;
    },
    /** A way back to the feedback or the list shows: it stays until it is taken. */
    held: () => !way.button.hidden && !toTag,
    hide() {
      way.button.hidden = true;
      gone();
    },
    /**
     * The feedback entry `from` showed these words (null: none did).
     * @param {{from: HTMLElement, first: number, last: number} | null} shown
     */
    shown(shown) {
      shownFrom = shown;
    },
    /** Back to the feedback entry that showed the words selected, if it did; whether it went. */
    toShownFrom() {
      const r = selected();
      if (!shownFrom?.from.isConnected || !r || r.first !== shownFrom.first || r.last !== shownFrom.last) return false;
      shownFrom.from.focus();
      shownFrom = null;
      way.hide();
      return true;
    },
  };
  way.hide();
  return way;
}
