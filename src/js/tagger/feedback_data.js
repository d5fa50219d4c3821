// @ts-check
// What the feedback after Check says, as data: the summary's messages, the student's tags sorted
// into those to look at again and those that match, and the key items not found yet, all in
// reading order and only for the labels on the page. feedback_view.js draws it; every sentence is
// a code of the message table.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { chipOf, itemDetailCodes, problemMessage, tagCodes, whyMessage } from "../core/messages.js";

/** @typedef {import("../core/types.js").Report} Report */
/** @typedef {import("../core/types.js").Label} Label */
/** @typedef {import("../core/types.js").Message} Message */
/** @typedef {import("../core/types.js").ItemResult} ItemResult */
/** @typedef {import("../core/types.js").TagResult} TagResult */

/**
 * One of the student's tags in the feedback: its chip (messages.js's chipOf), what to say about it,
 * and the key's explanation (messages.js's whyMessage).
 * @typedef {{tag: TagResult, chip: string, messages: Message[], why: Message}} TagEntry
 */

/**
 * @typedef {object} FeedbackData
 * @property {Message[]} summary the summary, sentence by sentence
 * @property {TagEntry[]} look tags that do not (plainly) match the key
 * @property {TagEntry[]} found tags that match the key
 * @property {ItemResult[]} missed required items not found yet
 * @property {ItemResult[]} optional optional items not tagged
 * @property {Message[]} notices tags the check left out, and why
 */

/** The chips of tags that match the key as they are (contract.json's `chips`). */
const MATCHING = new Set(contract.chips.found);

/**
 * The order of the tags to look at again (contract.json's `chips`): nearly right first, so an
 * over-tagger's long list opens with what is quickest to fix; each kind in reading order.
 */
const LOOK_ORDER = contract.chips.look;

/**
 * @template {{start: number, end: number}} T
 * @param {T[]} list
 */
const readingOrder = (list) => [...list].sort((a, b) => a.start - b.start || b.end - a.end);

/**
 * The feedback on `report` for the labels on the page.
 * @param {Report} report
 * @param {Label[]} labels the labels on the page
 * @returns {FeedbackData}
 */
export function feedbackData(report, labels) {
  const names = new Set(labels.map((l) => l.name));
  const items = readingOrder(report.items.filter((i) => names.has(i.label)));
  const tags = readingOrder(report.tags.filter((t) => names.has(t.label)));
  const notices = (report.orphans || []).map((o) => problemMessage(o.code, o.args));
  if (!tags.length) {
    return {
      summary: [{ code: "summary-no-tags", args: {} }],
      look: [],
      found: [],
      missed: [],
      optional: [],
      notices,
    };
  }
  const itemOfTag = new Map(items.filter((i) => i.tag_id && i.verdict !== "wrong-label").map((i) => [i.tag_id, i]));
  const entries = tags.map((tag) => {
    const item = itemOfTag.get(tag.tag_id);
    const chip = chipOf(tag);
    return {
      tag,
      chip,
      // the tag's verdict says what the chip says, not the item's: a Close chip is never followed by "Matches"
      messages: [...tagCodes(tag), ...(item ? itemDetailCodes(item) : [])],
      why: whyMessage(tag),
    };
  });
  return {
    summary: summary(report, labels),
    look: entries
      .filter((e) => !MATCHING.has(e.chip))
      .sort((a, b) => LOOK_ORDER.indexOf(a.chip) - LOOK_ORDER.indexOf(b.chip)),
    found: entries.filter((e) => MATCHING.has(e.chip)),
    missed: items.filter((i) => i.verdict === "missed" && !i.optional),
    optional: items.filter((i) => i.verdict === "missed" && i.optional),
    notices,
  };
}

/**
 * The summary: how many of each label's required items were found (in which lines), how many of
 * the tags match the key (and whether most do not), and whether everything was found.
 * @param {Report} report
 * @param {Label[]} labels
 * @returns {Message[]}
 */
function summary(report, labels) {
  const [first, last] = report.lines || [];
  const scores = labels.map((l) => ({ label: l.name, score: report.scores[l.name] })).filter((s) => s.score);
  /** @type {Message[]} */
  const out = [];
  const several = scores.length > 1;
  if (report.lines && several) out.push({ code: "summary-lines", args: { first, last } });
  for (const { label, score } of scores) {
    const args = { label, found: score.found, required: score.required, first, last };
    if (!score.required) out.push({ code: "summary-nothing-to-find", args });
    else out.push({ code: report.lines && !several ? "summary-found-lines" : "summary-found", args });
  }
  const sum = (/** @type {"tagged" | "tagged_in_key" | "found" | "required"} */ k) =>
    scores.reduce((n, s) => n + s.score[k], 0);
  const tags = { tagged: sum("tagged"), tagged_in_key: sum("tagged_in_key") };
  out.push({ code: "summary-tags", args: tags });
  // more tags than the key asks for, most of them off its words: say so before the long list
  if (tags.tagged > sum("required") && tags.tagged_in_key * 2 < tags.tagged)
    out.push({ code: "summary-over-tagged", args: { ...tags, required: sum("required") } });
  if (sum("required") && sum("found") === sum("required")) out.push({ code: "summary-all-found", args: {} });
  return out;
}

/**
 * How a tag's badge in the article shows its chip: found, close or off (not in the key as tagged).
 * @param {string} chip
 */
export const badgeVerdict = (chip) => (MATCHING.has(chip) ? "found" : chip === "close" ? "close" : "off");
