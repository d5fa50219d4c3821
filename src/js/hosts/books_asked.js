// @ts-check
// Two books that use one exercise, opened in one browser (both from disk, say), share its saved answers:
// answer_store.js keys them by exercise and article, not by book. A page with questions knows its own book's
// (answers.py); an answer to a question its book does not ask is taken out of the save and shown above the
// questions as one no page asks (a question renamed in a new edition, answers.js). Another book's answer is not
// that: it waits in the save for that book's pages. So each book keeps its list of questions beside the answers,
// under the place its pages are opened from, and a page asks every list but its own book's (which it writes).

import { isObject } from "../core/handin.js";
import { store } from "../tagger/answer_store.js";

/**
 * The localStorage key of the question lists of the books seen in this browser, beside an exercise's answers.
 * @param {string} answers the answers' key (answer_store.answersKey)
 */
const booksKey = (answers) => `${answers}:books`;

/**
 * Where a page's book is: the folder of its first page, the same from every page of it (Sphinx names it on
 * each page), and another for a copy of the book in another folder.
 * @param {Document} doc
 */
const bookOf = (doc) => new URL(doc.documentElement.dataset.content_root || ".", doc.baseURI).href;

/**
 * Keep this book's questions on the list beside the answers under `key`, and return whether a question is
 * asked by this book or by another seen in this browser (none given, from a page built before books listed
 * their questions: every one is). A list that cannot be read or kept leaves this book's questions alone asked.
 * @param {Document} doc
 * @param {string} key the answers' key
 * @param {string[] | undefined} questions every question of this book for the exercise (answers.py)
 * @returns {(id: string) => boolean}
 */
export function askedByABook(doc, key, questions) {
  if (!questions) return () => true;
  const book = bookOf(doc);
  /** @type {Record<string, unknown>} */
  let books = {};
  try {
    const read = JSON.parse(store()?.getItem(booksKey(key)) || "{}");
    if (isObject(read)) books = read;
    if (JSON.stringify(books[book]) !== JSON.stringify(questions))
      store()?.setItem(booksKey(key), JSON.stringify({ ...books, [book]: questions }));
  } catch {
    // this browser keeps nothing, or the list is no list: another book's questions are not known
  }
  const others = new Set(
    Object.entries(books).flatMap(([other, ids]) => (other !== book && Array.isArray(ids) ? ids : [])),
  );
  return (id) => questions.includes(id) || others.has(id);
}
