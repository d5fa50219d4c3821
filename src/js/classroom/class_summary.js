// @ts-check
// A class's hand-in files, read and checked one at a time into the class summary: the browser's
// side of src/medialit/classroom/class_report.py (class_report, read_one). The class-report page
// runs it in a Web Worker; a test runs it under Node on the sample class and compares the summary
// with `medialit report`'s.

import { checkTags, restrict } from "../core/check.js";
import { byCodePoint, readHandinFile } from "../core/handin.js";
import { problemMessage } from "../core/messages.js";
import { PARTLY_READ, Tally, outcome, scopeOf, teacherWords } from "./tally.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/handin.js").Problem} Problem */
/**
 * One file as the page got it: its path (below the folder chosen, if one was), and its bytes or the
 * file itself (read only when it is small enough for a hand-in).
 * @typedef {{name: string, bytes?: ArrayBuffer | Uint8Array, file?: Blob | null,
 *   unopened?: {moved: true} | {reason: string}, partly?: boolean}} ClassFile
 * `unopened`: why the browser could not open it (a folder's name ends with "/"), as handin.js's notReadArgs says it,
 * to list it with the files left out;
 * `partly`: a folder whose listing broke off, the files listed before that read with the rest.
 */
/**
 * What to measure: some labels and lines (none: all) at a difficulty, and the chapter that asks for them.
 * @typedef {{labels?: string[], lines?: number[] | null, difficulty?: string,
 *   chapter?: {name: string, title: string} | null}} Measure
 */

/**
 * A hand-in problem in the teacher's words, as the Python reader writes it into a Finding.
 * @param {Problem} problem
 */
export function problemWords(problem) {
  return { code: problem.code, place: problem.place, ...teacherWords(problemMessage(problem.code, problem.args)) };
}

/**
 * The files in the order Python reads a folder (by path, part by part), hidden ones left out.
 * @template {{name: string}} F
 * @param {F[]} files
 * @returns {F[]}
 */
export function inFolderOrder(files) {
  const parts = (/** @type {string} */ name) => name.split("/");
  return files
    .filter((f) => !parts(f.name).some((part) => part.startsWith(".")))
    .sort((a, b) => {
      const x = parts(a.name);
      const y = parts(b.name);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const d = byCodePoint(x[i], y[i]);
        if (d) return d;
      }
      return x.length - y.length;
    });
}

/**
 * One file, read (readHandinFile), checked and boiled down (class_report.read_one).
 * @param {Exercise} exercise the whole compiled exercise
 * @param {Measure} measure
 * @param {import("../core/handin.js").HandinRefused | import("../core/handin.js").HandinRead} read the file as read
 * @returns {{skip: Problem} | {student: string, created: string, updated: string, got: import("./tally.js").Outcome,
 *   leftOut: import("./tally.js").Problem[], answers: {id: string, question: string, text: string}[]}}
 */
export function readOne(exercise, measure, read) {
  if (!read.ok) return { skip: read.refusal };
  const options = { labels: measure.labels || [], lines: measure.lines || undefined, difficulty: measure.difficulty };
  const report = checkTags(exercise, { tags: read.tags, orphans: read.orphans }, options);
  const notes = new Map(read.tags.filter((t) => t.note).map((t) => [t.id, t.note]));
  return {
    student: read.student,
    created: read.created,
    updated: read.updated,
    got: outcome(report.items, report.tags, report.scores, report.labels, notes),
    leftOut: [...read.orphans, ...read.answer_problems].map(problemWords),
    answers: Object.entries(read.answers).map(([id, a]) => ({ id, question: a.question, text: a.text })),
  };
}

/** The names a spreadsheet gives its files (class_report.SPREADSHEET): a roster or marks among the hand-ins. */
const SPREADSHEET = [".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods", ".numbers"];

/**
 * Whether a file is a spreadsheet's by its name (class_report.read_one): said so, not read as a hand-in.
 * @param {string} name
 */
const isSpreadsheet = (name) => SPREADSHEET.some((end) => name.toLowerCase().endsWith(end));

/**
 * What of a file there is to read: its bytes, or the file itself (readHandinFile reads it only when it
 * is small enough for a hand-in).
 * @param {ClassFile} file
 * @returns {Blob | Uint8Array}
 */
function contentOf(file) {
  if (file.bytes) return file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
  return file.file || new Uint8Array(0);
}

/**
 * The class summary of some files (class_report.class_report): each file is read, checked and
 * dropped before the next; `pause` is awaited between files (the page's own thread uses it to stay
 * responsive), and `progress` hears how many are done.
 * @param {Exercise} exercise
 * @param {ClassFile[]} files
 * @param {Measure} measure
 * @param {{pause?: () => Promise<void>, progress?: (done: number, total: number) => void}} [hooks]
 */
export async function summarize(exercise, files, measure, hooks = {}) {
  const chars = Array.from(exercise.article.text);
  const restricted = restrict(exercise, { labels: measure.labels || [], lines: measure.lines || undefined });
  const tally = new Tally(
    scopeOf(exercise, restricted, measure.difficulty, measure.chapter || null),
    exercise.article.tokens,
  );
  // as medialit report: the folders that could not be opened first, each with what to do, then the files
  const all = inFolderOrder(files);
  const isFolder = (/** @type {ClassFile} */ f) => f.name.endsWith("/"); // a file's name cannot end so
  for (const folder of all.filter(isFolder)) {
    const code = folder.partly ? "class-partly-read-folder" : "class-unreadable-folder";
    const args = folder.unopened || {};
    const words = teacherWords({ code: "moved" in args ? `${code}:moved` : code, args });
    tally.skip(folder.name, folder.partly ? PARTLY_READ : "unreadable", "", words.problem, words.fix);
  }
  const ordered = all.filter((f) => !isFolder(f));
  for (const [k, file] of ordered.entries()) {
    if (isSpreadsheet(file.name)) {
      const words = teacherWords({ code: "class-spreadsheet", args: {} });
      tally.skip(file.name, "spreadsheet", "", words.problem, words.fix);
      hooks.progress?.(k + 1, ordered.length);
      continue;
    }
    const read =
      file.unopened === undefined
        ? readOne(exercise, measure, await readHandinFile(contentOf(file), exercise, chars))
        : { skip: { code: "unreadable", place: "", args: file.unopened } };
    if ("skip" in read) {
      const words = problemWords(read.skip);
      tally.skip(file.name, words.code, words.place, words.problem, words.fix);
    } else {
      tally.add(read.student, k + 1, file.name, read.got, read.leftOut, read.answers, read.created, read.updated);
    }
    hooks.progress?.(k + 1, ordered.length);
    if (hooks.pause) await hooks.pause();
  }
  return tally.summary();
}
