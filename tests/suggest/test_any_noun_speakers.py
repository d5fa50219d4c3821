"""Speakers whose noun is in no list (`suggest/any_noun_speakers.py`), found by where they stand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BLANK, _source_of, quotes, unlisted

from medialit.authoring.lexicons import load_lexicon
from medialit.authoring.suggest.word_lists import SPEAKER_DETERMINERS


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(sorted(SPEAKER_DETERMINERS | {"two", "three", "12"})),
    st.sampled_from(["", "local ", "small "]),
    unlisted,
    st.sampled_from(["said", "says", "told reporters", "warned", "insisted", "had said", "has told the Gazette"]),
    st.sampled_from(["", "Asked about the fares, ", "The pier is shut and "]),
)
def test_any_noun_after_a_word_that_picks_it_out_right_before_a_verb_of_saying_is_the_speaker(
    which, describing, noun, verb, before
):
    assert not set(noun.split()) & set(load_lexicon().sources)  # no job or group word makes it a speaker
    who = f"{which} {describing}{noun}" if before else f"{which.title()} {describing}{noun}"
    text = f"{before}{who} {verb} the ferry would stop running in the winter."
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    assert "whatever the noun" in sources[who].reason  # the author sees that no word list named it
    assert _source_of(text, "the ferry would stop running in the winter") == who
    quoted = f"“The ferry will stop running in the winter,” {which} {describing}{noun} said."
    assert list(quotes(quoted, "source", BLANK)) == [f"{which} {describing}{noun}"]
    hedged = f"{before}{who} reportedly {verb} the ferry would stop running in the winter."
    assert list(quotes(hedged, "source", BLANK)) == [who]  # the hedge is the reporter's, not part of who speaks
    assert _source_of("A local trader had reportedly said the route would close.", "the route would close") == (
        "A local trader"
    )


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["A", "One", "Another"]),
    unlisted,
    st.sampled_from(
        [
            ", who asked not to be named,",
            ", who asked not to be named because she hopes to keep her stall,",
            ", who asked not to be named because he still works at the depot on the edge of town,",
        ]
    ),
)
def test_any_noun_before_a_long_who_clause_and_a_verb_of_saying_is_the_speaker(which, noun, aside):
    """'A librarian, who asked not to be named because she fears for her job, said …': the reason a source is not
    named often takes a clause longer than a dozen words; the noun before it is who speaks, whatever the noun (the
    comma that opens the clause was looked for only a dozen words back, and no source was drafted)."""
    who = f"{which} {noun}"
    text = f"{who}{aside} said the ferry would stop running in the winter."
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    assert _source_of(text, "the ferry would stop running in the winter") == who


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(sorted(SPEAKER_DETERMINERS | {"two", "12"})),
    st.sampled_from(["", "local "]),
    unlisted,
    st.sampled_from(["said", "says", "added", "insisted"]),
    st.sampled_from([".", ", who asked not to be named.", " on Monday.", " last week."]),
)
def test_any_noun_after_a_quotation_and_a_verb_of_saying_is_the_speaker(which, describing, noun, verb, after):
    who = f"{which} {describing}{noun}"
    text = f"“The ferry will not sail again until the spring,” {verb} {who}{after}"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    assert "whatever the noun" in sources[who].reason
    assert _source_of(text, "“The ferry will not sail again until the spring,”") == who
    assert not [c for c in quotes(text, "claim", BLANK) if noun in c]  # who speaks is not what they said


@pytest.mark.parametrize(
    "after",
    [
        "on Monday",
        "last week",
        "in a statement",
        "one morning",
        "the next day",
        "a day later",
        "that the pool was shut",
        "the pool was shut",
    ],
)
def test_what_follows_said_after_a_quotation_is_no_speaker_when_it_is_when_how_or_what(after):
    text = f"“The ferry will not sail again until the spring,” said {after}."
    assert not quotes(text, "source", BLANK), text
