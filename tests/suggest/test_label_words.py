"""The words a label with no 'a' is made of (`suggest/label_words.py`): the endings only adjectives have."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.authoring.suggest.label_words import adjective_shaped
from medialit.authoring.suggest.word_lists import ADJECTIVE_ENDINGS, NEGATED_ENDINGS


@pytest.mark.parametrize(
    "word",
    ["reckless", "dangerous", "awful", "irresponsible", "unworkable", "childish", "unethical", "unrealistic"]
    + ["irrational", "illegal", "irrelevant", "unattractive", "unfair", "unwise", "unclear"],
)
def test_a_word_with_an_adjectives_ending_or_a_negating_prefix_is_shaped_as_one(word):
    assert adjective_shaped(word)


@pytest.mark.parametrize(
    "word",
    ["hospital", "clinic", "detective", "tenant", "student", "constable", "table", "parish", "fish", "bless", "uncle"]
    + ["union", "understudy", "uniform", "individual", "initiative", "immigrant", "dissident", "responsible"]
    + [
        "available",
        "police",
        "quits",
        "off",
        "immediately",
        "unexpectedly",
        "absurd",
        "silly",
        "Reckless",
        "re-usable",
    ],
)
def test_a_noun_a_short_word_or_an_adjective_with_no_telling_ending_is_not(word):
    """Nouns that share an ending ('hospital', 'constable'), too short a stem ('table', 'fish'), 'un' that opens no
    negated word ('uncle', 'union', 'understudy'), a word that goes after its noun ('responsible'), a name, and the
    adjectives no ending shows ('absurd', 'silly'), which the rule misses rather than guess."""
    assert not adjective_shaped(word)


@given(st.sampled_from(["in", "im", "dis", "con", "re", "pro", ""]), st.text("abcdefghijklmnoprstuvwy", max_size=8))
def test_a_noun_ending_shared_with_adjectives_is_one_only_after_un_ir_or_il(prefix, stem):
    """For every stem: '-al', '-ic', '-ive', '-ant' and '-ent' with no other ending of adjectives make no adjective
    unless 'un', 'ir' or 'il' opens the word."""
    for end in NEGATED_ENDINGS:
        word = f"{prefix}{stem}{end}"
        if not word.startswith(("un", "ir", "il")) and not word.endswith(tuple(ADJECTIVE_ENDINGS)):
            assert not adjective_shaped(word), word


@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_a_capital_or_a_character_that_is_no_letter_makes_no_adjective(word):
    assert not adjective_shaped(word.capitalize()) or word.capitalize() == word
    assert not adjective_shaped(f"{word}-{word}")
    assert not adjective_shaped(f"{word}ly")
