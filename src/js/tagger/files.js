// @ts-check
// Files the student saves and loads: the hand-in (and in author mode, the key file).

import { MAX_HANDIN_BYTES, readHandin } from "../core/handin.js";
import { h } from "./dom.js";

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
 * Load a hand-in chosen in `input` into the Tagger; the current work stays one undo away.
 * @param {TaggerContext} ctx
 * @param {HTMLInputElement} input
 * @param {(name: string) => void} setStudent
 */
export function listenToLoad(ctx, input, setStudent) {
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_HANDIN_BYTES) {
      ctx.warn(`${file.name}: it is over 5 MB, too big for a hand-in. Your current work is kept.`);
      return;
    }
    const got = readHandin(await file.text(), ctx.exercise, ctx.chars, file.name);
    if (!got.ok) {
      ctx.warn(got.error);
      return;
    }
    if (got.student) setStudent(got.student);
    ctx.commit(got.tags, "");
    ctx.warn(
      `Loaded ${got.tags.length} tags from ${file.name}. Ctrl+Z goes back to your earlier work.` +
        (got.problems.length ? ` Left out: ${got.problems.join(" ")}` : ""),
    );
  });
}
