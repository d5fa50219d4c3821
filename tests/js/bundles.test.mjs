// The committed bundles (src/medialit/web/static) are what esbuild makes of src/js: built again
// into a temporary folder and compared byte for byte. `make` rebuilds the bundles before the tests,
// so when the sources are as committed the comparison is with the committed bundles (git HEAD),
// not with the files make has just written. Run `node src/js/build.mjs` after an edit and commit both.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  const student = Object.fromEntries(Object.entries(whole.messages).map(([code, m]) => [code, { student: m.student }]));
  // the table as the widget's build gives it to the code that imports it
  const built = await esbuild.build({
    ...WIDGET_OPTIONS,
    stdin: { contents: `export { default } from ${JSON.stringify(file)};`, resolveDir: ROOT },
    write: false,
  });
  const { default: table } = await import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
  assert.deepEqual(table, { messages: student });
  // and the committed bundles: no teacher sentence in the widget's, all of them in the book page's
  const teacherOnly = Object.values(whole.messages)
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
