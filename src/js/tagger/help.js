// @ts-check
// The keyboard shortcuts dialog.

import { button, h } from "./dom.js";
import { letterOf } from "./labels.js";

/** @typedef {import("../core/types.js").Label} Label */

/**
 * The shortcuts dialog; closing it puts focus back on the article.
 * @param {Label[]} labels
 * @param {string} uid
 * @param {HTMLElement} article
 */
export function createHelp(labels, uid, article) {
  const rows = [
    ["← →", "move one word"],
    ["Shift + ← →", "select more words"],
    ["↑ ↓", "move one line"],
    ["Home End", "start or end of the paragraph"],
    ["Space", "select the word at the caret"],
    ...labels.map((l) => [
      `${l.shortcut} or ${letterOf(l).toUpperCase()}`,
      `tag the selection as ${l.title} (with nothing selected: ${l.title} mode, press again to stop)`,
    ]),
    ["Enter", "in a label mode: tag the selection; on a tag: go to it in the list"],
    ["Delete", "remove the tag at the caret"],
    ["Tab, Shift + Tab", "next or previous tag (Tab after the last leaves the article)"],
    ["Ctrl + Z, Ctrl + Shift + Z", "undo, redo"],
    ["Esc", "clear the selection and leave label mode"],
    ["?", "this list"],
  ];
  const dialog = /** @type {HTMLDialogElement} */ (
    h(
      "dialog.mt-dialog",
      { "aria-labelledby": `${uid}-dlgt` },
      h("p.mt-side-title", { id: `${uid}-dlgt`, text: "Keyboard shortcuts" }),
      h(
        "table",
        {},
        h(
          "tbody",
          {},
          rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row", text: k }), h("td", v))),
        ),
      ),
      h(
        "p",
        "With the mouse: click a word, drag over words, or Shift+click to extend; then press a label key or button.",
      ),
      button("mt-close", "Close", () => dialog.close()),
    )
  );
  dialog.addEventListener("close", () => article.focus());
  return {
    dialog,
    open() {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      /** @type {HTMLElement | null} */ (dialog.querySelector(".mt-close"))?.focus();
    },
  };
}
