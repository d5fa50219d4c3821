// @ts-check
// The article on the page: one element per token, the spaces between them as text nodes (turned
// into elements only where a tag, a selection or a guided phrase has to colour them), a badge
// before each tag, the article's line numbers in a gutter. Draws what it is told, for the tokens it
// is told: it never redraws the text.

import { claimShadow, decorateWindow } from "./decoration.js";
import { badge, h, reveal, setText } from "./dom.js";

/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {import("./decoration.js").TokenRange} TokenRange */

const BARE = "|";

/**
 * Build the article's paragraphs into `container` and return what draws on them.
 * @param {HTMLElement} container
 * @param {Token[]} tokens
 * @param {string} uid a prefix for element ids, unique on the page
 * @param {() => HTMLElement | null} [stuckBar] the bar that may stick over the article as the page scrolls
 */
export function createArticleView(container, tokens, uid, stuckBar = () => null) {
  const count = tokens.length;
  /** @type {HTMLElement[]} */
  const tokenEls = new Array(count);
  /** @type {(Text | HTMLElement | undefined)[]} what follows each token inside its paragraph */
  const gaps = new Array(count);
  /** @type {Set<number>} gaps that are line breaks: never coloured */
  const breaks = new Set();
  const tokenKeys = new Array(count).fill(BARE);
  const gapKeys = new Array(count).fill(BARE);
  /** @type {Map<Element, number>} */
  const indexOf = new Map();
  /** @type {Map<string, HTMLElement>} tag id to its badge */
  const badges = new Map();

  // thousands of nodes: cloned from patterns, not built one attribute at a time
  const frag = document.createDocumentFragment();
  const tokenPattern = h("span.mt-tok");
  const paraPattern = h("p.mt-para");
  // the line numbers of the article page, so that every "L12" in a hint can be found
  const linePattern = h("span.mt-ln", { "aria-hidden": "true" });
  /** @type {HTMLElement | null} */
  let para = null;
  tokens.forEach((t, i) => {
    if (!para || tokens[i - 1].para !== t.para)
      para = /** @type {HTMLElement} */ (frag.appendChild(paraPattern.cloneNode(false)));
    if (!i || tokens[i - 1].line !== t.line) {
      const number = /** @type {HTMLElement} */ (para.appendChild(linePattern.cloneNode(false)));
      number.textContent = String(t.line);
    }
    const el = /** @type {HTMLElement} */ (tokenPattern.cloneNode(false));
    el.textContent = t.text;
    para.appendChild(el);
    tokenEls[i] = el;
    indexOf.set(el, i);
    const next = tokens[i + 1];
    if (!next || next.para !== t.para || !t.ws) return;
    if (t.ws.includes("\n")) {
      gaps[i] = para.appendChild(document.createElement("br"));
      breaks.add(i);
    } else gaps[i] = para.appendChild(document.createTextNode(" "));
  });
  container.append(frag);

  /**
   * The element of the gap after token `i`, made from its text node when first needed; null for
   * a line break or no gap.
   * @param {number} i
   * @returns {HTMLElement | null}
   */
  function gapElement(i) {
    const node = gaps[i];
    if (!node || breaks.has(i)) return null;
    if (node instanceof HTMLElement) return node;
    const el = h("span.mt-gap", " ");
    node.replaceWith(el);
    gaps[i] = el;
    return el;
  }

  /**
   * Run `fn` on the tokens first..last and the gap elements between them.
   * @param {number} first
   * @param {number} last
   * @param {(el: HTMLElement) => void} fn
   */
  function eachCell(first, last, fn) {
    for (let i = first; i <= last; i++) {
      fn(tokenEls[i]);
      const gap = i < last ? gapElement(i) : null;
      if (gap) fn(gap);
    }
  }

  // Claim underlines are classes, one rule per set of levels met so far, written into a style
  // element of the article: an inline style would give each of thousands of tokens a style of its own.
  const underlineRules = h("style");
  container.append(underlineRules);
  /** @type {Map<string, string[]>} decoration key to the classes it puts on an element */
  const classesOfKey = new Map([[BARE, []]]);
  /** @type {Set<string>} the sets of levels that have a rule */
  const underlines = new Set();

  /**
   * The classes of a decoration key "classes|levels"; the levels become one underline class.
   * @param {string} key
   */
  function classesOf(key) {
    let classes = classesOfKey.get(key);
    if (!classes) {
      const [marks, levels] = key.split("|");
      classes = marks ? marks.split(" ") : [];
      if (levels) {
        const underline = `mt-u${levels.split(",").join("-")}`;
        if (!underlines.has(levels)) underlineRules.append(`.mt .${underline}{box-shadow:${claimShadow(levels)}}`);
        underlines.add(levels);
        classes.push(underline);
      }
      classesOfKey.set(key, classes);
    }
    return classes;
  }

  /**
   * Change an element's marks from one decoration key to another (the selection, caret and
   * guided classes stay).
   * @param {HTMLElement} el
   * @param {string} from
   * @param {string} to
   */
  function applyKey(el, from, to) {
    el.classList.remove(...classesOf(from));
    el.classList.add(...classesOf(to));
  }

  let selected = [0, -1];
  let caret = -1;

  return {
    /**
     * Index of the token an event happened on, or null.
     * @param {EventTarget | null} target
     */
    tokenIndexOf(target) {
      const el = target instanceof Element ? target.closest(".mt-tok") : null;
      return (el && indexOf.get(el)) ?? null;
    },

    /** @param {number} i */
    tokenElement: (i) => tokenEls[i],

    /**
     * Scroll token i into view, clear of the bar that may stick over the article (`stuckBar`).
     * @param {number} i
     * @param {ScrollLogicalPosition} [block]
     */
    showToken(i, block = "nearest") {
      reveal(tokenEls[i], stuckBar(), block);
    },

    /** The bar that may stick over the article now, for a caller that scrolls a token (tokenElement) itself
     * (author mode: reveal_together.js). */
    stuckBar,

    /**
     * Grey phrases of a guided exercise.
     * @param {{first: number, last: number}[]} ranges
     */
    markCandidates(ranges) {
      for (const r of ranges) eachCell(r.first, r.last, (el) => el.classList.add("mt-cand"));
    },

    /**
     * Redraw the tags' marks on tokens from..to (inclusive), given every visible tag's range.
     * @param {number} from
     * @param {number} to
     * @param {TokenRange[]} ranges
     * @param {Map<string, number>} claimLevels
     */
    drawMarks(from, to, ranges, claimLevels) {
      const keys = decorateWindow(ranges, claimLevels, from, to);
      for (let i = from; i <= to; i++) {
        const tokenKey = keys.tok[i - from];
        if (tokenKey !== tokenKeys[i]) {
          applyKey(tokenEls[i], tokenKeys[i], tokenKey);
          tokenKeys[i] = tokenKey;
        }
        const gapKey = keys.gap[i - from];
        if (gapKey !== gapKeys[i]) {
          const el = gapElement(i);
          if (el) applyKey(el, gapKeys[i], gapKey);
          gapKeys[i] = gapKey;
        }
      }
    },

    /**
     * Put (or move, or relabel) the badge of one tag before its first token. Badges before the
     * same token stay in reading order: `before(a, b)` says if tag a comes first.
     * @param {string} id
     * @param {string} label
     * @param {number} first
     * @param {string} text
     * @param {(a: string, b: string) => boolean} before
     */
    placeBadge(id, label, first, text, before) {
      let el = badges.get(id);
      if (!el) {
        el = badge(label, text);
        el.dataset.tag = id;
        badges.set(id, el);
      } else setText(el, text);
      const token = tokenEls[first];
      if (
        el.nextElementSibling === token ||
        (el.isConnected && el.parentNode === token.parentNode && sameRun(el, token))
      )
        return;
      /** @type {Element} */
      let at = token;
      for (
        let prev = token.previousElementSibling;
        prev?.classList.contains("mt-badge");
        prev = prev.previousElementSibling
      ) {
        const other = /** @type {HTMLElement} */ (prev).dataset.tag || "";
        if (other !== id && before(other, id)) break;
        at = prev;
      }
      if (at !== el) at.before(el);
    },

    /**
     * Change a badge's text in place.
     * @param {string} id
     * @param {string} text
     */
    relabelBadge(id, text) {
      const el = badges.get(id);
      if (el) setText(el, text);
    },

    /**
     * Show a tag's verdict after Check on its badge ("found", "close", "off"), or none (null).
     * @param {string} id
     * @param {string | null} verdict
     */
    markVerdict(id, verdict) {
      const el = badges.get(id);
      if (!el || (el.dataset.v || null) === verdict) return;
      if (verdict) el.dataset.v = verdict;
      else delete el.dataset.v;
    },

    /**
     * Draw (or take away) the outline of a revealed answer over tokens first..last.
     * @param {number} first
     * @param {number} last
     * @param {boolean} on
     */
    markAnswer(first, last, on) {
      eachCell(first, last, (el) => el.classList.toggle("mt-answer", on));
      tokenEls[first].classList.toggle("mt-answer-start", on);
      tokenEls[last].classList.toggle("mt-answer-end", on);
    },

    /** @param {string} id */
    removeBadge(id) {
      badges.get(id)?.remove();
      badges.delete(id);
    },

    /**
     * Show the selection (first > last: none) and the caret; returns the caret's element id for
     * aria-activedescendant.
     * @param {number} first
     * @param {number} last
     * @param {number} at the caret's token
     */
    showSelection(first, last, at) {
      if (selected[0] !== first || selected[1] !== last) {
        eachCell(selected[0], selected[1], (el) => el.classList.remove("mt-sel"));
        selected = [first, last];
        eachCell(first, last, (el) => el.classList.add("mt-sel"));
      }
      if (caret !== at) {
        if (caret >= 0) tokenEls[caret].classList.remove("mt-caret");
        caret = at;
        tokenEls[at].classList.add("mt-caret");
      }
      const el = tokenEls[at];
      el.id ||= `${uid}-t${at}`; // ids only where aria-activedescendant needs one
      return el.id;
    },
  };

  /**
   * True when only badges stand between `el` and `token`.
   * @param {Element} el
   * @param {Element} token
   */
  function sameRun(el, token) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (next === token) return true;
      if (!next.classList.contains("mt-badge")) return false;
    }
    return false;
  }
}

/** @typedef {ReturnType<typeof createArticleView>} ArticleView */
