// @ts-check
// Saved work in this browser (localStorage), one save per exercise and article shared by every
// chapter page that shows it. Saving is off the critical path (an idle moment once changes pause)
// and never lost: it is flushed when the page is hidden or left and before a download. Work from
// another tab or chapter page on the same exercise is merged in by tag id, never overwritten. A
// save that cannot be read, or holds tags that cannot be restored, is set aside whole, not dropped.

import { copyTag, makeHandin, problemsText, readHandin } from "../core/handin.js";
import { savedText, store } from "./answer_store.js";
import { nextTagId, removeTag } from "./tags.js";
import { counted } from "../core/messages.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Exercise} Exercise */

/** How long changes must pause before the work is saved (it is saved at once when the page goes away). */
export const QUIET_MS = 800;

/**
 * The localStorage key of an exercise's saved work; author mode's key items are kept apart.
 * @param {Exercise} exercise
 * @param {string} [mode]
 */
export function storageKey(exercise, mode = "student") {
  return `medialit:${exercise.id}:${exercise.article.sha256}${mode === "author" ? ":author" : ""}`;
}

/**
 * A short fingerprint of a list of tags (FNV-1a over their JSON): enough to tell whether the tags a
 * Tagger checked are the tags it has now, without keeping a second copy of them.
 * @param {Tag[]} tags
 */
export function fingerprint(tags) {
  const text = JSON.stringify(tags.map(copyTag)); // one field order, as a restored save has it
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * @typedef {object} Merged
 * @property {Tag[]} tags my tags with theirs merged in
 * @property {(tags: Tag[]) => Tag[]} apply the same change for any other state of my tags (undo history)
 * @property {number} added how many of their tags are new here
 * @property {number} changed how many of my tags took their change
 * @property {number} removed how many tags they removed here
 * @property {string[]} conflicts ids both sides changed: mine were kept
 */

/**
 * Merge a save made elsewhere (`theirs`) into my tags, by tag id, against `base`: the tags as
 * they were when this page last saved or read the save (id to the tag's JSON). Their new and
 * changed tags come in, tags they removed go unless I changed them, a tag both sides changed
 * keeps my version; two different tags with the same id (made on both sides, or on other words than
 * mine) are both kept (mine gets a new id), and the same words tagged with the same label on both
 * sides become one tag.
 * @param {Tag[]} mine
 * @param {Tag[]} theirs
 * @param {Map<string, string>} base
 * @returns {Merged}
 */
export function mergeTags(mine, theirs, base) {
  const json = tagText;
  const mineById = new Map(mine.map((t) => [t.id, t]));
  const theirIds = new Set(theirs.map((t) => t.id));
  /** @type {Map<string, Tag>} their tags that come in, by id */
  const incoming = new Map();
  /** @type {Map<string, string>} my id to a new one: both tags are kept */
  const fresh = new Map();
  /** @type {Map<string, string>} my id to the id of their tag with the same words and label: mine goes */
  const sameAs = new Map();
  /** @type {Set<string>} */
  const removed = new Set();
  /** @type {string[]} */
  const conflicts = [];
  const taken = new Set([...mineById.keys(), ...theirIds]);
  for (const t of theirs) {
    const was = base.get(t.id);
    const text = json(t);
    if (was === text) continue; // they did not change it
    const own = mineById.get(t.id);
    const ownText = own && json(own);
    if (ownText === text) continue;
    // a tag's words never change, so the same id on other words is another tag: both tabs made one
    // with the first free id (a save read before the other tab's write had reached this one)
    if (own && (was === undefined || own.start !== t.start || own.end !== t.end)) {
      const id = nextTagId([...taken].map((x) => /** @type {Tag} */ ({ id: x })));
      taken.add(id);
      fresh.set(t.id, id);
      incoming.set(t.id, t);
    } else if (!own || ownText === was) incoming.set(t.id, t);
    else conflicts.push(t.id);
  }
  for (const [id, was] of base) {
    const own = mineById.get(id);
    if (!theirIds.has(id) && own && json(own) === was) removed.add(id);
  }
  for (const own of mine) {
    if (base.has(own.id) && !fresh.has(own.id)) continue; // only tags new here (or renamed) can be twins of theirs
    for (const t of incoming.values()) {
      if (t.id !== own.id && t.label === own.label && t.start === own.start && t.end === own.end)
        sameAs.set(own.id, t.id);
    }
    if (sameAs.has(own.id)) fresh.delete(own.id);
  }
  const rename = (/** @type {string} */ id) => sameAs.get(id) ?? fresh.get(id) ?? id;
  /** @param {Tag[]} tags */
  const apply = (tags) => {
    let out = tags;
    for (const id of removed) out = removeTag(out, id);
    out = out
      .filter((t) => !sameAs.has(t.id))
      .map((t) => {
        const id = fresh.get(t.id) ?? t.id;
        const links = [...new Set(t.source_ids.map(rename))];
        const same =
          id === t.id && links.length === t.source_ids.length && links.every((s, n) => s === t.source_ids[n]);
        return same ? t : { ...t, id, source_ids: links };
      });
    const at = new Map(out.map((t, n) => [t.id, n]));
    for (const [id, t] of incoming) {
      const n = at.get(id);
      if (n === undefined) out.push(t);
      else out[n] = t;
    }
    return out;
  };
  const nothing = !incoming.size && !removed.size && !sameAs.size && !fresh.size;
  const changed = [...incoming.keys()].filter((id) => mineById.has(id) && !fresh.has(id)).length;
  return {
    tags: nothing ? mine : apply(mine),
    apply: nothing ? (tags) => tags : apply,
    added: incoming.size - changed,
    changed,
    removed: removed.size,
    conflicts,
  };
}

/**
 * A tag as JSON in the hand-in's field order, to compare tags however they were made.
 * @param {Tag} t
 */
export const tagText = (t) => JSON.stringify(copyTag(t));

/**
 * True when two tag lists hold the same tags, in any order.
 * @param {Tag[]} a
 * @param {Tag[]} b
 */
export function sameTags(a, b) {
  if (a.length !== b.length) return false;
  const texts = new Map(a.map((t) => [t.id, tagText(t)]));
  return b.every((t) => texts.get(t.id) === tagText(t));
}

/**
 * @typedef {object} StorageHooks
 * @property {() => Tag[]} tags all tags now (hidden ones too)
 * @property {(tags: Tag[], apply: (tags: Tag[]) => Tag[]) => void} merged work from elsewhere came in
 * @property {() => string} student the name on the hand-in
 * @property {(name: string) => void} setStudent
 * @property {(message: string) => void} warn
 * @property {(message: string) => void} say
 */

/**
 * The saved work of one Tagger.
 * @param {Exercise} exercise
 * @param {string[]} chars the article's code points
 * @param {string} mode
 * @param {StorageHooks} hooks
 */
export function createStorage(exercise, chars, mode, hooks) {
  const key = storageKey(exercise, mode);
  /** @type {Map<string, string>} the save as this page last wrote or read it: id to tag JSON */
  let base = new Map();
  /** @type {string | null} the save's text as this page last wrote or read it */
  let lastText = null;
  let created = "";
  let dirty = false;
  let broken = false;
  let idle = 0;
  let quiet = 0;
  const hasIdle = typeof requestIdleCallback === "function";

  /** The browser did not let the page save (no storage, or a write refused): said once, however often it fails. */
  function cannotSave() {
    if (!broken)
      hooks.warn("This browser does not let the page save your work. Use Download hand-in before you leave.");
    broken = true;
  }

  /**
   * Keep a save that could not be used whole under another key; the key, or "" when even that failed.
   * @param {string} raw
   */
  function setAside(raw) {
    const aside = `${key}:set-aside:${Date.now()}`;
    try {
      store()?.setItem(aside, raw);
      return aside;
    } catch {
      return "";
    }
  }

  /**
   * Read a save; tags that cannot be restored make the whole save go aside first.
   * @param {string} raw
   * @param {string} what how to name it in a message
   * @returns {import("../core/handin.js").HandinRead | null}
   */
  function read(raw, what) {
    const got = readHandin(raw, exercise, chars);
    const copy = (/** @type {string} */ aside) =>
      aside ? "A copy of it is kept in this browser, so your teacher can still recover it." : "";
    if (!got.ok) {
      hooks.warn(
        `${what} could not be read, so this page starts with no tags. ${copy(setAside(raw))} ` +
          "If you downloaded a hand-in earlier, open it with Load hand-in.",
      );
      return null;
    }
    if (got.orphans.length) {
      hooks.warn(
        `Some of ${what.charAt(0).toLowerCase()}${what.slice(1)} could not be restored: ` +
          `${problemsText(got.orphans)} The other tags are back. ${copy(setAside(raw))}`,
      );
    }
    return got;
  }

  /** @param {Tag[]} tags */
  const remember = (tags) => {
    base = new Map(tags.map((t) => [t.id, tagText(t)]));
  };

  /**
   * Merge the save another page wrote into this page's tags.
   * @param {string} raw
   */
  function mergeFrom(raw) {
    lastText = raw;
    const got = read(raw, "The work saved in another tab");
    if (!got) return;
    const mine = hooks.tags();
    const merged = mergeTags(mine, got.tags, base);
    remember(got.tags);
    if (got.student && !hooks.student()) hooks.setStudent(got.student);
    if (merged.tags !== mine) {
      hooks.merged(merged.tags, merged.apply);
      hooks.say(
        `Your work on this exercise in another tab or chapter came in here: ${counted(merged.added, "tag")} added, ` +
          `${merged.changed} changed, ${merged.removed} removed.` +
          (merged.conflicts.length
            ? ` ${counted(merged.conflicts.length, "tag")} changed in both places ${merged.conflicts.length === 1 ? "keeps" : "keep"} the change made here.`
            : ""),
      );
    }
    if (!sameTags(hooks.tags(), got.tags)) schedule();
  }

  /** Write the save now if anything changed since the last one. */
  function flush() {
    clearTimeout(quiet);
    if (idle) {
      if (hasIdle) cancelIdleCallback(idle);
      else clearTimeout(idle);
      idle = 0;
    }
    if (!dirty) return;
    dirty = false;
    const storage = store();
    if (!storage) {
      cannotSave();
      return;
    }
    try {
      const stored = storage.getItem(key);
      if (stored !== null && stored !== lastText) mergeFrom(stored);
      dirty = false;
      const tags = hooks.tags();
      const doc = makeHandin(exercise, tags, { student: hooks.student(), created });
      created = doc.created;
      const text = JSON.stringify(doc);
      storage.setItem(key, text);
      lastText = text;
      remember(doc.tags);
    } catch {
      cannotSave();
    }
  }

  /**
   * Save once changes pause: QUIET_MS after the last one, at the next idle moment after that.
   * A burst of changes is one save; leaving the page saves at once (flush).
   */
  function schedule() {
    dirty = true;
    clearTimeout(quiet);
    quiet = Number(
      setTimeout(() => {
        if (idle) return;
        idle = hasIdle ? requestIdleCallback(flush, { timeout: 1000 }) : Number(setTimeout(flush, 0));
      }, QUIET_MS),
    );
  }

  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") flush();
  };
  /** @param {StorageEvent} e */
  const onStorage = (e) => {
    if (e.key === key && e.newValue !== null && e.newValue !== lastText) mergeFrom(e.newValue);
  };

  return {
    /**
     * Remember that the Tagger of `scope` (its labels and lines) checked `tags`, so that a reload
     * with the same tags shows the feedback again.
     * @param {string} scope
     * @param {Tag[]} tags
     */
    rememberCheck(scope, tags) {
      try {
        store()?.setItem(`${key}:checked:${scope}`, fingerprint(tags));
      } catch {
        // a full or blocked store: the feedback just does not come back after a reload
      }
    },

    /**
     * Whether the Tagger of `scope` last checked exactly `tags`.
     * @param {string} scope
     * @param {Tag[]} tags
     */
    checkedBefore(scope, tags) {
      return savedText(`${key}:checked:${scope}`) === fingerprint(tags);
    },

    /**
     * Restore the saved work at start: its tags, [] when it was set aside, null when there is none.
     * @returns {Tag[] | null}
     */
    restore() {
      const raw = savedText(key);
      if (raw === null) return null;
      lastText = raw;
      const got = read(raw, "The saved work in this browser");
      if (!got) return [];
      created = got.created;
      remember(got.tags);
      if (got.student && !hooks.student()) hooks.setStudent(got.student);
      if (got.orphans.length) schedule(); // the save on disk is set aside; write the good tags
      return got.tags;
    },

    schedule,
    flush,

    /** When the saved work was first made (ISO 8601), or "". */
    created: () => created,

    /** Start listening to the page going away and to other tabs. */
    listen() {
      window.addEventListener("pagehide", onHide);
      document.addEventListener("visibilitychange", onVisibility);
      window.addEventListener("storage", onStorage);
    },

    /** Save what is left and stop listening. */
    close() {
      flush();
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("storage", onStorage);
    },
  };
}
