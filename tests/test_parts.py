"""A chapter's part asks for a source once even when the source's first mention is before the part
(parts.py and parts.js): the first mention in the part that a required claim there comes from, and a tag
on another mention of the same source in the part counts for it (check.py and check.js)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from helpers import handin_of
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Tag, check, load_exercise
from medialit.classroom.tally import Scope
from medialit.cli.feedback_text import report_text
from medialit.core.messages import Renderer, hint_messages, item_codes, quoted, tag_codes, why_message

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = {
    "kremlin-drone": ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml",
    "parts-mini": ROOT / "tests" / "fixtures" / "parts-mini.yml",
}
CHECK_JS = ROOT / "src" / "js" / "core" / "check.js"
NODE = shutil.which("node")


@cache
def exercise(name: str):
    return load_exercise(EXERCISES[name])


@st.composite
def parts(draw):
    """An exercise and a part of its article: any first and last line."""
    name = draw(st.sampled_from(sorted(EXERCISES)))
    count = exercise(name).article.last_line
    first = draw(st.integers(1, count))
    return name, (first, draw(st.integers(first, count)))


def carried(whole, part) -> set[str]:
    """The source mentions in the part that a required claim in the part is linked to."""
    return {
        s
        for k in whole.key
        if k.label == "claim" and not k.optional and part.covers(k.start, k.end)
        for s in k.source_ids or ()
    }


@settings(max_examples=200, deadline=None)
@given(parts())
def test_a_source_a_claim_in_the_part_comes_from_is_asked_for_once_there(case):
    name, lines = case
    whole = exercise(name)
    part = whole.restricted(["source", "claim"], lines)
    asked_anywhere = {k.who for k in whole.key if k.label == "source" and not k.optional}
    in_part = {k.id: k for k in part.key}
    links = carried(whole, part)
    for who in {k.who for k in part.key if k.label == "source"}:
        mentions = [k for k in part.key if k.label == "source" and k.who == who]
        asked_before = [k for k in mentions if not whole.item(k.id).optional]
        made_required = [k for k in mentions if whole.item(k.id).optional and not k.optional]
        if asked_before:
            # the key's own choices in the part stand: nothing is added beside them
            assert not made_required, (who, lines)
        elif who in asked_anywhere and any(k.id in links for k in mentions):
            # exactly one mention is asked for: the first one a required claim in the part comes from
            assert [k.id for k in made_required] == [
                min((k for k in mentions if k.id in links), key=lambda k: k.start).id
            ], (who, lines)
        else:
            # never asked for, or no claim in the part comes from it: optional stays optional
            assert not made_required, (who, lines)
    # the whole key is untouched, and every item the rule leaves alone is the key's own
    assert all(whole.item(i).optional or not k.optional for i, k in in_part.items())
    assert all(k is whole.item(i) for i, k in in_part.items() if k.optional == whole.item(i).optional)


def test_a_mention_asked_for_in_a_part_says_why_and_gives_a_hint():
    # chapter 7's part: Medvedev is first named in L42, and "said Medvedev" (L100) is where the claim
    # in its lines comes from; the mention he has before it in L100 (the photo) carries no claim
    whole = exercise("kremlin-drone")
    part = whole.restricted(["source"], (76, 198))
    said, photo = part.item("src-medvedev-l100"), part.item("src-medvedev-photo-l100")
    assert not said.optional and photo.optional and whole.item("src-medvedev-l100").optional
    args = {"quote": "Medvedev", "line": 100, "named": "former president Dmitry Medvedev", "claim": 100}
    # the reason is the message table's, filled for each reader where it is shown, not one reader's text
    assert (said.why, said.hints) == ("", ())
    assert said.why_message == {"code": "part-first-mention", "args": args}
    student, teacher = Renderer(part.labels), Renderer(part.labels, "teacher")
    why = student.render(why_message(said))
    assert "“former president Dmitry Medvedev”" in why and "optional" not in why
    assert why != teacher.render(why_message(said)) and "Required in this part" in teacher.render(why_message(said))
    assert [student.render(m) for m in hint_messages(said)] == [
        "Hint: Who does the claim in L100 come from? Find where these lines name that source."
    ]
    assert teacher.render(hint_messages(said)[0]) == "Hint: Whose claim is L100? Its source is named in L100."
    # the class report, read by teachers, gives them the teacher's words
    scope = Scope.of(part)
    assert next(k["why"] for k in scope.key if k["key_id"] == said.id) == teacher.render(why_message(said))
    # an item the key explains itself keeps its words, for every reader
    assert student.render(why_message(photo)) == teacher.render(why_message(photo)) == photo.why != ""
    # "The Kremlin" (L90) is the paper's summary, with no claim from it: Russia is asked for in L102
    assert part.item("src-kremlin-l90").optional and not part.item("src-russia-l102").optional


def mention_tag(item, tag_id: str) -> Tag:
    return Tag(tag_id, item.label, item.start, item.end, item.quote)


@settings(max_examples=200, deadline=None)
@given(parts(), st.randoms(use_true_random=False))
def test_a_tag_on_any_mention_in_the_part_of_a_source_asked_for_there_finds_it(case, rng):
    name, lines = case
    whole = exercise(name)
    part = whole.restricted(["source"], lines)
    asked = [k for k in part.key if k.mentions]
    # one tag per source asked for, on any of its mentions in the part (the one asked for among them)
    chosen = {k.id: part.item(rng.choice([k.id, *k.mentions])) for k in asked}
    tags = [mention_tag(m, f"t{n}") for n, m in enumerate(chosen.values())]
    report = check(handin_of(whole, tags), whole, ["source"], None, lines)
    items = {i.key_id: i for i in report.items}
    results = {t.tag_id: t for t in report.tags}
    for n, k in enumerate(asked):
        mention, tag = chosen[k.id], results[f"t{n}"]
        assert mention.who == k.who and part.covers(mention.start, mention.end)
        # the item asked for is found by the tag, whichever mention it is on
        assert (items[k.id].verdict, items[k.id].tag_id) == ("hit", f"t{n}"), (name, lines, k.id, mention.id)
        assert (tag.verdict, tag.key_id) == ("matched", k.id)
        # a tag on another mention says so; one on the mention asked for has nothing to add
        assert [f.code for f in tag.findings] == ([] if mention is k else ["same-source"])
        # and the mention it is on is tagged: counted for the one asked for, never listed as not tagged
        if mention is not k:
            assert (items[mention.id].verdict, items[mention.id].tag_id) == ("counted-elsewhere", None)
            # the student reads, as one statement, what their tag counts for and where the key asks for it
            # ("Matches a source in the key (L90)" read as "you found what is asked for here")
            said = Renderer(part.labels).sentences(tag_codes(tag))
            assert said == [
                f"Your tag counts for the source the key asks for at {quoted(k.quote)} (L{k.line}): "
                f"{quoted(tag.quote)} (L{tag.line}) names the same source."
            ]
            # and a reason about the words they tagged: the key's for that mention, or why it counts
            reason = Renderer(part.labels).render(why_message(tag))
            assert (reason == mention.why) if mention.why else (f"(L{mention.line}) and {quoted(k.quote)}" in reason)
    assert report.scores["source"].found == len(asked) == sum(not k.optional for k in asked)


def test_the_kremlin_in_the_papers_summary_counts_for_russia_in_chapter_7_and_says_why():
    # "The Kremlin" (L90) is the paper's summary of what Russia's government keeps saying, with its word
    # 'denazify': a mention of the same body as "Russia has accused" (L102), the one chapter 7 asks for
    whole = exercise("kremlin-drone")
    part = whole.restricted(["source"], (76, 198))
    kremlin, russia = part.item("src-kremlin-l90"), part.item("src-russia-l102")
    assert kremlin.who == russia.who and kremlin.id in russia.mentions
    report = check(handin_of(whole, [mention_tag(kremlin, "t1")]), whole, ["source"], "challenge", (76, 198))
    (tag,) = report.tags
    assert (tag.verdict, tag.key_id) == ("matched", russia.id)
    said = Renderer(part.labels).sentences(tag_codes(tag))
    assert said[0] == (
        "Your tag counts for the source the key asks for at “Russia” (L102): “The Kremlin” (L90) names the same source."
    )
    # the reason shown is the key's for "The Kremlin" in L90, the words tagged, not the chapter's for L102
    assert tag.why == kremlin.why and "(L90)" in tag.why and tag.why_message is None
    # told which words to keep, a Close tag's first sentence speaks of the words where the tag is
    longer = Tag(id="t2", label="source", start=kremlin.start, end=kremlin.end + len(" has"), quote="The Kremlin has")
    report = check(handin_of(whole, [longer]), whole, ["source"], "challenge", (76, 198))
    said = " ".join(Renderer(part.labels).sentences(tag_codes(report.tags[0])))
    assert said.startswith("Close: your tag has the key's source (L90) in it, and more."), said
    # where the mention is only optional, its reason says which body the Kremlin stands for, and, shown
    # under a tag that counts, does not call the tag "not needed"
    assert "Russia's government" in kremlin.why and "a tag here counts for Russia" in kremlin.why
    assert "not needed" not in kremlin.why


def test_a_caption_tag_on_the_same_source_counts_for_the_mention_chapter_7_asks_for():
    # chapter 7 (L76-L198) asks for "said Medvedev" (L100); the same caption names him first, in the photo
    whole = exercise("kremlin-drone")
    part = whole.restricted(["source"], (76, 198))
    photo = part.item("src-medvedev-photo-l100")
    report = check(handin_of(whole, [mention_tag(photo, "t1")]), whole, ["source"], "challenge", (76, 198))
    said = next(i for i in report.items if i.key_id == "src-medvedev-l100")
    (tag,) = report.tags
    assert (said.verdict, said.tag_id, tag.verdict, tag.key_id) == ("hit", "t1", "matched", "src-medvedev-l100")
    shown = next(i for i in report.items if i.key_id == photo.id)
    assert shown.verdict == "counted-elsewhere"  # not "missed": the student tagged it
    assert "counts for another mention of the same source" in Renderer(part.labels).render(item_codes(shown)[0])
    # nor does `medialit check` list it among the optional items a student could also tag
    text = report_text(report, part)
    assert "Optional, some readers would also tag these" in text
    assert "would tag “Russia’s ex-president Dmitry Medvedev”" not in text
    words = " ".join(Renderer(part.labels).sentences(tag_codes(tag)))
    assert words.startswith("Your tag counts for the source the key asks for at “Medvedev” (L100): ")
    teacher = " ".join(Renderer(part.labels, "teacher").sentences(tag_codes(tag)))
    assert "Counted for “Medvedev” (L100)" in teacher
    # both mentions tagged: each is its own item's, nothing is moved
    both = [mention_tag(photo, "t1"), mention_tag(part.item("src-medvedev-l100"), "t2")]
    tags = {t.tag_id: t for t in check(handin_of(whole, both), whole, ["source"], None, (76, 198)).tags}
    assert (tags["t1"].verdict, tags["t1"].findings, tags["t2"].verdict) == ("defensible", (), "matched")


def test_a_claim_whose_source_is_before_the_part_gets_no_attribution_verdict():
    # L34's claim is Peskov's, named in L32 and nowhere in L34-L41: no mention there to link it to
    whole = exercise("kremlin-drone")
    claim = whole.item("clm-targets-l34")
    assert whole.item(claim.source_ids[0]).line < 34
    tag = mention_tag(claim, "c1")
    tag.source_ids = []
    report = check(handin_of(whole, [tag]), whole, ["source", "claim"], "challenge", (34, 41))
    item = next(i for i in report.items if i.key_id == claim.id)
    assert (item.verdict, item.attribution) == ("hit", None)


def test_a_compiled_part_keeps_what_its_part_asks_for():
    # a book page gets the compiled part; checking it again finds nothing more to ask for
    data = exercise("kremlin-drone").compile(["source"], None, (76, 198))
    required = {k["id"] for k in data["key"] if not k["optional"]}
    assert {"src-peskov-l76", "src-medvedev-l100", "src-russia-l102"} <= required


def random_handin(name: str, lines: tuple[int, int], rng: random.Random) -> list[Tag]:
    """Tags on about half the source mentions of a part (so a mention asked for is often left and another
    of its source tagged), and on its required claims, each linked to a source tag, or to none."""
    part = exercise(name).restricted(["source", "claim"], lines)
    sources = [mention_tag(k, f"s{n}") for n, k in enumerate(part.items_of("source")) if rng.random() < 0.5]
    claims = [mention_tag(k, f"c{n}") for n, k in enumerate(part.items_of("claim")) if not k.optional]
    for claim in claims:
        claim.source_ids = [rng.choice(sources).id] if sources and rng.random() < 0.8 else []
    return sources + claims


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_asks_for_the_same_mentions_and_counts_the_same_tags_in_any_part():
    rng = random.Random(7)
    data, cases = {}, []
    for name in EXERCISES:
        data[name] = exercise(name).compile()
        count = exercise(name).article.last_line
        for _ in range(150):
            first = rng.randint(1, count)
            lines = (first, rng.randint(first, count))
            tags = [t.to_json() for t in random_handin(name, lines, rng)]
            cases.append([name, list(lines), tags, rng.choice(["standard", "challenge"])])
    script = f"""
import {{ readFileSync }} from "node:fs";
import {{ checkTags, restrict }} from {json.dumps(CHECK_JS.as_uri())};
const {{ data, cases }} = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(([name, lines, tags, difficulty]) => [
  restrict(data[name], {{ labels: ["source", "claim"], lines }}).key.map((k) =>
    [k.id, k.optional, k.why, k.hints, k.why_message ?? null]),
  checkTags(data[name], {{ tags }}, {{ labels: ["source", "claim"], lines, difficulty }}),
]);
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        input=json.dumps({"data": data, "cases": cases}),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    python = []
    for name, lines, tags, difficulty in cases:
        whole = exercise(name)
        part = whole.restricted(["source", "claim"], tuple(lines))
        key = [[k.id, k.optional, k.why, list(k.hints), k.why_message] for k in part.key]
        handin = handin_of(whole, [Tag.from_json(t) for t in tags])
        python.append([key, check(handin, whole, ["source", "claim"], difficulty, tuple(lines)).to_json()])
    javascript = json.loads(done.stdout)
    assert javascript == python
    # the random hand-ins meet the rule: some tags count for the mention asked for as another mention
    assert any(f["code"] == "same-source" for _, report in python for t in report["tags"] for f in t["findings"])
