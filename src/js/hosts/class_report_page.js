// @ts-check
// The book's class-report page: a teacher drops (or picks) the class's hand-in files and gets the
// class picture, in this browser, with nothing sent anywhere. The files are read, checked and
// tallied by the same JavaScript as the Tagger's Check, in a Web Worker started from text in this
// script (a page opened from disk may not start one from a file); where no worker can start, the
// page does the work itself, one file at a time, so that it stays responsive. The `{class-report}`
// directive (src/medialit/web/class_report_page.py) writes the mount and the exercises and chapters.

import { inFolderOrder, summarize } from "../classroom/class_summary.js";
import { reportView } from "../classroom/report_view.js";
import { notText, RosterRefused, readRoster, rosterCount, rosterText } from "../classroom/roster.js";
import { andList, csvText, heat, leftOutMessage, TABLES } from "../classroom/tables.js";
import { WORKER_SOURCE } from "../classroom/worker_source.js";
import { button, h } from "../tagger/dom.js";
import { counted, renderer } from "../core/messages.js";
import { saveFile } from "../tagger/files.js";
import { notReadArgs } from "../core/handin.js";
import { unpackExercise } from "./page_data.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../classroom/class_summary.js").Measure} Measure */
/**
 * A file as the page got it, or a file or folder (its name ending with "/") it could not open, with why.
 * @typedef {{name: string, file: File | null, unopened?: {moved: true} | {reason: string}, partly?: boolean}} PickedFile
 */
/**
 * The page's data: every exercise a chapter's Tagger uses, and the chapters.
 * @typedef {{exercises: any[], chapters: {name: string, title: string, taggers: {exercise: string,
 *   labels: string[], lines: number[] | null, difficulty: string | null}[]}[]}} PageConfig
 */

const CSV = "text/csv;charset=utf-8";
const REPORT_ON_KEY = "medialit:class-report:report-on";

/**
 * A value this browser keeps for the page, or null (none, or storage is blocked).
 * @param {string} key
 */
function remembered(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Keep a value for the page in this browser; nothing happens where storage is blocked.
 * @param {string} key
 * @param {string} value
 */
function remember(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // private windows and some school set-ups refuse storage: the page just starts from its default
  }
}
const BOM = "\uFEFF"; // so that a spreadsheet opens the file as UTF-8

/** What the page tells tests and the bench: how the work ran, and the last summary. */
const status = /** @type {{mode: string, summary: any, reports: number, error: string}} */ ({
  mode: "",
  summary: null,
  reports: 0,
  error: "",
});

/**
 * A worker started from this script's own copy of its code, or null when this browser will not.
 * @returns {Worker | null}
 */
function startWorker() {
  if (typeof Worker === "undefined" || !WORKER_SOURCE) return null;
  try {
    return new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" })));
  } catch {
    return null;
  }
}

/** A pause that lets the page draw and answer clicks between two files (when there is no worker). */
const pause = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });

/**
 * The files under a dropped folder (FileSystem entries), with their paths; a folder or file the browser may
 * not open is kept as such, to be listed with why and what to do, and the rest is read (as medialit report).
 * @param {any} entry
 * @param {string} path
 * @returns {Promise<PickedFile[]>}
 */
async function filesUnder(entry, path) {
  if (entry.isFile) {
    try {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      return [{ name: path, file: /** @type {File} */ (file) }];
    } catch (error) {
      return [{ name: path, file: null, unopened: notReadArgs(error) }];
    }
  }
  const reader = entry.createReader();
  /** @type {any[]} */
  const children = [];
  /** @type {PickedFile[]} */
  const unopened = [];
  try {
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      children.push(...batch);
    }
  } catch (error) {
    // the reading broke off: after some of the folder's entries, what was listed is read and the folder is told as
    // read in part; before the first, nothing in it was read and it is told as not opened (a folder Chromium may not
    // open fails so, at its first listing), as medialit report tells a folder that listed nothing (handin_files)
    unopened.push({ name: `${path}/`, file: null, unopened: notReadArgs(error), partly: children.length > 0 });
  }
  const found = await Promise.all(children.map((child) => filesUnder(child, `${path}/${child.name}`)));
  return [...unopened, ...found.flat()];
}

/**
 * What was dropped: files by name; a single folder's files by their paths below it.
 * @param {DataTransfer} data
 * @returns {Promise<PickedFile[]>}
 */
async function dropped(data) {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...data.files].map((file) => ({ name: file.name, file }));
  if (entries.length === 1 && entries[0]?.isDirectory) {
    const inside = await filesUnder(entries[0], entries[0].name);
    // the folder's own name, when it is the folder that could not be opened
    return inside.map((f) => ({ ...f, name: f.name.split("/").slice(1).join("/") || f.name }));
  }
  return (await Promise.all(entries.map((entry) => filesUnder(entry, /** @type {any} */ (entry).name)))).flat();
}

/**
 * The files chosen in a file input (a folder's by their paths below it).
 * @param {HTMLInputElement} input
 * @returns {PickedFile[]}
 */
function chosen(input) {
  return [...(input.files || [])].map((file) => ({
    name: file.webkitRelativePath ? file.webkitRelativePath.split("/").slice(1).join("/") : file.name,
    file,
  }));
}

/**
 * The labels a report on the whole exercise names (tables.keyedLabels): those its key has items of.
 * An exercise without labels of its own has all four, and its key may have no cues.
 * @param {Exercise} exercise
 */
function keyedNames(exercise) {
  const keyed = new Set(exercise.key.map((k) => k.label));
  const names = exercise.labels.map((l) => l.name).filter((name) => keyed.has(name));
  return names.length ? names : exercise.labels.map((l) => l.name);
}

/**
 * Label names in words: `claims, sources and loaded words`.
 * @param {Exercise} exercise
 * @param {string[]} names
 */
const pluralsOf = (exercise, names) =>
  andList(names.map((name) => exercise.labels.find((l) => l.name === name)?.plural || name));

/**
 * What a choice counts, in words that wrap under the list (an option's own text cannot wrap, so it
 * stays short: the chapter's title, or "The whole text" under its exercise's heading).
 * @param {Exercise} exercise
 * @param {string[]} labels the chapter's labels ([] for all the key has)
 * @param {number[] | null} lines
 */
function choiceWords(exercise, labels, lines) {
  const where = lines ? `lines ${lines[0]}–${lines[1]}` : "the whole text";
  const counted = pluralsOf(exercise, labels.length ? labels : keyedNames(exercise));
  // the exercise's id too: a hand-in for another exercise is listed under Problems by that id
  return `Counts ${counted} in ${where} of “${exercise.title}” (exercise ${exercise.id}).`;
}

/**
 * Set up the class report in `root` from the page's data.
 * @param {HTMLElement} root
 */
export function mountClassReport(root) {
  /** @type {PageConfig} */
  let config;
  /** @type {Map<string, Exercise>} */
  const exercises = new Map();
  try {
    config = JSON.parse(document.getElementById(root.dataset.config || "")?.textContent || "");
    for (const data of config.exercises) {
      const exercise = unpackExercise(data);
      exercises.set(exercise.id, exercise);
    }
  } catch {
    root.replaceChildren(
      h("p.mcr-failed", { role: "alert" }, "The class report cannot start: this page's data is missing or damaged."),
    );
    return null;
  }
  /** @type {Map<string, {exercise: string, measure: Measure, words: string}>} */
  const choices = new Map();
  const select = /** @type {HTMLSelectElement} */ (
    h("select", { id: "mcr-chapter", "aria-describedby": "mcr-choice" })
  );
  for (const exercise of exercises.values()) {
    const group = h("optgroup", { label: exercise.title });
    const whole = `${exercise.id}|`;
    choices.set(whole, {
      exercise: exercise.id,
      measure: { labels: [], lines: null, chapter: null },
      words: choiceWords(exercise, [], null),
    });
    group.append(h("option", { value: whole, text: "The whole text" }));
    for (const chapter of config.chapters) {
      for (const tagger of chapter.taggers.filter((t) => t.exercise === exercise.id)) {
        const value = `${exercise.id}|${chapter.name}`;
        choices.set(value, {
          exercise: exercise.id,
          measure: {
            labels: tagger.labels,
            lines: tagger.lines,
            difficulty: tagger.difficulty || undefined,
            chapter: { name: chapter.name, title: chapter.title },
          },
          words: choiceWords(exercise, tagger.labels, tagger.lines),
        });
        group.append(h("option", { value, text: chapter.title }));
      }
    }
    select.append(group);
  }
  // the teacher's last choice, so that the chapter they teach is chosen when they come back
  const lastChoice = remembered(REPORT_ON_KEY);
  if (lastChoice && choices.has(lastChoice)) select.value = lastChoice;
  const choice = h("p.mcr-choice", { id: "mcr-choice" });
  const describeChoice = () => {
    choice.textContent = choices.get(select.value)?.words || "";
  };
  describeChoice();

  const filesInput = /** @type {HTMLInputElement} */ (
    h("input", { type: "file", id: "mcr-files", multiple: true, accept: ".json,application/json" })
  );
  const folderInput = /** @type {HTMLInputElement} */ (
    h("input", { type: "file", id: "mcr-folder", multiple: true, webkitdirectory: true })
  );
  const rosterInput = /** @type {HTMLInputElement} */ (
    h("input", {
      type: "file",
      id: "mcr-roster",
      accept: ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain",
    })
  );
  const live = h("p.mcr-status", { role: "status", "aria-live": "polite" });
  const results = h("div.mcr-results", { hidden: true });
  const drop = h(
    "div.mcr-drop",
    {},
    h("p.mcr-drop-words", "Drop the students' hand-in files here, or a folder of them."),
    h("p.mcr-pick", {}, h("label", { for: "mcr-files", text: "Or choose the files: " }), filesInput),
    h("p.mcr-pick", {}, h("label", { for: "mcr-folder", text: "Or choose a folder: " }), folderInput),
  );
  root.replaceChildren(
    h(
      "div.mcr-setup",
      {},
      h("p", {}, h("label", { for: "mcr-chapter", text: "Report on " }), select),
      choice,
      drop,
      h(
        "p.mcr-pick",
        {},
        h("label", { for: "mcr-roster", text: "Roster (optional), a CSV file of pseudonym and student ID: " }),
        rosterInput,
      ),
      h(
        "p.mcr-privacy",
        "Everything stays in this browser: the files are read here and nothing is sent anywhere or saved.",
      ),
    ),
    live,
    results,
  );

  /** @type {PickedFile[]} */
  let files = [];
  /** @type {Map<string, string> | null} */
  let roster = null;
  /** @type {any} */
  let summary = null;
  let request = 0;
  let worker = startWorker();
  status.mode = worker ? "worker" : "page";
  root.dataset.mode = status.mode;
  /** @type {Map<number, (message: any) => void>} */
  const waiting = new Map();
  if (worker) {
    worker.onmessage = (event) => waiting.get(event.data.request)?.(event.data);
    worker.onerror = () => {
      // the worker could not run here: the page does the work itself from now on
      worker?.terminate();
      worker = null;
      status.mode = "page";
      root.dataset.mode = "page";
      for (const [id, answer] of waiting) answer({ type: "retry", request: id });
    };
    worker.postMessage({ type: "exercises", exercises: config.exercises });
  }

  /**
   * The summary of the files now chosen, by the worker or on the page.
   * @param {number} id
   * @param {{exercise: string, measure: Measure}} choice
   * @returns {Promise<any>}
   */
  function summarizeFiles(id, choice) {
    const progress = (/** @type {number} */ done, /** @type {number} */ total) => {
      if (id === request) live.textContent = `Read ${done} of ${total} files…`;
    };
    const onPage = () =>
      summarize(/** @type {Exercise} */ (exercises.get(choice.exercise)), files, choice.measure, { pause, progress });
    if (!worker) return onPage();
    return new Promise((resolve, reject) => {
      waiting.set(id, (message) => {
        if (message.type === "progress") progress(message.done, message.total);
        else {
          waiting.delete(id);
          if (message.type === "summary") resolve(message.summary);
          else if (message.type === "retry") resolve(onPage());
          else reject(new Error(message.message));
        }
      });
      worker?.postMessage({
        type: "report",
        request: id,
        exercise: choice.exercise,
        files,
        measure: choice.measure,
      });
    });
  }

  function show() {
    const choice = /** @type {{exercise: string}} */ (choices.get(select.value));
    const exercise = /** @type {Exercise} */ (exercises.get(choice.exercise));
    results.replaceChildren(reportView(summary, exercise, { roster, downloads: downloads(exercise) }));
    results.hidden = false;
  }

  async function run() {
    const id = ++request;
    const choice = choices.get(select.value);
    if (!choice || !files.length) return;
    performance.mark("mcr-start");
    live.textContent = `Reading ${counted(files.filter((f) => !f.name.endsWith("/")).length, "file")}…`;
    try {
      const got = await summarizeFiles(id, choice);
      if (id !== request) return; // a newer request replaced this one
      summary = got;
      status.summary = got;
      show();
      status.reports += 1;
      performance.mark("mcr-rendered");
      // the report's first line says why nothing could be used: the status line only says where to look
      live.textContent = got.students.length
        ? `Report ready: ${counted(got.students.length, "student's hand-in", "students' hand-ins")} used, ` +
          `${renderer([], "teacher").render(leftOutMessage(got.skipped))}. It is below.`
        : "Report ready: it is below, with why no hand-in could be used and what to do.";
    } catch (err) {
      status.error = err instanceof Error ? err.message : String(err);
      live.textContent = `The report could not be made: ${status.error}. Reload the page and try again.`;
    }
  }

  /** @param {PickedFile[]} picked */
  function useFiles(picked) {
    files = inFolderOrder(picked); // hidden files (.DS_Store) are left out, as medialit report leaves them
    if (!files.length) {
      request += 1; // a report still being made is of other files
      summary = null;
      results.hidden = true;
      live.textContent =
        `Nothing to report yet: there are no files ${picked.length ? "but hidden ones " : ""}there. ` +
        "Choose the students' .json hand-in files, or the folder that holds them.";
      return;
    }
    run();
  }

  /**
   * The download buttons for the report on show, under a heading of their own: the report puts them after its
   * first sentences (before them, on a phone, seven buttons filled most of the first screen).
   * @param {Exercise} exercise
   */
  function downloads(exercise) {
    const plurals = Object.fromEntries(exercise.labels.map((l) => [l.name, l.plural || `${l.noun}s`]));
    const base = `${summary.exercise}-${summary.chapter ? summary.chapter.name : "whole"}`;
    /** @type {[string, string, () => string][]} */
    const tables = [
      [
        "Gradebook (CSV)",
        "gradebook.csv",
        () => csvText(TABLES["gradebook.csv"](summary, plurals, roster || undefined)),
      ],
      ["Key items (CSV)", "items.csv", () => csvText(TABLES["items.csv"](summary))],
      ["Misconceptions per student (CSV)", "misconceptions.csv", () => csvText(TABLES["misconceptions.csv"](summary))],
      ["Written answers and notes (CSV)", "answers.csv", () => csvText(TABLES["answers.csv"](summary))],
      ["Problems with files (CSV)", "problems.csv", () => csvText(TABLES["problems.csv"](summary))],
      ["Each word's count (CSV)", "heat.csv", () => csvText(heat(summary, exercise))],
    ];
    // with no hand-in used, only the list of files left out has anything in it
    const used = summary.students.length > 0;
    const buttons = h(
      "div.mcr-downloads",
      {},
      ...tables
        .filter(([, name]) => used || name === "problems.csv")
        .map(([text, name, make]) =>
          button("mcr-download", text, () => saveFile(root, `${base}-${name}`, BOM + make(), CSV), {
            "data-file": name,
          }),
        ),
      used ? printButton() : null,
    );
    return h(
      "section.mcr-section.mcr-save",
      { "aria-labelledby": "mcr-downloads-title" },
      h("h3", { id: "mcr-downloads-title", text: "Downloads" }),
      buttons,
    );
  }

  /** The button that prints the heat map alone. */
  function printButton() {
    return button("mcr-download", "Print the heat map", () => {
      document.body.classList.add("mcr-print-heat");
      const done = () => {
        document.body.classList.remove("mcr-print-heat");
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    });
  }

  select.addEventListener("change", () => {
    remember(REPORT_ON_KEY, select.value);
    describeChoice();
    run();
  });
  filesInput.addEventListener("change", () => useFiles(chosen(filesInput)));
  folderInput.addEventListener("change", () => useFiles(chosen(folderInput)));
  rosterInput.addEventListener("change", async () => {
    const file = rosterInput.files?.[0];
    if (!file) return;
    const bytes = await file.arrayBuffer();
    const text = rosterText(bytes);
    const refuse = (/** @type {string} */ words) => {
      live.textContent = `The roster ${file.name} could not be used: ${words}`;
    };
    if (text === null) {
      const why = notText(bytes);
      return refuse(`${why.place ? `${why.place}: ` : ""}${why.problem} Fix: ${why.fix}`);
    }
    let read;
    try {
      read = readRoster(text);
    } catch (err) {
      if (!(err instanceof RosterRefused)) throw err;
      return refuse(`${err.place}: ${err.problem} Fix: ${err.fix}`);
    }
    roster = read.roster;
    live.textContent =
      `${rosterCount(roster.size)} It stays in this browser.` +
      (read.problems.length ? ` ${read.problems.join(" ")}` : "");
    if (summary) show();
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("mcr-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("mcr-over"));
  drop.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("mcr-over");
    if (event.dataTransfer) useFiles(await dropped(event.dataTransfer));
  });
  root.dataset.state = "ready";
  return { run, status };
}

if (typeof document !== "undefined") {
  /** @type {any} */ (window).medialitClassReport = status;
  const start = () => {
    for (const el of document.querySelectorAll("[data-medialit-class-report]")) {
      if (!(/** @type {HTMLElement} */ (el).dataset.state)) mountClassReport(/** @type {HTMLElement} */ (el));
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
