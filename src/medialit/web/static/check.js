// medialit Check in the browser: the same rules as src/medialit/core/check.py, so a static book page
// (no kernel, no server) gives the student the same Report, word for word, as the Python library.
// Plain ES module, no dependencies, no DOM; runs in browsers and in Node 20.
// The shared test vectors in tests/vectors/ hold the Python Reports this module must reproduce.
//
// Offsets are Unicode code points of the article text, as everywhere in medialit; JavaScript
// strings count UTF-16 units, so article text and quotes are measured with Array.from().

const REPORT_FORMAT = "medialit.report/1";
const HANDIN_FORMAT = "medialit.handin/1";
const FREE_TEXT = "text";
const OVER_TAGGING_RATIO = 3;

// --- Python-compatible helpers ---------------------------------------------------------------

/** Python's round(x, ndigits): nearest decimal of the exact binary value, exact ties to even. */
export function pyRound(x, ndigits) {
  if (!Number.isFinite(x)) return x;
  const size = Math.abs(x);
  if (size >= 1e15) return x; // no fractional digits left to round at this size
  let text = size.toFixed(ndigits); // nearest decimal, but exact ties go up
  // An exact tie needs x = odd / 2**(ndigits+1); then ndigits+1 decimals show x exactly.
  if (Number.isInteger(size * 2 ** (ndigits + 1))) {
    const exact = size.toFixed(ndigits + 1);
    if (exact.endsWith("5")) {
      const down = exact.slice(0, -1).replace(/\.$/, "");
      if (Number(down.at(-1)) % 2 === 0) text = down;
    }
  }
  const rounded = Number(text);
  return x < 0 ? -rounded : rounded;
}

const PY_SPACE = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's str.strip() (JavaScript's trim() also strips U+FEFF, Python does not). */
function pyStrip(text) {
  return text.replace(PY_SPACE, "");
}

/** Python's str.capitalize(): first character upper case, the rest lower case. */
function pyCapitalize(text) {
  const chars = Array.from(text);
  return chars.length ? chars[0].toUpperCase() + chars.slice(1).join("").toLowerCase() : "";
}

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

/** Python's string order (by code point); JavaScript's default sort compares UTF-16 units. */
function byCodePoint(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function sortedUnique(values) {
  return [...new Set(values)].sort(byCodePoint);
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function own(object, name) {
  return isObject(object) && Object.hasOwn(object, name) ? object[name] : undefined;
}

// --- the article, measured in code points ---------------------------------------------------

const articleCache = new WeakMap();

/** Code points, line starts and sentences of the compiled article, computed once per article. */
function articleView(article) {
  let view = articleCache.get(article);
  if (!view) {
    const chars = Array.from(article.text);
    const lineStarts = [0];
    chars.forEach((ch, i) => { if (ch === "\n") lineStarts.push(i + 1); });
    view = { chars, lineStarts, sentences: article.sentences || [] };
    articleCache.set(article, view);
  }
  return view;
}

/** 1-based line of a code-point offset (Python's Article.line_of). */
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

function sentenceCount(view, start, end) {
  return view.sentences.filter((s) => s.start < end && s.end > start).length;
}

// --- one-to-one matching ---------------------------------------------------------------------

/**
 * Optimal assignment for a rectangular matrix (a list of rows), as scipy's linear_sum_assignment.
 *
 * A step-for-step port of scipy's shortest augmenting path solver (Crouse 2016, scipy
 * rectangular_lsap.cpp), so that even among equally good assignments it picks the one
 * the Python checker picks. Returns {rows, cols}: rows ascending, row i paired with cols[i].
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

function jaccard(aStart, aEnd, bStart, bEnd) {
  const inter = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  if (inter <= 0) return 0;
  return inter / (Math.max(aEnd, bEnd) - Math.min(aStart, bStart));
}

function spansOf(item) {
  return [{ start: item.start, end: item.end, quote: item.quote }, ...(item.accept || [])];
}

/** Best Jaccard index between the tag and the item's main or accepted spans. */
function overlap(tag, item) {
  return Math.max(...spansOf(item).map((s) => jaccard(tag.start, tag.end, s.start, s.end)));
}

function touches(tag, item) {
  return spansOf(item).some((s) => tag.start < s.end && s.start < tag.end);
}

/** One-to-one matching (tag index -> item index) that maximises summed overlap. */
function assign(tags, items) {
  const found = new Map();
  if (!tags.length || !items.length) return found;
  const weights = tags.map((tag) => items.map((item) => (touches(tag, item) ? pyRound(overlap(tag, item), 6) : 0)));
  const { rows, cols } = linearSumAssignment(weights, true);
  rows.forEach((t, n) => { if (weights[t][cols[n]] > 0) found.set(t, cols[n]); });
  return found;
}

// --- reading a hand-in -----------------------------------------------------------------------

function finding(place, problem, fix = "") {
  return { tag_id: place, message: fix ? `${place}: ${problem} Fix: ${fix}` : `${place}: ${problem}` };
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
function readTags(exercise, handin) {
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

/**
 * Per-tag problems of a hand-in (bad shape, duplicate id, out of range, orphan quote, unknown
 * label or attribute value, broken source links) as `{tag_id, message}` report orphans.
 * Call refusal() first: a hand-in refused as a whole has no per-tag problems worth showing.
 */
export function handinProblems(exercise, handin) {
  return readTags(exercise, handin).findings;
}

// --- checking --------------------------------------------------------------------------------

/**
 * The exercise with only some labels and, with `lines` (or a compiled part), only the key items
 * on those lines (Python's Exercise.restricted). `covers(start, end)` says if a span is in the part.
 */
function restricted(exercise, names, lines, view) {
  const all = labelMap(exercise);
  const unknown = (names || []).filter((n) => !all.has(n));
  if (unknown.length) {
    throw new Error(`${exercise.id}: labels: the exercise has no label ${unknown.map(pyRepr).join(", ")}. `
      + `Fix: use some of: ${[...all.keys()].join(", ")}.`);
  }
  const keep = new Set(names && names.length ? names : all.keys());
  const part = lines || exercise.article.part?.lines || null;
  const [from, to] = part
    ? [view.lineStarts[part[0] - 1], part[1] < view.lineStarts.length ? view.lineStarts[part[1]] - 1 : view.chars.length]
    : [0, view.chars.length];
  const covers = (start, end) => from <= start && end <= to;
  return {
    exercise,
    lines: part,
    covers,
    labels: new Map([...all].filter(([n]) => keep.has(n))),
    key: exercise.key.filter((k) => keep.has(k.label) && covers(k.start, k.end)),
    distractors: (exercise.distractors || []).filter((d) => (d.labels || []).some((n) => keep.has(n)) && covers(d.start, d.end)),
  };
}

function quoted(text, limit = 60) {
  const chars = Array.from(text);
  return chars.length <= limit ? `“${text}”` : `“${chars.slice(0, limit - 1).join("")}…”`;
}

function titleOf(ex, label) {
  return ex.labels.get(label).title.toLowerCase();
}

function itemById(ex, id) {
  return ex.key.find((k) => k.id === id) || null;
}

function attrVerdicts(tag, item, ex, challenge) {
  const spec = ex.labels.get(item.label);
  const verdicts = {};
  for (const [name, expected] of Object.entries(item.attrs || {})) {
    const kind = own(spec.attrs, name);
    const expectedList = Array.isArray(expected) ? expected : [expected];
    let given = own(tag.attrs, name);
    given = given === undefined || given === null || given === "" ? null : given;
    let verdict;
    if (kind === FREE_TEXT) verdict = "free";
    else if (given === null) verdict = "unset";
    else verdict = expectedList.includes(given) ? "right" : "wrong";
    if (verdict === "unset" && !challenge) continue;
    verdicts[name] = { expected: [...expectedList], given, verdict };
  }
  return verdicts;
}

function entityOf(item) {
  return item.entity || item.id;
}

function attribution(tag, item, matches, ex, challenge) {
  if (item.label !== "claim" || item.source_ids == null || !ex.labels.has("source")) return null;
  const expected = sortedUnique(item.source_ids.map((i) => entityOf(itemById(ex, i))));
  const given = sortedUnique(tag.source_ids.map((s) => (matches.has(s) ? entityOf(matches.get(s)) : `tag:${s}`)));
  const shared = given.filter((g) => expected.includes(g)).length;
  let verdict;
  if (!tag.source_ids.length && expected.length) {
    if (!challenge) return null;
    verdict = "unset";
  } else if (shared === given.length && shared === expected.length) verdict = "right";
  else if (shared) verdict = "partial";
  else verdict = "wrong";
  return { expected, given, verdict };
}

function itemMessage(entry, item, ex, tag) {
  const { verdict } = entry;
  const title = titleOf(ex, item.label);
  const where = `L${item.line}`;
  let text;
  if (verdict === "hit") {
    text = `Found: ${quoted(item.quote)} (${where}). ${item.why}`;
  } else if (verdict === "boundary") {
    const size = tag.end - tag.start > item.end - item.start ? "longer" : "shorter";
    text = `Close: your tag ${quoted(tag.quote)} overlaps the ${title} item on ${where}, but it is ${size} `
      + `than the key's ${quoted(item.quote)}. ${item.why}`;
  } else if (verdict === "wrong-label") {
    text = `You tagged ${quoted(tag.quote)} (${where}) as ${titleOf(ex, tag.label)}; `
      + `the key has it as a ${title} item. ${item.why}`;
  } else if (item.optional) {
    text = `Optional (${where}): some readers would tag ${quoted(item.quote)} as ${title}. ${item.why}`;
  } else {
    const hint = item.hints && item.hints.length ? ` Hint: ${item.hints[0]}` : "";
    text = `Not found yet: a ${title} item on ${where}.${hint}`;
  }
  for (const [name, v] of Object.entries(entry.attrs)) {
    if (v.verdict === "wrong") {
      text += ` ${pyCapitalize(name)}: you chose ${v.given}; the key has ${v.expected.join(" or ")}.`;
    } else if (v.verdict === "unset") {
      text += ` ${pyCapitalize(name)}: not set yet.`;
    }
  }
  const attributed = entry.attribution;
  if (attributed && attributed.verdict !== "right") {
    const names = (item.source_ids || []).map((i) => itemById(ex, i).quote);
    if (!names.length) text += " Attributed to: the article gives no source for this claim.";
    else if (attributed.verdict === "unset") text += " Attributed to: who says this? Link the claim to its source.";
    else text += ` Attributed to: the key links this claim to ${names.map((n) => quoted(n)).join(", ")}.`;
  }
  return pyStrip(text);
}

function tagMessage(entry, tag, ex, line, linked) {
  const title = titleOf(ex, tag.label);
  switch (entry.verdict) {
    case "matched":
      return `Matches the key's ${title} item on L${linked.line}.`;
    case "defensible":
      return `Defensible: the key lists ${quoted(linked.quote)} (L${linked.line}) as an optional ${title} item. ${linked.why}`;
    case "wrong-label":
      return `On L${linked.line} the key has this as a ${titleOf(ex, linked.label)} item, not a ${title} item.`;
    case "distractor":
      return `${quoted(tag.quote)} (L${line}) is usually not tagged as ${title}. ${linked.why}`;
    default:
      return `${quoted(tag.quote)} (L${line}) is not in the key as a ${title} item. ${ex.labels.get(tag.label).help}`;
  }
}

function notices(tag, line, item, ex, view) {
  const title = titleOf(ex, tag.label);
  const found = [];
  const sentences = sentenceCount(view, tag.start, tag.end);
  if (sentences > 1 || (item && tag.end - tag.start >= OVER_TAGGING_RATIO * (item.end - item.start))) {
    const what = sentences > 1 ? "more than one sentence" : "much more than the words that do the work";
    found.push({
      kind: "over-tagging", tag_id: tag.id,
      message: `Your ${title} tag on L${line} covers ${what}. Tag the exact words: long tags lower your precision.`,
    });
  }
  const covered = ex.key.filter((k) => k.label === tag.label && !k.optional && tag.start < k.end && k.start < tag.end);
  if (covered.length > 1) {
    found.push({
      kind: "one-tag-many-items", tag_id: tag.id,
      message: `Your ${title} tag on L${line} covers ${covered.length} key items. Tag each one separately.`,
    });
  }
  return found;
}

function score(credit, tags, required) {
  let precision;
  let recall;
  let f1;
  if (tags === 0 && required === 0) {
    precision = recall = f1 = 1;
  } else {
    precision = Math.min(tags ? credit / tags : 0, 1);
    recall = Math.min(required ? credit / required : 0, 1);
    f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return {
    precision: pyRound(precision, 4), recall: pyRound(recall, 4), f1: pyRound(f1, 4),
    credit: pyRound(credit, 4), tags, required,
  };
}

/** Raised by check() for a hand-in that belongs to another exercise or article, or is no hand-in. */
export class HandInRefused extends Error {}

/**
 * Compare a hand-in with the exercise's key; returns the Report (`medialit.report/1`) that
 * Python's check() gives. `exercise` is the compiled exercise JSON, `handin` the hand-in JSON;
 * `options.labels` keeps only those labels, `options.difficulty` overrides the exercise's.
 */
export function check(exercise, handin, options = {}) {
  const refused = refusal(exercise, handin);
  if (refused) throw new HandInRefused(refused);
  const { tags: allTags, findings } = readTags(exercise, handin);
  const view = articleView(exercise.article);
  const ex = restricted(exercise, options.labels, options.lines, view);
  const difficulty = options.difficulty || exercise.difficulty;
  const challenge = difficulty === "challenge";
  const tolerance = exercise.tolerance;
  const tags = allTags.filter((t) => ex.labels.has(t.label) && ex.covers(t.start, t.end));

  const matches = new Map(); // tag id -> key item
  const overlaps = new Map(); // tag id -> overlap with its matched item
  for (const label of ex.labels.keys()) {
    const ownTags = tags.filter((t) => t.label === label);
    const ownItems = ex.key.filter((k) => k.label === label);
    for (const [t, k] of assign(ownTags, ownItems)) {
      matches.set(ownTags[t].id, ownItems[k]);
      overlaps.set(ownTags[t].id, overlap(ownTags[t], ownItems[k]));
    }
  }
  const matchedByItem = new Map([...matches].map(([tagId, item]) => [item.id, tagId]));
  const tagsById = new Map(tags.map((t) => [t.id, t]));

  const wrongLabel = new Map(); // item id -> tag of another label
  const taken = new Set(); // ids of the tags in wrongLabel
  for (const item of ex.key) {
    if (matchedByItem.has(item.id) || item.optional) continue;
    let best = null;
    let bestOverlap = -1;
    for (const t of tags) {
      if (t.label === item.label || matches.has(t.id) || taken.has(t.id)) continue;
      const ov = overlap(t, item);
      if (ov >= tolerance && ov > bestOverlap) { // strict: the earlier tag wins a tie
        best = t;
        bestOverlap = ov;
      }
    }
    if (best) {
      wrongLabel.set(item.id, best);
      taken.add(best.id);
    }
  }

  const itemsOut = ex.key.map((item) => {
    const isMatched = matchedByItem.has(item.id);
    const tag = isMatched ? tagsById.get(matchedByItem.get(item.id)) : wrongLabel.get(item.id) || null;
    let ov;
    let verdict;
    if (isMatched) {
      ov = overlaps.get(tag.id);
      verdict = ov >= tolerance ? "hit" : "boundary";
    } else if (tag) {
      ov = overlap(tag, item);
      verdict = "wrong-label";
    } else {
      ov = 0;
      verdict = "missed";
    }
    const entry = {
      key_id: item.id, label: item.label, line: item.line, start: item.start, end: item.end,
      quote: item.quote, optional: Boolean(item.optional), verdict, tag_id: tag ? tag.id : null,
      overlap: pyRound(ov, 4),
      attrs: isMatched ? attrVerdicts(tag, item, ex, challenge) : {},
      attribution: isMatched ? attribution(tag, item, matches, ex, challenge) : null,
      why: item.why, hints: [...(item.hints || [])],
    };
    entry.message = itemMessage(entry, item, ex, tag);
    return entry;
  });

  const wrongLabelTags = new Map([...wrongLabel].map(([itemId, t]) => [t.id, itemId]));
  const tagsOut = [];
  const noticesOut = [];
  for (const tag of tags) {
    const line = lineOf(view, tag.start);
    let linked = matches.get(tag.id) || null;
    let verdict;
    if (linked) {
      verdict = linked.optional ? "defensible" : "matched";
    } else if (wrongLabelTags.has(tag.id)) {
      linked = itemById(ex, wrongLabelTags.get(tag.id));
      verdict = "wrong-label";
      overlaps.set(tag.id, overlap(tag, linked));
    } else {
      linked = ex.distractors.find((d) => (d.labels || []).includes(tag.label)
        && tag.start < d.end && d.start < tag.end) || null;
      verdict = linked ? "distractor" : "extra";
    }
    const entry = {
      tag_id: tag.id, label: tag.label, start: tag.start, end: tag.end, quote: tag.quote, verdict,
      key_id: linked ? linked.id : null, overlap: pyRound(overlaps.get(tag.id) || 0, 4),
    };
    entry.message = tagMessage(entry, tag, ex, line, linked);
    tagsOut.push(entry);
    noticesOut.push(...notices(tag, line, matches.get(tag.id) || null, ex, view));
  }

  const scores = {};
  const totals = { credit: 0, tags: 0, required: 0, attrs_right: 0, attrs_asked: 0 };
  for (const label of ex.labels.keys()) {
    const nTags = tagsOut.filter((e) => e.label === label && e.verdict !== "defensible").length;
    const required = itemsOut.filter((e) => e.label === label && !e.optional);
    let credit = 0;
    for (const e of required) {
      if (e.verdict === "hit") credit += 1;
      else if (e.verdict === "boundary") credit += e.overlap;
    }
    const asked = itemsOut.filter((e) => e.label === label)
      .flatMap((e) => Object.values(e.attrs)).filter((v) => v.verdict !== "free");
    const right = asked.filter((v) => v.verdict === "right").length;
    scores[label] = { ...score(credit, nTags, required.length), attrs_right: right, attrs_asked: asked.length };
    for (const name of Object.keys(totals)) totals[name] += scores[label][name];
  }
  scores.all = {
    ...score(totals.credit, totals.tags, totals.required),
    attrs_right: totals.attrs_right, attrs_asked: totals.attrs_asked,
  };

  return {
    format: REPORT_FORMAT, exercise: exercise.id, article_sha256: exercise.article.sha256,
    difficulty, labels: [...ex.labels.keys()], lines: ex.lines ? [...ex.lines] : null, items: itemsOut, tags: tagsOut, scores,
    notices: noticesOut, orphans: findings,
  };
}
