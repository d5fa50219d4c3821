// The committed bundles (src/medialit/web/static) are what esbuild makes of src/js: built again
// into a temporary folder and compared byte for byte. `make` rebuilds the bundles before the tests,
// so when the sources are as committed the comparison is with the committed bundles (git HEAD),
// not with the files make has just written. Run `node src/js/build.mjs` after an edit and commit both.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { build, OUTPUTS, STATIC, WIDGET_OPTIONS } from "../../src/js/build.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

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
  const studentPart = (/** @type {Record<string, any>} */ part) =>
    Object.fromEntries(Object.entries(part).map(([name, m]) => [name, { student: m.student }]));
  const student = studentPart(whole.messages);
  // the table as the widget's build gives it to the code that imports it
  const built = await esbuild.build({
    ...WIDGET_OPTIONS,
    stdin: { contents: `export { default } from ${JSON.stringify(file)};`, resolveDir: ROOT },
    write: false,
  });
  const { default: table } = await import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
  assert.deepEqual(table, { fields: studentPart(whole.fields), messages: student });
  // and the committed bundles: no teacher sentence in the widget's, all of them in the book page's
  // a field's teacher words that are more than its name ("links to sources (source_ids)")
  const fieldWords = Object.entries(whole.fields).map(([name, w]) => ({
    teacher: w.teacher === name ? "" : w.teacher,
  }));
  const teacherOnly = [...Object.values(whole.messages), ...fieldWords]
    .flatMap((m) => [m.teacher, m.fix].filter(Boolean))
    .filter((text) => /^[\x20-\x7e]+$/.test(text) && !Object.values(student).some((m) => m.student.includes(text)));
  assert.ok(teacherOnly.length > 10);
  const widget = readFileSync(join(STATIC, "tagger.js"), "utf8");
  const page = readFileSync(join(STATIC, "book-page.js"), "utf8");
  for (const text of teacherOnly) {
    assert.ok(!widget.includes(text), `the widget's bundle carries a teacher's sentence: ${text}`);
    assert.ok(page.includes(text), `the book page's script lacks a teacher's sentence: ${text}`);
  }
});

test("a student's widget carries no author tools; the author's widget and the book page carry them", () => {
  const authorOnly = [
    "No drafts left: every key item is reviewed.",
    "Why it is in the key (students read it after Check): ",
    "scrollMarginTop", // reveal_together.js: a draft and its words brought into view together
    "Load backed-up tags", // author mode's words (AUTHOR_WORDS)
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

test("a module gets only the contract's keys it reads, and every module reads them as contract.<key>", async () => {
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
        "export const got = [contract.quote_marks, contract.modes];\nexport const keys = Object.keys(contract);\n",
    );
    const built = await esbuild.build({ ...WIDGET_OPTIONS, entryPoints: [entry], write: false });
    const { got, keys } = await import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
    assert.deepEqual(keys.sort(), ["modes", "quote_marks"]);
    assert.deepEqual(got, [whole.quote_marks, whole.modes]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
