"""The drafted why and hints (`authoring/drafts.py`) of the suggester's drafts: whose words they are, what kind of
claim, the source named as a sentence's middle writes it, in words a 15-year-old reads."""

from __future__ import annotations

import re

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, found, group_words, scare_marks

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.drafts import draft_hints, draft_why, source_name
from medialit.authoring.lexicons import load_lexicon


@given(st.sampled_from(sorted(load_lexicon().sources)), st.sampled_from(["", " of the village", " at the depot"]))
@settings(max_examples=60, deadline=None)
def test_a_job_or_group_word_that_opened_its_sentence_loses_its_capital_after_according_to(word, rest):
    """Drafted whys said 'According to Critics' and 'According to Police': the capital was the sentence's, not a
    name's. A name that starts with such a word keeps it ('Police Scotland')."""
    quote = word.capitalize() + rest
    source = sg.Suggestion("source", 0, len(quote), quote, 4, {"identity": "anonymous"})
    claim = sg.Suggestion("claim", 40, 60, "the road would stay open", 4, {"voice": "reporter"}, source=(0, len(quote)))
    assert draft_why(claim, {(0, len(quote)): source_name(source)}).startswith(f"According to {word}{rest}, ")
    name = f"{word.capitalize()} Scotland"
    assert source_name(sg.Suggestion("source", 0, len(name), name, 4, {"identity": "anonymous"})) == name


@given(
    scare_marks,
    st.sampled_from(["liars", "a disgrace", "savings", "despot"]),
    st.sampled_from(
        [
            "One man sprayed {q} on the wall of the town hall.",
            "Councillor Jo Reed called the plan {q} on Monday.",
            "The council defended its {q} at a packed meeting on Monday.",
        ]
    ),
)
@settings(max_examples=40, deadline=None)
def test_a_drafted_why_never_puts_quoted_words_in_a_second_pair_of_marks(marks, word, sentence):
    """'One man sprayed “liars”' drafted the why '““liars”” (L3) is the words of the person quoted': words that
    keep their own quotation marks are shown in them, as the feedback shows them, not in a second pair (and a
    quoted word 'comes from the person quoted', one word not being 'the words')."""
    text = BEFORE_THE_STORY + sentence.format(q=marks.format(word)) + "\n"
    for draft in found(text, None, BLANK):
        why = draft_why(draft, {})
        assert not re.search(r"[“”‘’\"']{2}", why), (draft.label, draft.quote, why)
        assert "is the words" not in why, why


@given(
    st.sampled_from(
        [
            ("Library to close in spring\n\nThe library opened in 1904.\n", "Library to close in spring"),
            (f"{BEFORE_THE_STORY}The council may review the decision next year.\n", "The council may review"),
            (f"{BEFORE_THE_STORY}Jo Lee said the pool would close for good.\n", "the pool would close"),
            (f"{BEFORE_THE_STORY}He said the pool will close for good.\n", "the pool will close"),
            (f"{BEFORE_THE_STORY}“The pool will close for good,” said Jo Lee.\n", "“The pool will close"),
        ]
    )
)
@settings(max_examples=20, deadline=None)
def test_the_drafted_why_of_a_prediction_says_it_is_about_the_future(case):
    """A may/will sentence or a headline's 'to close' was explained as '… says this is true': a prediction says what
    will or may happen, which no one can know yet, so the why says so in words a student understands."""
    text, start = case
    found = sg.suggest(Article.from_text(text), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim" and s.quote.startswith(start))
    assert claim.attrs["kind"] == "prediction"
    why = draft_why(claim, names)
    assert "is true" not in why and "will or may happen" in why and f"(L{claim.line})" in why
    assert "no one can know yet if it will come true" in why
    assert textstat.flesch_kincaid_grade(why) <= 9
    assert draft_hints(claim)[0] == f"What does L{claim.line} say will or may happen?"


def test_the_drafted_why_of_a_claim_about_what_happened_still_says_it_is_true():
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}Jo Lee said the pool had closed in May.\n"), BLANK)
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, {claim.source: "Jo Lee"}).startswith("According to Jo Lee, this is true")


@given(
    st.sampled_from(
        [
            ("Officials criticised the plan as a waste of money.", "This is the opinion of officials"),
            ("Campaigners branded the plan a disgrace.", "This is the opinion of campaigners"),
            ("The plan was branded a disgrace by residents.", "This is the opinion of residents"),
            ("The plan was branded a disgrace.", "The text does not say whose opinion this is"),
            ("She branded the plan a disgrace.", "This is someone's opinion, but the text only says “she”"),
        ]
    )
)
@settings(max_examples=10, deadline=None)
def test_the_drafted_why_of_a_judgement_says_it_is_an_opinion_not_true_or_false(case):
    """'Officials criticised the plan as a waste of money' was explained as 'According to officials, this is true': a
    judgement says how good or bad something is, which is not simply true or false (as the Claims page teaches), so
    the why says whose opinion it is, and no one's when no one is named, since a verb of labelling drafted it."""
    text, opens = case
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{text}\n"), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim")
    assert claim.attrs["kind"] == "judgement"
    why = draft_why(claim, names)
    assert why.startswith(opens) and f"(L{claim.line})" in why
    assert "is true" not in why and "not simply true or false" in why and "reporter" not in why
    assert textstat.flesch_kincaid_grade(why) <= 9
    assert draft_hints(claim)[0] == f"What opinion does L{claim.line} give?"


def test_the_drafted_why_of_an_accusation_still_says_it_is_true():
    """An accusation can be checked (the Claims page): its why keeps 'this is true', unlike a judgement's."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}Residents blamed the council for the delay.\n"), BLANK)
    claim = next(s for s in found if s.label == "claim")
    assert claim.attrs["kind"] == "accusation"
    assert draft_why(claim, {claim.source: "residents"}).startswith("According to residents, this is true")


@pytest.mark.parametrize("who", ["Shoppers", "Local shoppers", "Swimmers"])
def test_a_group_in_words_of_no_list_is_named_in_small_letters_mid_sentence(who):
    """'Shoppers said the high street would suffer.' was explained 'According to Shoppers, …': the capital was the
    sentence's, and mid-sentence a group the article does not name is written small."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{who} said the high street would suffer.\n"), BLANK)
    source = next(s for s in found if s.label == "source")
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, {claim.source: source_name(source)}).startswith(f"According to {who.lower()}, ")


@given(
    st.sampled_from(["Energy firm {name}", "The union {name}", "On Monday the {group} {name}", "The {group} {name}"]),
    st.sampled_from(["Northgrid", "Unite", "Harbourside"]),
    group_words,
)
@settings(max_examples=40, deadline=None)
def test_the_drafted_why_names_a_body_after_its_group_word_with_no_capital_mid_sentence(front, name, group):
    """The drafted why wrote 'According to Energy firm Northgrid', with the sentence's capital mid-sentence: a name
    after a group word is the body's own, so the why gives that name, with its capital, and no group word."""
    text = f"{BEFORE_THE_STORY}{front.format(name=name, group=group)} said the pool had closed in May.\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, names).startswith(f"According to {name}, this is true")
