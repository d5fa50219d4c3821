"""What the suggester's tests share: drafting a sentence and picking out its drafts by label, the one
blank pipeline the property tests reuse, and the hypothesis strategies for words that tests of several rules draw."""

from __future__ import annotations

import spacy
from hypothesis import strategies as st

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.lexicons import load_lexicon

BLANK = spacy.blank("en")  # one pipeline for the property tests: its matchers are built once


def found(text: str, label: str | None = None, nlp=None):
    """The drafts of `text`, all or those of one label (with the blank pipeline unless `nlp` is given)."""
    return [
        s for s in sg.suggest(Article.from_text(text), nlp or spacy.blank("en")) if label is None or s.label == label
    ]


def quotes(text: str, label: str, nlp=None) -> dict[str, sg.Suggestion]:
    """The drafts of one label by their words, which is how most tests look a draft up."""
    return {s.quote: s for s in found(text, label, nlp)}


def _source_of(text: str, claim: str) -> str:
    """The words of the source that the drafted claim `claim` is put to ('' when it is put to none)."""
    made = quotes(text, "claim")[claim]
    return text[made.source[0] : made.source[1]] if made.source else ""


# words and sentences the property tests of more than one rule draw from
jobs = st.sampled_from([w for w, (_, group) in load_lexicon().sources.items() if not group and w.isalpha()])
names = st.builds("{} {}".format, st.sampled_from(["Priya", "Tom", "Ann"]), st.sampled_from(["Shah", "Reid", "Mills"]))
every_job = st.sampled_from([w for w in load_lexicon().sources if w.isalpha()])
group_words = st.sampled_from([w for w, (_, group) in load_lexicon().sources.items() if group and w.isalpha()])
unlisted = st.sampled_from(["trader", "hotels", "ferry operator", "bakery", "harbour master", "swimming club"])
scare_marks = st.sampled_from(["“{}”", "‘{}’", '"{}"', "'{}'"])
BEFORE_THE_STORY = "Plans for the pool split the town.\n\n"
labellers = st.sampled_from(["Campaigners", "Critics", "Councillor Jo Reed", "The union", "Protesters"])
labelled_things = st.sampled_from(["the plan", "the new car park", "its budget", "the county's offer"])
criticised_forms = st.sampled_from(["criticised", "criticized"])
