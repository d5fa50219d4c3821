"""The word lists the rules read: the curated lexicons (`authoring/lexicons.py`, `authoring/lexicon/`), their
licences and filters, the forms a listed word is found in, and the fixed lists of `suggest/word_lists.py`."""

from __future__ import annotations

from pathlib import Path

from suggest_helpers import quotes

from medialit.authoring import lexicons
from medialit.authoring.lexicons import LOADED_KINDS, load_lexicon
from medialit.authoring.suggest.word_lists import CHARGE_VERBS, CRITICISM_VERBS, LABELLING_VERBS, QUESTION_CUES
from medialit.core.labels import DEFAULT_LABELS


def test_every_lexicon_file_is_listed_with_its_licence():
    folder = Path(lexicons.__file__).parent / "lexicon"
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for path in folder.iterdir():
        if path.name != "SOURCES.md":
            assert f"`{path.name}`" in sources, f"{path.name} is not in SOURCES.md"
    lex = load_lexicon()
    assert lex.vader["horrendous"] < -2.5 and "attack" not in lex.vader  # news words filtered out
    assert lex.cues["insisted"] == ("doubting", True)
    assert "Copyright (c) 2016 C.J. Hutto" in sources  # MIT asks for its notice to travel with the words
    assert 'license="PDDL"' in sources


def test_the_filtered_lexicons_keep_to_the_filters_that_sources_md_states():
    folder = Path(lexicons.__file__).parent / "lexicon"
    rows = [
        line.split("\t")
        for line in (folder / "pattern_subjective.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    lex = load_lexicon()
    assert all(abs(v) >= 2.5 for v in lex.vader.values()) and len(lex.vader) > 500
    assert all(1.5 <= abs(v) < 2.5 for v in lex.vader_moderate.values()) and len(lex.vader_moderate) > 10
    stance_verbs = {w for form, e in lex.loaded.items() if e.kind == "stance-verb" for w in (form, e.phrase.split()[0])}
    assert set(lex.vader_moderate) <= stance_verbs  # only the words the agreement rule asks about are shipped
    assert all(float(sub) >= 0.9 and abs(float(pol)) >= 0.6 for _, pol, sub in rows) and len(rows) > 150
    assert not (set(lex.vader) | set(lex.vader_moderate) | set(lex.subjective)) & lex.neutral


def test_listed_verbs_and_nouns_are_found_in_every_regular_form():
    from medialit.authoring.lexicons import adverb_form, noun_forms, verb_forms

    assert verb_forms("slam") == ["slam", "slams", "slammed", "slamming"]
    assert verb_forms("rebuke") == ["rebuke", "rebukes", "rebuked", "rebuking"]
    assert verb_forms("decry") == ["decry", "decries", "decried", "decrying"]
    assert verb_forms("bash") == ["bash", "bashes", "bashed", "bashing"]
    assert noun_forms("crony") == ["crony", "cronies"] and noun_forms("henchman") == ["henchman", "henchmen"]
    assert [adverb_form(a) for a in ("harsh", "angry", "horrible", "cynical", "frantic")] == [
        "harshly",
        "angrily",
        "horribly",
        "cynically",
        "frantically",
    ]
    text = "The minister slammed the plan. His cronies lashed out at critics, and aides reacted angrily."
    loaded = quotes(text, "loaded")
    assert {"slammed", "cronies", "lashed out"} <= set(loaded)
    assert loaded["slammed"].attrs["neutral"] == "criticise" and "attacks or sneers" in loaded["slammed"].reason


def test_every_loaded_entry_has_a_known_kind_and_a_technique_the_loaded_label_offers():
    techniques = DEFAULT_LABELS["loaded"].attrs["technique"]
    for form, entry in load_lexicon().loaded.items():
        assert entry.kind in LOADED_KINDS, form
        assert entry.technique in techniques, form


def test_every_verb_a_cue_rule_names_is_a_cue_so_that_the_rule_can_reach_it():
    """The rules for charges, criticism, labels and questions run only on a cue: a form cues.tsv lacks ("accusing")
    would sit in its list unread."""
    cues = load_lexicon().cues.keys()
    for verbs in (CHARGE_VERBS, CRITICISM_VERBS, LABELLING_VERBS, QUESTION_CUES):
        assert verbs <= cues, verbs - cues
