// The committed bundles (src/medialit/web/static) are what esbuild makes of src/js now: built again
// into a temporary folder and compared byte for byte. Run `node src/js/build.mjs` after an edit.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { build, OUTPUTS, STATIC } from "../../src/js/build.mjs";

test("the committed bundles are built from the current sources", async () => {
  const folder = mkdtempSync(join(tmpdir(), "medialit-bundles-"));
  try {
    await build(folder);
    for (const name of OUTPUTS) {
      const fresh = readFileSync(join(folder, name));
      const committed = readFileSync(join(STATIC, name));
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
