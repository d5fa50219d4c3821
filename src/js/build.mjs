// Build the front end's bundles from src/js into src/medialit/web/static (or the folder given):
//   tagger.js     the ES module Jupyter's anywidget loads for a student (export default {render})
//   tagger-author.js  the same with the author tools, for Tagger(..., mode="author")
//   book-page.js  one classic script with everything a book page needs (Tagger, author tools,
//                 host, Check, key writer), so a page works opened from disk as well as served
//   tagger.css    the Tagger's style sheet, for all three
//   tagger-author.css  author mode's rules (the review panel), loaded after tagger.css
//   class-report.js   one classic script for the book's class-report page, with its Web Worker
//                     (classroom/worker.js) inside it as text, so it starts from a page opened from disk
//   class-report.css  that page's style sheet
// The built files are committed (pip install needs no Node); tests/js/bundles.test.mjs fails
// when they are stale, and .gitattributes marks them as built. They carry no banner comment: a
// browser downloads every byte of them (a student's widget in Jupyter, a book page), and the
// minifier cannot drop a banner. Run: node src/js/build.mjs [folder]
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
export const STATIC = join(HERE, "..", "medialit", "web", "static");
export const OUTPUTS = [
  "tagger.js",
  "tagger-author.js",
  "book-page.js",
  "tagger.css",
  "tagger-author.css",
  "class-report.js",
  "class-report.css",
];

/**
 * The part of the contract a module's source reads: each key it reads as `contract.<key>`, and of a
 * table it reads only as `contract.<key>.<name>` only those names, so the table's note (`about`) and
 * the entries the module never reads stay out.
 * @param {Record<string, any>} contract
 * @param {string} source
 */
export function contractRead(contract, source) {
  /** @type {Map<string, Set<string> | null>} a key, and the names read in it (null: the key read whole) */
  const reads = new Map();
  for (const [, key, name] of source.matchAll(/\bcontract\.(\w+)(?:\.(\w+))?/g)) {
    const value = contract[key];
    if (value === undefined) continue;
    const table = value !== null && typeof value === "object" && !Array.isArray(value);
    const names = reads.has(key) ? reads.get(key) : new Set();
    reads.set(key, names && table && name !== undefined && Object.hasOwn(value, name) ? names.add(name) : null);
  }
  return Object.fromEntries(
    [...reads].map(([key, names]) => [
      key,
      names ? Object.fromEntries([...names].map((name) => [name, contract[key][name]])) : contract[key],
    ]),
  );
}

/**
 * An esbuild plugin: a module that imports contract.json gets only the part it reads (contractRead),
 * so a bundle does not carry the contract's notes and the tables of parts it leaves out.
 * tests/js/bundles.test.mjs checks that every module reads the contract that way.
 * @type {esbuild.Plugin}
 */
const contractKeysRead = {
  name: "contract-keys-read",
  setup(build) {
    // one module per importer: the path names the importer, so two importers never share one
    build.onResolve({ filter: /[\\/]contract\.json$/ }, (args) => ({
      path: `${args.importer} reads ${args.path}`,
      namespace: "contract",
      pluginData: { file: resolve(args.resolveDir, args.path), importer: args.importer },
    }));
    build.onLoad({ filter: /.*/, namespace: "contract" }, async (args) => {
      const contract = JSON.parse(await readFile(args.pluginData.file, "utf8"));
      const source = await readFile(args.pluginData.importer, "utf8");
      return { contents: JSON.stringify(contractRead(contract, source)), loader: "json" };
    });
  },
};

const COMMON = {
  bundle: true,
  minify: true,
  target: "es2020",
  legalComments: "none",
  logLevel: /** @type {const} */ ("warning"),
  plugins: [contractKeysRead],
};

/**
 * The codes of `codes` that a bundle's code can ask the message table for: those it names whole
 * ("summary-stale") and those that begin with the fixed start of a code it builds (`chip-${chip}`,
 * "handin-" + code), with each code's shorter forms a missing variant falls back to (`a:b` to `a`).
 * @param {string} code the bundle, built without the message table
 * @param {string[]} codes
 */
export function codesNamed(code, codes) {
  const starts = [...code.matchAll(/[`"']([a-z][a-z0-9-]*[-:])(?:\$\{|["']\s*\+)/g)].map((m) => m[1]);
  const named = new Set([...code.matchAll(/[`"']([a-z][a-z0-9:-]*)[`"']/g)].map((m) => m[1]));
  const kept = new Set(codes.filter((c) => named.has(c) || starts.some((start) => c.startsWith(start))));
  const shorter = (/** @type {string} */ c) => c.split(":").map((_, n, parts) => parts.slice(0, n + 1).join(":"));
  return codes.filter((c) => [...kept].some((k) => shorter(k).includes(c)));
}

/**
 * The message table a Jupyter widget's bundle carries: what a student's page renders, each code's
 * `student` template, each field's student words and which of the fields they write bare are counts, and only the codes the bundle's own code can ask
 * for (codesNamed, over the bundle built once without the table) or a report can carry (reasonCodes),
 * so a class report's or author mode's words stay out of a student's widget (a written answer's problem
 * keeps its fix, which Load shows). The teacher's sentences and words and the other fixes stay in the
 * file for Python and in the book page's script (its Check names a refused hand-in's fix).
 * @param {esbuild.BuildOptions} options the bundle's build options (its entry point, its plugins)
 * @param {string} file messages.json
 */
export async function widgetMessages(options, file) {
  const table = JSON.parse(await readFile(file, "utf8"));
  /** @type {esbuild.Plugin} */
  const noMessages = {
    name: "no-messages",
    setup: (inner) => inner.onLoad({ filter: /[\\/]messages\.json$/ }, () => ({ contents: "{}", loader: "json" })),
  };
  const bare = await esbuild.build({
    ...options,
    write: false,
    plugins: [noMessages, ...(options.plugins || []).filter((p) => p.name !== studentMessagesOnly.name)],
  });
  const named = codesNamed(bare.outputFiles.map((f) => f.text).join("\n"), Object.keys(table.messages));
  const kept = new Set([...named, ...(await reasonCodes())]);
  // a written answer's problem keeps its fix too: Load tells the student how to mend the answer (files.js)
  const student = (/** @type {Record<string, any>} */ part) =>
    Object.fromEntries(
      Object.entries(part).map(([name, m]) => [
        name,
        name.startsWith("handin-answer-") ? { student: m.student, fix: m.fix } : { student: m.student },
      ]),
    );
  const messages = student(Object.fromEntries(Object.entries(table.messages).filter(([code]) => kept.has(code))));
  const written = JSON.stringify(messages);
  const counts = table.counts.filter((/** @type {string} */ name) => written.includes(`{${name}}`));
  return { counts, fields: student(table.fields), messages };
}

/**
 * The codes of the reasons a report can give a key item in place of the key's own (`why_message`, and
 * its hint: the code with `-hint`), as the published report schema lists them: the kernel's Check
 * sends them, so the widget renders them though its code never names them.
 */
async function reasonCodes() {
  const schema = JSON.parse(
    await readFile(join(HERE, "..", "medialit", "data", "schemas", "report.schema.json"), "utf8"),
  );
  const codes = schema.$defs.whyMessage.oneOf.find((/** @type {any} */ o) => o.type === "object").properties.code.enum;
  return codes.flatMap((/** @type {string} */ code) => [code, `${code}-hint`]);
}

/**
 * An esbuild plugin for the Jupyter widget's bundles: messages.json as widgetMessages gives it.
 * tests/js/bundles.test.mjs holds the table to every code the widget renders over the shared
 * vectors and the hostile hand-ins.
 * @type {esbuild.Plugin}
 */
const studentMessagesOnly = {
  name: "student-messages-only",
  setup(build) {
    /** @type {Promise<object> | null} one table per bundle */
    let table = null;
    build.onLoad({ filter: /[\\/]messages\.json$/ }, async (args) => {
      table ||= widgetMessages(build.initialOptions, args.path);
      return { contents: JSON.stringify(await table), loader: "json" };
    });
  },
};

/** What the Jupyter widget's bundle is built with, but its entry point and output. */
export const WIDGET_OPTIONS = {
  ...COMMON,
  format: /** @type {const} */ ("esm"),
  plugins: [...COMMON.plugins, studentMessagesOnly],
};

/**
 * Write the bundles into `folder`.
 * @param {string} folder
 */
export async function build(folder) {
  const worker = await esbuild.build({
    ...COMMON,
    entryPoints: [join(HERE, "classroom", "worker.js")],
    format: "iife",
    write: false,
  });
  const workerText = worker.outputFiles[0].text;
  /** @type {import("esbuild").Plugin} */
  const withWorker = {
    name: "worker-source",
    setup(plugin) {
      plugin.onLoad({ filter: /classroom[\\/]worker_source\.js$/ }, () => ({
        contents: `export const WORKER_SOURCE = ${JSON.stringify(workerText)};`,
        loader: "js",
      }));
    },
  };
  /**
   * One output file from one entry (a path under src/js).
   * @param {string} entry
   * @param {string} outfile
   * @param {import("esbuild").BuildOptions} options
   */
  const bundle = (entry, outfile, options = COMMON) =>
    esbuild.build({
      ...options,
      entryPoints: [join(HERE, entry)],
      outfile: join(folder, outfile),
    });
  await Promise.all([
    bundle("hosts/class_report_page.js", "class-report.js", {
      ...COMMON,
      format: "iife",
      plugins: [...COMMON.plugins, withWorker],
    }),
    bundle("classroom/class_report.css", "class-report.css"),
    bundle("hosts/anywidget.js", "tagger.js", WIDGET_OPTIONS),
    bundle("hosts/anywidget_author.js", "tagger-author.js", WIDGET_OPTIONS),
    bundle("hosts/book_page.js", "book-page.js", { ...COMMON, format: "iife", globalName: "medialitTagger" }),
    bundle("tagger/tagger.css", "tagger.css"),
    bundle("tagger/review_panel.css", "tagger-author.css"),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build(process.argv[2] || STATIC);
