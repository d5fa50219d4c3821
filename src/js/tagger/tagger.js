// @ts-check
// The Tagger: tag claims, sources and loaded words in one article. This module puts the parts
// together (article, selection and keys, tag list, feedback after Check, saved work) around one
// tag state; `render({model, el})` is the anywidget entry point that every host calls.

import { makeHandin } from "../core/handin.js";
import { renderer } from "../core/messages.js";
import { codePoints, quoteOf, quoted, selectionToSpan, spanTokens } from "../core/spans.js";
import { createArticleView } from "./article_view.js";
import { button, h, setText, setWords } from "./dom.js";
import { badgeVerdict } from "./feedback_data.js";
import { createFeedbackView } from "./feedback_view.js";
import { savedAnswers } from "./answer_store.js";
import { downloadedWords, handinFileName, listenToLoad, saveFile } from "./files.js";
import { frameBatcher } from "./frame.js";
import { createHelp } from "./help.js";
import { listenToKeys, listenToPointer } from "./keyboard.js";
import { createLabelBar } from "./label_bar.js";
import { badgePrefixes, labelKeys, labelNouns, letterOf } from "./labels.js";
import { createSelection } from "./selection.js";
import { createStatus } from "./status.js";
import { createStorage, sameTags, storageKey } from "./storage.js";
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
 * @property {(message: string) => void} say show in the status line (screen readers hear it, the same words
 *   again too)
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

/**
 * What the keys, the pointer and the list can ask the Tagger to do.
 * @typedef {object} Actions
 * @property {(name: string) => void} applyLabel tag the selection
 * @property {() => void} clearSelection (Escape, or the Clear selection button)
 * @property {() => void} deleteAtCaret
 * @property {(id: string) => void} removeById
 * @property {(id: string, fromList?: boolean) => void} jumpTo select a tag in the text (from the tag list: with
 *   a button back to it)
 * @property {(id: string) => void} focusEntry go to a tag's entry in the list
 * @property {() => void} drawNow draw a pending change now (before focus goes to what it makes)
 * @property {(back: boolean) => void} travel undo or redo
 * @property {() => void} openHelp
 * @property {() => Tag[]} tagsAtCaret
 * @property {(tag: Tag | undefined) => void} offerTag a word clicked or tapped in `tag` (or in none): a button to
 *   its entry, as Enter is from the keys
 * @property {() => void} toFeedback go to the feedback (the feedback key)
 * @property {() => void} backToText from the feedback or the list, back to the words
 * @property {() => boolean} backFromText back to the feedback entry that showed these words, if any
 * @property {(key: string) => void} unusedKey a label key this page does not use
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
  // a touch screen (the coarse pointer tagger.css makes targets big for) is tapped and has no keys; a mouse
  // clicks. Every sentence that says how to press is picked by this one check: `pointerWords(tap, click)`,
  // and `keyWords(words)` says keys only where there are
  const touch = !!globalThis.matchMedia?.("(pointer: coarse)").matches;
  const pointerWords = (/** @type {string} */ tap, /** @type {string} */ click) => (touch ? tap : click);
  const keyWords = (/** @type {string} */ words) => pointerWords("", words);

  // ---- layout
  const live = h("p.mt-live", { role: "status", "aria-live": "polite" });
  const notice = h("div.mt-notice", { role: "alert" });
  const keys = labelKeys(labels);
  const clearButton = button("mt-clear", "Clear selection", () => actions.clearSelection());
  clearButton.classList.add("mt-off"); // kept in its place, so nothing moves when it shows
  // after the feedback or the tag list sent the student to words: a way back a touch screen can take
  // (keys: Enter, F), named for where it goes
  let backTo = () => {};
  const backButton = button("mt-backbtn", "", () => {
    if (!actions.backFromText()) backTo();
  });
  backButton.hidden = true;
  let offersTag = false; // the button goes to a clicked or tapped word's tag (actions.offerTag)
  /**
   * @param {string} words
   * @param {() => void} to
   * @param {boolean} [up] to the feedback (above the text, or beside it: the arrow is tagger.css's)
   */
  const offerBack = (words, to, up = false) => {
    setText(backButton, words);
    backButton.classList.toggle("mt-up", up);
    backTo = to;
    backButton.hidden = false;
    offersTag = false;
  };
  const labelBar = createLabelBar(labels, prefixes, keys, keyWords, (name) => actions.applyLabel(name), [
    clearButton,
    backButton,
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
      const chip = chipOf(tag);
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
  const { view } = ctx;
  const feedbackWords = renderer(exercise.all_labels || exercise.labels, "student");
  const sel = createSelection(ctx);
  /** @type {{from: HTMLElement, first: number, last: number} | null} where the feedback sent the caret */
  let shownFrom = null;

  /** @type {Actions} */
  const actions = {
    applyLabel(name) {
      const r = sel.range();
      const phrase = guided && ctx.candidates.find((c) => r && c.first === r.first && c.last === r.last);
      if (!r || (guided && !phrase)) {
        ctx.say(
          guided
            ? "In this exercise, pick one of the grey phrases first."
            : `Select words first: ${pointerWords("tap the first word, then the last", "click or drag over them, or press Space (Shift + arrows for more words)")}.`,
        );
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
      if (ctx.authorTools)
        Object.assign(tag, ctx.authorTools.newKeyItem(tag, exercise, chars, ctx.labelByName.get(name)));
      const added = addTag(state.tags, tag);
      if (added.error) {
        ctx.notify(`${quoted(tag.quote)} is already tagged as ${title}. Pick other words or another label.`);
        return;
      }
      if (ctx.askDetails) list.openWhenMade(tag.id);
      sel.anchor = null;
      sel.caret = span.last;
      ctx.commit(
        added.tags,
        () => `Tagged ${quoted(tag.quote, 60)} as ${title} ${ctx.index().numbers.get(tag.id)}.`,
        null,
        ctx.authorTools?.words.tagged(tag, ctx.labelByName.get(name)),
      );
      sel.draw();
    },
    clearSelection() {
      sel.anchor = null;
      sel.draw();
      ctx.say("Selection cleared.");
    },
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
      ctx.commit(
        removeTag(state.tags, id),
        `Removed ${ctx.nameOf(t)} ${quoted(t.quote, 60)}.`,
        null,
        ` Undo${keyWords(" (Ctrl+Z)")} brings it back.`,
      );
    },
    jumpTo(id, fromList = false) {
      const range = ctx.index().ranges.get(id);
      if (!range) ctx.say("That tag is not there any more.");
      else if (!fromList) sel.goTo(range, "center", " Press Enter to go back to your tags.");
      else {
        shownFrom = null;
        offerBack("Back to your tags", () => actions.focusEntry(id));
        sel.goTo(range, "center", ` To go back to your tags, use “Back to your tags”${keyWords(" or press Enter")}.`);
      }
    },
    drawNow: () => frame.flush(),
    focusEntry(id) {
      frame.flush();
      backButton.hidden = true;
      if (list.focus(id))
        ctx.say(
          `In your tags. ${pointerWords("Tap", "Click")} the tag${keyWords(", or press Enter on it,")} to go back to the text.`,
        );
    },
    travel(back) {
      const what = state.travel(back);
      if (what === null) ctx.say(`Nothing to ${back ? "undo" : "redo"}.`);
      else {
        ctx.notify("");
        ctx.say(`${back ? "Undone" : "Redone"}${what ? `: ${what}` : "."}`);
      }
    },
    openHelp() {
      // made when first asked for: a touch screen has no button for it, and few ask
      showHelp ||= createHelp(ctx, root);
      showHelp();
    },
    tagsAtCaret: () => tagsAtToken(ctx.index(), sel.caret),
    offerTag(t) {
      // a way back to the feedback or the list stays until it is taken
      if (!backButton.hidden && !offersTag) return;
      if (!t) backButton.hidden = true;
      else {
        offerBack(`${ctx.index().numbers.get(t.id)} in your tags`, () => actions.focusEntry(t.id));
        offersTag = true;
      }
    },
    toFeedback() {
      backButton.hidden = true;
      if (feedback.shown()) feedback.focus(false);
      else ctx.say("There is no feedback yet: press Check my tags first.");
    },
    backToText() {
      article.focus({ preventScroll: true });
      view.showToken(sel.caret);
      ctx.say(sel.describe());
    },
    backFromText() {
      const r = sel.range();
      if (!shownFrom?.from.isConnected || !r || r.first !== shownFrom.first || r.last !== shownFrom.last) return false;
      shownFrom.from.focus();
      shownFrom = null;
      backButton.hidden = true;
      return true;
    },
    unusedKey(key) {
      const ways = labels.map(
        (l) => `${l.shortcut || letterOf(l).toUpperCase()} or ${letterOf(l).toUpperCase()} for ${l.title}`,
      );
      ctx.say(
        `The ${key.toUpperCase()} key tags nothing on this page: here you tag ${labelNouns(labels)} only (${ways.join("; ")}).`,
      );
    },
  };

  const list = createTagList(ctx, actions);
  /** @param {string} event @param {(...args: any[]) => void} handler */
  const onModel = (event, handler) => {
    model.on(event, handler);
    cleanup.push(() => model.off(event, handler));
  };
  // author mode: the drafts to review, the distractors and the save action (review_panel.js)
  const review = ctx.authorTools?.reviewPanel(ctx, actions, sel, list, { model, onModel, root: () => root }) || null;
  // said after the words a feedback link showed; a phone has no keys, so the button comes first
  const back = ` To go back to the feedback, use “Back to the feedback”${keyWords(" or press Enter or F")}.`;
  const offerFeedback = () => offerBack("Back to the feedback", actions.toFeedback, true);
  const feedback = createFeedbackView(ctx, {
    showTag(id, from) {
      const range = ctx.index().ranges.get(id);
      if (!range) {
        ctx.say("That tag is not there any more: you changed your tags after this check.");
        return;
      }
      shownFrom = { from, first: range.first, last: range.last };
      offerFeedback();
      sel.goTo(range, "center", back);
    },
    showRange(range, from) {
      shownFrom = { from, ...range };
      offerFeedback();
      sel.goTo(range, "center", back);
    },
    showLine(line) {
      const i = tokens.findIndex((t) => t.line === line);
      if (i < 0) return;
      sel.anchor = null;
      sel.setCaret(i, false);
      view.showToken(i, "center");
      article.focus({ preventScroll: true });
      shownFrom = null;
      offerFeedback();
      ctx.say(`${sel.describe()} To go back to the feedback, use “Back to the feedback”${keyWords(" or press F")}.`);
    },
    answersChanged: () => drawAnswers(),
    // a touch screen goes to Download (the name box above it): a tap that focused the name box would open the
    // phone's keyboard over the button the student came for
    toHandIn: () => (touch ? /** @type {HTMLElement} */ (foot.querySelector(".mt-download")) : studentInput).focus(),
  });
  /** @type {(() => void) | null} opens the shortcuts dialog, once it is made */
  let showHelp = null;
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
  /** @type {TagIndex | null} */
  let drawn = null;
  /** @type {{tags: Tag[], chips: Map<string, {chip: string, tag: {label: string, start: number, end: number}}>} | null} */
  let checked = null;
  let checkedAgain = false;
  /** @type {Map<string, string> | null} */
  let newVerdicts = null;
  /** @param {Tag} t the chip of a tag at the last Check, while it is as it was then */
  function chipOf(t) {
    const c = checked?.chips.get(t.id);
    return c && c.tag.label === t.label && c.tag.start === t.start && c.tag.end === t.end ? c.chip : "";
  }
  function draw() {
    const index = ctx.index();
    const changed = drawTagMarks(view, drawn, index);
    for (const id of checkedAgain ? index.ranges.keys() : changed) {
      const t = index.byId.get(id);
      const chip = t && chipOf(t);
      if (index.ranges.has(id)) view.markVerdict(id, chip ? badgeVerdict(chip) : null);
    }
    checkedAgain = false;
    if (!list.update(drawn, index, newVerdicts)) frame.request(); // the rest of the list next frame
    review?.update(index);
    newVerdicts = null;
    // a load of the tags checked (the same file again) leaves the feedback as it is
    feedback.markStale(checked !== null && checked.tags !== state.tags && !sameTags(checked.tags, state.tags));
    const pressed = document.activeElement;
    if (undoButton.disabled !== !state.history.canUndo) undoButton.disabled = !state.history.canUndo;
    if (redoButton.disabled !== !state.history.canRedo) redoButton.disabled = !state.history.canRedo;
    // the last undo (or redo) disables its own button: focus goes to the other one, not to the page
    if (pressed === undoButton && undoButton.disabled) redoButton.focus();
    if (pressed === redoButton && redoButton.disabled) undoButton.focus();
    drawn = index;
  }
  const frame = frameBatcher(draw);
  /** @type {{first: number, last: number}[]} */
  let answersDrawn = [];
  function drawAnswers() {
    for (const r of answersDrawn) view.markAnswer(r.first, r.last, false);
    answersDrawn = feedback.answerRanges();
    for (const r of answersDrawn) view.markAnswer(r.first, r.last, true);
  }

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
    frame.request();
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
    backButton.hidden = true;
    const report = model.get("report") || {};
    const message = feedback.show(report.format ? report : null);
    const chips = feedback.chips();
    checked = report.format ? { tags: state.tags, chips } : null;
    checkedAgain = true;
    const index = ctx.index();
    newVerdicts = new Map();
    for (const t of index.visible) {
      const chip = chipOf(t);
      if (chip) newVerdicts.set(t.id, chip);
    }
    drawAnswers();
    frame.request();
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
  view.markCandidates(ctx.candidates);
  frame.cancel();
  draw();
  sel.draw();
  if (model.get("report")?.format) showReport();
  else if (state.tags.length && storage.checkedBefore(checkScope, state.tags)) {
    checkingQuietly = true;
    model.send({ type: "check" });
  }

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
