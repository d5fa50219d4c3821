// @ts-check
// The label bar: a button per label on show, which tags the selection with it, then the buttons that stand
// beside them (Clear selection, the way back). It sticks over the page while the article shows.

import { badge, button, h } from "./dom.js";
import { letterOf } from "./labels.js";

/** @typedef {import("../core/types.js").Label} Label */

/**
 * The label bar, with `more` after the labels.
 * @param {Label[]} labels
 * @param {Record<string, string>} prefixes each label's badge (badgePrefixes)
 * @param {Map<string, string>} keys key to label name (labelKeys)
 * @param {(words: string) => string} keyWords words that name keys, "" on a touch screen
 * @param {(name: string) => void} apply tag the selection
 * @param {HTMLElement[]} more
 */
export function createLabelBar(labels, prefixes, keys, keyWords, apply, more) {
  // a label's button is named by its title, the words it shows ("Claim", not "Claim 1", which is heard as a
  // count or as the tag C1); the keys that apply it, drawn as keys beside the title, are told as keys
  const keysOf = (/** @type {Label} */ l) => [...keys].filter(([, name]) => name === l.name).map(([key]) => key);
  const labelButtons = labels.map((l) =>
    button(
      "mt-labbtn",
      [
        badge(l.name, prefixes[l.name]),
        ` ${l.title} `,
        h("kbd", { "aria-hidden": "true", text: l.shortcut || letterOf(l).toUpperCase() }),
      ],
      () => apply(l.name),
      {
        "data-label": l.name,
        title: l.help || l.title,
        "aria-keyshortcuts": keyWords(keysOf(l).join(" ").toUpperCase()) || null,
      },
    ),
  );
  return h("div.mt-labels", { role: "group", "aria-label": "Labels" }, labelButtons, more);
}
