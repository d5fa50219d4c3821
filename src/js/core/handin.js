// @ts-check
// Hand-in files in the browser (src/medialit/core/handin.py): the document the Download button
// saves, and the reader that checks one loaded from a file or from this browser's saved work.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { counted, problemMessage, renderer, shortened } from "./messages.js";

/** @typedef {import("./types.js").Exercise} Exercise */
/** @typedef {import("./types.js").HandIn} HandIn */
/** @typedef {import("./types.js").Tag} Tag */
/** @typedef {import("./types.js").Label} Label */
/**
 * A hand-in problem: its code (as core/handin.py), where it is, and the values its message names.
 * @typedef {{code: string, place: string, args: Record<string, any>}} Problem
 */
/**
 * A student's written answer to one of the book's questions (handin.Answer).
 * @typedef {{question: string, text: string}} Answer
 */
/**
 * A written answer left out (a Problem), with what a student's Load needs to name and keep it: its id, its
 * question's words where the file has them, and for an answer only too long, its first max_answer_chars
 * characters (`cut`), which fit the answer's box on the book page.
 * @typedef {Problem & {id: string, question: string, cut?: Answer}} AnswerProblem
 */
/**
 * @typedef {{ok: false, refusal: Problem}} HandinRefused
 * @typedef {{ok: true, tags: Tag[], orphans: Problem[], answers: Record<string, Answer>,
 *   answer_problems: AnswerProblem[], exercise: string, article_sha256: string, student: string, created: string,
 *   updated: string}} HandinRead
 */

export const HANDIN_FORMAT = contract.formats.handin;
export const MAX_HANDIN_BYTES = contract.max_handin_bytes;
const ZIP_SIGNATURE = contract.zip_signature;
const MB = 1048576;
const MAX_DEPTH = contract.max_json_depth;
const MAX_DIGITS = contract.max_number_digits;
const MAX_ANSWER_CHARS = contract.max_answer_chars;
const FREE_TEXT = contract.free_text;
const ID = new RegExp(`^(?:${contract.id_pattern})$`);
const SHA256 = new RegExp(`^(?:${contract.sha256_pattern})$`);
const UNSAFE = new RegExp(contract.unsafe_characters, "gu");
const TEXT_FIELDS = ["exercise", "article_sha256", "student", "created", "updated"];

/**
 * What copyTag keeps of a tag beyond the hand-in's fields: nothing, until author mode's tools load and
 * make it keep the key fields author mode edits (keepKeyFields). A student's widget is built without
 * them, so it does not download them.
 * @type {(t: any, out: Tag) => Tag}
 */
let withKeyFields = (_t, out) => out;

/**
 * Make copyTag keep the key fields author mode edits: author_tools.js does so as it loads.
 * @param {(t: any, out: Tag) => Tag} copy
 */
export function keepKeyFields(copy) {
  withKeyFields = copy;
}

/**
 * A clean copy of a tag with the hand-in fields, plus the key fields author mode edits where its
 * tools are loaded (keepKeyFields).
 * @param {any} t
 * @returns {Tag}
 */
export function copyTag(t) {
  /** @type {Tag} */
  const out = {
    id: t.id,
    label: t.label,
    start: t.start,
    end: t.end,
    quote: t.quote,
    attrs: { ...(t.attrs || {}) },
    source_ids: [...(t.source_ids || [])],
    note: t.note || "",
  };
  return withKeyFields(t, out);
}

/**
 * The hand-in document for some tags, and the written answers when there are any (blank ones are
 * left out).
 * @param {Exercise} exercise
 * @param {Tag[]} tags
 * @param {{student?: string, created?: string, updated?: string, answers?: Record<string, Answer>}} [fields]
 * @returns {HandIn}
 */
export function makeHandin(exercise, tags, { student = "", created = "", updated = "", answers = {} } = {}) {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  /** @type {HandIn} */
  const doc = {
    format: HANDIN_FORMAT,
    exercise: exercise.id,
    article_sha256: exercise.article.sha256,
    student,
    created: created || now,
    updated: updated || now,
    tags: tags.map(copyTag),
  };
  const written = Object.entries(answers).filter(([, a]) => a.text.trim());
  if (written.length) {
    doc.answers = Object.fromEntries(written.map(([id, a]) => [id, { question: a.question, text: a.text }]));
  }
  return doc;
}

/**
 * `text` with every unsafe character written out as `\uXXXX` (errors.visible), so it shows and stays on its line.
 * @param {string} text
 */
export const visible = (text) =>
  text.replace(UNSAFE, (ch) => `\\u${(ch.codePointAt(0) || 0).toString(16).padStart(4, "0")}`);

export const isObject = (/** @type {unknown} */ x) => typeof x === "object" && x !== null && !Array.isArray(x);
export const isText = (/** @type {unknown} */ x) => typeof x === "string";
const isWhole = (/** @type {unknown} */ x) => typeof x === "number" && Number.isInteger(x);
const LONE_SURROGATE = /[\ud800-\udfff]/u; // with the u flag, a whole pair is one character and does not match
/** True when a text holds half of a UTF-16 pair (Python's reader refuses such text). */
const brokenText = (/** @type {string} */ x) => LONE_SURROGATE.test(x);
/**
 * The text with each broken character (half of a UTF-16 pair, as brokenText finds it) shown as �.
 * @param {string} x
 */
export const brokenShown = (x) => x.replace(new RegExp(LONE_SURROGATE.source, "gu"), "\uFFFD");

// --- JSON text, within limits (handin.read_json) ------------------------------------------------

const STRING_REST = /[^"\\]*(?:\\.[^"\\]*)*"/y;
const LONG_NUMBER = new RegExp(`[0-9]{${MAX_DIGITS + 1}}`);
const TOKEN = /"|[[{]|[\]}]|[0-9][0-9.eE+-]*|[A-Za-z]+/g;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const SPACE = /[ \t\n\r]*/y;
const KEY_END = /[ \t\n\r]*:/y; // after a string: the string is a name in an object
// the longest start of a string's inside, of a number: what follows them decides whether they are whole
// biome-ignore lint/suspicious/noControlCharactersInRegex: a JSON string may not hold a control character as it is
const STRING_BODY = /(?:[^"\\\u0000-\u001f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
const NUMBER_START = /-?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]*)?|\.|[eE][-+]?[0-9]*)?)?/y;
const HEX = /[0-9a-fA-F]{0,3}/y;
/** @type {Record<string, string>} */
const LITERALS = { t: "true", f: "false", n: "null" };

/**
 * The end of what `pattern` (sticky) matches at `at`.
 * @param {RegExp} pattern
 * @param {string} text
 * @param {number} at
 */
function matchEnd(pattern, text, at) {
  pattern.lastIndex = at;
  pattern.test(text);
  return pattern.lastIndex;
}

/**
 * Where `text` stops being JSON (RFC 8259): the offset of the first character no JSON text could
 * have there, or the text's length when it ends too soon; null when it is JSON (handin.json_error_at,
 * the one rule both readers name, whatever their parser says). Lists and objects are kept on a stack
 * of their closing brackets.
 * @param {string} text
 * @returns {number | null}
 */
export function jsonErrorAt(text) {
  /** @type {string[]} */
  const closers = [];
  let want = "value"; // or "first-item", "key", "first-key", "colon", "after" (a value)
  let at = 0;
  const end = text.length;
  for (;;) {
    at = matchEnd(SPACE, text, at);
    const ch = text.slice(at, at + 1);
    if (want === "after") {
      if (!closers.length) return at === end ? null : at;
      if (ch === ",") {
        want = closers[closers.length - 1] === "]" ? "value" : "key";
      } else if (ch === closers[closers.length - 1]) {
        closers.pop();
      } else {
        return at;
      }
      at += 1;
      continue;
    }
    if (want === "colon") {
      if (ch !== ":") return at;
      want = "value";
      at += 1;
      continue;
    }
    if ((want === "first-item" && ch === "]") || (want === "first-key" && ch === "}")) {
      closers.pop();
      want = "after";
      at += 1;
      continue;
    }
    const key = want === "key" || want === "first-key";
    if (key && ch !== '"') return at;
    if (ch === "[" || ch === "{") {
      closers.push(ch === "[" ? "]" : "}");
      want = ch === "[" ? "first-item" : "first-key";
      at += 1;
      continue;
    }
    if (ch === '"') {
      const inside = matchEnd(STRING_BODY, text, at + 1);
      if (text.slice(inside, inside + 1) !== '"') {
        if (text.slice(inside, inside + 1) !== "\\") return inside; // a control character, or the end of the text
        if (text.slice(inside + 1, inside + 2) !== "u") return inside + 1;
        return matchEnd(HEX, text, inside + 2);
      }
      at = inside + 1;
    } else if (ch === "-" || (ch >= "0" && ch <= "9")) {
      const number = matchEnd(NUMBER_START, text, at);
      if (!(text[number - 1] >= "0" && text[number - 1] <= "9")) return number;
      at = number;
    } else if (Object.hasOwn(LITERALS, ch)) {
      const word = LITERALS[ch];
      let same = 0;
      while (same < word.length && text.slice(at + same, at + same + 1) === word[same]) same += 1;
      if (same < word.length) return at + same;
      at += same;
    } else {
      return at;
    }
    want = key ? "colon" : "after";
  }
}

/**
 * A name in an object as the reader decodes it ("t\u0061gs" is tags), from its JSON string (handin._name_in).
 * @param {string} string
 */
function nameIn(string) {
  if (!string.includes("\\")) return string.slice(1, -1);
  try {
    return JSON.parse(string);
  } catch {
    return string.slice(1, -1);
  }
}

/**
 * The first place, in reading order, nested too deep, with a number too long, with NaN or Infinity,
 * or with a name its object has already (handin._first_limit): its code, its offset and what its
 * message names; strings are skipped whole.
 * @param {string} whole
 * @param {number} [end]
 * @returns {[string, number, Record<string, any>] | null}
 */
function firstLimit(whole, end = whole.length) {
  const text = whole.slice(0, end); // as Python's search up to `end`: a token is cut there
  /** @type {(Map<string, number> | null)[]} each open object's names so far and where each is; null: a list */
  const names = [];
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(text); token !== null; token = TOKEN.exec(text)) {
    const kind = token[0];
    if (kind === '"') {
      STRING_REST.lastIndex = TOKEN.lastIndex;
      if (!STRING_REST.test(text)) return null;
      TOKEN.lastIndex = STRING_REST.lastIndex;
      const object = names[names.length - 1];
      KEY_END.lastIndex = TOKEN.lastIndex;
      if (object && KEY_END.test(text)) {
        const name = nameIn(text.slice(token.index, TOKEN.lastIndex));
        const first = object.get(name);
        if (first !== undefined) {
          return ["duplicate-key", token.index, { key: name, line: text.slice(0, first).split("\n").length }];
        }
        object.set(name, token.index);
      }
    } else if (kind === "[" || kind === "{") {
      names.push(kind === "{" ? new Map() : null);
      if (names.length > MAX_DEPTH) return ["too-deep", token.index, { limit: MAX_DEPTH }];
    } else if (kind === "]" || kind === "}") {
      names.pop();
    } else if (kind[0] >= "0" && kind[0] <= "9") {
      if (LONG_NUMBER.test(kind)) return ["number-too-long", token.index, { limit: MAX_DIGITS }];
    } else if (kind === "NaN" || kind === "Infinity") {
      return ["not-json", token.index, {}];
    }
  }
  return null;
}

/**
 * The text with every number written with a point or an exponent turned into a string, so that
 * `87.0` is no whole number, as in Python (JavaScript's parser reads it as 87); no hand-in field
 * takes such a number, so nothing else changes.
 * @param {string} text
 */
function realNumbersAsText(text) {
  let out = "";
  let from = 0;
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(text); token !== null; token = TOKEN.exec(text)) {
    const kind = token[0];
    if (kind === '"') {
      STRING_REST.lastIndex = TOKEN.lastIndex;
      if (!STRING_REST.test(text)) break;
      TOKEN.lastIndex = STRING_REST.lastIndex;
    } else if (kind[0] >= "0" && kind[0] <= "9" && /[.eE]/.test(kind) && WHOLE_NUMBER.test(kind)) {
      const start = text[token.index - 1] === "-" ? token.index - 1 : token.index;
      out += `${text.slice(from, start)}"${text.slice(start, token.index + kind.length)}"`;
      from = token.index + kind.length;
    }
  }
  return from ? out + text.slice(from) : text;
}

/**
 * "line L, column C" of a code-unit offset, as Python names a place in a file: the column counts
 * characters (code points), as Python's strings do.
 * @param {string} text
 * @param {number} offset
 */
function placeOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${Array.from(before.slice(before.lastIndexOf("\n") + 1)).length + 1}`;
}

/**
 * Decode a hand-in's JSON text: the data, or the first limit or syntax problem (handin.read_json).
 * JavaScript's parser does not always say where the text stops being JSON, and keeps the last of a
 * name given twice without a word: the whole text is searched for a limit or a name twice too.
 * @param {string} text
 * @returns {{data: any} | {refusal: Problem}}
 */
function readJson(text) {
  let data;
  let first;
  try {
    data = JSON.parse(realNumbersAsText(text));
    first = firstLimit(text);
  } catch {
    const end = jsonErrorAt(text) ?? text.length;
    first = firstLimit(text, end);
    if (!first) return { refusal: { code: "not-json", place: placeOf(text, end), args: {} } };
  }
  if (!first) return { data };
  const [code, offset, args] = first;
  return { refusal: { code, place: placeOf(text, offset), args } };
}

// --- the hand-in (handin.parse_handin) --------------------------------------------------------

/**
 * What is wrong with the shape of one tag (handin._tag_problem), or null.
 * @param {any} raw
 * @returns {[string, Record<string, any>] | null}
 */
function tagProblem(raw) {
  if (!isObject(raw)) return ["tag-not-object", {}];
  for (const field of ["id", "label", "quote"])
    if (!isText(raw[field]) || !raw[field]) return ["tag-bad-field", { field }];
  for (const field of ["start", "end"]) if (!isWhole(raw[field])) return ["tag-bad-field", { field }];
  const attrs = "attrs" in raw ? raw.attrs : {};
  if (!isObject(attrs) || !Object.values(attrs).every((v) => isText(v) || v === null)) {
    return ["tag-bad-field", { field: "attrs" }];
  }
  const ids = "source_ids" in raw ? raw.source_ids : [];
  if (!Array.isArray(ids) || !ids.every(isText)) return ["tag-bad-field", { field: "source_ids" }];
  if (raw.note !== undefined && raw.note !== null && !isText(raw.note)) return ["tag-bad-field", { field: "note" }];
  /** @type {[string, string[]][]} */
  const texts = [
    ["id", [raw.id]],
    ["label", [raw.label]],
    ["quote", [raw.quote]],
    ["note", [raw.note || ""]],
    ["source_ids", ids],
    ["attrs", Object.entries(attrs).flatMap(([k, v]) => [k, v || ""])],
  ];
  const broken = texts.find(([, parts]) => parts.some(brokenText));
  return broken ? ["tag-bad-text", { field: broken[0] }] : null;
}

/**
 * Why a well-formed tag does not fit the exercise (handin._against_exercise), or null.
 * @param {any} tag
 * @param {string[]} chars the article's code points
 * @param {Map<string, Label>} labels every label of the exercise
 * @returns {[string, Record<string, any>] | null}
 */
function againstExercise(tag, chars, labels) {
  if (!(tag.start >= 0 && tag.start < tag.end && tag.end <= chars.length)) {
    return ["outside-article", { start: tag.start, end: tag.end, length: chars.length }];
  }
  const there = chars.slice(tag.start, tag.end).join("");
  if (there !== tag.quote) {
    let line = 1;
    for (let i = 0; i < tag.start; i++) if (chars[i] === "\n") line++;
    return ["orphan", { quote: tag.quote, there, line }];
  }
  const spec = labels.get(tag.label);
  if (!spec) return ["unknown-label", { label: tag.label, labels: [...labels.keys()] }];
  for (const [name, value] of Object.entries(tag.attrs || {})) {
    const allowed = spec.attrs?.[name];
    if (allowed === undefined) return ["unknown-attribute", { label: tag.label, name }];
    if (allowed !== FREE_TEXT && value !== null && value !== "" && !allowed.includes(value)) {
      return ["bad-attribute-value", { value, label: tag.label, name, allowed: [...allowed] }];
    }
  }
  return null;
}

/**
 * Where a tag sits in the file: its number, and its id when it has one (handin._place).
 * @param {number} n 1-based
 * @param {any} raw
 */
const placeOfTag = (n, raw) => `tag ${n}${isObject(raw) && isText(raw.id) ? ` (${visible(raw.id)})` : ""}`;

/**
 * Someone's text in a message: in quotation marks, cut short and written out (handin.shown).
 * @param {string} text
 */
const shown = (text) => `“${visible(shortened(text, 60))}”`;

/**
 * Compare two texts code point by code point, as Python compares strings.
 * @param {string} a
 * @param {string} b
 */
export function byCodePoint(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = /** @type {number} */ (x[i].codePointAt(0)) - /** @type {number} */ (y[i].codePointAt(0));
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * What is wrong with one written answer (handin._answer_problem), or null.
 * @param {string} id
 * @param {any} value
 * @returns {[string, Record<string, any>] | null}
 */
function answerProblem(id, value) {
  if (!ID.test(id)) return ["answer-bad-id", { id }];
  if (!isObject(value) || !isText(value.text)) return ["answer-bad-field", { field: "text" }];
  if (value.question !== undefined && value.question !== null && !isText(value.question)) {
    return ["answer-bad-field", { field: "question" }];
  }
  for (const field of ["question", "text"]) if (brokenText(value[field] || "")) return ["answer-bad-text", { field }];
  const length = Array.from(value.text).length;
  if (length > MAX_ANSWER_CHARS) return ["answer-too-long", { length, limit: MAX_ANSWER_CHARS }];
  return null;
}

/**
 * The written answers that pass every check and a problem for each one left out, in the order of
 * their ids (handin.read_answers).
 * @param {Record<string, any>} raw
 */
export function readAnswers(raw) {
  /** @type {Record<string, Answer>} */
  const answers = {};
  /** @type {AnswerProblem[]} */
  const problems = [];
  for (const id of Object.keys(raw).sort(byCodePoint)) {
    const value = raw[id];
    const problem = answerProblem(id, value);
    const question = isObject(value) && isText(value.question) && !brokenText(value.question) ? value.question : "";
    if (!problem) answers[id] = { question, text: value.text };
    else {
      /** @type {AnswerProblem} */
      const left = { code: problem[0], place: `answer ${shown(id)}`, args: problem[1], id, question };
      // too long and nothing else wrong (the last check): its start fits the answer's box
      if (problem[0] === "answer-too-long")
        left.cut = { question, text: Array.from(value.text).slice(0, MAX_ANSWER_CHARS).join("") };
      problems.push(left);
    }
  }
  return { answers, problems };
}

/**
 * A file's size in megabytes as a message gives it, rounded up to a tenth (files.megabytes).
 * @param {number} size in bytes
 */
export function megabytes(size) {
  const tenths = Math.ceil((size * 10) / MB);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/**
 * The refusal of a file bigger than a hand-in may be (files.read_bytes), or null.
 * @param {number} size in bytes
 * @returns {Problem | null}
 */
export function tooBig(size) {
  if (size <= MAX_HANDIN_BYTES) return null;
  return { code: "too-big", place: "", args: { size_mb: megabytes(size), limit_mb: MAX_HANDIN_BYTES / MB } };
}

/**
 * A hand-in file's bytes as UTF-8 text (a byte-order mark is left for readHandin to drop), or the
 * refusal naming the line of the first byte that is not UTF-8 (files.decode_utf8). A line break is
 * never part of a longer character, so the first line that is not UTF-8 on its own holds that byte.
 * @param {Uint8Array} bytes
 * @returns {{text: string} | {refusal: Problem}}
 */
export function decodeHandin(bytes) {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    return { text: strict.decode(bytes) };
  } catch {
    let line = 1;
    for (let start = 0; ; line++) {
      const end = bytes.indexOf(10, start);
      try {
        strict.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
      } catch {
        break;
      }
      if (end === -1) break;
      start = end + 1;
    }
    return { refusal: { code: "not-utf8", place: `line ${line}`, args: {} } };
  }
}

/**
 * Whether a file's bytes begin as every zip file does (the signature handin.load_handin looks for).
 * @param {Uint8Array} bytes
 */
const isZip = (bytes) => [...ZIP_SIGNATURE].every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** Why the browser could not read a file or folder it was given, when it says only that it failed (its permissions). */
export const NOT_READ = "this browser may not read it";

/**
 * What a file or folder the browser was given but could not read is told with (a hand-in problem's args): `moved`
 * when it is no longer where it was given (Chromium's NotFoundError: it was moved, renamed or deleted since, which a
 * browser test makes happen), else the reason NOT_READ (NotReadableError, NoModificationAllowedError: its
 * permissions, or the file changed since).
 * @param {unknown} error
 * @returns {{moved: true} | {reason: string}}
 */
export const notReadArgs = (error) =>
  /** @type {any} */ (error)?.name === "NotFoundError" ? { moved: true } : { reason: NOT_READ };

/**
 * Read a hand-in file as `medialit` reads one (handin.load_handin): its size, whether it can be read,
 * whether it is a zip, then UTF-8, then the hand-in itself. The size is measured here, once, before the
 * file is read: a file too big for a hand-in is never read into memory (the Tagger's Load button and the
 * class report both read here). A file that cannot be read is refused, so the rest of a class is read.
 * @param {Blob | Uint8Array} file a chosen file, or its bytes
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @returns {Promise<HandinRefused | HandinRead>}
 */
export async function readHandinFile(file, exercise, chars) {
  const big = tooBig(file instanceof Uint8Array ? file.length : file.size);
  if (big) return { ok: false, refusal: big };
  let bytes;
  try {
    bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    // the file was chosen but may not be read (its permissions, or it was moved since): said, not thrown
    return { ok: false, refusal: { code: "unreadable", place: "", args: notReadArgs(error) } };
  }
  if (isZip(bytes)) return { ok: false, refusal: { code: "zip", place: "", args: {} } };
  const decoded = decodeHandin(bytes);
  if ("refusal" in decoded) return { ok: false, refusal: decoded.refusal };
  return readHandinText(decoded.text, exercise, chars);
}

/**
 * A hand-in's JSON text read for this exercise (its size already measured).
 * @param {string} text
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @returns {HandinRefused | HandinRead}
 */
function readHandinText(text, exercise, chars) {
  const read = readJson(text.replace(/^\uFEFF/, ""));
  if ("refusal" in read) return { ok: false, refusal: read.refusal };
  return readHandinData(read.data, exercise, chars);
}

/**
 * Read a hand-in (its text, or data already decoded) for this exercise, with the checks, order and
 * codes of core/handin.py: refused whole with one problem, or the tags that pass and an orphan for
 * each tag left out. Tags keep the key fields author mode writes (copyTag).
 * @param {unknown} input
 * @param {Exercise} exercise the compiled exercise; `all_labels` names every label a hand-in may hold
 * @param {string[]} chars the article's code points
 * @returns {HandinRefused | HandinRead}
 */
export function readHandin(input, exercise, chars) {
  if (typeof input !== "string") return readHandinData(input, exercise, chars);
  // a save kept in this browser: held to a hand-in file's size, as it is downloaded as one
  const big = tooBig(new TextEncoder().encode(input).length);
  return big ? { ok: false, refusal: big } : readHandinText(input, exercise, chars);
}

/**
 * Where a problem with one of the hand-in's own fields is: "the exercise field" (handin.field_place).
 * @param {string} name
 */
const fieldPlace = (name) => `the ${name} field`;

/**
 * A hand-in's data, decoded from its JSON, read for this exercise (readHandin).
 * @param {unknown} data
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @returns {HandinRefused | HandinRead}
 */
function readHandinData(data, exercise, chars) {
  /** @returns {HandinRefused} */
  const refuse = (/** @type {string} */ code, /** @type {string} */ place, args = {}) => ({
    ok: false,
    refusal: { code, place, args },
  });
  if (!isObject(data)) return refuse("not-a-handin", "top level");
  const raw = /** @type {any} */ (data);
  if (raw.format !== HANDIN_FORMAT) {
    return isText(raw.format) && raw.format.startsWith("medialit.")
      ? refuse("other-format", fieldPlace("format"), { format: raw.format, expected: HANDIN_FORMAT })
      : refuse("not-a-handin", fieldPlace("format"));
  }
  /** @type {Record<string, string>} */
  const fields = {};
  for (const name of TEXT_FIELDS) {
    const value = raw[name];
    if (value !== undefined && value !== null && !isText(value))
      return refuse("bad-field", fieldPlace(name), { field: name });
    fields[name] = value || "";
  }
  if (raw.answers !== undefined && raw.answers !== null && !isObject(raw.answers)) {
    return refuse("bad-field", fieldPlace("answers"), { field: "answers" });
  }
  if (!ID.test(fields.exercise)) return refuse("bad-field", fieldPlace("exercise"), { field: "exercise" });
  if (!SHA256.test(fields.article_sha256))
    return refuse("bad-field", fieldPlace("article_sha256"), { field: "article_sha256" });
  for (const name of TEXT_FIELDS) {
    if (brokenText(fields[name])) return refuse("lone-surrogate", fieldPlace(name), { field: name });
  }
  if (!Array.isArray(raw.tags)) return refuse("no-tags", fieldPlace("tags"));
  if (fields.exercise !== exercise.id) {
    return refuse("other-exercise", fieldPlace("exercise"), { handin: fields.exercise, exercise: exercise.id });
  }
  if (fields.article_sha256 !== exercise.article.sha256) {
    return refuse("other-article", fieldPlace("article_sha256"), {
      handin: fields.article_sha256.slice(0, 12),
      exercise: exercise.article.sha256.slice(0, 12),
    });
  }
  const labels = new Map((exercise.all_labels || exercise.labels).map((l) => [l.name, l]));
  /** @type {Problem[]} */
  const orphans = [];
  /** @type {Tag[]} */
  const tags = [];
  const seen = new Set();
  raw.tags.forEach((/** @type {any} */ rawTag, /** @type {number} */ n) => {
    let problem = tagProblem(rawTag);
    if (!problem && seen.has(rawTag.id)) problem = ["duplicate-id", { id: rawTag.id }];
    if (!problem) {
      seen.add(rawTag.id);
      problem = againstExercise(rawTag, chars, labels);
    }
    if (problem) orphans.push({ code: problem[0], place: placeOfTag(n + 1, rawTag), args: problem[1] });
    else tags.push(copyTag(rawTag));
  });
  const kept = new Map(tags.map((t) => [t.id, t]));
  for (const tag of tags) {
    for (const ref of tag.source_ids) {
      const target = kept.get(ref);
      if (target === undefined || target.label !== "source") {
        orphans.push({
          code: "bad-source-link",
          place: `tag ${visible(tag.id)}`,
          args: { ref, target_label: target === undefined ? null : target.label },
        });
      }
    }
    tag.source_ids = tag.source_ids.filter((r) => kept.get(r)?.label === "source");
  }
  const written = readAnswers(raw.answers || {});
  return {
    ok: true,
    tags,
    orphans,
    answers: written.answers,
    answer_problems: written.problems,
    exercise: fields.exercise,
    article_sha256: fields.article_sha256,
    student: fields.student,
    created: fields.created,
    updated: fields.updated,
  };
}

/**
 * A hand-in problem in the student's plain sentence (the Tagger's Load and saved work).
 * @param {Problem} problem
 */
export function problemText(problem) {
  return renderer([], "student").render(problemMessage(problem.code, problem.args));
}

/**
 * Tags left out, in the student's sentences, each reason once with how many tags it is about: a hand-in with
 * 100,000 broken tags gave a notice of 100,000 sentences, and three gave the same sentence three times. A reason
 * whose sentences quote more than two different words (each tag's own) gives the first and how many more are like
 * it, as the class report's table of tags left out does (tables.js's leftOutRows).
 * @param {Problem[]} problems
 */
export function problemsText(problems) {
  /** @type {Map<string, string[]>} per reason (the problem's code), the sentence of each tag */
  const reasons = new Map();
  for (const problem of problems) {
    if (!reasons.has(problem.code)) reasons.set(problem.code, []);
    reasons.get(problem.code)?.push(problemText(problem));
  }
  return [...reasons.values()]
    .flatMap((said) => {
      /** @type {Map<string, number>} */
      const times = new Map();
      for (const text of said) times.set(text, (times.get(text) || 0) + 1);
      if (times.size > 2)
        return said[0].replace(/\.?$/, `, and so were ${counted(said.length - 1, "more tag")} like it.`);
      return [...times].map(([text, n]) => (n > 1 ? text.replace(/\.?$/, `: ${counted(n, "tag")} like this.`) : text));
    })
    .join(" ");
}

/**
 * A hand-in problem in the teacher's sentence with its fix (check.js's refusal). Apart from problemText, so
 * that a student's widget, whose message table has no teacher's words, does not carry it.
 * @param {Problem} problem
 */
export function teacherProblemText(problem) {
  const words = renderer([], "teacher");
  const message = problemMessage(problem.code, problem.args);
  return `${words.render(message)} Fix: ${words.render(message, "fix")}`;
}

/** True when `x` may name an exercise or a written answer's question (lowercase letters, digits and dashes). */
export const isId = (/** @type {string} */ x) => ID.test(x);
