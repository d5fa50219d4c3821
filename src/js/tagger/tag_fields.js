// @ts-check
// The fields of one tag's entry in the list: its attributes, and the student's note or, in author
// mode, the key item's explanation, hints and options (key_fields.js, part of the author tools). A
// claim's sources are not among them (tag_links.js). Made when the entry is first opened; most
// entries never are.

import { choiceWords } from "../core/messages.js";
import { h } from "./dom.js";
import { updateTag } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Field */

/**
 * How fields are made and bound to a tag (given to the author tools' key fields).
 * @typedef {object} FieldMakers
 * @property {(name: string) => string} id the element id of the tag's field `name`
 * @property {(label: string, input: Field, read: (tag: Tag) => any, patch: (value: any, tag: Tag) => Partial<Tag>, field: string) => HTMLElement[]} row
 *   a label and its input, bound to the tag; a change is said as "Changed Claim C3's `field`" (to the
 *   choice made)
 * @property {(name: string, className: string, maxlength?: string) => HTMLInputElement} text a one-line input
 * @property {(input: Field, read: (tag: Tag) => any, patch: (value: any, tag: Tag) => Partial<Tag>, mergeKey: string | null, words: Words) => Field} bind
 *   an input bound to the tag (author mode's tick box, key_fields.js)
 */

/**
 * The words a change of a field is said in, then on undo and redo: from the tag's name and the value.
 * @typedef {(name: string, value: any) => string} Words
 */

/**
 * Build the fields of tag `t` into `container`.
 * @param {TaggerContext} ctx
 * @param {Tag} t
 * @param {Label} spec
 * @param {HTMLElement} container
 */
export function buildFields(ctx, t, spec, container) {
  const { uid } = ctx;
  /** @type {[Field, "value" | "checked", (tag: Tag) => any][]} */
  const bound = [];
  const current = () => ctx.state.get(t.id) || t;

  /**
   * Wire one input: it shows `read(tag)` and a change commits `patch(value, tag)`, described by `words`
   * for Undo and Redo to say. Typing merges into one undo step per field and is not announced;
   * choices are announced, as saved.
   * @param {Field} input
   * @param {(tag: Tag) => any} read
   * @param {(value: any, tag: Tag) => Partial<Tag>} patch
   * @param {string | null} mergeKey
   * @param {Words} words
   */
  function bind(input, read, patch, mergeKey, words) {
    const property = input instanceof HTMLInputElement && input.type === "checkbox" ? "checked" : "value";
    const typing = (input instanceof HTMLInputElement && input.type === "text") || input instanceof HTMLTextAreaElement;
    /** @type {any} */ (input)[property] = read(t);
    input.addEventListener(typing ? "input" : "change", () => {
      const value = /** @type {any} */ (input)[property];
      ctx.commit(
        updateTag(ctx.state.tags, t.id, patch(value, current())),
        words(ctx.nameOf(current()), value),
        mergeKey,
        " Saved.",
        typing,
      );
    });
    bound.push([input, property, read]);
    return input;
  }
  const id = (/** @type {string} */ name) => `${uid}-${t.id}-${name}`;
  const text = (/** @type {string} */ name, /** @type {string} */ className, /** @type {string} */ maxlength = "") =>
    /** @type {HTMLInputElement} */ (
      h("input", { type: "text", id: id(name), class: className, maxlength: maxlength || null })
    );
  const row = (
    /** @type {string} */ label,
    /** @type {Field} */ input,
    /** @type {(tag: Tag) => any} */ read,
    /** @type {(value: any, tag: Tag) => Partial<Tag>} */ patch,
    /** @type {string} */ field,
  ) => [
    h("label.mt-field", { for: input.id }, label),
    bind(
      input,
      read,
      patch,
      `${t.id}:${input.id}`,
      // a choice by the words it shows ("interested party", "(not set)"), not its value
      (name) =>
        `Changed ${name}'s ${field}${input instanceof HTMLSelectElement ? ` to ${input.selectedOptions[0]?.text}` : ""}.`,
    ),
  ];
  /**
   * An attribute's field, bound to the tag; in author mode, a list of values the key item gives is one
   * more choice (the author tools' `listedChoice`).
   * @param {string} name
   * @param {string[] | "text"} choices
   */
  const attrRow = (name, choices) => {
    const className = `mt-attr mt-attr-${name}`;
    const read = (/** @type {Tag} */ x) => x.attrs?.[name] ?? "";
    const patch = (/** @type {any} */ v, /** @type {Tag} */ x) => ({ attrs: { ...x.attrs, [name]: v } });
    if (choices === "text") return row(`${name}: `, text(`a-${name}`, className, "200"), read, patch, name);
    const listed = ctx.authorTools?.listedChoice(ctx.exercise, t.id, name, read) ?? null;
    const select = /** @type {HTMLSelectElement} */ (
      h(
        "select",
        { id: id(`a-${name}`), class: className },
        h("option", { value: "" }, "(not set)"),
        listed?.option ?? null,
        choices.map((c) => h("option", { value: c, text: choiceWords(c) })),
      )
    );
    return row(`${name}: `, select, listed?.read ?? read, listed?.patch ?? patch, name);
  };

  /** @type {HTMLElement[]} */
  const out = Object.entries(spec.attrs || {}).flatMap(([name, choices]) => attrRow(name, choices));

  // a student's own note; a key item has none (the key file holds no note): the author writes the
  // item's why, which students read after Check, among the key's fields instead
  if (ctx.authorTools) out.push(...ctx.authorTools.keyFields(t, { id, row, text, bind }, ctx));
  else
    out.push(
      ...row(
        "Why I tagged this: ",
        /** @type {HTMLInputElement} */ (
          h("input.mt-note", { type: "text", id: id("note"), maxlength: "300", placeholder: "one line" })
        ),
        (x) => x.note || "",
        (v) => ({ note: v }),
        "note",
      ),
    );
  container.append(...out);

  return {
    /**
     * Show the tag's values again (after undo, redo or a change in another tab), except in the
     * field being typed in.
     * @param {Tag} tag
     */
    sync(tag) {
      for (const [input, property, read] of bound) {
        if (input !== document.activeElement) /** @type {any} */ (input)[property] = read(tag);
      }
    },
  };
}

/** @typedef {ReturnType<typeof buildFields>} TagFields */
