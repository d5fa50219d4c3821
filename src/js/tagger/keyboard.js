// @ts-check
// Keys on the article (move by word, line or sentence, select, label, remove, go through tags, go
// to the feedback), keys anywhere in the Tagger (undo/redo, back to the article), and the mouse,
// pen and touch on the article.

import { quoted } from "../core/spans.js";
import { clearOfBar } from "./dom.js";
import { isUnusedLabelKey } from "./labels.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./actions.js").Actions} Actions */
/** @typedef {import("./selection.js").Selection} Selection */

/** The key that goes to the feedback from the article, and back. */
export const FEEDBACK_KEY = "f";

/**
 * Listen to the keyboard on the article and on the Tagger's root.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {Actions} actions
 * @param {HTMLElement} root
 */
export function listenToKeys(ctx, sel, actions, root) {
  /** @type {Record<string, () => number>} where a key moves the caret; Shift keeps a selection */
  const moves = {
    ArrowRight: () => sel.caret + 1,
    ArrowLeft: () => sel.caret - 1,
    ArrowDown: () => sel.lineMove(1),
    ArrowUp: () => sel.lineMove(-1),
    Home: () => sel.lineEdge(-1),
    End: () => sel.lineEdge(1),
    PageDown: () => sel.lineStep(1),
    PageUp: () => sel.lineStep(-1),
    ".": () => sel.sentenceStep(1),
    ",": () => sel.sentenceStep(-1),
    ">": () => sel.sentenceStep(1),
    "<": () => sel.sentenceStep(-1),
  };
  /** keys that extend the selection without Shift being the reason (Shift+. is ">") */
  const extending = new Set([">", "<"]);

  /** @param {KeyboardEvent} e */
  function onArticleKey(e) {
    const k = e.key;
    if (e.altKey || e.metaKey || e.ctrlKey || k === "Tab") return; // undo/redo on the root; Tab leaves
    const name = ctx.keys.get(k.toLowerCase());
    /** @type {(() => void) | null} */
    let act = null;
    if (moves[k]) {
      act = () => {
        sel.setCaret(moves[k](), e.shiftKey || extending.has(k));
        ctx.say(sel.describe());
      };
    } else if (k === "Escape") act = actions.clearSelection;
    else if (k === " ") {
      act = () => {
        sel.anchor = sel.caret;
        sel.draw();
        ctx.say(sel.describe());
      };
    } else if (k === "]" || k === "[") {
      act = () => {
        if (!sel.cycle(k === "]" ? 1 : -1))
          ctx.say(`No ${ctx.guided ? "phrase" : "tag"} ${k === "]" ? "after" : "before"} this one.`);
      };
    } else if (k === "Enter") act = onEnter;
    else if (k === "Delete" || k === "Backspace") act = actions.deleteAtCaret;
    else if (k === "?") act = actions.openHelp;
    else if (name) act = () => actions.applyLabel(name);
    else if (k.toLowerCase() === FEEDBACK_KEY) act = () => actions.toFeedback();
    else if (isUnusedLabelKey(k.toLowerCase(), ctx.keys)) act = () => actions.unusedKey(k);
    if (!act) return;
    e.preventDefault();
    act();
  }

  function onEnter() {
    if (actions.backFromText()) return;
    const here = actions.tagsAtCaret()[0];
    if (here) actions.focusEntry(here.id);
    else ctx.say("No tag here. Select words, then press a label key.");
  }

  /** @param {KeyboardEvent} e */
  function onRootKey(e) {
    const target = /** @type {Element} */ (e.target);
    // keys typed into a field are the field's; a tick box (a claim's "Attributed to") takes no letters
    if (target.matches("textarea, select, input:not([type=checkbox], [type=radio])") || e.altKey) return;
    const k = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (k === "z" || k === "y")) {
      e.preventDefault();
      actions.travel(k === "z" && !e.shiftKey);
    } else if (
      !e.ctrlKey &&
      !e.metaKey &&
      target !== ctx.article &&
      (k === FEEDBACK_KEY || k === "escape") &&
      target.closest(".mt-feedback, .mt-tags")
    ) {
      // from the feedback or the tag list, back to the words
      e.preventDefault();
      actions.backToText();
    }
  }

  ctx.listen(ctx.article, "keydown", /** @type {EventListener} */ (onArticleKey));
  ctx.listen(root, "keydown", /** @type {EventListener} */ (onRootKey));
  ctx.listen(ctx.article, "focus", () => sel.draw());
}

/**
 * Mouse, pen and touch on the article. Mouse: click a word, drag over words, Shift+click to extend,
 * double-click for one word. Touch (a drag scrolls the page): tap a first word, then a last word;
 * tapping the first word again starts from it alone. A word clicked or tapped alone offers its tag.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {Actions} actions
 */
export function listenToPointer(ctx, sel, actions) {
  const { article, view } = ctx;
  /** @type {{moved: boolean} | null} a mouse or pen press */
  let drag = null;
  /** @type {number | null} a touch that has not moved yet: the token it began on */
  let touch = null;
  /** a tap just handled, whose click is still to come */
  let tapped = false;

  ctx.listen(article, "pointerdown", (event) => {
    const e = /** @type {PointerEvent} */ (event);
    const i = view.tokenIndexOf(e.target);
    if (e.button !== 0 || i === null) return;
    if (e.pointerType === "touch") {
      touch = i; // decided when the finger lifts: it may scroll instead
      return;
    }
    drag = { moved: !!(e.shiftKey && sel.anchor !== null) };
    if (!drag.moved) sel.anchor = i;
    caretTo(i);
  });
  ctx.listen(article, "pointermove", (event) => {
    const e = /** @type {PointerEvent} */ (event);
    const i = view.tokenIndexOf(e.target);
    if (!drag || !(e.buttons & 1) || i === null || i === sel.caret) return;
    drag.moved = true;
    sel.caret = i;
    sel.draw();
  });
  ctx.listen(article, "pointerup", (event) => {
    const e = /** @type {PointerEvent} */ (event);
    if (e.pointerType === "touch") {
      const i = view.tokenIndexOf(e.target);
      if (touch !== null && i === touch) {
        tap(i);
        // the bar grows to show a long status whole (and Clear selection): the word just tapped stays clear of
        // it, and the click that follows the tap is not let land on a button of the bar now under the finger
        clearOfBar(view.tokenElement(i), view.stuckBar());
        tapped = true;
      }
      touch = null;
      return;
    }
    if (!drag) return;
    const { moved } = drag;
    drag = null;
    const tagged = offerTagHere(!moved);
    if (sel.range()) ctx.say(`Selected: ${quoted(sel.text(), 80)}${tagged}. Press a label key, or pick a label.`);
    else if (ctx.guided && !moved) ctx.say("In this exercise, pick one of the grey phrases.");
  });
  ctx.listen(article, "touchend", (e) => {
    if (tapped && e.cancelable) e.preventDefault();
    tapped = false;
  });
  ctx.listen(article, "pointercancel", () => {
    drag = null;
    touch = null;
  });

  /**
   * The caret to token i, drawn, and the keys to the article (a press or tap there does not move the page).
   * @param {number} i
   */
  function caretTo(i) {
    sel.caret = i;
    sel.draw();
    if (document.activeElement !== article) article.focus({ preventScroll: true });
  }

  /**
   * A tap on token i: the first tap selects a word, the next ones stretch the selection to the word
   * tapped; a tap on the first word starts again from it, and names its tag with a way to the tag's entry.
   * @param {number} i
   */
  function tap(i) {
    const extend = sel.anchor !== null && i !== sel.anchor;
    if (!extend) sel.anchor = i;
    caretTo(i);
    if (!sel.range()) {
      ctx.say(ctx.guided ? "In this exercise, pick one of the grey phrases." : "");
      return;
    }
    // a selection stretched keeps the way offered at its first word; a guided page tags whole grey phrases only:
    // a tap picked all of one, and takes in no more words
    ctx.say(
      `Selected ${quoted(sel.text(), 60)}${extend ? "" : offerTagHere(true)}. Pick a label${ctx.guided ? "" : ", or tap the last word you want"}.`,
    );
  }

  /**
   * A word clicked or tapped alone names its tag and offers a button to the tag's entry in the list, as
   * Enter does from the keys; a drag or a stretched selection offers none. Returns the words said (", in
   * Loaded L2"), or "".
   * @param {boolean} alone
   */
  function offerTagHere(alone) {
    const t = alone ? actions.tagsAtCaret()[0] : undefined;
    actions.offerTag(t);
    return t ? `, in ${ctx.nameOf(t)}` : "";
  }
}
