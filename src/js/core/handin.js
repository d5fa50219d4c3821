// @ts-check
// Hand-in files in the browser (src/medialit/core/handin.py): the document the Download button
// saves, and the reader that checks one loaded from a file or from this browser's saved work.

import { quoteOf } from "./spans.js";

/** @typedef {import("./types.js").Exercise} Exercise */
/** @typedef {import("./types.js").HandIn} HandIn */
/** @typedef {import("./types.js").Tag} Tag */

export const HANDIN_FORMAT = "medialit.handin/1";
export const MAX_HANDIN_BYTES = 5 * 1024 * 1024;

/**
 * A clean copy of a tag with the hand-in fields, plus the key fields author mode edits (why,
 * hints, optional, entity, accept, and a draft's reason and confidence) when they are there and of the
 * right type.
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
  if (typeof t.why === "string") out.why = t.why;
  if (typeof t.entity === "string") out.entity = t.entity;
  if (Array.isArray(t.hints)) out.hints = t.hints.filter((/** @type {any} */ x) => typeof x === "string");
  if (typeof t.optional === "boolean") out.optional = t.optional;
  if (t.draft === true) out.draft = true;
  if (t.draft === true && typeof t.reason === "string") out.reason = t.reason;
  if (t.draft === true && typeof t.confidence === "number") out.confidence = t.confidence;
  if (Array.isArray(t.accept)) {
    out.accept = t.accept
      .filter(
        (/** @type {any} */ a) =>
          a && Number.isInteger(a.start) && Number.isInteger(a.end) && typeof a.quote === "string",
      )
      .map((/** @type {any} */ { start, end, quote }) => ({ start, end, quote }));
  }
  return out;
}

/**
 * The hand-in document for some tags.
 * @param {Exercise} exercise
 * @param {Tag[]} tags
 * @param {{student?: string, created?: string, updated?: string}} [fields]
 * @returns {HandIn}
 */
export function makeHandin(exercise, tags, { student = "", created = "", updated = "" } = {}) {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    format: HANDIN_FORMAT,
    exercise: exercise.id,
    article_sha256: exercise.article.sha256,
    student,
    created: created || now,
    updated: updated || now,
    tags: tags.map(copyTag),
  };
}

const short = (/** @type {unknown} */ sha) => `${String(sha).slice(0, 12)}…`;
const isObject = (/** @type {unknown} */ x) => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * `s`, cut to `n` characters with an ellipsis.
 * @param {string} s
 * @param {number} [n]
 */
export const ellipsis = (s, n = 40) =>
  Array.from(s).length > n
    ? `${Array.from(s)
        .slice(0, n - 1)
        .join("")}…`
    : s;

/**
 * Check one tag's shape; the problem in words, or null.
 * @param {any} t
 */
function tagShapeProblem(t) {
  if (!isObject(t)) return "is not an object";
  for (const k of ["id", "label", "quote"]) if (typeof t[k] !== "string" || !t[k]) return `has no \`${k}\` text`;
  for (const k of ["start", "end"]) if (!Number.isInteger(t[k])) return `has no whole-number \`${k}\``;
  if (t.attrs !== undefined && !isObject(t.attrs)) return "has `attrs` that is not an object";
  if (
    t.source_ids !== undefined &&
    !(Array.isArray(t.source_ids) && t.source_ids.every((/** @type {any} */ s) => typeof s === "string"))
  ) {
    return "has `source_ids` that is not a list of ids";
  }
  if (t.note !== undefined && t.note !== null && typeof t.note !== "string") return "has a `note` that is not text";
  return null;
}

/**
 * @typedef {{ok: false, error: string}} HandinRefused
 * @typedef {{ok: true, tags: Tag[], problems: string[], student: string, created: string}} HandinRead
 */

/**
 * Read a hand-in (text or parsed object) for this exercise. Refused whole:
 * {ok: false, error}. Otherwise {ok: true, tags, problems, student, created}; bad tags are left
 * out and named in `problems`. Tags whose label this page does not show are kept as they are.
 * @param {unknown} input
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @param {string} [fileName]
 * @returns {HandinRefused | HandinRead}
 */
export function readHandin(input, exercise, chars, fileName = "the file") {
  /** @returns {HandinRefused} */
  const refuse = (/** @type {string} */ why) => ({
    ok: false,
    error: `${fileName}: ${why} Your current work is kept.`,
  });
  const choose = "Choose the .json file the Download button saved.";
  /** @type {any} */
  let data = input;
  if (typeof input === "string") {
    if (input.length > MAX_HANDIN_BYTES) return refuse("it is over 5 MB, too big for a hand-in.");
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch {
      return refuse(`it is not a medialit hand-in (not valid JSON). ${choose}`);
    }
  }
  if (!isObject(data)) return refuse("it is not a medialit hand-in (no JSON object).");
  if (data.format !== HANDIN_FORMAT) {
    return refuse(
      typeof data.format === "string" && data.format.startsWith("medialit.")
        ? `it has format "${data.format}", not "${HANDIN_FORMAT}".`
        : `it is not a medialit hand-in file. ${choose}`,
    );
  }
  if (data.exercise !== exercise.id) {
    return refuse(`it is for exercise "${data.exercise}", but this page is exercise "${exercise.id}".`);
  }
  if (data.article_sha256 !== exercise.article.sha256) {
    return refuse(
      `it was made for another version of the article (file ${short(data.article_sha256)}, ` +
        `this page ${short(exercise.article.sha256)}).`,
    );
  }
  if (!Array.isArray(data.tags)) return refuse("it has no list of tags.");
  const specs = new Map(exercise.labels.map((l) => [l.name, l]));
  /** @type {string[]} */
  const problems = [];
  /** @type {Map<string, Tag>} */
  const byId = new Map();
  /**
   * Why one raw tag cannot be kept, or null.
   * @param {any} raw
   */
  const problemOf = (raw) => {
    const shape = tagShapeProblem(raw);
    if (shape) return ` ${shape}`;
    if (!(raw.start >= 0 && raw.start < raw.end && raw.end <= chars.length)) return " is outside the article";
    if (quoteOf(chars, raw.start, raw.end) !== raw.quote)
      return `: “${ellipsis(raw.quote)}” does not match the article there`;
    /** @type {any} */
    const allowed = specs.get(raw.label)?.attrs;
    for (const [name, value] of Object.entries(specs.has(raw.label) ? raw.attrs || {} : {})) {
      const ok =
        allowed?.[name] === "text"
          ? typeof value === "string"
          : Array.isArray(allowed?.[name]) && (value === "" || value === null || allowed[name].includes(value));
      if (!ok) return `: "${value}" is not a value of ${raw.label} ${name}`;
    }
    return null;
  };
  for (const [n, raw] of data.tags.entries()) {
    const place = `tag ${n + 1}${raw && typeof raw.id === "string" ? ` (${raw.id})` : ""}`;
    const shape = tagShapeProblem(raw);
    if (!shape && byId.has(raw.id)) {
      problems.push(`${place}: the id is used twice; the second was left out.`);
      continue;
    }
    const problem = problemOf(raw);
    if (problem) problems.push(`${place}${problem}; it was left out.`);
    else byId.set(raw.id, copyTag(raw));
  }
  for (const t of byId.values()) {
    const good = t.source_ids.filter((s) => byId.get(s)?.label === "source");
    if (good.length !== t.source_ids.length) {
      problems.push(`tag ${t.id}: a link to a missing or non-source tag was dropped.`);
      t.source_ids = good;
    }
  }
  const text = (/** @type {unknown} */ x) => (typeof x === "string" ? x : "");
  return { ok: true, tags: [...byId.values()], problems, student: text(data.student), created: text(data.created) };
}
