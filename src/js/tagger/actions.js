// @ts-check
// What a student's key, click or tap asks the Tagger to do: tag, remove, undo and redo, go to a tag, to the
// feedback and back. keyboard.js, the label bar, the tag list and the review panel call these.

import { quoteOf, quoted, selectionToSpan } from "../core/spans.js";
import { letterOf, labelNouns } from "./labels.js";
import { tagsAtToken } from "./tag_index.js";
import { addTag, nextTagId, removeTag } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {ReturnType<typeof import("./selection.js").createSelection>} Selection */
/** @typedef {ReturnType<typeof import("./way_back.js").createWayBack>} WayBack */

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
 * @property {(id: string, from: HTMLElement) => void} showTag from the feedback, select a tag's words; `from` is
 *   where to come back
 * @property {(range: {first: number, last: number}, from: HTMLElement) => void} showRange from the feedback, select
 *   some words
 * @property {(line: number) => void} showLine from the feedback, put the caret at the start of a line
 */

/**
 * The parts the actions drive that are made after them (they are handed the actions): asked for when used.
 * @typedef {object} ActedOn
 * @property {() => ReturnType<typeof import("./tag_list.js").createTagList>} list
 * @property {() => ReturnType<typeof import("./feedback_view.js").createFeedbackView>} feedback
 * @property {() => void} drawNow draw a pending change now
 * @property {() => () => void} makeHelp make the shortcuts dialog; returns what opens it
 */

/**
 * The Tagger's actions on its state, its selection and its way back.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {WayBack} way
 * @param {ActedOn} parts
 * @returns {Actions}
 */
export function createActions(ctx, sel, way, parts) {
  /**
   * Offer the way back to `place` ("the feedback", "your tags") after the words it showed: its button, "Back to
   * …", or `keys`. Returns the sentence that says so (a phone has no keys, so the button comes first).
   * @param {string} place
   * @param {() => void} to
   * @param {string} keys
   * @param {boolean} [up] to the feedback (above the text, or beside it)
   */
  const offerWayBack = (place, to, keys, up = false) => {
    way.offer(`Back to ${place}`, to, up);
    return ` To go back, use “Back to ${place}”${ctx.keyWords(` or press ${keys}`)}.`;
  };
  /** @type {(() => void) | null} opens the shortcuts dialog, once it is made */
  let showHelp = null;
  /** @type {Actions} */
  const actions = {
    applyLabel(name) {
      const r = sel.range();
      const phrase = ctx.guided && ctx.candidates.find((c) => r && c.first === r.first && c.last === r.last);
      if (!r || (ctx.guided && !phrase)) {
        ctx.say(
          ctx.guided
            ? "In this exercise, pick one of the grey phrases first."
            : `Select words first: ${ctx.pointerWords("tap the first word, then the last", "click or drag over them, or press Space (Shift + arrows for more words)")}.`,
        );
        return;
      }
      const span = phrase || selectionToSpan(ctx.tokens, r.first, r.last, name === "claim");
      if (!span) {
        ctx.say("Only punctuation is selected: nothing was tagged.");
        return;
      }
      const title = ctx.titleOf(name);
      /** @type {Tag} */
      const tag = {
        id: nextTagId(ctx.state.tags),
        label: name,
        start: span.start,
        end: span.end,
        quote: quoteOf(ctx.chars, span.start, span.end),
        attrs: {},
        source_ids: [],
        note: "",
      };
      if (ctx.authorTools)
        Object.assign(tag, ctx.authorTools.newKeyItem(tag, ctx.exercise, ctx.chars, ctx.labelByName.get(name)));
      const added = addTag(ctx.state.tags, tag);
      if (added.error) {
        ctx.notify(`${quoted(tag.quote)} is already tagged as ${title}. Pick other words or another label.`);
        return;
      }
      if (ctx.askDetails) parts.list().openWhenMade(tag.id);
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
        (r && index.visible.find((t) => t.start === ctx.tokens[r.first].start && t.end === ctx.tokens[r.last].end)) ||
        tagsAtToken(index, sel.caret)[0];
      if (target) actions.removeById(target.id);
      else ctx.say("There is no tag here to remove.");
    },
    removeById(id) {
      const t = ctx.state.get(id);
      if (!t) return;
      ctx.commit(
        removeTag(ctx.state.tags, id),
        `Removed ${ctx.nameOf(t)} ${quoted(t.quote, 60)}.`,
        null,
        ` Undo${ctx.keyWords(" (Ctrl+Z)")} brings it back.`,
      );
    },
    jumpTo(id, fromList = false) {
      const range = ctx.index().ranges.get(id);
      if (!range) ctx.say("That tag is not there any more.");
      else if (!fromList) sel.goTo(range, "center", " Press Enter to go back to your tags.");
      else {
        way.shown(null);
        sel.goTo(
          range,
          "center",
          offerWayBack("your tags", () => actions.focusEntry(id), "Enter"),
        );
      }
    },
    drawNow: parts.drawNow,
    focusEntry(id) {
      parts.drawNow();
      way.hide();
      if (parts.list().focus(id))
        ctx.say(
          `In your tags. ${ctx.pointerWords("Tap", "Click")} the tag${ctx.keyWords(", or press Enter on it,")} to go back to the text.`,
        );
    },
    travel(back) {
      const what = ctx.state.travel(back);
      if (what === null) ctx.say(`Nothing to ${back ? "undo" : "redo"}.`);
      else {
        ctx.notify("");
        ctx.say(`${back ? "Undone" : "Redone"}${what ? `: ${what}` : "."}`);
      }
    },
    openHelp() {
      // made when first asked for: a touch screen has no button for it, and few ask
      showHelp ||= parts.makeHelp();
      showHelp();
    },
    tagsAtCaret: () => tagsAtToken(ctx.index(), sel.caret),
    offerTag(t) {
      if (way.held()) return;
      if (!t) way.hide();
      else way.offer(`${ctx.index().numbers.get(t.id)} in your tags`, () => actions.focusEntry(t.id), false, true);
    },
    toFeedback() {
      way.hide();
      const feedback = parts.feedback();
      if (feedback.shown()) feedback.focus(false);
      else ctx.say("There is no feedback yet: press Check my tags first.");
    },
    backToText() {
      ctx.article.focus({ preventScroll: true });
      ctx.view.showToken(sel.caret);
      ctx.say(sel.describe());
    },
    backFromText: way.toShownFrom,
    unusedKey(key) {
      const ways = ctx.labels.map(
        (l) => `${l.shortcut || letterOf(l).toUpperCase()} or ${letterOf(l).toUpperCase()} for ${l.title}`,
      );
      ctx.say(
        `The ${key.toUpperCase()} key tags nothing on this page: here you tag ${labelNouns(ctx.labels)} only (${ways.join("; ")}).`,
      );
    },
    showTag(id, from) {
      const range = ctx.index().ranges.get(id);
      if (range) actions.showRange(range, from);
      else ctx.say("That tag is not there any more: you changed your tags after this check.");
    },
    showRange(range, from) {
      way.shown({ from, first: range.first, last: range.last });
      sel.goTo(range, "center", offerWayBack("the feedback", actions.toFeedback, "Enter or F", true));
    },
    showLine(line) {
      const i = ctx.tokens.findIndex((t) => t.line === line);
      if (i < 0) return;
      sel.anchor = null;
      sel.setCaret(i, false);
      ctx.view.showToken(i, "center");
      ctx.article.focus({ preventScroll: true });
      way.shown(null);
      ctx.say(sel.describe(), offerWayBack("the feedback", actions.toFeedback, "F", true));
    },
  };
  return actions;
}
