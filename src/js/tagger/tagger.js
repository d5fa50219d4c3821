// @ts-check
// The Tagger: tag claims, sources and loaded words in one article. This module puts the parts
// together (article, selection and keys, tag list, feedback, saved work) around one tag state;
// `render({model, el})` is the anywidget entry point that every host calls.

import { copyTag, ellipsis, makeHandin } from "../core/handin.js";
import { codePoints, quoteOf, selectionToSpan, spanTokens } from "../core/spans.js";
import { createArticleView } from "./article_view.js";
import { button, h } from "./dom.js";
import { handinFileName, listenToLoad, saveFile } from "./files.js";
import { frameBatcher } from "./frame.js";
import { createHelp } from "./help.js";
import { listenToKeys, listenToPointer } from "./keyboard.js";
import { badgePrefixes, labelKeys } from "./labels.js";
import { createReportView } from "./report_view.js";
import { createReviewPanel } from "./review_panel.js";
import { createSelection } from "./selection.js";
import { createStorage } from "./storage.js";
import { indexTags, tagsAtToken } from "./tag_index.js";
import { createTagList } from "./tag_list.js";
import { drawTagMarks } from "./tag_marks.js";
import { TagState } from "./tag_state.js";
import { addTag, nextTagId, removeTag } from "./tags.js";

/** @typedef {import("../core/types.js").Model} Model */
/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {import("./article_view.js").ArticleView} ArticleView */

/**
 * What the parts of one Tagger share.
 * @typedef {object} TaggerContext
 * @property {Exercise} exercise
 * @property {Token[]} tokens the tokens on show
 * @property {string[]} chars the article's code points
 * @property {Label[]} labels the labels on show
 * @property {Map<string, Label>} labelByName
 * @property {Map<string, string>} keys key to label name
 * @property {string} uid prefix of element ids, unique on the page
 * @property {boolean} author author mode: the tags are key items
 * @property {boolean} guided only the grey phrases can be tagged
 * @property {boolean} askDetails each new tag's details open (challenge)
 * @property {{first: number, last: number, start: number, end: number}[]} candidates grey phrases (guided)
 * @property {TagState} state
 * @property {() => TagIndex} index the visible tags, indexed (made once per change)
 * @property {ArticleView} view
 * @property {HTMLElement} article
 * @property {(message: string) => void} say tell screen readers
 * @property {(message: string) => void} warn show a notice (and say it)
 * @property {(name: string) => string} titleOf a label's title
 * @property {(tags: Tag[], message: string, mergeKey?: string | null) => void} commit an undoable change
 * @property {(target: EventTarget, type: string, handler: EventListener) => void} listen removed on destroy
 */

/**
 * What the keys, the pointer, the list and the feedback can ask the Tagger to do.
 * @typedef {object} Actions
 * @property {(name: string) => void} applyLabel tag the selection
 * @property {(name: string) => void} onLabelKey a label key or button: tag the selection, or label mode
 * @property {(name: string | null) => void} setSticky label mode on (a label) or off (null)
 * @property {() => string | null} sticky the label mode's label
 * @property {() => void} deleteAtCaret
 * @property {(id: string) => void} removeById
 * @property {(id: string) => void} jumpTo select a tag in the text
 * @property {(id: string) => void} focusEntry go to a tag's entry in the list
 * @property {(back: boolean) => void} travel undo or redo
 * @property {() => void} openHelp
 * @property {() => Tag[]} tagsAtCaret
 */

let instances = 0;
/** Model fields that change what the Tagger is: it is built again when one changes. */
const STRUCTURE = ["exercise", "labels", "difficulty", "mode"];

/**
 * Draw a Tagger for `model` in `el` (the anywidget front-end contract); returns the clean-up.
 * @param {{model: Model, el: HTMLElement}} host
 */
export function render({ model, el }) {
  const uid = `mlt${++instances}`;
  /** @type {{destroy(): void} | null} */
  let tagger = null;
  const rebuild = () => {
    tagger?.destroy();
    el.replaceChildren();
    tagger = createTagger(model, el, uid);
  };
  rebuild();
  for (const k of STRUCTURE) model.on(`change:${k}`, rebuild);
  return () => {
    for (const k of STRUCTURE) model.off(`change:${k}`, rebuild);
    tagger?.destroy();
  };
}

/**
 * Build one Tagger.
 * @param {Model} model
 * @param {HTMLElement} el
 * @param {string} uid
 */
function createTagger(model, el, uid) {
  /** @type {Exercise} */
  const exercise = model.get("exercise") || {};
  if (!exercise.article || !Array.isArray(exercise.article.tokens) || !exercise.article.tokens.length) {
    el.append(h("p.mt-error", "This tagger has no exercise to show."));
    return { destroy() {} };
  }
  const tokens = exercise.article.tokens;
  const chars = codePoints(exercise.article.text);
  const author = model.get("mode") === "author";
  const mode = author ? "author" : "student";
  const difficulty = author ? "challenge" : model.get("difficulty") || exercise.difficulty || "standard";
  /** @type {string[]} */
  const wanted = model.get("labels") || [];
  const labels = exercise.labels.filter((l) => !wanted.length || wanted.includes(l.name));
  const labelByName = new Map(labels.map((l) => [l.name, l]));
  const prefixes = badgePrefixes(labels);
  const guided = difficulty === "guided" && !author;
  const part = exercise.article.part || { start: 0, end: chars.length };
  /** @type {(() => void)[]} */
  const cleanup = [];
  const state = new TagState(Array.isArray(model.get("tags")) ? model.get("tags") : []);

  // ---- layout
  const live = h("div.mt-live", { role: "status", "aria-live": "polite" });
  const notice = h("div.mt-notice", { role: "alert" });
  const labelButtons = labels.map((l) =>
    button(
      "mt-labbtn",
      [
        h("span", { class: `mt-badge mt-badge-${l.name}`, "aria-hidden": "true", text: prefixes[l.name] }),
        ` ${l.title} `,
        h("kbd", l.shortcut || (l.letter || "").toUpperCase()),
      ],
      () => actions.onLabelKey(l.name),
      { "aria-pressed": "false", "data-label": l.name, title: l.help || l.title },
    ),
  );
  const undoButton = button("mt-undo", "↶ Undo", () => actions.travel(true), { title: "Undo (Ctrl+Z)" });
  const redoButton = button("mt-redo", "↷ Redo", () => actions.travel(false), { title: "Redo (Ctrl+Shift+Z)" });
  const fileInput = /** @type {HTMLInputElement} */ (
    h("input.mt-file", {
      type: "file",
      accept: ".json,application/json",
      hidden: true,
      "aria-label": "Hand-in file to load",
    })
  );
  const studentInput = /** @type {HTMLInputElement} */ (
    h("input.mt-student", { type: "text", maxlength: "80", autocomplete: "off" })
  );
  studentInput.value = model.get("student") || "";
  const helpId = `${uid}-help`;
  const article = h("div", {
    class: "mt-article",
    role: "application",
    tabindex: "0",
    "aria-roledescription": "article to tag",
    "aria-label": `Article: ${exercise.title || exercise.id}`,
    "aria-describedby": helpId,
  });

  /** @type {{tags: Tag[], index: TagIndex} | null} */
  let indexed = null;
  const rangeCache = new WeakMap();
  /** @type {TaggerContext} */
  const ctx = {
    exercise,
    tokens,
    chars,
    labels,
    labelByName,
    keys: labelKeys(labels),
    uid,
    author,
    guided,
    askDetails: difficulty === "challenge",
    candidates: guided ? phrases([...(exercise.key || []), ...(exercise.distractors || [])], tokens) : [],
    state,
    index() {
      if (indexed?.tags !== state.tags) {
        indexed = { tags: state.tags, index: indexTags(state.tags, { tokens, labels, part, prefixes, rangeCache }) };
      }
      return indexed.index;
    },
    view: createArticleView(article, tokens, uid),
    article,
    say(message) {
      live.textContent = message;
    },
    warn(message) {
      notice.textContent = message;
      notice.hidden = !message;
      ctx.say(message);
    },
    titleOf: (name) => labelByName.get(name)?.title || name,
    commit(tags, message, mergeKey = null) {
      state.commit(tags, mergeKey);
      if (message) ctx.say(message);
    },
    listen(target, type, handler) {
      target.addEventListener(type, handler);
      cleanup.push(() => target.removeEventListener(type, handler));
    },
  };
  const sel = createSelection(ctx);
  /** @param {string} event @param {(...args: any[]) => void} handler */
  const onModel = (event, handler) => {
    model.on(event, handler);
    cleanup.push(() => model.off(event, handler));
  };

  /** @type {string | null} */
  let sticky = null;

  /** @type {Actions} */
  const actions = {
    applyLabel(name) {
      const r = sel.range() || (sel.anchor === null ? { first: sel.caret, last: sel.caret } : null);
      const phrase = guided && ctx.candidates.find((c) => r && c.first === r.first && c.last === r.last);
      if (!r || (guided && !phrase)) {
        ctx.say("In this exercise, pick one of the grey phrases first.");
        return;
      }
      const span = phrase || selectionToSpan(tokens, r.first, r.last, name === "claim");
      if (!span) {
        ctx.say("Only punctuation is selected: nothing was tagged.");
        return;
      }
      const title = ctx.titleOf(name);
      /** @type {Tag} */
      const tag = {
        id: nextTagId(state.tags),
        label: name,
        start: span.start,
        end: span.end,
        quote: quoteOf(chars, span.start, span.end),
        attrs: {},
        source_ids: [],
        note: "",
      };
      if (author) Object.assign(tag, { why: "", hints: ["", ""], optional: false });
      const added = addTag(state.tags, tag);
      if (added.error) {
        ctx.warn(`“${ellipsis(tag.quote)}” is already tagged as ${title}. Pick other words or another label.`);
        return;
      }
      ctx.warn("");
      if (ctx.askDetails) list.openWhenMade(tag.id);
      sel.anchor = null;
      sel.caret = span.last;
      ctx.commit(added.tags, "");
      ctx.say(`Tagged “${ellipsis(tag.quote, 60)}” as ${title} ${ctx.index().numbers.get(tag.id)}.`);
      sel.draw();
    },
    onLabelKey(name) {
      const title = ctx.titleOf(name);
      if (sel.anchor !== null) actions.applyLabel(name);
      else if (sticky === name) {
        actions.setSticky(null);
        ctx.say(`${title} mode off.`);
      } else {
        actions.setSticky(name);
        ctx.say(
          `${title} mode: what you select now becomes a ${title} (Shift+arrows then Enter, or the mouse). Esc stops it.`,
        );
      }
    },
    setSticky(name) {
      sticky = name;
      for (const b of labelButtons) b.setAttribute("aria-pressed", String(b.dataset.label === name));
      root.classList.toggle("mt-sticky", !!name);
    },
    sticky: () => sticky,
    deleteAtCaret() {
      const r = sel.range();
      const index = ctx.index();
      const target =
        (r && index.visible.find((t) => t.start === tokens[r.first].start && t.end === tokens[r.last].end)) ||
        tagsAtToken(index, sel.caret)[0];
      if (target) actions.removeById(target.id);
      else ctx.say("There is no tag here to remove.");
    },
    removeById(id) {
      const t = state.get(id);
      if (!t) return;
      const name = `${ctx.titleOf(t.label)} ${ctx.index().numbers.get(id) || ""}`.trim();
      ctx.commit(removeTag(state.tags, id), `Removed ${name} “${ellipsis(t.quote, 60)}”. Ctrl+Z brings it back.`);
    },
    jumpTo(id) {
      const range = ctx.index().ranges.get(id);
      if (range) sel.goTo(range, "center", " Press Enter to go back to the tag list.");
    },
    focusEntry(id) {
      frame.flush();
      if (list.focus(id)) ctx.say("In the tag list. Press Enter on the tag to go back to the text.");
    },
    travel(back) {
      if (state.travel(back)) ctx.say(back ? "Undone." : "Redone.");
      else ctx.say(`Nothing to ${back ? "undo" : "redo"}.`);
    },
    openHelp: () => help.open(),
    tagsAtCaret: () => tagsAtToken(ctx.index(), sel.caret),
  };

  const list = createTagList(ctx, actions);
  const feedback = createReportView(ctx, sel, actions);
  // author mode: the drafts to review, the distractors and the save action (review_panel.js)
  const review = author ? createReviewPanel(ctx, actions, sel, list, { model, onModel, root: () => root }) : null;
  const help = createHelp(labels, uid, article);
  const instructions = (/** @type {string | false} */ text) => (text ? h("p.mt-instructions", { text }) : null);
  const root = h(
    "div",
    { class: `medialit-tagger mt mt-mode-${mode} mt-diff-${difficulty}` },
    exercise.title ? h("p.mt-title", { text: exercise.title }) : null,
    instructions(exercise.instructions),
    instructions(guided && "The grey phrases are ready to tag: pick a label for each, or leave it."),
    h("div.mt-toolbar", { role: "group", "aria-label": "Labels" }, labelButtons),
    h(
      "div.mt-toolbar",
      { role: "group", "aria-label": "Tools" },
      undoButton,
      redoButton,
      review ? review.saveButton : button("mt-check", "Check my tags", requestCheck),
      button("mt-download", author ? "Download tags" : "Download hand-in", download),
      button("mt-load", "Load hand-in", () => fileInput.click()),
      fileInput,
      button("mt-helpbtn", "? Shortcuts", actions.openHelp, { "aria-haspopup": "dialog" }),
    ),
    h(
      "p.mt-hint",
      { id: helpId },
      "Click or drag over words, or use the arrow keys (Shift to extend), then press a label key. Press ? for all shortcuts.",
    ),
    notice,
    live,
    h("div.mt-body", {}, article, h("div.mt-side", {}, review?.element, list.element, feedback.element)),
    h("p.mt-studentrow", {}, h("label", {}, "Name on your hand-in (optional): ", studentInput)),
    help.dialog,
  );
  el.append(root);

  // ---- drawing: one frame draws what the changes since the last frame touched
  /** @type {TagIndex | null} */
  let drawn = null;
  /** @type {Tag[] | null} the tags the shown feedback was made for */
  let checkedTags = null;
  /** @type {Map<string, string> | null} */
  let newVerdicts = null;
  function draw() {
    const index = ctx.index();
    drawTagMarks(ctx.view, drawn, index);
    list.update(drawn, index, newVerdicts);
    review?.update(index);
    newVerdicts = null;
    feedback.markStale(checkedTags !== null && checkedTags !== state.tags);
    if (undoButton.disabled !== !state.history.canUndo) undoButton.disabled = !state.history.canUndo;
    if (redoButton.disabled !== !state.history.canRedo) redoButton.disabled = !state.history.canRedo;
    drawn = index;
  }
  const frame = frameBatcher(draw);

  // ---- saved work
  const student = () => model.get("student") || "";
  const setStudent = (/** @type {string} */ name) => {
    model.set("student", name);
    model.save_changes();
    studentInput.value = name;
  };
  const storage = createStorage(exercise, chars, mode, {
    tags: () => state.tags,
    merged(tags, apply) {
      state.history.rebase(apply);
      state.set(tags, "other-tab");
    },
    student,
    setStudent,
    warn: ctx.warn,
    say: ctx.say,
  });

  state.onChange((source) => {
    if (source !== "model") {
      model.set("tags", state.tags);
      model.save_changes();
    }
    if (source !== "restore") storage.schedule();
    frame.request();
  });

  // ---- Check, files, the model
  function requestCheck() {
    ctx.say("Checking your tags…");
    model.send({ type: "check" });
  }
  function showReport() {
    const report = model.get("report") || {};
    checkedTags = report.format ? state.tags : null;
    const message = feedback.show(report);
    newVerdicts = feedback.verdicts();
    if (message) ctx.say(message);
    frame.request();
  }
  function download() {
    storage.flush();
    const doc = makeHandin(exercise, state.tags, { student: student(), created: storage.created() });
    saveFile(root, handinFileName(exercise.id, student()), `${JSON.stringify(doc, null, 1)}\n`, "application/json");
    ctx.say(`Downloaded your hand-in with ${state.tags.length} tags.`);
  }
  listenToLoad(ctx, fileInput, setStudent);
  onModel("msg:custom", (/** @type {any} */ message) => {
    if (message?.type === "status") ctx.warn(message.message || "");
  });
  onModel("change:report", showReport);
  onModel("change:tags", () => {
    const tags = model.get("tags") || [];
    if (tags !== state.tags) state.set(tags, "model");
  });
  onModel("change:student", () => {
    if (studentInput !== document.activeElement) studentInput.value = student();
  });
  studentInput.addEventListener("change", () => {
    setStudent(studentInput.value.trim());
    storage.schedule();
    ctx.say("Name saved.");
  });

  listenToKeys(ctx, sel, actions, root);
  listenToPointer(ctx, sel, actions);

  // ---- start: saved work (or, in author mode, the key), then one full draw
  const restored = storage.restore();
  if (restored?.length && !state.tags.length) state.set(restored, "restore");
  else if (restored === null && author && !state.tags.length) state.set(keyAsTags(exercise), "restore");
  storage.listen();
  notice.hidden = !notice.textContent;
  ctx.view.markCandidates(ctx.candidates);
  frame.cancel();
  draw();
  sel.draw();
  if (model.get("report")?.format) showReport();

  return {
    destroy() {
      storage.close();
      frame.cancel();
      for (const off of cleanup) off();
      root.remove();
    },
  };
}

/**
 * Key items and distractors as token ranges, one per range, in reading order (guided phrases).
 * @param {{start: number, end: number}[]} spans
 * @param {Token[]} tokens
 */
function phrases(spans, tokens) {
  const seen = new Map();
  for (const s of spans) {
    const r = spanTokens(tokens, s.start, s.end);
    seen.set(`${r.first}:${r.last}`, { ...r, start: tokens[r.first].start, end: tokens[r.last].end });
  }
  return [...seen.values()].sort((a, b) => a.first - b.first || b.last - a.last);
}

/**
 * Author mode starts from the exercise's key; an attribute listing several right values keeps
 * the first.
 * @param {Exercise} exercise
 * @returns {Tag[]}
 */
function keyAsTags(exercise) {
  return (exercise.key || []).map((k) =>
    copyTag({
      ...k,
      note: "",
      why: k.why || "",
      hints: k.hints || [],
      optional: !!k.optional,
      entity: k.entity || "",
      attrs: Object.fromEntries(Object.entries(k.attrs || {}).map(([a, v]) => [a, Array.isArray(v) ? v[0] : v])),
    }),
  );
}
