// @ts-check
// The feedback after Check, where the student is looking: a summary that takes focus, the hint
// coach for the key items not found yet (one item at a time: the next one, or the one picked from
// the list), then the student's tags to look at again and those that match, each a button that
// shows its words in the article, and last a way to the hand-in. Drawn when a report comes or a
// hint is asked for; a change of tags only says that the feedback is out of date.

import { hintMessages, renderer, whyMessage } from "../core/messages.js";
import { quoted, spanTokens } from "../core/spans.js";
import { button, h } from "./dom.js";
import { feedbackData } from "./feedback_data.js";

/** How much of a tag its entry in the feedback shows, in code points (its button shows the whole tag in the article). */
const TAG_SHOWN = 200;

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("../core/types.js").Report} Report */
/** @typedef {import("../core/types.js").ItemResult} ItemResult */
/** @typedef {import("../core/types.js").Message} Message */
/** @typedef {import("./feedback_data.js").FeedbackData} FeedbackData */
/** @typedef {import("./feedback_data.js").TagEntry} TagEntry */
/** @typedef {{first: number, last: number}} Range */

/**
 * What the feedback asks of the Tagger.
 * @typedef {object} FeedbackActions
 * @property {(id: string, from: HTMLElement) => void} showTag select a tag's words; `from` is where to come back
 * @property {(range: Range, from: HTMLElement) => void} showRange select some words
 * @property {(line: number) => void} showLine put the caret at the start of a line
 * @property {() => void} answersChanged a revealed answer was added
 * @property {() => void} toHandIn put focus on the hand-in, below the tag list
 */

/**
 * The feedback panel.
 * @param {TaggerContext} ctx
 * @param {FeedbackActions} actions
 */
export function createFeedbackView(ctx, actions) {
  const { uid, tokens } = ctx;
  const words = renderer(ctx.exercise.all_labels || ctx.exercise.labels, "student");
  const say = (/** @type {Message} */ m) => words.render(m);
  const text = (/** @type {string} */ code, args = {}) => say({ code, args });
  const titleId = `${uid}-fbt`;
  const box = h("section.mt-feedback", { hidden: true, "aria-labelledby": titleId });
  // focused after Check, which reads it out; made anew by each Check, as a live region changed in place
  // would be read out a second time
  const newSummary = () => h("div.mt-summary", { tabindex: "-1", role: "status", "aria-atomic": "true" });
  let summaryBox = newSummary();
  const stale = h("p.mt-stale", { hidden: true, text: text("summary-stale") });
  /** @type {Map<string, number>} hints shown per key item */
  const hintsShown = new Map();
  /** @type {Set<string>} key items whose answer is shown */
  const answers = new Set();
  /** @type {FeedbackData | null} */
  let data = null;
  /** the key item the coach is on */
  let current = "";
  /** @type {HTMLElement | null} the feedback control focused last: where the feedback key returns */
  let lastFocus = null;
  box.addEventListener("focusin", (e) => {
    if (e.target instanceof HTMLElement && e.target !== box) lastFocus = e.target;
  });

  const rangeOf = (/** @type {{start: number, end: number}} */ x) => spanTokens(tokens, x.start, x.end);
  const quoteButton = (/** @type {string} */ quote, /** @type {(from: HTMLElement) => void} */ act) => {
    // a sentence or two of the tag: one over a whole part would push what to do off a phone's screen
    const b = button("mt-linkbtn mt-quote", quoted(quote, TAG_SHOWN), () => act(b));
    return b;
  };

  /**
   * The reason of a key item, or of the item a tag met, if it has one (messages.js's whyMessage).
   * @param {ItemResult | TagEntry} x
   */
  const why = (x) => {
    const said = say("tag" in x ? x.why : whyMessage(x));
    return said ? h("p.mt-why", said) : null;
  };

  function draw() {
    box.hidden = !data;
    if (!data) {
      box.replaceChildren();
      return;
    }
    // one sentence per label; several labels make a list under "In lines 1–18:"
    const perLabel = (/** @type {Message} */ m) => /^summary-(found|nothing)/.test(m.code);
    const several = data.summary.filter(perLabel).length > 1;
    /** @type {HTMLElement | null} */
    let list = null;
    summaryBox = newSummary();
    for (const m of data.summary) {
      if (!several || !perLabel(m)) summaryBox.append(h("p", say(m)));
      else {
        if (!list) list = /** @type {HTMLElement} */ (summaryBox.appendChild(h("ul.mt-summary-list")));
        list.append(h("li", say(m)));
      }
    }
    const parts = [
      h("p.mt-fb-title", { id: titleId, text: "Feedback" }),
      summaryBox,
      stale,
      data.missed.length ? coach(data.missed) : null,
      group("mt-fb-look", "group-look", data.look, true),
      group("mt-fb-found", "group-found", data.found, !data.look.length),
      data.optional.length
        ? h(
            "details.mt-fb-group.mt-fb-optional",
            {},
            h("summary", text("group-optional", { count: data.optional.length })),
            h(
              "ul",
              {},
              data.optional.map((it) =>
                h("li", {}, h("p", {}, say({ code: "item-missed-optional", args: it }), " "), why(it)),
              ),
            ),
          )
        : null,
      data.notices.length
        ? h(
            "ul.mt-notices",
            {},
            data.notices.map((n) => h("li", say(n))),
          )
        : null,
      // the hand-in is below the whole tag list: from here it is one key, not a Tab per tag and field
      button("mt-handinbtn", "↓ Go to your hand-in", actions.toHandIn),
    ];
    box.replaceChildren(...parts.filter((x) => x !== null));
  }

  /**
   * A group of the student's tags.
   * @param {string} cls
   * @param {string} code
   * @param {TagEntry[]} entries
   * @param {boolean} open
   */
  function group(cls, code, entries, open) {
    if (!entries.length) return null;
    return h(
      `details.mt-fb-group.${cls}`,
      { open },
      h("summary", text(code, { count: entries.length })),
      h(
        "ul",
        {},
        entries.map((e) =>
          h(
            "li",
            { class: `mt-fb-tag mt-fb-${e.chip}`, "data-tag": e.tag.tag_id },
            h(
              "p.mt-fb-tag-head",
              {},
              h("span", { class: `mt-chip mt-chip-${e.chip}`, text: text(`chip-${e.chip}`) }),
              " ",
              quoteButton(e.tag.quote, (from) => actions.showTag(e.tag.tag_id, from)),
              h("span.mt-line", ` L${e.tag.line}`),
            ),
            h("p.mt-msg", words.sentences(e.messages).join(" ")),
            why(e),
          ),
        ),
      ),
    );
  }

  /**
   * The hint coach: one missed item at a time, its hints, then its answer.
   * @param {ItemResult[]} missed
   */
  function coach(missed) {
    let at = missed.findIndex((it) => it.key_id === current);
    if (at < 0) at = 0;
    const it = missed[at];
    current = it.key_id;
    const shown = hintsShown.get(it.key_id) || 0;
    const hints = hintMessages(it).slice(0, 2);
    const answered = answers.has(it.key_id);
    const body = [
      ...hints.slice(0, shown).map((hint) => h("p.mt-hinttext", say(hint))),
      !hints.length && !answered ? h("p.mt-hinttext", text("coach-no-hint", { line: it.line })) : null,
      answered ? h("p.mt-answer-text", say({ code: "item-answer", args: it })) : null,
      answered ? why(it) : null,
    ];
    /** @type {HTMLButtonElement} */
    let primary;
    if (answered) {
      primary = button("mt-wordsbtn", "Show its words", () => actions.showRange(rangeOf(it), primary));
    } else if (shown < hints.length) {
      primary = button("mt-hintbtn", shown ? "Another hint" : "Show a hint", () => {
        hintsShown.set(it.key_id, shown + 1);
        redrawCoach(".mt-hintbtn, .mt-answerbtn");
      });
    } else {
      primary = button("mt-answerbtn", "Show the answer", () => {
        answers.add(it.key_id);
        actions.answersChanged();
        redrawCoach(".mt-wordsbtn");
      });
    }
    const step = (/** @type {number} */ dir) => {
      current = missed[(at + dir + missed.length) % missed.length].key_id;
      redrawCoach(dir > 0 ? ".mt-nextbtn" : ".mt-prevbtn");
    };
    const lineButton = button("mt-linebtn", `Go to L${it.line}`, () => actions.showLine(it.line ?? 0));
    return h(
      "div.mt-coach",
      { role: "group", "aria-labelledby": `${uid}-coach` },
      h("p.mt-coach-title", { id: `${uid}-coach`, text: text("group-missed", { count: missed.length }) }),
      h("p.mt-coach-item", { "aria-live": "polite" }, text("coach-item", { ...it, n: at + 1, count: missed.length })),
      ...body,
      h(
        "div.mt-coach-actions",
        {},
        primary,
        answered ? null : lineButton,
        missed.length > 1
          ? [
              button("mt-prevbtn", "‹ Previous", () => step(-1), { "aria-label": "Previous one not found yet" }),
              button("mt-nextbtn", "Next ›", () => step(1), { "aria-label": "Next one not found yet" }),
            ]
          : null,
      ),
      missed.length > 1 ? picker(missed, at) : null,
    );
  }

  /**
   * Every missed item in reading order, as one list box: pick one for the coach.
   * @param {ItemResult[]} missed
   * @param {number} at
   */
  function picker(missed, at) {
    const optionId = (/** @type {number} */ n) => `${uid}-miss-${n}`;
    const options = missed.map((it, n) =>
      h("li", {
        role: "option",
        id: optionId(n),
        "aria-selected": String(n === at),
        "data-n": String(n),
        class: answers.has(it.key_id) ? "mt-opt mt-opt-answered" : "mt-opt",
        text: text("coach-option", { ...it, n: n + 1 }), // numbered as the coach counts: one line can have several
      }),
    );
    let active = at;
    const listbox = h(
      "ul.mt-picker",
      {
        role: "listbox",
        tabindex: "0",
        "aria-label": "Pick one not found yet",
        "aria-activedescendant": optionId(at),
      },
      options,
    );
    const moveTo = (/** @type {number} */ n) => {
      options[active].classList.remove("mt-opt-active");
      active = Math.max(0, Math.min(missed.length - 1, n));
      options[active].classList.add("mt-opt-active");
      options[active].scrollIntoView?.({ block: "nearest" });
      listbox.setAttribute("aria-activedescendant", optionId(active));
    };
    const summary = h("summary", "Pick another from the list");
    const pickerBox = /** @type {HTMLDetailsElement} */ (h("details.mt-fb-group.mt-picker-box", {}, summary, listbox));
    const pick = (/** @type {number} */ n) => {
      current = missed[n].key_id;
      redrawCoach(".mt-hintbtn, .mt-answerbtn, .mt-wordsbtn");
    };
    listbox.addEventListener("keydown", (e) => {
      /** @type {Record<string, () => void>} */
      const keys = {
        ArrowDown: () => moveTo(active + 1),
        ArrowUp: () => moveTo(active - 1),
        Home: () => moveTo(0),
        End: () => moveTo(missed.length - 1),
        Enter: () => pick(active),
        " ": () => pick(active),
        // the list closes as a pop-up list does, focus back on what opened it (a second Escape: to the words)
        Escape: () => {
          pickerBox.open = false;
          summary.focus();
        },
      };
      if (!keys[e.key]) return;
      e.preventDefault();
      e.stopPropagation();
      keys[e.key]();
    });
    listbox.addEventListener("focus", () => moveTo(active));
    listbox.addEventListener("click", (e) => {
      const li = e.target instanceof Element ? e.target.closest("li[data-n]") : null;
      if (li instanceof HTMLElement) pick(Number(li.dataset.n));
    });
    return pickerBox;
  }

  /**
   * Draw the coach again and put focus on what comes next in it.
   * @param {string} next a selector inside the coach
   */
  function redrawCoach(next) {
    const old = box.querySelector(".mt-coach");
    if (!old || !data) return;
    const fresh = coach(data.missed);
    old.replaceWith(fresh);
    /** @type {HTMLElement | null} */ (fresh.querySelector(next) || fresh.querySelector("button"))?.focus();
  }

  return {
    element: box,

    /**
     * Show a new report; returns its summary in words (what a screen reader hears).
     * @param {Report | null} report
     */
    show(report) {
      data = report?.format ? feedbackData(report, ctx.labels) : null;
      stale.hidden = true;
      lastFocus = null;
      draw();
      return data ? data.summary.map(say).join(" ") : "";
    },

    /** True when feedback is on show. */
    shown: () => !!data,

    /** Put focus on the summary (after Check), or back on the control used last (the feedback key). */
    focus(summary = true) {
      const target = !summary && lastFocus?.isConnected ? lastFocus : summaryBox;
      target.scrollIntoView?.({ block: "nearest" });
      target.focus({ preventScroll: true });
    },

    /**
     * Say whether the tags changed since the report was made.
     * @param {boolean} outOfDate
     */
    markStale(outOfDate) {
      if (stale.hidden !== (!outOfDate || !data)) stale.hidden = !outOfDate || !data;
    },

    /** Each checked tag's chip, by tag id, with the range it had when checked. */
    chips() {
      return new Map(
        data ? [...data.look, ...data.found].map((e) => [e.tag.tag_id, { chip: e.chip, tag: e.tag }]) : [],
      );
    },

    /** The token ranges of the answers shown. */
    answerRanges() {
      return (data?.missed || []).filter((it) => answers.has(it.key_id)).map(rangeOf);
    },
  };
}

/** @typedef {ReturnType<typeof createFeedbackView>} FeedbackView */
