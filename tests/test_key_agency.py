"""The course's agency-style text on the same events (the transfer exercise) and its key.

The rules every key keeps run on this key too (tests/test_key_kremlin.py, the `key` fixture). Here:
what makes it the plain text students compare the tabloid with. It quotes only words reported at the
time, it attributes every claim it makes, and it uses no loaded word of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from medialit import load_exercise
from medialit.core.voices import quotations, values

EXERCISES = Path(__file__).resolve().parent.parent / "book" / "exercises"
# Words the agency text may quote that the tabloid does not have: reported at the time (issue 14's list).
REPORTED_ELSEWHERE = [
    "We don’t attack Putin or Moscow… we fight on our territory,",  # Zelensky, Helsinki, 3 May
    "ludicrous",
]  # John Kirby on Peskov's claim about the US


@pytest.fixture(scope="module")
def agency():
    return load_exercise(EXERCISES / "kremlin-agency" / "exercise.yml")


@pytest.fixture(scope="module")
def tabloid():
    return load_exercise(EXERCISES / "kremlin-drone" / "exercise.yml")


def test_every_quotation_was_reported_at_the_time(agency, tabloid):
    text = agency.article.text
    quoted = [text[q.start + 1 : q.end - 1] for q in quotations(agency.article)]
    assert len(quoted) >= 2
    invented = [words for words in quoted if words not in REPORTED_ELSEWHERE and words not in tabloid.article.text]
    assert not invented, invented


def test_the_report_uses_no_loaded_word_of_its_own(agency):
    own = [k.id for k in agency.key if k.label == "loaded" and "reporter" in values(k.attrs["voice"])]
    assert not own, own
    assert any(k.label == "loaded" for k in agency.key), "the speakers' loaded words are in the key, as optional items"


def test_a_trap_on_part_of_a_claim_says_what_to_tag_instead(agency):
    """A student who tags only part of a claim is told what to tag instead, in the choice words the
    Tagger shows, not left with why this part is wrong."""
    why = {d.id: d.why for d in agency.distractors}
    assert "Tag Peskov's claim about the United States instead" in why["dis-no-evidence-l9"]
    assert "choose stated without evidence for its evidence" in why["dis-no-evidence-l9"]
    assert "Tag the whole claim instead" in why["dis-staged-l15"]


def test_the_report_says_who_said_each_thing(agency):
    # Agency style: every claim has its source, except what the report says about its own checking.
    unsourced = [k for k in agency.key if k.label == "claim" and not k.optional and not k.source_ids]
    assert [k.quote for k in unsourced] == ["The video could not be independently verified"]


def test_the_key_is_a_full_key(agency):
    counts = Counter(k.label for k in agency.key if not k.optional)
    assert counts["claim"] >= 10 and counts["source"] >= 6 and counts["cue"] >= 1, counts
    assert {label for d in agency.distractors for label in d.labels} >= {"claim", "source", "loaded"}


def papers_named(exercise) -> list[str]:
    """Sentences of the report's reasons and hints that call it a paper. It is written in a news agency's
    style, and an agency is no newspaper; a sentence that compares it with the tabloid may say "paper"."""
    found = []
    for item in [*exercise.key, *exercise.distractors]:
        for text in [item.why or "", *getattr(item, "hints", [])]:
            for sentence in re.split(r"(?<=[.?!])\s+", text):
                if re.search(r"\bpaper\b", sentence) and "tabloid" not in sentence:
                    found.append(f"{item.id}: {sentence}")
    return found


def test_the_reports_key_calls_it_a_report_not_a_paper(agency):
    assert papers_named(agency) == []
