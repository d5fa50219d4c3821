// @ts-check
// Author mode's fields of a key item, below its entry in the tag list: the explanation shown to
// students, two hints, other words to accept, a source's entity and "optional". Part of the
// author tools, so a student's Tagger does not carry them.

import { acceptText, resolveAccept } from "./accept_field.js";
import { h } from "./dom.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Token} Token */
/** @typedef {import("./tag_fields.js").FieldMakers} FieldMakers */

/**
 * The key item's own fields for tag `t`, made with the entry's bound field makers.
 * @param {Tag} t
 * @param {FieldMakers} makers
 * @param {{chars: string[], tokens: Token[]}} article its code points and tokens (other words to accept
 *   are found in it, as whole words)
 * @returns {HTMLElement[]}
 */
export function keyFields(t, { id, row, text, bind }, { chars, tokens }) {
  // what became of the lines typed as other words to accept, where the author looks: under the field
  const acceptNote = h("p.mt-accept-note", { id: id("accept-note") });
  const acceptBox = /** @type {HTMLTextAreaElement} */ (
    h("textarea.mt-accept", { id: id("accept"), rows: "2", "aria-describedby": id("accept-note") })
  );
  return [
    ...row(
      "Why it is in the key (students read it after Check): ",
      /** @type {HTMLTextAreaElement} */ (h("textarea.mt-why", { id: id("why"), rows: "2" })),
      (x) => x.why || "",
      (v) => ({ why: v }),
      "explanation",
    ),
    ...[0, 1].flatMap((n) =>
      row(
        `Hint ${n + 1}: `,
        text(`hint${n}`, `mt-hint${n}`),
        (x) => (x.hints || [])[n] || "",
        (v, x) => ({ hints: Object.assign(["", ""], x.hints, { [n]: v }) }),
        `hint ${n + 1}`,
      ),
    ),
    ...row(
      "Also right (other words to accept, one a line): ",
      acceptBox,
      (x) => {
        acceptNote.textContent = ""; // shown again (after undo, say), the field holds only words taken as they are
        return acceptText(x);
      },
      (v, x) => {
        const { spans, notes } = resolveAccept(v, x, chars, tokens);
        acceptNote.textContent = notes.join(" ");
        return { accept: spans };
      },
      "other words to accept",
    ),
    acceptNote,
    ...(t.label === "source"
      ? row(
          "Entity (the same id for every mention of one person or body): ",
          text("entity", "mt-entity", "80"),
          (x) => x.entity || "",
          (v) => ({ entity: v }),
          "entity",
        )
      : []),
    h(
      "label.mt-check-label",
      {},
      bind(
        /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", class: "mt-optional" })),
        (x) => !!x.optional,
        (v) => ({ optional: v }),
        null,
        (name, v) => `Marked ${name} ${v ? "optional" : "required"}.`,
      ),
      " optional (defensible, not required)",
    ),
  ];
}
