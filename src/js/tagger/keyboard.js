// @ts-check
// Keys on the article (move, select, label, remove, go through tags) and undo/redo anywhere in
// the Tagger.

import { ellipsis } from "../core/handin.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./tagger.js").Actions} Actions */
/** @typedef {import("./selection.js").Selection} Selection */

/**
 * Listen to the keyboard on the article and on the Tagger's root.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {Actions} actions
 * @param {HTMLElement} root
 */
export function listenToKeys(ctx, sel, actions, root) {
  /** @type {Record<string, () => number>} */
  const moves = {
    ArrowRight: () => sel.caret + 1,
    ArrowLeft: () => sel.caret - 1,
    ArrowDown: () => sel.lineMove(1),
    ArrowUp: () => sel.lineMove(-1),
    Home: () => sel.paragraphEdge(-1),
    End: () => sel.paragraphEdge(1),
  };

  /** @param {KeyboardEvent} e */
  function onArticleKey(e) {
    const k = e.key;
    if (e.altKey || e.metaKey || e.ctrlKey) return; // undo/redo are handled on the root
    if (k === "Tab") {
      if (sel.cycle(e.shiftKey ? -1 : 1)) e.preventDefault();
      return;
    }
    const name = ctx.keys.get(k.toLowerCase());
    /** @type {(() => void) | null} */
    let act = null;
    if (moves[k]) {
      act = () => {
        sel.setCaret(moves[k](), e.shiftKey);
        ctx.say(sel.describe());
      };
    } else if (k === "Escape") {
      act = () => {
        sel.anchor = null;
        actions.setSticky(null);
        sel.draw();
        ctx.say("Selection cleared.");
      };
    } else if (k === " ") {
      act = () => {
        sel.anchor = sel.caret;
        sel.draw();
        ctx.say(sel.describe());
      };
    } else if (k === "Enter") act = onEnter;
    else if (k === "Delete" || k === "Backspace") act = actions.deleteAtCaret;
    else if (k === "?") act = actions.openHelp;
    else if (name) act = () => actions.onLabelKey(name);
    if (!act) return;
    e.preventDefault();
    act();
  }

  function onEnter() {
    if (actions.sticky() && sel.anchor !== null) {
      actions.applyLabel(/** @type {string} */ (actions.sticky()));
      return;
    }
    const here = actions.tagsAtCaret()[0];
    if (here) actions.focusEntry(here.id);
    else ctx.say("No tag here. Select words, then press a label key.");
  }

  /** @param {KeyboardEvent} e */
  function onRootKey(e) {
    const target = /** @type {Element} */ (e.target);
    if (!(e.ctrlKey || e.metaKey) || target.matches("input, textarea, select")) return;
    const k = e.key.toLowerCase();
    if (k !== "z" && k !== "y") return;
    e.preventDefault();
    actions.travel(k === "z" && !e.shiftKey);
  }

  ctx.listen(ctx.article, "keydown", /** @type {EventListener} */ (onArticleKey));
  ctx.listen(root, "keydown", /** @type {EventListener} */ (onRootKey));
  ctx.listen(ctx.article, "focus", () => sel.draw());
}

/**
 * Mouse, pen and touch on the article: click a word, drag over words, Shift+click to extend,
 * double-click (or tap twice) for one word.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {Actions} actions
 */
export function listenToPointer(ctx, sel, actions) {
  const { article, view } = ctx;
  /** @type {{moved: boolean, type?: string} | null} */
  let drag = null;
  let lastTap = { i: -1, time: 0 };

  ctx.listen(article, "pointerdown", (event) => {
    const e = /** @type {PointerEvent} */ (event);
    const i = view.tokenIndexOf(e.target);
    if (e.button !== 0 || i === null) return;
    const repeat = lastTap.i === i && Date.now() - lastTap.time < 450;
    drag = null;
    if (e.shiftKey && sel.anchor !== null) drag = { moved: true };
    else if (!repeat) {
      sel.anchor = i;
      drag = { moved: false, type: e.pointerType };
    }
    if (drag) {
      sel.caret = i;
      sel.draw();
    }
    if (document.activeElement !== article) article.focus({ preventScroll: true });
  });
  ctx.listen(article, "pointermove", (event) => {
    const e = /** @type {PointerEvent} */ (event);
    const i = view.tokenIndexOf(e.target);
    if (!drag || drag.type === "touch" || !(e.buttons & 1) || i === null || i === sel.caret) return;
    drag.moved = true;
    sel.caret = i;
    sel.draw();
  });
  ctx.listen(article, "pointerup", (e) => {
    if (!drag) return;
    const { moved } = drag;
    drag = null;
    lastTap = { i: view.tokenIndexOf(e.target) ?? -1, time: Date.now() };
    const sticky = actions.sticky();
    if (sticky && sel.range()) actions.applyLabel(sticky);
    else if (sel.range())
      ctx.say(`Selected: “${ellipsis(sel.text(), 80)}”. Press a label key, or pick a label button.`);
    else if (ctx.guided && !moved) ctx.say("In this exercise, pick one of the grey phrases.");
  });
  ctx.listen(article, "pointercancel", () => {
    drag = null;
  });
  ctx.listen(article, "dblclick", (e) => {
    const i = view.tokenIndexOf(e.target);
    if (i !== null && sel.anchor === null && !actions.sticky()) {
      sel.anchor = sel.caret = i;
      sel.draw();
    }
  });
}
