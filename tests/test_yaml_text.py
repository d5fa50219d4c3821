"""exercise.yml writers quote a text only where YAML needs it (authoring/yaml_text.py), and every text
reads back as itself, with YAML 1.1 (PyYAML's safe_load) and YAML 1.2 (ruamel), in the places the
writers put texts: after `why: `, in a flow list (`hints: [..]`) and in a flow mapping (`{quote: ..}`)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from medialit.authoring.keyfile import exercise_yaml_writer
from medialit.authoring.yaml_text import needs_quotes, yaml_text

sys.path.insert(0, str(Path(__file__).parent / "vectors"))
from make_vectors import YAML_TEXTS, yaml_text_vector

VECTORS = Path(__file__).parent / "vectors"
MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.one_of(st.text(), st.sampled_from(YAML_TEXTS), st.lists(st.sampled_from(YAML_TEXTS)).map(" ".join))


def read_back(document: str) -> list:
    """What PyYAML (YAML 1.1) and ruamel (YAML 1.2) each read from `document`."""
    return [yaml.safe_load(document), YAML(typ="safe", pure=True).load(document)]


@MANY
@given(texts)
@example("\ud83d\ude00")  # two lone surrogates stay two
def test_every_text_reads_back_as_itself_in_every_place_a_writer_puts_it(text):
    document = (
        "key:\n"
        f"  - why: {yaml_text(text)}\n"
        f"    hints: [{yaml_text(text, flow=True)}, {yaml_text(text, flow=True)}]\n"
        f"    accept: [{{quote: {yaml_text(text, flow=True)}, occurrence: 2}}]\n"
    )
    want = {"key": [{"why": text, "hints": [text, text], "accept": [{"quote": text, "occurrence": 2}]}]}
    assert read_back(document) == [want, want]


words = st.text(st.characters(categories=["L"]), min_size=1, max_size=8)
marks = st.sampled_from(["", ".", "“", "”", "‘", "’", "!", "(L3)", "'s"])


@given(st.lists(st.tuples(words, marks).map("".join), min_size=1, max_size=8).map(" ".join))
def test_sentences_of_words_and_typographic_quotes_are_written_plain(sentence):
    """What an instructor writes most (words, full stops, curly quotes) needs no quotes, in a list or not;
    only the words YAML reads as a yes, a no or null do."""
    if sentence.lower() not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}:
        assert yaml_text(sentence) == sentence
        assert yaml_text(sentence, flow=True) == sentence


def test_the_shared_vector_is_what_the_rule_gives():
    """tests/vectors/yaml-text.json, which keyfile.js's yamlText is held to (tests/js), is the Python rule's."""
    stored = json.loads((VECTORS / "yaml-text.json").read_text(encoding="utf-8"))
    assert stored == yaml_text_vector()
    assert any(block == text for text, block, _ in stored) and any(needs_quotes(t) for t, _, _ in stored)
    assert any(block == text != flow for text, block, flow in stored)  # plain in a block, quoted in a list


@MANY
@given(texts)
def test_medialit_new_and_write_key_write_a_text_as_key_yaml_does(text):
    """The ruamel writer of `medialit new` and `write_key` follows the same rule, character for character
    (not ruamel's own single quotes or folded lines), and reads back as itself."""
    hints = CommentedSeq([text, text])
    hints.fa.set_flow_style()
    out = io.StringIO()
    exercise_yaml_writer().dump(CommentedMap(why=text, hints=hints), out)
    document = out.getvalue()
    assert document == f"why: {yaml_text(text)}\nhints: [{yaml_text(text, flow=True)}, {yaml_text(text, flow=True)}]\n"
    want = {"why": text, "hints": [text, text]}
    assert read_back(document) == [want, want]


NODE = shutil.which("node")
JS_RULE = Path(__file__).parent.parent / "src" / "js" / "authoring" / "yaml_text.js"
no_surrogates = st.one_of(st.text(st.characters(exclude_categories=["Cs"])), st.sampled_from(YAML_TEXTS))


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(no_surrogates, min_size=1, max_size=40))
def test_author_modes_javascript_writes_every_text_as_python_does(batch):
    """keyfile.js's yamlText, run in node, on texts hypothesis draws (surrogates apart: JSON carries a
    pair of them to JavaScript as one character)."""
    script = (
        f"import {{ yamlText }} from {json.dumps(JS_RULE.as_uri())};\n"
        "let raw = ''; for await (const c of process.stdin) raw += c;\n"
        "process.stdout.write(JSON.stringify(JSON.parse(raw).map((t) => [yamlText(t), yamlText(t, true)])));\n"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(batch), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [[yaml_text(t), yaml_text(t, flow=True)] for t in batch]
