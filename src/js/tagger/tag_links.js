// @ts-check
// A claim's "Attributed to" choices: one tick box per source tag on show, and "nobody". Shown with
// the claim in the list, not among its optional details, where the Tagger asks for sources; made
// when the student first opens them, and remade when the sources on show change.

import { quoted } from "../core/spans.js";
import { h } from "./dom.js";
import { updateTag } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */

/**
 * The sources a claim can name, as a key that changes when their ids, numbers or words do.
 * @param {TagIndex} index
 */
export function sourcesKey(index) {
  return (index.byLabel.get("source") || []).map((s) => `${s.id}=${index.numbers.get(s.id)}=${s.quote}`).join("\n");
}

/**
 * Build claim `t`'s "Attributed to" choices into `container`.
 * @param {TaggerContext} ctx
 * @param {Tag} t
 * @param {HTMLElement} container
 */
export function buildLinks(ctx, t, container) {
  const current = () => ctx.state.get(t.id) || t;
  const numberOf = (/** @type {string} */ id) => ctx.index().numbers.get(id) || "";
  /** @type {HTMLInputElement[]} */
  let linkBoxes = [];
  /** @type {HTMLInputElement} */
  let nobody;
  let linksKey = "";

  /** The choices, one per source tag on show. */
  function build() {
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
    const none = /** @type {HTMLInputElement} */ (h("input.mt-link-none", { type: "checkbox" }));
    nobody = none;
    none.addEventListener("change", () => {
      if (none.checked)
        ctx.commit(updateTag(ctx.state.tags, t.id, { source_ids: [] }), `${numberOf(t.id)}: no source given.`);
      else none.checked = !(current().source_ids || []).length;
    });
    // named for a screen reader; the eyes have it in the summary just above
    const fieldset = h(
      "fieldset.mt-links",
      { "aria-label": "Attributed to" },
      linkBoxes.map((box, n) =>
        h("label.mt-check-label", {}, box, ` ${numberOf(sources[n].id)} ${quoted(sources[n].quote, 30)}`),
      ),
      h("label.mt-check-label", {}, none, " nobody (no source given)"),
      sources.length ? null : h("p.mt-empty", "Tag a source first to link it here."),
    );
    sync(current());
    return fieldset;
  }

  /** @param {Tag} tag */
  function sync(tag) {
    const named = new Set(tag.source_ids || []);
    for (const box of linkBoxes) box.checked = named.has(box.dataset.source || "");
    nobody.checked = !named.size;
  }

  let links = build();
  container.append(links);

  return {
    /**
     * Show the claim's sources again (after undo, redo or a change in another tab).
     * @param {Tag} tag
     */
    sync,

    /**
     * Rebuild the choices when the sources on show changed; focus stays on the same source's box.
     * @param {TagIndex} index
     * @param {string} [key] sourcesKey(index), when the caller has it
     */
    refreshSources(index, key = sourcesKey(index)) {
      if (key === linksKey) return;
      const focused = /** @type {HTMLElement | null} */ (
        links.contains(document.activeElement) ? document.activeElement : null
      );
      const fresh = build();
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

/** @typedef {ReturnType<typeof buildLinks>} TagLinks */
