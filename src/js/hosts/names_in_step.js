// @ts-check
// The name on the hand-in on a page of several Taggers (book_page.js mounts one per `{tagger}`), which a
// student types once. Taggers of one exercise share one save in this browser, and a save holds one name:
// the name typed, loaded, undone or put back in one of them is the name in each of them at once. A Tagger
// of another exercise takes it only into an empty name box: a name there is already the student's own
// choice (or the one a hand-in loaded there had), and is kept. The page opens by that rule too: its
// Taggers show the names their saves had, and an empty box takes the first name on the page, as if that
// name had just been typed.

/** @typedef {import("../core/types.js").Model} Model */

/**
 * Whether a Tagger whose name box holds `was` takes the name `name` another Tagger on the page now shows.
 * @param {boolean} sameExercise whether the two Taggers show the same exercise (one save, one name)
 * @param {string} was
 * @param {string} name
 */
export const takesName = (sameExercise, was, name) => was !== name && (sameExercise || (!was && !!name));

/**
 * Keep the name boxes of a page's Taggers in step (takesName), from the moment the page opens. A box takes
 * a name as if the student had typed it there, so its Tagger saves it and says "✓ Saved" as it does for
 * typing.
 * @param {{model: Model, input: {value: string, dispatchEvent(event: Event): boolean} | null}[]} taggers
 *   each Tagger's model and name box (null in author mode: a key has no name), in the page's order
 */
export function keepNamesInStep(taggers) {
  const withNames = taggers.filter((t) => t.input);
  const exerciseOf = (/** @type {Model} */ model) => {
    const exercise = model.get("exercise");
    return `${exercise.id}:${exercise.article.sha256}`;
  };
  const nameOf = (/** @type {Model} */ model) => model.get("student") || "";
  /** @param {(typeof withNames)[number]} from a Tagger whose name the others may take */
  const share = (from) => {
    const name = nameOf(from.model);
    for (const to of withNames) {
      const same = exerciseOf(to.model) === exerciseOf(from.model);
      if (to === from || !takesName(same, nameOf(to.model), name)) continue;
      const input = /** @type {{value: string, dispatchEvent(event: Event): boolean}} */ (to.input);
      input.value = name;
      input.dispatchEvent(new Event("change"));
    }
  };
  for (const from of withNames) from.model.on("change:student", () => share(from));
  const first = withNames.find((t) => nameOf(t.model));
  if (first) share(first);
}
