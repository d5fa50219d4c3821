// @ts-check
// Files the student saves and loads: the hand-in (and in author mode, the key file).

import { problemsText, problemText, readHandinFile, visible } from "../core/handin.js";
import { counted, problemMessage, quoted, renderer } from "../core/messages.js";
import { keepName, replaceAnswers } from "./answer_store.js";
import { h } from "./dom.js";

/** @typedef {import("../core/handin.js").AnswerProblem} AnswerProblem */

/** @typedef {import("./tagger.js").TaggerContext} TaggerContext */

/**
 * Offer `text` as a download called `name`.
 * @param {HTMLElement} root where the temporary link goes
 * @param {string} name
 * @param {string} text
 * @param {string} type
 */
export function saveFile(root, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The hand-in's file name: the exercise and the student's name, made safe.
 * @param {string} exercise
 * @param {string} student
 */
export function handinFileName(exercise, student) {
  const who = student.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "");
  return `${exercise}${who ? `-${who}` : ""}.json`;
}

/**
 * What a Download says `handin` holds: its tags, and its written answers when it holds any or the page asks
 * questions (in Jupyter none are asked: its tags only). The Tagger's Download and the one after a chapter's
 * questions (hosts/answers.js) both say it.
 * @param {{tags: unknown[], answers?: object}} handin
 */
export function downloadedWords({ tags, answers = {} }) {
  const written = Object.keys(answers).length;
  const told = written || document.querySelector("[data-medialit-answer]");
  return `Downloaded your hand-in with ${counted(tags.length, "tag")}${told ? ` and ${counted(written, "written answer")}` : ""}.`;
}

/**
 * A written answer the Load left out (or cut short), in the student's words: which answer (by its question,
 * or its name in the file when it has no question), what is wrong, and how to mend it.
 * @param {AnswerProblem} problem
 */
function answerNote(problem) {
  const words = renderer([]);
  const message = problemMessage(problem.code, problem.args);
  const which = problem.question
    ? `The answer to ${quoted(problem.question)}`
    : `The answer named ${quoted(problem.id)}`;
  return `${visible(which)}: ${words.render(message)} To fix it, ${words.render(message, "fix")}`;
}

/**
 * Load a hand-in chosen in `input` into the Tagger; the current work (tags, written answers and name)
 * stays one undo away.
 * @param {TaggerContext} ctx
 * @param {HTMLInputElement} input
 * @param {() => string} student the name on the hand-in now
 * @param {(name: string) => void} setStudent
 */
export function listenToLoad(ctx, input, student, setStudent) {
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    // a place in the text named as the command line names it ("alex.json, line 12, column 3: …"); a
    // field's name (`exercise`) is the teacher's, and the sentence says what is wrong with it
    const refuse = (/** @type {import("../core/handin.js").Problem} */ problem) =>
      ctx.notify(
        `${visible(file.name)}${problem.place.startsWith("line ") ? `, ${problem.place}` : ""}: ${problemText(problem)} Your current work is kept.`,
        { show: true, files: true },
      );
    const got = await readHandinFile(file, ctx.exercise, ctx.chars);
    if (!got.ok) {
      refuse(got.refusal);
      return;
    }
    // an answer only too long comes back cut to what its box holds; the notice says so
    /** @type {Record<string, import("../core/handin.js").Answer>} */
    const taken = { ...got.answers };
    for (const p of got.answer_problems) if (p.cut) taken[p.id] = p.cut;
    const answers = Object.keys(taken).length;
    // what the load replaces besides the tags (the answers it holds, the name if it has one): Undo gives
    // it back, Redo takes it again, each keeping what it replaces for the other; an answer or name of the
    // student's own stays on its list of earlier words besides (answer_store.js), which a reload keeps
    let other = {
      answers: answers ? replaceAnswers(ctx.exercise, taken) : null,
      name: got.student ? student() : null,
    };
    const kept = !!other.answers;
    // the book's chapters show the kept answers under their questions; Jupyter has no answer boxes
    const own = ctx.article.closest("[data-medialit-tagger]") && Object.values(other.answers || {}).some(Boolean);
    /** @param {string} name */
    const rename = (name) => {
      keepName(ctx.exercise, student(), got.student);
      setStudent(name);
    };
    if (got.student) rename(got.student);
    const swap = () => {
      const now = {
        answers: other.answers && replaceAnswers(ctx.exercise, other.answers, taken),
        name: other.name === null ? null : student(),
      };
      if (other.name !== null) rename(other.name);
      other = now;
    };
    // Undo and Redo say these words again; the notice below says them now
    const loaded = `Loaded ${counted(got.tags.length, "tag")}${kept ? ` and ${counted(answers, "written answer")}` : ""} from ${visible(file.name)}.`;
    ctx.state.commit(got.tags, null, loaded, ctx.state.distractors, swap);
    // tags or answers left out are a loss, so a warning; otherwise good news
    ctx.notify(
      `${loaded} Undo${ctx.keyWords(" (Ctrl+Z)")} goes back to your earlier work.` +
        (own ? " Your earlier answers are kept under their questions, to put back." : "") +
        (got.orphans.length ? ` Left out: ${problemsText(got.orphans)}` : ""),
      // each answer it left out on a line of its own, as a list: a notice naming several reads well
      {
        show: true,
        info: !got.orphans.length && !got.answer_problems.length,
        lines: got.answer_problems.map(answerNote),
        listName: "Written answers left out",
        files: true,
      },
    );
  });
}
