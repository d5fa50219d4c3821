"""Draft suggestions: 'was dubbed' and 'was called' as passive verbs of labelling, and ', which said' after a body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Article
from medialit.authoring import suggest as sg
from tests.test_suggest import BEFORE_THE_STORY, BLANK, _source_of, quotes

# --- 'was dubbed' and 'was called' before a label are verbs of labelling ---------------------------


@given(
    st.sampled_from(["was dubbed", "was called", "has been dubbed", "was widely called"]),
    st.sampled_from(["reckless", "unworkable", "a failure", "an expensive mistake", "a waste of money"]),
    st.sampled_from([", critics said.", ", two officials told the Gazette.", "."]),
)
@settings(max_examples=40, deadline=None)
def test_a_passive_dubbed_or_called_before_a_label_is_a_judgement(verb, label, end):
    """'The scheme was dubbed a failure, officials said.' stayed a fact where 'was branded a disgrace' was a
    judgement: after 'was', 'called' and 'dubbed' with a label that names a quality right after them label, as
    'branded' and 'labelled' do."""
    text = f"{BEFORE_THE_STORY}The new scheme {verb} {label}{end}\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    claims = [s for s in found if s.label == "claim"]
    assert [(c.quote, c.attrs["kind"]) for c in claims] == [(f"The new scheme {verb} {label}", "judgement")]
    sources = [s for s in found if s.label == "source"]
    assert claims[0].source == ((sources[0].start, sources[0].end) if sources else None)


@pytest.mark.parametrize(
    "text",
    [
        "Residents called for a new bridge, officials said.",
        "An ambulance was called to the scene, officials said.",
        "The union called on the council to act, officials said.",
        "The strike was called off, officials said.",
        "A man called Tom was arrested, officials said.",
        "The baby was called Tom, officials said.",
        "The tower was dubbed the Gherkin, officials said.",
        "The ambassador was called home, officials said.",
        "The vote was called a day early, officials said.",
        "The nurse was called as a witness, officials said.",
        "The meeting was called by the council, officials said.",
        "The so-called reforms were dropped, officials said.",
    ],
)
def test_called_or_dubbed_that_asks_names_or_sends_stays_a_fact(text):
    """What the rule must leave: 'called' that asks, sends, calls off or gives a name labels nothing ('called for',
    'was called to the scene', 'called off', 'a man called Tom', 'was dubbed the Gherkin'), and 'so-called' is the
    writer's own doubt, a loaded word and no verb."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{text}\n"), BLANK)
    assert [s.attrs["kind"] for s in found if s.label == "claim"] == ["fact"]
    assert [s.quote for s in found if s.label == "cue"] == ["said"]


@pytest.mark.parametrize(
    "text", ["Some were called", "It was dubbed", "The plan was called\n\nA failure, critics said."]
)
def test_an_article_or_a_sentence_that_ends_on_a_passive_called_or_dubbed_drafts_what_it_can(text):
    """The label is looked for after the verb, in its sentence: with the article ending on the verb the look read
    past the last word (IndexError), and with the sentence ending there it read the next one's words as the label."""
    drafted = sg.suggest(Article(text), BLANK)
    assert all(0 <= s.start < s.end <= len(text) for s in drafted)
    assert not [s for s in drafted if s.quote in {"called", "dubbed"} or s.attrs.get("kind") == "judgement"]


def test_the_one_noun_a_passive_dubbed_puts_on_what_it_names_is_loaded_as_brandeds_is():
    text = f"{BEFORE_THE_STORY}The scheme was dubbed a failure, officials said.\n"
    assert "failure" in quotes(text, "loaded", BLANK)


# --- ', which said' after a body is that body's verb of saying, as ', who said' is a person's ------


@given(
    st.sampled_from(
        [
            ("The council", "The council"),
            ("Acme Ltd", "Acme Ltd"),
            ("The Harbourside Gazette", "The Harbourside Gazette"),
            ("The parish council", "The parish council"),
        ]
    ),
    st.sampled_from(["which said", "which later said", "which has said", "which told the Gazette"]),
    st.sampled_from([", reopened it.", "."]),
)
@settings(max_examples=40, deadline=None)
def test_a_body_that_which_said_follows_is_the_source(body, said, end):
    """'The council, which said the bridge was safe, reopened it' drafted the claim with no source, and its why said
    the reporter says it is true, where ', who said' after a name gives that name: 'which' stands for the body
    before the comma, a name or a group word, and the body speaks."""
    front, who = body
    text = f"{BEFORE_THE_STORY}{front}, {said} the old bridge was safe{end}\n"
    assert _source_of(text, "the old bridge was safe") == who


def test_which_said_after_a_body_named_after_its_group_word_gives_that_body():
    text = f"{BEFORE_THE_STORY}The road was shut by the charity Oxfam, which said the old bridge was unsafe.\n"
    assert _source_of(text, "the old bridge was unsafe") == "the charity Oxfam"


@pytest.mark.parametrize(
    "text",
    [
        "The road was shut near the bridge, which said the rain was too heavy.",  # a thing cannot speak
        "Floods hit homes in Leeds, which said the rain was too heavy.",  # nor a place
        "Nobody asked residents, who said the rain was too heavy.",  # 'who' after a group word stays off
    ],
)
def test_which_said_after_a_thing_or_a_place_gives_no_source(text):
    assert _source_of(f"{BEFORE_THE_STORY}{text}\n", "the rain was too heavy") == ""
    assert quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK) == {}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The plan was backed by Jo Lee, who said the rain was too heavy.", "Jo Lee"),
        ("A trader on High Street, who said the rain was too heavy, closed early.", "A trader on High Street"),
    ],
)
def test_who_said_after_a_name_or_a_place_is_as_it_was(text, who):
    assert _source_of(f"{BEFORE_THE_STORY}{text}\n", "the rain was too heavy") == who
