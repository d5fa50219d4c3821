"""A chapter's part asks for a source once even when the source's first mention is before the part
(parts.py and parts.js): the first mention in the part that a required claim there comes from."""

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
from medialit.core.messages import Message, Renderer

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
    count = exercise(name).article.line_count
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
    words = Renderer(part.labels)
    assert said.why == words.render(Message("part-first-mention", args))
    assert "“former president Dmitry Medvedev”" in said.why and "optional" not in said.why
    assert said.hints == (words.render(Message("part-first-mention-hint", args)),)
    # "The Kremlin" (L90) is the paper's summary, with no claim from it: Russia is asked for in L102
    assert part.item("src-kremlin-l90").optional and not part.item("src-russia-l102").optional


def mention_tag(item, tag_id: str) -> Tag:
    return Tag(tag_id, item.label, item.start, item.end, item.quote)


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


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_asks_for_the_same_mentions_in_any_part():
    rng = random.Random(7)
    data, cases = {}, []
    for name in EXERCISES:
        data[name] = exercise(name).compile()
        count = exercise(name).article.line_count
        for _ in range(150):
            first = rng.randint(1, count)
            cases.append([name, [first, rng.randint(first, count)]])
    script = f"""
import {{ readFileSync }} from "node:fs";
import {{ restrict }} from {json.dumps(CHECK_JS.as_uri())};
const {{ data, cases }} = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(([name, lines]) =>
  restrict(data[name], {{ labels: ["source", "claim"], lines }}).key.map((k) => [k.id, k.optional, k.why, k.hints]));
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        input=json.dumps({"data": data, "cases": cases}),
        capture_output=True,
        text=True,
        check=True,
    )
    python = [
        [
            [k.id, k.optional, k.why, list(k.hints)]
            for k in exercise(name).restricted(["source", "claim"], tuple(lines)).key
        ]
        for name, lines in cases
    ]
    assert json.loads(done.stdout) == python
