// medialit Tagger: tag claims, sources and loaded words in one article.
// An anywidget front-end module (`export default {render}`) used in Jupyter and, through
// static-host.js, on static book pages. No framework, no build step.
//
// Rules this file keeps (see book/instructors/formats.md):
// - It never measures text in the DOM. It works in TOKEN indices and gets code-point offsets
//   only from the token list (`start`/`end`) or from the article's code points.
// - Text from files or students reaches the page through `textContent` / `value` only.
// The first half holds pure functions (named exports, tested with `node --test`); the second
// half builds the DOM and touches nothing at import time.

export const HANDIN_FORMAT = "medialit.handin/1";
export const MAX_HANDIN_BYTES = 5 * 1024 * 1024;
export const QUOTE_MARKS = new Set("'\"‘’‚‛“”„‟«»‹›`´");
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

// ---------------------------------------------------------------- pure: tokens and spans

/** True when every character is punctuation or a symbol (same rule as article.is_punctuation). */
export function isPunctuation(text) {
  return PUNCTUATION.test(text);
}

/** The article text as an array of code points, so offsets slice exactly as Python does. */
export function codePoints(text) {
  return Array.from(text);
}

/** text[start:end] in code points. */
export function quoteOf(cps, start, end) {
  return cps.slice(start, end).join("");
}

/** Index of the token containing `offset`, or the last token starting before it. */
export function tokenAt(tokens, offset) {
  let lo = 0, hi = tokens.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** First and last token index of a code-point span [start, end). */
export function spanTokens(tokens, start, end) {
  const first = tokenAt(tokens, start);
  let last = tokenAt(tokens, Math.max(start, end - 1));
  if (last < first) last = first;
  return { first, last };
}

/**
 * Token range [a, b] (either order) to a tag span: trim edge punctuation, keeping quotation
 * marks at the ends of a claim. Mirrors Article.snap. Returns null when only punctuation is left.
 */
export function selectionToSpan(tokens, a, b, keepQuotes = false) {
  let first = Math.min(a, b), last = Math.max(a, b);
  const trimmable = (tok) => {
    if (keepQuotes && Array.from(tok.text).every((ch) => QUOTE_MARKS.has(ch))) return false;
    return isPunctuation(tok.text);
  };
  while (first <= last && trimmable(tokens[first])) first++;
  while (last >= first && trimmable(tokens[last])) last--;
  if (first > last) return null;
  return { first, last, start: tokens[first].start, end: tokens[last].end };
}

// ---------------------------------------------------------------- pure: tags

/** The next free id of the form t<n>. */
export function nextTagId(tags) {
  let n = 0;
  for (const t of tags) {
    const m = /^t(\d+)$/.exec(t.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `t${n + 1}`;
}

/** Add a tag unless the same label already covers exactly the same range. */
export function addTag(tags, tag) {
  const twin = tags.find((t) => t.label === tag.label && t.start === tag.start && t.end === tag.end);
  if (twin) return { tags, error: "duplicate", twin };
  return { tags: [...tags, tag], error: null };
}

/** Remove a tag and every claim's link to it. */
export function removeTag(tags, id) {
  return tags.filter((t) => t.id !== id).map((t) =>
    (t.source_ids || []).includes(id) ? { ...t, source_ids: t.source_ids.filter((s) => s !== id) } : t);
}

/** Replace some fields of one tag. */
export function updateTag(tags, id, patch) {
  return tags.map((t) => (t.id === id ? { ...t, ...patch } : t));
}

/** Tags in reading order: by start, longer first. */
export function sortTags(tags) {
  return [...tags].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
}

/**
 * Stack levels for overlapping spans of one label: outer spans get the lower level, a span
 * nested or crossing another gets the next free one. `spans` = [{id, first, last}].
 */
export function layoutLevels(spans) {
  const order = [...spans].sort((a, b) => a.first - b.first || b.last - a.last);
  const placed = [];
  const levels = new Map();
  for (const s of order) {
    const used = new Set(placed.filter((p) => p.first <= s.last && s.first <= p.last).map((p) => levels.get(p.id)));
    let level = 0;
    while (used.has(level)) level++;
    levels.set(s.id, level);
    placed.push(s);
  }
  return levels;
}

/**
 * What each token and each gap after a token shows. `ranges` = [{id, label, first, last}] of
 * visible tags. Returns {tok, gap}: arrays of strings "classes|claim levels", compared to update
 * only what changed.
 */
export function decorate(count, ranges) {
  const claims = layoutLevels(ranges.filter((r) => r.label === "claim"));
  const tokCls = Array.from({ length: count }, () => []);
  const gapCls = Array.from({ length: count }, () => []);
  const tokLv = Array.from({ length: count }, () => []);
  const gapLv = Array.from({ length: count }, () => []);
  for (const r of ranges) {
    for (let i = r.first; i <= r.last; i++) {
      const inner = i < r.last;
      if (r.label === "claim") {
        tokLv[i].push(claims.get(r.id));
        if (inner) gapLv[i].push(claims.get(r.id));
        continue;
      }
      const cls = r.label === "loaded" ? "m-loaded" : r.label === "source" ? "m-src"
        : r.label === "cue" ? "m-cue" : "m-other";
      tokCls[i].push(cls);
      if (inner) gapCls[i].push(cls);
      if (r.label === "source" && i === r.first) tokCls[i].push("m-srcl");
      if (r.label === "source" && i === r.last) tokCls[i].push("m-srcr");
    }
  }
  const key = (cls, lv) => {
    const c = [...new Set(cls)];
    if (cls.filter((x) => x === "m-loaded").length > 1) c.push("m-loaded2");
    return `${c.sort().join(" ")}|${[...new Set(lv)].sort((a, b) => a - b).join(",")}`;
  };
  return {
    tok: tokCls.map((c, i) => key(c, tokLv[i])),
    gap: gapCls.map((c, i) => key(c, gapLv[i])),
  };
}

/** Short badge prefixes per label: first letter, two letters where first letters clash. */
export function badgePrefixes(labels) {
  const out = {};
  for (const l of labels) {
    const clash = labels.some((o) => o.name !== l.name && o.name[0] === l.name[0]);
    out[l.name] = (clash ? l.name.slice(0, 2) : l.name[0]).toUpperCase();
  }
  return out;
}

/** Keys that apply each label: its number shortcut and its letter. */
export function labelKeys(labels) {
  const map = new Map();
  for (const l of labels) {
    if (l.shortcut) map.set(String(l.shortcut).toLowerCase(), l.name);
    const letter = (l.letter || l.name[0]).toLowerCase();
    if (!map.has(letter)) map.set(letter, l.name);
  }
  return map;
}

// ---------------------------------------------------------------- pure: undo history

/** Undo/redo over immutable tag lists; repeated edits of one field can merge into one step. */
export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }
  /** Remember `before` as the state to go back to. Same non-null `mergeKey` as last time: merge. */
  record(before, mergeKey = null) {
    if (mergeKey !== null && mergeKey === this.lastKey && this.past.length) {
      this.future = [];
      return;
    }
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.lastKey = mergeKey;
  }
  undo(current) {
    if (!this.past.length) return null;
    this.future.push(current);
    this.lastKey = null;
    return this.past.pop();
  }
  redo(current) {
    if (!this.future.length) return null;
    this.past.push(current);
    this.lastKey = null;
    return this.future.pop();
  }
  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }
}

// ---------------------------------------------------------------- pure: hand-in files

export function storageKey(exercise, mode = "student") {
  const base = `medialit:${exercise.id}:${exercise.article.sha256}`;
  return mode === "author" ? `${base}:author` : base;
}

/** The hand-in document for some tags. */
export function makeHandin(exercise, tags, { student = "", created = "", updated = "" } = {}) {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    format: HANDIN_FORMAT, exercise: exercise.id, article_sha256: exercise.article.sha256,
    student, created: created || now, updated: updated || now,
    tags: tags.map((t) => {
      const out = { id: t.id, label: t.label, start: t.start, end: t.end, quote: t.quote,
        attrs: { ...(t.attrs || {}) }, source_ids: [...(t.source_ids || [])], note: t.note || "" };
      for (const k of ["why", "hints", "optional"]) if (k in t) out[k] = t[k];
      return out;
    }),
  };
}

const short = (sha) => `${String(sha).slice(0, 12)}…`;
const ellipsis = (s, n = 40) => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join("")}…` : s);

/** Check one tag's shape; the problem in words, or null. */
function tagShapeProblem(t) {
  if (!t || typeof t !== "object" || Array.isArray(t)) return "is not an object";
  for (const k of ["id", "label", "quote"]) if (typeof t[k] !== "string" || !t[k]) return `has no \`${k}\` text`;
  for (const k of ["start", "end"]) if (!Number.isInteger(t[k])) return `has no whole-number \`${k}\``;
  if (t.attrs !== undefined && (typeof t.attrs !== "object" || t.attrs === null || Array.isArray(t.attrs))) {
    return "has `attrs` that is not an object";
  }
  if (t.source_ids !== undefined && !(Array.isArray(t.source_ids) && t.source_ids.every((s) => typeof s === "string"))) {
    return "has `source_ids` that is not a list of ids";
  }
  if (t.note !== undefined && t.note !== null && typeof t.note !== "string") return "has a `note` that is not text";
  return null;
}

/**
 * Read a hand-in (text or parsed object) for this exercise. Refused whole:
 * {ok: false, error}. Otherwise {ok: true, tags, problems, student, created}; bad tags are left
 * out and named in `problems`. Tags whose label this page does not show are kept as they are.
 */
export function readHandin(input, exercise, cps, fileName = "the file") {
  const refuse = (why) => ({ ok: false, error: `${fileName}: ${why} Your current work is kept.` });
  let data = input;
  if (typeof input === "string") {
    if (input.length > MAX_HANDIN_BYTES) return refuse("it is over 5 MB, too big for a hand-in.");
    try { data = JSON.parse(input.replace(/^\uFEFF/, "")); } catch (err) {
      return refuse("it is not a medialit hand-in (not valid JSON). Choose the .json file the Download button saved.");
    }
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return refuse("it is not a medialit hand-in (no JSON object).");
  }
  if (data.format !== HANDIN_FORMAT) {
    return refuse(typeof data.format === "string" && data.format.startsWith("medialit.")
      ? `it has format "${data.format}", not "${HANDIN_FORMAT}".`
      : "it is not a medialit hand-in file. Choose the .json file the Download button saved.");
  }
  if (data.exercise !== exercise.id) {
    return refuse(`it is for exercise "${data.exercise}", but this page is exercise "${exercise.id}".`);
  }
  if (data.article_sha256 !== exercise.article.sha256) {
    return refuse(`it was made for another version of the article (file ${short(data.article_sha256)}, ` +
      `this page ${short(exercise.article.sha256)}).`);
  }
  if (!Array.isArray(data.tags)) return refuse("it has no list of tags.");
  const specs = new Map(exercise.labels.map((l) => [l.name, l]));
  const problems = [];
  const seen = new Set();
  const kept = [];
  data.tags.forEach((raw, n) => {
    const place = `tag ${n + 1}${raw && typeof raw.id === "string" ? ` (${raw.id})` : ""}`;
    const shape = tagShapeProblem(raw);
    if (shape) { problems.push(`${place} ${shape}; it was left out.`); return; }
    if (seen.has(raw.id)) { problems.push(`${place}: the id is used twice; the second was left out.`); return; }
    if (!(raw.start >= 0 && raw.start < raw.end && raw.end <= cps.length)) {
      problems.push(`${place} is outside the article; it was left out.`); return;
    }
    if (quoteOf(cps, raw.start, raw.end) !== raw.quote) {
      problems.push(`${place}: “${ellipsis(raw.quote)}” does not match the article there; it was left out.`); return;
    }
    const spec = specs.get(raw.label);
    const attrs = { ...(raw.attrs || {}) };
    if (spec) {
      for (const [name, value] of Object.entries(attrs)) {
        const allowed = (spec.attrs || {})[name];
        const ok = allowed === "text" ? typeof value === "string"
          : Array.isArray(allowed) && (value === "" || value === null || allowed.includes(value));
        if (!ok) { problems.push(`${place}: "${value}" is not a value of ${raw.label} ${name}; it was left out.`); return; }
      }
    }
    seen.add(raw.id);
    const tag = { id: raw.id, label: raw.label, start: raw.start, end: raw.end, quote: raw.quote, attrs,
      source_ids: [...(raw.source_ids || [])], note: raw.note || "" };
    if (typeof raw.why === "string") tag.why = raw.why;
    if (Array.isArray(raw.hints)) tag.hints = raw.hints.filter((h) => typeof h === "string");
    if (typeof raw.optional === "boolean") tag.optional = raw.optional;
    kept.push(tag);
  });
  const byId = new Map(kept.map((t) => [t.id, t]));
  for (const t of kept) {
    const good = t.source_ids.filter((s) => byId.get(s)?.label === "source");
    if (good.length !== t.source_ids.length) {
      problems.push(`tag ${t.id}: a link to a missing or non-source tag was dropped.`);
      t.source_ids = good;
    }
  }
  return { ok: true, tags: kept, problems, student: typeof data.student === "string" ? data.student : "",
    created: typeof data.created === "string" ? data.created : "" };
}

// ---------------------------------------------------------------- pure: key export (author mode)

/** YAML double-quoted scalar. JSON strings are valid YAML 1.2 double-quoted scalars. */
export function yamlString(s) {
  return JSON.stringify(String(s));
}

/** 1-based occurrence of the text at code-point `start`, counting overlapping matches as Python does. */
export function occurrenceOf(text, cps, quote, start) {
  const at = quoteOf(cps, 0, start).length; // code-unit index of the span
  let count = 0, mine = 0;
  for (let i = text.indexOf(quote); i !== -1 && quote; i = text.indexOf(quote, i + 1)) {
    count++;
    if (i === at) mine = count;
  }
  return { occurrence: mine || 1, count };
}

const ID_PREFIX = { claim: "clm", source: "src", loaded: "ld", cue: "cue" };

function slug(quote) {
  const words = quote.toLowerCase().normalize("NFKD").replace(/[^a-z0-9\s-]/g, "").split(/\s+/).filter(Boolean);
  return words.slice(0, 3).join("-") || "item";
}

/** Key items as exercise.yml text (author mode). Quote + occurrence so the loader resolves them. */
export function keyYaml(exercise, tags, cps) {
  const text = exercise.article.text;
  const tokens = exercise.article.tokens;
  const ids = new Map();
  const taken = new Set();
  for (const t of sortTags(tags)) {
    let id = /^t\d+$/.test(t.id) ? `${ID_PREFIX[t.label] || t.label.slice(0, 3)}-${slug(t.quote)}-l${tokens[tokenAt(tokens, t.start)].line}` : t.id;
    let unique = id, k = 2;
    while (taken.has(unique)) unique = `${id}-${k++}`;
    taken.add(unique);
    ids.set(t.id, unique);
  }
  const lines = [`# Key items made in the medialit Tagger (author mode) for exercise ${exercise.id}.`,
    "# Paste them under `key:` in exercise.yml, then run `medialit validate`.", "key:"];
  for (const t of sortTags(tags)) {
    lines.push(`  - id: ${yamlString(ids.get(t.id))}`, `    label: ${yamlString(t.label)}`,
      `    quote: ${yamlString(t.quote)}`);
    const { occurrence, count } = occurrenceOf(text, cps, t.quote, t.start);
    if (count > 1) lines.push(`    occurrence: ${occurrence}`);
    const attrs = Object.entries(t.attrs || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined);
    if (attrs.length) {
      lines.push("    attrs:");
      for (const [k, v] of attrs) {
        lines.push(`      ${yamlString(k)}: ${Array.isArray(v) ? `[${v.map(yamlString).join(", ")}]` : yamlString(v)}`);
      }
    }
    if (t.label === "claim") lines.push(`    source_ids: [${(t.source_ids || []).map((s) => yamlString(ids.get(s) || s)).join(", ")}]`);
    lines.push(`    why: ${yamlString(t.why || "")}`);
    const hints = (t.hints || []).filter((h) => h && h.trim());
    lines.push(`    hints: [${hints.map(yamlString).join(", ")}]`);
    if (t.optional) lines.push("    optional: true");
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------- DOM helpers

let instances = 0;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") el.textContent = v;
    else if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const ITEM_WORDS = {
  hit: "✓ Found", boundary: "≈ Found, edges differ", "wrong-label": "↔ Right words, other label", missed: "○ Not found yet",
};
const TAG_WORDS = {
  matched: "✓ Matches the key", defensible: "✓ Defensible (optional)", "wrong-label": "↔ Other label in the key",
  distractor: "✗ A trap: not this one", extra: "✗ Not in the key",
};
const ATTR_WORDS = { right: "✓ right", wrong: "✗ not quite", unset: "○ not set", free: "✎ compare", partial: "≈ partly right" };

// ---------------------------------------------------------------- the widget

function render({ model, el }) {
  const uid = `mlt${++instances}`;
  let view = null;
  const rebuild = () => {
    if (view) view.destroy();
    el.replaceChildren();
    view = createView(model, el, uid);
  };
  rebuild();
  const onStructure = () => rebuild();
  for (const k of ["exercise", "labels", "difficulty", "mode"]) model.on(`change:${k}`, onStructure);
  return () => {
    for (const k of ["exercise", "labels", "difficulty", "mode"]) model.off(`change:${k}`, onStructure);
    if (view) view.destroy();
  };
}

function createView(model, el, uid) {
  const exercise = model.get("exercise") || {};
  if (!exercise.article || !Array.isArray(exercise.article.tokens)) {
    el.append(h("p", { class: "mt-error", text: "This tagger has no exercise to show." }));
    return { destroy() {} };
  }
  const tokens = exercise.article.tokens;
  const cps = codePoints(exercise.article.text);
  const mode = model.get("mode") === "author" ? "author" : "student";
  const difficulty = mode === "author" ? "challenge" : (model.get("difficulty") || exercise.difficulty || "standard");
  const wanted = model.get("labels") || [];
  const labels = exercise.labels.filter((l) => !wanted.length || wanted.includes(l.name));
  const labelByName = new Map(labels.map((l) => [l.name, l]));
  const prefixes = badgePrefixes(labels);
  const keys = labelKeys(labels);
  const history = new History();
  const cleanup = [];
  const listen = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); cleanup.push(() => target.removeEventListener(type, fn, opts)); };

  const state = {
    tags: Array.isArray(model.get("tags")) ? model.get("tags") : [],
    caret: 0, anchor: null, sticky: null, created: "", tagCursor: -1,
    openDetails: new Set(), hintsShown: new Map(), answers: new Set(), reportSig: null, listSig: "",
  };
  const visible = () => state.tags.filter((t) => labelByName.has(t.label));
  const guided = difficulty === "guided" && mode === "student";
  const askDetails = difficulty === "challenge";
  const candidates = guided ? dedupeRanges([...(exercise.key || []), ...(exercise.distractors || [])]) : [];

  function dedupeRanges(spans) {
    const seen = new Map();
    for (const s of spans) {
      const r = spanTokens(tokens, s.start, s.end);
      seen.set(`${r.first}:${r.last}`, { ...r, start: s.start, end: s.end });
    }
    return [...seen.values()].sort((a, b) => a.first - b.first || b.last - a.last);
  }

  // ---------------- layout
  const live = h("div", { class: "mt-live", role: "status", "aria-live": "polite" });
  const labelButtons = labels.map((l) => h("button", {
    type: "button", class: `mt-labbtn mt-lab-${l.name}`, "aria-pressed": "false", "data-label": l.name,
    title: l.help || l.title, onclick: () => onLabelKey(l.name),
  }, h("span", { class: `mt-badge mt-badge-${l.name}`, "aria-hidden": "true", text: prefixes[l.name] }),
  ` ${l.title} `, h("kbd", { text: l.shortcut || (l.letter || "").toUpperCase() })));
  const undoBtn = h("button", { type: "button", class: "mt-undo", onclick: () => undo(), title: "Undo (Ctrl+Z)" }, "↶ Undo");
  const redoBtn = h("button", { type: "button", class: "mt-redo", onclick: () => redo(), title: "Redo (Ctrl+Shift+Z)" }, "↷ Redo");
  const checkBtn = mode === "student" ? h("button", { type: "button", class: "mt-check", onclick: () => requestCheck() }, "Check my tags") : null;
  const downloadBtn = h("button", { type: "button", class: "mt-download", onclick: () => download() }, mode === "author" ? "Download tags" : "Download hand-in");
  const fileInput = h("input", { type: "file", accept: ".json,application/json", class: "mt-file", hidden: true, "aria-label": "Hand-in file to load" });
  const loadBtn = h("button", { type: "button", class: "mt-load", onclick: () => fileInput.click() }, "Load hand-in");
  const keyBtn = mode === "author" ? h("button", { type: "button", class: "mt-keyyaml", onclick: () => downloadKey() }, "Download key (exercise.yml)") : null;
  const helpBtn = h("button", { type: "button", class: "mt-helpbtn", onclick: () => openHelp(), "aria-haspopup": "dialog" }, "? Shortcuts");
  const studentInput = h("input", { type: "text", class: "mt-student", maxlength: "80", autocomplete: "off" });
  studentInput.value = model.get("student") || "";
  const helpId = `${uid}-help`;
  const article = h("div", {
    class: "mt-article", role: "application", tabindex: "0", "aria-roledescription": "article to tag",
    "aria-label": `Article: ${exercise.title || exercise.id}`, "aria-describedby": helpId,
  });
  const tagList = h("div", { class: "mt-tags" });
  const reportBox = h("div", { class: "mt-report", hidden: true });
  const notice = h("div", { class: "mt-notice", role: "alert" });
  const helpDialog = buildHelp();
  const root = h("div", { class: `medialit-tagger mt-mode-${mode} mt-diff-${difficulty}` },
    exercise.title ? h("p", { class: "mt-title", text: exercise.title }) : null,
    exercise.instructions ? h("p", { class: "mt-instructions", text: exercise.instructions }) : null,
    guided ? h("p", { class: "mt-instructions", text: "The grey phrases are ready to tag: pick a label for each, or leave it." }) : null,
    h("div", { class: "mt-toolbar", role: "group", "aria-label": "Labels" }, labelButtons),
    h("div", { class: "mt-toolbar", role: "group", "aria-label": "Tools" }, undoBtn, redoBtn, checkBtn, keyBtn, downloadBtn, loadBtn, fileInput, helpBtn),
    h("p", { id: helpId, class: "mt-hint" }, "Click or drag over words, or use the arrow keys (Shift to extend), then press a label key. Press ? for all shortcuts."),
    notice, live,
    h("div", { class: "mt-body" }, article, h("div", { class: "mt-side" }, tagList, reportBox)),
    h("p", { class: "mt-studentrow" }, h("label", {}, "Name on your hand-in (optional): ", studentInput)),
    helpDialog);
  el.append(root);

  // ---------------- article DOM
  const tokEls = new Array(tokens.length);
  const gapEls = new Array(tokens.length);
  (function buildArticle() {
    const frag = document.createDocumentFragment();
    let p = null;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!p || tokens[i - 1].para !== t.para) { p = document.createElement("p"); p.className = "mt-para"; frag.append(p); }
      const s = document.createElement("span");
      s.className = "tok";
      s.id = `${uid}-t${i}`;
      s.dataset.i = i;
      s.textContent = t.text;
      p.append(s);
      const next = tokens[i + 1];
      if (next && next.para === t.para && t.ws) {
        const g = document.createElement("span");
        g.className = "gap";
        if (t.ws.includes("\n")) { g.append(document.createElement("br")); g.dataset.br = "1"; }
        else g.textContent = " ";
        p.append(g);
        gapEls[i] = g;
      }
      tokEls[i] = s;
    }
    article.append(frag);
    for (const c of candidates) {
      for (let i = c.first; i <= c.last; i++) {
        tokEls[i].classList.add("m-cand");
        if (i < c.last && gapEls[i]) gapEls[i].classList.add("m-cand");
      }
    }
  })();

  // ---------------- drawing tags
  let prevDecor = { tok: [], gap: [] };
  const badges = [];
  function rangeOf(t) { return { id: t.id, label: t.label, ...spanTokens(tokens, t.start, t.end) }; }
  function numbering() {
    const num = new Map();
    for (const l of labels) sortTags(visible().filter((t) => t.label === l.name)).forEach((t, n) => num.set(t.id, `${prefixes[l.name]}${n + 1}`));
    return num;
  }
  function drawTags() {
    const vis = visible();
    const ranges = vis.map(rangeOf);
    const d = decorate(tokens.length, ranges);
    for (let i = 0; i < tokens.length; i++) {
      if (d.tok[i] !== prevDecor.tok[i]) applyDecor(tokEls[i], "tok", d.tok[i]);
      if (gapEls[i] && !gapEls[i].dataset.br && d.gap[i] !== prevDecor.gap[i]) applyDecor(gapEls[i], "gap", d.gap[i]);
    }
    prevDecor = d;
    for (const b of badges.splice(0)) b.remove();
    const num = numbering();
    for (const t of sortTags(vis)) {
      const r = rangeOf(t);
      const links = (t.source_ids || []).map((s) => num.get(s)).filter(Boolean);
      const b = h("span", { class: `mt-badge mt-badge-${t.label}`, "aria-hidden": "true", "data-tag": t.id,
        text: num.get(t.id) + (links.length ? `→${links.join(",")}` : "") });
      tokEls[r.first].before(b);
      badges.push(b);
    }
  }
  function applyDecor(node, base, key) {
    const [cls, lv] = key.split("|");
    const keepCand = node.classList.contains("m-cand") ? " m-cand" : "";
    const keepSel = node.classList.contains("sel") ? " sel" : "";
    const keepCaret = node.classList.contains("caret") ? " caret" : "";
    node.className = `${base}${cls ? ` ${cls}` : ""}${keepCand}${keepSel}${keepCaret}`;
    if (!lv) { node.style.boxShadow = ""; return; }
    const levels = lv.split(",").map(Number);
    const max = Math.min(Math.max(...levels), 3);
    const shadows = [];
    for (let k = 0; k <= max; k++) {
      shadows.push(`0 ${3 * k + 2}px 0 0 ${levels.includes(k) ? "var(--mt-claim)" : "var(--mt-bg)"}`);
      shadows.push(`0 ${3 * k + 3}px 0 0 var(--mt-bg)`);
    }
    shadows.pop();
    node.style.boxShadow = shadows.join(", ");
  }

  // ---------------- caret and selection
  let prevSel = [0, -1];
  function selRange() {
    if (state.anchor === null) return null;
    let first = Math.min(state.anchor, state.caret), last = Math.max(state.anchor, state.caret);
    if (guided) {
      const c = candidates.filter((x) => x.first <= first && x.last >= last).sort((a, b) => (a.last - a.first) - (b.last - b.first))[0];
      if (!c) return null;
      first = c.first; last = c.last;
    }
    return { first, last };
  }
  function drawSelection() {
    const r = selRange();
    const [a, b] = prevSel;
    for (let i = a; i <= b; i++) { tokEls[i].classList.remove("sel"); if (i < b && gapEls[i]) gapEls[i].classList.remove("sel"); }
    if (r) {
      for (let i = r.first; i <= r.last; i++) { tokEls[i].classList.add("sel"); if (i < r.last && gapEls[i]) gapEls[i].classList.add("sel"); }
      prevSel = [r.first, r.last];
    } else prevSel = [0, -1];
    const old = article.querySelector(".caret");
    if (old) old.classList.remove("caret");
    tokEls[state.caret].classList.add("caret");
    article.setAttribute("aria-activedescendant", tokEls[state.caret].id);
  }
  function setCaret(i, extend) {
    i = Math.max(0, Math.min(tokens.length - 1, i));
    if (extend) { if (state.anchor === null) state.anchor = state.caret; } else state.anchor = null;
    state.caret = i;
    drawSelection();
    tokEls[i].scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }
  function selectionText() {
    const r = selRange();
    return r ? quoteOf(cps, tokens[r.first].start, tokens[r.last].end) : "";
  }
  function tagsAt(i) {
    const off = tokens[i].start;
    return visible().filter((t) => t.start <= off && off < t.end).sort((a, b) => (a.end - a.start) - (b.end - b.start));
  }
  function describeCaret() {
    const num = numbering();
    const here = tagsAt(state.caret).map((t) => `${labelByName.get(t.label).title} ${num.get(t.id)}`);
    const sel = state.anchor !== null ? ` Selected: “${ellipsis(selectionText(), 60)}”.` : "";
    return `${tokens[state.caret].text}, line ${tokens[state.caret].line}${here.length ? `, in ${here.join(", ")}` : ""}.${sel}`;
  }

  // ---------------- changes, model, autosave
  function say(msg) { live.textContent = msg; }
  function warn(msg) { notice.textContent = msg; notice.hidden = !msg; say(msg); }
  function setTags(tags, { save = true } = {}) {
    state.tags = tags;
    if (save) {
      model.set("tags", tags);
      model.save_changes();
      autosave();
    }
    drawTags();
    drawList();
    drawUndo();
    if (state.reportSig !== null) drawReport();
  }
  function commit(tags, msg, mergeKey = null) {
    history.record(state.tags, mergeKey);
    setTags(tags);
    if (msg) say(msg);
  }
  function drawUndo() {
    undoBtn.disabled = !history.canUndo;
    redoBtn.disabled = !history.canRedo;
  }
  function undo() {
    const prev = history.undo(state.tags);
    if (!prev) { say("Nothing to undo."); return; }
    setTags(prev);
    say("Undone.");
  }
  function redo() {
    const next = history.redo(state.tags);
    if (!next) { say("Nothing to redo."); return; }
    setTags(next);
    say("Redone.");
  }
  const key = storageKey(exercise, mode);
  let storageBroken = false;
  function autosave() {
    try {
      const doc = makeHandin(exercise, state.tags, { student: model.get("student") || "", created: state.created });
      state.created = doc.created;
      localStorage.setItem(key, JSON.stringify(doc));
    } catch (err) {
      if (!storageBroken) warn("This browser does not let the page save your work. Use Download hand-in before you leave.");
      storageBroken = true;
    }
  }
  function restore() {
    let raw = null;
    try { raw = localStorage.getItem(key); } catch (err) { return; }
    if (raw === null) {
      if (mode === "author" && !state.tags.length) seedFromKey();
      return;
    }
    const got = readHandin(raw, exercise, cps, "The saved work in this browser");
    if (!got.ok) {
      const aside = `${key}:corrupt:${Date.now()}`;
      try { localStorage.setItem(aside, raw); } catch (err) { /* nothing more we can do */ }
      warn(`Your saved work could not be read, so it was set aside (kept under “${aside}” in this browser) and you start afresh. ${got.error}`);
      return;
    }
    state.created = got.created;
    if (got.student && !model.get("student")) { model.set("student", got.student); studentInput.value = got.student; }
    if (!state.tags.length && got.tags.length) {
      state.tags = got.tags;
      model.set("tags", got.tags);
      model.save_changes();
    }
    if (got.problems.length) warn(`Some saved tags could not be restored: ${got.problems.join(" ")}`);
  }
  function seedFromKey() {
    state.tags = (exercise.key || []).map((k) => ({
      id: k.id, label: k.label, start: k.start, end: k.end, quote: k.quote,
      attrs: Object.fromEntries(Object.entries(k.attrs || {}).map(([a, v]) => [a, Array.isArray(v) ? v[0] : v])),
      source_ids: [...(k.source_ids || [])], note: "", why: k.why || "", hints: [...(k.hints || [])], optional: !!k.optional,
    }));
    if (state.tags.length) { model.set("tags", state.tags); model.save_changes(); }
  }

  // ---------------- tagging actions
  function applyLabel(name) {
    const r = selRange() || (state.anchor === null ? { first: state.caret, last: state.caret } : null);
    if (!r) { say("Pick one of the grey phrases first."); return false; }
    if (guided && !candidates.some((c) => c.first === r.first && c.last === r.last)) {
      say("In this exercise, pick one of the grey phrases."); return false;
    }
    const span = guided ? { first: r.first, last: r.last, start: tokens[r.first].start, end: tokens[r.last].end }
      : selectionToSpan(tokens, r.first, r.last, name === "claim");
    if (!span) { say("Only punctuation is selected: nothing was tagged."); return false; }
    const spec = labelByName.get(name);
    const tag = { id: nextTagId(state.tags), label: name, start: span.start, end: span.end,
      quote: quoteOf(cps, span.start, span.end), attrs: {}, source_ids: [], note: "" };
    if (mode === "author") Object.assign(tag, { why: "", hints: ["", ""], optional: false });
    const res = addTag(state.tags, tag);
    if (res.error) { warn(`“${ellipsis(tag.quote)}” is already tagged as ${spec.title}. Pick other words or another label.`); return false; }
    warn("");
    if (askDetails) state.openDetails.add(tag.id);
    state.anchor = null;
    state.caret = span.last;
    commit(res.tags, "");
    say(`Tagged “${ellipsis(tag.quote, 60)}” as ${spec.title} ${numbering().get(tag.id)}.`);
    drawSelection();
    return true;
  }
  function onLabelKey(name) {
    const spec = labelByName.get(name);
    if (state.anchor !== null) { applyLabel(name); return; }
    if (state.sticky === name) { setSticky(null); say(`${spec.title} mode off.`); return; }
    setSticky(name);
    say(`${spec.title} mode: every word or phrase you select now becomes a ${spec.title}. Select with the mouse, or with Shift+arrows then Enter. Press ${spec.shortcut || ""} again or Esc to stop.`);
  }
  function setSticky(name) {
    state.sticky = name;
    for (const b of labelButtons) b.setAttribute("aria-pressed", String(b.dataset.label === name));
    root.classList.toggle("mt-sticky", !!name);
  }
  function deleteAtCaret() {
    const r = selRange();
    const exact = r && visible().find((t) => t.start === tokens[r.first].start && t.end === tokens[r.last].end);
    const target = exact || tagsAt(state.caret)[0];
    if (!target) { say("There is no tag here to remove."); return; }
    removeById(target.id);
  }
  function removeById(id) {
    const t = state.tags.find((x) => x.id === id);
    if (!t) return;
    const name = `${labelByName.get(t.label)?.title || t.label} ${numbering().get(id) || ""}`.trim();
    commit(removeTag(state.tags, id), `Removed ${name} “${ellipsis(t.quote, 60)}”. Ctrl+Z brings it back.`);
  }
  function cycle(dir) {
    const list = guided ? candidates : sortTags(visible()).map(rangeOf);
    const sel = selRange();
    const cur = list[state.tagCursor];
    const onCurrent = cur && sel && cur.first === sel.first && cur.last === sel.last;
    const i = onCurrent ? state.tagCursor + dir
      : dir > 0 ? list.findIndex((x) => x.first >= state.caret) : findLastIndex(list, (x) => x.first < state.caret);
    if (i < 0 || i >= list.length) { state.tagCursor = -1; return false; }
    state.tagCursor = i;
    state.anchor = list[i].last;
    state.caret = list[i].first;
    drawSelection();
    tokEls[state.caret].scrollIntoView?.({ block: "nearest" });
    say(describeCaret());
    return true;
  }
  function findLastIndex(arr, fn) { for (let i = arr.length - 1; i >= 0; i--) if (fn(arr[i])) return i; return -1; }
  function lineMove(dir) {
    const from = tokEls[state.caret].getBoundingClientRect();
    if (!from.height) { // not laid out: move by article line
      const line = tokens[state.caret].line + dir;
      const i = tokens.findIndex((t) => (dir > 0 ? t.line >= line : t.line >= line - 0));
      return i < 0 ? state.caret : i;
    }
    const x = from.left + from.width / 2;
    let lineTop = null, best = null, bestDx = Infinity;
    for (let i = state.caret + dir, n = 0; i >= 0 && i < tokens.length && n < 600; i += dir, n++) {
      const r = tokEls[i].getBoundingClientRect();
      const sameAsStart = Math.abs(r.top - from.top) < from.height / 2;
      if (sameAsStart && lineTop === null) continue;
      if (lineTop === null) lineTop = r.top;
      if (Math.abs(r.top - lineTop) >= from.height / 2) break;
      const dx = Math.abs(r.left + r.width / 2 - x);
      if (dx < bestDx) { bestDx = dx; best = i; }
    }
    return best === null ? state.caret : best;
  }
  function paraEdge(dir) {
    const p = tokens[state.caret].para;
    let i = state.caret;
    while (tokens[i + dir] && tokens[i + dir].para === p) i += dir;
    return i;
  }

  // ---------------- keyboard
  function onArticleKey(e) {
    if (e.altKey || e.metaKey) return;
    const k = e.key;
    if (e.ctrlKey) return; // undo/redo handled on the root
    const moves = { ArrowRight: () => state.caret + 1, ArrowLeft: () => state.caret - 1,
      ArrowDown: () => lineMove(1), ArrowUp: () => lineMove(-1), Home: () => paraEdge(-1), End: () => paraEdge(1) };
    if (moves[k]) {
      e.preventDefault();
      setCaret(moves[k](), e.shiftKey);
      say(describeCaret());
      return;
    }
    if (k === "Tab") {
      if (cycle(e.shiftKey ? -1 : 1)) e.preventDefault();
      return;
    }
    if (k === "Escape") {
      e.preventDefault();
      state.anchor = null;
      setSticky(null);
      drawSelection();
      say("Selection cleared.");
      return;
    }
    if (k === " ") {
      e.preventDefault();
      state.anchor = state.caret;
      drawSelection();
      say(describeCaret());
      return;
    }
    if (k === "Enter") {
      e.preventDefault();
      if (state.sticky && state.anchor !== null) { applyLabel(state.sticky); return; }
      const t = tagsAt(state.caret)[0];
      if (t) { focusEntry(t.id); return; }
      say("No tag here. Select words, then press a label key.");
      return;
    }
    if (k === "Delete" || k === "Backspace") { e.preventDefault(); deleteAtCaret(); return; }
    if (k === "?") { e.preventDefault(); openHelp(); return; }
    const name = keys.get(k.toLowerCase());
    if (name) { e.preventDefault(); onLabelKey(name); }
  }
  function onRootKey(e) {
    const inField = e.target.matches("input, textarea, select");
    if (!(e.ctrlKey || e.metaKey) || inField) return;
    const k = e.key.toLowerCase();
    if (k === "z" && !e.shiftKey) { e.preventDefault(); undo(); } else if ((k === "z" && e.shiftKey) || k === "y") { e.preventDefault(); redo(); }
  }
  listen(article, "keydown", onArticleKey);
  listen(root, "keydown", onRootKey);
  listen(article, "focus", () => { drawSelection(); });

  // ---------------- pointer
  let drag = null, lastTap = { i: -1, t: 0 };
  function tokenIndexOf(target) {
    const s = target && target.closest ? target.closest(".tok") : null;
    return s && article.contains(s) ? Number(s.dataset.i) : null;
  }
  function onDown(e) {
    if (e.button !== 0) return;
    const i = tokenIndexOf(e.target);
    if (i === null) return;
    const now = Date.now();
    const repeat = lastTap.i === i && now - lastTap.t < 450;
    if (e.shiftKey && state.anchor !== null) {
      state.caret = i;
      drawSelection();
      drag = { moved: true, shift: true };
    } else if (!repeat) {
      state.anchor = i;
      state.caret = i;
      drawSelection();
      drag = { moved: false, start: i, type: e.pointerType };
    } else drag = null;
    if (document.activeElement !== article) article.focus({ preventScroll: true });
  }
  function onMove(e) {
    if (!drag || drag.type === "touch" || !(e.buttons & 1)) return;
    const i = tokenIndexOf(e.target);
    if (i === null || i === state.caret) return;
    drag.moved = true;
    state.caret = i;
    drawSelection();
  }
  function onUp(e) {
    if (!drag) return;
    const d = drag;
    drag = null;
    const i = tokenIndexOf(e.target);
    lastTap = { i: i ?? -1, t: Date.now() };
    if (state.sticky && selRange()) { applyLabel(state.sticky); return; }
    if (selRange()) say(`Selected: “${ellipsis(selectionText(), 80)}”. Press a label key, or pick a label button.`);
    else if (guided && !d.moved) say("In this exercise, pick one of the grey phrases.");
  }
  function onDblClick(e) {
    const i = tokenIndexOf(e.target);
    if (i === null) return;
    if (state.anchor === null && !state.sticky) { state.anchor = i; state.caret = i; drawSelection(); }
  }
  listen(article, "pointerdown", onDown);
  listen(article, "pointermove", onMove);
  listen(article, "pointerup", onUp);
  listen(article, "pointercancel", () => { drag = null; });
  listen(article, "dblclick", onDblClick);

  // ---------------- tag list
  function focusEntry(id) {
    const btn = tagList.querySelector(`[data-id="${CSS.escape(id)}"] .mt-jump`);
    if (btn) { btn.focus(); say("In the tag list. Press Enter on the tag to go back to the text."); }
  }
  function jumpTo(id) {
    const t = state.tags.find((x) => x.id === id);
    if (!t) return;
    const r = rangeOf(t);
    state.anchor = r.last;
    state.caret = r.first;
    drawSelection();
    tokEls[r.first].scrollIntoView?.({ block: "center" });
    article.focus({ preventScroll: true });
    say(`${describeCaret()} Press Enter to go back to the tag list.`);
  }
  function listSignature() {
    const rep = model.get("report") || {};
    const verdicts = (rep.tags || []).map((t) => `${t.tag_id}:${t.verdict}`).join(",");
    return JSON.stringify([visible().map((t) => [t.id, t.label, t.start, t.end, (t.source_ids || []).join(",")]), verdicts, state.reportSig === null]);
  }
  function drawList() {
    const sig = listSignature();
    if (sig === state.listSig) { syncFields(); return; }
    state.listSig = sig;
    const had = tagList.contains(document.activeElement) ? document.activeElement : null;
    const focusId = had?.closest("[data-id]")?.dataset.id;
    const focusCls = had?.className;
    const num = numbering();
    const rep = model.get("report") || {};
    const verdictOf = new Map((rep.tags || []).map((t) => [t.tag_id, t]));
    const sources = sortTags(visible().filter((t) => t.label === "source"));
    const groups = labels.map((l) => {
      const mine = sortTags(visible().filter((t) => t.label === l.name));
      const title = `${l.title}: ${mine.length}`;
      const gid = `${uid}-g-${l.name}`;
      return h("div", { class: `mt-group mt-group-${l.name}`, role: "group", "aria-labelledby": gid },
        h("p", { class: "mt-group-title", id: gid, text: title }),
        mine.length ? h("ul", {}, mine.map((t) => entry(t, l, num, verdictOf.get(t.id), sources)))
          : h("p", { class: "mt-empty", text: "None yet." }));
    });
    tagList.replaceChildren(h("p", { class: "mt-side-title", text: "Your tags" }), ...groups);
    if (focusId) {
      const back = tagList.querySelector(`[data-id="${CSS.escape(focusId)}"] ${focusCls ? `.${focusCls.split(" ")[0]}` : ""}`);
      if (back) back.focus();
    }
  }
  function entry(t, spec, num, verdict, sources) {
    const nm = num.get(t.id);
    const fields = [];
    const attrs = Object.entries(spec.attrs || {});
    for (const [name, choices] of attrs) {
      const fid = `${uid}-${t.id}-a-${name}`;
      const input = choices === "text"
        ? h("input", { type: "text", id: fid, class: `mt-attr mt-attr-${name}`, maxlength: "200", "data-attr": name })
        : h("select", { id: fid, class: `mt-attr mt-attr-${name}`, "data-attr": name },
          h("option", { value: "", text: "(not set)" }), choices.map((c) => h("option", { value: c, text: c })));
      input.value = t.attrs?.[name] ?? "";
      const evt = choices === "text" ? "input" : "change";
      input.addEventListener(evt, () => editTag(t.id, { attrs: { ...(current(t.id)?.attrs || {}), [name]: input.value } }, `${t.id}:a:${name}`, choices !== "text"));
      fields.push(h("label", { for: fid, class: "mt-field" }, `${name}: `), input);
    }
    if (t.label === "claim") {
      const boxes = sources.map((s) => {
        const cb = h("input", { type: "checkbox", class: "mt-link", "data-source": s.id });
        cb.checked = (t.source_ids || []).includes(s.id);
        cb.addEventListener("change", () => {
          const ids = new Set(current(t.id)?.source_ids || []);
          if (cb.checked) ids.add(s.id); else ids.delete(s.id);
          editTag(t.id, { source_ids: sources.map((x) => x.id).filter((x) => ids.has(x)) }, null, true,
            cb.checked ? `${nm} now attributed to ${num.get(s.id)} “${ellipsis(s.quote)}”.` : `${nm} no longer attributed to ${num.get(s.id)}.`);
        });
        return h("label", { class: "mt-check-label" }, cb, ` ${num.get(s.id)} “${ellipsis(s.quote, 30)}”`);
      });
      const nobody = h("input", { type: "checkbox", class: "mt-link-none" });
      nobody.checked = !(t.source_ids || []).length;
      nobody.addEventListener("change", () => {
        if (nobody.checked) editTag(t.id, { source_ids: [] }, null, true, `${nm}: no source given.`);
        else nobody.checked = !(current(t.id)?.source_ids || []).length;
      });
      fields.push(h("fieldset", { class: "mt-links" }, h("legend", { text: "Attributed to" }),
        boxes, h("label", { class: "mt-check-label" }, nobody, " nobody (no source given)"),
        sources.length ? null : h("p", { class: "mt-empty", text: "Tag a source first to link it here." })));
    }
    const noteId = `${uid}-${t.id}-note`;
    const note = h("input", { type: "text", id: noteId, class: "mt-note", maxlength: "300", placeholder: "one line" });
    note.value = t.note || "";
    note.addEventListener("input", () => editTag(t.id, { note: note.value }, `${t.id}:note`));
    fields.push(h("label", { for: noteId, class: "mt-field" }, "Why I tagged this: "), note);
    if (mode === "author") {
      const whyId = `${uid}-${t.id}-why`;
      const why = h("textarea", { id: whyId, class: "mt-why", rows: "2" });
      why.value = t.why || "";
      why.addEventListener("input", () => editTag(t.id, { why: why.value }, `${t.id}:why`));
      fields.push(h("label", { for: whyId, class: "mt-field" }, "Why (shown to students): "), why);
      [0, 1].forEach((n) => {
        const hid = `${uid}-${t.id}-hint${n}`;
        const hint = h("input", { type: "text", id: hid, class: `mt-hint${n}` });
        hint.value = (t.hints || [])[n] || "";
        hint.addEventListener("input", () => {
          const hints = [...((current(t.id)?.hints) || ["", ""])];
          hints[n] = hint.value;
          editTag(t.id, { hints }, `${t.id}:hint${n}`);
        });
        fields.push(h("label", { for: hid, class: "mt-field" }, `Hint ${n + 1}: `), hint);
      });
      const opt = h("input", { type: "checkbox", class: "mt-optional" });
      opt.checked = !!t.optional;
      opt.addEventListener("change", () => editTag(t.id, { optional: opt.checked }, null, true));
      fields.push(h("label", { class: "mt-check-label" }, opt, " optional (defensible, not required)"));
    }
    const details = h("details", { class: "mt-details" }, h("summary", {}, askDetails || mode === "author" ? "Describe this tag" : "More (optional)"), h("div", { class: "mt-fields" }, fields));
    details.open = state.openDetails.has(t.id);
    details.addEventListener("toggle", () => { if (details.open) state.openDetails.add(t.id); else state.openDetails.delete(t.id); });
    const links = (t.source_ids || []).map((s) => num.get(s)).filter(Boolean);
    return h("li", { class: "mt-entry", "data-id": t.id },
      h("button", { type: "button", class: "mt-jump", onclick: () => jumpTo(t.id),
        "aria-label": `${spec.title} ${nm}: ${t.quote}. Line ${tokens[tokenAt(tokens, t.start)].line}. Show in the text.` },
      h("span", { class: `mt-badge mt-badge-${t.label}`, "aria-hidden": "true", text: nm }), " ",
      h("span", { class: "mt-quote", text: `“${ellipsis(t.quote, 70)}”` }),
      h("span", { class: "mt-line", text: ` L${tokens[tokenAt(tokens, t.start)].line}` }),
      links.length ? h("span", { class: "mt-linked", text: ` → ${links.join(", ")}` }) : null),
      h("button", { type: "button", class: "mt-del", onclick: () => removeById(t.id), "aria-label": `Remove ${spec.title} ${nm}` }, "✕"),
      verdict && state.reportSig !== null ? h("p", { class: `mt-verdict mt-v-${verdict.verdict}`, text: TAG_WORDS[verdict.verdict] || verdict.verdict }) : null,
      mode === "student" && difficulty === "guided" ? null : details);
  }
  function current(id) { return state.tags.find((t) => t.id === id); }
  function editTag(id, patch, mergeKey, announce = false, msg = "") {
    commit(updateTag(state.tags, id, patch), msg || (announce ? "Saved." : ""), mergeKey);
  }
  function syncFields() {
    for (const li of tagList.querySelectorAll(".mt-entry")) {
      const t = current(li.dataset.id);
      if (!t) continue;
      for (const f of li.querySelectorAll(".mt-attr")) if (f !== document.activeElement) f.value = t.attrs?.[f.dataset.attr] ?? "";
      const note = li.querySelector(".mt-note");
      if (note && note !== document.activeElement) note.value = t.note || "";
      const why = li.querySelector(".mt-why");
      if (why && why !== document.activeElement) why.value = t.why || "";
      [0, 1].forEach((n) => { const f = li.querySelector(`.mt-hint${n}`); if (f && f !== document.activeElement) f.value = (t.hints || [])[n] || ""; });
      const opt = li.querySelector(".mt-optional");
      if (opt) opt.checked = !!t.optional;
    }
  }

  // ---------------- check and report
  function requestCheck() {
    state.reportSig = "pending";
    say("Checking your tags…");
    model.send({ type: "check" });
  }
  function tagsSig() { return JSON.stringify(visible()); }
  function onReport() {
    const rep = model.get("report") || {};
    state.reportSig = rep.format ? tagsSig() : null;
    state.listSig = "";
    drawList();
    drawReport();
    if (rep.format) {
      const all = rep.scores?.all;
      say(`Checked. ${all ? `You found ${Math.round((all.recall || 0) * 100)}% of the key; ${Math.round((all.precision || 0) * 100)}% of your tags match it.` : ""} Feedback is below your tags.`);
    }
  }
  function drawReport() {
    const rep = model.get("report") || {};
    if (!rep.format) { reportBox.hidden = true; reportBox.replaceChildren(); return; }
    reportBox.hidden = false;
    const stale = state.reportSig !== tagsSig();
    const byLabel = new Map(labels.map((l) => [l.name, l]));
    const scoreRows = Object.entries(rep.scores || {}).map(([name, s]) => h("tr", {},
      h("th", { scope: "row", text: name === "all" ? "All" : byLabel.get(name)?.title || name }),
      h("td", { text: `${Math.round(s.recall * 100)}%` }), h("td", { text: `${Math.round(s.precision * 100)}%` }),
      h("td", { text: s.f1.toFixed(2) })));
    const byStart = (a, b) => a.start - b.start;
    const all = rep.items || [];
    const found = all.filter((it) => it.verdict !== "missed").sort(byStart);
    const missed = all.filter((it) => it.verdict === "missed" && !it.optional).sort(byStart);
    const optional = all.filter((it) => it.verdict === "missed" && it.optional).sort(byStart);
    const item = (it) => reportItem(it, byLabel);
    const odd = (rep.tags || []).filter((t) => t.verdict !== "matched" && t.verdict !== "defensible");
    const list = (cls, items) => h("ul", { class: cls }, items);
    reportBox.replaceChildren(...[
      h("p", { class: "mt-side-title", text: "Feedback" }),
      stale ? h("p", { class: "mt-stale", text: "You changed your tags after this check. Press Check my tags again." }) : null,
      h("table", { class: "mt-scores" }, h("caption", { text: "Scores per label" }),
        h("thead", {}, h("tr", {}, ["Label", "Found (recall)", "On target (precision)", "F1"].map((c) => h("th", { scope: "col", text: c })))),
        h("tbody", {}, scoreRows)),
      found.length ? h("p", { class: "mt-rep-title", text: `Key items you tagged: ${found.length}` }) : null,
      found.length ? list("mt-items", found.map(item)) : null,
      missed.length ? h("p", { class: "mt-rep-title", text: `Not found yet: ${missed.length}. Ask for a hint first.` }) : null,
      missed.length ? list("mt-items", missed.map(item)) : null,
      odd.length ? h("p", { class: "mt-rep-title", text: "Your other tags" }) : null,
      odd.length ? list("mt-rtags", odd.map((t) => h("li", { class: `mt-v-${t.verdict}` },
        h("strong", { text: TAG_WORDS[t.verdict] || t.verdict }), " ",
        h("button", { type: "button", class: "mt-linkbtn", onclick: () => jumpTo(t.tag_id), text: `“${ellipsis(t.quote, 50)}”` }),
        h("span", { text: ` ${t.message || ""}` })))) : null,
      optional.length ? h("details", { class: "mt-optional-items" },
        h("summary", { text: `Optional items some readers would also tag: ${optional.length}` }), list("mt-items", optional.map(item))) : null,
      (rep.notices || []).length ? list("mt-notices", rep.notices.map((n) => h("li", { text: n.message }))) : null,
      (rep.orphans || []).length ? list("mt-notices", rep.orphans.map((n) => h("li", { text: n.message }))) : null,
    ].filter(Boolean));
  }
  function reportItem(it, byLabel) {
    const title = byLabel.get(it.label)?.title || it.label;
    const li = h("li", { class: `mt-item mt-v-${it.verdict}`, "data-key": it.key_id });
    const head = h("p", {}, h("strong", { text: ITEM_WORDS[it.verdict] || it.verdict }), ` · ${title}${it.optional ? " (optional)" : ""}`);
    li.append(head);
    if (it.verdict === "missed" && !it.optional) {
      const shown = state.hintsShown.get(it.key_id) || 0;
      const hints = it.hints || [];
      hints.slice(0, shown).forEach((hint, n) => li.append(h("p", { class: "mt-hinttext", text: `Hint ${n + 1}: ${hint}` })));
      if (state.answers.has(it.key_id)) {
        li.append(h("p", {}, h("button", { type: "button", class: "mt-linkbtn", onclick: () => showSpan(it), text: `“${ellipsis(it.quote, 70)}”` }), ` L${it.line}`));
        li.append(h("p", { class: "mt-why-text", text: it.why }));
      } else if (shown < Math.min(hints.length, 2)) {
        li.append(h("button", { type: "button", class: "mt-hintbtn", onclick: () => { state.hintsShown.set(it.key_id, shown + 1); drawReport(); focusIn(it.key_id, ".mt-hintbtn, .mt-answerbtn"); }, text: `Show hint ${shown + 1}` }));
      } else {
        li.append(h("button", { type: "button", class: "mt-answerbtn", onclick: () => { state.answers.add(it.key_id); drawReport(); focusIn(it.key_id, ".mt-linkbtn"); }, text: "Show the answer" }));
      }
      return li;
    }
    li.append(h("p", {}, h("button", { type: "button", class: "mt-linkbtn", onclick: () => (it.tag_id ? jumpTo(it.tag_id) : showSpan(it)), text: `“${ellipsis(it.quote, 70)}”` }), ` L${it.line}`));
    if (it.message) li.append(h("p", { class: "mt-msg", text: it.message }));
    if (it.why && !(it.message || "").includes(it.why)) li.append(h("p", { class: "mt-why-text", text: it.why }));
    const attrs = Object.entries(it.attrs || {});
    if (attrs.length) {
      li.append(h("ul", { class: "mt-attrs" }, attrs.map(([name, a]) => h("li", {},
        `${name}: ${ATTR_WORDS[a.verdict] || a.verdict}`,
        a.verdict === "wrong" || a.verdict === "free" ? ` (key: ${(a.expected || []).join(" or ")}${a.given ? `; yours: ${a.given}` : ""})` : ""))));
    }
    if (it.attribution && it.attribution.verdict) li.append(h("p", { class: "mt-attribution", text: `Attributed to: ${ATTR_WORDS[it.attribution.verdict] || it.attribution.verdict}` }));
    return li;
  }
  function focusIn(keyId, sel) {
    const t = reportBox.querySelector(`[data-key="${CSS.escape(keyId)}"]`);
    const f = t && t.querySelector(sel);
    if (f) f.focus();
  }
  function showSpan(it) {
    const r = spanTokens(tokens, it.start, it.end);
    state.anchor = r.last;
    state.caret = r.first;
    drawSelection();
    tokEls[r.first].scrollIntoView?.({ block: "center" });
    article.focus({ preventScroll: true });
    say(describeCaret());
  }
  const onCustom = (msg) => { if (msg && msg.type === "status") { warn(msg.message || ""); if (state.reportSig === "pending") state.reportSig = null; } };
  model.on("msg:custom", onCustom);
  model.on("change:report", onReport);
  const onTagsFromHost = () => {
    const tags = model.get("tags") || [];
    if (tags === state.tags) return;
    state.tags = tags;
    autosave();
    drawTags(); drawList(); if (state.reportSig !== null) drawReport();
  };
  model.on("change:tags", onTagsFromHost);
  const onStudent = () => { if (studentInput !== document.activeElement) studentInput.value = model.get("student") || ""; };
  model.on("change:student", onStudent);
  studentInput.addEventListener("change", () => { model.set("student", studentInput.value.trim()); model.save_changes(); autosave(); say("Name saved."); });

  // ---------------- files
  function saveFile(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h("a", { href: url, download: name, hidden: true });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  function download() {
    const doc = makeHandin(exercise, state.tags, { student: model.get("student") || "", created: state.created });
    const who = (model.get("student") || "").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "");
    saveFile(`${exercise.id}${who ? `-${who}` : ""}.json`, `${JSON.stringify(doc, null, 1)}\n`, "application/json");
    say(`Downloaded your hand-in with ${state.tags.length} tags.`);
  }
  function downloadKey() {
    saveFile(`${exercise.id}-key.yml`, keyYaml(exercise, visible(), cps), "text/yaml");
    say(`Downloaded ${visible().length} key items as YAML.`);
  }
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > MAX_HANDIN_BYTES) { warn(`${file.name}: it is over 5 MB, too big for a hand-in. Your current work is kept.`); return; }
    const got = readHandin(await file.text(), exercise, cps, file.name);
    if (!got.ok) { warn(got.error); return; }
    if (got.student) { model.set("student", got.student); studentInput.value = got.student; }
    state.created = got.created || state.created;
    commit(got.tags, "");
    warn(`Loaded ${got.tags.length} tags from ${file.name}. Ctrl+Z goes back to your earlier work.${got.problems.length ? ` Left out: ${got.problems.join(" ")}` : ""}`);
  });

  // ---------------- help
  function buildHelp() {
    const rows = [
      ["← →", "move one word"], ["Shift + ← →", "select more words"], ["↑ ↓", "move one line"],
      ["Home End", "start or end of the paragraph"], ["Space", "select the word at the caret"],
      ...labels.map((l) => [`${l.shortcut} or ${(l.letter || l.name[0]).toUpperCase()}`, `tag the selection as ${l.title} (with nothing selected: ${l.title} mode, press again to stop)`]),
      ["Enter", "in a label mode: tag the selection; on a tag: go to it in the list"],
      ["Delete", "remove the tag at the caret"], ["Tab, Shift + Tab", "next or previous tag (Tab after the last leaves the article)"],
      ["Ctrl + Z, Ctrl + Shift + Z", "undo, redo"], ["Esc", "clear the selection and leave label mode"], ["?", "this list"],
    ];
    const close = h("button", { type: "button", class: "mt-close" }, "Close");
    const dlg = h("dialog", { class: "mt-dialog", "aria-labelledby": `${uid}-dlgt` },
      h("p", { class: "mt-side-title", id: `${uid}-dlgt`, text: "Keyboard shortcuts" }),
      h("table", {}, h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row", text: k }), h("td", { text: v }))))),
      h("p", { text: "With the mouse: click a word, drag over words, or Shift+click to extend; then press a label key or button." }),
      close);
    close.addEventListener("click", () => dlg.close());
    dlg.addEventListener("close", () => article.focus());
    return dlg;
  }
  function openHelp() {
    if (typeof helpDialog.showModal === "function") helpDialog.showModal(); else helpDialog.setAttribute("open", "");
    helpDialog.querySelector(".mt-close").focus();
  }

  // ---------------- start
  restore();
  notice.hidden = !notice.textContent;
  drawTags();
  drawList();
  drawSelection();
  drawUndo();
  if ((model.get("report") || {}).format) { state.reportSig = tagsSig(); drawReport(); }
  return {
    destroy() {
      for (const off of cleanup) off();
      model.off("msg:custom", onCustom);
      model.off("change:report", onReport);
      model.off("change:tags", onTagsFromHost);
      model.off("change:student", onStudent);
      root.remove();
    },
  };
}

export default { render };
