"""Property tests: whatever a file holds, medialit reads it or refuses it with one InputError.

Hand-ins, exercise YAML, articles and the things made from them (terminal text, CSV, brat) are
fuzzed with hostile values: lone surrogates, control characters, line breaks, long numbers, deep
nesting, YAML 1.1 booleans. The corpus of hand-picked hostile files is tests/test_hostile.py's.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import NODE, node_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from medialit import Article, HandIn, Tag, check, load_exercise
from medialit.classroom import tables
from medialit.classroom.class_report import class_report
from medialit.classroom.report_page import _e, _table
from medialit.cli.feedback_text import report_text
from medialit.cli.main import main
from medialit.core.contract import MAX_ANSWER_CHARS
from medialit.core.errors import UNSAFE, InputError
from medialit.core.exercise import is_id
from medialit.core.exercise_schema import schema_validators
from medialit.core.handin import (
    HANDIN_CHECKS,
    MAX_DEPTH,
    MAX_DIGITS,
    TAG_PROBLEMS,
    _deeper_than,
    _first_limit,
    json_error_at,
    load_handin,
    parse_handin,
    read_answers,
    read_json,
)
from medialit.interchange.export import from_brat, to_brat

HOSTILE = Path(__file__).parent / "hostile" / "base"
BASE = load_exercise(HOSTILE / "exercise.yml")
GOOD = json.loads((Path(__file__).parent / "hostile" / "handins" / "good.json").read_text(encoding="utf-8"))
_ = Article.from_text("Warm up.").tokens  # spaCy touches `random` as it loads: load it before Hypothesis watches
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# every code point, lone surrogates, controls and bidirectional overrides included, and the ones that matter often
any_char = st.one_of(
    st.characters(codec=None, categories=None), st.sampled_from('\x00\x1b\x07\x9b\n\r\t\u2028\u202e\ud800\udfff"\\=+-@')
)
hostile_text = st.lists(any_char, max_size=12).map("".join)  # st.text() would leave lone surrogates out
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**22), 10**22) | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=12,
)
TOP_FIELDS = ["format", "exercise", "article_sha256", "student", "created", "updated", "tags"]
TAG_FIELDS = ["id", "label", "start", "end", "quote", "attrs", "source_ids", "note"]


def printable(text: str) -> bool:
    """True when nothing in `text` could act on a terminal (line breaks and tabs aside)."""
    return not any(ch not in "\n\t" for ch in UNSAFE.findall(text))


@st.composite
def spliced_handins(draw):
    """The good hand-in with one field (top-level, of a tag, or a whole tag) replaced by any value."""
    data = copy.deepcopy(GOOD)
    where = draw(st.sampled_from(["top", "tag", "whole tag"]))
    value = draw(json_values)
    if where == "top":
        data[draw(st.sampled_from(TOP_FIELDS))] = value
    elif where == "tag":
        data["tags"][draw(st.integers(0, len(data["tags"]) - 1))][draw(st.sampled_from(TAG_FIELDS))] = value
    else:
        data["tags"].append(value)
    return data


@FUZZ
@given(spliced_handins())
def test_any_value_anywhere_in_a_handin_is_read_or_refused_and_checks_cleanly(data):
    text = json.dumps(data)  # ASCII: lone surrogates travel as \\udXXX escapes, as in a browser's file
    try:
        handin = parse_handin(read_json(text, "h.json"), "h.json", BASE)
    except InputError as err:
        assert err.code in HANDIN_CHECKS and err.file == "h.json" and err.fix
        return
    assert all(f.code in TAG_PROBLEMS for f in handin.findings)
    json.dumps(handin.to_json(), ensure_ascii=False).encode("utf-8")  # every kept string can be written
    report = check(handin, BASE)
    assert all(printable(report_text(report, BASE, audience, reveal=True)) for audience in ("student", "teacher"))
    json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8")


TEXT_FIELDS = [("top", name) for name in ("exercise", "student", "created", "updated")] + [
    ("tag", name) for name in ("id", "label", "quote", "note")
]


@FUZZ
@given(st.sampled_from(TEXT_FIELDS), hostile_text, st.sampled_from(["", "start", "end"]))
def test_any_text_in_any_text_field_is_kept_writable_or_refused(field, text, where):
    """A string the reader keeps can always be written as UTF-8 (in CSV, HTML, exports); a broken one
    (a lone surrogate) refuses the file or leaves its tag out."""
    data = copy.deepcopy(GOOD)
    level, name = field
    target = data if level == "top" else data["tags"][0]
    if name == "quote" and where:  # a quote that still matches the article, with the hostile text beside it
        target["start"] -= len(text) if where == "start" else 0
    target[name] = (
        text
        if name != "quote" or not where
        else (text + target["quote"] if where == "start" else target["quote"] + text)
    )
    try:
        handin = parse_handin(read_json(json.dumps(data), "h.json"), "h.json", BASE)
    except InputError as err:
        assert err.code in HANDIN_CHECKS
        return
    json.dumps(handin.to_json(), ensure_ascii=False).encode("utf-8")
    for finding in handin.findings:
        str(finding).encode("utf-8")
    report = check(handin, BASE)
    json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(
    st.binary(max_size=300)
    | st.lists(any_char, max_size=200).map(lambda chars: "".join(chars).encode("utf-8", "surrogatepass"))
)
def test_any_bytes_as_a_handin_file_are_read_or_refused(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.json"
        path.write_bytes(raw)
        try:
            load_handin(path, BASE)
        except InputError as err:
            assert err.code in HANDIN_CHECKS and err.file == str(path)


def writable_as_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@FUZZ
@given(spliced_handins(), st.booleans())
def test_a_handin_file_is_read_as_with_every_surrogate_check(data, ascii_only):
    """`load_handin` skips the search for lone surrogates in a text without a surrogate escape: such a
    text cannot hold one, so the hand-in reads exactly as when every field is searched."""
    text = json.dumps(data, ensure_ascii=ascii_only)
    if not writable_as_utf8(text):
        text = json.dumps(data)  # a lone surrogate travels as an escape, as in a browser's file

    def outcome(read):
        try:
            handin = read()
        except InputError as err:
            return err.code, err.place
        return (
            handin.tags,
            [vars(f) for f in handin.findings],
            handin.answers,
            [vars(f) for f in handin.answer_findings],
        )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.json"
        path.write_text(text, encoding="utf-8")
        from_file = outcome(lambda: load_handin(path, BASE))
    every_check = outcome(lambda: parse_handin(read_json(text, str(path)), str(path), BASE, surrogates=True))
    assert from_file == every_check


def depth_of(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    return 0


def longest_number(value) -> int:
    if isinstance(value, (list, dict)):
        return max(map(longest_number, value.values() if isinstance(value, dict) else value), default=0)
    if isinstance(value, int) and not isinstance(value, bool):
        return len(str(abs(value)))
    return 0


tricky = st.text(st.sampled_from('ab"\\[]{}'), max_size=4)  # brackets and quotes inside strings
nested = st.recursive(
    st.integers(-(10**20), 10**20) | st.integers(10**14, 10**16) | tricky,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(tricky, inner, max_size=2),
    max_leaves=40,
)


@FUZZ
@given(nested, st.integers(0, 3) | st.integers(MAX_DEPTH - 3, MAX_DEPTH + 1))
def test_json_limits_are_one_rule_however_they_are_checked(value, wrap):
    """The exact scan of the text and the reader (decoding hooks, a walk of what was decoded) agree:
    both refuse exactly what nests deeper than MAX_DEPTH or has a number longer than MAX_DIGITS."""
    value = [value] if wrap == 0 else value
    for _ in range(wrap):
        value = [value]
    text = json.dumps(value)
    broken = {"too-deep"} if depth_of(value) > MAX_DEPTH else set()
    broken |= {"number-too-long"} if longest_number(value) > MAX_DIGITS else set()
    assert (_first_limit(text) is None) == (not broken)
    assert _deeper_than(value, MAX_DEPTH) == ("too-deep" in broken)
    try:
        read_json(text, "x.json")
        refused = None
    except InputError as err:
        refused = err.code
    assert refused in broken if broken else refused is None


json_chars = st.sampled_from(list('{}[],:"\\ \n\t0123456789.eE+-truefalsnNaIxu/') + ["\x01", "\ufeff", "\U0001f98a"])


@FUZZ
@given(json_values, st.lists(st.tuples(st.integers(0, 10**6), st.text(json_chars, max_size=2)), max_size=3))
def test_where_a_text_stops_being_json_is_found_exactly_when_it_is_not_json(value, edits):
    """json_error_at (the place both readers name) finds a place in a text exactly when the JSON parser
    refuses it, and no later than the end of the text."""
    text = json.dumps(value, ensure_ascii=False)
    for at, put in edits:
        at %= len(text) + 1
        text = text[:at] + put + text[at + 1 :]
    try:
        json.loads(text, parse_constant=lambda name: 1 / 0)
        parsed = True
    except (ValueError, ZeroDivisionError, RecursionError):
        parsed = False
    stop = json_error_at(text)
    assert (stop is None) == parsed, text
    assert stop is None or 0 <= stop <= len(text)
    if stop is not None and stop < len(text):
        assert json_error_at(text[:stop]) in (None, stop)  # what comes before it is JSON, or its start


# names as a file may write them: the same name plainly and escaped (t\u0061gs is tags), and names that differ
NAMES = ["tags", r"t\u0061gs", "Tags", "a", r"\u0061", "é", r"e\u0301", r"\ud800", r"\"\\", ""]
json_texts = st.recursive(
    st.sampled_from(["1", "-2.5", "true", "null", '"a"', '"tags"', "[]", "{}"]),
    lambda inner: (
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
        | st.lists(st.tuples(st.sampled_from(NAMES), inner), max_size=4).map(
            lambda pairs: "{" + ",\n ".join(f'"{name}": {value}' for name, value in pairs) + "}"
        )
    ),
    max_leaves=14,
)
HANDIN_JS = (Path(__file__).parent.parent / "src" / "js" / "core" / "handin.js").as_uri()
READ_LOOP = f"""
import {{ createInterface }} from "node:readline";
import {{ readHandin }} from "{HANDIN_JS}";
const exercise = {{ id: "x", article: {{ text: "", sha256: "" }}, labels: [], key: [] }};
for await (const line of createInterface({{ input: process.stdin }})) {{
  const got = readHandin(JSON.parse(line), exercise, []);
  process.stdout.write(JSON.stringify(got.ok ? null : got.refusal) + "\\n");
}}
"""


@pytest.fixture(scope="module")
def node_read():
    """handin.js's readHandin, in one Node process for all the examples."""
    yield from node_lines(READ_LOOP)


def names_twice(node) -> bool:
    """Whether an object anywhere in decoded JSON (objects as lists of pairs) has a name twice."""
    if isinstance(node, list) and node and all(isinstance(p, tuple) for p in node):
        names = [name for name, _ in node]
        return len(set(names)) < len(names) or any(names_twice(value) for _, value in node)
    return isinstance(node, list) and any(names_twice(item) for item in node)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@FUZZ
@given(json_texts)
def test_a_name_given_twice_in_an_object_is_refused_where_it_is_alike_in_both_readers(node_read, text):
    """Whatever JSON a hand-in holds, a name given twice in one object (however it is written) is refused with
    `duplicate-key` by Python's reader exactly when there is one, and the page's reader refuses the text with
    the same code, place and arguments (or reads it, as Python's does)."""
    decoded = json.loads(text, object_pairs_hook=lambda pairs: pairs)
    try:
        read_json(text, "x.json")
        python = None
    except InputError as err:
        python = {"code": err.code, "place": err.place, "args": err.message_args}
    assert (python is not None and python["code"] == "duplicate-key") == names_twice(decoded), text
    js = node_read(text)
    assert (js if js and js["code"] in ("not-json", "too-deep", "number-too-long", "duplicate-key") else None) == python


ANSWERS_JS = f"""
import {{ createInterface }} from "node:readline";
import {{ readAnswers }} from "{HANDIN_JS}";
for await (const line of createInterface({{ input: process.stdin }})) {{
  const got = readAnswers(JSON.parse(line));
  const problems = got.problems.map(({{ code, place, args }}) => ({{ code, place, args }}));
  process.stdout.write(JSON.stringify({{ answers: got.answers, problems }}) + "\\n");
}}
"""
# a text near the longest an answer may be, in characters of one UTF-16 unit or two, or any text
answer_texts = (
    st.builds(
        lambda n, ch: ch * n, st.integers(MAX_ANSWER_CHARS - 2, MAX_ANSWER_CHARS + 2), st.sampled_from("aé\U0001f600")
    )
    | hostile_text
)
finite_json = st.recursive(  # json_values as a JSON text can carry them: no infinity
    st.none()
    | st.booleans()
    | st.integers(-(10**22), 10**22)
    | st.floats(allow_nan=False, allow_infinity=False)
    | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
answer_values = (
    st.fixed_dictionaries({"text": answer_texts | finite_json}, optional={"question": hostile_text | finite_json})
    | finite_json
)
answer_ids = st.sampled_from(["02-what-happened", "03-what-to-check", "Not An Id", "a\nb", ""]) | hostile_text


@pytest.fixture(scope="module")
def node_answers():
    """handin.js's readAnswers, in one Node process for all the examples."""
    yield from node_lines(ANSWERS_JS)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@FUZZ
@given(st.dictionaries(answer_ids, answer_values, max_size=4))
def test_the_page_and_python_leave_out_the_same_written_answers_for_the_same_reasons(node_answers, raw):
    """Whatever a hand-in's `answers` holds, the page's reader (the Tagger's Load, the class report) keeps
    and leaves out the same answers as Python's (medialit check and report), with the same codes, places and
    arguments: a student is told of exactly the answers the teacher is told of."""
    raw = json.loads(json.dumps(raw))  # as a file gives it to both: a pair of surrogates is one character
    answers, findings = read_answers(raw)
    python = {
        "answers": {i: {"question": a.question, "text": a.text} for i, a in answers.items()},
        "problems": [{"code": f.code, "place": f.place, "args": f.args} for f in findings],
    }
    assert node_answers(raw) == json.loads(json.dumps(python))


# --- exercise YAML ---------------------------------------------------------------------------------

yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from(["no", "off", "yes", "on", "2023-05-04", "!!binary aGVsbG8=", "*x", "&x", "- a", ": b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def paths_of(node, prefix=()):
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        yield from paths_of(child, (*prefix, key))


BASE_YAML = (HOSTILE / "exercise.yml").read_text(encoding="utf-8")
BASE_PATHS = [p for p in paths_of(YAML(typ="rt").load(BASE_YAML)) if p]


def load_text(text: str):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(HOSTILE / "article.txt", Path(folder) / "article.txt")
        path = Path(folder) / "exercise.yml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            return load_exercise(path)
        except InputError as err:
            assert err.file.startswith(folder), err.file  # the exercise file, or an article or include it names
            assert err.fix and err.problem
            return err


@FUZZ
@given(st.sampled_from(BASE_PATHS), yaml_values)
def test_any_value_anywhere_in_an_exercise_file_is_read_or_refused_with_its_line(path, value):
    data = YAML(typ="rt").load(BASE_YAML)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    out = []
    yaml = YAML(typ="rt")
    yaml.dump(data, _Sink(out))
    result = load_text("".join(out))
    if isinstance(result, InputError) and result.code == "schema":
        assert re.match(r"line \d+", result.place)


class _Sink:
    def __init__(self, parts):
        self.parts = parts

    def write(self, text):
        self.parts.append(text if isinstance(text, str) else text.decode("utf-8"))


@FUZZ
@given(st.lists(any_char, max_size=300).map("".join))
def test_any_text_as_an_exercise_file_is_read_or_refused(text):
    load_text(text)


ARTICLE_TEXT = (HOSTILE / "article.txt").read_text(encoding="utf-8")
# what an instructor's key items hold: the article's own words, cut anywhere or mistyped, ids that repeat,
# labels and source ids that are not there
stretches = st.tuples(st.integers(0, len(ARTICLE_TEXT)), st.integers(1, 40)).map(
    lambda at: ARTICLE_TEXT[at[0] : at[0] + at[1]]
)
quotes = stretches | stretches.map(lambda q: q[:-1] + "x") | hostile_text
key_items = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["src-a", "clm-b", "ld-c", "src-a", "x"]),
        "label": st.sampled_from(["claim", "source", "loaded", "cue", "lable", "7"]),
        "quote": quotes,
        "why": st.sampled_from(["Why.", ""]),
        "hints": st.just(["A hint."]),
    },
    optional={
        "source_ids": st.lists(st.sampled_from(["src-a", "clm-b", "src-z"]), max_size=2),
        "accept": st.lists(quotes, max_size=2),
        "occurrence": st.integers(-1, 3),
    },
)


@FUZZ
@given(st.lists(key_items, max_size=6), st.booleans())
def test_validate_on_any_key_exits_with_every_problem_listed_and_no_traceback(items, tab):
    """A key with any mix of slips (a typo, a cut word, a wrong label, an unknown source, an id used twice, a
    tab): validate exits 0, 1 or 2, never with a traceback, and every problem it lists names the file and
    the line."""
    body = "".join(f"  - {json.dumps(item, ensure_ascii=True)}\n" for item in items)
    text = f"id: t\narticle: article.txt\nkey:\n{body}".replace("  - ", "\t- " if tab else "  - ", 1)
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(HOSTILE / "article.txt", Path(folder) / "article.txt")
        path = Path(folder) / "exercise.yml"
        path.write_text(text, encoding="utf-8")
        out = _Captured()
        with out:
            code = main(["validate", str(path)])
    assert code in (0, 1, 2) and "Traceback" not in out.text, out.text
    if code == 2:
        head, *listed = out.text.splitlines()
        assert head.startswith("medialit: ")
        if listed:
            assert re.match(r"medialit: \d+ problems in ", head)
            assert all(
                re.match(rf"  - {re.escape(str(path))}: line \d+", line) or line.startswith("  - … and ")
                for line in listed
            ), listed
        else:
            assert re.match(rf"medialit: {re.escape(str(path))}: line \d+", head), head


@FUZZ
@given(st.sampled_from(["no", "off", "yes", "on", "n", "y", "NO", "Off"]))
def test_yaml_1_1_booleans_are_refused_in_yaml_1_2_and_read_right_in_1_1(word):
    item = f"key:\n  - {{id: a, label: loaded, quote: disaster, why: w, hints: [h], optional: {word}}}\n"
    head = "id: t\narticle: article.txt\n"
    refused = load_text(head + item)
    assert isinstance(refused, InputError) and "true or false" in refused.problem
    if word.lower() in ("yes", "no", "on", "off", "y", "n"):
        read = load_text("%YAML 1.1\n---\n" + head + item)
        if not isinstance(read, InputError):  # YAML 1.1 reads y/n as text too; the rest as true or false
            assert read.key[0].optional is (word.lower() in ("yes", "on", "y"))


@FUZZ
@given(st.from_regex(r"[a-z0-9][a-z0-9-]{0,125}", fullmatch=True) | st.lists(any_char, max_size=130).map("".join))
def test_an_id_is_the_whole_text_in_python_and_in_the_published_schema(text):
    schema_ok = not list(schema_validators()[0].iter_errors({"id": text, "article": "a.txt"}))
    assert is_id(text) == schema_ok
    assert not is_id(text + "\n")


# --- what is made from student text -----------------------------------------------------------------


@FUZZ
@given(hostile_text, hostile_text, hostile_text)
def test_student_text_never_reaches_the_terminal_raw_or_adds_a_line(student, tag_id, quote):
    def run(student, tag_id, quote):
        data = copy.deepcopy(GOOD)
        data["student"] = student
        data["tags"].append({**data["tags"][0], "id": tag_id or "x", "quote": quote or "x"})
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "h.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            out = _Captured()
            with out:
                code = main(["check", str(path), "--exercise", str(HOSTILE / "exercise.yml")])
        return code, out.text

    code, text = run(student, tag_id, quote)
    plain_code, plain = run("s", "x-id", "q")
    assert code in (0, 1, 2) and printable(text)
    first = GOOD["tags"][0]
    if code == plain_code == 1 and quote != BASE.article.text[first["start"] : first["end"]]:
        assert len(text.splitlines()) == len(plain.splitlines())  # no line forged from inside a message


class _Captured:
    """stdout and stderr of an in-process `main()`, as one text."""

    def __enter__(self):
        import io
        import sys

        self._saved = sys.stdout, sys.stderr
        self._buffer = io.StringIO()
        sys.stdout = sys.stderr = self._buffer
        return self

    def __exit__(self, *_):
        import sys

        sys.stdout, sys.stderr = self._saved
        self.text = self._buffer.getvalue()


def test_every_unsafe_character_is_one_python_does_not_call_printable():
    """`visible` returns printable text as it is; that is right only while this holds."""
    assert not [hex(c) for c in range(0x110000) if UNSAFE.match(chr(c)) and chr(c).isprintable()]


cells = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | hostile_text
    | st.sampled_from(["=1", "a,b", 'say "x"', "<b>&'"])
)


def rfc_4180(rows: list[list]) -> str:
    """The CSV rule written out: a cell with a comma, a quotation mark or a line break is quoted."""

    def quote(cell: str) -> str:
        return f'"{cell.replace(chr(34), chr(34) * 2)}"' if any(c in cell for c in ',"\n\r') else cell

    return "".join(",".join(quote(tables.spreadsheet_cell(cell)) for cell in row) + "\r\n" for row in rows)


@FUZZ
@given(st.lists(st.lists(cells, min_size=2, max_size=5), max_size=4))
def test_csv_text_is_rfc_4180(rows):
    assert tables.csv_text(rows) == rfc_4180(rows)


@FUZZ
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=4))
def test_a_page_table_escapes_every_cell_whether_its_row_is_escaped_whole_or_cell_by_cell(rows):
    def cell(value):
        return "" if value is None else ("yes" if value else "no") if value is True or value is False else _e(value)

    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    assert _table("Cells", ["h"], rows) == (
        '<div class="scroll" tabindex="0" role="region" aria-label="Cells">'
        f'<table><thead><tr><th scope="col">h</th></tr></thead><tbody>{body}</tbody></table></div>'
    )


file_names = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=40).filter(
    lambda n: n not in (".", "..") and not n.startswith(".")
)


@FUZZ
@given(st.lists(st.tuples(file_names, hostile_text), min_size=1, max_size=3, unique_by=lambda x: x[0]))
def test_csv_cells_are_never_formulas_or_control_characters(files):
    with tempfile.TemporaryDirectory() as folder:
        handins = Path(folder) / "in"
        handins.mkdir()
        for name, student in files:
            data = copy.deepcopy(GOOD)
            data["student"] = student
            broken = student.startswith("=")  # some files are broken, so that their names go to skipped.csv
            (handins / f"{name}.json").write_text("{" if broken else json.dumps(data), encoding="utf-8")
        report = class_report(handins, BASE)
        report.save(Path(folder) / "out")
        for table in ("gradebook.csv", "problems.csv", "misconceptions.csv", "answers.csv"):
            with (Path(folder) / "out" / table).open(encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
                    assert all(printable(cell) for cell in row), row


free_text = st.text(st.characters(codec="utf-8"), max_size=20)


@FUZZ
@given(free_text, free_text)
def test_brat_free_text_stays_on_its_line_and_reads_back(note, neutral):
    tags = [
        Tag(t["id"], t["label"], t["start"], t["end"], t["quote"], dict(t["attrs"]), list(t["source_ids"]))
        for t in GOOD["tags"]
    ]
    loaded = next(t for t in tags if t.label == "loaded")
    loaded.note, loaded.attrs["neutral"] = note, neutral
    ann = to_brat(tags, BASE.article)
    records = [line for line in ann.splitlines() if line]
    assert all(re.match(r"^[TAR#]\d+\t", line) for line in records), records
    back = {t.id: t for t in from_brat(ann, BASE.article)}
    assert len(back) == len(tags)
    again = next(t for t in back.values() if t.label == "loaded")
    assert again.note == " ".join(note.split()) and (again.attrs.get("neutral") or "") == " ".join(neutral.split())


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": hostile_text,
                "label": st.sampled_from(["claim", "source", "loaded", "cue", "opinion"]) | hostile_text,
                "start": st.integers(-5, 400),
                "end": st.integers(-5, 400),
                "quote": hostile_text,
                "attrs": st.dictionaries(hostile_text, hostile_text | st.none(), max_size=2),
            }
        ),
        max_size=6,
    )
)
def test_check_holds_any_handin_built_in_python_to_the_rules(raw_tags):
    """`check()` validates what it is given: a hand-in that never went through a file gets the same
    rules (bad tags left out, listed with the orphans), never a crash."""
    tags = [Tag(**raw) for raw in raw_tags]
    report = check(HandIn(BASE.id, BASE.article.sha256, tags), BASE)
    kept = {entry["tag_id"] for entry in report.tags}
    for tag in tags:
        sound = (
            0 <= tag.start < tag.end <= len(BASE.article.text)
            and tag.id
            and tag.quote
            and BASE.article.text[tag.start : tag.end] == tag.quote
            and tag.label in BASE.labels
        )
        if not sound:
            assert tag.id not in kept or sum(t.id == tag.id for t in tags) > 1
    assert len(report.to_json()["orphans"]) >= sum(1 for _ in tags) - len(kept)


def test_check_refuses_a_handin_for_another_exercise_or_article():
    other = HandIn("other", BASE.article.sha256, [])
    with pytest.raises(InputError) as err:
        check(other, BASE)
    assert err.value.code == "other-exercise"
    with pytest.raises(InputError) as err:
        check(HandIn(BASE.id, "0" * 64, []), BASE)
    assert err.value.code == "other-article"
