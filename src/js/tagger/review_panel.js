// @ts-check
// Author mode's review of a drafted key. Every draft item is listed with the reason it was
// suggested and how sure the suggestion was, to accept (it loses `draft`), edit or reject (it
// goes) one by one: keys a, e and r, and n / p or the arrows for the next and previous draft (a
// touch screen has the buttons only, and its words name no keys); a draft being edited has a button
// back to the review, as Escape is from the keys. The distractors are edited,
// added and accepted here too, each edit a step that Undo takes back. The save action writes exercise.yml:
// in Jupyter the kernel saves into the file; on a book page the host gives the whole file to
// download, draft flags kept, so unreviewed items stay drafts. Key items without the kind, identity or
// technique validate asks for are listed under the drafts, marked on a draft, and named when the file is
// downloaded: the author goes on working, and sees what Check cannot judge yet. A review kept over a
// file it could not be compared with offers the file's key instead (key_start.js).

import { missingAttribute } from "../authoring/key_needs.js";
import { wholeWords } from "../authoring/whole_words.js";
import { counted, number } from "../core/messages.js";
import { quoted, selectionToSpan } from "../core/spans.js";
import { button, h, setText } from "./dom.js";
import { saveFile } from "./files.js";
import { takeSetAside } from "./key_start.js";
import { revealTogether } from "./reveal_together.js";
import { removeTag } from "./tags.js";

/** @typedef {import("../core/types.js").Tag} Tag */
/** @typedef {import("../core/types.js").Distractor} Distractor */
/** @typedef {import("../core/types.js").Model} Model */
/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */
/** @typedef {import("./actions.js").Actions} Actions */
/** @typedef {import("./selection.js").Selection} Selection */
/** @typedef {import("./tag_list.js").TagList} TagList */
/** @typedef {import("./tag_index.js").TagIndex} TagIndex */

/**
 * A tag once its draft is accepted: the draft flag, reason and confidence go, the rest stays.
 * @param {Tag} t
 * @returns {Tag}
 */
export function accepted(t) {
  const { draft, reason, confidence, ...rest } = t;
  return rest;
}

/**
 * The draft to show after `id` leaves the list: the next one, or the one before at the end.
 * @param {string[]} ids the drafts in reading order, `id` among them
 * @param {string} id
 */
export function nextAfter(ids, id) {
  const at = ids.indexOf(id);
  return ids[at + 1] ?? ids[at - 1] ?? null;
}

/**
 * What author mode's Download says, on a book page and in Jupyter alike: the file, how many key items it
 * holds and how many of them are still drafts to review, each count agreeing with its noun, then what the
 * host adds (`said`: the items in `include:` files, the items still needing a value).
 * @param {{file: string, count: number, drafts: number, said?: string}} download
 */
export function downloadedWords({ file, count, drafts, said }) {
  const items = count ? `${counted(count, "key item")}, ${draftsAmong(count, drafts)}` : "no key items";
  return `Downloaded ${file}: ${items}.${said ? ` ${said}` : ""}`;
}

/**
 * How many of `count` key items are still drafts: "none of them a draft", "2 of them still drafts", "all still
 * drafts"; of one item, "not a draft" or "still a draft".
 * @param {number} count
 * @param {number} drafts
 */
function draftsAmong(count, drafts) {
  if (count === 1) return drafts ? "still a draft" : "not a draft";
  if (!drafts) return "none of them a draft";
  if (drafts === count) return "all still drafts";
  return `${number(drafts)} of them still ${drafts === 1 ? "a draft" : "drafts"}`;
}

/**
 * The distractors an author starts from: those of the exercise, or those saved in this browser.
 * @param {import("../core/types.js").Exercise} exercise
 * @param {Storage | null} store
 * @param {string} storeKey
 * @returns {Distractor[]}
 */
function startingTraps(exercise, store, storeKey) {
  try {
    const saved = JSON.parse(store?.getItem(storeKey) || "null");
    if (Array.isArray(saved)) return saved;
  } catch {
    // a damaged save is left for the exercise's own distractors
  }
  return (exercise.distractors || []).map((d) => ({
    id: d.id,
    start: d.start,
    end: d.end,
    quote: d.quote,
    labels: [...(d.labels || [])],
    why: d.why || "",
    draft: !!d.draft,
  }));
}

/**
 * The review panel and the save button of author mode.
 * @param {TaggerContext} ctx
 * @param {Actions} actions
 * @param {Selection} sel
 * @param {TagList} list
 * @param {{model: Model, onModel: (event: string, handler: (...args: any[]) => void) => void,
 *   root: () => HTMLElement}} host
 */
export function createReviewPanel(ctx, actions, sel, list, { model, onModel, root }) {
  const { exercise, uid } = ctx;
  const authoring = model.get("authoring") || {};
  const intoFile = authoring.saves === "file";
  /** @type {Storage | null} */
  let store = null;
  try {
    store = globalThis.localStorage || null;
  } catch {
    store = null; // storage switched off: the distractors live as long as the page
  }
  const storeKey = `medialit-author-distractors:${exercise.id}:${exercise.article.sha256}`;
  // the distractors live in the tag state, so that Undo and Redo take their edits back with the tags'
  ctx.state.distractors = startingTraps(exercise, store, storeKey);
  const traps = () => ctx.state.distractors || [];

  /** @type {string | null} */
  let current = null;
  /** @type {string | null} the draft whose fields are open in the tag list */
  let editing = null;
  /** @type {string | null} the draft to go to once an accepted or rejected one has left the list */
  let pending = null;
  /** @type {string[]} */
  let draftIds = [];
  /** @type {Set<string> | null} the drafts when the review began (the key arrives after the panel is made) */
  let firstDrafts = null;
  /** @type {Map<string, HTMLElement>} */
  const items = new Map();

  const keysId = `${uid}-review-keys`;
  const count = h("p.mt-rv-count");
  const drafts = h("ul", {
    class: "mt-rv-list",
    tabindex: "0",
    "aria-label": "Drafts to review",
    "aria-describedby": keysId,
  });
  const none = h("p.mt-empty", "No drafts left: every key item is reviewed.");
  const needTitle = h("p.mt-rv-needtitle");
  const needList = h("ul.mt-rv-needs");
  const needBox = h("div.mt-rv-needbox", {}, needTitle, needList);
  // the file's key, where this browser's review was kept over it unseen (key_start.js): one button takes it
  /** @type {Tag[] | null} */
  let setAside = null;
  const keptBox = h(
    "p.mt-rv-kept",
    {},
    "The key here is the review saved in this browser, not the exercise file's key. ",
    button("mt-rv-usefile", "Use the exercise file's key instead", () => useFileKey()),
  );
  keptBox.hidden = true;
  const trapList = h("ul.mt-rv-traps");
  const trapTitle = h("summary");
  const element = h(
    "section",
    { class: "mt-review", "aria-labelledby": `${uid}-review-title` },
    h("p.mt-side-title", { id: `${uid}-review-title` }, "Review the drafts"),
    keptBox,
    count,
    h(
      "p.mt-rv-keys",
      { id: keysId },
      ctx.pointerWords(
        "Tap a draft to show its words in the text, then Accept, Edit or Reject it.",
        "In this list: A accept, E edit, R reject, N or ↓ next, P or ↑ previous, Enter shows it in the text.",
      ),
    ),
    drafts,
    none,
    needBox,
    h(
      "details.mt-rv-trapbox",
      {},
      trapTitle,
      h("p.mt-rv-keys", "Neutral words students often tag by mistake, each with the reason shown to them."),
      trapList,
      button("mt-rv-addtrap", "Add the selected words as a distractor", addTrap),
    ),
  );
  const saveButton = button(
    "mt-rv-save mt-primary",
    intoFile ? "Save into exercise.yml" : "Download exercise.yml",
    save,
    {
      title: intoFile
        ? "Write the key and distractors into the exercise file (comments and order kept)"
        : "Download the whole exercise file with this key; unreviewed items stay drafts",
    },
  );

  const tagOf = (/** @type {string} */ id) => ctx.state.get(id);
  // what takes back a draft rejected or a distractor removed: the Undo button, and its keys where there are keys
  const undoBrings = ` Undo${ctx.keyWords(" (Ctrl+Z)")} brings it back.`;
  const describe = (/** @type {Tag} */ t) => `${ctx.titleOf(t.label)} ${quoted(t.quote, 60)}, line ${lineOf(t)}`;
  const lineOf = (/** @type {{start: number}} */ t) => {
    const r = ctx.index().ranges.get(/** @type {any} */ (t).id);
    return r ? ctx.tokens[r.first].line : ctx.tokens.find((k) => k.end > t.start)?.line || "";
  };

  /** The attribute validate asks of `t` that it does not give (key_needs.js), or "". */
  const needOf = (/** @type {Tag} */ t) => missingAttribute(t, ctx.labelByName.get(t.label));
  /** What a key item without it still needs, in the author's words: "no technique yet". */
  const needWords = (/** @type {string} */ name) =>
    `no ${name} yet, so Check cannot tell students whether the ${name} they chose is right`;

  /**
   * One draft's entry: what it is, why it was suggested, how sure, and the three actions.
   * @param {Tag} t
   */
  function makeItem(t) {
    const confidence = typeof t.confidence === "number" ? t.confidence : null;
    const need = needOf(t);
    const li = h(
      "li",
      { class: "mt-rv-item", "data-id": t.id },
      h(
        "p.mt-rv-what",
        {},
        h("span", { class: `mt-badge mt-badge-${t.label}`, text: ctx.titleOf(t.label) }),
        ` ${quoted(t.quote, 70)}`,
        h("span.mt-line", ` L${lineOf(t)}`),
      ),
      h("p.mt-rv-reason", t.reason ? `Suggested because: ${t.reason}.` : "Marked draft in the exercise file."),
      need ? h("p.mt-rv-need", `⚠ It has ${needWords(need)}: Edit to choose one.`) : null,
      confidence === null
        ? null
        : h(
            "p.mt-rv-conf",
            {},
            `Confidence ${confidence.toFixed(2)} `,
            h(
              "span.mt-rv-bar",
              { "aria-hidden": "true" },
              h("span", { style: `width: ${Math.round(confidence * 100)}%` }),
            ),
          ),
      h(
        "p.mt-rv-acts",
        {},
        button("mt-rv-accept", `Accept${ctx.keyWords(" (A)")}`, null, { tabindex: "-1", "data-act": "accept" }),
        button("mt-rv-edit", `Edit${ctx.keyWords(" (E)")}`, null, { tabindex: "-1", "data-act": "edit" }),
        button("mt-rv-reject", `Reject${ctx.keyWords(" (R)")}`, null, { tabindex: "-1", "data-act": "reject" }),
      ),
    );
    /** @type {any} */ (li).tag = t;
    return li;
  }

  /** Mark draft `id` as the one under review in this list. */
  function mark(/** @type {string | null} */ id) {
    const before = current ? items.get(current) : null;
    before?.classList.remove("mt-rv-current");
    before?.removeAttribute("aria-current");
    current = id;
    const li = id ? items.get(id) : null;
    li?.classList.add("mt-rv-current");
    li?.setAttribute("aria-current", "true");
    return li;
  }

  /** Move the review to draft `id`: mark it, select its words in the text, say what it is. */
  function goTo(/** @type {string | null} */ id, speak = true) {
    const li = mark(id);
    const t = id ? tagOf(id) : null;
    if (!li || !t || !id) return;
    const r = ctx.index().ranges.get(id);
    if (r) {
      sel.anchor = r.last;
      sel.caret = r.first;
      sel.draw();
      // the words and the draft's buttons on the screen at once
      revealTogether(ctx.view.tokenElement(r.first), li, ctx.view.stuckBar());
    } else li.scrollIntoView?.({ block: "nearest" });
    if (speak) ctx.say(`Draft ${draftIds.indexOf(id) + 1} of ${draftIds.length}: ${details(t)}`);
  }

  /** A draft in words: what, where, why suggested, how sure, and what it still needs. */
  function details(/** @type {Tag} */ t) {
    const sure = typeof t.confidence === "number" ? ` Confidence ${t.confidence.toFixed(2)}.` : "";
    const need = needOf(t) ? ` It has no ${needOf(t)} yet.` : "";
    return `${describe(t)}.${t.reason ? ` Suggested because: ${t.reason}.` : ""}${sure}${need}`;
  }

  /**
   * The key items without the attribute validate asks for, each with a button to its fields; the drafts
   * among them are marked in their own entries too.
   * @param {Tag[]} tags the visible key items
   */
  function drawNeeds(tags) {
    const needing = tags.filter((t) => needOf(t));
    needBox.hidden = !needing.length;
    if (!needing.length) return needList.replaceChildren();
    const names = [...new Set(needing.map(needOf))].join(" or ");
    setText(
      needTitle,
      `To choose: ${counted(needing.length, "key item")} with no ${names} (validate lists ${needing.length === 1 ? "it" : "them"} too).`,
    );
    needList.replaceChildren(
      ...needing.map((t) =>
        h(
          "li",
          { class: "mt-rv-need-item", "data-id": t.id },
          h("span", { class: `mt-badge mt-badge-${t.label}`, text: ctx.titleOf(t.label) }),
          ` ${quoted(t.quote, 50)}`,
          h("span.mt-line", ` L${lineOf(t)}`),
          `: no ${needOf(t)} yet. `,
          button("mt-rv-choose", `Choose its ${needOf(t)}`, () => chooseNeed(t.id)),
        ),
      ),
    );
  }

  /** Open the fields of key item `id` at the attribute it still needs. */
  function chooseNeed(/** @type {string} */ id) {
    const t = tagOf(id);
    if (!t || !list.edit(id)) return;
    const need = needOf(t);
    /** @type {HTMLElement | null} */ (
      list.element.querySelector(`.mt-entry[data-id="${CSS.escape(id)}"] .mt-attr-${need}`)
    )?.focus();
    ctx.say(`Editing ${describe(t)}: it has ${needWords(need)}.`);
  }

  /** The file's key in place of the review kept over it: a step Undo takes back. */
  function useFileKey() {
    if (!setAside) return;
    ctx.commit(
      setAside,
      "Started again from the exercise file's key, in place of the review saved in this browser.",
      null,
      ` Undo${ctx.keyWords(" (Ctrl+Z)")} brings the review back.`,
    );
    setAside = null;
    keptBox.hidden = true;
  }

  /** After `id` leaves the drafts: the next one becomes current, and the message says which. */
  function leave(/** @type {string} */ id) {
    const next = nextAfter(draftIds, id);
    const t = next ? tagOf(next) : null;
    pending = next;
    const left = draftIds.length - 1;
    return ` ${left} draft${left === 1 ? "" : "s"} left.${t ? ` Next: ${details(t)}` : ""}`;
  }

  /** The draft under review, counting one that a key pressed before the list was redrawn already moved to. */
  const under = () => pending ?? current;

  /** @param {1 | -1} step */
  function move(step) {
    const ids = draftIds.filter((id) => tagOf(id)?.draft); // not one accepted or rejected since the last redraw
    if (!ids.length) return ctx.say("No drafts left to review.");
    const from = under();
    const at = from ? ids.indexOf(from) : -1;
    const to = Math.min(ids.length - 1, Math.max(0, at + step));
    if (to === at) return ctx.say(step > 0 ? "That was the last draft." : "This is the first draft.");
    if (pending) pending = ids[to]; // the list is redrawn next frame: go there once it is
    goTo(ids[to]);
  }

  function accept(/** @type {string} */ id) {
    const t = tagOf(id);
    if (!t) return;
    const rest = leave(id);
    ctx.commit(
      ctx.state.tags.map((x) => (x.id === id ? accepted(x) : x)),
      `Accepted ${describe(t)}.`,
      null,
      rest,
    );
  }

  function reject(/** @type {string} */ id) {
    const t = tagOf(id);
    if (!t) return;
    const rest = leave(id);
    ctx.commit(
      removeTag(ctx.state.tags, id),
      `Rejected ${describe(t)}: it leaves the key.`,
      null,
      `${undoBrings}${rest}`,
    );
  }

  function edit(/** @type {string} */ id) {
    const t = tagOf(id);
    if (!t || !list.edit(id)) return;
    editing = id;
    list.element.querySelector(`.mt-entry[data-id="${CSS.escape(id)}"] .mt-details`)?.append(backToReview);
    ctx.say(
      `Editing ${describe(t)}. To come back to the review, use “Back to the review”${ctx.keyWords(" or press Escape")}.`,
    );
  }

  /** From the fields of the draft being edited, back to the review at that draft (Escape, or the button). */
  function comeBack() {
    const back = editing;
    editing = null;
    backToReview.remove();
    drafts.focus();
    if (back && items.has(back)) goTo(back);
  }
  // below the fields of the draft being edited: the way back a touch screen and the mouse take (the review
  // is above the tag list, on a phone as beside the article)
  const backToReview = button("mt-rv-back", "↑ Back to the review", comeBack);

  /** @param {string} act @param {string} id */
  function run(act, id) {
    if (act === "accept") accept(id);
    else if (act === "reject") reject(id);
    else if (act === "edit") edit(id);
  }

  ctx.listen(drafts, "click", (e) => {
    const target = /** @type {Element} */ (e.target);
    const li = /** @type {HTMLElement | null} */ (target.closest(".mt-rv-item"));
    if (!li?.dataset.id) return;
    const act = /** @type {HTMLElement | null} */ (target.closest("[data-act]"))?.dataset.act;
    goTo(li.dataset.id, !act);
    if (act) run(act, li.dataset.id);
  });
  ctx.listen(drafts, "keydown", (event) => {
    const e = /** @type {KeyboardEvent} */ (event);
    if (e.target !== drafts || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key.toLowerCase();
    /** @type {Record<string, () => void>} */
    const keys = {
      n: () => move(1),
      arrowdown: () => move(1),
      p: () => move(-1),
      arrowup: () => move(-1),
      home: () => goTo(draftIds[0] || null),
      end: () => goTo(draftIds[draftIds.length - 1] || null),
      enter: () => current && actions.jumpTo(current),
      a: () => accept(/** @type {string} */ (under())),
      e: () => edit(/** @type {string} */ (under())),
      r: () => reject(/** @type {string} */ (under())),
    };
    if (!keys[k]) return;
    e.preventDefault();
    if (!under() && "aer".includes(k)) goTo(draftIds[0] || null);
    else keys[k]();
  });
  // Tab into the list lands on the first draft; a press does not (its focus comes first, and moving to
  // draft 1 then scrolled the list under the finger or pointer: the press picked another draft)
  ctx.listen(drafts, "focus", () => {
    if (!current && draftIds.length && drafts.matches(":focus-visible")) goTo(draftIds[0]);
  });
  // Escape in a draft's fields in the tag list comes back to the review
  ctx.listen(list.element, "keydown", (event) => {
    if (/** @type {KeyboardEvent} */ (event).key === "Escape" && editing) comeBack();
  });

  // ---- distractors: each change is a step of the Tagger's undo history, said as a key item's are
  const saveTraps = () => {
    try {
      store?.setItem(storeKey, JSON.stringify(traps()));
    } catch {
      ctx.notify("The distractors could not be saved in this browser: download the exercise file to keep them.");
    }
  };
  // saved in this browser whenever they change; drawn again when Undo or Redo brings back others (a change
  // made in the list is on the screen already, or draws the list itself)
  /** @type {Distractor[] | null} */
  let savedTraps = ctx.state.distractors;
  ctx.state.onChange((source) => {
    if (ctx.state.distractors === savedTraps) return;
    savedTraps = ctx.state.distractors;
    saveTraps();
    if (source === "history") drawTraps();
  });
  /** How a distractor is named in what the panel says: its words and line. */
  const trapName = (/** @type {Distractor} */ d) => `the distractor ${quoted(d.quote, 60)} in L${lineOf(d)}`;
  /**
   * An undoable change of the distractors, described by `what` (said again by Undo and Redo), then `more`.
   * @param {Distractor[]} next
   * @param {string} what
   * @param {string} [more]
   * @param {string | null} [mergeKey] typing in one field: one step, not said
   */
  const changeTraps = (next, what, more = "", mergeKey = null) =>
    ctx.commit(ctx.state.tags, what, mergeKey, more, mergeKey !== null, next);
  /** @param {Distractor[]} next @param {string} what @param {string} [more] a change the list shows again */
  function setTraps(next, what, more = "") {
    changeTraps(next, what, more);
    drawTraps();
  }
  /** @param {string} id @param {Partial<Distractor>} patch the distractors with one of them changed */
  const patched = (id, patch) => traps().map((x) => (x.id === id ? { ...x, ...patch } : x));

  function addTrap() {
    const r = sel.range();
    const picked = r && selectionToSpan(ctx.tokens, r.first, r.last);
    if (!picked) return ctx.say("Select the words first, in the text, then add them as a distractor.");
    const span = wholeWords(ctx.tokens, ctx.chars, picked.start, picked.end); // as the exercise file takes them
    const quote = ctx.chars.slice(span.start, span.end).join("");
    if (traps().some((d) => d.start === span.start && d.end === span.end)) {
      return ctx.say(`${quoted(quote)} is a distractor already.`);
    }
    const n = Math.max(0, ...traps().map((d) => Number(/^d(\d+)$/.exec(d.id)?.[1] || 0))) + 1;
    const trap = {
      id: `d${n}`,
      start: span.start,
      end: span.end,
      quote,
      labels: ctx.labels.map((l) => l.name),
      why: "",
    };
    setTraps([...traps(), trap], `Added ${trapName(trap)}.`, " Write why students should leave it.");
    trapBox().open = true;
    /** @type {HTMLElement | null} */ (trapList.querySelector(`[data-id="${trap.id}"] textarea`))?.focus();
  }
  const trapBox = () => /** @type {HTMLDetailsElement} */ (element.querySelector(".mt-rv-trapbox"));

  /** @param {Distractor} d */
  function makeTrap(d) {
    const name = trapName(d);
    const why = /** @type {HTMLTextAreaElement} */ (
      h("textarea.mt-rv-why", { id: `${uid}-trap-${d.id}-why`, rows: "2" })
    );
    why.value = d.why;
    why.addEventListener("input", () =>
      changeTraps(patched(d.id, { why: why.value }), `Changed the explanation of ${name}.`, " Saved.", why.id),
    );
    /** @type {HTMLInputElement[]} */
    const boxes = [];
    const choices = ctx.labels.map((l) => {
      const box = /** @type {HTMLInputElement} */ (
        h("input", { type: "checkbox", value: l.name, id: `${uid}-trap-${d.id}-${l.name}` })
      );
      boxes.push(box);
      box.checked = d.labels.includes(l.name);
      box.addEventListener("change", () =>
        changeTraps(
          patched(d.id, { labels: boxes.filter((b) => b.checked).map((b) => b.value) }),
          box.checked
            ? `Made ${name} a trap for ${l.title} tags.`
            : `Made ${name} no longer a trap for ${l.title} tags.`,
          box.checked ? ` Students who tag it as ${l.title} see why not.` : " Saved.",
        ),
      );
      return h("label.mt-check-label", {}, box, ` ${l.title} `);
    });
    return h(
      "li",
      { class: "mt-rv-trap", "data-id": d.id },
      h("p.mt-rv-what", {}, quoted(d.quote, 60), h("span.mt-line", ` L${lineOf(d)}`), d.draft ? " · draft" : ""),
      h("fieldset.mt-links", {}, h("legend", "A trap for students who tag it as"), choices),
      h("label.mt-field", { for: why.id }, "Why it is not tagged (shown to students): "),
      why,
      h(
        "p.mt-rv-acts",
        {},
        d.draft
          ? button("mt-rv-accept", "Accept", () => setTraps(patched(d.id, { draft: false }), `Accepted ${name}.`))
          : null,
        button("mt-rv-reject", "Remove", () =>
          setTraps(
            traps().filter((x) => x.id !== d.id),
            `Removed ${name}.`,
            undoBrings,
          ),
        ),
      ),
    );
  }

  /** Draw the distractors; a field that had the focus keeps it (Ctrl+Z pressed on a tick box draws them again). */
  function drawTraps() {
    const focused = trapList.contains(document.activeElement) ? document.activeElement?.id : "";
    const all = traps();
    const open = all.filter((d) => d.draft).length;
    setText(trapTitle, `Distractors: ${all.length}${open ? ` (${open} to review)` : ""}`);
    trapList.replaceChildren(...[...all].sort((a, b) => a.start - b.start || b.end - a.end).map(makeTrap));
    if (focused) /** @type {HTMLElement | null} */ (trapList.querySelector(`#${CSS.escape(focused)}`))?.focus();
  }

  // ---- saving
  function save() {
    const tags = ctx.index().visible;
    const kept = traps().map((d) => ({ ...d }));
    if (intoFile) {
      ctx.say("Saving into exercise.yml…");
      model.send({ type: "save-key", tags, distractors: kept });
    } else model.send({ type: "exercise-yaml", tags, distractors: kept });
  }
  // the host's answer, in its words: how many of the items live in `include:` files, and a line for each
  // item still without a value validate asks for; not a warning: the file is written as it is
  onModel("msg:custom", (/** @type {any} */ message) => {
    const lines = Array.isArray(message?.lines) ? message.lines : [];
    const shown = { info: true, show: lines.length > 0, lines };
    // a save into the file (the kernel's) is shown as the notice it always was; a download, whose file the
    // browser shows, goes to the status line unless there is a list to read
    if (message?.type === "key-saved") return ctx.notify(message.message, shown);
    if (message?.type !== "exercise-yaml") return;
    saveFile(root(), message.file, message.text, "text/yaml");
    const done = downloadedWords(message);
    return lines.length ? ctx.notify(done, shown) : ctx.say(done);
  });

  drawTraps();

  return {
    element,
    saveButton,

    /**
     * Show the drafts of `index`, changing only the entries that changed.
     * @param {TagIndex} index
     */
    update(index) {
      setAside ??= takeSetAside(exercise);
      keptBox.hidden = !setAside;
      drawNeeds(index.visible);
      const now = index.visible.filter((t) => t.draft);
      draftIds = now.map((t) => t.id);
      const wanted = new Set(draftIds);
      for (const [id, li] of items) {
        if (!wanted.has(id)) {
          li.remove();
          items.delete(id);
        }
      }
      let at = drafts.firstElementChild;
      for (const t of now) {
        let li = items.get(t.id);
        if (li && /** @type {any} */ (li).tag !== t) {
          const fresh = makeItem(t);
          li.replaceWith(fresh);
          if (at === li) at = fresh;
          li = fresh;
          items.set(t.id, li);
        }
        if (!li) {
          li = makeItem(t);
          items.set(t.id, li);
        }
        if (li === at) at = at.nextElementSibling;
        else drafts.insertBefore(li, at);
      }
      firstDrafts ??= new Set(draftIds);
      const done = [...firstDrafts].filter((id) => !wanted.has(id));
      const gone = done.filter((id) => !index.byId.has(id)).length;
      setText(
        count,
        `${now.length} draft${now.length === 1 ? "" : "s"} left to review` +
          (done.length ? ` · ${done.length - gone} accepted, ${gone} rejected` : ""),
      );
      none.hidden = now.length > 0;
      drafts.hidden = !now.length;
      if (pending && wanted.has(pending)) {
        const next = pending;
        pending = null;
        goTo(next, false);
      } else mark(current && wanted.has(current) ? current : null);
    },
  };
}

/** @typedef {ReturnType<typeof createReviewPanel>} ReviewPanel */
