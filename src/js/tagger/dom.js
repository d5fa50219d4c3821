// @ts-check
// Building elements. Text from files or students reaches the page through `textContent` and
// `value` only, never as markup.

const FOCUSABLE = new Set(["a", "button", "input", "select", "textarea", "summary", "details"]);

/** @typedef {string | Node | null | undefined | false} Child */

/**
 * `h("p.mt-a.mt-b", attrs, ...children)`: an element with the classes written after the dots.
 * `attrs` may be a string (the text); `on<event>` attributes add listeners.
 * @param {string} selector
 * @param {Record<string, any> | string} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(selector, attrs = {}, ...children) {
  const [tag, ...classes] = selector.split(".");
  const el = document.createElement(tag);
  // JupyterLab and Notebook 7 match their command-mode shortcuts (arrows, Enter) against the focused
  // element itself, before looking at its parents: each element that can take focus opts out.
  if (FOCUSABLE.has(tag) || (typeof attrs === "object" && "tabindex" in attrs)) {
    el.setAttribute("data-lm-suppress-shortcuts", "true");
  }
  if (classes.length) el.className = classes.join(" ");
  for (const [k, v] of Object.entries(typeof attrs === "string" ? { text: attrs } : attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") el.textContent = v;
    else if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/**
 * Whether the screen is a touch screen (the coarse pointer tagger.css makes targets big for): it is tapped and has
 * no keys, and a text box that takes focus opens its keyboard over the page.
 */
export const touchScreen = () => !!globalThis.matchMedia?.("(pointer: coarse)").matches;

/** A symbol and its space at either end of words ("↶ Undo", "↓ Go to your hand-in", "✓ Saved"). */
const END_SYMBOL = /^(\p{S} )|( \p{S})$/u;

/**
 * Words with a symbol at either end drawn but hidden from screen readers, which would read "↶ Undo" as
 * "anticlockwise top semicircle arrow, Undo" (and a voice would have to say it), "✓ Saved" as "check mark,
 * Saved".
 * @param {string} words
 * @returns {(string | HTMLElement)[]}
 */
const quietSymbols = (words) =>
  words
    .split(END_SYMBOL)
    .map((part, i) => (i % 3 && part ? h("span", { "aria-hidden": "true" }, part) : part))
    .filter((part) => part);

/**
 * A button of type "button"; a symbol at either end of its words is seen, not heard (quietSymbols).
 * @param {string} className
 * @param {Child | Child[]} content
 * @param {((event: Event) => void) | null} onclick null when a parent listens
 * @param {Record<string, any>} [attrs]
 * @returns {HTMLButtonElement}
 */
export const button = (className, content, onclick, attrs = {}) =>
  /** @type {HTMLButtonElement} */ (
    h(
      "button",
      { type: "button", class: className, onclick, ...attrs },
      typeof content === "string" ? quietSymbols(content) : content,
    )
  );

/**
 * The text badge of a label (its letter and number), hidden from screen readers, which read the
 * label's name instead.
 * @param {string} label
 * @param {string} text
 */
export const badge = (label, text) => h("span", { class: `mt-badge mt-badge-${label}`, "aria-hidden": "true", text });

/**
 * Set an element's words only when they differ, a symbol at either end seen, not heard (quietSymbols): for
 * words with a sign, such as a status line's "✓ Saved".
 * @param {Element} el
 * @param {string} words
 */
export function setWords(el, words) {
  if (el.textContent !== words) el.replaceChildren(...quietSymbols(words));
}

/**
 * Set an element's text only when it differs (no layout work for nothing).
 * @param {Element} el
 * @param {string} text
 */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Room left between a word brought into view and the bar it was under. */
export const CLEAR_OF_BAR = 8;

/**
 * The box that scrolls `el` up and down: the nearest ancestor that scrolls, else the page.
 * @param {Element} el
 * @returns {Element}
 */
export function scrollerOf(el) {
  for (let box = el.parentElement; box; box = box.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight) return box;
  }
  return document.scrollingElement || document.documentElement;
}

/**
 * Scroll `el` into view, then out from under `bar` if the bar is stuck over it: a label bar stuck
 * to the top of the screen (or, on a phone, to the bottom) is over the page, and scrolling the
 * element's own box alone would leave a word behind it.
 * @param {HTMLElement} el
 * @param {HTMLElement | null} bar
 * @param {ScrollLogicalPosition} [block]
 */
export function reveal(el, bar, block = "nearest") {
  el.scrollIntoView?.({ block, inline: "nearest" });
  clearOfBar(el, bar);
}

/**
 * Scroll `el` out from under `bar` when the bar is stuck over it.
 * @param {HTMLElement} el
 * @param {HTMLElement | null} bar
 */
export function clearOfBar(el, bar) {
  if (!bar) return;
  const word = el.getBoundingClientRect();
  const cover = bar.getBoundingClientRect();
  if (!cover.height || Math.min(word.bottom, cover.bottom) <= Math.max(word.top, cover.top)) return;
  const barAbove = cover.top + cover.bottom < word.top + word.bottom;
  const by = barAbove ? word.top - cover.bottom - CLEAR_OF_BAR : word.bottom - cover.top + CLEAR_OF_BAR;
  scrollerOf(bar).scrollBy(0, by);
}
