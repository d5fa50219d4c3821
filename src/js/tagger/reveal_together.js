// @ts-check
// Author mode's scrolling: the draft under review (in its list) and its words (in the article)
// brought onto the screen together. Only the author tools import it, so a student's widget does not
// carry it.

import { CLEAR_OF_BAR, clearOfBar, reveal, scrollerOf } from "./dom.js";

/** Room (about two lines of the article) kept above a word brought to the top of its box. */
const CONTEXT_ABOVE = 48;

/**
 * Scroll `el` inside `box` alone, the page staying where it is: to the box's top (a little text
 * kept above it), its bottom, or the nearest edge.
 * @param {Element} box
 * @param {Element} el
 * @param {"start" | "end" | "nearest"} block
 */
function scrollWithin(box, el, block) {
  const inBox = el.getBoundingClientRect();
  const top = inBox.top - box.getBoundingClientRect().top - box.clientTop + box.scrollTop;
  const room = box.clientHeight;
  if (block === "start") box.scrollTop = top - CONTEXT_ABOVE;
  else if (block === "end") box.scrollTop = top + inBox.height - room + CLEAR_OF_BAR;
  else if (top < box.scrollTop) box.scrollTop = top;
  else if (top + inBox.height > box.scrollTop + room) box.scrollTop = top + inBox.height - room;
}

/**
 * Bring `word` (in the article) and `other` (a control beside or above the article, such as the
 * draft under review in its list) into view together: each inside its own scrolling box, then the
 * page as little as it takes, below a host's sticky header (`other`'s scroll-margin-top) and clear
 * of `bar`. Where `other` sits above the article, it goes to the foot of its box, the word to the
 * head of the article's and `other` to the top of the screen, so that both fit on a laptop's or a
 * phone's screen and the page stays put from one draft to the next. Where they do not fit,
 * `other`'s last part (a draft's buttons) is kept with the word, else the word alone.
 * @param {HTMLElement} word
 * @param {HTMLElement} other
 * @param {HTMLElement | null} bar the label bar that may stick over the article
 */
export function revealTogether(word, other, bar) {
  const page = document.scrollingElement || document.documentElement;
  const wordBox = scrollerOf(word);
  const otherBox = scrollerOf(other);
  const article = wordBox === page ? word : wordBox;
  const list = otherBox === page ? other : otherBox; // `other` may be out of its box's view yet
  const above = list.getBoundingClientRect().bottom <= article.getBoundingClientRect().top;
  if (otherBox !== page) scrollWithin(otherBox, other, above ? "end" : "nearest");
  if (wordBox !== page) scrollWithin(wordBox, word, above ? "start" : "nearest");
  const outer = wordBox === page ? page : scrollerOf(wordBox);
  const frame = outer === page ? { top: 0, bottom: innerHeight } : outer.getBoundingClientRect();
  const barStyle = bar ? getComputedStyle(bar) : null;
  const footBar = bar && barStyle?.position === "sticky" && barStyle.bottom !== "auto" ? bar.offsetHeight : 0;
  const top = frame.top + (Number.parseFloat(getComputedStyle(other).scrollMarginTop) || 0);
  const bottom = frame.bottom - footBar;
  const at = word.getBoundingClientRect();
  const words = { top: at.top - CLEAR_OF_BAR * 3, bottom: at.bottom + CLEAR_OF_BAR * 3 }; // a line of room round it
  const fit = [other, other.lastElementChild]
    .filter((x) => x !== null)
    .map((x) => {
      const r = /** @type {Element} */ (x).getBoundingClientRect();
      return { top: Math.min(r.top, words.top), bottom: Math.max(r.bottom, words.bottom) };
    })
    .find((span) => span.bottom - span.top <= bottom - top);
  if (!fit) return reveal(word, bar);
  // above the article: the draft to the top of the screen, so the most of the article shows below it
  const by = above || fit.top < top ? fit.top - top : fit.bottom > bottom ? fit.bottom - bottom : 0;
  if (by) outer.scrollBy(0, by);
  clearOfBar(word, bar);
}
