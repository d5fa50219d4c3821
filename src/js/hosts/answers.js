// @ts-check
// Written answers on a book page (src/medialit/web/answers.py writes the boxes): each box is saved in
// this browser, per exercise like the tags, as the hand-in's `answers` object; a box shows what was
// saved when the page opens, and follows another tab. The Tagger's Download puts the answers in the
// hand-in (savedAnswers); a Download after the questions (answers.py) makes one too. `{recall}` shows an
// earlier answer on a later page. Saving is off the critical path and flushed when the page goes away.
// An answer of the student's own that a loaded hand-in replaced (answer_store.js keeps it) shows under
// its box (kept.js), with a button that puts it back, until the box holds those words again or the
// student lets it go. A saved answer that fails the hand-in's checks is never dropped (left_out.js).

import { HANDIN_FORMAT, isId } from "../core/handin.js";
import {
  answersKey,
  earlierIds,
  earlierKey,
  letGo,
  NAME,
  readSaved,
  replaceAnswers,
  store,
} from "../tagger/answer_store.js";
import { downloadedWords, handinFileName, saveFile } from "../tagger/files.js";
import { askedByABook } from "./books_asked.js";
import { offerKept } from "./kept.js";
import {
  leftOut,
  leftOutNote,
  UNASKED,
  UNASKED_WORDS,
  UNNAMED,
  UNREADABLE,
  unnamedNote,
  unnamedWords,
  wordsOf,
} from "./left_out.js";

/** @typedef {import("../core/handin.js").Answer} Answer */
/** @typedef {import("../core/handin.js").AnswerProblem} AnswerProblem */
/**
 * The page's answers: the exercise they go with, and every question id the book has for it (answers.py).
 * @typedef {{exercise: string, sha256: string, questions?: string[]}} AnswersConfig
 */

/** How long typing must pause before the answers are saved (at once when the page is hidden). */
export const QUIET_MS = 600;
const SAVED = "Saved in this browser.";
const NOT_SAVED = "Not saved: this browser does not let the page save. Copy your answer somewhere safe.";
const KEPT = "Earlier in this box: ";
const KEPT_CHOICE = "Chosen earlier: ";

/**
 * One form field that holds an answer: a text box, or a group of radio buttons (the chosen one's
 * `data-answer-text` or label is the answer).
 * @param {HTMLElement} el
 */
function fieldOf(el) {
  const radios = /** @type {HTMLInputElement[]} */ ([...el.querySelectorAll("input[type=radio]")]);
  const labelOf = (/** @type {HTMLInputElement} */ r) =>
    (r.dataset.answerText || r.labels?.[0]?.textContent || r.value).replace(/\s+/g, " ").trim();
  const box = /** @type {HTMLTextAreaElement | HTMLInputElement} */ (el);
  /** A copy of the answer as text, which prints in full where a box would cut it off. */
  const printed = document.createElement("span");
  printed.className = "medialit-answer-print";
  /** The earlier answers kept for this question that the box does not hold, each with a way back. */
  const kept = document.createElement("span");
  kept.className = "medialit-answer-kept";
  kept.hidden = true;
  const id = /** @type {string} */ (el.dataset.medialitAnswer);
  /** What was wrong with the answer saved for it, when the page left it out (left_out.js). */
  const note = document.createElement("span");
  note.className = "medialit-answer-left-out";
  note.id = `answer-${id}-left-out`;
  note.hidden = true;
  // under the box's "Saved in this browser.", which is about the box
  (document.querySelector(`.medialit-answer-status[data-for="${CSS.escape(id)}"]`) || el).after(note, kept);
  if (!radios.length && el.tagName === "TEXTAREA") el.after(printed);
  const question =
    el.dataset.question ||
    (radios.length ? el.querySelector("legend")?.textContent : box.labels?.[0]?.textContent) ||
    el.dataset.medialitAnswer ||
    "";
  return {
    id,
    el,
    kept,
    /** @param {string} text what to say under the box about its saved answer ("": nothing) */
    tell(text) {
      note.textContent = text;
      note.hidden = !text;
      if (text) el.setAttribute("aria-describedby", note.id);
      else el.removeAttribute("aria-describedby");
    },
    /** How an earlier answer kept for it is introduced. */
    earlier: radios.length ? KEPT_CHOICE : KEPT,
    question: question.replace(/\s+/g, " ").trim(),
    get() {
      const chosen = radios.find((r) => r.checked);
      return radios.length ? (chosen ? labelOf(chosen) : "") : box.value;
    },
    /** @param {string} text */
    set(text) {
      if (radios.length) for (const r of radios) r.checked = text !== "" && labelOf(r) === text;
      else box.value = text;
      printed.textContent = radios.length ? "" : text;
    },
    /** Keep the printed copy in step with the box. */
    mirror: () => {
      printed.textContent = radios.length ? "" : box.value;
    },
    /** True while the student is in this field. */
    focused: () => el.contains(document.activeElement),
  };
}

/**
 * Start the written answers of a page: restore, save, follow other tabs, show earlier answers.
 * @param {Document} [doc]
 */
export function mountAnswers(doc = document) {
  /** @type {AnswersConfig | null} */
  let config = null;
  try {
    config = JSON.parse(doc.getElementById("medialit-answers")?.textContent || "null");
  } catch {
    config = null;
  }
  if (!config) return null;
  const key = answersKey(config.exercise, config.sha256);
  const exercise = { id: config.exercise, article: { sha256: config.sha256 } };
  const fields = [.../** @type {NodeListOf<HTMLElement>} */ (doc.querySelectorAll("[data-medialit-answer]"))].map(
    fieldOf,
  );
  const recalls = [.../** @type {NodeListOf<HTMLElement>} */ (doc.querySelectorAll("[data-medialit-recall]"))];
  /** Whether one of the book's pages asks the question of this id, or another book's that uses the exercise. */
  const asked = askedByABook(doc, key, config.questions);
  /** @type {Map<string, Answer>} changes not saved yet */
  const pending = new Map();
  let quiet = 0;

  /**
   * Say under a box whether its answer is saved. "Not saved" is an alert, which a screen reader reads out;
   * "Saved" is for the eyes only, as it comes back after every pause in typing.
   * @param {string} id @param {string} text
   */
  const status = (id, text) => {
    for (const s of doc.querySelectorAll(`.medialit-answer-status[data-for="${CSS.escape(id)}"]`)) {
      if (text === NOT_SAVED) s.setAttribute("role", "alert");
      else s.removeAttribute("role");
      s.textContent = text;
    }
  };

  /** @param {Record<string, Answer>} answers */
  function showRecalls(answers) {
    for (const el of recalls) {
      const answer = answers[el.dataset.medialitRecall || ""];
      const where = el.dataset.where || "an earlier chapter";
      const text = doc.createElement("span");
      text.className = "medialit-recall-text";
      const link = doc.createElement("a");
      link.href = el.dataset.href || "#";
      link.textContent = where;
      if (answer?.text.trim()) {
        const said = doc.createElement("q");
        said.textContent = answer.text;
        text.append("What you wrote in ", link, ": ", said);
      } else {
        text.append("You have not written this answer in ", link, " yet (in this browser).");
      }
      el.replaceChildren(text);
    }
  }

  /**
   * Under each box, the earlier answers kept for its question (replaceAnswers) that it does not hold now,
   * each with a way back (kept.js): putting one back puts the box's words on the list, so none are lost.
   */
  const drawKept = fields.map((field) =>
    offerKept(exercise, {
      ...field,
      putBack(text) {
        flush();
        field.tell("");
        const done = replaceAnswers(exercise, { [field.id]: { question: field.question, text } }, {});
        if (!done) status(field.id, NOT_SAVED);
        // the box, or in a group of choices the one chosen now
        return /** @type {HTMLElement} */ (field.el.querySelector("input:checked") || field.el);
      },
    }),
  );
  const showEarlier = () => {
    for (const draw of drawKept) draw();
    showUnnamed();
  };

  /** Put `note` above the page's questions: before their list, not inside its first question. */
  const aboveQuestions = (/** @type {HTMLElement} */ note) => {
    const first = fields[0].el;
    (first.closest("ol, ul") || first.closest("p") || first).before(note);
  };

  /**
   * A note above the questions of every page of the exercise with the words of saved answers no box can show,
   * whose names `shows` picks (takeInLeftOut keeps them on the list of earlier words, under those names), until
   * the student lets them go: `heading` says what they are and what to do, and each has Don't need it (kept.js),
   * after the words `intro` gives for its name. Returns the function that draws it again.
   * @param {string} className
   * @param {string} heading
   * @param {(id: string) => boolean} shows
   * @param {(id: string) => string} intro
   */
  function wordsNoBoxShows(className, heading, shows, intro) {
    const note = doc.createElement("div");
    note.className = `medialit-answer-left-out ${className}`;
    note.hidden = true;
    note.append(Object.assign(doc.createElement("span"), { textContent: heading }));
    /** @type {Map<string, () => void>} each name's draw */
    const draws = new Map();
    return () => {
      for (const id of earlierIds(earlierKey(exercise.id, exercise.article.sha256))) {
        if (!shows(id) || draws.has(id)) continue;
        const kept = doc.createElement("span");
        kept.className = "medialit-answer-kept";
        note.append(kept);
        draws.set(id, offerKept(exercise, { id, kept, earlier: intro(id), get: () => "" }));
      }
      for (const draw of draws.values()) draw();
      note.hidden = !note.querySelector(".medialit-answer-kept:not([hidden])");
      if (!note.hidden && !note.isConnected) aboveQuestions(note);
    };
  }
  /** Words saved under a name that is no question's, or a question's no page asks. */
  const notes = [
    wordsNoBoxShows("medialit-answers-unnamed", UNNAMED, (id) => !isId(id) && id !== NAME, unnamedWords),
    wordsNoBoxShows(
      "medialit-answers-unasked",
      UNASKED,
      (id) => isId(id) && !asked(id),
      () => UNASKED_WORDS,
    ),
  ];
  function showUnnamed() {
    if (fields.length) for (const draw of notes) draw();
  }

  /** Write the pending answers into the saved ones now. */
  function flush() {
    clearTimeout(quiet);
    if (!pending.size) return;
    const saved = readSaved(key);
    try {
      const answers = { ...saved.answers, ...Object.fromEntries(pending) };
      for (const [id, a] of pending) if (!a.text.trim()) delete answers[id];
      const storage = store();
      if (!storage) throw new Error("no storage");
      // the answers left out stay as they are, for the page with their box (left_out.js)
      storage.setItem(key, JSON.stringify({ ...saved.rest, ...answers }));
      for (const id of pending.keys()) status(id, SAVED);
      for (const field of fields) if (pending.has(field.id)) field.tell("");
      pending.clear();
      showRecalls(answers);
      showEarlier();
    } catch {
      for (const id of pending.keys()) status(id, NOT_SAVED);
    }
  }

  const first = readSaved(key);
  for (const field of fields) {
    const answer = first.answers[field.id];
    if (answer) {
      field.set(answer.text);
      status(field.id, SAVED);
    }
    const changed = (/** @type {Event} */ event) => {
      // a group of radio buttons hears only its own buttons, not the text boxes inside it
      if (event.target instanceof HTMLInputElement && event.target !== field.el && event.target.type !== "radio")
        return;
      field.mirror();
      pending.set(field.id, { question: field.question, text: field.get() });
      status(field.id, "");
      clearTimeout(quiet);
      quiet = Number(setTimeout(flush, QUIET_MS));
    };
    field.el.addEventListener("input", changed);
    field.el.addEventListener("change", changed);
    field.el.addEventListener("focusout", flush);
  }
  takeInLeftOut(first);
  showRecalls(first.answers);
  showEarlier();

  /**
   * The saved answers of this page's boxes that fail the checks: each box says what was wrong and offers
   * the answer's words back (an answer only too long is in its box cut to fit, as Load brings it); once
   * their words are kept, the save holds them no more. The words of an answer no box can show (its name is
   * no question's) are kept under that name, which every page of the exercise shows above its questions
   * (showUnnamed), as are those of an answer whose question none of the book's pages asks; a save that cannot
   * be read at all is told of there. Another page's answers wait in the save for that page. The save as it was
   * is kept aside whole first.
   * @param {{answers: Record<string, Answer>, raw: string | null, bad: boolean}} saved
   */
  function takeInLeftOut(saved) {
    const unasked = Object.keys(saved.answers).filter((id) => !asked(id));
    if ((!saved.bad && !unasked.length) || saved.raw === null || !fields.length) return;
    const { problems, entries, readable } = leftOut(saved.raw);
    // those no box of any page can take in are taken in by the first page with questions
    const mine = problems.filter(
      (p) => p.code === "answer-bad-id" || !asked(p.id) || fields.some((f) => f.id === p.id),
    );
    if (readable && !mine.length && !unasked.length) return;
    const answers = { ...entries, ...saved.answers };
    /** @type {string[]} what the page says above its first box */
    const told = readable ? [] : [UNREADABLE];
    let keptAll = true;
    try {
      const storage = store();
      if (!storage) throw new Error("no storage");
      storage.setItem(`${key}:set-aside:${Date.now()}`, saved.raw);
      /**
       * Keep the words of an answer no box can show under its name, to show on every page of the exercise
       * (showUnnamed); not under NAME, where the student's name keeps its earlier words: an answer so named is
       * told of this once, with its words (and the question they answer, if that is known), as when nothing can
       * be kept.
       * @param {string} id @param {AnswerProblem | null} problem @param {string} words @param {string} [question]
       */
      const keepUnnamed = (id, problem, words, question) => {
        delete answers[id];
        const listed = !!words.trim() && id !== NAME && letGo(exercise, id, words, true);
        keptAll &&= listed || !words.trim();
        if (!listed && words.trim()) told.push(unnamedNote(id, problem, words, question));
      };
      for (const id of unasked) keepUnnamed(id, null, saved.answers[id].text, saved.answers[id].question);
      for (const problem of mine) {
        const field = fields.find((f) => f.id === problem.id);
        const words = wordsOf(entries[problem.id]);
        if (!field) {
          keepUnnamed(problem.id, problem, words);
          continue;
        }
        delete answers[problem.id];
        const kept = !!words.trim() && letGo(exercise, problem.id, words, true);
        keptAll &&= kept || !words.trim();
        field.tell(leftOutNote(problem, kept));
        if (problem.cut) {
          answers[problem.id] = problem.cut;
          field.set(problem.cut.text);
        }
      }
      if (keptAll) storage.setItem(key, JSON.stringify(answers));
    } catch {
      // nothing can be saved in this browser: the save stays as it is, and each box says so when written in
      return;
    }
    if (!told.length) return;
    const note = doc.createElement("span");
    note.className = "medialit-answer-left-out medialit-answers-left-out"; // about the page's answers
    for (const words of told) note.append(Object.assign(doc.createElement("span"), { textContent: words }));
    aboveQuestions(note);
  }

  const onStorage = (/** @type {StorageEvent} */ e) => {
    if (e.key !== key && e.key !== earlierKey(config.exercise, config.sha256)) return;
    const answers = readSaved(key).answers;
    for (const field of fields) {
      if (!field.focused() && !pending.has(field.id)) field.set(answers[field.id]?.text || "");
    }
    showRecalls(answers);
    showEarlier();
  };
  const onHide = () => flush();
  const onVisibility = () => {
    if (doc.visibilityState === "hidden") flush();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener("pagehide", onHide);
  doc.addEventListener("visibilitychange", onVisibility);
  offerDownload(doc, /** @type {AnswersConfig} */ (config), flush);
  return {
    flush,
    close() {
      flush();
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("pagehide", onHide);
      doc.removeEventListener("visibilitychange", onVisibility);
    },
  };
}

/**
 * The Download button after the questions. On a page with a Tagger it is that Tagger's Download (its tags as
 * they are this moment, not as last saved); elsewhere it writes the hand-in as the Tagger saved it in this
 * browser (its tags and the student's name, as they are). Both with the written answers. Beside the button,
 * where the student is, words say it is done (`told`).
 * @param {Document} doc
 * @param {AnswersConfig} config
 * @param {() => void} flush
 */
function offerDownload(doc, config, flush) {
  const button = /** @type {HTMLButtonElement | null} */ (doc.querySelector("[data-medialit-download]"));
  if (!button) return;
  const tagger = button.dataset.medialitDownload ? doc.getElementById(button.dataset.medialitDownload) : null;
  const told = doneWords(doc, button, tagger);
  /** @type {HTMLElement} */ (button.parentElement).hidden = false;
  button.addEventListener("click", () => {
    flush();
    const own = /** @type {HTMLButtonElement | null | undefined} */ (tagger?.querySelector(".mt-download"));
    if (own) {
      own.click();
      told.copy(/** @type {HTMLElement | null} */ (tagger?.querySelector(".mt-notice") || null));
      return;
    }
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    /** @type {Record<string, any>} */
    let tagged = {};
    try {
      const saved = JSON.parse(store()?.getItem(`medialit:${config.exercise}:${config.sha256}`) || "{}");
      if (saved && saved.format === HANDIN_FORMAT && Array.isArray(saved.tags)) tagged = saved;
    } catch {
      tagged = {};
    }
    const handin = {
      format: HANDIN_FORMAT,
      exercise: config.exercise,
      article_sha256: config.sha256,
      student: typeof tagged.student === "string" ? tagged.student : "",
      created: typeof tagged.created === "string" && tagged.created ? tagged.created : now,
      updated: now,
      tags: tagged.tags || [],
      answers: readSaved(answersKey(config.exercise, config.sha256)).answers,
    };
    saveFile(
      doc.body,
      handinFileName(config.exercise, handin.student),
      `${JSON.stringify(handin, null, 1)}\n`,
      "application/json",
    );
    told.say(downloadedWords(handin));
  });
}

/**
 * The words beside the Download after the questions that say the hand-in is downloaded: the Tagger's own
 * (copied from its notice, which is far up the page) on its page, or the page's own elsewhere. A screen reader
 * hears them once: on a Tagger's page from the Tagger's status line (these are for the eyes), elsewhere from
 * here. They go when an answer is written after (that answer is not in the file), or the Tagger's notice changes.
 * @param {Document} doc
 * @param {HTMLButtonElement} button
 * @param {HTMLElement | null} tagger
 */
function doneWords(doc, button, tagger) {
  const done = doc.createElement("span");
  done.className = "medialit-answers-downloaded";
  if (tagger) done.setAttribute("aria-hidden", "true");
  else done.setAttribute("role", "status");
  button.after(" ", done);
  const clear = () => done.replaceChildren();
  doc.addEventListener("input", (e) => {
    if (e.target instanceof Element && e.target.closest("[data-medialit-answer]")) clear();
  });
  /** @type {MutationObserver | null} */
  let following = null;
  return {
    /** @param {string} words said anew (a new node: a status line whose words stay the same is not read out) */
    say: (words) => done.replaceChildren(words),
    /** @param {HTMLElement | null} notice the Tagger's, whose words are copied while it shows them */
    copy(notice) {
      if (!notice || notice.hidden) return clear();
      done.replaceChildren(notice.textContent || "");
      following ||= new MutationObserver(() => {
        if (notice.hidden || notice.textContent !== done.textContent) clear();
      });
      following.observe(notice, { childList: true, characterData: true, subtree: true, attributes: true });
    },
  };
}
