// A student's written answers and name survive every order of Load hand-in, Undo, Redo, new tag edits,
// typing, reloads, "Put it back" and "Don't need it" (random sequences from a seed, and the sequences
// that once lost answers): each answer or name the student typed and did not let go is in its box or on
// its list of earlier words. Drives the Tagger's own load (files.js) and undo history (tag_state.js)
// over a stand-in for localStorage, on a book page and in Jupyter (whose notice speaks of no boxes).
import assert from "node:assert/strict";
import { test } from "node:test";

import { answersKey, keepName, letGo, NAME, replaceAnswers } from "../../src/js/tagger/answer_store.js";
import { listenToLoad } from "../../src/js/tagger/files.js";
import { TagState } from "../../src/js/tagger/tag_state.js";

/** localStorage as a page has it: strings under keys. */
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

globalThis.window = { localStorage: new MemoryStorage() };
globalThis.StorageEvent = class extends Event {
  constructor(type, init) {
    super(type);
    Object.assign(this, init);
  }
};
globalThis.dispatchEvent = () => true; // the page's answer boxes would hear it; here nobody listens

const EXERCISE = {
  id: "drill",
  title: "Drill",
  article: { text: "One two.", sha256: "a".repeat(64), tokens: [] },
  labels: [{ name: "claim", title: "Claim" }],
};
const KEY = answersKey(EXERCISE.id, EXERCISE.article.sha256);
const QUESTIONS = ["02-what", "03-why", "04-who"];
const EARLIER = "Your earlier answers are kept under their questions, to put back.";
const SAME = Symbol("the words the box holds");

/** The answers saved in this browser: question id to text. */
function saved() {
  const raw = window.localStorage.getItem(KEY);
  return Object.fromEntries(Object.entries(raw ? JSON.parse(raw) : {}).map(([id, a]) => [id, a.text]));
}

/** The earlier answers kept for each question. */
function earlier() {
  return JSON.parse(window.localStorage.getItem(`${KEY}:earlier`) || "{}");
}

/** The name on the hand-in, as the Tagger saves it in this browser (with the tags). */
const nameNow = () => window.localStorage.getItem("name") || "";

/**
 * One student on one page: the Tagger's load and undo history and its name box, and answer boxes that
 * save what is typed in them as the book page's boxes do. `reload()` starts the page again: the
 * history goes, the browser's saves stay. `book`: a book page, not Jupyter.
 */
class Page {
  constructor(book = true) {
    this.book = book;
    window.localStorage = new MemoryStorage();
    this.files = 0;
    /** @type {string[]} the notices the Tagger showed */
    this.notices = [];
    this.reload();
  }

  reload() {
    this.state = new TagState([]);
    const listeners = {};
    this.input = { files: [], value: "", addEventListener: (type, fn) => (listeners[type] = fn) };
    const ctx = {
      exercise: EXERCISE,
      chars: Array.from(EXERCISE.article.text),
      state: this.state,
      // a book page mounts its Taggers in [data-medialit-tagger] (book_page.js); Jupyter does not
      article: { closest: (selector) => (this.book && selector === "[data-medialit-tagger]" ? {} : null) },
      keyWords: (words) => words,
      notify: (message) => this.notices.push(message),
    };
    listenToLoad(ctx, this.input, nameNow, (name) => this.name(name));
    this.change = listeners.change;
  }

  /** The name box: the Tagger saves what is typed in it. */
  name(text) {
    window.localStorage.setItem("name", text);
  }

  /**
   * @param {Record<string, string>} answers question id to text
   * @param {string} [student] the name on the hand-in
   */
  async load(answers, student = "") {
    const handin = {
      format: "medialit.handin/1",
      exercise: EXERCISE.id,
      article_sha256: EXERCISE.article.sha256,
      student,
      tags: [],
      answers: Object.fromEntries(Object.entries(answers).map(([id, text]) => [id, { question: id, text }])),
    };
    this.input.files = [new File([JSON.stringify(handin)], `file${++this.files}.json`)];
    await this.change();
  }

  /** Type `text` into a question's box (empty: clear it); the box saves it. */
  type(id, text) {
    const raw = window.localStorage.getItem(KEY);
    const answers = raw ? JSON.parse(raw) : {};
    if (text.trim()) answers[id] = { question: id, text };
    else delete answers[id];
    window.localStorage.setItem(KEY, JSON.stringify(answers));
  }

  /** A new tag: an edit after an Undo, which drops the Redo. */
  tag() {
    this.state.commit([...this.state.tags, { id: `t${this.state.tags.length + 1}` }], null, "Tagged.");
  }

  /** The box's "Put it back" under an earlier answer (hosts/answers.js) or name (hosts/book_page.js). */
  putBack(id, text) {
    if (id === NAME) {
      keepName(EXERCISE, nameNow(), text);
      this.name(text);
    } else replaceAnswers(EXERCISE, { [id]: { question: id, text } }, {});
  }
}

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** What the boxes hold: the answers saved in this browser, and the name under NAME. */
function boxes() {
  return { ...saved(), ...(nameNow() ? { [NAME]: nameNow() } : {}) };
}

/** The earlier words the boxes offer back (Put it back, Don't need it), each as [id, text]. */
function offered() {
  const box = boxes();
  return Object.entries(earlier()).flatMap(([id, texts]) =>
    texts.filter((text) => text !== box[id]).map((text) => [id, text]),
  );
}

/**
 * Play `steps` on a fresh page (`book`: a book page, else Jupyter) and check after each that every
 * answer or name the student typed (and did not type over, clear or let go) is in its box or on its
 * list of earlier words, and that a load's notice says the earlier answers are kept under their
 * questions exactly when it replaced an answer with other words on a book page.
 * @param {[string, ...any[]][]} steps
 * @param {boolean} [book]
 */
async function play(steps, book = true) {
  let backs = 0;
  let keptOnly = 0; // typed words that were, after some step, only on the earlier list
  let names = 0; // of those, names
  const page = new Page(book);
  /** @type {Map<string, Set<string>>} question id (or NAME) to what the student typed there and kept */
  const typed = new Map([...QUESTIONS, NAME].map((id) => [id, new Set()]));
  for (const [n, [what, ...args]] of steps.entries()) {
    if (what === "type") {
      const [id, text] = args;
      typed.get(id).delete(boxes()[id]); // the student's own choice: the words they typed over
      if (text) typed.get(id).add(text);
      if (id === NAME) page.name(text);
      else page.type(id, text);
    } else if (what === "load") {
      const before = boxes();
      // SAME: the file holds the words the box holds now
      const same = (id, text) => (text === SAME ? before[id] || `file ${n} ${id}` : text);
      const file = Object.fromEntries(Object.entries(args[0]).map(([id, text]) => [id, same(id, text)]));
      const student = args[1] === undefined ? "" : same(NAME, args[1]);
      const replaces = Object.entries(file).some(([id, text]) => before[id] && before[id] !== text);
      const notices = page.notices.length;
      await page.load(file, student);
      for (const [id, text] of Object.entries(file)) assert.equal(saved()[id], text); // the load took effect
      if (student) assert.equal(nameNow(), student);
      assert.equal(page.notices.length, notices + 1);
      assert.equal(page.notices.at(-1).includes(EARLIER), book && replaces, `${page.notices.at(-1)} (step ${n})`);
      assert.ok(book || !page.notices.at(-1).includes("question"), page.notices.at(-1));
    } else if (what === "undo") page.state.travel(true);
    else if (what === "redo") page.state.travel(false);
    else if (what === "tag") page.tag();
    else if (what === "reload") page.reload();
    else if (what === "put back" || what === "let go") {
      // one of the earlier words a box offers: `args[0]` in [0, 1) picks which
      const offers = offered();
      if (offers.length) {
        const [id, text] = offers[Math.floor(args[0] * offers.length)];
        if (what === "put back") {
          page.putBack(id, text);
          assert.equal(boxes()[id], text);
          backs++;
        } else {
          letGo(EXERCISE, id, text);
          typed.get(id).delete(text); // the student's own choice
          assert.ok(!offered().some(([i, t]) => i === id && t === text));
        }
      }
    }
    const box = boxes();
    const kept = earlier();
    for (const [id, texts] of typed) {
      for (const text of texts) {
        if (box[id] !== text) {
          keptOnly++;
          if (id === NAME) names++;
        }
        assert.ok(
          box[id] === text || kept[id]?.includes(text),
          `"${text}" (typed in ${id}) is lost after step ${n}, ${what}: ${JSON.stringify(steps.slice(0, n + 1))}`,
        );
      }
    }
  }
  return { backs, keptOnly, names };
}

test("an answer typed before a load comes back after a reload, and one typed after it after an undone load", async () => {
  // the load's Undo history goes with a reload: the answer it replaced stays on the earlier list
  await play([
    ["type", "02-what", "mine"],
    ["load", { "02-what": "theirs", "03-why": "theirs too" }],
    ["reload"],
    ["put back", 0],
  ]);
  // typed over a loaded answer, the load undone, then a new tag: the Redo that held the typing goes
  await play([
    ["type", "02-what", "mine"],
    ["load", { "02-what": "theirs" }],
    ["type", "02-what", "theirs, and mine"],
    ["undo"],
    ["tag"],
    ["reload"],
  ]);
  // a file with the same words replaces nothing, and its notice does not speak of earlier answers
  await play([["type", "02-what", "mine"], ["load", { "02-what": SAME }], ["undo"], ["redo"]]);
});

test("a name a load replaced comes back after a reload, and one typed after the load after an undone load", async () => {
  await play([["type", NAME, "Sam"], ["load", {}, "Alex"], ["reload"], ["put back", 0]]);
  await play([["type", NAME, "Sam"], ["load", {}, "Alex"], ["type", NAME, "Sam B"], ["undo"], ["tag"], ["reload"]]);
});

test("in Jupyter, which has no answer boxes, the load's notice does not send the student to them", async () => {
  await play(
    [
      ["type", "02-what", "mine"],
      ["load", { "02-what": "theirs" }],
    ],
    false,
  );
});

for (const book of [true, false]) {
  test(`no order of load, undo, redo, edit, typing, reload, put back and let go loses a typed answer or name (${book ? "book page" : "Jupyter"})`, async () => {
    const rand = rng(book ? 11 : 12);
    let words = 0;
    const seen = { backs: 0, keptOnly: 0, names: 0 };
    for (let round = 0; round < 300; round++) {
      /** @type {[string, ...any[]][]} */
      const steps = [];
      for (let n = 0; n < 14; n++) {
        const kind = pick(rand, [
          "type",
          "type",
          "load",
          "load",
          "undo",
          "undo",
          "redo",
          "tag",
          "reload",
          "put back",
          "let go",
        ]);
        if (kind === "type") {
          const id = pick(rand, [...QUESTIONS, NAME]);
          const text = rand() < 0.15 ? "" : `typed ${++words}`;
          steps.push(["type", id, text]);
        } else if (kind === "load") {
          const answers = {};
          for (const id of QUESTIONS) {
            if (rand() < 0.6) answers[id] = rand() < 0.25 ? SAME : `file ${round}.${n} ${id}`;
          }
          const name = rand();
          steps.push(["load", answers, name < 0.3 ? undefined : name < 0.45 ? SAME : `Name ${round}.${n}`]);
        } else if (kind === "put back" || kind === "let go") {
          steps.push([kind, rand()]);
        } else steps.push([kind]);
      }
      const played = await play(steps, book);
      for (const k of Object.keys(seen)) seen[k] += played[k];
    }
    // the sequences do put words back, and do reach answers and names that only the earlier list holds
    assert.ok(seen.backs > 50 && seen.keptOnly > 50 && seen.names > 20, JSON.stringify(seen));
  });
}
