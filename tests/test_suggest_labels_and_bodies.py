"""Draft suggestions: 'was dubbed' and 'was called' as passive verbs of labelling, and ', which said' after a body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Article
from medialit.authoring import suggest as sg
from tests.test_suggest import BEFORE_THE_STORY, BLANK, quotes

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
