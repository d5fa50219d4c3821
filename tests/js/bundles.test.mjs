// The committed bundles (src/medialit/web/static) are what esbuild makes of src/js: built again
// into a temporary folder and compared byte for byte. `make` rebuilds the bundles before the tests,
// so when the sources are as committed the comparison is with the committed bundles (git HEAD),
// not with the files make has just written. Run `node src/js/build.mjs` after an edit and commit both.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import {
  build,
  codesNamed,
  contractRead,
  OUTPUTS,
  STATIC,
  WIDGET_OPTIONS,
  widgetMessages,
} from "../../src/js/build.mjs";
import { hintMessages, itemCodes, problemMessage, whyMessage } from "../../src/js/core/messages.js";
import { feedbackData } from "../../src/js/tagger/feedback_data.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The entry point of the student's Jupyter widget (tagger.js). */
const WIDGET_ENTRY = join(ROOT, "src", "js", "hosts", "anywidget.js");

/** The bundle as committed when the sources have no uncommitted change, else as on disk. */
function committedBundle(name) {
  const path = relative(ROOT, join(STATIC, name));
  try {
    execFileSync("git", ["diff", "--quiet", "HEAD", "--", "src/js"], { cwd: ROOT, stdio: "ignore" });
    return execFileSync("git", ["show", `HEAD:${path}`], { cwd: ROOT, maxBuffer: 1 << 26 });
  } catch {
    return readFileSync(join(STATIC, name)); // sources being edited, or no git: the file on disk
  }
}

test("the committed bundles are built from the current sources", async () => {
  const folder = mkdtempSync(join(tmpdir(), "medialit-bundles-"));
  try {
    await build(folder);
    for (const name of OUTPUTS) {
      const fresh = readFileSync(join(folder, name));
      const committed = committedBundle(name);
      assert.ok(fresh.equals(committed), `${name} is stale: run \`node src/js/build.mjs\` and commit the result`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a built file begins with its code: no comment that every browser downloads (.gitattributes marks them built)", () => {
  for (const name of OUTPUTS) assert.ok(!readFileSync(join(STATIC, name), "utf8").startsWith("/*"), name);
  const attributes = readFileSync(join(ROOT, ".gitattributes"), "utf8");
  for (const kind of ["js", "css"])
    assert.ok(attributes.includes(`src/medialit/web/static/*.${kind} linguist-generated=true`));
});

test("the book page's script is classic (no import or export), the widget's an ES module", () => {
  const page = readFileSync(join(STATIC, "book-page.js"), "utf8");
  assert.doesNotMatch(page, /^\s*(import|export)\s/m);
  assert.match(page, /var medialitTagger=\(\(\)=>/);
  const widget = readFileSync(join(STATIC, "tagger.js"), "utf8");
  assert.match(widget, /export\s*\{[^}]*as default\s*\}/);
});

test("the widget's message table is the student part of messages.json, the book page's the whole", async () => {
  const file = join(ROOT, "src", "medialit", "data", "messages.json");
  const whole = JSON.parse(readFileSync(file, "utf8"));
  // a written answer's problem keeps its fix: Load tells the student how to mend the answer
  const mended = (/** @type {string} */ code) => code.startsWith("handin-answer-");
  const studentPart = (/** @type {Record<string, any>} */ part) =>
    Object.fromEntries(
      Object.entries(part).map(([name, m]) => [
        name,
        mended(name) ? { student: m.student, fix: m.fix } : { student: m.student },
      ]),
    );
  const student = studentPart(whole.messages);
  // the table as the widget's build gives it to the code that imports it
  const table = await widgetMessages({ ...WIDGET_OPTIONS, entryPoints: [WIDGET_ENTRY] }, file);
  assert.deepEqual(table.fields, studentPart(whole.fields));
  // a count its templates write bare reads as on the page, its thousands apart
  const bare = new Set([...JSON.stringify(table.messages).matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]));
  assert.deepEqual(
    table.counts,
    whole.counts.filter((/** @type {string} */ name) => bare.has(name)),
  );
  assert.ok(table.counts.includes("count"));
  for (const [code, entry] of Object.entries(table.messages)) assert.deepEqual(entry, student[code], code);
  // and the committed bundles: no teacher sentence in the widget's, all of them in the book page's
  // a field's teacher words that are more than its name ("links to sources (source_ids)")
  const fieldWords = Object.entries(whole.fields).map(([name, w]) => ({
    teacher: w.teacher === name ? "" : w.teacher,
  }));
  const answerFixes = Object.entries(whole.messages).flatMap(([code, m]) => (mended(code) ? [m.fix] : []));
  assert.equal(answerFixes.length, 4);
  const teacherOnly = [...Object.values(whole.messages), ...fieldWords]
    .flatMap((m) => [m.teacher, m.fix].filter(Boolean))
    .filter((text) => /^[\x20-\x7e]+$/.test(text) && !Object.values(student).some((m) => m.student.includes(text)))
    .filter((text) => !answerFixes.includes(text));
  assert.ok(teacherOnly.length > 10);
  const widget = readFileSync(join(STATIC, "tagger.js"), "utf8");
  const page = readFileSync(join(STATIC, "book-page.js"), "utf8");
  for (const fix of answerFixes) assert.ok(widget.includes(fix.replaceAll("'", "\\'")) || widget.includes(fix), fix);
  for (const text of teacherOnly) {
    assert.ok(!widget.includes(text), `the widget's bundle carries a teacher's sentence: ${text}`);
    assert.ok(page.includes(text), `the book page's script lacks a teacher's sentence: ${text}`);
  }
});

/** A code's entry in a message table, as messages.js finds it: the code, or its shorter forms. */
const entryIn = (/** @type {Record<string, any>} */ messages, /** @type {string} */ code) =>
  code
    .split(":")
    .map((_, n, parts) => parts.slice(0, parts.length - n).join(":"))
    .some((c) => c in messages);

test("the widget's message table has every code the widget renders: Check's feedback, hand-in problems", async () => {
  const file = join(ROOT, "src", "medialit", "data", "messages.json");
  const { messages } = await widgetMessages({ ...WIDGET_OPTIONS, entryPoints: [WIDGET_ENTRY] }, file);
  /** @type {Set<string>} */
  const codes = new Set();
  // the feedback on each shared vector's report (the kernel's Check gives the widget the same data)
  const vectors = join(ROOT, "tests", "vectors");
  const exercises = join(vectors, "exercises");
  for (const name of readdirSync(vectors).filter((f) => /^case-.*\.json$/.test(f))) {
    const v = JSON.parse(readFileSync(join(vectors, name), "utf8"));
    const exercise = JSON.parse(readFileSync(join(exercises, `${v.exercise}.json`), "utf8"));
    for (const names of [v.report.labels, [v.report.labels[0]]]) {
      const data = feedbackData(
        v.report,
        exercise.labels.filter((/** @type {any} */ l) => names.includes(l.name)),
      );
      const entries = [...data.look, ...data.found];
      for (const m of [...data.summary, ...data.notices, ...entries.flatMap((e) => e.messages)]) codes.add(m.code);
      for (const e of entries) codes.add(`chip-${e.chip}`);
      // the coach's hints, answers and reasons, and the optional items not tagged (feedback_view.js)
      for (const it of [...data.missed, ...data.optional]) {
        for (const m of [whyMessage(it), ...hintMessages(it)]) codes.add(m.code);
      }
      if (data.missed.length) for (const c of ["item-answer", "coach-item", "coach-option"]) codes.add(c);
      if (data.optional.length) codes.add("item-missed-optional");
      for (const tag of v.report.tags) codes.add(whyMessage(tag).code);
    }
  }
  // the hand-ins the Load button refuses or reads with tags left out, as Python's reader does
  const handins = join(ROOT, "tests", "hostile", "handins");
  const expected = JSON.parse(readFileSync(join(handins, "expected.json"), "utf8"));
  for (const want of Object.values(expected)) {
    for (const p of [want.refusal, ...(want.orphans || []), ...(want.answer_problems || [])].filter(Boolean))
      codes.add(problemMessage(p.code, p.args).code);
  }
  assert.ok(codes.size > 60, `only ${codes.size} codes`);
  for (const code of codes) assert.ok(entryIn(messages, code), `the widget renders ${code}, its bundle lacks it`);
});

test("a student's widget carries no words of a key item's verdict: its feedback says the verdict of the tag that met it", async () => {
  const whole = JSON.parse(readFileSync(join(ROOT, "src", "medialit", "data", "messages.json"), "utf8"));
  const schema = JSON.parse(
    readFileSync(join(ROOT, "src", "medialit", "data", "schemas", "report.schema.json"), "utf8"),
  );
  const verdicts = schema.properties.items.items.properties.verdict.enum;
  // each verdict's code as itemCodes gives it (Python's report text and the book page's class report show them)
  const item = { verdict: "", optional: false, attrs: {}, attribution: null };
  const codes = verdicts.map((/** @type {string} */ verdict) => itemCodes({ ...item, verdict })[0].code);
  assert.ok(codes.length >= 4 && codes.every((/** @type {string} */ c) => c in whole.messages), String(codes));
  const widget = readFileSync(join(STATIC, "tagger.js"), "utf8");
  const page = readFileSync(join(STATIC, "book-page.js"), "utf8");
  for (const code of codes) {
    assert.ok(!widget.includes(`"${code}"`), `the student's widget carries ${code}`);
    assert.ok(page.includes(`"${code}"`), `the book page's script lacks ${code}`);
  }
});

test("a code is kept when the bundle names it, or builds it from a fixed start, with its shorter forms", () => {
  const codes = [
    "item-hit",
    "item-missed",
    "tag-close",
    "tag-close:keep",
    "group-look",
    "class-scope",
    "author-included",
  ];
  // a bundle's text: a template that builds item codes, two codes named whole, words that are no code
  const code = [
    "say({code:`item-$",
    '{v}`});f("group-look");g("tag-close:keep");h("class");k("an author-included note")',
  ].join("");
  assert.deepEqual(codesNamed(code, codes), ["item-hit", "item-missed", "tag-close", "tag-close:keep", "group-look"]);
  assert.deepEqual(codesNamed('p("handin-"+c)', ["handin-too-big", "hand"]), ["handin-too-big"]);
  assert.deepEqual(codesNamed("", codes), []);
});

test("a student's widget carries no words of a class report, a chapter part or author mode but a report's reasons; the book page does", () => {
  const read = (/** @type {string} */ name) => readFileSync(join(STATIC, name), "utf8");
  const whole = JSON.parse(readFileSync(join(ROOT, "src", "medialit", "data", "messages.json"), "utf8"));
  const schema = JSON.parse(
    readFileSync(join(ROOT, "src", "medialit", "data", "schemas", "report.schema.json"), "utf8"),
  );
  // a reason and its hint (a key item's reason has one; a tag's, same-source-why, has none)
  const reasons = schema.$defs.whyMessage.oneOf[1].properties.code.enum
    .flatMap((/** @type {string} */ c) => [c, `${c}-hint`])
    .filter((/** @type {string} */ c) => c in whole.messages);
  assert.ok(reasons.includes("part-first-mention-hint") && reasons.includes("same-source-why"));
  for (const code of reasons) assert.ok(read("tagger.js").includes(`"${code}"`), `the student's widget lacks ${code}`);
  const left = Object.keys(whole.messages).filter(
    (c) => /^(class|misconception|author|part)-|^scores-/.test(c) && !reasons.includes(c),
  );
  assert.ok(left.length >= 20);
  for (const code of left) {
    assert.ok(!read("tagger.js").includes(`"${code}"`), `the student's widget carries ${code}`);
    assert.ok(read("book-page.js").includes(`"${code}"`), `the book page's script lacks ${code}`);
  }
  // author mode's notes after a save or a download are the host's words (the kernel's, the book page's)
  for (const code of ["author-included", "author-needs", "author-need"]) {
    assert.ok(!read("tagger-author.js").includes(`"${code}"`), `the author's widget carries ${code}`);
  }
});

test("a student's widget carries no author tools; the author's widget and the book page carry them", () => {
  const authorOnly = [
    "No drafts left: every key item is reviewed.",
    "Why it is in the key (students read it after Check): ",
    "scrollMarginTop", // reveal_together.js: a draft and its words brought into view together
    "Load backed-up tags", // author mode's words (AUTHOR_WORDS)
    "Edit this key item",
    "Tap a draft to show its words in the text", // the review's words on a touch screen
    "Back to the review", // the way back from a draft's fields to the review
    "Changed the explanation of ", // a distractor's edit, as Undo says it
  ];
  const read = (/** @type {string} */ name) => readFileSync(join(STATIC, name), "utf8");
  for (const text of authorOnly) {
    assert.ok(!read("tagger.js").includes(text), `the student's widget carries an author tool: ${text}`);
    assert.ok(read("tagger-author.js").includes(text), `the author's widget lacks: ${text}`);
    assert.ok(read("book-page.js").includes(text), `the book page's script lacks: ${text}`);
  }
  assert.ok(!read("tagger.css").includes(".mt-rv-") && read("tagger-author.css").includes(".mt-rv-"));
});

test("a student's widget makes the tick boxes a student ticks only: author mode's 'optional' box is the author tools'", () => {
  // a claim's sources (tag_links.js: one per source, and "nobody"); the maker of a key item's tick box
  // lives with author mode's fields (key_fields.js), which bind it through the entry's own binder
  const boxes = (/** @type {string} */ name) =>
    (readFileSync(join(STATIC, name), "utf8").match(/type:"checkbox"/g) || []).length;
  assert.equal(boxes("tagger.js"), 2, "the student's widget carries another tick box maker");
  assert.ok(readFileSync(join(STATIC, "tagger-author.js"), "utf8").includes('class:"mt-optional"'));
});

test("a student's widget names a hand-in problem in the student's words only: the teacher's, with its fix, are Check's", () => {
  const read = (/** @type {string} */ name) => readFileSync(join(STATIC, name), "utf8");
  assert.ok(!read("tagger.js").includes(" Fix: "), "the student's widget carries the teacher's sentence of a problem");
  assert.ok(read("book-page.js").includes(" Fix: "), "the book page's Check lacks the teacher's sentence");
});

test("every rule of tagger.css styles a Tagger (.mt): a book page's own elements are the book's style sheet's", () => {
  const css = readFileSync(join(STATIC, "tagger.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors = [...css.matchAll(/([^{}]+)\{/g)]
    .map((m) => m[1].trim())
    .filter((s) => !s.startsWith("@"))
    .flatMap((s) => s.replace(/\([^()]*\)/g, "()").split(",")); // the commas of a list, not of an :is()
  assert.ok(selectors.length > 100);
  for (const selector of selectors) assert.match(selector, /(^|\s)\.mt(?![\w-])/, `tagger.css styles ${selector}`);
});

test("a student's style sheet has no rule for what only author mode draws: author mode's sheet has them", () => {
  const read = (/** @type {string} */ name) => readFileSync(join(STATIC, name), "utf8");
  // a distractor's legend (review_panel.js) and a key item's tick box among its fields (key_fields.js)
  for (const selector of ["legend", ".mt-fields>.mt-check-label"]) {
    assert.ok(!read("tagger.css").includes(selector), `tagger.css styles ${selector}`);
    assert.ok(read("tagger-author.css").includes(selector), `tagger-author.css lacks ${selector}`);
  }
});

test("author mode's whole-words rule is in the author's widget and the book page, not a student's widget", async () => {
  const rule = join("src", "js", "authoring", "whole_words.js");
  /** @param {string} entry @param {object} options the modules a bundle is built from */
  const modules = async (entry, options = WIDGET_OPTIONS) => {
    const built = await esbuild.build({ ...options, entryPoints: [entry], write: false, metafile: true });
    return Object.keys(built.metafile.inputs).map((path) => relative(ROOT, path));
  };
  assert.ok(!(await modules(WIDGET_ENTRY)).includes(rule), "the student's widget carries whole_words.js");
  assert.ok((await modules(join(ROOT, "src", "js", "hosts", "anywidget_author.js"))).includes(rule));
  assert.ok(
    (await modules(join(ROOT, "src", "js", "hosts", "book_page.js"), { bundle: true, write: false })).includes(rule),
  );
});

test("a student's widget carries each of the contract's constants once: one module reads it, the others import it", async () => {
  const contract = JSON.parse(readFileSync(join(ROOT, "src", "medialit", "data", "contract.json"), "utf8"));
  const built = await esbuild.build({ ...WIDGET_OPTIONS, entryPoints: [WIDGET_ENTRY], write: false, metafile: true });
  const readers = Object.keys(built.metafile.inputs)
    .filter((path) => path.startsWith("contract:"))
    .map((path) => path.slice("contract:".length).split(" reads ")[0]);
  assert.ok(readers.length >= 2);
  /** @type {Map<string, string>} */
  const readBy = new Map();
  for (const reader of readers) {
    for (const key of Object.keys(contractRead(contract, readFileSync(reader, "utf8")))) {
      assert.ok(!readBy.has(key), `contract.${key} is in the widget twice: ${readBy.get(key)} and ${reader}`);
      readBy.set(key, reader);
    }
  }
});

test("a student's widget reaches this browser's storage through one function (answer_store.js's store)", () => {
  const widget = readFileSync(join(STATIC, "tagger.js"), "utf8");
  assert.equal(widget.split("localStorage").length - 1, 1);
});

test("a student's widget copies a tag's hand-in fields only; with author mode's tools loaded, its key fields too", async () => {
  const handin = join(ROOT, "src", "js", "core", "handin.js");
  const tools = join(ROOT, "src", "js", "tagger", "author_tools.js");
  /** copyTag as a bundle that loads `more` as well gives it */
  const copyIn = async (/** @type {string} */ more) => {
    const built = await esbuild.build({
      ...WIDGET_OPTIONS,
      stdin: { contents: `${more}export { copyTag } from ${JSON.stringify(handin)};`, resolveDir: ROOT },
      write: false,
    });
    return (await import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`)).copyTag;
  };
  const tag = { id: "t1", label: "claim", start: 0, end: 4, quote: "Kyiv", attrs: {}, source_ids: [], note: "" };
  const key = { why: "The reporter says it.", hints: ["Look at L2."], optional: true, draft: true, confidence: 0.5 };
  assert.deepEqual((await copyIn(""))({ ...tag, ...key }), tag);
  assert.deepEqual((await copyIn(`import ${JSON.stringify(tools)};\n`))({ ...tag, ...key }), { ...tag, ...key });
  assert.ok(!readFileSync(join(STATIC, "tagger.js"), "utf8").includes("confidence"));
});

test("a module gets only the part of the contract it reads, and every module reads them as contract.<key>", async () => {
  const contractFile = join(ROOT, "src", "medialit", "data", "contract.json");
  const whole = JSON.parse(readFileSync(contractFile, "utf8"));
  const sources = execFileSync("git", ["ls-files", "src/js/*.js", "src/js/**/*.js"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  const importers = sources.filter((path) => readFileSync(join(ROOT, path), "utf8").includes("contract.json"));
  assert.ok(importers.length >= 3);
  for (const path of importers) {
    const code = readFileSync(join(ROOT, path), "utf8")
      .replace(/^import contract from .*$/m, "")
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // comments may name the contract
    assert.doesNotMatch(code, /\bcontract\b(?!\.\w)/, `${path} uses the contract other than as contract.<key>`);
  }
  const folder = mkdtempSync(join(tmpdir(), "medialit-contract-"));
  try {
    const entry = join(folder, "reads.js");
    writeFileSync(
      entry,
      `import contract from ${JSON.stringify(contractFile)} with { type: "json" };\n` +
        "export const got = [contract.quote_marks, contract.modes, contract.chips.look, contract.formats.handin];\n" +
        "export const prefixes = [contract.id_prefixes.claim, contract.id_prefixes];\n" +
        "export const part = { ...contract };\n",
    );
    const built = await esbuild.build({ ...WIDGET_OPTIONS, entryPoints: [entry], write: false });
    const { got, part } = await import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
    // of a table read only by its entries (contract.chips.look), only those entries: not its note
    assert.deepEqual(part, {
      quote_marks: whole.quote_marks,
      modes: whole.modes,
      chips: { look: whole.chips.look },
      formats: { handin: whole.formats.handin },
      id_prefixes: whole.id_prefixes, // read whole as well: all of it
    });
    assert.deepEqual(got, [whole.quote_marks, whole.modes, whole.chips.look, whole.formats.handin]);
    assert.ok(whole.chips.about && Object.keys(whole.formats).length > 1); // there was more to leave out
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("no rule of a size query in tagger.css styles the element that is the container: it could never apply", () => {
  const css = readFileSync(join(STATIC, "tagger.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  // the selectors of the rules that make an element a size container (the Tagger's root, `.mt`)
  const containers = [...css.matchAll(/([^{}]+)\{[^{}]*container-type:\s*(?:inline-)?size/g)].flatMap((m) =>
    m[1].split(",").map((s) => s.trim()),
  );
  assert.ok(containers.includes(".mt"), String(containers));
  const queries = [...css.matchAll(/@container\s*\([^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)];
  assert.ok(queries.length >= 2);
  for (const [, body] of queries) {
    for (const [, selectors] of body.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
      for (const selector of selectors.split(",").map((s) => s.trim()))
        assert.ok(!containers.includes(selector), `${selector} in a container query is the container itself`);
    }
  }
});
