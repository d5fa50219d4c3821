// @ts-check
// The Tagger on a static book page, where no kernel runs. The `{tagger}` directive
// (src/medialit/web/sphinxext.py) writes a mount element and the exercise as JSON; this script,
// one classic script with everything a page needs (so it works opened from disk as well as
// served), mounts a Tagger on each, with Check and the key writer answering in the browser.

import { keyNeeds } from "../authoring/key_needs.js";
import { exerciseYaml, keyYaml } from "../authoring/keyfile.js";
import { check } from "../core/check.js";
import { makeHandin } from "../core/handin.js";
import { includedMessage, needsMessages, renderer } from "../core/messages.js";
import { earlierKey, keepName, NAME } from "../tagger/answer_store.js";
import { renderWithAuthorTools as render } from "../tagger/author_tools.js";
import { mountAnswers } from "./answers.js";
import { offerKept } from "./kept.js";
import { chosenLevel } from "./level.js";
import { keepNamesInStep } from "./names_in_step.js";
import { unpackExercise } from "./page_data.js";
import { addSkipToTagger } from "./skip_link.js";
import { StaticModel } from "./static_model.js";

export { StaticModel, check, render, unpackExercise };

/** @typedef {import("../core/types.js").Tag} Tag */

/**
 * Run the JavaScript checker on the tags this page shows and put the Report on the model.
 * @param {StaticModel} model
 */
export function runCheck(model) {
  const exercise = model.get("exercise");
  const names = new Set(exercise.labels.map((/** @type {{name: string}} */ l) => l.name));
  const tags = /** @type {Tag[]} */ (model.get("tags") || []).filter((t) => names.has(t.label));
  const handin = makeHandin(exercise, tags, { student: model.get("student") || "" });
  try {
    model.set("report", check(exercise, handin, { difficulty: model.get("difficulty") }));
  } catch (err) {
    model.emit("msg:custom", {
      type: "status",
      message: `Check could not run: ${err instanceof Error ? err.message : err}`,
    });
  }
}

/**
 * Write the exercise file for the key and distractors made in author mode and hand it back to the
 * widget to download. With the page's copy of exercise.yml (author-mode pages carry it) that is
 * the whole file, everything but the key and distractors as it was, with the items this Tagger
 * does not show (other labels or lines) kept; without it, the key and distractors to paste.
 * @param {StaticModel} model
 * @param {Tag[]} tags
 * @param {import("../core/types.js").Distractor[]} distractors
 */
export function writeExercise(model, tags, distractors) {
  try {
    const exercise = model.get("exercise");
    const cps = Array.from(exercise.article.text);
    const { source, included = [], hidden = { key: [], distractors: [] } } = model.get("authoring") || {};
    const allTags = [...tags, ...hidden.key];
    const allTraps = [...distractors, ...hidden.distractors];
    const whole = typeof source === "string";
    const text = whole
      ? exerciseYaml(source, exercise, allTags, cps, allTraps, included)
      : keyYaml(exercise, allTags, cps, allTraps, included);
    const drafts = allTags.filter((t) => t.draft && !included.includes(t.id)).length;
    const file = whole ? "exercise.yml" : `${exercise.id}-key.yml`;
    // what the author is told with it: how many of the items shown live in `include:` files, and which
    // items still need a value validate asks for, one a line (widget.py's words for Jupyter's save)
    const labels = exercise.all_labels || exercise.labels;
    const words = renderer(labels, "teacher");
    const elsewhere = tags.filter((t) => included.includes(t.id)).length;
    const [needs = "", ...lines] = needsMessages(keyNeeds(tags, labels, exercise.article.tokens)).map((m) =>
      words.render(m),
    );
    const said = [elsewhere ? words.render(includedMessage(elsewhere)) : "", needs].filter(Boolean).join(" ");
    model.emit("msg:custom", { type: "exercise-yaml", text, file, count: allTags.length, drafts, said, lines });
  } catch (err) {
    model.emit("msg:custom", {
      type: "status",
      message: `The exercise file could not be written: ${err instanceof Error ? err.message : err}`,
    });
  }
}

/**
 * What a kernel would do with the widget's messages.
 * @param {any} message
 * @param {StaticModel} model
 */
export function answer(message, model) {
  if (message?.type === "check") return runCheck(model);
  if (message?.type === "exercise-yaml") return writeExercise(model, message.tags || [], message.distractors || []);
  return undefined;
}

/**
 * Say in the mount, in words a student understands, why the Tagger did not start.
 * @param {HTMLElement} el
 * @param {string} why
 */
function fail(el, why) {
  el.dataset.state = "failed";
  const p = document.createElement("p");
  p.className = "medialit-tagger-failed";
  p.setAttribute("role", "alert");
  p.textContent = `The tagger could not start: ${why}`;
  el.replaceChildren(p);
}

/**
 * Say above a Tagger that a teacher's link set its level.
 * @param {HTMLElement} el
 * @param {string} level
 * @param {string} chapterLevel
 */
function showLevel(el, level, chapterLevel) {
  const note = document.createElement("p");
  note.className = "medialit-level-note";
  note.append("Your teacher's link set this Tagger to ");
  note.append(Object.assign(document.createElement("strong"), { textContent: level }));
  note.append(` (the chapter's own level is ${chapterLevel}).`);
  el.before(note);
}

/**
 * Under the Tagger's name box, the student's own names that a loaded hand-in replaced, kept as the
 * written answers are (answer_store.js), each with a way back (kept.js).
 * @param {HTMLElement} el the Tagger's mount
 * @param {StaticModel} model
 */
function offerEarlierNames(el, model) {
  const input = /** @type {HTMLInputElement | null} */ (el.querySelector(".mt-student"));
  if (!input) return; // author mode: a key has no name
  const exercise = model.get("exercise");
  const kept = document.createElement("span");
  kept.className = "medialit-answer-kept";
  el.querySelector(".mt-namesaved")?.after(kept); // under the name and its "✓ Saved"
  const draw = offerKept(exercise, {
    id: NAME,
    kept,
    earlier: "Earlier name: ",
    get: () => model.get("student") || "",
    putBack(text) {
      keepName(exercise, model.get("student") || "", text);
      input.value = text;
      input.dispatchEvent(new Event("change")); // the Tagger saves it as if typed
      return input;
    },
  });
  const key = earlierKey(exercise.id, exercise.article.sha256);
  model.on("change:student", draw);
  window.addEventListener("storage", (e) => {
    if (e.key === key) draw();
  });
}

/**
 * Mount one Tagger on `el`; its settings and exercise are in the JSON script named by
 * data-config. Returns the model and the clean-up, or null when it is mounted already or failed.
 * @param {HTMLElement} el
 */
export function mount(el) {
  if (el.dataset.state) return null;
  /** @type {any} */
  let config;
  try {
    config = JSON.parse(document.getElementById(el.dataset.config || "")?.textContent || "");
    config.exercise = unpackExercise(config.exercise);
  } catch {
    fail(el, "the exercise in this page is missing or damaged. Tell your teacher: the book needs to be built again.");
    return null;
  }
  const mode = config.mode || "student";
  const chapterLevel = config.difficulty || config.exercise.difficulty;
  const level = mode === "student" ? chosenLevel() : null;
  const model = new StaticModel(
    {
      exercise: config.exercise,
      labels: config.labels || [],
      difficulty: level || chapterLevel,
      mode,
      authoring: config.authoring || null,
    },
    answer,
  );
  if (level && level !== chapterLevel) showLevel(el, level, chapterLevel);
  try {
    el.replaceChildren();
    const cleanup = render({ model, el });
    offerEarlierNames(el, model);
    el.dataset.state = "ready";
    return { model, cleanup, el };
  } catch (err) {
    fail(
      el,
      `something went wrong while it was being set up (${err instanceof Error ? err.message : err}). ` +
        "Reload the page; if this message comes back, open the page in an up-to-date browser or tell your teacher.",
    );
    return null;
  }
}

/**
 * Mount every Tagger on the page that is not mounted yet, their name boxes kept in step (names_in_step.js).
 * @param {ParentNode} [root]
 */
export function mountAll(root = document) {
  const mounted = [.../** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-medialit-tagger]"))]
    .map(mount)
    .filter((m) => m !== null);
  const nameBox = (/** @type {HTMLElement} */ el) =>
    /** @type {HTMLInputElement | null} */ (el.querySelector("input.mt-student"));
  keepNamesInStep(mounted.map(({ model, el }) => ({ model, input: nameBox(el) })));
  return mounted;
}

/** Start everything the page has: its Taggers (and a skip link to the first) and its written answers. */
function start() {
  mountAll();
  addSkipToTagger();
  mountAnswers();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
