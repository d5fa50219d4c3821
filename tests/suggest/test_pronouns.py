"""Who a 'he', 'she' or 'they' who speaks stands for (`suggest/pronouns.py`): the person named before, never a place,
a country or the paper that was told; and a claim of a pronoun put to no one is still not the reporter's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BLANK, _source_of, found, quotes

from medialit.authoring.drafts import draft_why


def test_a_quote_ending_he_said_goes_to_the_named_person_before_it_in_the_paragraph():
    text = (
        "Senator Chuck Ray said on Monday that talks had failed. Later, Donald Lee, who leads the "
        "other side, spoke to reporters. “We will build a steel barrier in the end,” he said."
    )
    claims = quotes(text, "claim")
    claim = next(c for q, c in claims.items() if "steel barrier" in q)
    sources = quotes(text, "source")
    assert claim.source == (sources["Donald Lee"].start, sources["Donald Lee"].end)


def test_she_said_goes_to_the_named_speaker_not_the_group_named_beside_her():
    text = (
        "Jane Okoro, of the group Keep Westmoor Moving, said the vote was a victory. "
        "“People in small villages are not second-class citizens,” she said."
    )
    sources = quotes(text, "source")
    claim = next(c for q, c in quotes(text, "claim").items() if "second-class" in q)
    assert claim.source == (sources["Jane Okoro"].start, sources["Jane Okoro"].end)


def test_he_said_goes_to_the_person_before_it_not_a_country_named_in_between():
    text = "Veteran diplomat Sara Lind called for talks with Norway’s government. ‘They must listen to us,’ she said."
    claim = quotes(text, "claim")["They must listen to us"]
    speaker = next(s for s in found(text, "source") if s.start == claim.source[0])
    assert "Sara Lind" in speaker.quote


def test_she_told_reporters_goes_to_the_person_named_in_the_paragraph_before():
    text = (
        "Union leader Maria Costa criticised the timetable at a rally on Monday.\n\n"
        "She told reporters the drivers would walk out again next week."
    )
    assert "Maria Costa" in _source_of(text, "the drivers would walk out again next week")


def test_he_said_goes_to_the_first_name_of_the_sentence_before_not_a_place_after_it():
    text = (
        "Okafor would not say whether Leeds had asked for more money. "
        "He said the talks had gone well and would continue in May."
    )
    assert _source_of(text, "the talks had gone well and would continue in May") == "Okafor"


def test_a_place_in_the_paragraph_before_is_never_who_he_is():
    text = 'The buses stopped running in Leeds on Monday.\n\n"We are doing all we can to help," he said.'
    assert _source_of(text, '"We are doing all we can to help,"') == ""


def test_the_paper_that_was_told_is_never_who_he_is():
    text = (
        "Transport chief Amira Khan told the Valley Gazette that fares would be frozen.\n\n"
        '"Nobody should pay more for a worse service," she added.'
    )
    assert "Amira Khan" in _source_of(text, '"Nobody should pay more for a worse service,"')


@given(
    st.sampled_from(["A company spokesman", "The mayor", "A spokeswoman for the firm", "A local councillor"]),
    st.sampled_from(["He", "She"]),
    st.sampled_from(["added that", "said"]),
    st.sampled_from([" ", "\n\n"]),
)
@settings(max_examples=40, deadline=None)
def test_a_pronoun_that_speaks_is_put_to_the_unnamed_speaker_before_it(speaker, pronoun, verb, gap):
    """'He added that the quarry would bring 200 jobs', after 'A company spokesman said …' in the paragraph before,
    was drafted with no source ('no source given'), and after a name two paragraphs up it was put to that name."""
    text = (
        "Councillor Maria Hale said the quarry would ruin the valley.\n\n"
        f"{speaker} said the firm had followed every rule.{gap}{pronoun} {verb} the quarry would bring jobs.\n"
    )
    sources = quotes(text, "source", BLANK)
    claim = quotes(text, "claim", BLANK)["the quarry would bring jobs"]
    assert claim.source == (sources[speaker].start, sources[speaker].end)


def test_he_or_she_is_never_put_to_a_group_but_they_may_be():
    text = "Police said the road would stay open.\n\n{} added that nobody was hurt in the crash.\n"
    assert quotes(text.format("He"), "claim", BLANK)["nobody was hurt in the crash"].source is None
    police = quotes(text.format("They"), "source", BLANK)["Police"]
    assert quotes(text.format("They"), "claim", BLANK)["nobody was hurt in the crash"].source == (
        police.start,
        police.end,
    )


@given(
    st.sampled_from(["", "The bridge has been shut since spring. ", "The council met on Monday.\n\n"]),
    st.sampled_from(["He", "She", "They"]),
    st.sampled_from(["", " also", " later", " has since"]),
    st.sampled_from(["said", "added that", "told reporters", "warned"]),
)
@settings(max_examples=60, deadline=None)
def test_a_claim_from_a_pronoun_put_to_no_one_says_whose_word_it_is_not_the_reporters(before, pronoun, adverb, verb):
    """'He said the plan would fail.' with no one named before was drafted 'The reporter says this is true': the
    claim is someone's, so the draft says the text calls them only 'he' and leaves the source to the instructor
    (and a day, 'on Monday', is nobody 'he' could stand for)."""
    text = f"{before}{pronoun}{adverb} {verb} the plan would fail within a year.\n"
    claim = quotes(text, "claim", BLANK)["the plan would fail within a year"]
    assert claim.source is None and claim.speaker_word == pronoun
    assert not quotes(text, "source", BLANK)
    why = draft_why(claim, {})
    assert "reporter" not in why and f"“{pronoun.lower()}”" in why and f"(L{claim.line})" in why
    # the words after the pronoun agree with it: 'not who she is', 'not who they are' (not 'calls them only “she”')
    assert f", not who {pronoun.lower()} {'are' if pronoun == 'They' else 'is'} (L" in why and " them " not in why


def test_a_verb_that_opens_the_article_has_no_pronoun_before_it_even_when_the_article_ends_on_one():
    """The word before the article's first token is no word: a pronoun at the very end was taken for it."""
    claims = quotes("Said the pool would close for good, as did they", "claim", BLANK)
    assert claims and all(c.speaker_word == "" for c in claims.values())


def test_a_pronoun_put_to_its_speaker_leaves_no_word_for_an_unnamed_one():
    text = "A company spokesman said the firm had followed every rule. He added that the quarry would bring jobs."
    assert quotes(text, "claim", BLANK)["the quarry would bring jobs"].speaker_word == ""
    assert (
        quotes("Jo Lee said the quarry would bring jobs.", "claim", BLANK)["the quarry would bring jobs"].speaker_word
        == ""
    )
