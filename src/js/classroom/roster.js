// @ts-check
// A teacher's roster: a CSV file of pseudonym and student ID, joined into the gradebook in the
// browser only (it is never saved or sent). The first row may name the columns; otherwise the first
// column is the pseudonym and the second the ID. A problem names its row as the spreadsheet numbers it.

import { decodeHandin } from "../core/handin.js";
import { counted } from "../core/messages.js";

/** The words of a first row that names the columns (roster.ID_WORDS, PSEUDONYM_WORDS, NAME_WORDS). */
const ID_WORDS = ["id", "number", "no"];
const PSEUDONYM_WORDS = ["pseudonym", "nickname"];
const NAME_WORDS = ["name", "student"];
/** What to do about a row that could not be used (roster.MISSING_FIX, roster.AGAIN_FIX). */
const MISSING_FIX = {
  "student ID": "Add the student's ID to that row.",
  pseudonym: "Add the name the student put on their hand-in to that row.",
};
const AGAIN_FIX = "If they are two students, give each a name of their own, on the roster and on their hand-in.";
/** A roster that is not text: most often the spreadsheet's own file (roster.NOT_TEXT, roster.NOT_TEXT_FIX). */
export const NOT_TEXT = "this is not a CSV text file (UTF-8); it may be a spreadsheet's own file, such as .xlsx.";
export const NOT_TEXT_FIX = "save the roster from your spreadsheet as CSV (UTF-8) and use that file.";
/** A roster that is text in another character set: Excel's plain "CSV" on Windows (roster.OTHER_CHARSET ...). */
export const OTHER_CHARSET =
  'this line holds a letter saved in another character set than UTF-8, as Excel\'s "CSV (Comma delimited)" ' +
  "saves an accented letter (é, ë, ñ), so the names could not be read as they are written.";
export const OTHER_CHARSET_FIX =
  'save the roster again as "CSV UTF-8 (Comma delimited)" (in Excel: File, Save As, and that file type; in ' +
  'LibreOffice: Save As, tick "Edit filter settings", and choose the character set "Unicode (UTF-8)"), then use ' +
  "that file.";
/** Bytes no text file holds (roster._NOT_IN_TEXT): a file with none of them that is not UTF-8 is other text. */
const NOT_IN_TEXT = new Set([...Array(32).keys(), 127].filter((b) => b !== 9 && b !== 10 && b !== 13));
/** A roster that cannot be read as a whole: the problem on a line, and what to do (roster.NUL_CHARACTER ...). */
export const NUL_CHARACTER =
  "this line holds a NUL character (a zero byte), which a CSV text file never holds: the file may be saved as " +
  "UTF-16 (a spreadsheet's \"Unicode Text\") or be another program's own file.";
export const UNCLOSED =
  'a quotation mark (") opens a cell on this line and is never closed, so every line after it would be read ' +
  "as part of that one cell.";
export const UNCLOSED_FIX =
  "add the closing quotation mark at the end of that cell (or delete the opening one), then use the file again.";

/** A roster that cannot be used at all: where (`line N`), what is wrong, and the fix (roster.RosterRefused). */
export class RosterRefused extends Error {
  /**
   * @param {string} place
   * @param {string} problem
   * @param {string} fix
   */
  constructor(place, problem, fix) {
    super(`${place}: ${problem}`);
    this.place = place;
    this.problem = problem;
    this.fix = fix;
  }
}

/**
 * `line N` of a place in a roster's text, as an editor numbers lines (roster._line).
 * @param {string} body
 * @param {number} offset
 */
const lineOf = (body, offset) => `line ${(body.slice(0, offset).match(/\r\n|\r|\n/g) || []).length + 1}`;

/**
 * A roster file's text (a byte-order mark is dropped), or null when it is not text: UTF-8, or UTF-16 that
 * says so with its byte-order mark, a spreadsheet's "Unicode Text" (roster.roster_text).
 * @param {ArrayBuffer | Uint8Array} bytes
 * @returns {string | null}
 */
export function rosterText(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const mark = `${view[0]},${view[1]}`;
  const encoding = mark === "255,254" ? "utf-16le" : mark === "254,255" ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(view);
  } catch {
    return null;
  }
}

/**
 * Why a roster file rosterText could not read is refused, as `medialit report --roster` says it
 * (roster.load_roster): the line of its first byte that is not UTF-8 (none for UTF-16 with its mark), and
 * whether it is text in another character set or not text at all (roster.not_text_words).
 * @param {ArrayBuffer | Uint8Array} bytes
 * @returns {{place: string, problem: string, fix: string}}
 */
export function notText(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const mark = `${view[0]},${view[1]}`;
  if (mark === "255,254" || mark === "254,255") return { place: "", problem: NOT_TEXT, fix: NOT_TEXT_FIX };
  const decoded = decodeHandin(view);
  const place = "refusal" in decoded ? decoded.refusal.place : "";
  return view.some((b) => NOT_IN_TEXT.has(b))
    ? { place, problem: NOT_TEXT, fix: NOT_TEXT_FIX }
    : { place, problem: OTHER_CHARSET, fix: OTHER_CHARSET_FIX };
}

/**
 * The rows of a CSV text, each with its number as a spreadsheet shows it (blank rows count, and are left
 * out). RFC 4180: quoted cells may hold commas, quotes and line breaks. The
 * separator is the first of comma, semicolon and tab that the first line holds (roster.SEPARATORS).
 * A NUL character, or a quotation mark that opens a cell and is never closed, is refused (RosterRefused).
 * @param {string} text
 * @returns {[number, string[]][]}
 */
export function csvRows(text) {
  const body = text.replace(/^\uFEFF/, "");
  const nul = body.indexOf("\u0000");
  if (nul >= 0) throw new RosterRefused(lineOf(body, nul), NUL_CHARACTER, NOT_TEXT_FIX);
  const firstLine = body.split(/\r\n|\r|\n/, 1)[0] || "";
  const sep = [",", ";", "\t"].find((s) => firstLine.includes(s)) || ",";
  /** @type {string[][]} */
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  let opened = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") {
      quoted = true;
      opened = i;
    } else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (quoted) throw new RosterRefused(lineOf(body, opened), UNCLOSED, UNCLOSED_FIX);
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r, n) => /** @type {[number, string[]]} */ ([n + 1, r])).filter(([, r]) => r.some((c) => c.trim()));
}

/**
 * The pseudonym's and the ID's columns that a first row names, or -1 for one it does not name (roster._named_columns).
 * @param {string[]} firstRow
 * @returns {[number, number]}
 */
function namedColumns(firstRow) {
  const words = firstRow.map(
    (cell) =>
      cell
        .trim()
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) || [],
  );
  const has = (/** @type {number} */ n, /** @type {string[]} */ list) => words[n].some((word) => list.includes(word));
  const id = words.findIndex((_, n) => has(n, ID_WORDS));
  const others = words.map((_, n) => n).filter((n) => n !== id);
  let name = others.find((n) => has(n, PSEUDONYM_WORDS)) ?? -1;
  if (name < 0) name = others.find((n) => has(n, NAME_WORDS)) ?? -1;
  return [name, id];
}

/**
 * The roster in a CSV text: pseudonym -> student ID, and what could not be used, in words; a text that
 * cannot be used at all is refused (RosterRefused).
 * @param {string} text
 * @returns {{roster: Map<string, string>, problems: string[]}}
 */
export function readRoster(text) {
  const rows = csvRows(text);
  /** @type {string[]} */
  const problems = [];
  const roster = new Map();
  if (!rows.length) return { roster, problems: ["The roster file is empty."] };
  let [name, id] = namedColumns(rows[0][1]);
  const named = name >= 0 && id >= 0;
  if (!named) {
    name = 0;
    id = 1;
  }
  for (const [line, row] of rows.slice(named ? 1 : 0)) {
    const who = (row[name] || "").trim();
    const number = (row[id] || "").trim();
    if (!who || !number) {
      const missing = who ? "student ID" : "pseudonym";
      problems.push(`Row ${line} of the roster has no ${missing}; it was left out. ${MISSING_FIX[missing]}`);
    } else if (roster.has(who)) {
      problems.push(`Row ${line} of the roster names ${who} again; the first row was kept. ${AGAIN_FIX}`);
    } else roster.set(who, number);
  }
  return { roster, problems };
}

/**
 * What the roster gave, in a few words (roster.roster_count): `Roster: 1 student.`, `Roster: 30 students.`
 * @param {number} students
 */
export const rosterCount = (students) => `Roster: ${counted(students, "student")}.`;
