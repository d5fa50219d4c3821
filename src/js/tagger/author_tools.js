// @ts-check
// The author tools: what author mode adds to the Tagger (the review of a drafted key, a key
// item's own fields, the key shown as tags, a new item's first values). Hosts that offer author
// mode draw with `renderWithAuthorTools`; the student's Jupyter widget is built without them, so
// students do not download them.

import { missingAttribute } from "../authoring/key_needs.js";
import { chooseListed, keyLists, listedOf } from "../authoring/keyfile.js";
import { wholeWords } from "../authoring/whole_words.js";
import { copyTag, isObject, isText, keepKeyFields } from "../core/handin.js";
import { choiceWords, counted } from "../core/messages.js";
import { quoteOf } from "../core/spans.js";
import { expectedVoice } from "../core/voices.js";
import { h } from "./dom.js";
import { keyFields } from "./key_fields.js";
import { startFrom } from "./key_start.js";
import { createReviewPanel } from "./review_panel.js";
import { render } from "./tagger.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("../core/types.js").Tag} Tag */

/**
 * @typedef {object} AuthorTools
 * @property {typeof createReviewPanel} reviewPanel the drafts to review, the distractors and Save
 * @property {typeof keyFields} keyFields a key item's fields in its list entry
 * @property {typeof start} start what author mode starts from: the file's key, with the review saved in this
 *   browser (key_start.js)
 * @property {typeof newKeyItem} newKeyItem what an item the author adds starts with
 * @property {typeof listedChoice} listedChoice a key item's list of values for an attribute, as one
 *   more choice in its editor
 * @property {typeof AUTHOR_WORDS} words what the Tagger says in author mode where a student's says
 *   its own words
 */

/**
 * A copied tag (copyTag) with the key fields author mode edits, where they are there and of the right
 * type: why, entity, hints, optional, the lists of values an attribute stands for, a draft's reason
 * and confidence, accept. Every copy keeps them once these tools are loaded: a key item's save, its
 * backup file and its fields loaded again.
 * @param {any} t
 * @param {Tag} out
 * @returns {Tag}
 */
function copyKeyFields(t, out) {
  if (typeof t.why === "string") out.why = t.why;
  if (typeof t.entity === "string") out.entity = t.entity;
  if (Array.isArray(t.hints)) out.hints = t.hints.filter((/** @type {any} */ x) => typeof x === "string");
  if (typeof t.optional === "boolean") out.optional = t.optional;
  if (isObject(t.listed)) {
    out.listed = Object.fromEntries(
      Object.entries(t.listed)
        .filter(([, list]) => Array.isArray(list) && list.every(isText))
        .map(([name, list]) => [name, [...list]]),
    );
  }
  if (t.draft === true) out.draft = true;
  if (t.draft === true && typeof t.reason === "string") out.reason = t.reason;
  // a save read back holds a real number as its text ("0.65"), as the hand-in reader keeps every one
  const confidence = typeof t.confidence === "string" && t.confidence ? Number(t.confidence) : t.confidence;
  if (t.draft === true && Number.isFinite(confidence)) out.confidence = confidence;
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
keepKeyFields(copyKeyFields);

/** The Tagger's words in author mode: a key to edit, and a copy of its tags to back up (the
 * exercise file itself is saved with the review's button at the top). */
export const AUTHOR_WORDS = {
  title: (/** @type {Exercise} */ exercise) => `Edit the key: ${exercise.title || exercise.id}`,
  instructions:
    "Author mode: the key is shown as tags. Review each draft in the list below, add what the drafts missed, " +
    "then save or download the exercise file. Students see the chapter page, not this one.",
  tags: "The key's items", // the list beside the article: an author's are the key's, not their own tags
  details: "Edit this key item", // a list entry's fields: the key item's own (why, hints, what it accepts)
  download: "Back up the tags",
  load: "Load backed-up tags",
  downloaded: (/** @type {number} */ tags) =>
    `Backed up ${counted(tags, "tag")}: "Load backed-up tags" brings them back. ` +
    "The exercise file is saved with the button at the top.",
  /**
   * What the status line says after "Tagged …" of a new key item without the kind, identity or technique
   * validate asks for (key_needs.js): that it is still to choose, and why; "" when nothing is.
   * @param {Tag} tag
   * @param {Label | undefined} label
   */
  tagged: (tag, label) => {
    const name = missingAttribute(tag, label);
    return name ? ` Choose its ${name} too: Check marks students' choice against it.` : "";
  },
};

/**
 * What a key item the author adds starts with: whole words (a word of a hyphenated word grows to the
 * whole of it, "breaker" to "deal-breaker", as the exercise file refuses a quote that cuts a word), no
 * explanation or hints yet, required, and for a label with a `voice`, the voice the quotation marks give
 * it (left unset where they give both, for the author to choose), so that `validate` and Check find it
 * set by the same rule.
 * @param {Tag} tag the new tag
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @param {Label | undefined} label
 * @returns {Partial<Tag>}
 */
export function newKeyItem(tag, exercise, chars, label) {
  const { start, end } = wholeWords(exercise.article.tokens, chars, tag.start, tag.end);
  const voices = label?.attrs?.voice ? expectedVoice(exercise.voice_runs || [], chars, start, end) : [];
  const attrs = voices.length === 1 ? { ...tag.attrs, voice: voices[0] } : tag.attrs;
  return { start, end, quote: quoteOf(chars, start, end), attrs, why: "", hints: ["", ""], optional: false };
}

/**
 * Author mode starts from the exercise's key; an attribute listing several right values holds the
 * first, with the list in `listed`: the editor shows the whole list, and the key file writers keep
 * it as it is until a value is chosen (keyfile.listedOf).
 * @param {Exercise} exercise
 * @returns {Tag[]}
 */
export function keyAsTags(exercise) {
  return (exercise.key || []).map((k) =>
    copyTag({
      ...k,
      note: "",
      why: k.why || "",
      hints: k.hints || [],
      optional: !!k.optional,
      entity: k.entity || "",
      attrs: Object.fromEntries(Object.entries(k.attrs || {}).map(([a, v]) => [a, Array.isArray(v) ? v[0] : v])),
      listed: keyLists(exercise, k.id),
    }),
  );
}

/**
 * The choice an attribute's editor adds where the key item lists two values or more
 * (`identity: [named, anonymous]`): "named or anonymous", before the values alone, so that the item
 * can keep the list or be narrowed to any one of them; and how the field reads and changes a tag with
 * it. Null where the item lists one value or none.
 * @param {Exercise} exercise
 * @param {string} tagId
 * @param {string} name the attribute
 * @param {(tag: Tag) => any} readValue how the field reads a tag's one value
 * @returns {{option: HTMLElement, read: (tag: Tag) => any, patch: (value: any, tag: Tag) => Partial<Tag>} | null}
 */
export function listedChoice(exercise, tagId, name, readValue) {
  const list = keyLists(exercise, tagId)[name];
  if (!list || list.length < 2) return null;
  const value = list.join("|"); // no one value is written so
  return {
    option: h("option", { value, text: list.map(choiceWords).join(" or ") }),
    read: (tag) => (listedOf(tag, exercise, name) ? value : readValue(tag)),
    patch: (chosen, tag) =>
      chosen === value ? chooseListed(tag, exercise, name, list[0], list) : chooseListed(tag, exercise, name, chosen),
  };
}

/**
 * The tags author mode starts with: the exercise file's key, with the review saved in this browser under
 * `key` (null: none), and a notice through `tell` when the file changed since that review was saved.
 * @param {Exercise} exercise
 * @param {Tag[] | null} restored
 * @param {string} key
 * @param {(message: string, how?: {info?: boolean}) => void} tell
 * @returns {Tag[]}
 */
function start(exercise, restored, key, tell) {
  const { tags, told } = startFrom(keyAsTags(exercise), restored, key, exercise);
  if (told) tell(told, { info: true });
  return tags;
}

/** @type {AuthorTools} */
export const AUTHOR_TOOLS = {
  reviewPanel: createReviewPanel,
  keyFields,
  start,
  newKeyItem,
  listedChoice,
  words: AUTHOR_WORDS,
};

/**
 * Draw a Tagger that offers author mode: what the hosts that carry the author tools export as
 * `render` (the author's Jupyter widget and the book page).
 * @param {Parameters<typeof render>[0]} host
 */
export function renderWithAuthorTools(host) {
  return render(host, AUTHOR_TOOLS);
}
