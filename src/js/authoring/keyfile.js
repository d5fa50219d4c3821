// @ts-check
// medialit author tools: the key items and distractors made in the Tagger's author mode, as
// exercise.yml text. The book-page host answers author mode's requests with it; in Jupyter the
// Python side (medialit.authoring.keyfile) writes the same text, and a test holds the two to it.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { quoteOf, tokenAt } from "../core/spans.js";
import { sortTags } from "../tagger/tags.js";
import { yamlText } from "./yaml_text.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Distractor} Distractor */

/**
 * 1-based occurrence of the text at code-point `start`, counting overlapping matches as Python does.
 * @param {string} text
 * @param {string[]} cps the text's code points
 * @param {string} quote
 * @param {number} start
 */
export function occurrenceOf(text, cps, quote, start) {
  const at = quoteOf(cps, 0, start).length; // code-unit index of the span
  let count = 0;
  let mine = 0;
  for (let i = text.indexOf(quote); i !== -1 && quote; i = text.indexOf(quote, i + 1)) {
    count++;
    if (i === at) mine = count;
  }
  return { occurrence: mine || 1, count };
}

/** @type {Record<string, string>} */
const ID_PREFIX = contract.id_prefixes;

// White space as the shared contract defines it (keyfile.py uses the same class), not trim()'s or \s's.
const SPACE_RUN = new RegExp(`${contract.white_space}+`, "u");
const SPACE_AT_ENDS = new RegExp(`^${contract.white_space}+|${contract.white_space}+$`, "gu");
const NOT_SLUG = new RegExp(`(?!${contract.white_space})[^a-z0-9-]`, "gu");

/** The text without white space at either end. @param {string} value */
const trim = (value) => value.replace(SPACE_AT_ENDS, "");

/** @param {string} quote */
function slug(quote) {
  const words = quote.toLowerCase().normalize("NFKD").replace(NOT_SLUG, "").split(SPACE_RUN).filter(Boolean);
  return words.slice(0, 3).join("-") || "item";
}

/**
 * `base`, or `base-2`, `base-3` … if taken; adds the result to `taken`.
 * @param {string} base
 * @param {Set<string>} taken
 */
function uniqueId(base, taken) {
  let unique = base;
  let k = 2;
  while (taken.has(unique)) unique = `${base}-${k++}`;
  taken.add(unique);
  return unique;
}

/**
 * A confidence as both languages write it: hundredths, no trailing zeros (0.75, 0.5, 1).
 * @param {number} value
 */
export function confidenceText(value) {
  const n = Math.min(100, Math.max(0, Math.floor(value * 100 + 0.5)));
  if (n === 100) return "1";
  if (n === 0) return "0";
  return `0.${String(n).padStart(2, "0")}`.replace(/0$/, "");
}

/**
 * The lists of values key item `id` gives its attributes (`{voice: ["reporter", "quoted"]}`): author
 * mode's editor offers such a list as one choice, "reporter or quoted", beside each of its values.
 * @param {Exercise} exercise
 * @param {string} id
 * @returns {Record<string, string[]>}
 */
export function keyLists(exercise, id) {
  const attrs = (exercise.key || []).find((k) => k.id === id)?.attrs || {};
  return Object.fromEntries(Object.entries(attrs).filter(([, value]) => Array.isArray(value)));
}

/**
 * The list of values a tag in author mode stands for in attribute `name`, or null for its one value.
 * The tag holds the list's first value and, in `listed`, the list while it is chosen; a tag saved
 * before tags kept `listed` stands for its key item's list while it holds the first value
 * (keyfile.listed_of).
 * @param {Tag} tag
 * @param {Exercise} exercise
 * @param {string} name
 * @returns {string[] | null}
 */
export function listedOf(tag, exercise, name) {
  const list = (tag.listed || keyLists(exercise, tag.id))[name];
  return Array.isArray(list) && list.length > 1 && list[0] === tag.attrs?.[name] ? list : null;
}

/**
 * The change to a tag when its editor chooses `choice` for attribute `name`: one value, or the key
 * item's whole list (`choices` given, its first value in `attrs`).
 * @param {Tag} tag
 * @param {Exercise} exercise
 * @param {string} name
 * @param {string} choice
 * @param {string[] | null} [choices] the list, when the choice is the list
 * @returns {Partial<Tag>}
 */
export function chooseListed(tag, exercise, name, choice, choices = null) {
  const { [name]: _, ...others } = tag.listed || keyLists(exercise, tag.id);
  return { attrs: { ...tag.attrs, [name]: choice }, listed: choices ? { ...others, [name]: choices } : others };
}

/**
 * Author mode shows one value of an attribute whose key item lists several (`voice: [reporter,
 * quoted]`): a tag that stands for the list (`listedOf`) keeps the whole list, so that saving never
 * narrows an item nobody changed; one narrowed to a value, even the first, keeps that value
 * (keyfile.keep_listed_values).
 * @param {Tag[]} tags
 * @param {Exercise} exercise
 * @returns {Tag[]}
 */
export function keepListedValues(tags, exercise) {
  return tags.map((tag) => {
    if (!tag.attrs) return tag;
    const attrs = Object.fromEntries(
      Object.entries(tag.attrs).map(([name, value]) => [name, listedOf(tag, exercise, name) || value]),
    );
    return { ...tag, attrs };
  });
}

/**
 * The `key:` block (and the `distractors:` block, when `distractors` is given) as lines. Widget ids
 * (t1, t2 …; d1, d2 … for distractors) become readable ones (ld-despot-l10, dis-said-l4); items
 * whose id is in `included` live in an `include:` file and are left out, their ids kept free.
 * @param {Exercise} exercise
 * @param {Tag[]} allTags the tags as author mode holds them
 * @param {string[]} cps the article's code points
 * @param {Distractor[] | null} [distractors]
 * @param {string[]} [included]
 */
export function keyBlock(exercise, allTags, cps, distractors = null, included = []) {
  const tags = keepListedValues(allTags, exercise);
  const text = exercise.article.text;
  const tokens = exercise.article.tokens;
  const lineOf = (/** @type {number} */ start) => tokens[tokenAt(tokens, start)].line;
  const readable = (/** @type {string} */ label, /** @type {string} */ quote, /** @type {number} */ start) =>
    `${ID_PREFIX[label] || label.slice(0, 3)}-${slug(quote)}-l${lineOf(start)}`;
  const skip = new Set(included);
  const ids = new Map();
  const taken = new Set(included);
  const sorted = sortTags(tags).filter((t) => !skip.has(t.id));
  for (const t of sorted) ids.set(t.id, uniqueId(/^t\d+$/.test(t.id) ? readable(t.label, t.quote, t.start) : t.id, taken));
  /** Texts as a YAML flow list, each quoted only where a list needs it. @param {string[]} items */
  const list = (items) => `[${items.map((item) => yamlText(item, true)).join(", ")}]`;
  const lines = ["key:"];
  for (const t of sorted) {
    lines.push(`  - id: ${yamlText(ids.get(t.id))}`, `    label: ${yamlText(t.label)}`, `    quote: ${yamlText(t.quote)}`);
    const { occurrence, count } = occurrenceOf(text, cps, t.quote, t.start);
    if (count > 1) lines.push(`    occurrence: ${occurrence}`);
    const attrs = Object.entries(t.attrs || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined);
    const pair = (/** @type {[string, unknown]} */ [k, v]) =>
      `${yamlText(k, true)}: ${Array.isArray(v) ? list(v) : yamlText(v, true)}`;
    if (attrs.length) lines.push(`    attrs: {${attrs.map(pair).join(", ")}}`); // one line, as `medialit new` writes them
    if (trim(t.entity || "")) lines.push(`    entity: ${yamlText(trim(t.entity || ""))}`);
    if (t.label === "claim") lines.push(`    source_ids: ${list((t.source_ids || []).map((s) => ids.get(s) || s))}`);
    lines.push(`    why: ${yamlText(t.why || "")}`);
    const hints = (t.hints || []).filter((x) => x && trim(x)); // one a line, as people write sentences
    lines.push(...(hints.length ? ["    hints:", ...hints.map((h) => `      - ${yamlText(h)}`)] : ["    hints: []"]));
    const accept = (t.accept || []).map((a) => {
      const found = occurrenceOf(text, cps, a.quote, a.start);
      return found.count > 1 ? `{quote: ${yamlText(a.quote, true)}, occurrence: ${found.occurrence}}` : yamlText(a.quote, true);
    });
    if (accept.length) lines.push(`    accept: [${accept.join(", ")}]`);
    if (t.optional) lines.push("    optional: true");
    if (t.draft) {
      lines.push("    draft: true");
      if (trim(t.reason || "")) lines.push(`    reason: ${yamlText(trim(t.reason || ""))}`);
      if (typeof t.confidence === "number") lines.push(`    confidence: ${confidenceText(t.confidence)}`);
    }
  }
  if (distractors) {
    const kept = sortTags(distractors).filter((d) => !skip.has(d.id));
    lines.push(kept.length ? "distractors:" : "distractors: []");
    for (const d of kept) {
      const id = /^d\d+$/.test(d.id) ? readable("distractor", d.quote, d.start) : d.id;
      lines.push(`  - id: ${yamlText(uniqueId(id, taken))}`, `    quote: ${yamlText(d.quote)}`);
      const { occurrence, count } = occurrenceOf(text, cps, d.quote, d.start);
      if (count > 1) lines.push(`    occurrence: ${occurrence}`);
      lines.push(`    labels: ${list(d.labels || [])}`, `    why: ${yamlText(d.why || "")}`);
      if (d.draft) lines.push("    draft: true");
    }
  }
  return lines;
}

/**
 * Key items (and distractors) as exercise.yml text to paste under the file's other parts.
 * @param {Exercise} exercise
 * @param {Tag[]} tags
 * @param {string[]} cps the article's code points
 * @param {Distractor[] | null} [distractors]
 * @param {string[]} [included]
 */
export function keyYaml(exercise, tags, cps, distractors = null, included = []) {
  return `${[
    `# Key items made in the medialit Tagger (author mode) for exercise ${exercise.id}.`,
    "# Paste them under `key:` in exercise.yml, then run `medialit validate`.",
    ...keyBlock(exercise, tags, cps, distractors, included),
  ].join("\n")}\n`;
}

const TOP_LEVEL = /^[^\s#-]/;

/**
 * The whole exercise file: `source` (the exercise.yml text) with its `key:` and `distractors:`
 * replaced by these tags and distractors, everything else (comments, order, the task) as it was.
 * Draft flags, reasons and confidences stay, so unreviewed items still show as drafts.
 * @param {string} source
 * @param {Exercise} exercise
 * @param {Tag[]} tags
 * @param {string[]} cps
 * @param {Distractor[]} distractors
 * @param {string[]} [included]
 */
export function exerciseYaml(source, exercise, tags, cps, distractors, included = []) {
  const lines = source.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  /** @type {string[]} */
  const out = [];
  let at = -1;
  for (let n = 0; n < lines.length; ) {
    if (!/^(key|distractors)\s*:/.test(lines[n])) {
      out.push(lines[n++]);
      continue;
    }
    if (at < 0) at = out.length;
    let end = n + 1;
    while (end < lines.length && !TOP_LEVEL.test(lines[end])) end++;
    let back = end; // comments and blank lines at the margin before the next part belong to it
    while (back > n + 1 && (lines[back - 1] === "" || lines[back - 1].startsWith("#"))) back--;
    n = back;
    while (n < end) out.push(lines[n++]);
  }
  const block = keyBlock(exercise, tags, cps, distractors, included);
  if (at < 0) out.push(...block);
  else out.splice(at, 0, ...block);
  return `${out.join("\n")}\n`;
}
