// @ts-check
// Under a box on a book page (a written answer's, the name's), the student's own earlier words that a
// loaded hand-in replaced (answer_store.js keeps them), each with "Put it back".

import { answersKey, store } from "../tagger/answer_store.js";

const PUT_BACK = "Put it back";

/**
 * @typedef {object} KeptBox one box whose earlier words are kept
 * @property {string} id its id on the list of earlier words (answer_store.js NAME for the name)
 * @property {HTMLElement} kept where its earlier words show
 * @property {string} earlier how an earlier word is introduced ("Earlier in this box: ")
 * @property {() => string} get the words the box holds now
 * @property {(text: string) => void} putBack put `text` in the box (its own words go on the list)
 */

/**
 * Show a box's earlier words and keep them in step: returns the function that draws them again (when
 * the list, or the words in the box, change).
 * @param {{id: string, article: {sha256: string}}} exercise
 * @param {KeptBox} box
 */
export function offerKept(exercise, box) {
  const doc = box.kept.ownerDocument;
  const key = `${answersKey(exercise.id, exercise.article.sha256)}:earlier`;
  /**
   * @param {string} words
   * @param {() => void} press
   */
  const button = (words, press) => {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = words;
    b.addEventListener("click", press);
    return b;
  };

  function draw() {
    /** @type {unknown} */
    let list = [];
    try {
      list = JSON.parse(store()?.getItem(key) || "{}")?.[box.id];
    } catch {
      // a list that cannot be read shows nothing; it stays in the browser as it is
    }
    const now = box.get();
    const texts = (Array.isArray(list) ? list : []).filter(
      (text) => typeof text === "string" && text.trim() && text !== now,
    );
    const lines = texts.map((text) => {
      const line = doc.createElement("span");
      const said = doc.createElement("q");
      said.textContent = text;
      line.append(
        box.earlier,
        said,
        " ",
        button(PUT_BACK, () => box.putBack(text)),
      );
      return line;
    });
    box.kept.replaceChildren(...lines);
    box.kept.hidden = !lines.length;
  }
  draw();
  return draw;
}
