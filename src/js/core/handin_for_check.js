// Reading a hand-in for Check: the same refusals and per-tag problems, in the same words, as
// src/medialit/core/handin.py's parse_handin (file size and JSON syntax are the caller's business).

import contract from "../../medialit/data/contract.json" with { type: "json" };

const HANDIN_FORMAT = contract.formats.handin;
const FREE_TEXT = contract.free_text;

// --- Python-compatible helpers, so the messages read exactly as Python's ---------------------

// --- Python-compatible helpers ---------------------------------------------------------------

const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function pyReprString(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const named = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", [quote]: `\\${quote}` };
  let out = quote;
  for (const ch of text) {
    if (named[ch]) out += named[ch];
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      const cp = ch.codePointAt(0);
      const [prefix, width] = cp < 0x100 ? ["\\x", 2] : cp < 0x10000 ? ["\\u", 4] : ["\\U", 8];
      out += prefix + cp.toString(16).padStart(width, "0");
    } else out += ch;
  }
  return out + quote;
}

function pyReprNumber(x) {
  if (Number.isInteger(x)) return BigInt(x).toString();
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const [mantissa, power] = x.toExponential().split("e");
  // A non-integer double is below 1e16, so only small numbers need Python's "1e-05" style.
  if (Number(power) >= -4) return String(x);
  return `${mantissa}e-${String(-Number(power)).padStart(2, "0")}`;
}

/** Python's repr() of a decoded JSON value (1.0 and 1 cannot be told apart once decoded). */
function pyRepr(value) {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pyReprNumber(value);
  if (typeof value === "string") return pyReprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`).join(", ")}}`;
}

/** Python's str() of a decoded JSON value. */
function pyStr(value) {
  return typeof value === "string" ? value : pyRepr(value);
}

/** Python's truth value of a decoded JSON value. */
function pyTruthy(value) {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function own(object, name) {
  return isObject(object) && Object.hasOwn(object, name) ? object[name] : undefined;
}

// --- reading a hand-in -----------------------------------------------------------------------

/** Code points and line starts of the compiled article. */
function articleView(article) {
  const chars = Array.from(article.text);
  const lineStarts = [0];
  chars.forEach((ch, i) => { if (ch === "\n") lineStarts.push(i + 1); });
  return { chars, lineStarts };
}

function lineOf(view, offset) {
  let lo = 0;
  let hi = view.lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.lineStarts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


function finding(place, problem, fix) {
  return { place, problem, fix };
}

/**
 * Why the hand-in cannot be checked against this exercise at all, or null.
 * The same refusals, in the same words, as Python's parse_handin (file size and JSON syntax are
 * the caller's business: this reads an already decoded object). `file` names it in the message.
 */
export function refusal(exercise, handin, file = "") {
  const refuse = (place, problem, fix) => `${file ? `${file}: ` : ""}${place}: ${problem} Fix: ${fix}`;
  if (!isObject(handin)) {
    return refuse("top level", "this is not a medialit hand-in (no JSON object).",
      "choose the .json file that the Download button saved.");
  }
  const fmt = handin.format;
  if (fmt !== HANDIN_FORMAT) {
    const problem = typeof fmt !== "string" || !fmt.startsWith("medialit.")
      ? "this is not a medialit hand-in file"
      : `this file has format ${pyRepr(fmt)}, not ${pyRepr(HANDIN_FORMAT)}`;
    return refuse("`format`", `${problem}.`,
      "choose the .json file that the Download button saved (a newer medialit may read newer files).");
  }
  if (!Array.isArray(handin.tags)) {
    return refuse("`tags`", "the file has no list of tags.", "choose the file that the Download button saved.");
  }
  const exerciseId = pyTruthy(handin.exercise) ? pyStr(handin.exercise) : "";
  if (exerciseId !== exercise.id) {
    return refuse("`exercise`", `this hand-in is for exercise ${pyRepr(exerciseId)}, not ${pyRepr(exercise.id)}.`,
      "check it against its own exercise file.");
  }
  const sha = pyTruthy(handin.article_sha256) ? pyStr(handin.article_sha256) : "";
  if (sha !== exercise.article.sha256) {
    const short = (text) => Array.from(text).slice(0, 12).join("");
    return refuse("`article_sha256`", "this hand-in was made for another version of the article "
      + `(hand-in ${short(sha)}…, exercise ${short(exercise.article.sha256)}…).`,
      "use the exercise version the student worked on, or ask the student to tag again.");
  }
  return null;
}

/** What is wrong with the shape of one tag, or null. */
function tagProblem(raw) {
  if (!isObject(raw)) return "is not an object";
  for (const name of ["id", "label", "quote"]) {
    if (typeof raw[name] !== "string" || !raw[name]) return `has no \`${name}\` text`;
  }
  for (const name of ["start", "end"]) {
    if (!Number.isInteger(raw[name])) return `has no whole-number \`${name}\``;
  }
  if (Object.hasOwn(raw, "attrs") && !isObject(raw.attrs)) return "has `attrs` that is not an object";
  if (Object.hasOwn(raw, "source_ids") && !(Array.isArray(raw.source_ids) && raw.source_ids.every((i) => typeof i === "string"))) {
    return "has `source_ids` that is not a list of ids";
  }
  if (Object.hasOwn(raw, "note") && !(typeof raw.note === "string" || raw.note === null)) return "has a `note` that is not text";
  return null;
}

/** Why a well-formed tag does not fit the exercise (range, orphan quote, label, attributes), or null. */
function problemAgainstExercise(tag, exercise, labels) {
  const view = articleView(exercise.article);
  const size = view.chars.length;
  if (!(tag.start >= 0 && tag.start < tag.end && tag.end <= size)) {
    return `its span ${tag.start}–${tag.end} is outside the article (0–${size}); it was left out.`;
  }
  const there = view.chars.slice(tag.start, tag.end).join("");
  if (there !== tag.quote) {
    return `orphan: its quote “${tag.quote}” does not match the article there `
      + `(“${there}”, L${lineOf(view, tag.start)}); it was left out.`;
  }
  const spec = labels.get(tag.label);
  if (!spec) {
    return `its label ${pyRepr(tag.label)} is not one of this exercise's (${[...labels.keys()].join(", ")}); it was left out.`;
  }
  for (const [name, value] of Object.entries(tag.attrs)) {
    const allowed = own(spec.attrs, name);
    if (allowed === undefined || allowed === null) {
      return `label ${tag.label} has no attribute ${pyRepr(name)}; the tag was left out.`;
    }
    if (allowed !== FREE_TEXT && value !== null && value !== "" && !(typeof value === "string" && allowed.includes(value))) {
      return `${pyRepr(value)} is not a value of ${tag.label}.${name} (${allowed.join(", ")}); the tag was left out.`;
    }
  }
  return null;
}

function labelMap(exercise) {
  return new Map(exercise.labels.map((spec) => [spec.name, spec]));
}

/** The usable tags of a hand-in and the findings about the rest, as Python's parse_handin. */
export function readTags(exercise, handin) {
  const findings = [];
  const candidates = [];
  if (!isObject(handin) || !Array.isArray(handin.tags)) return { tags: candidates, findings };
  const labels = labelMap(exercise);
  const seen = new Set();
  handin.tags.forEach((raw, n) => {
    const place = `tag ${n + 1}` + (isObject(raw) && typeof raw.id === "string" ? ` (${raw.id})` : "");
    const problem = tagProblem(raw);
    if (problem) {
      findings.push(finding(place, `this tag ${problem}; it was left out.`, "tag it again in the widget."));
      return;
    }
    const tag = {
      id: raw.id, label: raw.label, start: raw.start, end: raw.end, quote: raw.quote,
      attrs: { ...(raw.attrs || {}) }, source_ids: [...(raw.source_ids || [])], note: raw.note || "",
    };
    if (seen.has(tag.id)) {
      findings.push(finding(place, `the id \`${tag.id}\` is used twice; the second was left out.`,
        "give each tag its own id, or tag it again in the widget."));
      return;
    }
    seen.add(tag.id);
    const misfit = problemAgainstExercise(tag, exercise, labels);
    if (misfit) {
      findings.push(finding(place, misfit, "tag it again in the widget."));
      return;
    }
    candidates.push(tag);
  });

  const kept = new Map(candidates.map((t) => [t.id, t]));
  for (const tag of candidates) {
    for (const ref of tag.source_ids) {
      const target = kept.get(ref);
      if (target === undefined || target.label !== "source") {
        const what = target === undefined ? "a tag that is not there" : `a ${target.label} tag, not a source`;
        findings.push(finding(`tag ${tag.id}`, `\`source_ids\` points at ${what} (${ref}); that link was dropped.`,
          "link the claim to a source tag again."));
      }
    }
    tag.source_ids = tag.source_ids.filter((r) => kept.has(r) && kept.get(r).label === "source");
  }
  return { tags: candidates, findings };
}
