// @ts-check
// A class's checked hand-ins boiled down to what a teacher reads: the class summary, `medialit.class/1`.
// src/medialit/classroom/tally.py step for step, so the class-report page gives the same numbers as
// `medialit report` (a test runs both on the sample class and compares the summaries). Every number
// in a summary is a whole count; a share is made only where it is shown.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { byCodePoint, visible } from "../core/handin.js";
import { renderer, whyMessage } from "../core/messages.js";
import { bisectLeft, bisectRight } from "../core/sorted.js";

/** @typedef {import("../core/types.js").ItemResult} ItemResult */
/** @typedef {import("../core/types.js").TagResult} TagResult */
/** @typedef {import("../core/types.js").Score} Score */
/**
 * What the class report keeps of one student's check (tally.outcome).
 * @typedef {{tags: number, on_key: number, found: Record<string, number>, asked: Record<string, number>,
 *   items: [string, string][], codes: [string, string][], spans: [string, [number, number, string]][],
 *   heat: [string, number, number][], notes: [number, string, string, string][]}} Outcome
 */
/**
 * What the report measures (tally.Scope): one exercise, restricted to some labels and lines.
 * @typedef {{exercise: string, article_sha256: string, title: string, labels: string[],
 *   lines: number[] | null, difficulty: string, key: Record<string, any>[], distractors: Record<string, any>[],
 *   tokens: number, chapter: {name: string, title: string} | null}} Scope
 */
/** A problem with a file or a part of one, in words: code, place, sentence and fix. */
/** @typedef {{code: string, place: string, problem: string, fix: string}} Problem */
/**
 * A used hand-in that waits for the summary (a newer copy of it may still come).
 * @typedef {{student: string, n: number, file: string, created: string, updated: string, got: Outcome, orphans: Problem[],
 *   answers: {id: string, question: string, text: string}[], name?: string}} Waiting
 */

/** @type {{kind: string, item_verdict?: string[], item_attr?: string[], attribution?: string[],
 *   tag_verdict?: string[], finding?: string[]}[]} */
const MISCONCEPTIONS = contract.misconceptions.kinds;
export const KINDS = MISCONCEPTIONS.map((rule) => rule.kind);
/**
 * The code of a folder whose listing broke off (tally.PARTLY_READ): listed with the files left out, but its files
 * listed before the break are in the report, so it is counted as read in part, not as left out (tables.js).
 */
export const PARTLY_READ = "partly-read";
const TEACHER = renderer([], "teacher");

/**
 * A message in the teacher's words: its sentence and its fix (a hand-in's problems, the class's own).
 * @param {{code: string, args: Record<string, any>}} message
 */
export const teacherWords = (message) => ({ problem: TEACHER.render(message), fix: TEACHER.render(message, "fix") });

// Python's str.strip() white space (tally.SPACE), so that both strip the very same characters.
const SPACE =
  "\\t\\n\\x0b\\x0c\\r\\x1c\\x1d\\x1e\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const EDGE_SPACE = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "gu");

/** @param {string} text */
export const strip = (text) => text.replace(EDGE_SPACE, "");

/**
 * The order hand-ins are named in (tally.by_start): by their start time (`created`; the Tagger writes
 * it in UTC, whose text order is its time order), oldest first, one without a start time last; then
 * by file, then by place among the files.
 * @param {Waiting} a
 * @param {Waiting} b
 */
export const byStart = (a, b) =>
  Number(!a.created) - Number(!b.created) ||
  byCodePoint(a.created, b.created) ||
  byCodePoint(a.file, b.file) ||
  a.n - b.n;

/**
 * @param {string} field
 * @returns {[string, any][]}
 */
const rules = (field) =>
  MISCONCEPTIONS.filter((rule) => field in rule).map((rule) => [rule.kind, /** @type {any} */ (rule)[field]]);
const ITEM_VERDICT = rules("item_verdict");
const ITEM_ATTR = rules("item_attr");
const ATTRIBUTION = rules("attribution");
const TAG_VERDICT = rules("tag_verdict");
const FINDING = rules("finding");

/**
 * The misconceptions one key item's result shows, in the order of the rules, each once (tally.kinds_of_item).
 * @param {ItemResult} item
 */
export function kindsOfItem(item) {
  const found = new Set(ITEM_VERDICT.filter(([, verdicts]) => verdicts.includes(item.verdict)).map(([k]) => k));
  for (const [kind, [name, expected]] of ITEM_ATTR) {
    const attr = item.attrs[name];
    if (attr && attr.verdict === "wrong" && attr.expected[0] === expected) found.add(kind);
  }
  const attribution = item.attribution;
  if (attribution?.expected.length) {
    for (const [kind, verdicts] of ATTRIBUTION) if (verdicts.includes(attribution.verdict)) found.add(kind);
  }
  return KINDS.filter((kind) => found.has(kind));
}

/**
 * The misconceptions one of the student's tags shows (tally.kinds_of_tag).
 * @param {TagResult} tag
 */
export function kindsOfTag(tag) {
  const found = new Set(TAG_VERDICT.filter(([, verdicts]) => verdicts.includes(tag.verdict)).map(([k]) => k));
  const codes = new Set(tag.findings.map((f) => f.code));
  for (const [kind, wanted] of FINDING) if (wanted.some((/** @type {string} */ c) => codes.has(c))) found.add(kind);
  return KINDS.filter((kind) => found.has(kind));
}

/**
 * The name of a place in the article that is not a key item or a trap: a student's tag's span (tally.tag_place).
 * @param {number} start
 * @param {number} end
 */
const tagPlace = (start, end) => `@${start}-${end}`;

/**
 * What the class report keeps of one student's check (tally.outcome).
 * @param {ItemResult[]} items
 * @param {TagResult[]} tags
 * @param {Record<string, Score>} scores
 * @param {string[]} labels
 * @param {Map<string, string>} notes tag id -> note
 * @returns {Outcome}
 */
export function outcome(items, tags, scores, labels, notes) {
  const met = items.filter((i) => i.verdict !== "missed");
  /** @type {[string, string][]} */
  const codes = [];
  for (const i of met) for (const kind of kindsOfItem(i)) codes.push([kind, i.key_id]);
  for (const t of tags) for (const kind of kindsOfTag(t)) codes.push([kind, t.key_id || tagPlace(t.start, t.end)]);
  // where a mistake on a tag the key has no item for was made: the tag's own words
  /** @type {Map<string, [number, number, string]>} */
  const spans = new Map();
  for (const t of tags)
    if (!t.key_id && kindsOfTag(t).length) spans.set(tagPlace(t.start, t.end), [t.line, t.start, t.quote]);
  return {
    tags: tags.length,
    on_key: labels.reduce((n, label) => n + scores[label].tagged_in_key, 0),
    found: Object.fromEntries(labels.map((label) => [label, scores[label].found])),
    asked: Object.fromEntries(labels.map((label) => [label, scores[label].required])),
    items: met.map((i) => [i.key_id, i.verdict]),
    codes,
    spans: [...spans],
    heat: tags.map((t) => [t.label, t.start, t.end]),
    notes: tags.filter((t) => notes.get(t.tag_id)).map((t) => [t.line, t.label, t.quote, notes.get(t.tag_id) || ""]),
  };
}

/** The class summary, gathered one student at a time (files in the order they were read): tally.Tally. */
export class Tally {
  /**
   * @param {Scope} scope
   * @param {{start: number, end: number}[]} tokens the whole article's tokens
   */
  constructor(scope, tokens) {
    this.scope = scope;
    this.tokenStarts = tokens.map((t) => t.start);
    this.tokenEnds = tokens.map((t) => t.end);
    /** @type {Record<string, any>[]} */
    this.students = [];
    /** @type {Set<string>} */
    this.used = new Set();
    /** @type {Map<string, Record<string, number>>} */
    // counted-elsewhere: a tag on the item counted for another mention of its source (neither found nor missed)
    this.verdicts = new Map(
      scope.key.map((k) => [k.key_id, { hit: 0, boundary: 0, "wrong-label": 0, "counted-elsewhere": 0 }]),
    );
    /** @type {Map<string, {students: number, times: number, places: Map<string, Set<number>>}>} */
    this.kinds = new Map(KINDS.map((kind) => [kind, { students: 0, times: 0, places: new Map() }]));
    /** @type {Map<string, [number, number, string]>} a tag's place -> line, start, quote */
    this.spans = new Map();
    /** Per label, how many students' tags cover each token; and which student counted each token last. */
    this.heat = new Map(scope.labels.map((label) => [label, new Array(scope.tokens).fill(0)]));
    this.lastStudent = new Map(scope.labels.map((label) => [label, new Int32Array(scope.tokens).fill(-1)]));
    /** @type {Record<string, any>[]} */
    this.skipped = [];
    /** @type {(Waiting | null)[]} the hand-ins to count, in file order (null: replaced by a newer copy) */
    this.waiting = [];
    /** @type {Map<string, {name: string, created: string, at: number}>} name and created -> its place in waiting */
    this.copies = new Map();
    /** @type {{n: number, file: string, copy: string}[]} older copies left out (copy: the key in copies) */
    this.older = [];
    /** @type {Record<string, any>[]} */
    this.sameNames = [];
    /** @type {Record<string, any>[]} */
    this.orphans = [];
    /** @type {Record<string, any>[]} */
    this.notes = [];
    /** @type {Record<string, any>[]} */
    this.answers = [];
  }

  /**
   * A file that could not be used.
   * @param {string} file
   * @param {string} code
   * @param {string} place
   * @param {string} problem
   * @param {string} fix
   */
  skip(file, code, place, problem, fix) {
    this.skipped.push({ file: visible(file), code, place, problem, fix });
  }

  /**
   * The hand-in's pseudonym (`student-NNN` by its place among the files when it has none, never its
   * file name); one used twice gets " (2)", " (3)" ...
   * @param {string} student
   * @param {number} n
   */
  pseudonym(student, n) {
    const base = strip(student) || `student-${String(n).padStart(3, "0")}`;
    let name = base;
    let again = 1;
    while (this.used.has(name)) {
      again += 1;
      name = `${base} (${again})`;
    }
    this.used.add(name);
    return name;
  }

  /**
   * One student's outcome, the parts left out of their hand-in and their written answers (tally.Tally.add).
   * It is held until the summary, because a later file may be a newer copy of the same work: the same
   * name and the same `created` time. Of two copies the one with the later `updated` counts (a tie: the
   * later file), so a student who hands in twice counts once.
   * @param {string} student
   * @param {number} n
   * @param {string} file
   * @param {Outcome} got
   * @param {Problem[]} orphans
   * @param {{id: string, question: string, text: string}[]} answers
   * @param {string} [created]
   * @param {string} [updated]
   */
  add(student, n, file, got, orphans, answers, created = "", updated = "") {
    const base = strip(student);
    const copy = base && created ? JSON.stringify([base, created]) : "";
    const kept = copy ? this.copies.get(copy) : undefined;
    const keptOne = kept === undefined ? null : this.waiting[kept.at];
    if (keptOne && byCodePoint(updated, keptOne.updated) < 0) {
      this.older.push({ n, file: visible(file), copy }); // this file is the older copy
      return;
    }
    if (kept && keptOne) {
      this.older.push({ n: keptOne.n, file: keptOne.file, copy });
      this.waiting[kept.at] = null;
    }
    if (copy) this.copies.set(copy, { name: base, created, at: this.waiting.length });
    this.waiting.push({ student, n, file: visible(file), created, updated, got, orphans, answers });
  }

  /** Name the hand-ins held by `add`, oldest start first (`byStart`), so that of two hand-ins with one
   * name the one started first keeps it bare, whatever order the files were read in; count them, in the
   * order their files were read, once; then list the older copies left out and the names that more than
   * one student's hand-in uses (tally.Tally._count_all). */
  countAll() {
    const waiting = this.waiting;
    this.waiting = [];
    const kept = /** @type {Waiting[]} */ (waiting.filter((entry) => entry !== null));
    const byAge = [...kept].sort(byStart);
    for (const entry of byAge) entry.name = this.pseudonym(entry.student, entry.n);
    for (const entry of kept) this.count(entry);
    for (const { file, copy } of [...this.older].sort((a, b) => a.n - b.n)) {
      const { name, at } = /** @type {{name: string, at: number}} */ (this.copies.get(copy));
      const newer = /** @type {Waiting} */ (waiting[at]).file;
      this.skipMessage(file, { code: "class-older-copy", args: { student: name, newer } });
    }
    this.older = [];
    /** @type {Map<string, Waiting[]>} */
    const byName = new Map();
    for (const entry of byAge) {
      const base = strip(entry.student);
      if (base) byName.set(base, [...(byName.get(base) || []), entry]);
    }
    for (const [base, entries] of byName) if (entries.length > 1) this.sameName(base, entries);
  }

  /**
   * A file left out for a reason of the class report's own (not a problem in the file itself).
   * @param {string} file
   * @param {{code: string, args: Record<string, any>}} message
   */
  skipMessage(file, message) {
    this.skipped.push({ file, code: message.code.replace(/^class-/, ""), place: "", ...teacherWords(message) });
  }

  /**
   * Hand-ins that share a name but were started at different times: perhaps two students chose the same
   * name, perhaps one student started again. Both count; the teacher is asked to check.
   * @param {string} base
   * @param {Waiting[]} entries
   */
  sameName(base, entries) {
    const message = {
      code: "class-same-name",
      args: {
        count: entries.length,
        student: base,
        counted: entries.map((e) => [e.name, e.file]),
      },
    };
    this.sameNames.push({ student: base, code: "same-name", place: "", ...teacherWords(message) });
  }

  /**
   * One named hand-in into the class's counts.
   * @param {Waiting} entry
   */
  count(entry) {
    const { got, orphans, answers } = entry;
    const name = /** @type {string} */ (entry.name);
    const index = this.students.length;
    /** @type {Map<string, number>} */
    const mine = new Map();
    for (const [kind, place] of got.codes) {
      mine.set(kind, (mine.get(kind) || 0) + 1);
      const places = /** @type {any} */ (this.kinds.get(kind)).places;
      if (!places.has(place)) places.set(place, new Set());
      places.get(place).add(index);
    }
    for (const [place, span] of got.spans) if (!this.spans.has(place)) this.spans.set(place, span);
    for (const [kind, times] of mine) {
      const tally = /** @type {any} */ (this.kinds.get(kind));
      tally.students += 1;
      tally.times += times;
    }
    for (const [keyId, verdict] of got.items) /** @type {any} */ (this.verdicts.get(keyId))[verdict] += 1;
    for (const [label, start, end] of got.heat) {
      const counts = /** @type {number[]} */ (this.heat.get(label));
      const last = /** @type {Int32Array} */ (this.lastStudent.get(label));
      for (let t = bisectRight(this.tokenEnds, start), stop = bisectLeft(this.tokenStarts, end); t < stop; t++) {
        if (last[t] !== index) {
          last[t] = index;
          counts[t] += 1;
        }
      }
    }
    for (const o of orphans) this.orphans.push({ student: name, ...o });
    for (const [line, label, quote, note] of got.notes) this.notes.push({ student: name, line, label, quote, note });
    for (const a of answers) this.answers.push({ student: name, ...a });
    this.students.push({
      student: name,
      file: entry.file,
      tags: got.tags,
      on_key: got.on_key,
      found: { ...got.found },
      asked: { ...got.asked },
      misconceptions: Object.fromEntries(KINDS.map((kind) => [kind, mine.get(kind) || 0])),
      orphans: orphans.length,
      notes: got.notes.length,
      answers: answers.length,
    });
  }

  /** The class summary (`medialit.class/1`): each student's hand-in counted once. */
  summary() {
    this.countAll();
    const scope = this.scope;
    const n = this.students.length;
    const items = scope.key.map((k) => {
      const count = /** @type {Record<string, number>} */ (this.verdicts.get(k.key_id));
      const missed = n - count.hit - count.boundary - count["wrong-label"] - count["counted-elsewhere"];
      return {
        ...k,
        hit: count.hit,
        boundary: count.boundary,
        wrong_label: count["wrong-label"],
        missed,
        counted_elsewhere: count["counted-elsewhere"],
      };
    });
    return {
      format: contract.formats.class,
      exercise: scope.exercise,
      article_sha256: scope.article_sha256,
      title: scope.title,
      chapter: scope.chapter,
      labels: [...scope.labels],
      lines: scope.lines ? [...scope.lines] : null,
      difficulty: scope.difficulty,
      students: [...this.students].sort((a, b) => byCodePoint(a.student, b.student)),
      items,
      misconceptions: this.misconceptions(),
      heat: Object.fromEntries(scope.labels.map((label) => [label, [...(this.heat.get(label) || [])]])),
      skipped: this.skipped,
      same_names: this.sameNames,
      orphans: this.orphans,
      notes: this.notes,
      answers: [...this.answers].sort((a, b) => byCodePoint(a.id, b.id) || byCodePoint(a.student, b.student)),
    };
  }

  /** Per kind: how many students, how many times, and where (key items, traps and the words of tags the
   * key has no item for; most students first). */
  misconceptions() {
    /** @type {Map<string, [number, Record<string, any>]>} */
    const where = new Map([...this.scope.key, ...this.scope.distractors].map((item, n) => [item.key_id, [n, item]]));
    const after = where.size; // the students' own spans come after the key's on the same line, by where they start
    for (const [place, [line, start, quote]] of this.spans)
      where.set(place, [after + start, { key_id: null, line, quote, why: "" }]);
    return KINDS.map((kind) => {
      const tally = /** @type {any} */ (this.kinds.get(kind));
      const places = [...tally.places].map(([keyId, who]) => [who.size, where.get(keyId)]);
      places.sort((a, b) => b[0] - a[0] || a[1][1].line - b[1][1].line || a[1][0] - b[1][0]);
      return {
        kind,
        students: tally.students,
        times: tally.times,
        places: places.map(([count, [, item]]) => ({
          key_id: item.key_id,
          line: item.line,
          quote: item.quote,
          why: item.why,
          students: count,
        })),
      };
    });
  }
}

/**
 * The scope of an exercise as a check with these options sees it (tally.Scope.of).
 * @param {{id: string, title: string, difficulty: string, article: {sha256: string, tokens: any[]}}} exercise
 * @param {{labels: Map<string, any>, lines: number[] | null, key: any[], distractors: any[]}} restricted
 * @param {string | undefined} difficulty
 * @param {{name: string, title: string} | null} chapter
 * @returns {Scope}
 */
export function scopeOf(exercise, restricted, difficulty, chapter) {
  return {
    exercise: exercise.id,
    article_sha256: exercise.article.sha256,
    title: exercise.title,
    labels: [...restricted.labels.keys()],
    lines: restricted.lines ? [...restricted.lines] : null,
    difficulty: difficulty || exercise.difficulty,
    key: restricted.key.map((k) => ({
      key_id: k.id,
      label: k.label,
      line: k.line,
      quote: k.quote,
      optional: Boolean(k.optional),
      why: TEACHER.render(whyMessage(k)),
    })),
    distractors: restricted.distractors.map((d) => ({ key_id: d.id, line: d.line, quote: d.quote, why: d.why })),
    tokens: exercise.article.tokens.length,
    chapter,
  };
}
