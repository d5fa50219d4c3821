// A student's written answers and name survive every order of Load hand-in, Undo, Redo, new tag edits,
// typing, reloads, "Put it back" and "Don't need it" (random sequences from a seed, and the sequences
// that once lost answers): each answer or name the student typed and did not let go is in its box or on
// its list of earlier words. Drives the Tagger's own load (files.js) and undo history (tag_state.js)
// over a stand-in for localStorage, on a book page and in Jupyter (whose notice speaks of no boxes); on a
// book page of two Taggers of one exercise, whose name boxes the page keeps in step (names_in_step.js),
// both boxes hold one name after every step.
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepNamesInStep } from "../../src/js/hosts/names_in_step.js";
import { StaticModel } from "../../src/js/hosts/static_model.js";
import { answersKey, keepName, letGo, NAME, readSaved, replaceAnswers } from "../../src/js/tagger/answer_store.js";
import { downloadedWords, listenToLoad } from "../../src/js/tagger/files.js";
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

/** The name on the hand-in, as the Taggers save it in this browser (with the tags: one save, one name). */
const nameNow = () => window.localStorage.getItem("name") || "";

/**
 * One student on one page: its Taggers' loads and undo histories and name boxes, and answer boxes that
 * save what is typed in them as the book page's boxes do. `reload()` starts the page again: the
 * histories go, the browser's saves stay. `book`: a book page, not Jupyter; `taggers`: how many Taggers
 * of the exercise the page has (a book page keeps their name boxes in step).
 */
class Page {
  constructor(book = true, taggers = 1) {
    this.book = book;
    this.count = taggers;
    window.localStorage = new MemoryStorage();
    this.files = 0;
    /** @type {string[]} the notices the Tagger showed */
    this.notices = [];
    this.reload();
  }

  reload() {
    this.taggers = Array.from({ length: this.count }, () => this.mountTagger());
    if (this.book) keepNamesInStep(this.taggers);
  }

  /** One Tagger, its name as its save had it. */
  mountTagger() {
    const state = new TagState([]);
    const model = new StaticModel({ exercise: EXERCISE, student: nameNow() });
    const listeners = {};
    const file = { files: [], value: "", addEventListener: (type, fn) => (listeners[type] = fn) };
    const ctx = {
      exercise: EXERCISE,
      chars: Array.from(EXERCISE.article.text),
      state,
      // a book page mounts its Taggers in [data-medialit-tagger] (book_page.js); Jupyter does not
      article: { closest: (selector) => (this.book && selector === "[data-medialit-tagger]" ? {} : null) },
      keyWords: (words) => words,
      notify: (message) => this.notices.push(message),
    };
    /** The Tagger's name, saved in this browser with its tags. */
    const setStudent = (name) => {
      model.set("student", name);
      window.localStorage.setItem("name", name);
    };
    /** The name box: what is typed in it is the name, saved (tagger.js). */
    const input = { value: "", dispatchEvent: () => setStudent(input.value.trim()) };
    listenToLoad(ctx, file, () => model.get("student") || "", setStudent);
    return { state, model, input, file, load: listeners.change };
  }

  /** Type `text` into Tagger `n`'s name box. */
  name(text, n = 0) {
    const { input } = this.taggers[n];
    input.value = text;
    input.dispatchEvent(new Event("change"));
  }

  /**
   * @param {Record<string, string>} answers question id to text
   * @param {string} [student] the name on the hand-in
   * @param {number} [n] the Tagger it is loaded into
   */
  async load(answers, student = "", n = 0) {
    const handin = {
      format: "medialit.handin/1",
      exercise: EXERCISE.id,
      article_sha256: EXERCISE.article.sha256,
      student,
      tags: [],
      answers: Object.fromEntries(Object.entries(answers).map(([id, text]) => [id, { question: id, text }])),
    };
    const tagger = this.taggers[n];
    tagger.file.files = [new File([JSON.stringify(handin)], `file${++this.files}.json`)];
    await tagger.load();
  }

  /** Type `text` into a question's box (empty: clear it); the box saves it. */
  type(id, text) {
    const raw = window.localStorage.getItem(KEY);
    const answers = raw ? JSON.parse(raw) : {};
    if (text.trim()) answers[id] = { question: id, text };
    else delete answers[id];
    window.localStorage.setItem(KEY, JSON.stringify(answers));
  }

  /** A new tag in Tagger `n`: an edit after an Undo, which drops the Redo. */
  tag(n = 0) {
    const { state } = this.taggers[n];
    state.commit([...state.tags, { id: `t${state.tags.length + 1}` }], null, "Tagged.");
  }

  /** The box's "Put it back" under an earlier answer (hosts/answers.js) or Tagger `n`'s name (tagger.js). */
  putBack(id, text, n = 0) {
    if (id === NAME) {
      keepName(EXERCISE, this.names()[n], text);
      this.name(text, n);
    } else replaceAnswers(EXERCISE, { [id]: { question: id, text } }, {});
  }

  /** The name in each Tagger's name box. */
  names() {
    return this.taggers.map((t) => t.model.get("student") || "");
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
 * Play `steps` on a fresh page (`book`: a book page, else Jupyter; `taggers`: how many Taggers of the
 * exercise it has) and check after each that every answer or name the student typed (and did not type
 * over, clear or let go) is in its box or on its list of earlier words, that every Tagger's name box
 * holds the one name the save holds, and that a load's notice says the earlier answers are kept under
 * their questions exactly when it replaced an answer with other words on a book page. A step on a
 * Tagger (a name typed or put back, a load, undo, redo, a tag) names it last (the first when left out).
 * @param {[string, ...any[]][]} steps
 * @param {boolean} [book]
 * @param {number} [taggers]
 */
async function play(steps, book = true, taggers = 1) {
  let backs = 0;
  let keptOnly = 0; // typed words that were, after some step, only on the earlier list
  let names = 0; // of those, names
  const page = new Page(book, taggers);
  const which = (/** @type {number | undefined} */ n) => (n ?? 0) % taggers;
  /** @type {Map<string, Set<string>>} question id (or NAME) to what the student typed there and kept */
  const typed = new Map([...QUESTIONS, NAME].map((id) => [id, new Set()]));
  let renamedInSecond = 0; // steps in the second Tagger that changed the name
  for (const [n, [what, ...args]] of steps.entries()) {
    const nameBefore = nameNow();
    if (what === "type") {
      const [id, text, n] = args;
      // the student's own choice: the words they typed over
      typed.get(id).delete(id === NAME ? page.names()[which(n)] : boxes()[id]);
      if (text) typed.get(id).add(text);
      if (id === NAME) page.name(text, which(n));
      else page.type(id, text);
    } else if (what === "load") {
      const before = boxes();
      // SAME: the file holds the words the box holds now
      const same = (id, text) => (text === SAME ? before[id] || `file ${n} ${id}` : text);
      const file = Object.fromEntries(Object.entries(args[0]).map(([id, text]) => [id, same(id, text)]));
      const student = args[1] === undefined ? "" : same(NAME, args[1]);
      const replaces = Object.entries(file).some(([id, text]) => before[id] && before[id] !== text);
      const notices = page.notices.length;
      await page.load(file, student, which(args[2]));
      for (const [id, text] of Object.entries(file)) assert.equal(saved()[id], text); // the load took effect
      if (student) assert.equal(nameNow(), student);
      assert.equal(page.notices.length, notices + 1);
      assert.equal(page.notices.at(-1).includes(EARLIER), book && replaces, `${page.notices.at(-1)} (step ${n})`);
      assert.ok(book || !page.notices.at(-1).includes("question"), page.notices.at(-1));
    } else if (what === "undo") page.taggers[which(args[0])].state.travel(true);
    else if (what === "redo") page.taggers[which(args[0])].state.travel(false);
    else if (what === "tag") page.tag(which(args[0]));
    else if (what === "reload") page.reload();
    else if (what === "put back" || what === "let go") {
      // one of the earlier words a box offers: `args[0]` in [0, 1) picks which
      const offers = offered();
      if (offers.length) {
        const [id, text] = offers[Math.floor(args[0] * offers.length)];
        if (what === "put back") {
          page.putBack(id, text, which(args[1]));
          assert.equal(boxes()[id], text);
          backs++;
        } else {
          letGo(EXERCISE, id, text);
          typed.get(id).delete(text); // the student's own choice
          assert.ok(!offered().some(([i, t]) => i === id && t === text));
        }
      }
    }
    // the Tagger the step was in, if it was in one
    const tagger = { type: args[2], load: args[2], "put back": args[1], undo: args[0], redo: args[0], tag: args[0] }[
      what
    ];
    if (which(tagger) === 1 && nameNow() !== nameBefore) renamedInSecond++;
    // one save, one name: in each Tagger's box
    assert.deepEqual(
      page.names(),
      Array(taggers).fill(nameNow()),
      `after step ${n}, ${what}: ${JSON.stringify(steps)}`,
    );
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
  return { backs, keptOnly, names, renamedInSecond };
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

test("on a book page of two Taggers of one exercise, a name typed in one and loaded, undone or put back in the other is in both", async () => {
  await play(
    [
      ["type", NAME, "Sam", 0],
      ["load", {}, "Alex", 1],
      ["undo", 1],
      ["redo", 1],
      ["put back", 0, 0],
      ["reload"],
      ["type", NAME, "Sam B", 1],
    ],
    true,
    2,
  );
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

for (const [book, taggers, seed] of [
  [true, 1, 11],
  [false, 1, 12],
  [true, 2, 13],
]) {
  const where = book ? `a book page of ${taggers === 1 ? "one Tagger" : "two Taggers of one exercise"}` : "Jupyter";
  test(`no order of load, undo, redo, edit, typing, reload, put back and let go loses a typed answer or name (${where})`, async () => {
    const rand = rng(seed);
    let words = 0;
    const seen = { backs: 0, keptOnly: 0, names: 0, renamedInSecond: 0 };
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
        // the Tagger the step is in (a page of one Tagger draws no number for it)
        const on = () => (taggers > 1 ? Math.floor(rand() * taggers) : 0);
        if (kind === "type") {
          const id = pick(rand, [...QUESTIONS, NAME]);
          const text = rand() < 0.15 ? "" : `typed ${++words}`;
          steps.push(["type", id, text, on()]);
        } else if (kind === "load") {
          const answers = {};
          for (const id of QUESTIONS) {
            if (rand() < 0.6) answers[id] = rand() < 0.25 ? SAME : `file ${round}.${n} ${id}`;
          }
          const name = rand();
          steps.push(["load", answers, name < 0.3 ? undefined : name < 0.45 ? SAME : `Name ${round}.${n}`, on()]);
        } else if (kind === "put back") steps.push([kind, rand(), on()]);
        else if (kind === "let go") steps.push([kind, rand()]);
        else if (kind === "reload") steps.push([kind]);
        else steps.push([kind, on()]);
      }
      const played = await play(steps, book, taggers);
      for (const k of Object.keys(seen)) seen[k] += played[k];
    }
    // the sequences do put words back, and do reach answers and names that only the earlier list holds; on
    // a page of two Taggers, the second changes the name often
    assert.ok(seen.backs > 50 && seen.keptOnly > 50 && seen.names > 20, JSON.stringify(seen));
    assert.ok(taggers === 1 || seen.renamedInSecond > 50, JSON.stringify(seen));
  });
}

test("saved answers that are not an object of answers are none, told as bad, and stay in the browser as they are", () => {
  const key = answersKey("x", "0".repeat(64));
  for (const raw of ["[]", "null", "3", '"text"', "[{}]", "{"]) {
    window.localStorage.setItem(key, raw);
    assert.deepEqual(readSaved(key), { answers: {}, raw, bad: true }, raw);
    assert.equal(window.localStorage.getItem(key), raw);
  }
  window.localStorage.setItem(key, JSON.stringify({ q1: { question: "Why?", text: "Because." } }));
  assert.deepEqual(readSaved(key).answers, { q1: { question: "Why?", text: "Because." } });
  assert.equal(readSaved(key).bad, false);
  window.localStorage.removeItem(key);
});

test("a Download counts what its file holds: tags, and written answers where it holds some or the page asks", () => {
  const tags = [{ id: "t1" }];
  const answers = { "02-what": { question: "What?", text: "A drone." } };
  const onPage = (/** @type {boolean} */ asks) => {
    globalThis.document = /** @type {any} */ ({
      querySelector: (s) => (asks && s === "[data-medialit-answer]") || null,
    });
  };
  try {
    onPage(false); // Jupyter, or a book page with no questions
    assert.equal(downloadedWords({ tags }), "Downloaded your hand-in with 1 tag.");
    assert.equal(downloadedWords({ tags: [], answers }), "Downloaded your hand-in with 0 tags and 1 written answer.");
    onPage(true); // a chapter with questions
    assert.equal(downloadedWords({ tags, answers: {} }), "Downloaded your hand-in with 1 tag and 0 written answers.");
    assert.equal(downloadedWords({ tags, answers }), "Downloaded your hand-in with 1 tag and 1 written answer.");
  } finally {
    delete globalThis.document;
  }
});
