// @ts-check
// The class summary as tables a teacher can open in a spreadsheet: src/medialit/classroom/tables.py
// step for step, so the page downloads the same CSV text as `medialit report` writes. Every text
// cell is made safe for a spreadsheet the same way in both (spreadsheetCell).

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { byCodePoint } from "../core/handin.js";
import { counted, number, renderer } from "../core/messages.js";
import { measuredTokens, wordRows } from "./heat_words.js";
import { PARTLY_READ } from "./tally.js";

/** @typedef {import("../core/types.js").Message} Message */
/** @typedef {Record<string, any>} Summary */
/** @typedef {(string | number | boolean | null)[]} Row */

const KINDS = contract.misconceptions.kinds.map((rule) => rule.kind);
const COLUMNS = contract.class_tables;
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];
/** Under the table of students, on the page and in report.html (tables.COMPLETION_WORDS). */
export const COMPLETION_WORDS =
  "Completion is the share of the key items asked for that the student found, all labels together. " +
  "Tags on the key is how many of the student's tags match a key item: a student who tags every word " +
  "finds much but has few tags on the key, so read the two together.";
/** The caption of the table beside the table of students (tables.STUDENT_WORK). */
export const STUDENT_WORK = "Each student's misconceptions, notes and answers";
/** Before the heat map's shades of 10%, 50% and 100% (tables.SHADES_WORDS). */
export const SHADES_WORDS = "The share of the students who tagged a word:";
/** The heat map's counts, shown on request so that a phone or keyboard needs no hover (tables.COUNTS_WORDS). */
export const COUNTS_WORDS =
  "Tick Show the counts to see how many students tagged each run of shaded words, in brackets after it " +
  "(heat.csv has each word's count).";
/** The box that shows them (tables.SHOW_COUNTS). */
export const SHOW_COUNTS = "Show the counts";
/** The table of every key item's columns, on the page and in report.html (tables.EVERY_ITEM). */
export const EVERY_ITEM = ["Line", "Words", "Label", "Asked", "Found by", "Other label"];
/** Under it: what its counts count (tables.EVERY_ITEM_WORDS). */
export const EVERY_ITEM_WORDS =
  "Found by and Other label count students. Other label: students who tagged the item's words with another label.";
/** Its column of students whose tag counted at another mention of the source (tables.ELSEWHERE_HEADER). */
export const ELSEWHERE_HEADER = "At another mention";
/** In place of the most missed items when every student found every one (tables.NONE_MISSED). */
export const NONE_MISSED = "Every student found every required item here.";
/** What that column means, under the table (tables.ELSEWHERE_WORDS). */
export const ELSEWHERE_WORDS =
  "At another mention: students who tagged this mention of a source, where the chapter asks for another mention " +
  "of the same source. Their tag counts for that one, so here it is neither found nor missed.";
/** The gradebook's file cell for a student on the roster whose hand-in is not here. */
export const NO_HANDIN = "no hand-in";
/** The student ID cell of a hand-in whose name the roster does not have (tables.NOT_ON_ROSTER). */
export const NOT_ON_ROSTER = "not on the roster";
/** Before those students' names, under the table of students (tables.NOT_ON_ROSTER_WORDS). */
// the first column of the table of students with a roster: each student's ID under the pseudonym, so that the table
// keeps a laptop's book column (a column of its own for the ID made it scroll sideways) (tables.STUDENT_AND_ID)
export const STUDENT_AND_ID = "Student and ID";
export const NOT_ON_ROSTER_WORDS =
  "Handed in, but not on the roster (check that the name is written the same way in both):";
/** The problems tables' last two headings, as report.html has them (tables.WHY_AND_FIX). */
export const WHY_AND_FIX = ["Why", "What to do"];
/** Where in a used hand-in a tag or answer was left out: its column's heading (tables.WHERE). */
export const WHERE = "Where";
/** The table of names more than one hand-in uses (tables.SAME_NAMES). */
export const SAME_NAMES = "Names used by more than one hand-in (each hand-in is counted)";
/** Before the key to the columns of each student's misconceptions (tables.MISCONCEPTION_KEY). */
export const MISCONCEPTION_KEY = "Each column counts how many times a student did this in their tags:";
/** What a teacher taps on a phone to open that key, folded there (tables.MISCONCEPTION_KEY_SUMMARY). */
export const MISCONCEPTION_KEY_SUMMARY = "What each column counts";
const UNSAFE = new RegExp(contract.unsafe_characters, "gu");

/**
 * Found of asked as a whole percentage, halves rounded up; null when nothing was asked. (Tags on the
 * key of all tags is made the same way.)
 * @param {number} found
 * @param {number} asked
 */
export const completion = (found, asked) => (asked ? Math.floor((found / asked) * 100 + 0.5) : null);

/**
 * `a`, `a and b`, `a, b and c`.
 * @param {string[]} words
 */
export function andList(words) {
  if (words.length <= 1) return words[0] || "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * @param {Summary} summary
 * @param {string} label
 * @param {"found" | "asked"} what
 */
const total = (summary, label, what) =>
  summary.students.reduce((/** @type {number} */ sum, /** @type {any} */ s) => sum + s[what][label], 0);

/**
 * The labels measured that have key items in the lines measured (tables.keyed_labels): an exercise
 * without labels of its own has all four, but its key may have no cues at all. (All the labels
 * measured when none has an item.)
 * @param {Summary} summary
 * @returns {string[]}
 */
export function keyedLabels(summary) {
  const keyed = new Set(summary.items.map((/** @type {any} */ item) => item.label));
  const labels = summary.labels.filter((/** @type {string} */ label) => keyed.has(label));
  return labels.length ? labels : [...summary.labels];
}

/**
 * When no hand-in could be used: that there is nothing to report yet, and why (each file read was left
 * out); null when there is something to report (tables.nothing_yet).
 * @param {Summary} summary
 * @returns {Message | null}
 */
export function nothingYet(summary) {
  if (summary.students.length) return null;
  const skipped = summary.skipped;
  const files = skipped.length;
  const variant = skippedVariant(skipped);
  if (variant) {
    const left = { left: leftOut(skipped), partly: counted(readInPart(skipped), "folder") };
    return { code: `class-nothing${variant}`, args: { files, ...left } };
  }
  return { code: files === 1 ? "class-nothing:one" : "class-nothing", args: { files } };
}

/**
 * How many folders were read only in part (tables.read_in_part).
 * @param {{file: string, code?: string}[]} skipped
 */
const readInPart = (skipped) => skipped.filter((s) => s.code === PARTLY_READ).length;

/**
 * What was left out, in words: "2 files", "1 file and 1 folder", "1 folder" (tables.left_out). A folder that
 * could not be opened is listed with the files left out (its name ends with "/"), but it is not a file; a folder
 * read in part is listed there too, but not all of it was left out.
 * @param {{file: string, code?: string}[]} skipped
 */
export function leftOut(skipped) {
  const folders = skipped.filter((s) => s.file.endsWith("/")).length - readInPart(skipped);
  const files = skipped.length - folders - readInPart(skipped);
  const words = files || !folders ? [counted(files, "file")] : [];
  return [...words, ...(folders ? [counted(folders, "folder")] : [])].join(" and ");
}

/**
 * What was left out and what was read in part, as the status line and `medialit report` say it
 * (tables.left_out_message).
 * @param {{file: string, code?: string}[]} skipped
 * @returns {Message}
 */
export function leftOutMessage(skipped) {
  const args = { left: leftOut(skipped), partly: counted(readInPart(skipped), "folder") };
  return { code: `class-left-out${skippedVariant(skipped)}`, args };
}

/**
 * Which words what was skipped calls for, as a code's variant (tables.skipped_variant): ":partly-only" when every
 * folder or file listed was read in part (nothing was left out), ":partly" when some were read in part and more
 * was left out, ":folders" when a folder that could not be opened is among what was left out, "" when only files
 * were.
 * @param {{file: string, code?: string}[]} skipped
 */
function skippedVariant(skipped) {
  const partly = readInPart(skipped);
  if (partly) return partly === skipped.length ? ":partly-only" : ":partly";
  return skipped.some((s) => s.file.endsWith("/")) ? ":folders" : "";
}

/**
 * The title of the list of what was left out or read in part, and its first column's heading: a folder is not a
 * file, and a folder read in part was not left out (tables.left_out_title).
 * @param {Summary} summary
 * @returns {[string, string]}
 */
export function leftOutTitle(summary) {
  const title = { code: `class-left-out-title${skippedVariant(summary.skipped)}`, args: {} };
  const words = renderer([], "teacher");
  return [words.render(title), words.render(title, "short")];
}

/**
 * What the report measures and how the class did, per label, as messages for teachers (or only that
 * there is nothing to report yet).
 * @param {Summary} summary
 * @param {Record<string, string>} plurals
 * @returns {Message[]}
 */
export function scopeMessages(summary, plurals) {
  const nothing = nothingYet(summary);
  if (nothing) return [nothing];
  const skipped = summary.skipped;
  const left = { skipped: skipped.length, left: leftOut(skipped), partly: counted(readInPart(skipped), "folder") };
  /** @type {Message[]} */
  const out = [
    { code: `class-students${skippedVariant(skipped)}`, args: { students: summary.students.length, ...left } },
  ];
  const labels = andList(keyedLabels(summary).map((label) => plurals[label]));
  if (summary.lines) {
    const [first, last] = summary.lines;
    const code = summary.chapter ? "class-scope-lines" : "class-scope-lines:chosen"; // by --lines, not a chapter
    out.push({ code, args: { first, last, labels } });
  } else {
    out.push({ code: "class-scope", args: { labels } });
  }
  for (const label of summary.labels) {
    const found = total(summary, label, "found");
    const asked = total(summary, label, "asked");
    if (asked) out.push(labelFound(label, found, asked, summary.students));
  }
  return out;
}

/**
 * How much of a label the class found, with what the two totals count (tables.label_found): every student is
 * asked for the same items.
 * @param {string} label
 * @param {number} found
 * @param {number} asked
 * @param {any[]} students
 * @returns {Message}
 */
function labelFound(label, found, asked, students) {
  const code = students.length === 1 ? "class-label-found:one" : "class-label-found";
  const each = students[0].asked[label];
  return { code, args: { label, found, asked, share: found / asked, students: students.length, each } };
}

/**
 * Whether some student's tag on a key item counted for another mention of its source: only then does the table
 * of every key item show how many, with what it means (tables.counted_elsewhere).
 * @param {Summary} summary
 */
export const countedElsewhere = (summary) => summary.items.some((/** @type {any} */ i) => i.counted_elsewhere);

/**
 * The required key items the fewest students found (fewest first, then by line): only those some student
 * missed, so a class that found everything is told so (NONE_MISSED), not shown items "found by 1 of 1".
 * @param {Summary} summary
 * @param {number} [count]
 */
export function mostMissed(summary, count = 10) {
  const students = summary.students.length;
  const required = summary.items
    .map((/** @type {any} */ item, /** @type {number} */ n) => [n, item])
    .filter((/** @type {any} */ [, item]) => !item.optional && item.hit + item.boundary < students);
  required.sort(
    (/** @type {any} */ [n, a], /** @type {any} */ [m, b]) =>
      a.hit + a.boundary - (b.hit + b.boundary) || a.line - b.line || n - m,
  );
  return required.slice(0, count).map((/** @type {any} */ [, item]) => item);
}

/**
 * The roster's students with no hand-in used, in the roster's order (tables.no_handin).
 * @param {Summary} summary
 * @param {Map<string, string> | null} [roster]
 */
export function noHandin(summary, roster) {
  const handedIn = new Set(summary.students.map((/** @type {any} */ s) => s.student));
  return [...(roster?.keys() || [])].filter((name) => !handedIn.has(name));
}

/**
 * The students whose hand-in was used but whose name the roster does not have, in name order
 * (tables.not_on_roster).
 * @param {Summary} summary
 * @param {Map<string, string> | null} [roster]
 * @returns {string[]}
 */
export function notOnRoster(summary, roster) {
  if (!roster) return [];
  return summary.students
    .map((/** @type {any} */ s) => s.student)
    .filter((/** @type {string} */ name) => !roster.has(name));
}

/**
 * One row per student: pseudonym, (their ID from a roster), file, tags, found and asked per label the key
 * has items of, in all, completion %, and how many tags are on the key (and what share of the tags):
 * completion alone would give a student who tags every word 100%. A student on the roster with no hand-in
 * has a row too, its file "no hand-in" and its figures blank, so that the gradebook has every student of
 * the class (all in name order); a hand-in whose name is not on the roster has "not on the roster" for its ID.
 * @param {Summary} summary
 * @param {Record<string, string>} plurals
 * @param {Map<string, string>} [roster] pseudonym -> student ID
 * @returns {Row[]}
 */
export function gradebook(summary, plurals, roster) {
  const labels = keyedLabels(summary);
  const [student, ...first] = COLUMNS.gradebook.first;
  const header = [student, ...(roster ? ["student ID"] : []), ...first];
  for (const label of labels)
    header.push(...COLUMNS.gradebook.each_label.map((column) => `${plurals[label]} ${column}`));
  header.push(...COLUMNS.gradebook.last);
  /** @type {Row[]} */
  const rows = [];
  for (const s of summary.students) {
    /** @type {Row} */
    const row = [s.student, ...(roster ? [roster.get(s.student) ?? NOT_ON_ROSTER] : []), s.file, s.tags];
    for (const label of labels) row.push(s.found[label], s.asked[label]);
    const found = labels.reduce((/** @type {number} */ n, /** @type {string} */ l) => n + s.found[l], 0);
    const asked = labels.reduce((/** @type {number} */ n, /** @type {string} */ l) => n + s.asked[l], 0);
    rows.push([...row, found, asked, completion(found, asked), s.on_key, completion(s.on_key, s.tags)]);
  }
  for (const name of noHandin(summary, roster)) {
    rows.push([name, roster?.get(name) ?? null, NO_HANDIN, ...new Array(header.length - 3).fill(null)]);
  }
  rows.sort((a, b) => byCodePoint(String(a[0]), String(b[0])));
  return [header, ...rows];
}

/**
 * One row per key item in scope: how many students found it, and how (no rows when no hand-in was used); hit,
 * boundary, wrong_label, missed and counted_elsewhere add up to students (tables.items).
 * @param {Summary} summary
 * @returns {Row[]}
 */
export function items(summary) {
  const n = summary.students.length;
  /** @type {Row[]} */
  const rows = [[...COLUMNS.items]];
  for (const i of n ? summary.items : []) {
    rows.push([
      i.key_id,
      i.line,
      i.label,
      i.quote,
      !i.optional,
      i.hit + i.boundary,
      i.hit,
      i.boundary,
      i.wrong_label,
      i.missed,
      n,
      i.why,
      i.counted_elsewhere,
    ]);
  }
  return rows;
}

/**
 * Each misconception's few words for a column of misconceptions.csv, as each student's misconceptions name them
 * (tables.misconception_names: `short` in messages.json, not the kind's code).
 * @returns {string[]}
 */
export function misconceptionNames() {
  const words = renderer([], "teacher");
  return KINDS.map((kind) => words.render({ code: `misconception-${kind}`, args: {} }, "short"));
}

/**
 * The columns of the table of each student's misconceptions, one for each misconception some student showed: its
 * kind, its heading in a few words (`head` in messages.json) and the whole sentence, for the key beside the table
 * (tables.misconception_columns). A heading's title shows only under a mouse: on a touch screen and on paper the
 * key is all that says what "Trap" counts.
 * @param {Summary} summary
 * @returns {[string, string, string][]}
 */
export function misconceptionColumns(summary) {
  const words = renderer([], "teacher");
  return KINDS.filter((kind) => summary.students.some((/** @type {any} */ s) => s.misconceptions[kind])).map((kind) => {
    const message = { code: `misconception-${kind}`, args: {} };
    return [kind, words.render(message, "head"), words.render(message)];
  });
}

/**
 * One row per student: how many times each misconception showed in their tags, under the teacher's words
 * for each.
 * @param {Summary} summary
 * @returns {Row[]}
 */
export function misconceptions(summary) {
  return [
    ["student", ...misconceptionNames()],
    ...summary.students.map((/** @type {any} */ s) => [s.student, ...KINDS.map((kind) => s.misconceptions[kind])]),
  ];
}

/**
 * Every written answer, then every note on a tag.
 * @param {Summary} summary
 * @returns {Row[]}
 */
export function written(summary) {
  return [
    [...COLUMNS.answers],
    ...summary.answers.map((/** @type {any} */ a) => [a.student, "answer", a.id, a.question, a.text]),
    ...summary.notes.map((/** @type {any} */ n) => [n.student, "note", `L${n.line} ${n.label}`, n.quote, n.note]),
  ];
}

/**
 * Files left out, then names that more than one hand-in uses (nothing left out: for the teacher to
 * check), then tags and answers left out of hand-ins that were used.
 * @param {Summary} summary
 * @returns {Row[]}
 */
export function problems(summary) {
  return [
    [...COLUMNS.problems],
    ...summary.skipped.map((/** @type {any} */ s) => [s.file, "file", s.place, s.problem, s.fix, s.code]),
    ...summary.same_names.map((/** @type {any} */ s) => [s.student, "nothing", s.place, s.problem, s.fix, s.code]),
    ...summary.orphans.map((/** @type {any} */ o) => [o.student, "part", o.place, o.problem, o.fix, o.code]),
  ];
}

/**
 * The tags and answers left out of the hand-ins used as the report's table shows them: student, where, why, what to
 * do, one row per reason (problem code) in each hand-in, in the order each reason first comes; the row's words are
 * the first's, its place named with how many more are like it (tables.left_out_rows). problems.csv keeps a row for
 * each.
 * @param {Summary} summary
 * @returns {string[][]}
 */
export function leftOutRows(summary) {
  /** @type {Map<string, [any, number]>} (student, code) -> the first left out for it, how many */
  const groups = new Map();
  for (const o of summary.orphans) {
    const key = JSON.stringify([o.student, o.code]);
    const group = groups.get(key);
    if (group) group[1]++;
    else groups.set(key, [o, 1]);
  }
  return [...groups.values()].map(([o, n]) => [o.student, moreLikeIt(o.place, n), o.problem, o.fix]);
}

/**
 * Where `n` tags or answers left out for one reason are: the first's place, and how many more (tables.more_like_it).
 * @param {string} place
 * @param {number} n
 */
const moreLikeIt = (place, n) => (n === 1 ? place : `${place} and ${number(n - 1)} more like it`);

/**
 * Someone's text with its control characters written out (`\u202e`), tabs and line breaks kept: as a CSV file and
 * report.html hold it (report_page._e), so that a crafted pseudonym shows what it holds ("\u202e70-xof" does not
 * show as "fox-07").
 * @param {string} text
 */
export const writtenOut = (text) =>
  text.replace(UNSAFE, (ch) =>
    ch === "\t" || ch === "\n" ? ch : `\\u${(ch.codePointAt(0) || 0).toString(16).padStart(4, "0")}`,
  );

/**
 * One cell as a CSV file holds it (tables.spreadsheet_cell): blank for nothing, yes/no, whole numbers
 * as they are, and text with control characters written out (tabs and line breaks stay) and a leading
 * apostrophe where a spreadsheet would run it as a formula.
 * @param {string | number | boolean | null | undefined} value
 */
export function spreadsheetCell(value) {
  if (value === null || value === undefined) return "";
  if (value === true || value === false) return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  const text = writtenOut(String(value));
  return FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV: a cell with a comma, a quotation mark or a line break is quoted; lines end in CRLF.
 * @param {Row[]} rows
 */
export function csvText(rows) {
  const quote = (/** @type {string} */ cell) => (/[,"\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((row) => `${row.map((cell) => quote(spreadsheetCell(cell))).join(",")}\r\n`).join("");
}

/**
 * Each word of the lines measured, as the heat map writes it, and how many students tagged it with each label: the
 * heat map's figures for a teacher who cannot hover over it, the count the map shows after the word
 * (class_report.heat_csv writes the same heat.csv); no rows when no hand-in was used.
 * @param {Record<string, any>} summary
 * @param {{article: {tokens: import("./heat_words.js").Token[]}}} exercise
 * @returns {Row[]}
 */
export function heat(summary, exercise) {
  const tokens = summary.students.length ? measuredTokens(exercise.article.tokens, summary.lines) : [];
  return [["line", "word", ...summary.labels], ...wordRows(summary.heat, summary.labels, tokens)];
}

export const TABLES = {
  "gradebook.csv": gradebook,
  "items.csv": items,
  "misconceptions.csv": misconceptions,
  "answers.csv": written,
  "problems.csv": problems,
};
