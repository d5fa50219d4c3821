// @ts-check
// What each label looks like on the page and which keys apply it.

/** @typedef {import("../core/types.js").Label} Label */

/**
 * The label's key letter (c, s, l, u).
 * @param {Label} label
 */
export const letterOf = (label) => (label.letter || label.name[0]).toLowerCase();

/**
 * Badge prefixes per label: the label's key letter (C, S, L, U), so a badge names the key that
 * makes it; two letters of the name where letters clash.
 * @param {Label[]} labels
 * @returns {Record<string, string>}
 */
export function badgePrefixes(labels) {
  const clash = new Set(labels.map(letterOf)).size < labels.length;
  return Object.fromEntries(labels.map((l) => [l.name, (clash ? l.name.slice(0, 2) : letterOf(l)).toUpperCase()]));
}

/**
 * Keys that apply each label: its number shortcut and its letter.
 * @param {Label[]} labels
 * @returns {Map<string, string>} key to label name
 */
export function labelKeys(labels) {
  const map = new Map();
  for (const l of labels) {
    if (l.shortcut) map.set(String(l.shortcut).toLowerCase(), l.name);
    if (!map.has(letterOf(l))) map.set(letterOf(l), l.name);
  }
  return map;
}

/** Keys that tag with a label on some page of the book: the number keys and the letters of its labels. */
const LABEL_KEY = /^[1-9cslu]$/;

/**
 * True for a key that tags with a label elsewhere but with none on this page (it must say so).
 * @param {string} key
 * @param {Map<string, string>} keys this page's label keys
 */
export const isUnusedLabelKey = (key, keys) => LABEL_KEY.test(key) && !keys.has(key);

/**
 * The page's labels in words for a title: "the claims and sources".
 * @param {Label[]} labels
 */
export function labelNouns(labels) {
  const nouns = labels.map((l) => l.plural || `${(l.noun || l.title).toLowerCase()}s`);
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(", ")} and ${nouns[nouns.length - 1]}` : nouns[0] || "";
}
