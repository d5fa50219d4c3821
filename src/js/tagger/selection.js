// @ts-check
// The caret and the selection on the article, in token indices, and how they read aloud.

import { quoteOf, quoted } from "../core/spans.js";
import { sortTags } from "./tags.js";
import { tagsAtToken } from "./tag_index.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {{first: number, last: number}} Range */

/**
 * The caret, the selection and moving them.
 * @param {TaggerContext} ctx
 */
export function createSelection(ctx) {
  const { tokens, view, article, guided, candidates } = ctx;
  const sentenceFirsts = firstTokens(tokens, ctx.exercise.article.sentences || []);
  const sel = {
    caret: 0,
    /** @type {number | null} where a selection started; null: nothing selected */
    anchor: /** @type {number | null} */ (null),
    /** @type {number} the tag (or guided phrase) Tab went to last */
    tagCursor: -1,

    /**
     * The selected token range; in a guided exercise, the smallest grey phrase around it.
     * @returns {Range | null}
     */
    range() {
      if (sel.anchor === null) return null;
      let first = Math.min(sel.anchor, sel.caret);
      let last = Math.max(sel.anchor, sel.caret);
      if (guided) {
        const phrase = candidates
          .filter((x) => x.first <= first && x.last >= last)
          .sort((a, b) => a.last - a.first - (b.last - b.first))[0];
        if (!phrase) return null;
        ({ first, last } = phrase);
      }
      return { first, last };
    },

    /** Show the selection and the caret. */
    draw() {
      const r = sel.range();
      const id = view.showSelection(r ? r.first : 0, r ? r.last : -1, sel.caret);
      article.setAttribute("aria-activedescendant", id);
      ctx.selectionShown(!!r);
    },

    /**
     * Move the caret to token i; `extend` keeps (or starts) a selection.
     * @param {number} i
     * @param {boolean} extend
     */
    setCaret(i, extend) {
      const at = Math.max(0, Math.min(tokens.length - 1, i));
      if (!extend) sel.anchor = null;
      else if (sel.anchor === null) sel.anchor = sel.caret;
      sel.caret = at;
      sel.draw();
      view.showToken(at);
    },

    /**
     * Select the token range `r` with the caret at its start, show it and say where it is.
     * @param {Range} r
     * @param {ScrollLogicalPosition} [block]
     * @param {string} [wayBack] said after the place: how to go back where the student came from
     */
    goTo(r, block = "center", wayBack = "") {
      sel.anchor = r.last;
      sel.caret = r.first;
      sel.draw();
      view.showToken(r.first, block);
      article.focus({ preventScroll: true });
      ctx.say(sel.describe(), wayBack);
    },

    /** The selected words. */
    text() {
      const r = sel.range();
      return r ? quoteOf(ctx.chars, tokens[r.first].start, tokens[r.last].end) : "";
    },

    /** The caret's word, line and tags, and the selection, in words. */
    describe() {
      const index = ctx.index();
      const here = tagsAtToken(index, sel.caret).map((t) => {
        const verdict = ctx.verdictWords(t);
        return `${ctx.nameOf(t)}${verdict ? ` (${verdict})` : ""}`;
      });
      const selected = sel.anchor !== null ? ` Selected: ${quoted(sel.text(), 60)}.` : "";
      const token = tokens[sel.caret];
      return `${token.text}, line ${token.line}${here.length ? `, in ${here.join(", ")}` : ""}.${selected}`;
    },

    /**
     * The token one visual line up or down from the caret, nearest to it across.
     * @param {number} dir 1 down, -1 up
     */
    lineMove(dir) {
      const from = view.tokenElement(sel.caret).getBoundingClientRect();
      if (!from.height) {
        // not laid out: move by article line
        const i = tokens.findIndex((t) => t.line >= tokens[sel.caret].line + dir);
        return i < 0 ? sel.caret : i;
      }
      const x = from.left + from.width / 2;
      let lineTop = null;
      let best = sel.caret;
      let bestDx = Number.POSITIVE_INFINITY;
      for (let i = sel.caret + dir, n = 0; i >= 0 && i < tokens.length && n < 600; i += dir, n++) {
        const r = view.tokenElement(i).getBoundingClientRect();
        if (lineTop === null) {
          if (Math.abs(r.top - from.top) < from.height / 2) continue;
          lineTop = r.top;
        }
        if (Math.abs(r.top - lineTop) >= from.height / 2) break;
        const dx = Math.abs(r.left + r.width / 2 - x);
        if (dx < bestDx) {
          bestDx = dx;
          best = i;
        }
      }
      return best;
    },

    /**
     * The first (dir -1) or last (dir 1) token of the caret's line (the numbered line of the article).
     * @param {number} dir
     */
    lineEdge(dir) {
      let i = sel.caret;
      while (tokens[i + dir] && tokens[i + dir].line === tokens[sel.caret].line) i += dir;
      return i;
    },

    /**
     * The first token of the next numbered line (dir 1), or of this line, or the one before when the
     * caret is at its start already (dir -1).
     * @param {number} dir
     */
    lineStep(dir) {
      const start = sel.lineEdge(-1);
      if (dir < 0) {
        if (start < sel.caret || start === 0) return start;
        const i = start - 1;
        let first = i;
        while (tokens[first - 1] && tokens[first - 1].line === tokens[i].line) first--;
        return first;
      }
      const end = sel.lineEdge(1);
      return end + 1 < tokens.length ? end + 1 : end;
    },

    /**
     * The first token of the next sentence (dir 1), or of this sentence, or the one before when the
     * caret is at its start already (dir -1).
     * @param {number} dir
     */
    sentenceStep(dir) {
      if (dir > 0) return sentenceFirsts.find((i) => i > sel.caret) ?? sel.caret;
      const before = sentenceFirsts.filter((i) => i < sel.caret);
      return before.length ? before[before.length - 1] : 0;
    },

    /**
     * Go to the next (1) or previous (-1) tag, or grey phrase in a guided exercise; false when
     * there is none that way (Tab then leaves the article).
     * @param {number} dir
     */
    cycle(dir) {
      const index = ctx.index();
      /** @type {Range[]} */
      const list = guided
        ? candidates
        : sortTags(index.visible).map((t) => /** @type {Range} */ (index.ranges.get(t.id)));
      const r = sel.range();
      const current = list[sel.tagCursor];
      const before = list.map((x) => x.first < sel.caret);
      const i =
        current && r && current.first === r.first && current.last === r.last
          ? sel.tagCursor + dir
          : dir > 0
            ? before.indexOf(false)
            : before.lastIndexOf(true);
      if (i < 0 || i >= list.length) {
        sel.tagCursor = -1;
        return false;
      }
      sel.tagCursor = i;
      sel.goTo(list[i], "nearest");
      return true;
    },
  };
  return sel;
}

/**
 * The index of the first token of each sentence, in order.
 * @param {import("../core/types.js").Token[]} tokens
 * @param {{start: number, end: number}[]} sentences
 */
export function firstTokens(tokens, sentences) {
  /** @type {number[]} */
  const out = [];
  let i = 0;
  for (const s of sentences) {
    while (i < tokens.length && tokens[i].end <= s.start) i++;
    if (i < tokens.length && tokens[i].start < s.end && out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** @typedef {ReturnType<typeof createSelection>} Selection */
