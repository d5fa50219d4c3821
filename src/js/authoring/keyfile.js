// medialit author tools: the key items made in the Tagger's author mode, as exercise.yml text.
// The book-page host answers author mode's request with it; in Jupyter the Python side
// (medialit.authoring.keyfile) writes the same text, and a test holds the two to it.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { quoteOf, tokenAt } from "../core/spans.js";
import { sortTags } from "../tagger/tags.js";

/** YAML double-quoted scalar. JSON strings are valid YAML 1.2 double-quoted scalars. */
export function yamlString(s) {
  return JSON.stringify(String(s));
}

/** 1-based occurrence of the text at code-point `start`, counting overlapping matches as Python does. */
export function occurrenceOf(text, cps, quote, start) {
  const at = quoteOf(cps, 0, start).length; // code-unit index of the span
  let count = 0, mine = 0;
  for (let i = text.indexOf(quote); i !== -1 && quote; i = text.indexOf(quote, i + 1)) {
    count++;
    if (i === at) mine = count;
  }
  return { occurrence: mine || 1, count };
}

/** @type {Record<string, string>} */
const ID_PREFIX = contract.id_prefixes;

function slug(quote) {
  const words = quote.toLowerCase().normalize("NFKD").replace(/[^a-z0-9\s-]/g, "").split(/\s+/).filter(Boolean);
  return words.slice(0, 3).join("-") || "item";
}

/**
 * Key items as exercise.yml text (author mode). Quote + occurrence so the loader resolves them;
 * an `accept` variant that repeats in the article gets its occurrence too.
 */
export function keyYaml(exercise, tags, cps) {
  const text = exercise.article.text;
  const tokens = exercise.article.tokens;
  const ids = new Map();
  const taken = new Set();
  const sorted = sortTags(tags);
  for (const t of sorted) {
    const id = /^t\d+$/.test(t.id) ? `${ID_PREFIX[t.label] || t.label.slice(0, 3)}-${slug(t.quote)}-l${tokens[tokenAt(tokens, t.start)].line}` : t.id;
    let unique = id, k = 2;
    while (taken.has(unique)) unique = `${id}-${k++}`;
    taken.add(unique);
    ids.set(t.id, unique);
  }
  const list = (items) => `[${items.join(", ")}]`;
  const lines = [`# Key items made in the medialit Tagger (author mode) for exercise ${exercise.id}.`,
    "# Paste them under `key:` in exercise.yml, then run `medialit validate`.", "key:"];
  for (const t of sorted) {
    lines.push(`  - id: ${yamlString(ids.get(t.id))}`, `    label: ${yamlString(t.label)}`, `    quote: ${yamlString(t.quote)}`);
    const { occurrence, count } = occurrenceOf(text, cps, t.quote, t.start);
    if (count > 1) lines.push(`    occurrence: ${occurrence}`);
    const attrs = Object.entries(t.attrs || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined);
    if (attrs.length) lines.push("    attrs:");
    for (const [k, v] of attrs) lines.push(`      ${yamlString(k)}: ${Array.isArray(v) ? list(v.map(yamlString)) : yamlString(v)}`);
    if (t.entity && t.entity.trim()) lines.push(`    entity: ${yamlString(t.entity.trim())}`);
    if (t.label === "claim") lines.push(`    source_ids: ${list((t.source_ids || []).map((s) => yamlString(ids.get(s) || s)))}`);
    lines.push(`    why: ${yamlString(t.why || "")}`, `    hints: ${list((t.hints || []).filter((x) => x && x.trim()).map(yamlString))}`);
    const accept = (t.accept || []).map((a) => {
      const found = occurrenceOf(text, cps, a.quote, a.start);
      return found.count > 1 ? `{quote: ${yamlString(a.quote)}, occurrence: ${found.occurrence}}` : yamlString(a.quote);
    });
    if (accept.length) lines.push(`    accept: ${list(accept)}`);
    if (t.optional) lines.push("    optional: true");
  }
  return `${lines.join("\n")}\n`;
}
