// @ts-check
// The author tools: what author mode adds to the Tagger (the review of a drafted key, a key
// item's own fields, the key shown as tags). Hosts that offer author mode pass them to `render`;
// the student's Jupyter widget is built without them, so students do not download them.

import { copyTag } from "../core/handin.js";
import { keyFields } from "./key_fields.js";
import { createReviewPanel } from "./review_panel.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Tag} Tag */

/**
 * @typedef {object} AuthorTools
 * @property {typeof createReviewPanel} reviewPanel the drafts to review, the distractors and Save
 * @property {typeof keyFields} keyFields a key item's fields in its list entry
 * @property {(exercise: Exercise) => Tag[]} keyAsTags what author mode starts from
 */

/**
 * Author mode starts from the exercise's key; an attribute listing several right values keeps
 * the first.
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
    }),
  );
}

/** @type {AuthorTools} */
export const AUTHOR_TOOLS = { reviewPanel: createReviewPanel, keyFields, keyAsTags };
