// The feedback after Check as data (src/js/tagger/feedback_data.js), on the shared checker vectors:
// it speaks only of the page's labels, asks for a try before any hint, and never shows an over-long
// tag as plainly found.
// Run: node --test tests/js/
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { hintMessages, renderer, whyMessage } from "../../src/js/core/messages.js";
import { badgeVerdict, feedbackData } from "../../src/js/tagger/feedback_data.js";

const VECTORS = new URL("../vectors/", import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, VECTORS), "utf8"));
const cases = readdirSync(VECTORS)
  .filter((f) => /^case-.*\.json$/.test(f))
  .map(read);
const exercises = new Map(
  readdirSync(new URL("exercises/", VECTORS))
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.slice(0, -".json".length), read(`exercises/${f}`)]),
);

/** The labels of an exercise, as a page that shows only `names` has them. */
const labelsOf = (exercise, names) => exercise.labels.filter((l) => names.includes(l.name));

test("the summary and the lists name only the labels on the page", () => {
  for (const v of cases) {
    const exercise = exercises.get(v.exercise);
    for (const names of [v.report.labels, [v.report.labels[0]]]) {
      const data = feedbackData(v.report, labelsOf(exercise, names));
      for (const m of data.summary) if (m.args.label) assert.ok(names.includes(m.args.label), `${v.name}: ${m.code}`);
      for (const e of [...data.look, ...data.found]) assert.ok(names.includes(e.tag.label), v.name);
      for (const it of [...data.missed, ...data.optional]) assert.ok(names.includes(it.label), v.name);
      // every message renders from the table
      const words = renderer(exercise.labels, "student");
      for (const m of [...data.summary, ...data.look.flatMap((e) => e.messages)])
        assert.equal(typeof words.render(m), "string");
    }
  }
});

test("with no tags there is only the ask to try first: no hints, no answers", () => {
  const v = cases.find((c) => c.name === "empty");
  const data = feedbackData(v.report, exercises.get(v.exercise).labels);
  assert.deepEqual(
    data.summary.map((m) => m.code),
    ["summary-no-tags"],
  );
  assert.equal(data.missed.length + data.optional.length + data.look.length + data.found.length, 0);
});

test("the counts are the page's: found of required, and tags that match", () => {
  const v = cases.find((c) => c.name === "mixed-verdicts");
  const exercise = exercises.get(v.exercise);
  const loaded = labelsOf(exercise, ["loaded"]);
  const data = feedbackData(v.report, loaded);
  const found = data.summary.find((m) => m.code === "summary-found");
  assert.equal(found.args.found, v.report.scores.loaded.found);
  assert.equal(found.args.required, v.report.scores.loaded.required);
  const tags = data.summary.find((m) => m.code === "summary-tags");
  assert.equal(tags.args.tagged, v.report.tags.filter((t) => t.label === "loaded").length);
  assert.equal(
    data.missed.length,
    v.report.items.filter((i) => i.label === "loaded" && i.verdict === "missed" && !i.optional).length,
  );
  // in reading order
  const starts = data.missed.map((i) => i.start);
  assert.deepEqual(
    starts,
    [...starts].sort((a, b) => a - b),
  );
});

test("a found tag longer than the key's words is close, never plainly found", () => {
  const v = cases.find((c) => c.name === "reasons-on-found-tags");
  const data = feedbackData(v.report, exercises.get(v.exercise).labels);
  const entry = [...data.look, ...data.found].find((e) => e.tag.quote === "A seething Peskov");
  assert.equal(entry.tag.verdict, "matched");
  assert.equal(entry.chip, "close");
  assert.ok(data.look.includes(entry));
  assert.equal(badgeVerdict(entry.chip), "close");
  // and its first sentence says close too, and which words to keep; the words it adds are not said twice
  assert.equal(entry.messages[0].code, "tag-close:keep");
  assert.ok(!entry.messages.some((m) => m.code === "finding-covers-more"));
  const despot = data.found.find((e) => e.tag.quote === "despot");
  assert.equal(badgeVerdict(despot.chip), "found");
  for (const e of data.look) assert.notEqual(badgeVerdict(e.chip), "found");
});

test("lines: one label says them in its sentence; several say them once", () => {
  const v = cases.find((c) => c.name === "lines-part");
  const exercise = exercises.get(v.exercise);
  const one = feedbackData(v.report, labelsOf(exercise, ["source"])).summary.map((m) => m.code);
  assert.ok(one.includes("summary-found-lines") && !one.includes("summary-lines"));
  const several = feedbackData(v.report, exercise.labels).summary.map((m) => m.code);
  assert.equal(several[0], "summary-lines");
  assert.ok(!several.includes("summary-found-lines"));
});

test("the tags to look at again open with the nearly right, each kind in reading order", () => {
  const order = ["close", "wrong-label", "other-label", "not-asked", "distractor", "extra"];
  let reordered = 0;
  for (const v of cases) {
    const { look } = feedbackData(v.report, exercises.get(v.exercise).labels);
    for (let n = 1; n < look.length; n++) {
      const [a, b] = [look[n - 1], look[n]];
      const rank = order.indexOf(a.chip) - order.indexOf(b.chip);
      assert.ok(rank < 0 || (rank === 0 && a.tag.start <= b.tag.start), `${v.name}: ${a.chip} before ${b.chip}`);
      if (rank < 0 && a.tag.start > b.tag.start) reordered++;
    }
  }
  assert.ok(reordered > 0, "no vector has a close tag after an extra in the text");
});

test("an over-tagger hears it in the summary; a student with few wrong tags does not", () => {
  const codes = (name) => {
    const v = cases.find((c) => c.name === name);
    return feedbackData(v.report, exercises.get(v.exercise).labels).summary.map((m) => m.code);
  };
  assert.ok(codes("many-tags").includes("summary-over-tagged"));
  for (const name of ["key-equals-handin", "mixed-verdicts", "reasons-on-found-tags"])
    assert.ok(!codes(name).includes("summary-over-tagged"), name);
});

test("a tag on words of a label the page does not ask for says so in its chip and its sentences", () => {
  const v = cases.find((c) => c.name === "claims-page-speaker");
  const exercise = exercises.get(v.exercise);
  const data = feedbackData(v.report, labelsOf(exercise, ["claim"]));
  const despot = data.look.find((e) => e.tag.quote === "despot");
  assert.equal(despot.chip, "not-asked");
  assert.equal(despot.tag.verdict, "extra"); // the class report counts it as an extra tag
  const words = renderer(exercise.labels, "student");
  assert.equal(words.render({ code: `chip-${despot.chip}`, args: {} }), "Not asked here");
  const said = words.sentences(despot.messages).join(" ");
  assert.match(said, /loaded words are not asked for here\. Remove this tag\./);
});

test("a tag on part of another label's item shows that label in its chip, not 'not in the key'", () => {
  const v = cases.find((c) => c.name === "part-of-other-label");
  const exercise = exercises.get(v.exercise);
  const data = feedbackData(v.report, exercise.labels);
  const words = renderer(exercise.labels, "student");
  assert.equal(data.look.length, 3);
  for (const e of data.look) {
    assert.equal(e.chip, "other-label");
    assert.equal(e.tag.verdict, "extra"); // the class report counts it as an extra tag
    assert.equal(words.render({ code: `chip-${e.chip}`, args: {} }), "Other label");
    const said = words.sentences(e.messages).join(" ");
    assert.match(said, /overlaps something the key tags with another label\. The key has “.+” as a /);
    assert.match(said, /your tag leaves out “.+”\.$/);
  }
});

test("a claim on part of a source says who is speaking under 'Other label', or 'Not asked here' and what to do without sources", () => {
  for (const [name, chip, edges] of [
    ["claim-on-part-of-a-source", "other-label", true],
    ["claim-on-part-of-a-source-not-asked", "not-asked", false],
  ]) {
    const v = cases.find((c) => c.name === name);
    const exercise = exercises.get(v.exercise);
    const data = feedbackData(v.report, labelsOf(exercise, v.options.labels || exercise.labels.map((l) => l.name)));
    const words = renderer(exercise.labels, "student");
    assert.equal(data.look.length, 2, name);
    for (const e of data.look) {
      assert.equal(e.chip, chip, name);
      assert.equal(e.tag.verdict, "extra"); // the class report counts it as before
      const said = words.sentences(e.messages).join(" ");
      assert.match(said, /is who or what the information comes from: that is a source[.,]/);
      assert.equal(/your tag leaves out/.test(said), edges, name);
      // where it comes off, its sentences end with that, as its chip and every other "Not asked here" do
      assert.equal(said.endsWith(" Remove this tag."), chip === "not-asked", name);
    }
  }
});

test("a tag holding a key item and more says first which words to keep, on a required item or an optional one", () => {
  const v = cases.find((c) => c.name === "longer-than-the-key");
  const exercise = exercises.get(v.exercise);
  const data = feedbackData(v.report, exercise.labels);
  const words = renderer(exercise.labels, "student");
  assert.equal(data.found.length, 0); // the over-long tag on the optional "bizarre" is not left among the matches
  const said = new Map(data.look.map((e) => [e.tag.tag_id, words.sentences(e.messages)]));
  for (const e of data.look) assert.equal(e.chip, "close");
  assert.equal(data.look.find((e) => e.tag.tag_id === "l1").tag.verdict, "defensible"); // counted as before
  // measured against a longer form the key accepts, the words to keep are still the key's own, the fewest
  // that count: not "the US was … out by Ukraine", nor "A seething Peskov" for the loaded word "seething"
  assert.match(
    said.get("c1")[0],
    /^Close: your tag has the key's claim \(L12\) in it, and more\. Keep only “the US was ‘undoubtedly’ behind the strike”: take the other words out of this tag\.$/,
  );
  assert.match(said.get("l1")[0], /Keep only “bizarre”/);
  assert.match(said.get("l2")[0], /Keep only “seething”:/);
  for (const sentences of said.values()) assert.ok(!sentences.some((x) => x.includes("also covers")));
});

test("a tag round a key claim too long to show whole hears the words it starts and ends with", () => {
  const v = cases.find((c) => c.name === "longer-than-a-long-claim");
  const exercise = exercises.get(v.exercise);
  const [entry] = feedbackData(v.report, exercise.labels).look;
  assert.equal(entry.chip, "close");
  assert.match(
    renderer(exercise.labels, "student").sentences(entry.messages)[0],
    /Keep only the words from “Decisions on such” to “but in Washington”: take the other words out of this tag\.$/,
  );
});

test("in a part, a tag on another mention of the source asked for is found, and the reason is each reader's", () => {
  const v = cases.find((c) => c.name === "part-other-mention-of-the-source");
  const exercise = exercises.get(v.exercise);
  const data = feedbackData(v.report, exercise.labels);
  const [entry] = data.found;
  assert.deepEqual(
    [data.found.length, entry.chip, data.missed.some((i) => i.key_id === "src-russia-l5")],
    [1, "matched", false],
  );
  const [student, teacher] = ["student", "teacher"].map((a) => renderer(exercise.labels, a));
  // one statement: which source it counts for and where the key asks for it, then nothing said twice
  assert.deepEqual(student.sentences(entry.messages), [
    "Your tag counts for the source the key asks for at “Russia” (L5): “Russia” (L3) names the same source.",
  ]);
  assert.match(teacher.sentences(entry.messages)[0], /^Counted for “Russia” \(L5\)/);
  // the reason is about the words tagged: the key's reason for the mention in L3, not for the one in L5
  assert.equal(
    student.render(entry.why),
    "Russia again (L3). The key asks for each source once, so this mention is optional.",
  );
});

test("a tag counted at a mention the key gives no reason hears why it counts; Close there, its edges", () => {
  const student = renderer(exercises.get("parts-mini").labels, "student");
  const entryOf = (/** @type {string} */ name) => {
    const v = cases.find((c) => c.name === name);
    const data = feedbackData(v.report, exercises.get(v.exercise).labels);
    return [...data.found, ...data.look][0];
  };
  const found = entryOf("part-other-mention-with-no-reason");
  assert.equal(
    student.render(found.why),
    "“the Kremlin” (L10) and “Russia” (L5) name the same source. The key asks for each source once, so a tag on either counts.",
  );
  const close = entryOf("part-other-mention-edges-off");
  assert.equal(close.chip, "close");
  assert.match(
    student.sentences(close.messages).join(" "),
    /^Close: your tag counts for the source the key asks for at “Russia” \(L5\), as it names the same source, but the edges of your tag differ\. Compared with “the Kremlin” in the key, /,
  );
});

test("a mention asked for in a part and not found yet has the checker's hint, in each reader's words", () => {
  const v = cases.find((c) => c.name === "part-source-named-before");
  const exercise = exercises.get(v.exercise);
  const missed = feedbackData(v.report, exercise.labels).missed.find((i) => i.key_id === "src-peskov-l14");
  const [hint] = hintMessages(missed);
  assert.equal(
    renderer(exercise.labels, "student").render(hint),
    "Hint: Who does the claim in L14 come from? Find where these lines name that source.",
  );
  assert.equal(
    renderer(exercise.labels, "teacher").render(hint),
    "Hint: Whose claim is L14? Its source is named in L14.",
  );
  assert.equal(
    renderer(exercise.labels).render(whyMessage(missed)).includes("“Kremlin spokesperson Dmitry Peskov”"),
    true,
  );
});
