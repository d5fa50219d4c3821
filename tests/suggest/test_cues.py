"""Cues (`suggest/cues.py`): verbs of saying, hedges and scare quotes, and the checks that a word of the cue list is
used so here ('added' that reports words, not 'added £40'; 'claims' the verb, not the noun)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, found, quotes

from medialit.authoring import suggest as sg
from medialit.authoring.lexicons import load_lexicon


def test_cues_hedges_and_scare_quotes():
    text = "Officials insisted the ‘accident’ may have been planned, and critics reportedly agreed."
    cues = quotes(text, "cue")
    assert cues["insisted"].attrs == {"type": "doubting"}
    assert cues["may"].attrs == {"type": "hedge"}
    assert cues["reportedly"].attrs == {"type": "hedge"}
    assert cues["‘accident’"].attrs == {"type": "scare-quotes"}


def test_adjective_alleged_and_names_are_not_speech():
    text = "The alleged strike hit the United States embassy in the morning."
    assert not found(text, "claim")
    assert "States" not in quotes(text, "cue")


def _about_adding(text: str) -> list[sg.Suggestion]:
    """Every draft that treats 'added' or 'adds' as a verb of saying: the cue, or a source or claim beside it."""
    return [s for s in found(text, nlp=BLANK) if s.quote in {"added", "adds"} or re.search("'add(ed|s)'", s.reason)]


def test_added_reports_speech_after_a_quotation_before_that_a_colon_or_a_clause():
    for text in (
        "“We will review it,” she added.",
        "The council said it would act. It added that fares would rise in May.",
        "The mayor added: “Nobody will lose their seat.”",
        "“We were never asked,” added Sam Okafor, who runs the café.",
        "The firm adds, however, that no jobs are at risk.",
        "He added it was too soon to say who had paid for the works.",
    ):
        cues = quotes(text, "cue", BLANK)
        cue = cues.get("added") or cues.get("adds")
        assert cue is not None and cue.attrs == {"type": "neutral"}, text


def test_added_with_an_object_is_no_cue_and_has_no_speaker_or_claim():
    for text in (
        "The new rule added £40 to the average bill.",
        "The council added two buses to the route.",
        "Heavy rain adds to the pressure on the flood team.",
        "The landlord added a clause about pets to every lease.",
    ):
        assert not _about_adding(text), text


amounts = st.builds(
    lambda n, unit: f"{n:,} {unit}", st.integers(1, 10**7), st.sampled_from(["pounds", "buses", "jobs"])
)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["The rule", "Ms Okafor", "The council", "It"]), st.sampled_from(["added", "adds"]), amounts)
def test_added_before_an_amount_is_never_a_verb_of_saying(subject, verb, amount):
    assert not _about_adding(f"{subject} {verb} {amount} to the total this year.")


def test_a_verb_of_saying_inside_a_hyphenated_word_is_no_cue():
    text = "Her oft-said words about the old pier were read out at the meeting by the mayor."
    assert not [s for s in found(text) if s.label in ("cue", "claim")]


def test_a_plain_verb_of_saying_used_as_a_noun_is_no_cue_and_no_draft_calls_it_a_hedge():
    text = (
        "Fears are growing that the ferry will stop running next year.\n\n"
        "Their hopes of a new bridge faded after the vote.\n\n"
        "The reported delay angered commuters.\n\n"
        "The council hopes the new bridge will open in spring.\n\n"
        "Flooding was reported in the lower town on Sunday.\n\n"
        "The mayor blamed the alleged leak on a contractor."
    )
    cues = [s for s in found(text) if s.label == "cue"]
    assert [c.start for c in cues if c.quote.lower() in ("fears", "hopes", "reported")] == [
        text.index("hopes the new bridge"),
        text.index("reported in"),
    ]
    reasons = {c.quote: c.reason for c in cues}
    assert reasons["hopes"] == "attribution verb in our list (neutral): 'hopes'"
    assert reasons["reported"] == "word for saying in our list (neutral), perhaps not as a verb here: 'reported'"
    assert reasons["alleged"] == "word for saying in our list (doubting), perhaps not as a verb here: 'alleged'"
    assert not any("hedge" in c.reason for c in cues)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["the old swimming pool", "Ashby Fold Primary", "the pier"]),
    st.sampled_from(["the council", "its owner", "Ms Shah"]),
    st.sampled_from(["claims", "fears"]),
    st.sampled_from(["is too old to repair", "will have to close next year", "was never safe for children"]),
)
def test_a_noun_of_saying_after_the_subject_of_a_relative_clause_is_its_verb(thing, speaker, verb, said):
    text = f"Parents want to save {thing}, which {speaker} {verb} {said}."
    claim = quotes(text, "claim", BLANK)[f"{thing}, which {speaker} {verb} {said}"]
    assert text[claim.source[0] : claim.source[1]] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The council asked residents to stay away from the pool.",
        "Asked about the fares, Jo Lee said they would rise next year.",
        "A driver, who asked not to be named, said the depot would close.",
        "“The pool is shut.” Asked when it would open, the mayor said nothing.",
        "Jo Lee asked whether the pool would open before the summer holidays.",
        "“I would rather not think about it,” Jo Lee said when asked about the pool.",
        "The trader saw “a lot of waste” but was asked by the council to keep quiet.",
    ],
)
def test_asked_that_frames_no_quotation_is_no_verb_of_saying(text):
    assert "asked" not in {s.quote.lower() for s in found(text, "cue", BLANK)}
    assert not [s for s in found(text, nlp=BLANK) if "'asked'" in s.reason.lower()]


hedges = [w for w, (_, saying) in load_lexicon().cues.items() if not saying and w.isalpha() and w != "may"]


@given(
    st.sampled_from(hedges),
    st.sampled_from(["said to be worth millions, the painting was sold.", "told friends the plan would fail."]),
)
@settings(max_examples=40, deadline=None)
def test_a_hedge_that_opens_a_sentence_before_a_verb_of_saying_stays_a_cue(hedge, rest):
    """Only a month before a verb of saying is read as a name; a hedge there ('Allegedly said to be …') is a cue."""
    word = hedge[0].upper() + hedge[1:]
    assert word in quotes(f"{BEFORE_THE_STORY}{word} {rest}\n", "cue", BLANK)
