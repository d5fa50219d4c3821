// @ts-check
// Under a box on a book page (a written answer's, the name's), the student's own earlier words that a
// loaded hand-in replaced (answer_store.js keeps them), each with "Put it back" and "Don't need it"; and
// above a page's questions, the words of a saved answer no box can show (answers.js), with "Don't need it".
// Letting go is the student's own choice, so nothing asks "are you sure?"; its line says "Removed" with
// an Undo until the page goes, so a press by mistake costs nothing. A screen reader hears both.

import { earlierKey, earlierWords, letGo } from "../tagger/answer_store.js";
import { touchScreen } from "../tagger/dom.js";

const PUT_BACK = "Put it back";
const LET_GO = "Don't need it";
const UNDO = "Undo";
const GONE = "Removed: ";
const GONE_SAID = "Removed from this browser. Undo brings it back.";
const BACK_SAID = "It is back, to put back if you want it.";
const IN_THE_BOX_SAID = "Your earlier words are back in the box.";

/**
 * @typedef {object} KeptBox one box whose earlier words are kept
 * @property {string} id its id on the list of earlier words (answer_store.js NAME for the name)
 * @property {HTMLElement} kept where its earlier words show
 * @property {string} earlier how an earlier word is introduced ("Earlier in this box: ")
 * @property {() => string} get the words the box holds now
 * @property {(text: string) => HTMLElement} [putBack] put `text` in the box (its own words go on the list) and
 *   return the field that shows it now; none where no box can show the words (an answer whose name no question
 *   has, answers.js): they have no Put it back
 */

/**
 * Say `words` to a screen reader, in one status line the page keeps for it (made before it speaks, so
 * it is heard).
 * @param {Document} doc
 * @param {string} [words]
 */
function say(doc, words = "") {
  let line = doc.querySelector(".medialit-said");
  if (!line) {
    line = doc.createElement("span");
    line.className = "medialit-said";
    line.setAttribute("role", "status");
    doc.body.append(line);
  }
  line.textContent = words;
}

/**
 * Show a box's earlier words and keep them in step: returns the function that draws them again (when
 * the list, or the words in the box, change).
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {KeptBox} box
 */
export function offerKept(exercise, box) {
  const doc = box.kept.ownerDocument;
  say(doc);
  const key = earlierKey(exercise.id, exercise.article.sha256);
  /** @type {string[]} the words let go on this page: each keeps its line, with Undo, until the page goes */
  const gone = [];

  /**
   * @param {string} words
   * @param {(e: MouseEvent) => void} press
   */
  const button = (words, press) => {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = words;
    b.addEventListener("click", press);
    return b;
  };

  /** The line that shows `text` on the list, if it does. */
  const lineOf = (/** @type {string} */ text) =>
    [...box.kept.children].find((l) => l.querySelector("q")?.textContent === text);

  /**
   * Let go of `text` (or with `back`, take it again), then draw the lines with focus where the press was.
   * @param {string} text
   * @param {boolean} back
   */
  function choose(text, back) {
    if (!letGo(exercise, box.id, text, back)) return;
    if (back) gone.splice(gone.indexOf(text), 1);
    else gone.push(text);
    // the page's other boxes for these words (another Tagger's name box) hear it as another tab's change
    dispatchEvent(new StorageEvent("storage", { key }));
    draw();
    /** @type {HTMLElement | null | undefined} */ (lineOf(text)?.querySelector("button:last-child"))?.focus();
    say(doc, back ? BACK_SAID : GONE_SAID);
  }

  /**
   * Put `text` back in the box, then land where the student goes on: in the field, to write on, after a key
   * (a click from the keys has no count of presses) or a mouse. A tap leaves a text box unfocused, as a
   * focused one opens the phone's keyboard over the words put back: the box is scrolled into sight, and the
   * focus goes to the words it held, now kept where the tapped button was (a screen reader hears it is done).
   * @param {string} text
   * @param {MouseEvent} e the press
   */
  function putBack(text, e) {
    const was = box.get();
    const field = /** @type {NonNullable<KeptBox["putBack"]>} */ (box.putBack)(text);
    if (!e.detail || !touchScreen() || !field.matches("textarea, input:not([type=radio])")) {
      field.focus();
      return;
    }
    field.scrollIntoView({ block: "nearest" });
    lineOf(was)?.querySelector("button")?.focus();
    say(doc, IN_THE_BOX_SAID);
  }

  function draw() {
    const now = box.get();
    const texts = earlierWords(key, box.id).filter((text) => text !== now);
    const lines = texts.map((text) => {
      const line = doc.createElement("span");
      const said = doc.createElement("q");
      said.textContent = text;
      line.append(box.earlier, said, " ");
      if (box.putBack)
        line.append(
          button(PUT_BACK, (e) => putBack(text, e)),
          " ",
        );
      line.append(button(LET_GO, () => choose(text, false)));
      return line;
    });
    for (const text of gone.filter((t) => !texts.includes(t))) {
      const line = doc.createElement("span");
      const said = doc.createElement("q");
      said.textContent = text;
      line.append(
        GONE,
        said,
        " ",
        button(UNDO, () => choose(text, true)),
      );
      lines.push(line);
    }
    box.kept.replaceChildren(...lines);
    box.kept.hidden = !lines.length;
  }
  draw();
  return draw;
}
