"""What kind a claim is (`suggest/claim_kinds.py`): a fact, a prediction (a modal, a headline's 'to'), an
accusation; and the sentences that are a claim by their news alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, found, names, quotes


def test_sentence_with_a_figure_is_a_claim():
    claims = quotes("Around 40 drones were fired at the city overnight.", "claim")
    assert "a figure ('40')" in claims["Around 40 drones were fired at the city overnight"].reason


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["accused", "accuses", "blamed", "blames"]), names)
def test_what_an_accusing_verb_reports_is_an_accusation(verb, name):
    link = "of letting" if verb.startswith("accus") else "for letting"
    text = f"{name} {verb} the board {link} the old library fall into a sorry state."
    claim = next(c for c in found(text, "claim", BLANK) if "library" in c.quote)
    assert claim.attrs["kind"] == "accusation"


modal_futures = st.sampled_from(["may", "might", "could", "will", "would", "is set to", "is expected to"])


@given(
    modal_futures,
    st.sampled_from(["review the decision next year", "reopen the branch on Saturdays", "close in June"]),
    st.sampled_from([", a spokesman said.", ", the council said.", ", Jo Reed said."]),
)
@settings(max_examples=60, deadline=None)
def test_a_claim_about_what_a_modal_verb_says_will_happen_is_a_prediction(modal, what, said):
    """'The council may review the decision next year, a spokesman said' drafted a fact: a modal of the future
    (may, might, could, will, would) or 'is set to', 'is expected to' before a verb makes the claim a
    prediction."""
    subject = "The library" if modal.startswith("is") else "The council"
    text = f"{BEFORE_THE_STORY}{subject} {modal} {what}{said}\n"
    assert quotes(text, "claim", BLANK)[f"{subject} {modal} {what}"].attrs["kind"] == "prediction"


@pytest.mark.parametrize(
    "claim",
    [
        "The fire may have started in the kitchen",  # 'may have': what perhaps happened
        "The council could not explain the figures",  # 'could not': what it was unable to do
        "The decision was taken in May",  # the month
        "The library set up a new reading group",  # 'set up', no 'to'
    ],
)
def test_a_modal_about_the_past_a_month_or_set_up_make_no_prediction(claim):
    text = f"{BEFORE_THE_STORY}{claim}, a spokesman said.\n"
    assert quotes(text, "claim", BLANK)[claim].attrs["kind"] == "fact"


@given(
    st.sampled_from(["The council", "The library", "Its owner"]),
    st.sampled_from(["may", "might", "will", "is set to", "is expected to"]),
    st.sampled_from(["review the decision next year", "reopen the branch on Saturdays"]),
)
@settings(max_examples=40, deadline=None)
def test_a_sentence_that_says_what_will_or_may_happen_is_a_prediction_of_its_own(subject, modal, what):
    """'The council may review the decision next year.' drafted no claim: said by no one, it is the reporter's
    prediction, which a reader may check as much as a figure."""
    text = f"{BEFORE_THE_STORY}{subject} {modal} {what}.\n"
    claims = quotes(text, "claim", BLANK)
    assert list(claims) == [f"{subject} {modal} {what}"]
    assert claims[f"{subject} {modal} {what}"].attrs == {"kind": "prediction", "voice": "reporter"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Smoke could be seen for miles around.",  # 'could': what someone was able to see
        "The old pier would fill with tourists each summer.",  # 'would': what used to happen
        "Will the library close its doors next year?",  # a question
        "The fire may have started in the kitchen.",  # 'may have': what perhaps happened
        "The council could not explain the figures.",
    ],
)
def test_a_sentence_with_would_could_or_a_question_alone_is_no_prediction(sentence):
    assert not quotes(f"{BEFORE_THE_STORY}{sentence}\n", "claim", BLANK)


@pytest.mark.parametrize(
    "headline",
    [
        "Library to close in spring",
        "Town library to close two days a week",
        "Council To Review Library Opening Hours",
        "Ashford pool to be sold to developer",
    ],
)
def test_a_headlines_to_before_a_verb_is_what_is_planned_a_prediction(headline):
    """'Library to close in spring' was drafted as a fact (with a figure) or not at all: a headline leaves out 'is',
    and 'to close' says what is planned."""
    text = f"{headline}\n\nThe library has served the town since 1904, its owners said.\n"
    claims = quotes(text, "claim", BLANK)
    assert claims[headline].attrs["kind"] == "prediction"


@pytest.mark.parametrize(
    "text",
    [
        "Flights to Paris cancelled after storm\n\nNo flights left Paris on Monday, officials said.\n",
        "Mayor urged to resign over 40 delays\n\nThe mayor has not replied to letters, his office said.\n",
        "Plans for the pool split the town.\n\nResidents fought plans to close the library in 2019.\n",
        "Pictured: what appears to be a drone is seen over 40 homes\n\nThe picture was taken on Monday, police said.\n",
        "Two drones hit an oil depot close to key bridge\n\nThe depot burned for hours, officials said.\n",
    ],
)
def test_to_after_a_verb_before_a_name_or_outside_a_headline_is_no_plan(text):
    """'Flights to Paris': a place; 'urged to resign': what someone was asked; 'plans to close the library in 2019'
    in a sentence with its full stop: the sentence's own verb says what happened; a caption with 'is' has its verb;
    'close to' many words in is no headline's subject before its 'to'."""
    assert all(c.attrs["kind"] != "prediction" for c in found(text, "claim", BLANK))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The plan was a disgrace, officials said.", "fact"),
        ("The plan will cost more, officials said.", "prediction"),
        ("The council was accused of lying, residents said.", "accusation"),
    ],
)
def test_the_words_before_a_comma_and_who_said_them_keep_their_own_kind(text, kind):
    claims = list(quotes(f"{BEFORE_THE_STORY}{text}\n", "claim", BLANK).values())
    assert [c.attrs["kind"] for c in claims] == [kind]
