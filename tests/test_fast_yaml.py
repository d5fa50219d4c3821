"""The quick YAML reader (libyaml) gives what ruamel's reader gives, or leaves the file to ruamel.

`load_exercise` reads exercise files with `fast_yaml` first and falls back to ruamel on any problem;
that is only right if the quick reader never reads a file differently from ruamel. These tests hold
it to that on the book's exercises, on hand-picked YAML that the two parsers could read apart, and on
generated YAML documents and plain scalars.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from medialit.core import exercise_file, fast_yaml
from medialit.core.yaml_limits import MAX_YAML_DEPTH, limited_yaml

BOOK = Path(__file__).parent.parent / "book" / "exercises"
HOSTILE = Path(__file__).parent / "hostile"
MANY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.skipif(not fast_yaml.AVAILABLE, reason="PyYAML with libyaml 0.2.6 or later is not installed")


def typed(value):
    """A value with its kind spelled out (True == 1 in Python; here they differ), dicts and lists
    however they were made, each dict with its line; anything else (a date, a tagged value) as its type's name."""
    if value is None:
        return None
    if isinstance(value, bool) or type(value).__name__ == "ScalarBoolean":
        return ("bool", bool(value))
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else float(value))
    if isinstance(value, str):
        return ("str", str(value))
    if isinstance(value, dict):  # with the line it starts on, which validate names an item by
        line = value.line if isinstance(value, fast_yaml.Mapping) else value.lc.line + 1
        return ("map", line, [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(v) for v in value])
    return ("other", type(value).__name__)


def ruamel_reads(text: str):
    """("read", the value) as the full reader reads it, or ("refused", None)."""
    try:
        return "read", typed(limited_yaml().load(text))
    except Exception:
        return "refused", None


def assert_same_or_left_to_ruamel(text: str) -> bool:
    """True when the quick reader read `text` (and read it as ruamel does)."""
    try:
        quick = typed(fast_yaml.load(text, MAX_YAML_DEPTH))
    except fast_yaml.NotPlain:
        return False
    assert ruamel_reads(text) == ("read", quick), text
    return True


@pytest.mark.parametrize("path", sorted(BOOK.glob("*/exercise.yml")), ids=lambda p: p.parent.name)
def test_the_books_exercises_are_read_quickly_and_the_same(path):
    files = [path, *sorted((path.parent / "key").glob("*.yml"))]
    for file in files:
        assert assert_same_or_left_to_ruamel(file.read_text(encoding="utf-8")), file
    quick, full = exercise_file._load_exercise(path, quick=True), exercise_file._load_exercise(path, quick=False)
    for labels in (None, ["claim"]):
        assert json.dumps(quick.compile(labels)) == json.dumps(full.compile(labels))
    assert quick.untagged == full.untagged and quick.files == full.files
    assert quick.written == full.written and len(quick.written) > len(quick.key)  # the lines validate names


def test_the_hostile_exercise_files_are_read_the_same_or_left_to_ruamel():
    for path in sorted((HOSTILE / "exercises").glob("*.yml")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        assert_same_or_left_to_ruamel(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: ! 5",
        "a: !!str 5",
        "a: !x y",
        "a: &x 1\nb: *x",
        "a: &x [1]\nb: *x",
        "a: &x [*x]",
        "<<: {a: 1}",
        "a: {<<: {b: 1}}",
        "a: 1\na: 2",
        "1: a",
        "? [a]\n: b",
        "null: a",
        "%YAML 1.1\n---\na: yes",
        "a: b\x85c",
        "a: b\u2028c",
        "a: 2023-05-04",
        "a: 010",
        "a: 0o10",
        "a: 0x1F",
        "a: 1_000",
        "a: 1e3",
        "a: .5",
        "a: +1",
        "a: -1",
        "a: 1.",
        "a: .inf",
        "a: .nan",
        "a: 1234567890123456",
        "a: 123456789012345",
        "a: 0.1234567890123456",
        "a: =",
        'a: "\\ud800"',
        'a: "\\/"',
        "a: yes",
        "a: 20 drones",
        "a: 3:30",
        "a: 1-18",
        "a: |\n  one\n  two\n",
        "a: >-\n  one\n  two\n",
        "- a\n- b",
        "",
        "---\na: 1\n---\nb: 2",
        "a: [" * 30 + "]" * 30,
        "a:" + "\n".join(" " * n + f"b{n}:" for n in range(1, 25)),
    ],
)
def test_yaml_the_two_parsers_could_read_apart_is_read_the_same_or_left_to_ruamel(text):
    assert_same_or_left_to_ruamel(text)


def test_nesting_as_deep_as_the_full_readers_limit_is_left_to_it():
    for depth in range(MAX_YAML_DEPTH - 2, MAX_YAML_DEPTH + 2):
        assert_same_or_left_to_ruamel("a: " + "[" * depth + "1" + "]" * depth)
        assert_same_or_left_to_ruamel("a: " + "{b: " * depth + "1" + "}" * depth)


# Plain scalars: everything ruamel reads as something other than text must be caught by `_NOT_TEXT`.
RESOLVER = VersionedResolver(version=(1, 2))
scalar_chars = st.sampled_from(list("0123456789_.:-+eExXoObBaAfFnNtTlLsSuUrRiIyY~<=<> \tZz"))
plain_scalars = st.lists(scalar_chars, max_size=12).map("".join).map(str.strip) | st.sampled_from(
    ["2023-05-04", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", ".NaN", "-.INF", "0b101", "0o17"]
)


@MANY
@given(plain_scalars)
def test_every_plain_scalar_ruamel_reads_as_other_than_text_is_left_to_it_or_read_alike(text):
    tag = str(RESOLVER.resolve(ScalarNode, text, (True, False)))
    if tag != "tag:yaml.org,2002:str":
        assert fast_yaml._NOT_TEXT.fullmatch(text), (text, tag)
    assert_same_or_left_to_ruamel(f"a: {text}\n{text}: b\n")


# Whole documents: values ruamel writes out in block or flow style, and text spliced from YAML's pieces.
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**17), 10**17)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)
    | plain_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5) | plain_scalars, inner, max_size=3),
    max_leaves=10,
)


@MANY
@given(yaml_values, st.sampled_from([False, True, None]))
def test_any_document_ruamel_writes_is_read_the_same_or_left_to_it(value, flow):
    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    out = []

    class Sink:
        def write(self, text):
            out.append(text if isinstance(text, str) else text.decode("utf-8"))

    yaml.dump({"a": value}, Sink())
    assert_same_or_left_to_ruamel("".join(out))


pieces = st.sampled_from(
    ["a", "b", "1", "0.5", "-", "- ", ": ", ":", "\n", "\n  ", "\n- ", "\n  - ", "  ", "[", "]", "{", "}", ", ", ",",
     "#", " #x", "&a ", "*a", "!", "!!str ", "'", "''", '"', '"x"', "\\", "\\\n", "|", ">", "|-", ">2", "? ", "%",
     "---", "...", "\t", "~", "null", "yes", "<<", "=", "\x85", "\u2028", "é", "\ufeff", "\r", "\r...", "\r\n",
     "2023-05-04", "1e3", "010", "\\u263a", "\\x41", "\\/", "\\e", "\\N", "\\_", "\\ ", "\\t", "@", "`"]
)  # fmt: skip


@MANY
@given(st.lists(pieces, max_size=25).map("".join))
def test_any_text_spliced_from_yamls_pieces_is_read_the_same_or_left_to_ruamel(text):
    assert_same_or_left_to_ruamel(text)


@st.composite
def block_documents(draw, indent=0, depth=0):
    """Block mappings and lists, nested, whose keys and values are spliced from YAML's pieces."""
    leaf = st.lists(pieces, min_size=1, max_size=4).map("".join)
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        head = draw(st.sampled_from(["- ", f"{draw(leaf)}: "]))
        if depth < 3 and draw(st.booleans()):
            lines.append(" " * indent + head.rstrip() + "\n" + draw(block_documents(indent + 2, depth + 1)))
        else:
            lines.append(" " * indent + head + draw(leaf) + "\n")
    return "".join(lines)


@MANY
@given(block_documents())
def test_any_block_document_spliced_from_yamls_pieces_is_read_the_same_or_left_to_ruamel(text):
    assert_same_or_left_to_ruamel(text)
