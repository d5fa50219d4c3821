// @ts-check
// The fields of one tag's entry in the list: its attributes, the sources a claim names, and the
// student's note or, in author mode, the key item's explanation, hints and options (key_fields.js,
// part of the author tools). Made when the entry is first opened; most entries never are.

import { choiceWords } from "../core/messages.js";
import { quoted } from "../core/spans.js";
import { h } from "./dom.js";
import { updateTag } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Field */

/**
 * How fields are made and bound to a tag (given to the author tools' key fields).
 * @typedef {object} FieldMakers
 * @property {(name: string) => string} id the element id of the tag's field `name`
 * @property {(label: string, input: Field, read: (tag: Tag) => any, patch: (value: any, tag: Tag) => Partial<Tag>) => HTMLElement[]} row
 *   a label and its input, bound to the tag
 * @property {(name: string, className: string, maxlength?: string) => HTMLInputElement} text a one-line input
 * @property {(className: string, read: (tag: Tag) => any, patch: (value: any, tag: Tag) => Partial<Tag>, label: string) => HTMLElement} checkbox
 *   a bound checkbox in its label
 */

/**
 * The sources a claim can name, as a key that changes when their ids, numbers or words do.
 * @param {TagIndex} index
 */
export function sourcesKey(index) {
  return (index.byLabel.get("source") || []).map((s) => `${s.id}=${index.numbers.get(s.id)}=${s.quote}`).join("\n");
}

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
  const numberOf = (/** @type {string} */ id) => ctx.index().numbers.get(id) || "";

  /**
   * Wire one input: it shows `read(tag)` and a change commits `patch(value, tag)`. Typing merges
   * into one undo step per field; choices are announced as saved.
   * @param {Field} input
   * @param {(tag: Tag) => any} read
   * @param {(value: any, tag: Tag) => Partial<Tag>} patch
   * @param {string | null} [mergeKey]
   */
  function bind(input, read, patch, mergeKey = null) {
    const property = input instanceof HTMLInputElement && input.type === "checkbox" ? "checked" : "value";
    const typing = (input instanceof HTMLInputElement && input.type === "text") || input instanceof HTMLTextAreaElement;
    /** @type {any} */ (input)[property] = read(t);
    input.addEventListener(typing ? "input" : "change", () => {
      ctx.commit(
        updateTag(ctx.state.tags, t.id, patch(/** @type {any} */ (input)[property], current())),
        typing ? "" : "Saved.",
        mergeKey,
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
  ) => [h("label.mt-field", { for: input.id }, label), bind(input, read, patch, `${t.id}:${input.id}`)];
  const checkbox = (
    /** @type {string} */ className,
    /** @type {(tag: Tag) => any} */ read,
    /** @type {(value: any, tag: Tag) => Partial<Tag>} */ patch,
    /** @type {string} */ label,
  ) =>
    h(
      "label.mt-check-label",
      {},
      bind(/** @type {HTMLInputElement} */ (h("input", { type: "checkbox", class: className })), read, patch),
      label,
    );

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
    if (choices === "text") return row(`${name}: `, text(`a-${name}`, className, "200"), read, patch);
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
    return row(`${name}: `, select, listed?.read ?? read, listed?.patch ?? patch);
  };

  /** @type {HTMLElement[]} */
  const out = Object.entries(spec.attrs || {}).flatMap(([name, choices]) => attrRow(name, choices));

  /** @type {HTMLElement | null} */
  let links = null;
  /** @type {HTMLInputElement[]} */
  let linkBoxes = [];
  /** @type {HTMLInputElement | null} */
  let nobody = null;
  let linksKey = "";

  /** The claim's "Attributed to" choices, one per source tag on show. */
  function buildLinks() {
    const index = ctx.index();
    const sources = index.byLabel.get("source") || [];
    linksKey = sourcesKey(index);
    const claimNumber = numberOf(t.id);
    linkBoxes = sources.map((s) => {
      const box = /** @type {HTMLInputElement} */ (h("input.mt-link", { type: "checkbox", "data-source": s.id }));
      box.addEventListener("change", () => {
        const ids = new Set(current().source_ids || []);
        if (box.checked) ids.add(s.id);
        else ids.delete(s.id);
        const order = (ctx.index().byLabel.get("source") || []).map((x) => x.id);
        ctx.commit(
          updateTag(ctx.state.tags, t.id, { source_ids: order.filter((x) => ids.has(x)) }),
          box.checked
            ? `${claimNumber} now attributed to ${numberOf(s.id)} ${quoted(s.quote)}.`
            : `${claimNumber} no longer attributed to ${numberOf(s.id)}.`,
        );
      });
      return box;
    });
    nobody = /** @type {HTMLInputElement} */ (h("input.mt-link-none", { type: "checkbox" }));
    const none = nobody;
    none.addEventListener("change", () => {
      if (none.checked)
        ctx.commit(updateTag(ctx.state.tags, t.id, { source_ids: [] }), `${numberOf(t.id)}: no source given.`);
      else none.checked = !(current().source_ids || []).length;
    });
    const fieldset = h(
      "fieldset.mt-links",
      {},
      h("legend", "Attributed to"),
      linkBoxes.map((box, n) =>
        h("label.mt-check-label", {}, box, ` ${numberOf(sources[n].id)} ${quoted(sources[n].quote, 30)}`),
      ),
      h("label.mt-check-label", {}, none, " nobody (no source given)"),
      sources.length ? null : h("p.mt-empty", "Tag a source first to link it here."),
    );
    syncLinks(current());
    return fieldset;
  }

  /** @param {Tag} tag */
  function syncLinks(tag) {
    const named = new Set(tag.source_ids || []);
    for (const box of linkBoxes) box.checked = named.has(box.dataset.source || "");
    if (nobody) nobody.checked = !named.size;
  }

  // a claim links to its sources only where sources can be tagged: a claims-only page says nothing of them
  if (t.label === "claim" && ctx.labels.some((l) => l.name === "source")) {
    links = buildLinks();
    out.push(links);
  }
  // a student's own note; a key item has none (the key file holds no note): the author writes the
  // item's why, which students read after Check, among the key's fields instead
  if (ctx.authorTools) out.push(...ctx.authorTools.keyFields(t, { id, row, text, checkbox }, ctx.chars));
  else
    out.push(
      ...row(
        "Why I tagged this: ",
        /** @type {HTMLInputElement} */ (
          h("input.mt-note", { type: "text", id: id("note"), maxlength: "300", placeholder: "one line" })
        ),
        (x) => x.note || "",
        (v) => ({ note: v }),
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
      if (t.label === "claim") syncLinks(tag);
    },

    /**
     * Rebuild a claim's source choices when the sources on show changed; focus stays on the
     * same source's box.
     * @param {TagIndex} index
     * @param {string} [key] sourcesKey(index), when the caller has it
     */
    refreshSources(index, key = sourcesKey(index)) {
      if (!links || key === linksKey) return;
      const focused = /** @type {HTMLElement | null} */ (
        links.contains(document.activeElement) ? document.activeElement : null
      );
      const fresh = buildLinks();
      links.replaceWith(fresh);
      links = fresh;
      const again = focused?.dataset.source
        ? linkBoxes.find((b) => b.dataset.source === focused.dataset.source)
        : focused?.classList.contains("mt-link-none")
          ? nobody
          : null;
      again?.focus();
    },
  };
}

/** @typedef {ReturnType<typeof buildFields>} TagFields */
