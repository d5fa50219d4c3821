"""Who declined to comment: a source that said nothing, no claim of theirs, and a claim that stops where someone
else, or its own speaker, gives no comment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BLANK, _source_of, found, jobs, names, quotes

from medialit.authoring.drafts import draft_hints, draft_why
from medialit.authoring.lexicons import load_lexicon

no_comment = st.sampled_from(["declined to comment", "refused to comment", "could not be reached for comment"])


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(names, st.builds("The {}".format, jobs), st.just("A spokesman for Acme Ltd")),
    no_comment,
    st.sampled_from([".", " on the plans.", " when asked whether the pool would close next year."]),
)
def test_who_declined_to_comment_is_a_source_that_said_nothing_and_no_claim(who, phrase, after):
    text = f"{who} {phrase}{after}"
    drafts = found(text)
    sources = [s for s in drafts if s.label == "source"]
    assert len(sources) == 1 and sources[0].said_nothing and sources[0].quote in who
    assert "said nothing" in sources[0].reason and "said nothing" in draft_why(sources[0], {})
    assert not any("come from" in hint for hint in draft_hints(sources[0]))
    assert not [s for s in drafts if s.label == "claim" or s.quote == "could"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(
        ["diocese", "academy", "landlord", "brewery", "operator", "town's oldest pub", "tenants of the estate"]
    ),
    st.sampled_from(["", ", which owns the land,", ", asked on Monday,"]),
    no_comment,
    st.sampled_from(["The ", "Asked about the plans, the ", "The talks collapsed and the "]),
)
def test_any_noun_phrase_before_declined_to_comment_is_who_said_nothing(who, aside, phrase, before):
    text = f"{before}{who}{aside} {phrase}."
    sources, who = quotes(text, "source", BLANK), f"{before.split()[-1]} {who}"  # with its 'the'
    assert list(sources) == [who] and sources[who].said_nothing and sources[who].attrs["identity"] == "anonymous"
    assert not found(text, "claim", BLANK)
    assert not quotes(f"They {phrase}.", "source", BLANK)  # a pronoun stands for someone named before


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Two", "Three", "All 12", "Two of the five"]),
    st.sampled_from(["hotels", "councillors", "bus firms", "local landlords"]),
    no_comment,
    st.sampled_from([".", " on the plans."]),
)
def test_a_figure_in_who_said_nothing_drafts_no_claim(count, who, phrase, after):
    assert not found(f"{count} {who} {phrase}{after}", "claim", BLANK)


def test_a_figure_in_an_aside_or_after_no_comment_still_drafts_a_claim():
    for text in (
        "The firm, which lost £3m last year, declined to comment.",
        "The council declined to comment on the 40 job cuts.",
    ):
        assert [s.label for s in found(text, "claim", BLANK)] == ["claim"], text


def test_a_source_that_speaks_is_not_one_that_said_nothing():
    text = "The council declined to comment, but a spokesman for Acme Ltd said the talks had failed."
    sources = quotes(text, "source")
    assert sources["The council"].said_nothing and not sources["a spokesman for Acme Ltd"].said_nothing
    assert "comes from them" in draft_why(sources["a spokesman for Acme Ltd"], {})
    assert _source_of(text, "the talks had failed") == "a spokesman for Acme Ltd"


@settings(max_examples=40, deadline=None)
@given(
    names,
    st.sampled_from(["but ", "and ", "while ", ""]),
    st.sampled_from(["the council", "the harbour master", "its owners", "Ms Shah"]),
    no_comment,
)
def test_a_claim_stops_where_someone_else_declines_to_comment(name, joined, other, phrase):
    text = f"{name} said the pool would close within a year, {joined}{other} {phrase} on the plans."
    claims = quotes(text, "claim", BLANK)
    assert "the pool would close within a year" in claims, claims
    assert not [c for c in claims if phrase in c]


def test_a_claim_after_a_time_that_says_nothing_does_not_run_on_past_who_declined_to_comment():
    text = "The next day said little about the ferry, and the harbour master declined to comment on the pier."
    assert not [c for c in quotes(text, "claim", BLANK) if "harbour master" in c]


@st.composite
def no_comment_words(draw) -> str:
    """Any phrase that our no-comment list matches: one of the choices for each word, an optional word or not."""
    words = []
    for word in draw(st.sampled_from(load_lexicon().no_comment)):
        if not (word.endswith("?") and draw(st.booleans())):
            words.append(draw(st.sampled_from(word.rstrip("?").split("|"))))
    return " ".join(words)


@settings(max_examples=60, deadline=None)
@given(names, st.sampled_from([", ", ", but ", ", and ", " but ", " and "]), no_comment_words())
def test_a_claim_stops_where_its_own_speaker_gives_no_comment(name, joined, phrase):
    text = f"{name} said the pool would close within a year{joined}{phrase} on the plans."
    claims = quotes(text, "claim", BLANK)
    assert list(claims) == ["the pool would close within a year"], claims
