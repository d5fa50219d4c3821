// @ts-check
// The pseudonyms and student IDs a spreadsheet would change when it opens a CSV file of the report:
// src/medialit/classroom/spreadsheet_ids.py step for step (a test holds the two the same). The CSV
// files keep them as written; a spreadsheet reads one that looks like a number, a date or a time as
// one (07 as 7, 3-4 as a date), so the page names them with how to import the file as text.

import { byCodePoint } from "../core/handin.js";
import { andList, noHandin } from "./tables.js";

/** @typedef {Record<string, any>} Summary */

const SHOWN = 3;
const NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?$/;
/** A number as a spreadsheet writes it back, at most WRITTEN_LENGTH characters (spreadsheet_ids._AS_WRITTEN). */
const AS_WRITTEN = /^(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;
const WRITTEN_LENGTH = 11;
const ZERO_LED = /^0[0-9]+$/;
const LONG = /^[0-9]{12,}$/;
const NUMBERS_JOINED = /^([0-9]+)([-/.])([0-9]+)(?:\2([0-9]+))?$/;
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" +
  "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** A month by its name with a number; ASCII letters only, in any case (spreadsheet_ids._NAMED_DATE). */
const NAMED_DATE = new RegExp(
  `^(?:${MONTH}[-/ ][0-9]{1,4}(?:[-/ ,]+[0-9]{1,4})?|[0-9]{1,4}[-/ ]${MONTH}(?:[-/ ][0-9]{1,4})?)$`,
  "i",
);
const TIME = /^[0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2})?(?: ?[ap]m)?$/i;
/** @type {Record<string, string>} */
const READ_AS = { zero: "a number", long: "a number", number: "a number", date: "a date", time: "a time" };
/** @type {Record<string, (value: string) => string>} */
const BECOMES = {
  zero: (value) => `${value} becomes ${value.replace(/^0+/, "") || "0"}`,
  long: (value) => `${value} is shown rounded`,
  number: (value) => `${value} is written another way`,
  date: (value) => `${value} becomes a date`,
  time: (value) => `${value} becomes a time of day`,
};

/**
 * Numbers joined by one of - / . that could be a date: groups of 1, 2 or 4 digits, at most one of 4,
 * one that could be a month.
 * @param {string} value
 */
function couldBeADate(value) {
  const joined = NUMBERS_JOINED.exec(value);
  if (!joined) return false;
  const groups = [joined[1], joined[3], joined[4]].filter((group) => group !== undefined);
  return (
    groups.every((group) => [1, 2, 4].includes(group.length)) &&
    groups.filter((group) => group.length === 4).length <= 1 &&
    groups.some((group) => Number(group) >= 1 && Number(group) <= 12)
  );
}

/**
 * How a spreadsheet that opens a CSV file changes `value` (spreadsheet_ids.spreadsheet_reading): "zero",
 * "long", "number", "date" or "time"; null when it keeps the value as written.
 * @param {string} value
 * @returns {string | null}
 */
export function spreadsheetReading(value) {
  if (NUMBER.test(value)) {
    if (ZERO_LED.test(value)) return "zero";
    if (LONG.test(value)) return "long";
    return AS_WRITTEN.test(value) && value.length <= WRITTEN_LENGTH ? null : "number";
  }
  if (couldBeADate(value) || NAMED_DATE.test(value)) return "date";
  return TIME.test(value) ? "time" : null;
}

/**
 * The gradebook's pseudonyms and student IDs that a spreadsheet would change, in its order, each once
 * (spreadsheet_ids.changed_ids).
 * @param {Summary} summary
 * @param {Map<string, string> | null} [roster]
 * @returns {string[]}
 */
export function changedIds(summary, roster) {
  const names = [...summary.students.map((/** @type {any} */ s) => s.student), ...noHandin(summary, roster)];
  const values = names.sort(byCodePoint).flatMap((name) => [name, roster?.get(name) ?? ""]);
  return [...new Set(values)].filter((value) => spreadsheetReading(value));
}

/**
 * What a teacher does about those values, under the table of students (spreadsheet_ids.changed_ids_words).
 * @param {string[]} values
 */
export function changedIdsWords(values) {
  const more = values.length - SHOWN;
  const named = [...values.slice(0, SHOWN), ...(more > 0 ? [`${more} more`] : [])];
  /** @type {Map<string, string>} each kind's first value */
  const first = new Map();
  for (const value of values) {
    const kind = /** @type {string} */ (spreadsheetReading(value));
    if (!first.has(kind)) first.set(kind, value);
  }
  const nouns = [...new Set([...first.keys()].map((kind) => READ_AS[kind]))]; // a number, a date or a time
  const readAs = nouns.length > 1 ? `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}` : nouns[0];
  const examples = [...first].map(([kind, value]) => BECOMES[kind](value));
  return (
    `Pseudonyms and student IDs that a spreadsheet would change (${andList(named)}): a spreadsheet that opens a ` +
    `CSV file of this report reads each as ${readAs}, not as text (${andList(examples)}). The files keep them ` +
    "as written. To keep them in a spreadsheet too, import the file instead (in Excel: Data, then From Text/CSV; " +
    "in LibreOffice: the Text Import window) and set the pseudonym and student ID columns to Text."
  );
}
