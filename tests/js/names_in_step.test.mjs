// The name boxes of a page's Taggers (names_in_step.js), from the moment the page opens: each Tagger shows
// the name its save had, and an empty box takes the first name on the page, as typing a name would give it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepNamesInStep } from "../../src/js/hosts/names_in_step.js";
import { StaticModel } from "../../src/js/hosts/static_model.js";

const exercise = (/** @type {string} */ id) => ({ id, article: { sha256: `${id}`.padEnd(64, "0") } });

/**
 * A page of Taggers opened: their name boxes as the page shows them, and how many times each Tagger saved
 * a name (a box that takes a name saves it, as typing does).
 * @param {string | [string, string][]} taggers each Tagger's exercise and saved name, as [id, name] or
 *   written "a=Sam|b=" (a Tagger of exercise a whose save has the name Sam, then one of b with none)
 */
function open(taggers) {
  if (typeof taggers === "string")
    taggers = taggers.split("|").map((t) => /** @type {[string, string]} */ (t.split("=")));
  const saves = taggers.map(() => 0);
  const page = taggers.map(([id, name], n) => {
    const model = new StaticModel({ exercise: exercise(id), student: name });
    const input = {
      value: name,
      dispatchEvent() {
        model.set("student", input.value.trim()); // the Tagger saves what its box holds (tagger.js)
        saves[n] += 1;
        return true;
      },
    };
    return { model, input };
  });
  keepNamesInStep(page);
  return { names: page.map((t) => t.input.value), models: page.map((t) => t.model.get("student")), saves, page };
}

test("an empty name box takes the name another exercise's Tagger on the page opens with", () => {
  assert.deepEqual(open("a=Sam|b=").names, ["Sam", "Sam"]);
  assert.deepEqual(open("a=|b=Sam").names, ["Sam", "Sam"]);
  const { models, saves } = open("a=|b=Sam|c=");
  assert.deepEqual(models, ["Sam", "Sam", "Sam"]); // on the hand-in too
  assert.deepEqual(saves, [1, 0, 1]); // saved once, as if typed; the named one is left alone
});

test("names of other exercises are kept at open; an empty box takes the first name on the page", () => {
  assert.deepEqual(open("a=Sam|b=Sam U").names, ["Sam", "Sam U"]);
  assert.deepEqual(open("a=Sam|b=|c=Kim").names, ["Sam", "Sam", "Kim"]);
  assert.deepEqual(open("a=|b=").names, ["", ""]);
});

test("after open, a name typed goes on by the same rule", () => {
  const { page } = open("a=Sam|b=|c=Kim");
  page[0].input.value = "Alex";
  page[0].input.dispatchEvent(new Event("change"));
  assert.deepEqual(
    page.map((t) => t.input.value),
    ["Alex", "Sam", "Kim"],
  );
});

test("for every page of up to four Taggers: a name is kept, an empty box takes the first name on the page", () => {
  const NAMES = ["", "Sam", "Kim"];
  const EXERCISES = ["a", "b", "c"];
  /** @type {(n: number) => [string, string][][]} every page of n Taggers, one name per exercise (one save) */
  const pages = (n) => {
    if (n === 0) return [[]];
    return pages(n - 1).flatMap((page) =>
      EXERCISES.flatMap((id) => {
        const saved = page.find(([other]) => other === id);
        return (saved ? [saved[1]] : NAMES).map((name) => [...page, [id, name]]);
      }),
    );
  };
  for (let n = 1; n <= 4; n++) {
    for (const page of pages(n)) {
      const first = page.find(([, name]) => name)?.[1] || "";
      const { names, models } = open(page);
      assert.deepEqual(
        names,
        page.map(([, name]) => name || first),
        JSON.stringify(page),
      );
      assert.deepEqual(models, names, JSON.stringify(page));
    }
  }
});
