"""The whole draft (`suggest/assembly.py`, `suggest/suggestion.py`): on any text every span is in range and snapped
to whole words, the labels asked for are the labels drafted, and each draft carries a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Article, InputError
from medialit.authoring import suggest as sg

ROOT = Path(__file__).resolve().parents[2]


KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt"


def test_labels_filter_and_unknown_label():
    article = Article.from_text("Jo Smith said the furious crowd left.")
    assert {s.label for s in sg.suggest(article, spacy.blank("en"), labels=["loaded"])} == {"loaded"}
    with pytest.raises(InputError):
        sg.suggest(article, spacy.blank("en"), labels=["opinion"])


def test_kremlin_suggestions_are_snapped_and_explained():
    article = Article.from_file(KREMLIN)
    found_all = sg.suggest(article, spacy.blank("en"))
    assert len(found_all) > 100
    for s in found_all:
        assert article.text[s.start : s.end] == s.quote
        assert article.snap(s.start, s.end, keep_quotes=True) == (s.start, s.end)
        assert s.reason and s.line == article.line_of(s.start)
    by_quote = {(s.label, s.quote) for s in found_all}
    assert ("source", "Kremlin spokesperson Dmitry Peskov") in by_quote
    assert ("loaded", "despot") in by_quote
    assert ("source", "It is understood") in by_quote


pieces = st.sampled_from(
    [
        "a",
        "B",
        " ",
        "said ",
        "It is understood ",
        "furious ",
        "Jo Smith ",
        "‘",
        "’",
        "“",
        "”",
        "'",
        '"',
        ".",
        ",",
        ":",
        "–",
        "\n",
        "\n\n",
        "é",
        "🙂",
        "e\u0301",
        "40 ",
    ]
)


texts = st.lists(pieces, max_size=60).map("".join)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_any_text_gives_snapped_in_range_suggestions(text):
    if not text.strip():
        return
    article = Article.from_text(text)
    for s in sg.suggest(article, spacy.blank("en")):
        assert 0 <= s.start < s.end <= len(article.text)
        assert article.text[s.start : s.end] == s.quote
        assert s.label in sg.LABELS and s.reason


def test_every_suggestion_has_a_confidence_and_min_confidence_cuts():
    article = Article.from_text("The despot slammed the horrendous plan, Jo Smith said on Monday.")
    every = sg.suggest(article, spacy.blank("en"), min_confidence=0)
    assert all(0 < s.confidence <= 1 for s in every)
    kept = sg.suggest(article, spacy.blank("en"), min_confidence=0.7)
    assert kept and all(s.confidence >= 0.7 for s in kept)
    assert {s.quote for s in kept} < {s.quote for s in every}


words = st.sampled_from(["deal", "breaker", "slam", "thug", "so", "called", "anti", "war", "furious", "Jo", "said"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(words, st.sampled_from([" ", "-", ", ", ". "])), min_size=1, max_size=20))
def test_no_span_starts_or_ends_inside_a_hyphenated_word(parts):
    text = "".join(w + sep for w, sep in parts).strip(" -,.") + "."
    if not any(ch.isalpha() for ch in text):
        return
    article = Article.from_text(text)
    for s in sg.suggest(article, spacy.blank("en"), min_confidence=0):
        before = article.text[s.start - 2 : s.start]
        after = article.text[s.end : s.end + 2]
        assert not (len(before) == 2 and before[1] == "-" and before[0].isalnum()), s
        assert not (len(after) == 2 and after[0] == "-" and after[1].isalnum()), s
