// @ts-check
// The heat map of one label: the article's lines in scope, each word shaded by how many students
// tagged it with the label, and the key's items of that label outlined (a shape, not a colour, so
// that the key shows in print and to everyone). As report_page.heat_html does for report.html.

import { h } from "../tagger/dom.js";
import { measuredTokens, wordCount, writtenWords } from "./heat_words.js";
import { COUNTS_WORDS, SHADES_WORDS, SHOW_COUNTS } from "./tables.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */

const COLOURS = /** @type {Record<string, number[]>} */ ({
  claim: [31, 119, 180],
  source: [44, 160, 44],
  loaded: [214, 39, 40],
  cue: [148, 103, 189],
});
const OTHER = [90, 90, 90];

/**
 * Background and text colour for a word `share` (0..1) of the class tagged: the label's colour mixed
 * into white, and black or white text, whichever reads better on it (report_page.shade).
 * @param {string} label
 * @param {number} share
 * @returns {[string, string]}
 */
export function shade(label, share) {
  const colour = COLOURS[label] || OTHER;
  const alpha = 0.12 + 0.78 * share;
  const mixed = colour.map((c) => Math.round(255 * (1 - alpha) + c * alpha));
  const linear = (/** @type {number} */ c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * linear(mixed[0]) + 0.7152 * linear(mixed[1]) + 0.0722 * linear(mixed[2]);
  const text = (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? "#000" : "#fff";
  return [`rgb(${mixed.join(",")})`, text];
}

/**
 * @param {Record<string, any>} summary
 * @param {Exercise} exercise the whole compiled exercise
 * @param {string} label
 */
export function heatMap(summary, exercise, label) {
  const spec = exercise.labels.find((l) => l.name === label);
  const title = spec?.title || label;
  const counts = summary.heat[label];
  const n = summary.students.length;
  const byId = new Map(exercise.key.map((k) => [k.id, k]));
  const inKey = new Set();
  const tokens = measuredTokens(exercise.article.tokens, summary.lines);
  for (const item of summary.items) {
    if (item.label !== label) continue;
    const key = byId.get(item.key_id);
    if (!key) continue;
    for (const t of tokens) if (t.end > key.start && t.start < key.end) inKey.add(t.i);
  }
  const article = h("div.mcr-heat-text");
  /** @type {HTMLElement | null} */
  let para = null;
  /** @type {HTMLElement | null} */
  let run = null;
  let paraIndex = -1;
  const shown = countPlaces(counts, tokens);
  for (const [k, tok] of tokens.entries()) {
    if (tok.para !== paraIndex || !para) {
      paraIndex = tok.para;
      para = h("p", {}, h("span.mcr-lineno", { "aria-hidden": "true", text: `L${tok.line}` }));
      article.append(para);
      run = null;
    }
    const keyed = inKey.has(tok.i);
    if (keyed && !run) {
      run = h("span.mcr-k");
      para.append(run);
    } else if (!keyed) run = null;
    const where = run || para;
    const count = counts[tok.i] || 0;
    const next = tokens[k + 1];
    if (count) {
      const [background, colour] = shade(label, n ? count / n : 0);
      where.append(
        h("span", {
          style: `background:${background};color:${colour}`,
          title: `${title}: ${count} of ${n} students`,
          text: tok.text,
        }),
      );
    } else where.append(tok.text);
    if (shown.has(k)) where.append(h("span.mcr-n", { text: `[${shown.get(k)}]` }));
    const ws = tok.ws.replace(/\n/g, " ");
    if (ws) (next && next.para === tok.para && inKey.has(next.i) && keyed ? where : para).append(ws);
    if (next && !inKey.has(next.i)) run = null;
  }
  const legend = h(
    "p.mcr-legend",
    {},
    `Darker: more students tagged the word as ${spec?.noun || label}. `,
    h("span.mcr-tick", COUNTS_WORDS), // not on paper, where there is no box to tick
    ` ${SHADES_WORDS} `,
    ...[0.1, 0.5, 1].map((s) => {
      const [background, colour] = shade(label, s);
      return h("span.mcr-swatch", {
        style: `background:${background};color:${colour}`,
        text: `${Math.round(s * 100)}%`,
      });
    }),
    " ",
    h("span.mcr-k", "outlined: in the key"),
  );
  const show = `mcr-show-n-${label}`;
  return h(
    "section.mcr-heat",
    { "aria-label": `${title}: what the class tagged` },
    h("h4", title),
    legend,
    h("input.mcr-show-n", { type: "checkbox", id: show }),
    h("label", { for: show, text: SHOW_COUNTS }),
    article,
  );
}

/**
 * Where the heat map shows a count when the teacher asks, and which (report_page.count_places): after each run of
 * words in one paragraph that the same number of students tagged, so that no count splits a word. A word and its
 * count are heat_words.js's (heat.csv's rows); a word of punctuation alone neither ends a run nor breaks one.
 * @param {number[]} counts
 * @param {{i: number, para: number, text: string, ws: string}[]} tokens the map's tokens, in order
 * @returns {Map<number, number>} the count shown after a position in `tokens`
 */
export function countPlaces(counts, tokens) {
  const places = new Map();
  /** @type {[number, number][]} the word's last position in `tokens`, its count */
  const words = [];
  for (const word of writtenWords(tokens)) {
    const count = wordCount(counts, tokens, word);
    if (count !== null) words.push([word[word.length - 1], count]);
  }
  for (const [n, [k, count]] of words.entries()) {
    const after = words[n + 1];
    if (count && !(after && tokens[after[0]].para === tokens[k].para && after[1] === count)) places.set(k, count);
  }
  return places;
}
