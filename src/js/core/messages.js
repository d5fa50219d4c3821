// @ts-check
// Check's codes turned into sentences, from the one message table Python and JavaScript share:
// src/medialit/core/messages.py step for step. Which codes a report entry gives (itemCodes,
// tagCodes) is decided here too, so both languages say the same.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import table from "../../medialit/data/messages.json" with { type: "json" };

/** @typedef {import("./types.js").Label} Label */
/** @typedef {import("./types.js").Message} Message */
/** @typedef {import("./types.js").ItemResult} ItemResult */
/** @typedef {import("./types.js").AttributionResult} AttributionResult */
/** @typedef {import("./types.js").TagResult} TagResult */

/** @type {Record<string, {student: string, teacher: string, fix?: string, short?: string, head?: string}>} */
const TABLE = table.messages;
/**
 * A hand-in's, a tag's or an answer's fields in each reader's words (messages.FIELD_WORDS). The
 * Jupyter widget's bundle carries the student's words only.
 * @type {Record<string, Record<string, string>>}
 */
const FIELD_WORDS = table.fields || {};
/** The fields that are counts, written bare with their thousands apart (messages.COUNTS). */
const COUNTS = new Set(table.counts);

/** @type {("student" | "teacher")[]} */
export const AUDIENCES = ["student", "teacher"];
const FIELD = /\{([a-z0-9_]+)(?:\|([a-zA-Z]+))?\}/g;
const QUOTE_LIMIT = 60;
/** Characters that count as quotation marks (the contract's, as article.QUOTE_MARKS). */
export const QUOTE_MARKS = new Set(contract.quote_marks);
const CUT_PUNCTUATION = /[ ,;:]+$/u; // dropped before the ellipsis of a shortened text

/**
 * `text` cut to `n` code points with an ellipsis; the cut falls after a whole word when the second
 * half of what is kept has a space, so no word is shown half ("on t…"). messages.py's quoted too.
 * @param {string} text
 * @param {number} n
 */
export function shortened(text, n) {
  const chars = Array.from(text);
  if (chars.length <= n) return text;
  let kept = chars.slice(0, n - 1);
  const space = kept.lastIndexOf(" ");
  if (space >= Math.floor(n / 2)) kept = kept.slice(0, space);
  return `${kept.join("").replace(CUT_PUNCTUATION, "")}…`;
}

/**
 * In curly quotation marks, shortened to `n` code points (60 in a sentence); words that open and
 * close with quotation marks already (a quoted claim, scare quotes) are not put in a second pair.
 * @param {string} text
 * @param {number} [n]
 */
export function quoted(text, n = QUOTE_LIMIT) {
  const chars = Array.from(text);
  const marked = chars.length > 1 && QUOTE_MARKS.has(chars[0]) && QUOTE_MARKS.has(chars[chars.length - 1]);
  return marked && chars.length <= n ? text : `“${shortened(text, n)}”`;
}

/**
 * A count as a person reads it, its thousands apart: "100,000" (messages.number). Never for a file name, an id, a
 * line number or a CSV cell, which keep their digits as they are.
 * @param {number} n
 */
export const number = (n) => n.toLocaleString("en-US");

/**
 * A count with its noun, singular for one: "1 tag", "2 tags", "100,000 tags"; `plural` where adding "s" will not do
 * ("1 student's hand-in", "2 students' hand-ins").
 * @param {number} n
 * @param {string} noun
 * @param {string} [plural]
 */
export function counted(n, noun, plural = `${noun}s`) {
  return `${number(n)} ${n === 1 ? noun : plural}`;
}

/**
 * One of a label's choices as a reader sees it: `interested-party` is "interested party"
 * (messages.choice_words).
 * @param {string} value
 */
export const choiceWords = (value) => value.replaceAll("-", " ");

/**
 * A share 0..1 as a whole percentage, halves rounded up (the same in both languages).
 * @param {number} share
 */
export function percent(share) {
  return `${Math.floor(share * 100 + 0.5)}%`;
}

/**
 * The table's entry for `code`, or for the longest shorter code (`a:b:c`, then `a:b`, then `a`).
 * @param {string} code
 */
function entryOf(code) {
  const parts = code.split(":");
  for (let n = parts.length; n > 0; n--) {
    const entry = TABLE[parts.slice(0, n).join(":")];
    if (entry !== undefined) return entry;
  }
  throw new Error(`no message for code ${code}`);
}

/**
 * The template of `code` for an audience, or another part of its entry (`fix`, `short`, `head`).
 * @param {string} code
 * @param {"student" | "teacher" | "fix" | "short" | "head"} part
 */
export function template(code, part) {
  const text = entryOf(code)[part];
  if (text === undefined) throw new Error(`the message ${code} has no ${part}`);
  return text;
}

/**
 * The message for a hand-in problem (a refusal or a tag left out): `handin-<code>`, with the variant
 * its arguments call for (messages.problem_message).
 * @param {string} code
 * @param {Record<string, any>} args
 * @returns {Message}
 */
export function problemMessage(code, args) {
  /** @type {Record<string, string | null | undefined>} */
  const variant = {
    "bad-field": args.field,
    "bad-source-link": args.target_label ? "not-source" : null,
    unreadable: args.moved ? "moved" : null,
  };
  const extra = variant[code];
  return { code: `handin-${code}${extra ? `:${extra}` : ""}`, args };
}

/**
 * Author mode's note, after a save or a download, on the key items it showed that live in the
 * exercise's `include:` files (messages.included_message).
 * @param {number} count
 * @returns {Message}
 */
export function includedMessage(count) {
  return { code: count === 1 ? "author-included:one" : "author-included", args: { count } };
}

/**
 * Author mode's note, after a save or a download, on the key items written without the kind, identity or
 * technique validate asks for (each `{label, quote, line, name}`, `name` the attribute): a sentence that
 * says how many, then one a line for each, to show as a list; none when every item gives it
 * (messages.needs_messages).
 * @param {{label: string, quote: string, line: number, name: string}[]} needing
 * @returns {Message[]}
 */
export function needsMessages(needing) {
  if (!needing.length) return [];
  const head = { code: needing.length === 1 ? "author-needs:one" : "author-needs", args: { count: needing.length } };
  return [head, ...needing.map((item) => ({ code: "author-need", args: item }))];
}

/**
 * A renderer for one audience; `labels` are the compiled exercise's label specs (title, noun,
 * help, test) for the label filters.
 * @param {Label[]} labels
 * @param {"student" | "teacher"} [audience]
 */
export function renderer(labels, audience = "student") {
  if (!AUDIENCES.includes(audience)) throw new Error(`audience must be one of ${AUDIENCES.join(", ")}`);
  const specs = new Map(labels.map((l) => [l.name, l]));
  /**
   * One field of a template, filled from `args`.
   * @param {string} name
   * @param {string | undefined} filter
   * @param {Record<string, any>} args
   * @returns {string}
   */
  const field = (name, filter, args) => {
    const value = args[name];
    if (value === undefined) throw new Error(`the message needs ${name}`);
    if (!filter) return COUNTS.has(name) ? number(value) : String(value);
    if (filter === "q") return quoted(value);
    if (filter === "pct") return percent(value);
    if (filter === "or") return value.join(" or ");
    if (filter === "choice") return choiceWords(value);
    if (filter === "choices") return value.map(choiceWords).join(" or ");
    if (filter === "qlist") return value.map((/** @type {string} */ q) => quoted(q)).join(", ");
    if (filter === "qpairs") {
      return value.map((/** @type {[string, string]} */ [name, what]) => `${quoted(name)} (${what})`).join(", ");
    }
    if (filter === "list") return value.join(", ");
    if (filter === "cap") {
      const [first = "", ...rest] = Array.from(value);
      return first.toUpperCase() + rest.join("");
    }
    if (filter === "field") return FIELD_WORDS[value]?.[audience] || value;
    const spec = specs.get(value);
    const noun = spec ? spec.noun || spec.title.toLowerCase() : value;
    /** @type {Record<string, string>} */
    const words = spec
      ? { noun, nouns: spec.plural || `${noun}s`, Title: spec.title, help: spec.help || "", test: spec.test || "" }
      : { noun, nouns: value, Title: value, help: "", test: "" };
    return words[filter];
  };
  /**
   * @param {Message} message
   * @param {"fix" | "short" | "head"} [part] another part of the entry than the audience's sentence
   * @returns {string}
   */
  const render = (message, part) =>
    template(message.code, part || audience).replace(
      FIELD,
      (_, /** @type {string} */ name, /** @type {string} */ filter) => field(name, filter, message.args),
    );
  return {
    render,
    /**
     * The non-empty sentences of a list of messages, in order.
     * @param {Message[]} messages
     */
    sentences: (messages) => messages.map((m) => render(m)).filter(Boolean),
  };
}

/**
 * The reason shown with a key item, or with the item a tag met: the key's own words, or the reason the
 * checker gave the item (`why_message`) in each reader's words (messages.why_message).
 * @param {{why?: string, why_message?: Message | null}} result
 * @returns {Message}
 */
export const whyMessage = (result) => result.why_message || { code: "key-why", args: { why: result.why || "" } };

/**
 * A key item's hints, each a "Hint: …" sentence: the key's own, or the hint of the reason the checker
 * gave it (its code with `-hint`) (messages.hint_messages).
 * @param {{hints?: string[], why_message?: Message | null}} item
 * @returns {Message[]}
 */
export function hintMessages(item) {
  const given = item.why_message;
  if (given) return [{ code: `${given.code}-hint`, args: given.args }];
  return (item.hints || []).filter(Boolean).map((hint) => ({ code: "item-hint", args: { hint } }));
}

/**
 * The verdict on one key item (a Report entry), then its attributes and its attribution.
 * @param {ItemResult} item
 * @returns {Message[]}
 */
export function itemCodes(item) {
  const verdict = item.verdict === "missed" && item.optional ? "missed-optional" : item.verdict;
  return [{ code: `item-${verdict}`, args: item }, ...itemDetailCodes(item)];
}

/**
 * The sources the key links a claim to, each its words and its line for the `qpairs` filter: “UK security
 * officials” (L6), as every other sentence of the feedback cites a line (messages.sources_with_lines).
 * @param {AttributionResult} attribution
 * @returns {[string, string][]}
 */
const sourcesWithLines = (attribution) =>
  attribution.expected_quotes.map((q, i) => [q, `L${attribution.expected_lines[i]}`]);

/**
 * The verdicts on a key item's attributes and its attribution: what the feedback on the student's tag
 * that met the item says after the tag's own verdict, which says the item's already. A student's
 * widget asks for these only, so it carries no words of an item's verdict (messages.item_detail_codes).
 * @param {ItemResult} item
 * @returns {Message[]}
 */
export function itemDetailCodes(item) {
  /** @type {Message[]} */
  const out = [];
  for (const [name, attr] of Object.entries(item.attrs)) {
    const attrVerdict = attr.verdict === "free" && attr.given === null ? "free-blank" : attr.verdict;
    // the voice of words that sum up what someone said says so (messages.py's item_detail_codes)
    const reported = name === "voice" && item.reported ? ":reported" : "";
    out.push({ code: `attr-${attrVerdict}:${name}:${attr.expected[0]}${reported}`, args: { name, ...attr } });
  }
  if (item.attribution !== null) {
    let attributed = item.attribution.verdict;
    if (attributed !== "right" && !item.attribution.expected.length) attributed = "none-given";
    out.push({ code: `attribution-${attributed}`, args: { sources: sourcesWithLines(item.attribution) } });
  }
  return out;
}

/**
 * The chip one of the student's tags shows: its verdict, except that a tag matched to a key item
 * (required or optional) but longer than the key's words is "close" (never shown as plainly right,
 * nor left among the matches), and so is one on an optional item whose edges differ as much as those
 * of a Close tag on a required item (optional-close); an extra tag on the words of a label the page
 * does not ask for is "not-asked" (it comes off; it cannot be relabelled there), and an extra tag on part of an item of
 * another label the page asks for is "other-label" (the key has those words). A claim on a source's
 * words is either of the last two, as its finding says. messages.py's chip_of.
 * @param {TagResult} tag
 * @returns {string}
 */
export function chipOf(tag) {
  const codes = new Map(tag.findings.map((f) => [f.code, f.args]));
  if ((tag.verdict === "matched" || tag.verdict === "defensible") && codes.has("covers-more")) return "close";
  if (tag.verdict === "defensible" && codes.has("optional-close")) return "close";
  if (tag.verdict === "extra" && codes.has("is-speaker"))
    return codes.get("is-speaker")?.asked ? "other-label" : "not-asked";
  if (tag.verdict === "extra" && codes.has("label-not-asked")) return "not-asked";
  if (tag.verdict === "extra" && codes.has("other-label")) return "other-label";
  return tag.verdict;
}

/** The words shown of each end of a key quote too long to show whole. */
const ENDS_WORDS = 3;
const WHITE_SPACE = new RegExp(`${contract.white_space}+`, "u");

/**
 * The first and the last few words of a quote too long to show whole: where a tag should start and end.
 * @param {string} quote
 */
function ends(quote) {
  const words = quote.split(WHITE_SPACE);
  return [words.slice(0, ENDS_WORDS).join(" "), words.slice(-ENDS_WORDS).join(" ")];
}

/**
 * The sentence for the tag's chip, and the finding it already says (left out after it): a Close tag
 * that holds all the key's words and more, as a tag over a whole sentence does, says first which
 * words to keep (messages.py's _verdict_message).
 * @param {TagResult} tag
 * @param {string} chip
 * @returns {[Message, string | null]}
 */
function verdictMessage(tag, chip) {
  const found = new Map(tag.findings.map((f) => [f.code, f.args]));
  // a tag at another mention of the source says so first; told which words to keep, it cites its own
  // line (messages.py's _verdict_message)
  const moved = found.has("same-source") && (tag.verdict === "matched" || tag.verdict === "close");
  const longer = found.get("covers-more");
  if (chip !== "close" || !longer || found.has("covers-less")) {
    if (moved) return [{ code: `tag-${chip}:same-source`, args: tag }, "same-source"];
    const optional = chip === "close" && tag.verdict === "defensible";
    return [{ code: optional ? "tag-close:optional" : `tag-${chip}`, args: tag }, null];
  }
  const args = moved ? { ...tag, key_line: tag.line } : tag;
  // the key's own words where the accepted form the tag holds has them (messages.py's _verdict_message)
  const own = longer.accepted_for;
  const keyQuote = String(own && String(longer.key_quote).includes(own) ? own : longer.key_quote);
  const more = { ...args, ...longer, key_quote: keyQuote };
  if (Array.from(keyQuote).length <= QUOTE_LIMIT) return [{ code: "tag-close:keep", args: more }, "covers-more"];
  const [first, last] = ends(keyQuote);
  return [{ code: "tag-close:keep-ends", args: { ...more, key_first: first, key_last: last } }, "covers-more"];
}

/** The findings on a tag's edges against the key's words. */
const EDGE_CODES = new Set(["covers-more", "covers-less", "covers-other"]);

/**
 * The variant of a finding's sentence its arguments call for: edges measured against an accepted form
 * name the key's own words as well (":accepted"); a speaker tagged as a claim where sources are not
 * asked for ends with what to do, as the chip "Not asked here" does (":not-asked"); the reporter's words
 * that sum up what someone said say so (":reported"). messages.py's _variant.
 * @param {string} code
 * @param {Record<string, any>} args
 */
function variant(code, args) {
  if (EDGE_CODES.has(code) && "accepted_for" in args) return ":accepted";
  if (code === "is-speaker" && args.asked === false) return ":not-asked";
  if (code === "reporters-words" && args.reported) return ":reported";
  return "";
}

/**
 * A sentence for every finding the verdict's sentence has not said: too many and too few words against
 * the same key words are one sentence (covers-other); some findings have a variant (messages.py's
 * _finding_messages).
 * @param {TagResult} tag
 * @param {string | null} said
 * @returns {Message[]}
 */
function findingMessages(tag, said) {
  const found = new Map(tag.findings.map((f) => [f.code, f.args]));
  const both = found.has("covers-more") && found.has("covers-less");
  /** @type {Message[]} */
  const out = [];
  for (const f of tag.findings) {
    if (f.code === said || (both && f.code === "covers-less")) continue;
    const merged = both && f.code === "covers-more";
    const code = merged ? "covers-other" : f.code;
    const more = merged ? { ...found.get("covers-more"), ...found.get("covers-less") } : f.args;
    out.push({ code: `finding-${code}${variant(code, more)}`, args: { ...tag, ...more } });
  }
  return out;
}

/**
 * The verdict on one of the student's tags (a Report entry) as its chip says it (chipOf), then
 * every finding about it that sentence has not said already (findingMessages).
 * @param {TagResult} tag
 * @returns {Message[]}
 */
export function tagCodes(tag) {
  const [first, said] = verdictMessage(tag, chipOf(tag));
  return [first, ...findingMessages(tag, said)];
}
