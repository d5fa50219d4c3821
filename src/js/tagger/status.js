// @ts-check
// What the Tagger tells the student: `say` in the status line, where the eyes are while tagging (a screen
// reader hears it), and `notify` in the notice, a warning or good news that stays until something works.

import { h } from "./dom.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */

/**
 * Take the aside out of the status line `live` (`say`'s second part, the way back), where the way it told of has gone.
 * @param {HTMLElement} live
 */
export const unsayAside = (live) => live.querySelector(".mt-aside")?.remove();

/**
 * Say things in the status line `live` and the `notice`; `placeOf(files)` is where a notice shows: under
 * Download and Load when it is about the hand-in file (`files`), else under the tools.
 * @param {HTMLElement} live
 * @param {HTMLElement} notice
 * @param {(files: boolean) => HTMLElement} placeOf
 * @returns {Pick<TaggerContext, "say" | "notify">}
 */
export function createStatus(live, notice, placeOf) {
  /** @type {TaggerContext["say"]} */
  const say = (message, aside = "") => {
    // the same words again go in as a new node, as a warning does: a status line whose text stays the
    // same is not read out, and "Nothing to undo." pressed again is news too. The aside is a span of its own:
    // a touch screen's bar does not show it (tagger.css), as it only says to use the button beside it
    if (message || live.textContent) live.replaceChildren(message, aside && h("span.mt-aside", aside));
  };
  /** @type {TaggerContext["notify"]} */
  const notify = (message, { show = false, info = false, files = false, lines = [], listName = "" } = {}) => {
    // Both show in the status line too, where the eyes are while tagging, and a screen reader hears
    // each once: good news from the status line (the notice is for the eyes only), a warning from the
    // notice, an alert (the status line's copy is for the eyes only).
    if (info) {
      notice.removeAttribute("role");
      notice.setAttribute("aria-hidden", "true");
    } else {
      notice.setAttribute("role", "alert");
      notice.removeAttribute("aria-hidden");
    }
    notice.classList.toggle("mt-notice-info", info);
    // the same notice again goes in as a new node: an alert or a status line whose text stays the
    // same is not read out
    if (message || notice.textContent) {
      // moved while empty, so an alert is heard once, with its new words
      const place = placeOf(files);
      if (message && notice.previousElementSibling !== place) {
        notice.replaceChildren();
        place.after(notice);
      }
      notice.replaceChildren(message);
      if (lines.length)
        notice.append(
          h(
            "ul",
            { "aria-label": listName || null },
            lines.map((line) => h("li", line)),
          ),
        );
      notice.hidden = !message;
      // the status line's copy, in a span of its own (tagger.css leaves a notice about the file to the notice
      // itself in a phone's bar), read out only as good news: a warning's alert is read instead
      if (message)
        live.replaceChildren(h("span", { "aria-hidden": info ? null : "true", text: [message, ...lines].join(" ") }));
    }
    if (message && show) notice.scrollIntoView?.({ block: "nearest" });
  };
  return { say, notify };
}
