// @ts-check
// The class summary on the class-report page: the same sections as `medialit report`'s report.html
// (src/medialit/classroom/report_page.py), in plain words for teachers with the figures beside them.
// Everything from a student or a file reaches the page as text, never as markup.

import contract from "../../medialit/data/contract.json" with { type: "json" };
import { percent, renderer } from "../core/messages.js";
import { h } from "../tagger/dom.js";
import { heatMap } from "./heat_view.js";
import { changedIds, changedIdsWords } from "./spreadsheet_ids.js";
import {
  COMPLETION_WORDS,
  completion,
  countedElsewhere,
  ELSEWHERE_HEADER,
  ELSEWHERE_WORDS,
  EVERY_ITEM,
  EVERY_ITEM_WORDS,
  keyedLabels,
  leftOutRows,
  leftOutTitle,
  MISCONCEPTION_KEY,
  MISCONCEPTION_KEY_SUMMARY,
  misconceptionColumns,
  mostMissed,
  NONE_MISSED,
  NOT_ON_ROSTER,
  NOT_ON_ROSTER_WORDS,
  noHandin,
  notOnRoster,
  nothingYet,
  SAME_NAMES,
  STUDENT_AND_ID,
  STUDENT_WORK,
  scopeMessages,
  WHERE,
  WHY_AND_FIX,
  writtenOut,
} from "./tables.js";

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {Record<string, any>} Summary */

const KINDS = contract.misconceptions.kinds.map((rule) => rule.kind);
const LONG = 30; // characters: a cell with more text than this wraps (a quote, a reason, a sentence)

/**
 * A table with a caption; `rows` of cells (text, elements, or pieces: text the line may break between, each piece
 * kept whole).
 * @param {string} caption
 * @param {(string | Node)[]} header
 * @param {(string | number | Node | string[] | null)[][]} rows
 * @param {string} [empty] what to say when there are no rows
 * @param {string} [kind] a class of the table's own (its layout)
 */
export function table(caption, header, rows, empty = "None.", kind = "") {
  if (!rows.length) return h("p.mcr-none", empty);
  // a table wider than the page scrolls sideways: the keyboard can reach it and scroll it too
  return h(
    "div.mcr-table-wrap",
    { tabindex: "0", role: "region", "aria-label": caption },
    h(
      `table.mcr-table${kind ? `.${kind}` : ""}`,
      {},
      h("caption", caption),
      h("thead", {}, h("tr", {}, ...header.map((heading) => h("th", { scope: "col" }, heading)))),
      h(
        "tbody",
        {},
        ...rows.map((row) =>
          h(
            "tr",
            {},
            ...row.map((cell, n) => {
              if (Array.isArray(cell)) return piecesCell(cell);
              if (cell instanceof Node) return cell; // a cell with a layout of its own (withId)
              const text = cell === null ? "" : writtenOut(String(cell));
              if (text.length <= LONG) return h("td", {}, text);
              // a long text keeps a readable width on a phone; the table scrolls sideways instead. A row's first cell
              // (what the row is about: a pseudonym, a file) is a name that wraps in a column of its own width
              return h("td.mcr-long", {}, n ? text : h("span.mcr-name", text));
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * A cell whose line breaks only between its pieces: a narrow column puts "(29%)" under "7 of 24", "word" under
 * "loaded", but never breaks "7 of 24".
 * @param {string[]} pieces
 */
const piecesCell = (pieces) =>
  h("td.mcr-pieces", {}, ...pieces.flatMap((piece, n) => [...(n ? [" "] : []), h("span.mcr-piece", piece)]));

/**
 * The cell of a student's pseudonym with their student ID under it, as report.html has them: the ID may wrap ("not
 * on the" over "roster"), the pseudonym only when it is long, as a long text does.
 * @param {string} student
 * @param {string} id
 */
const withId = (student, id) =>
  h(
    student.length > LONG ? "td.mcr-long" : "td",
    {},
    h("span.mcr-who", {}, h("span.mcr-name", writtenOut(student)), " ", h("span.mcr-id", writtenOut(id))),
  );

/**
 * A count and its share, as pieces of a cell ("7 of 24", "(29%)").
 * @param {string} text
 */
const countAndShare = (text) => text.split(/ (?=\()/);

/**
 * "n of N (p%)".
 * @param {number} n
 * @param {number} of
 */
const share = (n, of) => `${n} of ${of}${of ? ` (${percent(n / of)})` : ""}`;

/**
 * A section with a heading.
 * @param {string} id
 * @param {string} title
 * @param {...(Node | null)} content
 */
const section = (id, title, ...content) =>
  h("section.mcr-section", { "aria-labelledby": id }, h("h3", { id, text: title }), ...content);

/**
 * The whole report of one summary.
 * @param {Summary} summary
 * @param {Exercise} exercise the whole compiled exercise (labels, tokens, key offsets)
 * @param {{roster?: Map<string, string> | null, chapterTitle?: string, downloads?: Node}} [options] `downloads`: the
 *   page's download buttons, put after the report's first sentences, so that a phone shows those first
 */
export function reportView(summary, exercise, options = {}) {
  const words = renderer(exercise.labels, "teacher");
  const nothing = nothingYet(summary);
  if (nothing) {
    // no hand-in could be used: no table of zeros, only why and what to do (report.html says the same)
    return h(
      "div.mcr-report.mcr-nothing",
      {},
      titleOf(summary),
      h("p.mcr-exercise", summary.title),
      h("p.mcr-lead", words.render(nothing)),
      h("p", `What to do: ${words.render(nothing, "fix")}`),
      options.downloads || null,
      problemsSection(summary),
    );
  }
  const specs = new Map(exercise.labels.map((l) => [l.name, l]));
  const plurals = Object.fromEntries(exercise.labels.map((l) => [l.name, l.plural || `${l.noun}s`]));
  const n = summary.students.length;
  const roster = options.roster || null;
  const shortName = (/** @type {string} */ kind) => words.render({ code: `misconception-${kind}`, args: {} }, "short");
  // how many of the class found an item or made a mistake, as report.html has it (report_page.found_by)
  const foundBy = (/** @type {number} */ found) =>
    words.render({ code: "class-found-by", args: { found, students: n, share: found / n } });

  const keyed = keyedLabels(summary); // no column of 0 of 0 for a label the key has none of
  const students = summary.students.map((/** @type {any} */ s) => {
    const found = summary.labels.reduce((/** @type {number} */ x, /** @type {string} */ l) => x + s.found[l], 0);
    const asked = summary.labels.reduce((/** @type {number} */ x, /** @type {string} */ l) => x + s.asked[l], 0);
    const done = completion(found, asked);
    return [
      roster ? withId(s.student, roster.get(s.student) ?? NOT_ON_ROSTER) : s.student,
      s.tags,
      ...keyed.map((l) => `${s.found[l]} of ${s.asked[l]}`),
      done === null ? "" : `${done}%`,
      countAndShare(share(s.on_key, s.tags)),
    ];
  });
  const wrote = summary.students.map((/** @type {any} */ s) => [
    s.student,
    KINDS.filter((kind) => s.misconceptions[kind])
      .map((kind) => `${shortName(kind)}\u00a0×${s.misconceptions[kind]}`) // a count never starts a line
      .join(", "),
    s.notes,
    s.answers,
  ]);
  const unmatched = noHandin(summary, roster);
  const unknown = notOnRoster(summary, roster);
  const changed = changedIds(summary, roster);

  // pieces the lines may break between, so that the table fits a laptop's book column
  const missed = mostMissed(summary).map((/** @type {any} */ i) => [
    `L${i.line}`,
    i.quote,
    (specs.get(i.label)?.noun || i.label).split(" "),
    countAndShare(foundBy(i.hit + i.boundary)),
    i.why,
  ]);
  const elsewhere = countedElsewhere(summary);
  const everyItem = summary.items.map((/** @type {any} */ i) => [
    `L${i.line}`,
    i.quote,
    (specs.get(i.label)?.noun || i.label).split(" "),
    i.optional ? "optional" : "required",
    countAndShare(foundBy(i.hit + i.boundary)),
    i.wrong_label,
    ...(elsewhere ? [i.counted_elsewhere] : []),
  ]);
  const kinds = summary.misconceptions
    .filter((/** @type {any} */ k) => k.times)
    .map((/** @type {any} */ k) => [
      words.render({ code: `misconception-${k.kind}`, args: {} }),
      foundBy(k.students),
      k.times,
      k.places
        .slice(0, 3)
        .map((/** @type {any} */ p) => `“${p.quote}” (L${p.line}): ${p.students}`)
        .join("; "),
    ]);
  // a column for each misconception some student showed, headed in a few words with the whole sentence as its title
  // and in the key above the table: the ten columns, headed by their short names, were 885 px wide in a laptop's book
  // column of 688
  const columns = misconceptionColumns(summary);
  const shown = columns.map(([kind]) => kind);
  const perStudent = summary.students
    .filter((/** @type {any} */ s) => shown.some((kind) => s.misconceptions[kind]))
    .map((/** @type {any} */ s) => [s.student, ...shown.map((kind) => s.misconceptions[kind])]);
  const heads = columns.map(([, head, sentence]) => h("abbr", { title: sentence }, head));

  return h(
    "div.mcr-report",
    {},
    titleOf(summary),
    h("p.mcr-exercise", summary.title),
    ...words.sentences(scopeMessages(summary, plurals)).map((text) => h("p.mcr-lead", text)),
    options.downloads || null,
    h("p", "Students are listed by pseudonym in name order, not by score."),
    section(
      "mcr-students",
      "Who handed in what",
      table(
        "One row per student",
        [
          roster ? STUDENT_AND_ID : "Student",
          "Tags",
          ...keyed.map((l) => `${plurals[l]} found`),
          "Completion",
          "Tags on the key",
        ],
        students,
        "No hand-in could be used: the reasons are under Problems with files.",
      ),
      n ? h("p", COMPLETION_WORDS) : null,
      unmatched.length ? h("p", `On the roster, but no hand-in: ${unmatched.join(", ")}.`) : null,
      unknown.length ? h("p", `${NOT_ON_ROSTER_WORDS} ${unknown.join(", ")}.`) : null,
      changed.length ? h("p", changedIdsWords(changed)) : null,
      // beside the figures, the misconceptions' words left no room in a laptop's book column: a table of their own
      table(STUDENT_WORK, ["Student", "Misconceptions", "Notes", "Answers"], wrote),
    ),
    section(
      "mcr-missed",
      "Most missed",
      table(
        "The required items the fewest students found",
        ["Line", "Words", "Label", "Found by", "Why"],
        missed,
        NONE_MISSED,
      ),
      h(
        "details.mcr-details",
        {},
        h("summary", `Every key item here (${summary.items.length})`),
        table(
          "Every key item in the lines and labels reported on",
          [...EVERY_ITEM, ...(elsewhere ? [ELSEWHERE_HEADER] : [])],
          everyItem,
        ),
        h("p", EVERY_ITEM_WORDS),
        elsewhere ? h("p", ELSEWHERE_WORDS) : null,
      ),
    ),
    section(
      "mcr-misconceptions",
      "Misconceptions",
      table(
        "What students did, how many and where",
        ["What students did", "Students", "Times", "Where most often (students)"],
        kinds,
        "No misconception showed in these tags.",
      ),
      perStudent.length
        ? h(
            "details.mcr-details",
            {},
            h("summary", "Misconceptions per student"),
            misconceptionKey(columns),
            table(
              "How often each misconception showed in each student's tags",
              ["Student", ...heads],
              perStudent,
              "",
              "mcr-per-student",
            ),
          )
        : null,
    ),
    section(
      "mcr-heat",
      "What the class tagged",
      h(
        "p",
        "Each word is shaded by how many students tagged it: the darker, the more. Outlined words are in the key. " +
          "Hover a word for the count; each word's count is also in the download Each word's count (CSV).",
      ),
      ...summary.labels.map((/** @type {string} */ label) => heatMap(summary, exercise, label)),
    ),
    section("mcr-written", "Written answers", ...answersView(summary)),
    section(
      "mcr-notes",
      "Notes on tags",
      table(
        "Each student's notes on their tags",
        ["Student", "Line", "Label", "Words", "Note"],
        summary.notes.map((/** @type {any} */ x) => [x.student, `L${x.line}`, x.label, x.quote, x.note]),
        "None.",
        "mcr-notes",
      ),
    ),
    problemsSection(summary),
  );
}

/**
 * What each column of the table of each student's misconceptions counts: its heading and the whole sentence, for a
 * touch screen and paper, where a heading's title never shows (report_page's key, in the same words); folded under a
 * summary on a phone, so that the table follows the summary that opened it (class_report.css opens it elsewhere).
 * @param {[string, string, string][]} columns each column's kind, heading and sentence (misconceptionColumns)
 */
const misconceptionKey = (columns) =>
  h(
    "details.mcr-key",
    {},
    h("summary", MISCONCEPTION_KEY_SUMMARY),
    h("p", MISCONCEPTION_KEY),
    h("dl", {}, ...columns.flatMap(([, head, sentence]) => [h("dt", head), h("dd", sentence)])),
  );

/**
 * The report's heading: the chapter reported on, or the whole text.
 * @param {Summary} summary
 */
const titleOf = (summary) =>
  h("h2", { id: "mcr-report-title", tabindex: "-1", text: summary.chapter ? summary.chapter.title : "The whole text" });

/**
 * The files left out, the names more than one hand-in uses, and what was left out of the hand-ins used.
 * @param {Summary} summary
 */
function problemsSection(summary) {
  const used = summary.students.length > 0;
  const [title, first] = leftOutTitle(summary);
  return section(
    "mcr-problems",
    "Problems with files",
    table(
      title,
      [first, ...WHY_AND_FIX],
      summary.skipped.map((/** @type {any} */ s) => [s.file, `${s.place ? `${s.place}: ` : ""}${s.problem}`, s.fix]),
      "Every file could be used.",
    ),
    summary.same_names.length
      ? table(
          SAME_NAMES,
          ["Name", ...WHY_AND_FIX],
          summary.same_names.map((/** @type {any} */ s) => [s.student, s.problem, s.fix]),
        )
      : null,
    used
      ? table(
          "Tags and answers left out of hand-ins that were used",
          ["Student", WHERE, ...WHY_AND_FIX],
          leftOutRows(summary),
          "Nothing was left out of the hand-ins that were used.",
          "mcr-left-out",
        )
      : null,
  );
}

/**
 * Each question once, with every student's answer under it.
 * @param {Summary} summary
 * @returns {Node[]}
 */
function answersView(summary) {
  if (!summary.answers.length) return [h("p.mcr-none", "No written answers in these hand-ins.")];
  /** @type {Map<string, any[]>} */
  const byQuestion = new Map();
  for (const a of summary.answers) {
    if (!byQuestion.has(a.id)) byQuestion.set(a.id, []);
    byQuestion.get(a.id)?.push(a);
  }
  return [...byQuestion].map(([id, answers]) =>
    h(
      "details.mcr-details.mcr-question",
      {},
      h(
        "summary",
        {},
        `${answers[0].question || id} `,
        h("span.mcr-count", `(${id}, ${answers.length} ${answers.length === 1 ? "answer" : "answers"})`),
      ),
      h(
        "dl.mcr-answers",
        {},
        ...answers.flatMap((a) => [h("dt", writtenOut(a.student)), h("dd.mcr-answer", writtenOut(a.text))]),
      ),
    ),
  );
}
