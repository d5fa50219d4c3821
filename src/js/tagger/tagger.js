// @ts-check
// The Tagger: tag claims, sources and loaded words in one article. This module puts the parts
// together (article, selection and keys, what they ask for in actions.js, tag list, feedback after
// Check, the drawing of changes, saved work) around one tag state; `render({model, el})` is the
// anywidget entry point that every host calls.

import { makeHandin } from "../core/handin.js";
import { renderer } from "../core/messages.js";
import { codePoints, spanTokens } from "../core/spans.js";
import { createActions } from "./actions.js";
import { createArticleView } from "./article_view.js";
import { button, h, setWords, touchScreen } from "./dom.js";
import { createDrawing } from "./drawing.js";
import { createFeedbackView } from "./feedback_view.js";
import { savedAnswers } from "./answer_store.js";
import { downloadedWords, handinFileName, listenToLoad, saveFile } from "./files.js";
import { createHelp } from "./help.js";
import { listenToKeys, listenToPointer } from "./keyboard.js";
import { createLabelBar } from "./label_bar.js";
import { badgePrefixes, labelKeys, labelNouns } from "./labels.js";
import { createSelection } from "./selection.js";
import { createStatus, unsayAside } from "./status.js";
import { createStorage, storageKey } from "./storage.js";
import { indexTags } from "./tag_index.js";
import { createTagList } from "./tag_list.js";
import { TagState } from "./tag_state.js";
import { createWayBack } from "./way_back.js";

/** @typedef {import("../core/types.js").Model} Model */
/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {import("./article_view.js").ArticleView} ArticleView */
/** @typedef {import("./author_tools.js").AuthorTools} AuthorTools */

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
 * @property {AuthorTools | null} authorTools author mode's tools (its tags are key items); null for a student
 * @property {boolean} guided only the grey phrases can be tagged
 * @property {boolean} askDetails each new tag's details open (challenge)
 * @property {{first: number, last: number, start: number, end: number}[]} candidates grey phrases (guided)
 * @property {TagState} state
 * @property {() => TagIndex} index the visible tags, indexed (made once per change)
 * @property {ArticleView} view
 * @property {HTMLElement} article
 * @property {(tap: string, click: string) => string} pointerWords of two ways to say how to press, the one for the
 *   pointer the student has: `tap` on a touch screen (the coarse pointer tagger.css makes targets big for and hides
 *   the label keys on), `click` with a mouse
 * @property {(words: string) => string} keyWords words that name keys, said where there are keys: "" on a touch
 *   screen
 * @property {(message: string, aside?: string) => void} say show in the status line (screen readers hear it, the same
 *   words again too); `aside`, after it, tells the way back, which a phone's bar shows as a button beside it
 * @property {(message: string, how?: {show?: boolean, info?: boolean, files?: boolean, lines?: string[],
 *   listName?: string}) => void}
 *   notify show a notice, and the same words in the status line; "" takes it away. A warning unless `info` (good
 *   news, in calm colours and not an alert); either is read out once. `show` scrolls it into view (after a button
 *   far from it, such as Save). `files`: the notice is about the hand-in file, so it shows under Download and
 *   Load, where the student's eyes and focus are (the article between would push one of them off screen).
 *   `lines` follow the message as a list, one item a line, named `listName` (a long list scrolls, and the name is
 *   what a screen reader says when Tab reaches it, not all its words)
 * @property {(selected: boolean) => void} selectionShown the selection was drawn (some words, or none)
 * @property {(tag: Tag) => string} verdictWords the tag's verdict at the last Check, if it is unchanged
 * @property {(name: string) => string} titleOf a label's title
 * @property {(tag: Tag) => string} nameOf a tag as the page names it: its label's title and number, "Claim C3"
 * @property {(tags: Tag[], what: string | (() => string), mergeKey?: string | null, more?: string, quiet?: boolean,
 *   distractors?: import("../core/types.js").Distractor[] | null) => void} commit
 *   an undoable change: `what` describes it (see TagState.commit) and is said, then `more`, unless `quiet`
 *   (typing, or a change the caller announces itself); Undo and Redo say `what` again. Author mode's
 *   distractors after the change, where it changes them
 * @property {(target: EventTarget, type: string, handler: EventListener) => void} listen removed on destroy
 */

let instances = 0;
/** Model fields that change what the Tagger is: it is built again when one changes. */
const STRUCTURE = ["exercise", "labels", "difficulty", "mode"];

/**
 * Draw a Tagger for `model` in `el` (the anywidget front-end contract); returns the clean-up.
 * Author mode needs `authorTools` (author_tools.js): hosts that offer it pass them.
 * @param {{model: Model, el: HTMLElement}} host
 * @param {AuthorTools | null} [authorTools]
 */
export function render({ model, el }, authorTools = null) {
  const uid = `mlt${++instances}`;
  /** @type {{destroy(): void} | null} */
  let tagger = null;
  const rebuild = () => {
    tagger?.destroy();
    el.replaceChildren();
    tagger = createTagger(model, el, uid, authorTools);
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
 * @param {AuthorTools | null} authorTools
 */
function createTagger(model, el, uid, authorTools) {
  /** @type {Exercise} */
  const exercise = model.get("exercise") || {};
  if (!exercise.article || !Array.isArray(exercise.article.tokens) || !exercise.article.tokens.length) {
    el.append(h("p.mt-error", "This tagger has no exercise to show."));
    return { destroy() {} };
  }
  const author = model.get("mode") === "author";
  if (author && !authorTools) {
    el.append(h("p.mt-error", 'Author mode opens from Python: Tagger("exercise.yml", mode="author").'));
    return { destroy() {} };
  }
  const tokens = exercise.article.tokens;
  const chars = codePoints(exercise.article.text);
  const mode = author ? "author" : "student";
  const difficulty = author ? "challenge" : model.get("difficulty") || exercise.difficulty || "standard";
  /** @type {string[]} */
  const wanted = model.get("labels") || [];
  const labels = exercise.labels.filter((l) => !wanted.length || wanted.includes(l.name));
  const labelByName = new Map(labels.map((l) => [l.name, l]));
  const prefixes = badgePrefixes(labels);
  const guided = difficulty === "guided" && !author;
  const part = exercise.article.part || { start: 0, end: chars.length };
  const lines = exercise.article.part?.lines;
  /** @type {(() => void)[]} */
  const cleanup = [];
  const state = new TagState(Array.isArray(model.get("tags")) ? model.get("tags") : []);
  // a touch screen (touchScreen) is tapped and has no keys; a mouse clicks. Every sentence that says how to press
  // is picked by this one check: `pointerWords(tap, click)`, and `keyWords(words)` says keys only where there are
  const touch = touchScreen();
  const pointerWords = (/** @type {string} */ tap, /** @type {string} */ click) => (touch ? tap : click);
  const keyWords = (/** @type {string} */ words) => pointerWords("", words);

  // ---- layout
  const live = h("p.mt-live", { role: "status", "aria-live": "polite" });
  const notice = h("div.mt-notice", { role: "alert" });
  const keys = labelKeys(labels);
  const clearButton = button("mt-clear", "Clear selection", () => actions.clearSelection());
  clearButton.classList.add("mt-off"); // kept in its place, so nothing moves when it shows
  // after the feedback or the tag list sent the student to words
  const way = createWayBack(
    () => sel.range(),
    () => unsayAside(live),
  );
  const labelBar = createLabelBar(labels, prefixes, keys, keyWords, (name) => actions.applyLabel(name), [
    clearButton,
    way.button,
  ]);
  const dock = h("div.mt-dock", {}, labelBar, live);
  const undoButton = button("mt-undo", "↶ Undo", () => actions.travel(true), { title: keyWords("Undo (Ctrl+Z)") });
  const redoButton = button("mt-redo", "↷ Redo", () => actions.travel(false), {
    title: keyWords("Redo (Ctrl+Shift+Z)"),
  });
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
  // said beside the box, in room kept for it: a status line that changed height here would move the
  // buttons below while the click that left the box is still on its way to one of them
  const nameSaved = h("span.mt-namesaved", { role: "status" });
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
    keys,
    pointerWords,
    keyWords,
    uid,
    authorTools: author ? authorTools : null,
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
    // the label bar that sticks over the page: the labels on a wider screen, the whole dock on a phone
    view: createArticleView(article, tokens, uid, () => (dock.getClientRects().length ? dock : labelBar)),
    article,
    // say, notify: a notice about the hand-in file shows under Download and Load, any other under the tools
    ...createStatus(live, notice, (files) => (files ? foot : tools)),
    selectionShown(selected) {
      if (clearButton.classList.contains("mt-off") === selected) clearButton.classList.toggle("mt-off", !selected);
    },
    verdictWords(tag) {
      const chip = drawing.chipOf(tag);
      return chip ? feedbackWords.render({ code: `chip-${chip}`, args: {} }).toLowerCase() : "";
    },
    titleOf: (name) => labelByName.get(name)?.title || name,
    nameOf: (t) => `${ctx.titleOf(t.label)} ${ctx.index().numbers.get(t.id) || ""}`.trim(),
    commit(tags, what, mergeKey = null, more = "", quiet = false, distractors = state.distractors) {
      const message = state.commit(tags, mergeKey, what, distractors) + more;
      ctx.notify(""); // an old error goes once something works
      if (message && !quiet) ctx.say(message);
    },
    listen(target, type, handler) {
      target.addEventListener(type, handler);
      cleanup.push(() => target.removeEventListener(type, handler));
    },
  };
  const feedbackWords = renderer(exercise.all_labels || exercise.labels, "student");
  const sel = createSelection(ctx);
  const actions = createActions(ctx, sel, way, {
    list: () => list,
    feedback: () => feedback,
    drawNow: () => drawing.flush(),
    makeHelp: () => createHelp(ctx, root),
  });

  const list = createTagList(ctx, actions);
  /** @param {string} event @param {(...args: any[]) => void} handler */
  const onModel = (event, handler) => {
    model.on(event, handler);
    cleanup.push(() => model.off(event, handler));
  };
  // author mode: the drafts to review, the distractors and the save action (review_panel.js)
  const review = ctx.authorTools?.reviewPanel(ctx, actions, sel, list, { model, onModel, root: () => root }) || null;
  const feedback = createFeedbackView(ctx, {
    showTag: actions.showTag,
    showRange: actions.showRange,
    showLine: actions.showLine,
    answersChanged: () => drawing.drawAnswers(),
    // a touch screen goes to Download (the name box above it): a tap that focused the name box would open the
    // phone's keyboard over the button the student came for
    toHandIn: () => (touch ? /** @type {HTMLElement} */ (foot.querySelector(".mt-download")) : studentInput).focus(),
  });
  const authorWords = ctx.authorTools?.words;
  const titleText = authorWords
    ? authorWords.title(exercise)
    : `Tag the ${labelNouns(labels)}${lines ? ` in lines ${lines[0]}–${lines[1]}` : ""}`;
  const instructions = (/** @type {string | false} */ text) => (text ? h("p.mt-instructions", { text }) : null);
  const tools = h(
    "div.mt-tools",
    {},
    h("div.mt-group-edit", { role: "group", "aria-label": "Undo and redo" }, undoButton, redoButton),
    // the shortcuts are keys: a touch screen has none (its hint below says what to tap)
    touch ? null : button("mt-helpbtn", "Shortcuts ?", actions.openHelp, { "aria-haspopup": "dialog" }),
    review ? review.saveButton : button("mt-check mt-primary", "Check my tags", requestCheck),
  );
  const foot = h(
    "div.mt-foot",
    {},
    // a key has no student's name
    author
      ? null
      : h("div", {}, h("label.mt-studentrow", {}, "Name on your hand-in (optional) ", studentInput), nameSaved),
    h(
      "div.mt-group-files",
      { role: "group", "aria-label": "Hand-in file" },
      button("mt-download", authorWords?.download ?? "Download hand-in", download),
      button("mt-load", authorWords?.load ?? "Load hand-in", () => fileInput.click()),
      fileInput,
    ),
  );
  const root = h(
    "div",
    { class: `medialit-tagger mt mt-mode-${mode} mt-diff-${difficulty}` },
    h(
      "div.mt-head",
      {},
      h("p.mt-title", { text: titleText }),
      instructions(authorWords ? authorWords.instructions : exercise.instructions),
      instructions(guided && "The grey phrases are ready to tag: pick a label for each, or leave it."),
    ),
    tools,
    notice,
    h(
      "div.mt-body",
      {},
      // the labels and the status line: around the article, or one bar at the bottom of a phone's
      // screen while the article shows (the box round both keeps the bar off the feedback)
      h("div.mt-textbox", {}, dock, article),
      // after the article in reading and Tab order, as beside it on a wide screen; the grid places it
      h("div.mt-side", {}, review?.element, feedback.element, list.element),
    ),
    foot,
    h(
      "p.mt-hint",
      { id: helpId },
      pointerWords(
        "Tap a word, or the first word and then the last, then pick a label.",
        "Click or drag over words, or use the arrow keys with Shift, then press a label key. Press ? for all shortcuts.",
      ),
    ),
  );
  el.append(root);

  // ---- drawing: one frame draws what the changes since the last frame touched
  const drawing = createDrawing(ctx, list, review, feedback, undoButton, redoButton);

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
      state.history.rebase((was) => ({ ...was, tags: apply(was.tags) }));
      state.set(tags, "other-tab");
    },
    student,
    setStudent,
    warn: (message) => ctx.notify(message),
    say: ctx.say,
  });

  state.onChange((source) => {
    if (source !== "model") {
      model.set("tags", state.tags);
      model.save_changes();
    }
    if (source !== "restore") storage.schedule();
    drawing.request();
  });

  // ---- Check, files, the model
  let checking = false;
  let checkingQuietly = false; // at start, on work this page checked before it was reloaded
  const checkScope = `${labels.map((l) => l.name).join(",")}:${lines ? lines.join("-") : "all"}:${difficulty}`;
  function requestCheck() {
    checking = true;
    ctx.say("Checking your tags…");
    model.send({ type: "check" });
  }
  function showReport() {
    way.hide();
    const report = model.get("report") || {};
    const message = feedback.show(report.format ? report : null);
    drawing.checkedNow(!!report.format);
    if (!report.format) return;
    storage.rememberCheck(checkScope, state.tags);
    if (checkingQuietly) {
      checkingQuietly = false;
      return;
    }
    ctx.notify("");
    ctx.say(message ? "Checked: the feedback is in the Feedback box." : "");
    if (checking) feedback.focus();
    checking = false;
  }
  function download() {
    storage.flush();
    const doc = makeHandin(exercise, state.tags, {
      student: student(),
      created: storage.created(),
      answers: savedAnswers(exercise),
    });
    saveFile(root, handinFileName(exercise.id, student()), `${JSON.stringify(doc, null, 1)}\n`, "application/json");
    ctx.notify(
      authorWords?.downloaded(state.tags.length) ?? downloadedWords(doc),
      // not scrolled to: the Download after a chapter's questions presses this one, far below
      { info: true, files: true },
    );
  }
  listenToLoad(ctx, fileInput, student, setStudent);
  onModel("msg:custom", (/** @type {any} */ message) => {
    if (message?.type === "status") {
      checking = false;
      ctx.notify(message.message || "", { info: message.kind === "info" });
    }
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
    setWords(nameSaved, "✓ Saved");
  });
  studentInput.addEventListener("input", () => setWords(nameSaved, ""));
  listenToKeys(ctx, sel, actions, root);
  listenToPointer(ctx, sel, actions);

  // ---- start: saved work (in author mode, the file's key with the review saved of it), then one full draw
  const restored = storage.restore();
  const start = ctx.authorTools
    ? ctx.authorTools.start(exercise, restored, storageKey(exercise, mode), ctx.notify)
    : restored;
  if (start?.length && !state.tags.length) state.set(start, "restore");
  storage.listen();
  notice.hidden = !notice.textContent;
  ctx.view.markCandidates(ctx.candidates);
  drawing.cancel();
  drawing.draw();
  sel.draw();
  if (model.get("report")?.format) showReport();
  else if (state.tags.length && storage.checkedBefore(checkScope, state.tags)) {
    checkingQuietly = true;
    model.send({ type: "check" });
  }

  return {
    destroy() {
      storage.close();
      drawing.cancel();
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
