// @ts-check
// The keyboard shortcuts dialog. The Tagger makes it when it is first asked for (? or its button): a
// touch screen shows no button for it, and a tablet opens it only from a keyboard.

import { button, h } from "./dom.js";
import { FEEDBACK_KEY } from "./keyboard.js";
import { letterOf } from "./labels.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */

/**
 * Make the shortcuts dialog, at the end of the Tagger's `root`; returns what opens it. It is modal: the page
 * behind is inert, so Tab goes round the dialog and the browser's own controls, as a native modal dialog's
 * does, and Escape closes it. Closing it puts focus back on what opened it: the article (?) or the button.
 * @param {TaggerContext} ctx
 * @param {HTMLElement} root
 */
export function createHelp({ labels, uid, pointerWords }, root) {
  const rows = [
    ["← →", "move one word"],
    ["Shift + ← →", "select more words"],
    ["↑ ↓", "move one line down or up"],
    ["Home End", "start or end of the numbered line"],
    ["Page Down, Page Up", "next or previous numbered line (Shift: select)"],
    [". ,", "next or previous sentence (with Shift: select to there)"],
    ["Space", "select the word at the caret"],
    ...labels.map((l) => [`${l.shortcut} or ${letterOf(l).toUpperCase()}`, `tag the selection as ${l.title}`]),
    ["] [", "next or previous tag"],
    ["Enter", "on a tag: go to it in your tags (or back to the feedback you came from)"],
    ["Delete", "remove the tag at the caret"],
    [FEEDBACK_KEY.toUpperCase(), "go to the feedback after Check; F or Esc there comes back to the words"],
    ["Tab", "leave the article: to the feedback, your tags and the buttons below"],
    ["Ctrl + Z, Ctrl + Shift + Z", "undo, redo"],
    ["Esc", "clear the selection"],
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
        `${pointerWords("Tap the first word, then the last", "Click a word, drag over words, or Shift+click to extend")}, then press a label key or pick a label.`,
      ),
      button("mt-close", "Close", () => dialog.close()),
    )
  );
  /** @type {HTMLElement | null} */
  let opener = null;
  dialog.addEventListener("close", () => opener?.focus());
  root.append(dialog);
  return () => {
    opener = /** @type {HTMLElement | null} */ (document.activeElement);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    /** @type {HTMLElement | null} */ (dialog.querySelector(".mt-close"))?.focus();
  };
}
