// @ts-check
// The Tagger's drawing: one animation frame draws what the changes since the last frame touched (the marks
// in the article, their verdicts from the last Check, the tag list, the review, Undo and Redo), and the
// verdicts of that Check while each tag is as it was.

import { badgeVerdict } from "./feedback_data.js";
import { frameBatcher } from "./frame.js";
import { sameTags } from "./storage.js";
import { drawTagMarks } from "./tag_marks.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */

/**
 * The drawing of one Tagger: besides the article, its tag list, author mode's review, the feedback (stale or not)
 * and the Undo and Redo buttons.
 * @param {TaggerContext} ctx
 * @param {ReturnType<typeof import("./tag_list.js").createTagList>} list
 * @param {{update(index: TagIndex): void} | null} review author mode's review panel
 * @param {ReturnType<typeof import("./feedback_view.js").createFeedbackView>} feedback
 * @param {HTMLButtonElement} undoButton
 * @param {HTMLButtonElement} redoButton
 */
export function createDrawing(ctx, list, review, feedback, undoButton, redoButton) {
  const { state, view } = ctx;
  /** @type {TagIndex | null} */
  let drawn = null;
  /** @type {{tags: Tag[], chips: Map<string, {chip: string, tag: {label: string, start: number, end: number}}>} | null} */
  let checked = null;
  let checkedAgain = false;
  /** @type {Map<string, string> | null} */
  let newVerdicts = null;
  /** @type {{first: number, last: number}[]} */
  let answersDrawn = [];

  function draw() {
    const index = ctx.index();
    const changed = drawTagMarks(view, drawn, index);
    for (const id of checkedAgain ? index.ranges.keys() : changed) {
      const t = index.byId.get(id);
      const chip = t && drawing.chipOf(t);
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

  const drawing = {
    ...frame,
    /** Draw now what changed (at start: the caller cancels any frame already asked for, which would draw again). */
    draw,
    /**
     * The chip of a tag at the last Check, while it is as it was then ("" otherwise).
     * @param {Tag} t
     */
    chipOf(t) {
      const c = checked?.chips.get(t.id);
      return c && c.tag.label === t.label && c.tag.start === t.start && c.tag.end === t.end ? c.chip : "";
    },
    /**
     * The feedback shows a Check (`report`: a report came, false: none did): each tag's verdict, as its chip in
     * the feedback says it, is drawn again, a new one told in the list.
     * @param {boolean} report
     */
    checkedNow(report) {
      checked = report ? { tags: state.tags, chips: feedback.chips() } : null;
      checkedAgain = true;
      newVerdicts = new Map();
      for (const t of ctx.index().visible) {
        const chip = drawing.chipOf(t);
        if (chip) newVerdicts.set(t.id, chip);
      }
      drawing.drawAnswers();
      frame.request();
    },
    /** Mark in the article the words of the answers the feedback shows. */
    drawAnswers() {
      for (const r of answersDrawn) view.markAnswer(r.first, r.last, false);
      answersDrawn = feedback.answerRanges();
      for (const r of answersDrawn) view.markAnswer(r.first, r.last, true);
    },
  };
  return drawing;
}
