// @ts-check
// The feedback after Check: scores, the key items found and not found (hints first, then the
// answer), the student's other tags and notices. Redrawn only when a report comes or a hint is
// asked for; a change of tags only shows that the feedback is out of date.

import { ellipsis, problemText } from "../core/handin.js";
import { itemCodes, renderer, tagCodes } from "../core/messages.js";
import { spanTokens } from "../core/spans.js";
import { button, h } from "./dom.js";
import { TAG_VERDICT_WORDS } from "./tag_list.js";

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./tagger.js").Actions} Actions */
/** @typedef {import("./selection.js").Selection} Selection */

const ITEM_WORDS = {
  hit: "✓ Found",
  boundary: "≈ Found, edges differ",
  "wrong-label": "↔ Right words, other label",
  missed: "○ Not found yet",
};
const ATTR_WORDS = {
  right: "✓ right",
  wrong: "✗ not quite",
  unset: "○ not set",
  free: "✎ compare",
  partial: "≈ partly right",
};

/**
 * @param {Record<string, string>} table
 * @param {string} verdict
 */
const wordsFor = (table, verdict) => table[verdict] || verdict;

/**
 * The feedback box.
 * @param {TaggerContext} ctx
 * @param {Selection} sel
 * @param {Actions} actions
 */
export function createReportView(ctx, sel, actions) {
  const box = h("div.mt-report", { hidden: true });
  const stale = h("p.mt-stale", { hidden: true }, "You changed your tags after this check. Press Check my tags again.");
  /** @type {Map<string, number>} hints shown per key item */
  const hintsShown = new Map();
  /** @type {Set<string>} key items whose answer is shown */
  const answers = new Set();
  /** @type {any} */
  let report = {};
  const words = renderer(ctx.exercise.labels, "student");
  const sentences = (/** @type {{code: string, args: any}[]} */ codes) => words.sentences(codes).join(" ");
  const pct = (/** @type {number} */ x) => `${Math.round((x || 0) * 100)}%`;
  const quoteButton = (/** @type {string} */ quote, /** @type {number} */ n, /** @type {() => void} */ onclick) =>
    button("mt-linkbtn", `“${ellipsis(quote, n)}”`, onclick);

  function draw() {
    box.hidden = !report.format;
    if (!report.format) {
      box.replaceChildren();
      return;
    }
    const items = [...(report.items || [])].sort((a, b) => a.start - b.start);
    const missed = (/** @type {boolean} */ optional) =>
      items.filter((it) => it.verdict === "missed" && !it.optional === !optional).map(reportItem);
    const found = items.filter((it) => it.verdict !== "missed").map(reportItem);
    const required = missed(false);
    const odd = (report.tags || [])
      .filter((/** @type {any} */ t) => t.verdict !== "matched" && t.verdict !== "defensible")
      .map((/** @type {any} */ t) =>
        h(
          "li",
          { class: `mt-v-${t.verdict}` },
          h("strong", wordsFor(TAG_VERDICT_WORDS, t.verdict)),
          " ",
          quoteButton(t.quote, 50, () => actions.jumpTo(t.tag_id)),
          h("span", ` ${[sentences(tagCodes(t)), t.why].filter(Boolean).join(" ")}`),
        ),
      );
    const optional = missed(true);
    const notes = (report.orphans || []).map((/** @type {any} */ o) => problemText(o));
    const section = (/** @type {string} */ title, /** @type {string} */ cls, /** @type {HTMLElement[]} */ list) =>
      list.length ? [h("p.mt-rep-title", { text: title }), h("ul", { class: cls }, list)] : [];
    const cells = (/** @type {string} */ tag, /** @type {string[]} */ texts, attrs = {}) =>
      texts.map((text) => h(tag, { text, ...attrs }));
    box.replaceChildren(
      h("p.mt-side-title", "Feedback"),
      stale,
      h(
        "table.mt-scores",
        {},
        h("caption", "Scores per label"),
        h(
          "thead",
          {},
          h("tr", {}, cells("th", ["Label", "Found (recall)", "On target (precision)", "F1"], { scope: "col" })),
        ),
        h(
          "tbody",
          {},
          Object.entries(report.scores || {}).map(([name, s]) =>
            h(
              "tr",
              {},
              h("th", { scope: "row", text: name === "all" ? "All" : ctx.titleOf(name) }),
              cells("td", [pct(s.recall), pct(s.precision), s.f1.toFixed(2)]),
            ),
          ),
        ),
      ),
      ...section(`Key items you tagged: ${found.length}`, "mt-items", found),
      ...section(`Not found yet: ${required.length}. Ask for a hint first.`, "mt-items", required),
      ...section("Your other tags", "mt-rtags", odd),
      optional.length
        ? h(
            "details.mt-optional-items",
            {},
            h("summary", `Optional items some readers would also tag: ${optional.length}`),
            h("ul.mt-items", {}, optional),
          )
        : "",
      notes.length
        ? h(
            "ul.mt-notices",
            {},
            notes.map((/** @type {string} */ n) => h("li", n)),
          )
        : "",
    );
  }

  /** @param {any} it */
  function reportItem(it) {
    const li = h(
      "li",
      { class: `mt-item mt-v-${it.verdict}`, "data-key": it.key_id },
      h(
        "p",
        {},
        h("strong", wordsFor(ITEM_WORDS, it.verdict)),
        ` · ${ctx.titleOf(it.label)}${it.verdict === "missed" ? ` · L${it.line}` : ""}${it.optional ? " (optional)" : ""}`,
      ),
    );
    const add = (/** @type {string} */ cls, /** @type {string} */ text) => li.append(h("p", { class: cls, text }));
    const quoteLine = (/** @type {() => void} */ onclick) =>
      li.append(h("p", {}, quoteButton(it.quote, 70, onclick), ` L${it.line}`));
    const show = () => sel.goTo(spanTokens(ctx.tokens, it.start, it.end));
    /** A button that reveals more, redraws, and puts focus on what comes next. */
    const reveal = (
      /** @type {string} */ cls,
      /** @type {string} */ text,
      /** @type {() => void} */ act,
      /** @type {string} */ next,
    ) =>
      li.append(
        button(cls, text, () => {
          act();
          draw();
          /** @type {HTMLElement | null | undefined} */ (
            box.querySelector(`[data-key="${CSS.escape(it.key_id)}"]`)?.querySelector(next)
          )?.focus();
        }),
      );
    if (it.verdict === "missed" && !it.optional) {
      const shown = hintsShown.get(it.key_id) || 0;
      const hints = it.hints || [];
      for (const [n, hint] of hints.slice(0, shown).entries()) add("mt-hinttext", `Hint ${n + 1}: ${hint}`);
      if (answers.has(it.key_id)) {
        quoteLine(show);
        add("mt-why-text", it.why);
      } else if (shown < Math.min(hints.length, 2)) {
        reveal(
          "mt-hintbtn",
          `Show hint ${shown + 1}`,
          () => hintsShown.set(it.key_id, shown + 1),
          ".mt-hintbtn, .mt-answerbtn",
        );
      } else reveal("mt-answerbtn", "Show the answer", () => answers.add(it.key_id), ".mt-linkbtn");
      return li;
    }
    quoteLine(() => (it.tag_id ? actions.jumpTo(it.tag_id) : show()));
    add("mt-msg", sentences(itemCodes(it)));
    if (it.why) add("mt-why-text", it.why);
    const attrs = Object.entries(it.attrs || {});
    if (attrs.length) {
      li.append(
        h(
          "ul.mt-attrs",
          {},
          attrs.map(([name, a]) =>
            h(
              "li",
              {},
              `${name}: ${wordsFor(ATTR_WORDS, a.verdict)}`,
              a.verdict === "wrong" || a.verdict === "free"
                ? ` (key: ${(a.expected || []).join(" or ")}${a.given ? `; yours: ${a.given}` : ""})`
                : "",
            ),
          ),
        ),
      );
    }
    if (it.attribution?.verdict)
      add("mt-attribution", `Attributed to: ${wordsFor(ATTR_WORDS, it.attribution.verdict)}`);
    return li;
  }

  return {
    element: box,

    /**
     * Show a new report; returns what a screen reader hears.
     * @param {any} next
     */
    show(next) {
      report = next || {};
      stale.hidden = true;
      draw();
      const all = report.scores?.all;
      return report.format
        ? `Checked. ${all ? `You found ${pct(all.recall)} of the key; ${pct(all.precision)} of your tags match it.` : ""} Feedback is below your tags.`
        : "";
    },

    /**
     * Say whether the tags changed since the report was made.
     * @param {boolean} outOfDate
     */
    markStale(outOfDate) {
      stale.hidden = !outOfDate || !report.format;
    },

    /** Each tag's verdict in the report ("close" for a match whose edges differ). */
    verdicts() {
      /** @type {Set<string>} */
      const close = new Set(
        (report.items || [])
          .filter((/** @type {any} */ it) => it.verdict === "boundary")
          .map((/** @type {any} */ it) => it.tag_id),
      );
      return new Map(
        (report.tags || []).map((/** @type {any} */ t) => [
          t.tag_id,
          t.verdict === "matched" && close.has(t.tag_id) ? "close" : t.verdict,
        ]),
      );
    },
  };
}
