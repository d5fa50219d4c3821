// @ts-check
// The list of tags beside the article, one group per label. Entries are keyed by tag id: a change
// adds, removes, moves or updates in place only the entries it concerns; numbers and links are
// set as text where they changed. When many tags arrive at once (a save restored, a file opened),
// one frame makes the first entries, as many as a screen shows, and the next frame makes the rest:
// the article's marks and the top of the list are not held back by entries below the fold.
// A tag taken off by its ✕ leaves an Undo in its place until the next change: on a phone the
// toolbar's Undo is screens above the list.

import { renderer } from "../core/messages.js";
import { quoted, tokenAt } from "../core/spans.js";
import { button, h, setText } from "./dom.js";
import { buildFields } from "./tag_fields.js";
import { buildLinks, sourcesKey } from "./tag_links.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./actions.js").Actions} Actions */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */
/** @typedef {import("./tag_fields.js").TagFields} TagFields */
/** @typedef {import("./tag_links.js").TagLinks} TagLinks */

/**
 * @typedef {object} Entry
 * @property {HTMLElement} li
 * @property {Tag} tag the tag it shows
 * @property {HTMLButtonElement} jump
 * @property {HTMLElement} badge
 * @property {HTMLElement} quote
 * @property {HTMLElement} line
 * @property {HTMLElement} linked
 * @property {HTMLButtonElement} remove
 * @property {HTMLElement | null} verdict
 * @property {HTMLDetailsElement | null} details
 * @property {TagFields | null} fields
 * @property {HTMLDetailsElement | null} linksBox a claim's "Attributed to", where the Tagger asks for sources
 * @property {TagLinks | null} links
 */

/** How many new entries a frame makes before it leaves the rest to the next. A batch (a loaded
 * hand-in, another tab's tags) shows its marks in the article at once; each entry costs Chromium about
 * a millisecond of style and layout, so the first frame makes only as many as a laptop shows of the
 * list below the article box (an entry is at least 2.9em, 47 px, tall) and the next frame the rest. */
export const ENTRIES_FIRST_FRAME = 8;

/**
 * The tag list.
 * @param {TaggerContext} ctx
 * @param {Actions} actions
 */
export function createTagList(ctx, actions) {
  const { uid, labels, tokens, guided, askDetails } = ctx;
  const words = renderer(ctx.exercise.all_labels || ctx.exercise.labels, "student");
  const box = h(
    guided ? "div.mt-tags.mt-tags-guided" : "div.mt-tags",
    {},
    h("p.mt-side-title", ctx.authorTools?.words.tags ?? "Your tags"),
  );
  const groups = new Map(
    labels.map((l) => {
      const id = `${uid}-g-${l.name}`;
      const title = h("p.mt-group-title", { id });
      const list = h("ul");
      const empty = h("p.mt-empty", "None yet.");
      box.append(
        h("div", { class: `mt-group mt-group-${l.name}`, role: "group", "aria-labelledby": id }, title, list, empty),
      );
      return [l.name, { title, list, empty }];
    }),
  );
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** tags whose details, and claims whose "Attributed to", are open (kept while their entry comes and
   * goes with undo) */
  const openDetails = new Set();
  const openLinks = new Set();
  /** @type {Map<string, string>} */
  let verdicts = new Map();
  /** the index the list was last brought to, while some of its tags wait for their entries */
  /** @type {TagIndex | null} */
  let behind = null;
  const lineOf = (/** @type {Tag} */ t) => tokens[tokenAt(tokens, t.start)].line;

  // an author edits a key item's fields (key_fields.js); a student describes a tag, or may
  const detailsTitle = ctx.authorTools?.words.details ?? (askDetails ? "Describe this tag" : "More (optional)");
  // entries are cloned from one pattern; clicks and toggles are heard once, on the list
  const pattern = h(
    "li.mt-entry",
    {},
    button(
      "mt-jump",
      [h("span.mt-badge", { "aria-hidden": "true" }), " ", h("span.mt-quote"), h("span.mt-line"), h("span.mt-linked")],
      null,
    ),
    button("mt-del", "✕", null),
    guided ? null : h("details.mt-details", {}, h("summary", {}, detailsTitle)),
  );
  /**
   * The tag last taken off by its ✕: its group, its place there and the tags it left, while they are the tags.
   * @type {{label: string, at: number, id: string, tags: Tag[]} | null}
   */
  let removed = null;
  const undoRow = h(
    "li.mt-entry",
    {},
    h("span"),
    button("mt-undohere", "↶ Undo", () => {
      const id = removed?.id || "";
      actions.travel(true);
      actions.drawNow();
      finish();
      entries.get(id)?.remove.focus();
    }),
  );
  // a claim names its sources with it, not among details called optional, where sources are asked for
  const linksPattern =
    guided || !labels.some((l) => l.name === "source") ? null : h("details.mt-attrib", {}, h("summary"));
  /** @param {Event} e */
  const entryOf = (e) => {
    const li = e.target instanceof Element ? e.target.closest(".mt-entry") : null;
    return li instanceof HTMLElement ? entries.get(li.dataset.id || "") : undefined;
  };
  ctx.listen(box, "click", (e) => {
    const entry = entryOf(e);
    const target = /** @type {Element} */ (e.target);
    if (!entry) return;
    if (target.closest(".mt-jump")) actions.jumpTo(entry.tag.id, true);
    else if (target.closest(".mt-del")) removeKeepingFocus(entry);
  });
  /**
   * Remove an entry's tag from its ✕. Focus was on that ✕: it goes to the next entry's ✕ (else the
   * one before), or back to the words when the list is left empty, never to the page's top.
   * @param {Entry} entry
   */
  function removeKeepingFocus(entry) {
    const focused = document.activeElement === entry.remove;
    const index = ctx.index();
    const listed = labels.flatMap((l) => index.byLabel.get(l.name) || []);
    const at = listed.findIndex((t) => t.id === entry.tag.id);
    const neighbour = listed[at + 1] || listed[at - 1];
    if (focused && !neighbour) actions.backToText();
    const { id, label, quote } = entry.tag;
    setText(/** @type {Element} */ (undoRow.firstChild), `Removed ${index.numbers.get(id)} ${quoted(quote, 40)}.`);
    actions.removeById(id);
    removed = { label, at: (index.byLabel.get(label) || []).findIndex((t) => t.id === id), id, tags: ctx.state.tags };
    if (!focused || !neighbour) return;
    actions.drawNow();
    finish();
    entries.get(neighbour.id)?.remove.focus();
  }
  box.addEventListener(
    "toggle",
    (e) => {
      const entry = entryOf(e);
      const open = e.target === entry?.details ? openDetails : e.target === entry?.linksBox ? openLinks : null;
      if (!entry || !open) return;
      if (/** @type {HTMLDetailsElement} */ (e.target).open) {
        open.add(entry.tag.id);
        fill(entry);
      } else open.delete(entry.tag.id);
    },
    true, // toggle does not bubble
  );

  /**
   * Make the fields of an entry's open parts that have none yet.
   * @param {Entry} entry
   */
  function fill(entry) {
    if (entry.details?.open && !entry.fields) {
      const container = h("div.mt-fields");
      entry.details.append(container);
      const spec = /** @type {import("../core/types.js").Label} */ (ctx.labelByName.get(entry.tag.label));
      entry.fields = buildFields(ctx, entry.tag, spec, container);
    }
    if (entry.linksBox?.open && !entry.links) entry.links = buildLinks(ctx, entry.tag, entry.linksBox);
  }

  /**
   * @param {Tag} t
   * @param {TagIndex} index
   * @returns {Entry}
   */
  function makeEntry(t, index) {
    const li = /** @type {HTMLElement} */ (pattern.cloneNode(true));
    li.dataset.id = t.id;
    const jump = /** @type {HTMLButtonElement} */ (li.children[0]);
    const [entryBadge, quote, line, linked] = /** @type {HTMLElement[]} */ ([...jump.children]);
    entryBadge.classList.add(`mt-badge-${t.label}`);
    const details = /** @type {HTMLDetailsElement | null} */ (li.children[2] || null);
    const linksBox =
      linksPattern && t.label === "claim" ? /** @type {HTMLDetailsElement} */ (linksPattern.cloneNode(true)) : null;
    if (linksBox) li.insertBefore(linksBox, details);
    /** @type {Entry} */
    const entry = {
      li,
      tag: t,
      jump,
      badge: entryBadge,
      quote,
      line,
      linked,
      remove: /** @type {HTMLButtonElement} */ (li.children[1]),
      verdict: null,
      details,
      fields: null,
      linksBox,
      links: null,
    };
    if (details && openDetails.has(t.id)) details.open = true;
    if (linksBox && openLinks.has(t.id)) linksBox.open = true;
    fill(entry);
    fillEntry(entry, t, index);
    return entry;
  }

  /**
   * Set what an entry shows, touching only what differs.
   * @param {Entry} entry
   * @param {Tag} t
   * @param {TagIndex} index
   */
  function fillEntry(entry, t, index) {
    const title = ctx.titleOf(t.label);
    const number = index.numbers.get(t.id) || "";
    const links = index.links.get(t.id);
    const line = lineOf(t);
    setText(entry.badge, number);
    const shown = quoted(t.quote, 70);
    setText(entry.quote, shown);
    setText(entry.line, ` L${line}`);
    const named = links ? links.split(",").join(", ") : "";
    setText(entry.linked, named && ` → ${named}`);
    if (entry.linksBox)
      setText(/** @type {HTMLElement} */ (entry.linksBox.firstChild), `Attributed to${named && `: ${named}`}`);
    // named first by the words it shows, in their order, so that a voice can say what it sees (WCAG 2.5.3)
    const jumpLabel = `${number} ${shown} L${line}${named && `, attributed to ${named}`}. ${title}. Show in the text.`;
    if (entry.jump.getAttribute("aria-label") !== jumpLabel) entry.jump.setAttribute("aria-label", jumpLabel);
    const removeLabel = `Remove ${title} ${number}`;
    if (entry.remove.getAttribute("aria-label") !== removeLabel) entry.remove.setAttribute("aria-label", removeLabel);
    const verdict = verdicts.get(t.id);
    const verdictClass = `mt-verdict mt-chip mt-chip-${verdict}`;
    if (verdict && !entry.verdict) {
      entry.verdict = h("span", { class: verdictClass });
      entry.jump.after(entry.verdict);
    }
    if (verdict && entry.verdict) {
      entry.verdict.className = verdictClass;
      setText(entry.verdict, words.render({ code: `chip-${verdict}`, args: {} }));
    } else if (entry.verdict) {
      entry.verdict.remove();
      entry.verdict = null;
    }
    if (entry.tag !== t) {
      entry.tag = t;
      entry.fields?.sync(t);
      entry.links?.sync(t);
    }
  }

  /**
   * Put the list's entries in the order of `wanted`, moving only those out of place.
   * @param {HTMLElement} list
   * @param {HTMLElement[]} wanted
   */
  function order(list, wanted) {
    let at = list.firstElementChild;
    for (const li of wanted) {
      if (li === at) at = at.nextElementSibling;
      else list.insertBefore(li, at);
    }
    while (at) {
      const next = at.nextElementSibling;
      at.remove();
      at = next;
    }
  }

  /**
   * Bring the list from `before` to `after`, making at most `newEntries` entries; false when some
   * tags are left without one.
   * @param {TagIndex | null} before
   * @param {TagIndex} after
   * @param {Map<string, string> | null} verdictsNow
   * @param {number} newEntries
   */
  function bringTo(before, after, verdictsNow, newEntries) {
    if (verdictsNow) verdicts = verdictsNow;
    let made = 0;
    for (const [id, entry] of entries) {
      if (!after.ranges.has(id)) {
        entry.li.remove();
        entries.delete(id);
      }
    }
    const sources = sourcesKey(after);
    if (removed?.tags !== ctx.state.tags) removed = null;
    for (const l of labels) {
      const tags = after.byLabel.get(l.name) || [];
      const group = /** @type {{title: HTMLElement, list: HTMLElement, empty: HTMLElement}} */ (groups.get(l.name));
      const items = [];
      for (const t of tags) {
        let entry = entries.get(t.id);
        if (!entry) {
          if (made === newEntries) continue;
          made++;
          entry = makeEntry(t, after);
          entries.set(t.id, entry);
        } else if (
          verdictsNow ||
          entry.tag !== t ||
          !before ||
          before.numbers.get(t.id) !== after.numbers.get(t.id) ||
          before.links.get(t.id) !== after.links.get(t.id)
        ) {
          fillEntry(entry, t, after);
        }
        entry.links?.refreshSources(after, sources);
        items.push(entry.li);
      }
      if (removed?.label === l.name) items.splice(removed.at, 0, undoRow);
      setText(group.title, `${l.title}: ${tags.length}`);
      order(group.list, items);
      if (group.empty.hidden !== tags.length > 0) group.empty.hidden = tags.length > 0;
    }
    behind = entries.size < after.ranges.size ? after : null;
    return !behind;
  }

  /** Make the entries a frame left for the next (before focus goes to one). */
  function finish() {
    if (behind) bringTo(behind, behind, null, Infinity);
  }

  /**
   * Keep an entry that focus went to in view. Entries near it are laid out only once it is on the
   * screen, at their real heights rather than the ones they held (tagger.css), which can push it
   * off again: while the list changes size in the next half second, and focus stays in the
   * entry, it is brought back each time, after layout and before paint (every browser that runs the
   * bundles, ES2020, has ResizeObserver).
   * @param {Entry} entry
   */
  function keepInView(entry) {
    const watcher = new ResizeObserver(() => {
      if (entry.li.contains(document.activeElement)) entry.li.scrollIntoView({ block: "nearest" });
      else watcher.disconnect();
    });
    watcher.observe(box);
    setTimeout(() => watcher.disconnect(), 500);
  }

  return {
    element: box,

    /**
     * Bring the list from `before` to `after`; false when entries are left for the next frame,
     * which makes them all. `verdictsNow` (after a Check, or null when unchanged) says each
     * checked tag's chip ("matched", "close", ...); every entry is refreshed then.
     * @param {TagIndex | null} before
     * @param {TagIndex} after
     * @param {Map<string, string> | null} verdictsNow
     */
    update(before, after, verdictsNow) {
      return bringTo(before, after, verdictsNow, behind ? Infinity : ENTRIES_FIRST_FRAME);
    },

    /**
     * Open a tag's details, and a claim's "Attributed to", when its entry is made (challenge asks to
     * describe each new tag).
     * @param {string} id
     */
    openWhenMade(id) {
      openDetails.add(id);
      openLinks.add(id);
    },

    /**
     * Open a tag's details and put focus on its first field (author mode's review: Edit); false
     * when it has no entry.
     * @param {string} id
     */
    edit(id) {
      finish();
      const entry = entries.get(id);
      if (!entry?.details) return false;
      openDetails.add(id);
      entry.details.open = true;
      fill(entry);
      entry.li.scrollIntoView?.({ block: "nearest" });
      /** @type {HTMLElement | null} */ (
        entry.details.querySelector(".mt-fields :is(input, select, textarea)")
      )?.focus();
      keepInView(entry);
      return true;
    },

    /**
     * Put focus on a tag's entry; false when it has none.
     * @param {string} id
     */
    focus(id) {
      finish();
      const entry = entries.get(id);
      if (!entry) return false;
      entry.jump.focus();
      keepInView(entry);
      return true;
    },
  };
}

/** @typedef {ReturnType<typeof createTagList>} TagList */
