// @ts-check
// medialit Check in the browser: src/medialit/core/check.py step for step, so a static book page (no
// kernel, no server) gives the same Report as the Python library. Data only: verdict codes, overlaps,
// findings with their arguments and scores; messages.js turns them into sentences.
// The shared vectors in tests/vectors/ hold both languages to the same Reports.
//
// Offsets are Unicode code points of the article text, as everywhere in medialit; JavaScript
// strings count UTF-16 units, so text is sliced as arrays of code points.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { readHandin, teacherProblemText } from "./handin.js";
import { firstMentionsAsked } from "./parts.js";
import { bisectLeft, bisectRight } from "./sorted.js";
import { selectionToSpan } from "./spans.js";
import { sumsUp } from "./voices.js";

/** @typedef {import("./types.js").Exercise} Exercise */
/** @typedef {import("./types.js").Article} Article */
/** @typedef {import("./types.js").Token} Token */
/** @typedef {import("./types.js").Label} Label */
/** @typedef {import("./types.js").KeyItem} KeyItem */
/** @typedef {import("./types.js").Tag} Tag */
/** @typedef {import("./types.js").Finding} Finding */
/** @typedef {import("./types.js").AttrResult} AttrResult */
/** @typedef {import("./types.js").AttributionResult} AttributionResult */
/** @typedef {import("./types.js").ItemResult} ItemResult */
/** @typedef {import("./types.js").TagResult} TagResult */
/** @typedef {import("./types.js").Score} Score */
/** @typedef {import("./types.js").Orphan} Orphan */
/** @typedef {import("./types.js").Message} Message */
/** @typedef {import("./types.js").Report} Report */
/** How a tag meets one key item: the overlap of the best of its spans, and that span. */
/** @typedef {{overlap: number, start: number, end: number}} Meeting */
/**
 * @typedef {{chars: string[], lineStarts: number[], tokens: Token[], tokenStarts: number[],
 *   sentenceStarts: number[], sentenceEnds: number[]}} ArticleView
 */
/**
 * The exercise as one check sees it: some labels, and the key items and traps in one part of the article.
 * @typedef {{id: string, lines: number[] | null, covers: (start: number, end: number) => boolean,
 *   tolerance: number, labels: Map<string, Label>, key: KeyItem[], distractors: KeyItem[], context: KeyItem[],
 *   voiceRuns: [number, number, string][], reportedRuns: number[][]}} Restricted
 */
/** @typedef {{labels?: string[], lines?: number[], difficulty?: string}} CheckOptions */

const FREE_TEXT = contract.free_text;
const SAME_WORDS = contract.check.same_words;
/** @type {Set<string>} */
const PLAIN_REPORTING_VERBS = new Set(contract.check.plain_reporting_verbs);

// --- the article, measured in code points ---------------------------------------------------

/** @type {WeakMap<Article, ArticleView>} */
const articleCache = new WeakMap();

/**
 * Code points, line starts, token edges and sentence edges of a compiled article, made once.
 * @param {Article} article
 * @returns {ArticleView}
 */
function articleView(article) {
  let view = articleCache.get(article);
  if (!view) {
    const chars = Array.from(article.text);
    const lineStarts = [0];
    chars.forEach((ch, i) => {
      if (ch === "\n") lineStarts.push(i + 1);
    });
    const tokens = article.tokens || [];
    const sentences = article.sentences || [];
    view = {
      chars,
      lineStarts,
      tokens,
      tokenStarts: tokens.map((t) => t.start),
      sentenceStarts: sentences.map((s) => s.start),
      sentenceEnds: sentences.map((s) => s.end),
    };
    articleCache.set(article, view);
  }
  return view;
}

/**
 * 1-based line of a code-point offset (Article.line_of).
 * @param {ArticleView} view
 * @param {number} offset
 */
function lineOf(view, offset) {
  return bisectRight(view.lineStarts, offset);
}

/**
 * How many sentences a span touches (Article.sentence_count).
 * @param {ArticleView} view
 * @param {number} start
 * @param {number} end
 */
function sentenceCount(view, start, end) {
  return Math.max(0, bisectLeft(view.sentenceStarts, end) - bisectRight(view.sentenceEnds, start));
}

/**
 * The words of the tokens wholly inside [start, end), trimmed as a tag is (a pair of quotation marks
 * kept), or "" when there is no word (Article.quote_of_tokens).
 * @param {ArticleView} view
 * @param {number} start
 * @param {number} end
 */
function quoteOfTokens(view, start, end) {
  const first = bisectLeft(view.tokenStarts, start);
  let last = bisectLeft(view.tokenStarts, end) - 1;
  while (last >= first && view.tokens[last].end > end) last--;
  const span = last >= first ? selectionToSpan(view.tokens, first, last, true) : null;
  return span ? view.chars.slice(span.start, span.end).join("") : "";
}

// --- one-to-one matching ---------------------------------------------------------------------

/**
 * Optimal assignment for a rectangular matrix (a list of rows), as scipy's linear_sum_assignment.
 *
 * A step-for-step port of scipy's shortest augmenting path solver (Crouse 2016, scipy
 * rectangular_lsap.cpp), so that even among equally good assignments it picks the one
 * the Python checker picks. Returns {rows, cols}: rows ascending, row i paired with cols[i].
 * @param {number[][]} matrix
 * @param {boolean} [maximize]
 * @returns {{rows: number[], cols: number[]}}
 */
export function linearSumAssignment(matrix, maximize = false) {
  let nr = matrix.length;
  let nc = nr ? matrix[0].length : 0;
  if (!nr || !nc) return { rows: [], cols: [] };
  const transpose = nc < nr;
  const cost = new Float64Array(nr * nc);
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const value = maximize ? -matrix[i][j] : matrix[i][j];
      if (Number.isNaN(value) || value === -Infinity) throw new RangeError("the cost matrix has NaN or -inf entries");
      cost[transpose ? j * nr + i : i * nc + j] = value;
    }
  }
  if (transpose) [nr, nc] = [nc, nr];

  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const SR = new Uint8Array(nr);
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);

  for (let curRow = 0; curRow < nr; curRow++) {
    // shortest augmenting path from curRow
    let minVal = 0;
    let left = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    SR.fill(0);
    SC.fill(0);
    shortest.fill(Infinity);
    let sink = -1;
    let i = curRow;
    while (sink === -1) {
      let index = -1;
      let lowest = Infinity;
      SR[i] = 1;
      for (let it = 0; it < left; it++) {
        const j = remaining[it];
        const r = minVal + cost[i * nc + j] - u[i] - v[j];
        if (r < shortest[j]) {
          path[j] = i;
          shortest[j] = r;
        }
        if (shortest[j] < lowest || (shortest[j] === lowest && row4col[j] === -1)) {
          lowest = shortest[j];
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) throw new RangeError("the cost matrix is infeasible");
      const j = remaining[index];
      if (row4col[j] === -1) sink = j;
      else i = row4col[j];
      SC[j] = 1;
      remaining[index] = remaining[--left];
    }

    // update the dual variables
    u[curRow] += minVal;
    for (let r = 0; r < nr; r++) {
      if (SR[r] && r !== curRow) u[r] += minVal - shortest[col4row[r]];
    }
    for (let c = 0; c < nc; c++) {
      if (SC[c]) v[c] -= minVal - shortest[c];
    }

    // augment the previous solution
    let j = sink;
    for (;;) {
      const r = path[j];
      row4col[j] = r;
      [col4row[r], j] = [j, col4row[r]];
      if (r === curRow) break;
    }
  }

  if (transpose) {
    const pairs = Array.from(col4row, (row, col) => [row, col]).sort((a, b) => a[0] - b[0]);
    return { rows: pairs.map((p) => p[0]), cols: pairs.map((p) => p[1]) };
  }
  return { rows: Array.from(col4row, (_, row) => row), cols: Array.from(col4row) };
}

/**
 * Shared code points over the code points of both spans together; 0 when they share none.
 * @param {number} aStart
 * @param {number} aEnd
 * @param {number} bStart
 * @param {number} bEnd
 */
export function jaccard(aStart, aEnd, bStart, bEnd) {
  const inter = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (inter <= 0) return 0;
  return inter / (Math.max(aEnd, bEnd) - Math.min(aStart, bStart));
}

/**
 * Every span (main and accepted) of the key as [start, end, item index], sorted, and their starts.
 * @param {KeyItem[]} key
 */
function spanTable(key) {
  /** @type {[number, number, number][]} */
  const spans = [];
  key.forEach((item, k) => {
    spans.push([item.start, item.end, k]);
    for (const alt of item.accept || []) spans.push([alt.start, alt.end, k]);
  });
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const longest = spans.reduce((most, s) => Math.max(most, s[1] - s[0]), 0);
  return { starts: spans.map((s) => s[0]), spans, longest };
}

/**
 * For each tag, the key items (by index) it shares a code point with: Map item -> {overlap, start, end}
 * of the first of its spans with the highest overlap (check.meetings).
 * @param {{start: number, end: number}[]} tags
 * @param {KeyItem[]} key
 * @returns {Map<number, Meeting>[]}
 */
export function meetings(tags, key) {
  const { starts, spans, longest } = spanTable(key);
  return tags.map((tag) => {
    /** @type {Map<number, Meeting>} */
    const met = new Map();
    const last = bisectLeft(starts, tag.end);
    for (let j = bisectLeft(starts, tag.start - longest); j < last; j++) {
      const [start, end, k] = spans[j];
      const overlap = jaccard(tag.start, tag.end, start, end);
      const before = met.get(k);
      if (overlap > 0 && (!before || overlap > before.overlap)) met.set(k, { overlap, start, end });
    }
    return met;
  });
}

/**
 * One-to-one matching of tags (`rows`) to items (`cols`) that maximises the summed overlap (check.assign).
 * @param {number[]} rows
 * @param {number[]} cols
 * @param {Map<number, Meeting>[]} met
 * @returns {Map<number, number>} tag index -> item index
 */
export function assign(rows, cols, met) {
  const wanted = new Set(cols);
  /** @type {[number, number][]} */
  const pairs = [];
  for (const t of rows) for (const k of met[t].keys()) if (wanted.has(k)) pairs.push([t, k]);
  const tagsUsed = new Set(pairs.map(([t]) => t));
  const itemsUsed = new Set(pairs.map(([, k]) => k));
  const found = new Map();
  if (tagsUsed.size === pairs.length && itemsUsed.size === pairs.length) {
    for (const [t, k] of pairs) found.set(t, k);
    return found;
  }
  const tagAt = rows.filter((t) => tagsUsed.has(t));
  const itemAt = cols.filter((k) => itemsUsed.has(k));
  const rowOf = new Map(tagAt.map((t, n) => [t, n]));
  const colOf = new Map(itemAt.map((k, n) => [k, n]));
  const weights = tagAt.map(() => itemAt.map(() => 0));
  for (const [t, k] of pairs)
    weights[/** @type {number} */ (rowOf.get(t))][/** @type {number} */ (colOf.get(k))] = /** @type {Meeting} */ (
      met[t].get(k)
    ).overlap;
  const { rows: chosen, cols: picked } = linearSumAssignment(weights, true);
  chosen.forEach((r, n) => {
    if (weights[r][picked[n]] > 0) found.set(tagAt[r], itemAt[picked[n]]);
  });
  return found;
}

// --- checking --------------------------------------------------------------------------------

/** @param {Exercise} exercise */
function labelMap(exercise) {
  return new Map(exercise.labels.map((spec) => [spec.name, spec]));
}

/**
 * The exercise with only some labels and, with `lines` (or a compiled part), only the key items
 * on those lines (Exercise.restricted), where a source first named before the part is asked for at its
 * first mention in the part that a claim there comes from (parts.js). `covers(start, end)` says if a
 * span is in the part.
 * @param {Exercise} exercise
 * @param {string[] | undefined} names
 * @param {number[] | undefined} lines
 * @param {ArticleView} view
 * @returns {Restricted}
 */
function restricted(exercise, names, lines, view) {
  const all = labelMap(exercise);
  const unknown = (names || []).filter((n) => !all.has(n));
  if (unknown.length) {
    throw new Error(
      `${exercise.id}: labels: the exercise has no label ${unknown.join(", ")}. ` +
        `Fix: use some of: ${[...all.keys()].join(", ")}.`,
    );
  }
  const keep = new Set(names?.length ? names : all.keys());
  const part = lines || exercise.article.part?.lines || null;
  const [from, to] = part
    ? [
        view.lineStarts[part[0] - 1],
        part[1] < view.lineStarts.length ? view.lineStarts[part[1]] - 1 : view.chars.length,
      ]
    : [0, view.chars.length];
  const covers = (/** @type {number} */ start, /** @type {number} */ end) => from <= start && end <= to;
  const kept = exercise.key.filter((k) => keep.has(k.label) && covers(k.start, k.end));
  return {
    id: exercise.id,
    lines: part,
    covers,
    tolerance: exercise.tolerance ?? 0.75,
    labels: new Map([...all].filter(([n]) => keep.has(n))),
    key: part ? firstMentionsAsked(exercise.key, kept, covers) : kept,
    distractors: (exercise.distractors || []).filter(
      (d) => (d.labels || []).some((n) => keep.has(n)) && covers(d.start, d.end),
    ),
    context: [...(exercise.context || []), ...exercise.key.filter((k) => !keep.has(k.label))].filter((k) =>
      covers(k.start, k.end),
    ),
    voiceRuns: exercise.voice_runs || [],
    reportedRuns: exercise.reported_runs || [],
  };
}

/**
 * The exercise as a check with these options sees it: its labels, and its key items and traps in
 * the part checked (Exercise.restricted); the class report counts over these.
 * @param {Exercise} exercise
 * @param {CheckOptions} [options]
 */
export function restrict(exercise, options = {}) {
  return restricted(exercise, options.labels, options.lines, articleView(exercise.article));
}

/**
 * The values in first-seen order, each once.
 * @param {string[]} values
 */
const unique = (values) => [...new Set(values)];

/**
 * In a part, a tag matched to another mention of the source asked for there (`mentions`, parts.js)
 * counts for it when no tag matched it: the first such tag, by the mention's place (check._other_mentions).
 * Changes `match` and `met`; returns tag -> the mention it was matched to.
 * @param {Map<number, number>} match tag -> item
 * @param {Map<number, Meeting>[]} met
 * @param {KeyItem[]} key
 * @returns {Map<number, number>}
 */
function otherMentions(match, met, key) {
  /** @type {Map<number, number>} */
  const moved = new Map();
  const at = new Map(key.map((k, n) => [k.id, n]));
  const tagOfItem = new Map([...match].map(([t, k]) => [k, t]));
  key.forEach((item, k) => {
    if (!item.mentions || tagOfItem.has(k)) return;
    const mention = item.mentions.map((id) => at.get(id)).find((m) => m !== undefined && tagOfItem.has(m));
    if (mention === undefined) return;
    const t = /** @type {number} */ (tagOfItem.get(mention));
    tagOfItem.delete(mention);
    tagOfItem.set(k, t);
    match.set(t, k);
    moved.set(t, mention);
    met[t].set(k, /** @type {Meeting} */ (met[t].get(mention)));
  });
  return moved;
}

/**
 * Required items nobody matched, paired with an unmatched tag of another label (check._wrong_label_pairs).
 * @param {Tag[]} tags
 * @param {Map<number, Meeting>[]} met
 * @param {Map<number, number>} match tag -> item
 * @param {Map<number, number>} tagOfItem item -> tag
 * @param {Restricted} ex
 * @returns {Map<number, number>} item -> tag
 */
function wrongLabelPairs(tags, met, match, tagOfItem, ex) {
  /** @type {Map<number, [number, number][]>} */
  const rivals = new Map();
  tags.forEach((tag, t) => {
    if (match.has(t)) return;
    for (const [k, meeting] of met[t]) {
      const item = ex.key[k];
      if (item.label !== tag.label && !item.optional && !tagOfItem.has(k) && meeting.overlap >= ex.tolerance) {
        const list = rivals.get(k) || [];
        list.push([t, meeting.overlap]);
        rivals.set(k, list);
      }
    }
  });
  /** @type {Map<number, number>} */
  const pairs = new Map();
  const taken = new Set();
  for (const [k, list] of [...rivals].sort((a, b) => a[0] - b[0])) {
    /** @type {number | null} */
    let best = null;
    let bestOverlap = -1;
    for (const [t, overlap] of list) {
      if (!taken.has(t) && overlap > bestOverlap) {
        best = t;
        bestOverlap = overlap;
      }
    }
    if (best !== null) {
      pairs.set(k, best);
      taken.add(best);
    }
  }
  return pairs;
}

/**
 * @param {Tag} tag
 * @param {KeyItem} item
 * @param {Restricted} ex
 * @param {boolean} challenge
 * @returns {Record<string, AttrResult>}
 */
function attrResults(tag, item, ex, challenge) {
  const attrsOfLabel = ex.labels.get(item.label)?.attrs || {};
  /** @type {Record<string, AttrResult>} */
  const out = {};
  for (const [name, value] of Object.entries(item.attrs || {})) {
    const expected = Array.isArray(value) ? [...value] : [value];
    let given = tag.attrs?.[name];
    given = given === undefined || given === null || given === "" ? null : given;
    let verdict;
    if (attrsOfLabel[name] === FREE_TEXT) verdict = "free";
    else if (given === null) {
      if (!challenge) continue;
      verdict = "unset";
    } else verdict = expected.includes(given) ? "right" : "wrong";
    out[name] = { expected, given, verdict };
  }
  return out;
}

/**
 * The claim's links to sources, compared by entity (check._attribution).
 * @param {Tag} tag
 * @param {KeyItem} item
 * @param {Map<string, KeyItem>} itemOfTagId
 * @param {Restricted} ex
 * @param {boolean} challenge
 * @returns {AttributionResult | null}
 */
function attribution(tag, item, itemOfTagId, ex, challenge) {
  if (item.label !== "claim" || item.source_ids === null || item.source_ids === undefined || !ex.labels.has("source")) {
    return null;
  }
  const byId = new Map(ex.key.map((k) => [k.id, k]));
  const found = item.source_ids.map((i) => byId.get(i));
  // a source outside the part cannot be tagged there: nothing to compare
  if (found.includes(undefined)) return null;
  const sources = /** @type {KeyItem[]} */ (found);
  const expected = unique(sources.map((s) => s.entity || s.id));
  const given = unique(
    tag.source_ids.map((ref) => {
      const s = itemOfTagId.get(ref);
      return s ? s.entity || s.id : `tag:${ref}`;
    }),
  );
  const shared = given.filter((g) => expected.includes(g));
  let verdict;
  if (!tag.source_ids.length && expected.length) {
    if (!challenge) return null;
    verdict = "unset";
  } else if (shared.length === given.length && given.length === expected.length) verdict = "right";
  else if (shared.length) verdict = "partial";
  else verdict = "wrong";
  return {
    expected,
    given,
    verdict,
    expected_quotes: sources.map((s) => s.quote),
    expected_lines: sources.map((s) => /** @type {number} */ (s.line)),
  };
}

/**
 * Which words a tag has beyond the key's span, or leaves out of it; measured against an accepted form,
 * the item's own quote comes too as `accepted_for` (check._edges).
 * @param {Tag} tag
 * @param {Meeting} span
 * @param {KeyItem} item
 * @param {ArticleView} view
 * @returns {Finding[]}
 */
function edges(tag, span, item, view) {
  /** @type {Record<string, string>} */
  const where = { key_quote: view.chars.slice(span.start, span.end).join("") };
  if (span.start !== item.start || span.end !== item.end) where.accepted_for = item.quote;
  /** @type {Finding[]} */
  const out = [];
  const extra = words(view, [tag.start, span.start], [span.end, tag.end]);
  if (extra.length) out.push({ code: "covers-more", args: { ...where, extra: extra.join(" … ") } });
  const missing = words(view, [span.start, tag.start], [tag.end, span.end]);
  if (missing.length) out.push({ code: "covers-less", args: { ...where, missing: missing.join(" … ") } });
  return out;
}

/**
 * Why a tag the key did not plan for is wrong: the first rule that fits, else the label's test; a tag on
 * part of an item of another label this page asks for (a claim on part of a source too) also hears how
 * its edges differ (check._reason).
 * @param {Tag} tag
 * @param {Map<number, Meeting>} met
 * @param {number} t
 * @param {Map<number, number>} tagOfItem
 * @param {Restricted} ex
 * @param {ArticleView} view
 * @returns {Finding[]}
 */
function reason(tag, met, t, tagOfItem, ex, view) {
  if (plainReportingVerb(tag)) return [{ code: "reporting-verb", args: {} }];
  // the key's items of other labels it meets: those on this page, then those of labels it leaves out
  /** @type {[KeyItem, number, Meeting | null][]} */
  const others = [...met].filter(([k]) => ex.key[k].label !== tag.label).map(([k, m]) => [ex.key[k], m.overlap, m]);
  for (const item of ex.context) {
    const overlap = Math.max(...spansOf(item).map((s) => jaccard(tag.start, tag.end, s.start, s.end)));
    if (overlap > 0) others.push([item, overlap, null]);
  }
  /** @type {[KeyItem, number, Meeting | null] | null} */
  let best = null;
  // a tag inside a claim says nothing of its own label (a claim is a whole statement: "Putin" in one
  // is no claim), so only an item of another kind holds it
  for (const found of others) {
    const [item, overlap] = found;
    const inside = item.label !== "claim" && item.start <= tag.start && tag.end <= item.end;
    const sameWords = overlap >= SAME_WORDS || inside;
    if (sameWords && (best === null || overlap > best[1])) best = found;
  }
  if (best !== null) {
    const [item, , span] = best;
    // a label the page does not ask for cannot be chosen here: the tag comes off, not relabelled
    const asked = ex.labels.has(item.label) && span !== null;
    if (tag.label === "claim" && item.label === "source") {
      // `asked`: whether the student can make it that source here (its chip then says another label)
      const speaker = { code: "is-speaker", args: { key_quote: item.quote, asked } };
      return asked ? [speaker, ...edges(tag, span, item, view)] : [speaker];
    }
    const args = { key_label: item.label, key_quote: item.quote };
    if (!asked) return [{ code: "label-not-asked", args }];
    return [{ code: "other-label", args }, ...edges(tag, span, item, view)];
  }
  for (const k of met.keys()) {
    if (ex.key[k].label === tag.label && tagOfItem.has(k) && tagOfItem.get(k) !== t) {
      return [{ code: "item-taken", args: { key_quote: ex.key[k].quote } }];
    }
  }
  return [{ code: "label-test", args: {} }];
}

/**
 * An item's main span and every accepted alternative.
 * @param {KeyItem} item
 */
const spansOf = (item) => [{ start: item.start, end: item.end }, ...(item.accept || [])];

/**
 * A voice chosen against the quotation marks, on a tag the key has no item for (check._voice).
 * @param {Tag} tag
 * @param {Restricted} ex
 * @returns {Finding[]}
 */
function voiceFindings(tag, ex) {
  const voice = tag.attrs?.voice;
  const runs = ex.voiceRuns;
  if (voice === "reporter" && runs.some(([s, e, owner]) => owner === "speaker" && s <= tag.start && tag.end <= e)) {
    return [{ code: "speakers-words", args: {} }];
  }
  if (voice === "quoted" && !runs.some(([s, e]) => s < tag.end && tag.start < e)) {
    return [{ code: "reporters-words", args: { reported: sumsUp(ex.reportedRuns, tag.start, tag.end) } }];
  }
  return [];
}

/**
 * What to tell the student about one tag beyond its verdict, in a fixed order (check._findings).
 * @param {Tag} tag
 * @param {string} verdict
 * @param {Map<number, Meeting>} met
 * @param {number | null} k the item the tag matched, if any
 * @param {number} t
 * @param {Map<number, number>} tagOfItem
 * @param {Restricted} ex
 * @param {ArticleView} view
 * @returns {Finding[]}
 */
function findings(tag, verdict, met, k, t, tagOfItem, ex, view) {
  /** @type {Finding[]} */
  const out = [];
  const sentences = sentenceCount(view, tag.start, tag.end);
  if (sentences > 1) out.push({ code: "spans-sentences", args: { sentences } });
  let covered = 0;
  for (const j of met.keys()) if (ex.key[j].label === tag.label && !ex.key[j].optional) covered++;
  if (covered > 1) out.push({ code: "covers-items", args: { count: covered } });
  const matched = k === null ? undefined : met.get(k);
  if ((verdict === "close" || verdict === "defensible") && k !== null && matched)
    out.push(...edges(tag, matched, ex.key[k], view));
  // too little of an optional item (or too much beside it) to count as found, were it required
  if (verdict === "defensible" && matched && matched.overlap < ex.tolerance)
    out.push({ code: "optional-close", args: {} });
  if (verdict === "matched" && k !== null) out.push(...longer(tag, ex.key[k], view));
  if (verdict === "close" && plainReportingVerb(tag)) out.push({ code: "reporting-verb", args: {} });
  if (verdict === "wrong-label" && k !== null && tag.label === "claim" && ex.key[k].label === "source")
    out.push({ code: "is-speaker", args: { key_quote: ex.key[k].quote } });
  if (verdict === "extra") out.push(...reason(tag, met, t, tagOfItem, ex, view));
  if (verdict === "extra" || verdict === "distractor") out.push(...voiceFindings(tag, ex));
  return out;
}

/**
 * A tag on nothing but "said" (or another plain reporting verb), other than a cue (check._plain_reporting_verb).
 * @param {Tag} tag
 */
function plainReportingVerb(tag) {
  return PLAIN_REPORTING_VERBS.has(tag.quote.toLowerCase()) && tag.label !== "cue";
}

/**
 * The words of each stretch that has any (check._words): a lone full stop or quotation mark is no word.
 * @param {ArticleView} view
 * @param {...[number, number]} stretches
 */
const words = (view, ...stretches) => stretches.map(([s, e]) => quoteOfTokens(view, s, e)).filter(Boolean);

/**
 * The words a tag matched through an accepted longer span covers beyond the key's own quote
 * (check._longer).
 * @param {Tag} tag
 * @param {KeyItem} item
 * @param {ArticleView} view
 * @returns {Finding[]}
 */
function longer(tag, item, view) {
  const extra = words(view, [tag.start, item.start], [item.end, tag.end]);
  return extra.length ? [{ code: "covers-more", args: { key_quote: item.quote, extra: extra.join(" … ") } }] : [];
}

/**
 * Running counts for one label's score (check._Tally).
 * @returns {Score}
 */
function tally() {
  return {
    precision: 0,
    recall: 0,
    f1: 0,
    credit: 0,
    tags: 0,
    required: 0,
    found: 0,
    tagged: 0,
    tagged_in_key: 0,
    attrs_right: 0,
    attrs_asked: 0,
  };
}

/**
 * The tally's precision, recall and F1 (check._Tally.score).
 * @param {Score} c
 * @returns {Score}
 */
function score(c) {
  let precision;
  let recall;
  let f1;
  if (c.tags === 0 && c.required === 0) {
    precision = recall = f1 = 1;
  } else {
    precision = c.tags ? Math.min(c.credit / c.tags, 1) : 0;
    recall = c.required ? Math.min(c.credit / c.required, 1) : 0;
    f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return {
    precision,
    recall,
    f1,
    credit: c.credit,
    tags: c.tags,
    required: c.required,
    found: c.found,
    tagged: c.tagged,
    tagged_in_key: c.tagged_in_key,
    attrs_right: c.attrs_right,
    attrs_asked: c.attrs_asked,
  };
}

/**
 * Per label and for all labels together (check._scores).
 * @param {Restricted} ex
 * @param {ItemResult[]} itemsOut
 * @param {TagResult[]} tagsOut
 * @returns {Record<string, Score>}
 */
function scores(ex, itemsOut, tagsOut) {
  const tallies = new Map([...ex.labels.keys(), "all"].map((label) => [label, tally()]));
  const both = (/** @type {string} */ label) => [
    /** @type {Score} */ (tallies.get(label)),
    /** @type {Score} */ (tallies.get("all")),
  ];
  for (const tag of tagsOut) {
    for (const c of both(tag.label)) {
      c.tagged += 1;
      c.tagged_in_key += Number(["matched", "close", "defensible"].includes(tag.verdict));
      c.tags += Number(tag.verdict !== "defensible");
    }
  }
  for (const item of itemsOut) {
    for (const c of both(item.label)) {
      if (!item.optional) {
        c.required += 1;
        c.found += Number(item.verdict === "hit" || item.verdict === "boundary");
        c.credit += item.verdict === "hit" ? 1 : item.verdict === "boundary" ? item.overlap : 0;
      }
      for (const attr of Object.values(item.attrs)) {
        if (attr.verdict !== "free") {
          c.attrs_asked += 1;
          c.attrs_right += Number(attr.verdict === "right");
        }
      }
    }
  }
  return Object.fromEntries([...tallies].map(([label, c]) => [label, score(c)]));
}

/**
 * A key item's `why_message` for a result of its own (check._copied).
 * @param {Message | null | undefined} message
 * @returns {Message | null}
 */
const copied = (message) => (message ? { code: message.code, args: { ...message.args } } : null);

/**
 * Compare a read hand-in with the exercise's key; the Report (`medialit.report/2`) check.py gives.
 * `exercise` is the compiled exercise JSON; `handin` has `tags` (already read: see handin.js) and
 * `orphans` ({place, problem, fix} of tags left out); `options.labels`, `options.lines` and
 * `options.difficulty` restrict the check as in Python.
 * @param {Exercise} exercise
 * @param {{tags: Tag[], orphans?: Orphan[]}} handin
 * @param {CheckOptions} [options]
 * @returns {Report}
 */
export function checkTags(exercise, handin, options = {}) {
  const view = articleView(exercise.article);
  const ex = restricted(exercise, options.labels, options.lines, view);
  const difficulty = options.difficulty || exercise.difficulty;
  const challenge = difficulty === "challenge";
  const tags = handin.tags.filter((t) => ex.labels.has(t.label) && ex.covers(t.start, t.end));
  const met = meetings(tags, ex.key);
  const key = ex.key;

  /** @type {Map<number, number>} tag index -> item index, one to one within each label */
  const match = new Map();
  for (const label of ex.labels.keys()) {
    /** @type {number[]} */
    const rows = [];
    tags.forEach((tag, t) => {
      if (tag.label === label) rows.push(t);
    });
    /** @type {number[]} */
    const cols = [];
    key.forEach((item, k) => {
      if (item.label === label) cols.push(k);
    });
    for (const [t, k] of assign(rows, cols, met)) match.set(t, k);
  }
  const moved = otherMentions(match, met, key);
  const tagOfItem = new Map([...match].map(([t, k]) => [k, t]));
  const itemOfTagId = new Map([...match].map(([t, k]) => [tags[t].id, key[k]]));
  const wrongLabel = wrongLabelPairs(tags, met, match, tagOfItem, ex);
  const itemOfWrongTag = new Map([...wrongLabel].map(([k, t]) => [t, k]));
  const counted = new Set(moved.values());

  /** @type {string[]} */
  const itemVerdicts = [];
  /** @type {ItemResult[]} */
  const itemsOut = key.map((item, k) => {
    const t = tagOfItem.get(k) ?? wrongLabel.get(k) ?? null;
    const tag = t === null ? null : tags[t];
    const meeting = t === null ? undefined : met[t].get(k);
    const matched = tagOfItem.has(k);
    // a mention whose tag counts for the mention the part asks for is tagged: never listed as missed
    let verdict = counted.has(k) ? "counted-elsewhere" : "missed";
    if (tag)
      verdict = matched
        ? /** @type {Meeting} */ (meeting).overlap >= ex.tolerance
          ? "hit"
          : "boundary"
        : "wrong-label";
    itemVerdicts.push(verdict);
    return {
      key_id: item.id,
      label: item.label,
      line: item.line,
      start: item.start,
      end: item.end,
      quote: item.quote,
      optional: Boolean(item.optional),
      verdict,
      tag_id: tag ? tag.id : null,
      tag_label: tag ? tag.label : null,
      tag_quote: tag ? tag.quote : null,
      overlap: meeting ? meeting.overlap : 0,
      attrs: tag && matched ? attrResults(tag, item, ex, challenge) : {},
      attribution: tag && matched ? attribution(tag, item, itemOfTagId, ex, challenge) : null,
      why: item.why,
      hints: [...(item.hints || [])],
      why_message: copied(item.why_message),
      reported: sumsUp(ex.reportedRuns, item.start, item.end),
    };
  });

  /**
   * The reason shown with a tag: its item's; one that counts at another mention of the source a part asks
   * for (`mention`) shows the key's reason for the mention it is on, or says why it counts (check.py's
   * _reason_shown).
   * @param {number | undefined} mention
   * @param {KeyItem | null} linked
   * @param {number | null} k
   * @returns {[string | undefined, Message | null]}
   */
  const reasonShown = (mention, linked, k) => {
    if (mention === undefined) return [linked ? linked.why : "", k !== null ? copied(key[k].why_message) : null];
    const on = key[mention];
    const asked = /** @type {KeyItem} */ (linked);
    if (on.why) return [on.why, null];
    const args = { quote: on.quote, line: on.line, key_quote: asked.quote, key_line: asked.line };
    return ["", { code: "same-source-why", args }];
  };

  /** @type {TagResult[]} */
  const tagsOut = tags.map((tag, t) => {
    const k = match.get(t) ?? itemOfWrongTag.get(t) ?? null;
    /** @type {KeyItem | null} */
    let trap = null;
    let verdict;
    if (k !== null && match.has(t))
      verdict = key[k].optional ? "defensible" : itemVerdicts[k] === "hit" ? "matched" : "close";
    else if (k !== null) verdict = "wrong-label";
    else {
      trap =
        ex.distractors.find((d) => (d.labels || []).includes(tag.label) && tag.start < d.end && d.start < tag.end) ||
        null;
      verdict = trap ? "distractor" : "extra";
    }
    const linked = k !== null ? key[k] : trap;
    const [why, whyMessage] = reasonShown(moved.get(t), linked, k);
    return {
      tag_id: tag.id,
      label: tag.label,
      line: lineOf(view, tag.start),
      start: tag.start,
      end: tag.end,
      quote: tag.quote,
      verdict,
      key_id: linked ? linked.id : null,
      key_label: k !== null ? key[k].label : null,
      key_quote: linked ? linked.quote : null,
      key_line: linked ? linked.line : null,
      overlap: k !== null ? /** @type {Meeting} */ (met[t].get(k)).overlap : 0,
      why,
      why_message: whyMessage,
      // a tag counted as another mention of its item's source says so, and its edges are that mention's
      findings: [
        ...(moved.has(t) ? [{ code: "same-source", args: {} }] : []),
        ...findings(tag, verdict, met[t], moved.get(t) ?? k, t, tagOfItem, ex, view),
      ],
    };
  });

  return {
    format: contract.formats.report,
    exercise: ex.id,
    article_sha256: exercise.article.sha256,
    difficulty,
    labels: [...ex.labels.keys()],
    lines: ex.lines ? [...ex.lines] : null,
    items: itemsOut,
    tags: tagsOut,
    scores: scores(ex, itemsOut, tagsOut),
    orphans: [...(handin.orphans || [])],
  };
}

/** Raised by check() for a hand-in that belongs to another exercise or article, or is no hand-in. */
export class HandInRefused extends Error {
  /** @param {import("./handin.js").Problem} problem */
  constructor(problem) {
    super(teacherProblemText(problem));
    this.problem = problem;
  }
}

/**
 * Read a hand-in (decoded JSON) and check it: the Report Python's load + check give. Tags that do
 * not fit are left out and listed in `orphans`; a hand-in for something else is refused whole.
 * @param {Exercise} exercise
 * @param {any} handin
 * @param {CheckOptions} [options]
 * @returns {Report}
 */
export function check(exercise, handin, options = {}) {
  const read = readHandin(handin, exercise, articleView(exercise.article).chars);
  if (!read.ok) throw new HandInRefused(read.refusal);
  return checkTags(exercise, { tags: read.tags, orphans: read.orphans }, options);
}
