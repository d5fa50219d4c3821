"""The claim rule (`suggest/claims.py`): what a verb of saying, 'according to' or an agentless 'it is understood'
reports, where it starts (past who was told) and where it stops."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, found, jobs, names, quotes


def test_speaker_and_reported_claim_with_reasons():
    text = "Council leader Jo Smith said the plan would cut traffic by half."
    sources = quotes(text, "source")
    assert "Council leader Jo Smith" in sources
    assert sources["Council leader Jo Smith"].attrs == {"identity": "named", "role": "official"}
    assert "said" in sources["Council leader Jo Smith"].reason
    claims = quotes(text, "claim")
    assert "the plan would cut traffic by half" in claims
    claim = claims["the plan would cut traffic by half"]
    assert claim.source == (sources["Council leader Jo Smith"].start, sources["Council leader Jo Smith"].end)
    assert claim.attrs["voice"] == "reporter" and claim.attrs["kind"] == "prediction"


def test_a_quotation_that_finishes_a_reported_clause_stays_in_its_claim():
    text = (
        "The head teacher said the old hall had become “a danger to every child who walks past it”.\n\n"
        "A parent said the repairs were “years late and far too small”, but the school disagreed.\n\n"
        "She added that “nobody on the board has been inside the building in a decade”."
    )
    claims = quotes(text, "claim")
    assert "the old hall had become “a danger to every child who walks past it”" in claims
    assert not [q for q in claims if q.endswith(" had become") or q.startswith("“a danger")]
    assert claims["the old hall had become “a danger to every child who walks past it”"].attrs["voice"] == "quoted"
    assert "the repairs were “years late and far too small”" in claims  # the writer's words after the comma stay out
    assert "“nobody on the board has been inside the building in a decade”" in claims  # 'added that “…”' introduces it


def test_who_was_told_is_neither_in_the_claim_nor_the_speaker():
    text = (
        "The landlord, Ray Duffy, told the Westbrook Courier that the pub would reopen by Christmas.\n\n"
        "A fire officer told reporters the blaze had started in the kitchen.\n\n"
        "Ray Duffy told them the insurance would cover most of the damage."
    )
    claims = quotes(text, "claim")
    assert "the pub would reopen by Christmas" in claims
    assert "the blaze had started in the kitchen" in claims
    assert "the insurance would cover most of the damage" in claims
    assert not [q for q in claims if "Courier" in q or "reporters" in q or q.startswith("them")]
    speaker = next(s for s in found(text, "source") if s.line == 1)
    assert "Ray Duffy" in speaker.quote and "Courier" not in speaker.quote
    assert claims["the pub would reopen by Christmas"].source == (speaker.start, speaker.end)  # not the paper


def test_what_follows_according_to_is_the_source_and_the_claim_is_the_rest_of_the_sentence():
    text = (
        "According to figures released by the health board, waiting times doubled over the winter.\n\n"
        "Waiting times doubled over the winter, according to figures released by the health board.\n\n"
        "According to Dr Amy Lund, the new ward will open in April."
    )
    claims = quotes(text, "claim")
    assert set(claims) == {
        "waiting times doubled over the winter",
        "Waiting times doubled over the winter",
        "the new ward will open in April",
    }
    figures = next(s for s in found(text, "source") if s.quote == "figures released by the health board")
    assert figures.attrs["identity"] == "anonymous" and "according to" in figures.reason.lower()
    assert claims["waiting times doubled over the winter"].source == (figures.start, figures.end)
    assert claims["Waiting times doubled over the winter"].source is not None
    doctor = next(s for s in found(text, "source") if "Amy Lund" in s.quote)
    assert claims["the new ward will open in April"].source == (doctor.start, doctor.end)


def test_what_it_is_understood_passes_on_is_a_claim_from_a_hidden_source():
    text = (
        "It is understood that the head teacher was asked to step down before the summer.\n\n"
        "The cuts are believed to have been drawn up by the finance office."
    )
    assert _source_of(text, "the head teacher was asked to step down before the summer") == "It is understood"
    drawn = next(c for c in found(text, "claim") if "drawn up by the finance office" in c.quote)
    assert text[drawn.source[0] : drawn.source[1]] == "are believed to"


def test_a_hyphen_inside_a_word_does_not_end_a_reported_claim():
    text = "The council said it would cut non-urgent repairs to the town hall this year."
    assert "it would cut non-urgent repairs to the town hall this year" in quotes(text, "claim")


agentless_verbs = st.sampled_from(["is thought to", "are believed to", "was understood to", "are expected to"])


subjects = st.one_of(names, st.builds("the {}".format, jobs), st.sampled_from(["two men", "the hackers", "some staff"]))


@settings(max_examples=25, deadline=None)
@given(subjects, agentless_verbs, st.sampled_from(["", "In March, ", "We know little, but "]))
def test_what_an_agentless_verb_passes_on_keeps_its_subject(subject, verb, before):
    claim = f"{subject if before else subject[0].upper() + subject[1:]} {verb} have closed the old depot on Mill Lane"
    assert _source_of(f"{before}{claim}.", claim) == verb


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["warned", "warns", "warn"]),
    st.sampled_from(["the council", "parents on Monday", "the Harbourside Gazette", "them"]),
)
def test_who_was_warned_is_left_out_of_what_they_were_warned(verb, listener):
    text = f"The doctors {verb} {listener} that the old pool would have to close."
    assert _source_of(text, "the old pool would have to close") == "The doctors"


@settings(max_examples=25, deadline=None)
@given(
    names,
    st.sampled_from(["but ", "and ", "while ", ""]),
    st.sampled_from(["the council", "its owners", "the club's new chairman", "Ms Shah"]),
    st.sampled_from(["said", "says", "claimed", "insisted"]),
)
def test_a_claim_stops_where_another_speaker_says_something_else(name, joined, other, verb):
    text = f"{name} said the stadium would be sold within a year, {joined}{other} {verb} no deal had been agreed."
    claims = quotes(text, "claim", BLANK)
    assert "the stadium would be sold within a year" in claims and "no deal had been agreed" in claims


def test_the_same_speaker_going_on_after_a_comma_stays_in_the_claim():
    text = "Jo Lee said the pool would close in May, but could not say when the new one would open."
    assert "the pool would close in May, but could not say when the new one would open" in quotes(text, "claim")


def test_who_was_asked_is_no_claim_but_the_question_has_its_speaker():
    text = "“Where will the children swim now?” Jo Lee asked the mayor at the packed meeting on Monday."
    assert not quotes(text, "claim", BLANK)
    assert list(quotes(text, "source", BLANK)) == ["Jo Lee"]


def test_that_after_a_verb_of_saying_still_reports_a_clause_of_its_own():
    text = "Jo Lee warned that officials said the bridge was unsafe for buses."
    assert "the bridge was unsafe for buses" in quotes(text, "claim", BLANK)


@given(
    st.sampled_from(["Jo Lee", "A spokesman", "The mayor"]),
    st.sampled_from(["told", "tells"]),
    st.sampled_from(["the paper", "the local paper", "friends", "the inquiry", "her neighbours"]),
    st.sampled_from(["the council", "it", "they", "Westfield Council", "two buses"]),
    st.sampled_from(["saves money every year", "had ignored the warnings", "would close the road in May"]),
)
@settings(max_examples=60, deadline=None)
def test_who_was_told_is_left_out_of_what_was_told(who, verb, heard, subject, rest):
    """'told the paper the council saves money' drafted 'the paper the council saves money': a few words after 'told'
    that no list names are who heard it when a clause's subject follows them (a word that picks out which one, a
    pronoun, a name or a number), and what was told starts there."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {heard} {subject} {rest}.\n"
    claims = quotes(text, "claim", BLANK)
    assert f"{subject} {rest}" in claims
    assert not any(heard in q for q in claims)


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman told the local paper budget cuts were needed this year.",
        "Jo Lee told friends residents were angry about the plan.",
    ],
)
def test_told_with_no_clear_edge_between_who_heard_and_what_drafts_no_claim(text):
    """Where the words after 'told' run on with no word that opens a clause's subject, where who heard it ends is not
    known without a parse ('the local paper budget cuts were needed'): no claim is drafted rather than a wrong one."""
    assert not quotes(text, "claim", BLANK)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Jo Lee warned the plan would fail within a year.", "the plan would fail within a year"),
        ("Residents told how the fire spread through the flats.", "how the fire spread through the flats"),
        ("Jo Lee told reporters the plan would fail within a year.", "the plan would fail within a year"),
    ],
)
def test_a_verb_with_no_listener_or_a_listed_one_still_reports_its_clause(text, claim):
    assert claim in quotes(text, "claim", BLANK)
