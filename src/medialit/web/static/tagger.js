// medialit Tagger: tag claims, sources and loaded words in one article.
// An anywidget front-end module (`export default {render}`) used in Jupyter and, through
// static-host.js, on static book pages. No framework, no build step.
//
// Rules this file keeps (see book/instructors/formats.md):
// - It never measures text in the DOM. It works in TOKEN indices and gets code-point offsets
//   only from the token list (`start`/`end`) or from the article's code points.
// - Text from files or students reaches the page through `textContent` / `value` only.
// First pure functions (named exports, tested with `node --test`), then the DOM.

export const HANDIN_FORMAT = "medialit.handin/1";
export const MAX_HANDIN_BYTES = 5 * 1024 * 1024;
export const QUOTE_MARKS = new Set("'\"‘’‚‛“”„‟«»‹›`´");
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

// ---- pure: tokens and spans

/** True when every character is punctuation or a symbol (same rule as article.is_punctuation). */
export const isPunctuation = (text) => PUNCTUATION.test(text);

/** The article text as an array of code points, so offsets slice exactly as Python does. */
export const codePoints = (text) => Array.from(text);

/** text[start:end] in code points. */
export const quoteOf = (cps, start, end) => cps.slice(start, end).join("");

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
  return { first, last: Math.max(first, tokenAt(tokens, Math.max(start, end - 1))) };
}

/**
 * Token range [a, b] (either order) to a tag span: trim edge punctuation. For a claim
 * (`keepQuotes`) a quotation mark at an edge stays when another one is inside the span too.
 * Mirrors Article.snap. Returns null when only punctuation is left.
 */
export function selectionToSpan(tokens, a, b, keepQuotes = false) {
  let first = Math.min(a, b), last = Math.max(a, b);
  const isQuote = (i) => Array.from(tokens[i].text).every((ch) => QUOTE_MARKS.has(ch));
  let quotes = 0;
  for (let i = first; i <= last; i++) quotes += isQuote(i);
  const trimmable = (i) => isPunctuation(tokens[i].text) && !(keepQuotes && quotes > 1 && isQuote(i));
  for (; first <= last && trimmable(first); first++) quotes -= isQuote(first);
  for (; last >= first && trimmable(last); last--) quotes -= isQuote(last);
  for (let i = first; i <= last; i++) if (!isPunctuation(tokens[i].text)) return { first, last, start: tokens[first].start, end: tokens[last].end };
  return null;
}

// ---- pure: tags

/** The next free id of the form t<n>. */
export function nextTagId(tags) {
  return `t${Math.max(0, ...tags.map((t) => Number(/^t(\d+)$/.exec(t.id)?.[1] || 0))) + 1}`;
}

/** Add a tag unless the same label already covers exactly the same range. */
export function addTag(tags, tag) {
  const twin = tags.find((t) => t.label === tag.label && t.start === tag.start && t.end === tag.end);
  return twin ? { tags, error: "duplicate", twin } : { tags: [...tags, tag], error: null };
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
  const placed = [];
  const levels = new Map();
  for (const s of [...spans].sort((a, b) => a.first - b.first || b.last - a.last)) {
    const used = new Set(placed.filter((p) => p.first <= s.last && s.first <= p.last).map((p) => levels.get(p.id)));
    let level = 0;
    while (used.has(level)) level++;
    levels.set(s.id, level);
    placed.push(s);
  }
  return levels;
}

const MARKS = { loaded: "m-loaded", source: "m-src", cue: "m-cue" };

/**
 * What each token and each gap after a token shows. `ranges` = [{id, label, first, last}] of
 * visible tags. Returns {tok, gap}: arrays of strings "classes|claim levels", compared to update
 * only what changed.
 */
export function decorate(count, ranges) {
  const claims = layoutLevels(ranges.filter((r) => r.label === "claim"));
  const cells = () => Array.from({ length: count }, () => ({ cls: [], lv: [] }));
  const tok = cells(), gap = cells();
  for (const r of ranges) {
    for (let i = r.first; i <= r.last; i++) {
      for (const c of i < r.last ? [tok[i], gap[i]] : [tok[i]]) {
        if (r.label === "claim") c.lv.push(claims.get(r.id)); else c.cls.push(MARKS[r.label] || "m-other");
      }
      if (r.label === "source" && i === r.first) tok[i].cls.push("m-srcl");
      if (r.label === "source" && i === r.last) tok[i].cls.push("m-srcr");
    }
  }
  const key = ({ cls, lv }) => {
    const c = [...new Set(cls)];
    if (cls.filter((x) => x === "m-loaded").length > 1) c.push("m-loaded2");
    return `${c.sort().join(" ")}|${[...new Set(lv)].sort((a, b) => a - b).join(",")}`;
  };
  return { tok: tok.map(key), gap: gap.map(key) };
}

const letterOf = (l) => (l.letter || l.name[0]).toLowerCase();

/**
 * Badge prefixes per label: the label's key letter (C, S, L, U), so a badge names the key that
 * makes it; two letters of the name where letters clash.
 */
export function badgePrefixes(labels) {
  const clash = new Set(labels.map(letterOf)).size < labels.length;
  return Object.fromEntries(labels.map((l) => [l.name, (clash ? l.name.slice(0, 2) : letterOf(l)).toUpperCase()]));
}

/** Keys that apply each label: its number shortcut and its letter. */
export function labelKeys(labels) {
  const map = new Map();
  for (const l of labels) {
    if (l.shortcut) map.set(String(l.shortcut).toLowerCase(), l.name);
    if (!map.has(letterOf(l))) map.set(letterOf(l), l.name);
  }
  return map;
}

// ---- pure: undo history

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
    this.future = [];
    if (mergeKey !== null && mergeKey === this.lastKey && this.past.length) return;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.lastKey = mergeKey;
  }
  undo(current) { return this.move(this.past, this.future, current); }
  redo(current) { return this.move(this.future, this.past, current); }
  /** Take the newest state from `from`, leaving `current` on `to`. */
  move(from, to, current) {
    if (!from.length) return null;
    to.push(current);
    this.lastKey = null;
    return from.pop();
  }
  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }
}

// ---- pure: hand-in files

export function storageKey(exercise, mode = "student") {
  return `medialit:${exercise.id}:${exercise.article.sha256}${mode === "author" ? ":author" : ""}`;
}

/**
 * A clean copy of a tag with the hand-in fields, plus the key fields author mode edits (why,
 * hints, optional, entity, accept) when they are there and of the right type.
 */
function copyTag(t) {
  const out = { id: t.id, label: t.label, start: t.start, end: t.end, quote: t.quote,
    attrs: { ...(t.attrs || {}) }, source_ids: [...(t.source_ids || [])], note: t.note || "" };
  for (const k of ["why", "entity"]) if (typeof t[k] === "string") out[k] = t[k];
  if (Array.isArray(t.hints)) out.hints = t.hints.filter((x) => typeof x === "string");
  if (typeof t.optional === "boolean") out.optional = t.optional;
  if (Array.isArray(t.accept)) {
    out.accept = t.accept.filter((a) => a && Number.isInteger(a.start) && Number.isInteger(a.end) && typeof a.quote === "string")
      .map(({ start, end, quote }) => ({ start, end, quote }));
  }
  return out;
}

/** The hand-in document for some tags. */
export function makeHandin(exercise, tags, { student = "", created = "", updated = "" } = {}) {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return { format: HANDIN_FORMAT, exercise: exercise.id, article_sha256: exercise.article.sha256,
    student, created: created || now, updated: updated || now, tags: tags.map(copyTag) };
}

const short = (sha) => `${String(sha).slice(0, 12)}…`;
const ellipsis = (s, n = 40) => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join("")}…` : s);
const isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);

/** Check one tag's shape; the problem in words, or null. */
function tagShapeProblem(t) {
  if (!isObject(t)) return "is not an object";
  for (const k of ["id", "label", "quote"]) if (typeof t[k] !== "string" || !t[k]) return `has no \`${k}\` text`;
  for (const k of ["start", "end"]) if (!Number.isInteger(t[k])) return `has no whole-number \`${k}\``;
  if (t.attrs !== undefined && !isObject(t.attrs)) return "has `attrs` that is not an object";
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
  const choose = "Choose the .json file the Download button saved.";
  let data = input;
  if (typeof input === "string") {
    if (input.length > MAX_HANDIN_BYTES) return refuse("it is over 5 MB, too big for a hand-in.");
    try { data = JSON.parse(input.replace(/^\uFEFF/, "")); } catch (err) {
      return refuse(`it is not a medialit hand-in (not valid JSON). ${choose}`);
    }
  }
  if (!isObject(data)) return refuse("it is not a medialit hand-in (no JSON object).");
  if (data.format !== HANDIN_FORMAT) {
    return refuse(typeof data.format === "string" && data.format.startsWith("medialit.")
      ? `it has format "${data.format}", not "${HANDIN_FORMAT}".` : `it is not a medialit hand-in file. ${choose}`);
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
  const byId = new Map();
  const leftOut = (place, why) => problems.push(`${place}${why}; it was left out.`);
  data.tags.forEach((raw, n) => {
    const place = `tag ${n + 1}${raw && typeof raw.id === "string" ? ` (${raw.id})` : ""}`;
    const shape = tagShapeProblem(raw);
    if (shape) return leftOut(place, ` ${shape}`);
    if (byId.has(raw.id)) return problems.push(`${place}: the id is used twice; the second was left out.`);
    if (!(raw.start >= 0 && raw.start < raw.end && raw.end <= cps.length)) return leftOut(place, " is outside the article");
    if (quoteOf(cps, raw.start, raw.end) !== raw.quote) {
      return leftOut(place, `: “${ellipsis(raw.quote)}” does not match the article there`);
    }
    const allowed = specs.get(raw.label)?.attrs;
    for (const [name, value] of Object.entries(specs.has(raw.label) ? raw.attrs || {} : {})) {
      const ok = allowed?.[name] === "text" ? typeof value === "string"
        : Array.isArray(allowed?.[name]) && (value === "" || value === null || allowed[name].includes(value));
      if (!ok) return leftOut(place, `: "${value}" is not a value of ${raw.label} ${name}`);
    }
    byId.set(raw.id, copyTag(raw));
  });
  for (const t of byId.values()) {
    const good = t.source_ids.filter((s) => byId.get(s)?.label === "source");
    if (good.length !== t.source_ids.length) {
      problems.push(`tag ${t.id}: a link to a missing or non-source tag was dropped.`);
      t.source_ids = good;
    }
  }
  const text = (x) => (typeof x === "string" ? x : "");
  return { ok: true, tags: [...byId.values()], problems, student: text(data.student), created: text(data.created) };
}

// ---- DOM helpers

let instances = 0;

const FOCUSABLE = new Set(["a", "button", "input", "select", "textarea", "summary", "details"]);

/**
 * `h("p.mt-a.mt-b", attrs, ...children)`: an element with the classes written after the dots.
 * `attrs` may be a string (the text). Text goes in through textContent only.
 */
function h(sel, attrs = {}, ...children) {
  const [tag, ...classes] = sel.split(".");
  const el = document.createElement(tag);
  // JupyterLab and Notebook 7 match their command-mode shortcuts (arrows, Enter) against the focused
  // element itself, before looking at its parents: each element that can take focus opts out.
  if (FOCUSABLE.has(tag) || (typeof attrs === "object" && "tabindex" in attrs)) el.setAttribute("data-lm-suppress-shortcuts", "true");
  if (classes.length) el.className = classes.join(" ");
  for (const [k, v] of Object.entries(typeof attrs === "string" ? { text: attrs } : attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") el.textContent = v;
    else if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const button = (cls, content, onclick, attrs = {}) => h("button", { type: "button", class: cls, onclick, ...attrs }, content);
const words = (table, verdict) => table[verdict] || verdict;
const badge = (label, text) => h("span", { class: `mt-badge mt-badge-${label}`, "aria-hidden": "true", text });

const ITEM_WORDS = {
  hit: "✓ Found", boundary: "≈ Found, edges differ", "wrong-label": "↔ Right words, other label", missed: "○ Not found yet",
};
const TAG_WORDS = {
  matched: "✓ Matches the key", close: "≈ Matches the key, edges differ", defensible: "✓ Defensible (optional)", "wrong-label": "↔ Other label in the key",
  distractor: "✗ A trap: not this one", extra: "✗ Not in the key",
};
const ATTR_WORDS = { right: "✓ right", wrong: "✗ not quite", unset: "○ not set", free: "✎ compare", partial: "≈ partly right" };
const STRUCTURE = ["exercise", "labels", "difficulty", "mode"];

// ---- the widget

function render({ model, el }) {
  const uid = `mlt${++instances}`;
  let view = null;
  const rebuild = () => {
    if (view) view.destroy();
    el.replaceChildren();
    view = createView(model, el, uid);
  };
  rebuild();
  for (const k of STRUCTURE) model.on(`change:${k}`, rebuild);
  return () => {
    for (const k of STRUCTURE) model.off(`change:${k}`, rebuild);
    if (view) view.destroy();
  };
}

function createView(model, el, uid) {
  const exercise = model.get("exercise") || {};
  if (!exercise.article || !Array.isArray(exercise.article.tokens)) {
    el.append(h("p.mt-error", "This tagger has no exercise to show."));
    return { destroy() {} };
  }
  const tokens = exercise.article.tokens;
  const cps = codePoints(exercise.article.text);
  const author = model.get("mode") === "author";
  const mode = author ? "author" : "student";
  const difficulty = author ? "challenge" : (model.get("difficulty") || exercise.difficulty || "standard");
  const wanted = model.get("labels") || [];
  const labels = exercise.labels.filter((l) => !wanted.length || wanted.includes(l.name));
  const labelByName = new Map(labels.map((l) => [l.name, l]));
  const prefixes = badgePrefixes(labels);
  const keys = labelKeys(labels);
  const history = new History();
  const cleanup = [];
  const listen = (target, type, fn) => { target.addEventListener(type, fn); cleanup.push(() => target.removeEventListener(type, fn)); };
  const onModel = (event, fn) => { model.on(event, fn); cleanup.push(() => model.off(event, fn)); };
  const store = (name, value) => { model.set(name, value); model.save_changes(); };
  const student = () => model.get("student") || "";
  const report = () => model.get("report") || {};

  const state = {
    tags: Array.isArray(model.get("tags")) ? model.get("tags") : [],
    caret: 0, anchor: null, sticky: null, created: "", tagCursor: -1,
    openDetails: new Set(), hintsShown: new Map(), answers: new Set(), reportSig: null,
  };
  // tags outside the part of the article this chapter shows are kept, not shown
  const part = exercise.article.part || { start: 0, end: cps.length };
  const visible = () => state.tags.filter((t) => labelByName.has(t.label) && part.start <= t.start && t.end <= part.end);
  const guided = difficulty === "guided" && !author;
  const askDetails = difficulty === "challenge";
  const candidates = guided ? dedupeRanges([...(exercise.key || []), ...(exercise.distractors || [])]) : [];

  function dedupeRanges(spans) {
    const seen = new Map();
    for (const s of spans) {
      const r = spanTokens(tokens, s.start, s.end);
      seen.set(`${r.first}:${r.last}`, { ...r, start: tokens[r.first].start, end: tokens[r.last].end });
    }
    return [...seen.values()].sort((a, b) => a.first - b.first || b.last - a.last);
  }

  // ---------------- layout
  const live = h("div.mt-live", { role: "status", "aria-live": "polite" });
  const labelButtons = labels.map((l) => button("mt-labbtn", [
    badge(l.name, prefixes[l.name]),
    ` ${l.title} `, h("kbd", l.shortcut || (l.letter || "").toUpperCase())],
  () => onLabelKey(l.name), { "aria-pressed": "false", "data-label": l.name, title: l.help || l.title }));
  const undoBtn = button("mt-undo", "↶ Undo", () => travel(true), { title: "Undo (Ctrl+Z)" });
  const redoBtn = button("mt-redo", "↷ Redo", () => travel(false), { title: "Redo (Ctrl+Shift+Z)" });
  const fileInput = h("input.mt-file", { type: "file", accept: ".json,application/json", hidden: true, "aria-label": "Hand-in file to load" });
  const studentInput = h("input.mt-student", { type: "text", maxlength: "80", autocomplete: "off" });
  studentInput.value = student();
  const helpId = `${uid}-help`;
  const article = h("div", {
    class: "mt-article", role: "application", tabindex: "0", "aria-roledescription": "article to tag",
    "aria-label": `Article: ${exercise.title || exercise.id}`, "aria-describedby": helpId,
  });
  const tagList = h("div.mt-tags");
  const reportBox = h("div.mt-report", { hidden: true });
  const notice = h("div.mt-notice", { role: "alert" });
  const helpDialog = buildHelp();
  const instructions = (text) => (text ? h("p.mt-instructions", { text }) : null);
  const root = h("div", { class: `medialit-tagger mt mt-mode-${mode} mt-diff-${difficulty}` },
    exercise.title ? h("p.mt-title", { text: exercise.title }) : null,
    instructions(exercise.instructions),
    instructions(guided && "The grey phrases are ready to tag: pick a label for each, or leave it."),
    h("div.mt-toolbar", { role: "group", "aria-label": "Labels" }, labelButtons),
    h("div.mt-toolbar", { role: "group", "aria-label": "Tools" }, undoBtn, redoBtn,
      author ? button("mt-keyyaml", "Download key (exercise.yml)", downloadKey) : button("mt-check", "Check my tags", requestCheck),
      button("mt-download", author ? "Download tags" : "Download hand-in", download),
      button("mt-load", "Load hand-in", () => fileInput.click()), fileInput,
      button("mt-helpbtn", "? Shortcuts", openHelp, { "aria-haspopup": "dialog" })),
    h("p.mt-hint", { id: helpId }, "Click or drag over words, or use the arrow keys (Shift to extend), then press a label key. Press ? for all shortcuts."),
    notice, live,
    h("div.mt-body", {}, article, h("div.mt-side", {}, tagList, reportBox)),
    h("p.mt-studentrow", {}, h("label", {}, "Name on your hand-in (optional): ", studentInput)),
    helpDialog);
  el.append(root);

  // ---------------- article DOM
  const tokEls = new Array(tokens.length);
  const gapEls = new Array(tokens.length);
  const tokIndex = new Map(); // token element -> its index in `tokens`
  /** Run `fn` on the tokens first..last and the gaps between them. */
  const eachCell = (first, last, fn) => {
    for (let i = first; i <= last; i++) { fn(tokEls[i]); if (i < last && gapEls[i]) fn(gapEls[i]); }
  };
  (function buildArticle() {
    // thousands of elements: cloned from patterns, not built one attribute at a time
    const frag = document.createDocumentFragment();
    const tokPattern = h("span.tok"), gapPattern = h("span.gap", " ");
    const brPattern = h("span.gap", { "data-br": "1" }, h("br"));
    let p = null;
    tokens.forEach((t, i) => {
      if (!p || tokens[i - 1].para !== t.para) p = frag.appendChild(h("p.mt-para"));
      const tok = tokEls[i] = p.appendChild(tokPattern.cloneNode(false));
      tokIndex.set(tok, i);
      tok.textContent = t.text;
      const next = tokens[i + 1];
      if (next && next.para === t.para && t.ws) gapEls[i] = p.appendChild((t.ws.includes("\n") ? brPattern : gapPattern).cloneNode(true));
    });
    article.append(frag);
    for (const c of candidates) eachCell(c.first, c.last, (n) => n.classList.add("m-cand"));
  })();

  // ---------------- drawing tags
  const bare = Array(tokens.length).fill("|"); // what decorate() gives a token or gap with no tag
  let prevDecor = { tok: bare, gap: bare };
  const badges = [];
  const rangeOf = (t) => ({ id: t.id, label: t.label, ...spanTokens(tokens, t.start, t.end) });
  const ofLabel = (name) => sortTags(visible().filter((t) => t.label === name));
  function numbering() {
    const num = new Map();
    for (const l of labels) ofLabel(l.name).forEach((t, n) => num.set(t.id, `${prefixes[l.name]}${n + 1}`));
    return num;
  }
  const linksOf = (t, num) => (t.source_ids || []).map((s) => num.get(s)).filter(Boolean);
  function drawTags() {
    const vis = sortTags(visible());
    const d = decorate(tokens.length, vis.map(rangeOf));
    for (let i = 0; i < tokens.length; i++) {
      if (d.tok[i] !== prevDecor.tok[i]) applyDecor(tokEls[i], "tok", d.tok[i]);
      if (gapEls[i] && !gapEls[i].dataset.br && d.gap[i] !== prevDecor.gap[i]) applyDecor(gapEls[i], "gap", d.gap[i]);
    }
    prevDecor = d;
    for (const b of badges.splice(0)) b.remove();
    const num = numbering();
    for (const t of vis) {
      const links = linksOf(t, num);
      const b = badge(t.label, num.get(t.id) + (links.length ? `→${links.join(",")}` : ""));
      tokEls[rangeOf(t).first].before(b);
      badges.push(b);
    }
  }
  function applyDecor(node, base, key) {
    const [cls, lv] = key.split("|");
    const keep = ["m-cand", "sel", "caret"].filter((c) => node.classList.contains(c));
    node.className = [base, cls, ...keep].filter(Boolean).join(" ");
    if (!lv) { node.style.boxShadow = ""; return; }
    // claim underlines, one per level, stacked below the text with a gap of background between
    const levels = lv.split(",").map(Number);
    const shadows = [];
    for (let k = 0; k <= Math.min(Math.max(...levels), 3); k++) {
      shadows.push(`0 ${3 * k + 2}px 0 0 ${levels.includes(k) ? "var(--mt-claim)" : "var(--mt-bg)"}`, `0 ${3 * k + 3}px 0 0 var(--mt-bg)`);
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
      ({ first, last } = c);
    }
    return { first, last };
  }
  function drawSelection() {
    const r = selRange();
    eachCell(prevSel[0], prevSel[1], (n) => n.classList.remove("sel"));
    prevSel = r ? [r.first, r.last] : [0, -1];
    eachCell(prevSel[0], prevSel[1], (n) => n.classList.add("sel"));
    article.querySelector(".caret")?.classList.remove("caret");
    const caret = tokEls[state.caret];
    caret.classList.add("caret");
    caret.id ||= `${uid}-t${state.caret}`; // ids only where aria-activedescendant needs one
    article.setAttribute("aria-activedescendant", caret.id);
  }
  function setCaret(i, extend) {
    i = Math.max(0, Math.min(tokens.length - 1, i));
    if (!extend) state.anchor = null; else if (state.anchor === null) state.anchor = state.caret;
    state.caret = i;
    drawSelection();
    tokEls[i].scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }
  /** Select the token range `r` with the caret at its start, show it and say where it is. */
  function goTo(r, block = "center", extra = "") {
    state.anchor = r.last;
    state.caret = r.first;
    drawSelection();
    tokEls[r.first].scrollIntoView?.({ block });
    article.focus({ preventScroll: true });
    say(describeCaret() + extra);
  }
  function selectionText() {
    const r = selRange();
    return r ? quoteOf(cps, tokens[r.first].start, tokens[r.last].end) : "";
  }
  function tagsAt(i) {
    const off = tokens[i].start;
    return visible().filter((t) => t.start <= off && off < t.end).sort((a, b) => (a.end - a.start) - (b.end - b.start));
  }
  const titleOf = (name) => labelByName.get(name)?.title || name;
  function describeCaret() {
    const num = numbering();
    const here = tagsAt(state.caret).map((t) => `${titleOf(t.label)} ${num.get(t.id)}`);
    const sel = state.anchor !== null ? ` Selected: “${ellipsis(selectionText(), 60)}”.` : "";
    return `${tokens[state.caret].text}, line ${tokens[state.caret].line}${here.length ? `, in ${here.join(", ")}` : ""}.${sel}`;
  }

  // ---------------- changes, model, autosave
  function say(msg) { live.textContent = msg; }
  function warn(msg) { notice.textContent = msg; notice.hidden = !msg; say(msg); }
  function setTags(tags) {
    state.tags = tags;
    store("tags", tags);
    autosave();
    redraw();
  }
  function redraw() {
    drawTags();
    drawList();
    undoBtn.disabled = !history.canUndo;
    redoBtn.disabled = !history.canRedo;
    if (state.reportSig !== null) drawReport();
  }
  function commit(tags, msg, mergeKey = null) {
    history.record(state.tags, mergeKey);
    setTags(tags);
    if (msg) say(msg);
  }
  function travel(back) {
    const tags = back ? history.undo(state.tags) : history.redo(state.tags);
    if (!tags) { say(`Nothing to ${back ? "undo" : "redo"}.`); return; }
    setTags(tags);
    say(back ? "Undone." : "Redone.");
  }
  const key = storageKey(exercise, mode);
  let storageBroken = false;
  function autosave() {
    try {
      const doc = makeHandin(exercise, state.tags, { student: student(), created: state.created });
      state.created = doc.created;
      localStorage.setItem(key, JSON.stringify(doc));
    } catch (err) {
      if (!storageBroken) warn("This browser does not let the page save your work. Use Download hand-in before you leave.");
      storageBroken = true;
    }
  }
  function setStudent(name) { store("student", name); studentInput.value = name; }
  function restore() {
    let raw = null;
    try { raw = localStorage.getItem(key); } catch (err) { return; }
    if (raw === null) {
      if (author && !state.tags.length) seedFromKey();
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
    if (got.student && !student()) setStudent(got.student);
    if (!state.tags.length && got.tags.length) store("tags", state.tags = got.tags);
    if (got.problems.length) warn(`Some saved tags could not be restored: ${got.problems.join(" ")}`);
  }
  /** Author mode starts from the exercise's key; an attribute listing several right values keeps the first. */
  function seedFromKey() {
    state.tags = (exercise.key || []).map((k) => copyTag({ ...k, note: "", why: k.why || "", hints: k.hints || [],
      optional: !!k.optional, entity: k.entity || "",
      attrs: Object.fromEntries(Object.entries(k.attrs || {}).map(([a, v]) => [a, Array.isArray(v) ? v[0] : v])) }));
    if (state.tags.length) store("tags", state.tags);
  }

  // ---------------- tagging actions
  function applyLabel(name) {
    const r = selRange() || (state.anchor === null ? { first: state.caret, last: state.caret } : null);
    const phrase = guided && candidates.find((c) => r && c.first === r.first && c.last === r.last);
    if (!r || (guided && !phrase)) { say("In this exercise, pick one of the grey phrases first."); return; }
    const span = phrase || selectionToSpan(tokens, r.first, r.last, name === "claim");
    if (!span) { say("Only punctuation is selected: nothing was tagged."); return; }
    const title = titleOf(name);
    const tag = { id: nextTagId(state.tags), label: name, start: span.start, end: span.end,
      quote: quoteOf(cps, span.start, span.end), attrs: {}, source_ids: [], note: "" };
    if (author) Object.assign(tag, { why: "", hints: ["", ""], optional: false });
    const res = addTag(state.tags, tag);
    if (res.error) { warn(`“${ellipsis(tag.quote)}” is already tagged as ${title}. Pick other words or another label.`); return; }
    warn("");
    if (askDetails) state.openDetails.add(tag.id);
    state.anchor = null;
    state.caret = span.last;
    commit(res.tags, "");
    say(`Tagged “${ellipsis(tag.quote, 60)}” as ${title} ${numbering().get(tag.id)}.`);
    drawSelection();
  }
  function onLabelKey(name) {
    const spec = labelByName.get(name);
    if (state.anchor !== null) applyLabel(name);
    else if (state.sticky === name) { setSticky(null); say(`${spec.title} mode off.`); } else {
      setSticky(name);
      say(`${spec.title} mode: what you select now becomes a ${spec.title} (Shift+arrows then Enter, or the mouse). Esc stops it.`);
    }
  }
  function setSticky(name) {
    state.sticky = name;
    for (const b of labelButtons) b.setAttribute("aria-pressed", String(b.dataset.label === name));
    root.classList.toggle("mt-sticky", !!name);
  }
  function deleteAtCaret() {
    const r = selRange();
    const target = (r && visible().find((t) => t.start === tokens[r.first].start && t.end === tokens[r.last].end)) || tagsAt(state.caret)[0];
    if (target) removeById(target.id); else say("There is no tag here to remove.");
  }
  function removeById(id) {
    const t = current(id);
    if (!t) return;
    const name = `${titleOf(t.label)} ${numbering().get(id) || ""}`.trim();
    commit(removeTag(state.tags, id), `Removed ${name} “${ellipsis(t.quote, 60)}”. Ctrl+Z brings it back.`);
  }
  function cycle(dir) {
    const list = guided ? candidates : sortTags(visible()).map(rangeOf);
    const sel = selRange();
    const cur = list[state.tagCursor];
    const before = list.map((x) => x.first < state.caret);
    const i = cur && sel && cur.first === sel.first && cur.last === sel.last ? state.tagCursor + dir
      : dir > 0 ? before.indexOf(false) : before.lastIndexOf(true);
    if (i < 0 || i >= list.length) { state.tagCursor = -1; return false; }
    state.tagCursor = i;
    goTo(list[i], "nearest");
    return true;
  }
  /** The token one visual line up or down from the caret, nearest to it across. */
  function lineMove(dir) {
    const from = tokEls[state.caret].getBoundingClientRect();
    if (!from.height) { // not laid out: move by article line
      const i = tokens.findIndex((t) => t.line >= tokens[state.caret].line + dir);
      return i < 0 ? state.caret : i;
    }
    const x = from.left + from.width / 2;
    let lineTop = null, best = state.caret, bestDx = Infinity;
    for (let i = state.caret + dir, n = 0; i >= 0 && i < tokens.length && n < 600; i += dir, n++) {
      const r = tokEls[i].getBoundingClientRect();
      if (lineTop === null) {
        if (Math.abs(r.top - from.top) < from.height / 2) continue;
        lineTop = r.top;
      }
      if (Math.abs(r.top - lineTop) >= from.height / 2) break;
      const dx = Math.abs(r.left + r.width / 2 - x);
      if (dx < bestDx) { bestDx = dx; best = i; }
    }
    return best;
  }
  function paraEdge(dir) {
    let i = state.caret;
    while (tokens[i + dir] && tokens[i + dir].para === tokens[state.caret].para) i += dir;
    return i;
  }

  // ---------------- keyboard
  const moves = { ArrowRight: () => state.caret + 1, ArrowLeft: () => state.caret - 1,
    ArrowDown: () => lineMove(1), ArrowUp: () => lineMove(-1), Home: () => paraEdge(-1), End: () => paraEdge(1) };
  function onArticleKey(e) {
    const k = e.key;
    if (e.altKey || e.metaKey || e.ctrlKey) return; // undo/redo are handled on the root
    if (k === "Tab") { if (cycle(e.shiftKey ? -1 : 1)) e.preventDefault(); return; }
    const name = keys.get(k.toLowerCase());
    const act = moves[k] ? () => { setCaret(moves[k](), e.shiftKey); say(describeCaret()); }
      : k === "Escape" ? () => { state.anchor = null; setSticky(null); drawSelection(); say("Selection cleared."); }
        : k === " " ? () => { state.anchor = state.caret; drawSelection(); say(describeCaret()); }
          : k === "Enter" ? onEnter
            : k === "Delete" || k === "Backspace" ? deleteAtCaret
              : k === "?" ? openHelp
                : name ? () => onLabelKey(name) : null;
    if (!act) return;
    e.preventDefault();
    act();
  }
  function onEnter() {
    if (state.sticky && state.anchor !== null) { applyLabel(state.sticky); return; }
    const t = tagsAt(state.caret)[0];
    if (t) focusEntry(t.id); else say("No tag here. Select words, then press a label key.");
  }
  function onRootKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.target.matches("input, textarea, select")) return;
    const k = e.key.toLowerCase();
    if (k !== "z" && k !== "y") return;
    e.preventDefault();
    travel(k === "z" && !e.shiftKey);
  }
  listen(article, "keydown", onArticleKey);
  listen(root, "keydown", onRootKey);
  listen(article, "focus", drawSelection);

  // ---------------- pointer
  let drag = null, lastTap = { i: -1, t: 0 };
  function tokenIndexOf(target) {
    const s = target?.closest?.(".tok");
    return tokIndex.get(s) ?? null;
  }
  listen(article, "pointerdown", (e) => {
    const i = tokenIndexOf(e.target);
    if (e.button !== 0 || i === null) return;
    const repeat = lastTap.i === i && Date.now() - lastTap.t < 450;
    drag = null;
    if (e.shiftKey && state.anchor !== null) drag = { moved: true };
    else if (!repeat) { state.anchor = i; drag = { moved: false, type: e.pointerType }; }
    if (drag) { state.caret = i; drawSelection(); }
    if (document.activeElement !== article) article.focus({ preventScroll: true });
  });
  listen(article, "pointermove", (e) => {
    const i = tokenIndexOf(e.target);
    if (!drag || drag.type === "touch" || !(e.buttons & 1) || i === null || i === state.caret) return;
    drag.moved = true;
    state.caret = i;
    drawSelection();
  });
  listen(article, "pointerup", (e) => {
    if (!drag) return;
    const { moved } = drag;
    drag = null;
    lastTap = { i: tokenIndexOf(e.target) ?? -1, t: Date.now() };
    if (state.sticky && selRange()) applyLabel(state.sticky);
    else if (selRange()) say(`Selected: “${ellipsis(selectionText(), 80)}”. Press a label key, or pick a label button.`);
    else if (guided && !moved) say("In this exercise, pick one of the grey phrases.");
  });
  listen(article, "pointercancel", () => { drag = null; });
  listen(article, "dblclick", (e) => {
    const i = tokenIndexOf(e.target);
    if (i !== null && state.anchor === null && !state.sticky) { state.anchor = state.caret = i; drawSelection(); }
  });

  // ---------------- tag list
  const current = (id) => state.tags.find((t) => t.id === id);
  function focusEntry(id) {
    const btn = tagList.querySelector(`[data-id="${CSS.escape(id)}"] .mt-jump`);
    if (btn) { btn.focus(); say("In the tag list. Press Enter on the tag to go back to the text."); }
  }
  function jumpTo(id) {
    const t = current(id);
    if (t) goTo(rangeOf(t), "center", " Press Enter to go back to the tag list.");
  }
  /**
   * The list keeps each tag's entry between redraws and builds it again only when what it shows
   * changes (`sig`), so tagging stays quick with a hundred tags on the list.
   */
  const entries = new Map(); // tag id -> {sig, li, bound: [[input, property, read(tag)]]}
  tagList.append(h("p.mt-side-title", "Your tags"));
  const groups = new Map(labels.map((l) => {
    const gid = `${uid}-g-${l.name}`;
    const title = h("p.mt-group-title", { id: gid });
    const ul = h("ul"), empty = h("p.mt-empty", "None yet.");
    tagList.append(h("div", { class: `mt-group mt-group-${l.name}`, role: "group", "aria-labelledby": gid }, title, ul, empty));
    return [l.name, { title, ul, empty }];
  }));
  /** Where focus is on the list: the entry, and which of its controls of that kind. */
  function focusOnList() {
    const had = tagList.contains(document.activeElement) ? document.activeElement : null;
    const li = had?.closest("[data-id]");
    const kin = (root) => [...root.querySelectorAll(had.tagName)].filter((x) => x.className === had.className);
    return li && { had, id: li.dataset.id, kin, n: kin(li).indexOf(had) };
  }
  function drawList() {
    const focus = focusOnList();
    const num = numbering();
    const checked = state.reportSig !== null;
    const rep = checked ? report() : {};
    const close = new Set((rep.items || []).filter((it) => it.verdict === "boundary").map((it) => it.tag_id));
    // a tag matched to an item whose edges differ says so, as the item's own entry does
    const verdictOf = new Map((rep.tags || []).map((t) => [t.tag_id, t.verdict === "matched" && close.has(t.tag_id) ? "close" : t.verdict]));
    const sources = ofLabel("source");
    const sourcesSig = sources.map((x) => `${x.id}=${num.get(x.id)}`).join();
    const shown = new Set();
    for (const l of labels) {
      const lis = ofLabel(l.name).map((t) => {
        shown.add(t.id);
        const sig = JSON.stringify([t.start, t.end, num.get(t.id), t.source_ids, verdictOf.get(t.id),
          t.label === "claim" ? sourcesSig : ""]);
        let e = entries.get(t.id);
        if (e?.sig !== sig) entries.set(t.id, e = { sig, bound: [] });
        e.li ||= entry(t, l, num, verdictOf.get(t.id), sources, e.bound);
        return e.li;
      });
      const g = groups.get(l.name);
      g.title.textContent = `${l.title}: ${lis.length}`;
      if (lis.length !== g.ul.children.length || lis.some((li, n) => g.ul.children[n] !== li)) g.ul.replaceChildren(...lis);
      g.empty.hidden = lis.length > 0;
    }
    for (const id of entries.keys()) if (!shown.has(id)) entries.delete(id);
    syncFields();
    const li = focus && !focus.had.isConnected && entries.get(focus.id)?.li;
    if (li) focus.kin(li)[focus.n]?.focus(); // its entry was rebuilt: the same control in the new one
  }
  function syncFields() {
    for (const [id, { bound }] of entries) {
      const t = current(id);
      for (const [input, prop, read] of bound) if (t && input !== document.activeElement) input[prop] = read(t);
    }
  }
  /**
   * Wire one input of a tag's entry: it shows `read(tag)` and a change commits `patch(value,
   * tag)`. Typing merges into one undo step per field; choices are announced as saved.
   */
  function bind(t, bound, input, read, patch, mergeKey = null) {
    const prop = input.type === "checkbox" ? "checked" : "value";
    const typing = input.type === "text" || input.tagName === "TEXTAREA";
    input[prop] = read(t);
    input.addEventListener(typing ? "input" : "change",
      () => commit(updateTag(state.tags, t.id, patch(input[prop], current(t.id) || t)), typing ? "" : "Saved.", mergeKey));
    bound.push([input, prop, read]);
    return input;
  }
  function entry(t, spec, num, verdict, sources, bound) {
    const nm = num.get(t.id);
    const line = tokens[tokenAt(tokens, t.start)].line;
    const details = h("details.mt-details", {}, h("summary", {}, askDetails ? "Describe this tag" : "More (optional)"));
    const fill = () => details.querySelector(".mt-fields") || details.append(h("div.mt-fields", {}, fields(t, spec, num, sources, bound)));
    details.open = state.openDetails.has(t.id);
    if (details.open) fill();
    details.addEventListener("toggle", () => {
      state.openDetails[details.open ? "add" : "delete"](t.id);
      if (details.open) fill(); // the fields are made when first opened: most entries never are
    });
    const links = linksOf(t, num);
    return h("li.mt-entry", { "data-id": t.id },
      button("mt-jump", [
        badge(t.label, nm), " ",
        h("span.mt-quote", `“${ellipsis(t.quote, 70)}”`),
        h("span.mt-line", ` L${line}`),
        links.length ? h("span.mt-linked", ` → ${links.join(", ")}`) : null],
      () => jumpTo(t.id), { "aria-label": `${spec.title} ${nm}: ${t.quote}. Line ${line}. Show in the text.` }),
      button("mt-del", "✕", () => removeById(t.id), { "aria-label": `Remove ${spec.title} ${nm}` }),
      verdict ? h("p", { class: `mt-verdict mt-v-${verdict}`, text: words(TAG_WORDS, verdict) }) : null,
      guided ? null : details);
  }
  /** The attribute, attribution, note (and in author mode, key) fields of one entry. */
  function fields(t, spec, num, sources, bound) {
    const nm = num.get(t.id);
    const id = (name) => `${uid}-${t.id}-${name}`;
    const text = (name, cls, maxlength) => h("input", { type: "text", id: id(name), class: cls, maxlength });
    const row = (label, input, read, patch) => [h("label.mt-field", { for: input.id }, label),
      bind(t, bound, input, read, patch, `${t.id}:${input.id}`)];
    const checkbox = (cls, read, patch, label) => h("label.mt-check-label", {},
      bind(t, bound, h("input", { type: "checkbox", class: cls }), read, patch), label);
    const out = Object.entries(spec.attrs || {}).flatMap(([name, choices]) => row(`${name}: `,
      choices === "text" ? text(`a-${name}`, `mt-attr mt-attr-${name}`, "200")
        : h("select", { id: id(`a-${name}`), class: `mt-attr mt-attr-${name}` },
          h("option", { value: "" }, "(not set)"), choices.map((c) => h("option", { value: c, text: c }))),
      (x) => x.attrs?.[name] ?? "", (v, x) => ({ attrs: { ...x.attrs, [name]: v } })));
    if (t.label === "claim") {
      const boxes = sources.map((s) => {
        const cb = h("input.mt-link", { type: "checkbox" });
        cb.checked = (t.source_ids || []).includes(s.id);
        cb.addEventListener("change", () => {
          const ids = new Set(current(t.id)?.source_ids || []);
          if (cb.checked) ids.add(s.id); else ids.delete(s.id);
          commit(updateTag(state.tags, t.id, { source_ids: sources.map((x) => x.id).filter((x) => ids.has(x)) }),
            cb.checked ? `${nm} now attributed to ${num.get(s.id)} “${ellipsis(s.quote)}”.` : `${nm} no longer attributed to ${num.get(s.id)}.`);
        });
        return h("label.mt-check-label", {}, cb, ` ${num.get(s.id)} “${ellipsis(s.quote, 30)}”`);
      });
      const nobody = h("input.mt-link-none", { type: "checkbox" });
      nobody.checked = !(t.source_ids || []).length;
      nobody.addEventListener("change", () => {
        if (nobody.checked) commit(updateTag(state.tags, t.id, { source_ids: [] }), `${nm}: no source given.`);
        else nobody.checked = !(current(t.id)?.source_ids || []).length;
      });
      out.push(h("fieldset.mt-links", {}, h("legend", "Attributed to"),
        boxes, h("label.mt-check-label", {}, nobody, " nobody (no source given)"),
        sources.length ? null : h("p.mt-empty", "Tag a source first to link it here.")));
    }
    out.push(...row("Why I tagged this: ", h("input.mt-note", { type: "text", id: id("note"), maxlength: "300", placeholder: "one line" }),
      (x) => x.note || "", (v) => ({ note: v })));
    if (!author) return out;
    out.push(...row("Why (shown to students): ", h("textarea.mt-why", { id: id("why"), rows: "2" }), (x) => x.why || "", (v) => ({ why: v })));
    for (const n of [0, 1]) {
      out.push(...row(`Hint ${n + 1}: `, text(`hint${n}`, `mt-hint${n}`), (x) => (x.hints || [])[n] || "",
        (v, x) => ({ hints: Object.assign(["", ""], x.hints, { [n]: v }) })));
    }
    if (t.label === "source") {
      out.push(...row("Entity (the same id for every mention of one person or body): ", text("entity", "mt-entity", "80"),
        (x) => x.entity || "", (v) => ({ entity: v })));
    }
    out.push(checkbox("mt-optional", (x) => !!x.optional, (v) => ({ optional: v }), " optional (defensible, not required)"));
    return out;
  }

  // ---------------- check and report
  function requestCheck() {
    state.reportSig = "pending";
    say("Checking your tags…");
    model.send({ type: "check" });
  }
  const tagsSig = () => JSON.stringify(visible());
  function onReport() {
    const rep = report();
    state.reportSig = rep.format ? tagsSig() : null;
    drawList();
    drawReport();
    const all = rep.scores?.all;
    const pct = (x) => `${Math.round((x || 0) * 100)}%`;
    if (rep.format) say(`Checked. ${all ? `You found ${pct(all.recall)} of the key; ${pct(all.precision)} of your tags match it.` : ""} Feedback is below your tags.`);
  }
  const quoteButton = (quote, n, onclick) => button("mt-linkbtn", `“${ellipsis(quote, n)}”`, onclick);
  function drawReport() {
    const rep = report();
    reportBox.hidden = !rep.format;
    if (!rep.format) { reportBox.replaceChildren(); return; }
    const items = [...(rep.items || [])].sort((a, b) => a.start - b.start);
    const missed = (optional) => items.filter((it) => it.verdict === "missed" && !it.optional === !optional).map(reportItem);
    const found = items.filter((it) => it.verdict !== "missed").map(reportItem);
    const required = missed(false);
    const odd = (rep.tags || []).filter((t) => t.verdict !== "matched" && t.verdict !== "defensible").map((t) => h("li", { class: `mt-v-${t.verdict}` },
      h("strong", words(TAG_WORDS, t.verdict)), " ", quoteButton(t.quote, 50, () => jumpTo(t.tag_id)), h("span", ` ${t.message || ""}`)));
    const optional = missed(true);
    const notes = [...(rep.notices || []), ...(rep.orphans || [])];
    const section = (title, cls, list) => (list.length ? [h("p.mt-rep-title", { text: title }), h("ul", { class: cls }, list)] : []);
    const cells = (tag, texts, attrs = {}) => texts.map((text) => h(tag, { text, ...attrs }));
    const pct = (x) => `${Math.round(x * 100)}%`;
    reportBox.replaceChildren(h("p.mt-side-title", "Feedback"),
      state.reportSig !== tagsSig() ? h("p.mt-stale", "You changed your tags after this check. Press Check my tags again.") : "",
      h("table.mt-scores", {}, h("caption", "Scores per label"),
        h("thead", {}, h("tr", {}, cells("th", ["Label", "Found (recall)", "On target (precision)", "F1"], { scope: "col" }))),
        h("tbody", {}, Object.entries(rep.scores || {}).map(([name, s]) => h("tr", {},
          h("th", { scope: "row", text: name === "all" ? "All" : titleOf(name) }), cells("td", [pct(s.recall), pct(s.precision), s.f1.toFixed(2)]))))),
      ...section(`Key items you tagged: ${found.length}`, "mt-items", found),
      ...section(`Not found yet: ${required.length}. Ask for a hint first.`, "mt-items", required),
      ...section("Your other tags", "mt-rtags", odd),
      optional.length ? h("details.mt-optional-items", {},
        h("summary", `Optional items some readers would also tag: ${optional.length}`), h("ul.mt-items", {}, optional)) : "",
      notes.length ? h("ul.mt-notices", {}, notes.map((n) => h("li", n.message))) : "");
  }
  function reportItem(it) {
    const li = h("li", { class: `mt-item mt-v-${it.verdict}`, "data-key": it.key_id },
      h("p", {}, h("strong", words(ITEM_WORDS, it.verdict)), ` · ${titleOf(it.label)}${it.verdict === "missed" ? ` · L${it.line}` : ""}${it.optional ? " (optional)" : ""}`));
    const add = (cls, text) => li.append(h("p", { class: cls, text }));
    const quoteLine = (onclick) => li.append(h("p", {}, quoteButton(it.quote, 70, onclick), ` L${it.line}`));
    const show = () => goTo(spanTokens(tokens, it.start, it.end));
    /** A button that reveals more, redraws, and puts focus on what comes next. */
    const reveal = (cls, text, act, next) => li.append(button(cls, text, () => {
      act();
      drawReport();
      reportBox.querySelector(`[data-key="${CSS.escape(it.key_id)}"]`)?.querySelector(next)?.focus();
    }));
    if (it.verdict === "missed" && !it.optional) {
      const shown = state.hintsShown.get(it.key_id) || 0;
      const hints = it.hints || [];
      hints.slice(0, shown).forEach((hint, n) => add("mt-hinttext", `Hint ${n + 1}: ${hint}`));
      if (state.answers.has(it.key_id)) { quoteLine(show); add("mt-why-text", it.why); } else if (shown < Math.min(hints.length, 2)) {
        reveal("mt-hintbtn", `Show hint ${shown + 1}`, () => state.hintsShown.set(it.key_id, shown + 1), ".mt-hintbtn, .mt-answerbtn");
      } else reveal("mt-answerbtn", "Show the answer", () => state.answers.add(it.key_id), ".mt-linkbtn");
      return li;
    }
    quoteLine(() => (it.tag_id ? jumpTo(it.tag_id) : show()));
    if (it.message) add("mt-msg", it.message);
    if (it.why && !(it.message || "").includes(it.why)) add("mt-why-text", it.why);
    const attrs = Object.entries(it.attrs || {});
    if (attrs.length) {
      li.append(h("ul.mt-attrs", {}, attrs.map(([name, a]) => h("li", {}, `${name}: ${words(ATTR_WORDS, a.verdict)}`,
        a.verdict === "wrong" || a.verdict === "free" ? ` (key: ${(a.expected || []).join(" or ")}${a.given ? `; yours: ${a.given}` : ""})` : ""))));
    }
    if (it.attribution?.verdict) add("mt-attribution", `Attributed to: ${words(ATTR_WORDS, it.attribution.verdict)}`);
    return li;
  }
  onModel("msg:custom", (msg) => {
    if (msg?.type === "key-yaml") {
      saveFile(`${exercise.id}-key.yml`, msg.text, "text/yaml");
      say(`Downloaded ${msg.count} key items as YAML.`);
    } else if (msg?.type === "status") {
      warn(msg.message || "");
      if (state.reportSig === "pending") state.reportSig = null;
    }
  });
  onModel("change:report", onReport);
  onModel("change:tags", () => {
    const tags = model.get("tags") || [];
    if (tags === state.tags) return;
    state.tags = tags;
    autosave();
    redraw();
  });
  onModel("change:student", () => { if (studentInput !== document.activeElement) studentInput.value = student(); });
  studentInput.addEventListener("change", () => { store("student", studentInput.value.trim()); autosave(); say("Name saved."); });

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
    const doc = makeHandin(exercise, state.tags, { student: student(), created: state.created });
    const who = student().replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "");
    saveFile(`${exercise.id}${who ? `-${who}` : ""}.json`, `${JSON.stringify(doc, null, 1)}\n`, "application/json");
    say(`Downloaded your hand-in with ${state.tags.length} tags.`);
  }
  /** The host writes the key file (Python in Jupyter, author.js on a book page), as it runs Check. */
  function downloadKey() {
    model.send({ type: "key-yaml", tags: visible() });
  }
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > MAX_HANDIN_BYTES) { warn(`${file.name}: it is over 5 MB, too big for a hand-in. Your current work is kept.`); return; }
    const got = readHandin(await file.text(), exercise, cps, file.name);
    if (!got.ok) { warn(got.error); return; }
    if (got.student) setStudent(got.student);
    state.created = got.created || state.created;
    commit(got.tags, "");
    warn(`Loaded ${got.tags.length} tags from ${file.name}. Ctrl+Z goes back to your earlier work.${got.problems.length ? ` Left out: ${got.problems.join(" ")}` : ""}`);
  });

  // ---------------- help
  function buildHelp() {
    const rows = [
      ["← →", "move one word"], ["Shift + ← →", "select more words"], ["↑ ↓", "move one line"],
      ["Home End", "start or end of the paragraph"], ["Space", "select the word at the caret"],
      ...labels.map((l) => [`${l.shortcut} or ${letterOf(l).toUpperCase()}`, `tag the selection as ${l.title} (with nothing selected: ${l.title} mode, press again to stop)`]),
      ["Enter", "in a label mode: tag the selection; on a tag: go to it in the list"],
      ["Delete", "remove the tag at the caret"], ["Tab, Shift + Tab", "next or previous tag (Tab after the last leaves the article)"],
      ["Ctrl + Z, Ctrl + Shift + Z", "undo, redo"], ["Esc", "clear the selection and leave label mode"], ["?", "this list"],
    ];
    const dlg = h("dialog.mt-dialog", { "aria-labelledby": `${uid}-dlgt` },
      h("p.mt-side-title", { id: `${uid}-dlgt`, text: "Keyboard shortcuts" }),
      h("table", {}, h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row", text: k }), h("td", v))))),
      h("p", "With the mouse: click a word, drag over words, or Shift+click to extend; then press a label key or button."),
      button("mt-close", "Close", () => dlg.close()));
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
  redraw();
  drawSelection();
  if (report().format) { state.reportSig = tagsSig(); drawReport(); }
  return {
    destroy() {
      for (const off of cleanup) off();
      root.remove();
    },
  };
}

export default { render };
