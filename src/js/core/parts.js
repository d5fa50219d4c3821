// @ts-check
// Which mention of a source a chapter's part asks for, when the source's first mention is before it:
// src/medialit/core/parts.py step for step. The key asks for each source once, at its first mention;
// in a part that starts later, the first mention in its lines that a required claim there is linked
// to is asked for instead, with a reason and a hint from the message table (`why_message`, rendered for
// each reader where it is shown), and with the part's other
// mentions of that source (`mentions`): a tag on one of them counts for it.

/** @typedef {import("./types.js").KeyItem} KeyItem */

/** @param {KeyItem} k */
const who = (k) => k.entity || k.id;
/** @param {KeyItem} k */
const isRequiredSource = (k) => k.label === "source" && !k.optional;
/** @param {KeyItem[]} items */
const byStart = (items) => [...items].sort((a, b) => a.start - b.start);

/**
 * `part` (the key items in a part's lines, in key order) with the first mention in the part of each
 * source asked for elsewhere in `whole` made required there, if a required claim in the part is linked
 * to that mention, listing the part's other mentions of that source (`mentions`, in article order)
 * (parts.first_mentions_asked). The part's other items are the same objects.
 * @param {KeyItem[]} whole
 * @param {KeyItem[]} part
 * @param {(start: number, end: number) => boolean} covers
 * @returns {KeyItem[]}
 */
export function firstMentionsAsked(whole, part, covers) {
  /** @type {Map<string, KeyItem>} each source asked for somewhere, by its first required mention */
  const required = new Map();
  for (const k of byStart(whole)) if (isRequiredSource(k) && !required.has(who(k))) required.set(who(k), k);
  const asked = new Set(part.filter(isRequiredSource).map(who));
  /** @type {Map<string, KeyItem>} */
  const claimOf = new Map();
  for (const claim of whole) {
    if (claim.label !== "claim" || claim.optional || !covers(claim.start, claim.end)) continue;
    for (const id of claim.source_ids || []) if (!claimOf.has(id)) claimOf.set(id, claim);
  }
  /** @type {Map<string, KeyItem>} */
  const chosen = new Map();
  const inOrder = byStart(part);
  for (const k of inOrder) {
    const name = who(k);
    if (k.label === "source" && required.has(name) && !asked.has(name) && claimOf.has(k.id) && !chosen.has(name)) {
      chosen.set(name, k);
    }
  }
  if (!chosen.size) return part;
  /** @type {Map<string, KeyItem>} */
  const promoted = new Map();
  for (const [name, k] of chosen) {
    const args = {
      quote: k.quote,
      line: k.line,
      named: /** @type {KeyItem} */ (required.get(name)).quote,
      claim: /** @type {KeyItem} */ (claimOf.get(k.id)).line,
    };
    promoted.set(k.id, {
      ...k,
      optional: false,
      why: "",
      hints: [],
      why_message: { code: "part-first-mention", args },
      mentions: inOrder.filter((m) => m.label === "source" && who(m) === name && m !== k).map((m) => m.id),
    });
  }
  return part.map((k) => promoted.get(k.id) || k);
}
