// @ts-check
// The attribute a key item of some labels must give (contract.json's `key_needs`: a claim's kind, a
// source's identity, a loaded item's technique): Check judges a student's choice of it only where the key
// gives one. `medialit validate` names every item without it (exercise_file.missing_attribute) and author
// mode marks it, by this same rule (tests/vectors/key-needs.json holds the two alike).

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { tokenAt } from "../core/spans.js";

/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("../core/types.js").Token} Token */

/** label: the attribute its key items must give */
const NEEDS = /** @type {Record<string, string>} */ (contract.key_needs.attrs);

/**
 * The attribute a key item must give and does not, or "": none missing, or its label (as the exercise
 * defines it) offers no list of values for it.
 * @param {{label: string, attrs?: Record<string, any>}} item
 * @param {Label | undefined} label
 * @returns {string}
 */
export function missingAttribute(item, label) {
  const name = NEEDS[item.label];
  return name && Array.isArray(label?.attrs?.[name]) && !item.attrs?.[name] ? name : "";
}

/**
 * The items of `tags` without the attribute they must give, each with its line, for the note a download
 * ends with (messages.js's needsMessages; widget.py's _needing is the kernel's).
 * @param {{label: string, quote: string, start: number, attrs?: Record<string, any>}[]} tags
 * @param {Label[]} labels the exercise's labels
 * @param {Token[]} tokens the article's
 */
export function keyNeeds(tags, labels, tokens) {
  const byName = new Map(labels.map((l) => [l.name, l]));
  return tags.flatMap((t) => {
    const name = missingAttribute(t, byName.get(t.label));
    return name ? [{ label: t.label, quote: t.quote, line: tokens[tokenAt(tokens, t.start)].line, name }] : [];
  });
}
