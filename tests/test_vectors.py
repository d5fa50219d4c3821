"""The shared checker vectors still describe what check.py does (check.js is held to the same files)."""

import json
import sys
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pytest

from medialit import load_exercise
from medialit.core.contract import EXERCISE_FORMAT

HERE = Path(__file__).resolve().parent / "vectors"
CASES = sorted(HERE.glob("case-*.json"))
sys.path.insert(0, str(HERE))
from make_vectors import EXERCISES, build  # noqa: E402

fresh_vectors = lru_cache(maxsize=1)(build)


def test_there_are_vectors_for_every_verdict_and_finding():
    """Every verdict and finding code the published report schema names has a vector."""
    schema = json.loads((files("medialit.data") / "schemas" / "report.schema.json").read_text())
    item_verdicts = schema["properties"]["items"]["items"]["properties"]["verdict"]["enum"]
    tag_verdicts = schema["properties"]["tags"]["items"]["properties"]["verdict"]["enum"]
    finding_codes = schema["$defs"]["finding"]["properties"]["code"]["enum"]
    verdicts, findings = set(), set()
    for path in CASES:
        report = json.loads(path.read_text())["report"]
        verdicts |= {i["verdict"] for i in report["items"]} | {t["verdict"] for t in report["tags"]}
        findings |= {f["code"] for t in report["tags"] for f in t["findings"]}
    assert verdicts >= set(item_verdicts) | set(tag_verdicts)
    assert findings >= set(finding_codes)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_vector_matches_python_checker(path):
    expected = json.loads(path.read_text())
    assert fresh_vectors()[expected["name"]] == expected


def test_compiled_exercises_are_current():
    for name, source in EXERCISES.items():
        stored = json.loads((HERE / "exercises" / f"{name}.json").read_text())
        assert stored["format"] == EXERCISE_FORMAT
        assert stored == load_exercise(source).compile()


def test_whole_words_vector_is_what_article_whole_words_gives():
    """tests/vectors/whole-words.json, which author mode's wholeWords is held to (tests/js), is the Python rule's."""
    from make_vectors import whole_words_vector

    stored = json.loads((HERE / "whole-words.json").read_text(encoding="utf-8"))
    assert stored == whole_words_vector()
    assert any((start, end) != (first, last) for start, end, first, last in stored["cases"])  # some are widened


def test_key_needs_vector_is_what_validate_names():
    """tests/vectors/key-needs.json, which author mode's missingAttribute is held to (tests/js), is validate's rule."""
    from make_vectors import key_needs_vector

    stored = json.loads((HERE / "key-needs.json").read_text(encoding="utf-8"))
    assert stored == key_needs_vector()
    assert {case[3] for case in stored["cases"]} == {"", "kind", "identity", "technique"}
