"""The spaCy side (`suggest/pipeline.py`, `suggest/parsed.py`): which pipeline is loaded, and what a trained one's
entities, parts of speech and dependency parse add to the rules (no trained pipeline is installed here: tests fake
one, or train a tiny one on one sentence)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from suggest_helpers import found, quotes

from medialit import InputError
from medialit.authoring import suggest as sg
from medialit.authoring.suggest import pipeline


def test_blank_is_used_when_no_trained_pipeline_is_installed(monkeypatch):
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    assert sg.load_pipeline().pipe_names == []


def test_installed_trained_pipeline_is_preferred(monkeypatch):
    made = spacy.blank("en")
    made.add_pipe("entity_ruler")
    asked = []
    monkeypatch.setattr(pipeline, "_installed", lambda name: name == "en_core_web_md")
    monkeypatch.setattr(pipeline, "_load", lambda name: asked.append(name) or made)
    assert sg.load_pipeline() is made and asked == ["en_core_web_md"]


def test_a_named_pipeline_that_is_missing_is_a_clear_error(tmp_path):
    with pytest.raises(InputError) as err:
        sg.load_pipeline("en_core_web_nonexistent")
    assert "not installed" in err.value.problem
    with pytest.raises(InputError) as err:
        sg.load_pipeline(str(tmp_path))
    assert "not a folder that holds a spaCy pipeline" in err.value.problem and "to_disk" in err.value.fix


def test_entities_from_the_pipeline_mark_names():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "acme"}, {"LOWER": "buses"}]}])
    text = "A row broke out, acme buses said on Monday."
    assert quotes(text, "source")["acme buses"].attrs["identity"] == "anonymous"  # a plural noun: some buses
    assert quotes(text, "source", nlp)["acme buses"].attrs["identity"] == "named"


@Language.component("test_fixed_parse")
def fixed_parse(doc):
    """Stands in for a trained parser: heads and labels for 'Jo Lee insisted the plan failed .'"""
    heads = {"Jo": 1, "Lee": 2, "insisted": 2, "the": 4, "plan": 5, "failed": 2, ".": 2}
    deps = {
        "Jo": "compound",
        "Lee": "nsubj",
        "insisted": "ROOT",
        "the": "det",
        "plan": "nsubj",
        "failed": "ccomp",
        ".": "punct",
    }
    for tok in doc:
        tok.head = doc[heads[tok.text]]
        tok.dep_ = deps[tok.text]
    return doc


def test_dependency_parse_finds_subject_and_content():
    text = "Jo Lee insisted the plan failed."
    assert "the plan failed" not in quotes(text, "claim")  # too short for the rules alone
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fixed_parse")
    claims = quotes(text, "claim", nlp)
    assert claims["the plan failed"].reason == "what 'insisted' reports (parser)"
    sources = quotes(text, "source", nlp)
    assert claims["the plan failed"].source == (sources["Jo Lee"].start, sources["Jo Lee"].end)


REQUESTS = {  # heads and labels a parser gives sentences where 'asked' and 'added' report no one's words
    "Jo Lee asked the council to reopen the old pool .": (
        [1, 2, 2, 4, 2, 6, 2, 9, 9, 6, 2],
        ["compound", "nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "det", "amod", "dobj", "punct"],
    ),
    "Jo Lee added two buses to the route .": (
        [1, 2, 2, 4, 2, 2, 7, 5, 2],
        ["compound", "nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "punct"],
    ),
}


@Language.component("test_request_parse")
def request_parse(doc):
    """Stands in for a trained parser on the sentences of REQUESTS."""
    heads, deps = REQUESTS[" ".join(t.text for t in doc)]
    for tok, head, dep in zip(doc, heads, deps):
        tok.head = doc[head]
        tok.dep_ = dep
    return doc


@pytest.mark.parametrize("words", sorted(REQUESTS))
def test_the_parser_finds_speakers_only_beside_the_verbs_of_saying_the_rules_find(words):
    nlp = spacy.blank("en")
    nlp.add_pipe("test_request_parse")
    text = words.replace(" .", ".")
    assert not [s for s in found(text, nlp=nlp) if "(parser)" in s.reason]


PARSED = "Jo Lee insisted the plan failed ."


PARSE = {
    "heads": [1, 2, 2, 4, 5, 2, 2],
    "deps": ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
    "entities": ["B-PERSON", "L-PERSON", "O", "O", "O", "O", "O"],
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A pipeline with a statistical parser and entity recogniser, overfitted to PARSED and saved
    to a folder: the same components and calls as en_core_web_*, with no download."""
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    parser, ner = nlp.add_pipe("parser"), nlp.add_pipe("ner")
    for dep in PARSE["deps"]:
        parser.add_label(dep)
    ner.add_label("PERSON")
    examples = [Example.from_dict(nlp.make_doc(PARSED), PARSE)]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    folder = tmp_path_factory.mktemp("pipeline") / "tiny_en"
    nlp.to_disk(folder)
    return folder


def test_a_trained_pipeline_given_by_folder_is_loaded_and_its_parse_used(trained):
    nlp = sg.load_pipeline(str(trained))
    assert nlp.pipe_names == ["parser", "ner"]
    text = "Jo Lee insisted the plan failed."
    blank = quotes(text, "claim")
    claims, sources = quotes(text, "claim", nlp), quotes(text, "source", nlp)
    assert "the plan failed" not in blank and claims["the plan failed"].reason == "what 'insisted' reports (parser)"
    assert claims["the plan failed"].source == (sources["Jo Lee"].start, sources["Jo Lee"].end)


def test_the_command_line_takes_a_pipeline_folder(trained, tmp_path):
    (tmp_path / "a.txt").write_text("Jo Lee insisted the plan failed.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "suggest", str(tmp_path / "a.txt"), "--pipeline", str(trained)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "“the plan failed”" in result.stdout and "(parser)" in result.stdout


def test_part_of_speech_from_the_pipeline_decides_whether_a_cue_is_a_verb():
    text = "Jo Smith claims the new road will cut traffic by half."
    assert "the new road will cut traffic by half" in quotes(text, "claim")  # blank: 'claims' after a name
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "claims"}]], {"POS": "NOUN"})
    claims = quotes(text, "claim", nlp)
    assert not any("follows 'claims'" in c.reason for c in claims.values())
    assert "perhaps not as a verb here" in quotes(text, "cue", nlp)["claims"].reason
