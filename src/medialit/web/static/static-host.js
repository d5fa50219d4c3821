// Static-page host for the Tagger: a tiny stand-in for the anywidget model (get/set/on/off/
// save_changes/send) so tagger.js runs on a book page with no kernel. Check runs check.js in the
// browser; author mode's key file comes from author.js. Mount points are emitted by the `{tagger}`
// Sphinx directive (medialit/sphinxext.py).
import tagger, { makeHandin } from "./tagger.js";

/**
 * The model API tagger.js uses, kept in memory (tagger.js itself autosaves to localStorage).
 * Messages from the widget (Check, the key file) are answered here, as a kernel would.
 */
export class StaticModel {
  constructor(state, onMessage = answer) {
    this.state = { tags: [], labels: [], difficulty: "standard", mode: "student", report: {}, student: "", ...state };
    this.handlers = new Map();
    this.onMessage = onMessage;
  }
  get(name) { return this.state[name]; }
  set(name, value) {
    const old = this.state[name];
    this.state[name] = value;
    if (old !== value) this.emit(`change:${name}`, value);
  }
  save_changes() {}
  on(event, fn) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(fn);
  }
  off(event, fn) {
    if (fn) this.handlers.get(event)?.delete(fn); else this.handlers.delete(event);
  }
  emit(event, ...args) {
    for (const fn of [...(this.handlers.get(event) || [])]) fn(...args);
  }
  send(message) { return this.onMessage(message, this); }
}

/** Run the JavaScript checker on the tags this page shows and put the Report on the model. */
export async function runCheck(model) {
  const status = (message) => model.emit("msg:custom", { type: "status", message });
  let checker;
  try {
    checker = await import("./check.js");
  } catch (err) {
    status("Check is not available on this page yet. Download your hand-in and check it in a notebook.");
    return;
  }
  const exercise = model.get("exercise");
  const names = new Set(exercise.labels.map((l) => l.name));
  const handin = makeHandin(exercise, (model.get("tags") || []).filter((t) => names.has(t.label)),
    { student: model.get("student") || "" });
  try {
    model.set("report", checker.check(exercise, handin, { difficulty: model.get("difficulty") }));
  } catch (err) {
    status(`Check could not run: ${err && err.message ? err.message : err}`);
  }
}

/** Write the key file of the tags made in author mode (author.js) and hand it back to the widget. */
export async function writeKey(model, tags) {
  try {
    const { keyYaml } = await import("./author.js");
    const exercise = model.get("exercise");
    const text = keyYaml(exercise, tags, Array.from(exercise.article.text));
    model.emit("msg:custom", { type: "key-yaml", text, count: tags.length });
  } catch (err) {
    model.emit("msg:custom", { type: "status", message: `The key file could not be written: ${err?.message || err}` });
  }
}

function answer(message, model) {
  if (message?.type === "check") return runCheck(model);
  if (message?.type === "key-yaml") return writeKey(model, message.tags || []);
  return undefined;
}

/** Mount one tagger on `el`; its settings and exercise are in the JSON script named by data-config. */
export function mount(el) {
  if (el.dataset.mounted) return null;
  el.dataset.mounted = "1";
  const source = document.getElementById(el.dataset.config);
  let config;
  try {
    config = JSON.parse(source.textContent);
  } catch (err) {
    el.textContent = "This tagger could not start: its exercise data is missing or broken. Rebuild the book.";
    return null;
  }
  const model = new StaticModel({
    exercise: config.exercise, labels: config.labels || [], difficulty: config.difficulty || config.exercise.difficulty,
    mode: config.mode || "student",
  });
  el.replaceChildren();
  const cleanup = tagger.render({ model, el });
  return { model, cleanup };
}

/** Mount every tagger on the page that is not mounted yet. */
export function mountAll(root = document) {
  return [...root.querySelectorAll("[data-medialit-tagger]")].map(mount).filter(Boolean);
}
