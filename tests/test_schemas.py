"""What medialit writes validates against the JSON Schemas it publishes (src/medialit/data/schemas)."""

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from helpers import handin_of, key_tags

from medialit import check

SCHEMAS = files("medialit.data") / "schemas"


def schema(name):
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text())


def test_outputs_validate(mini):
    handin = handin_of(mini, key_tags(mini)[:5])
    jsonschema.validate(handin.to_json(), schema("handin"))
    jsonschema.validate(mini.compile(), schema("exercise"))
    jsonschema.validate(check(handin, mini, difficulty="challenge").to_json(), schema("report"))


def test_every_shared_vector_report_validates():
    vectors = sorted((Path(__file__).parent / "vectors").glob("case-*.json"))
    assert vectors
    for path in vectors:
        jsonschema.validate(json.loads(path.read_text())["report"], schema("report"))


def test_schema_rejects_a_wrong_verdict(mini):
    report = check(handin_of(mini, []), mini).to_json()
    report["items"][0]["verdict"] = "almost"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema("report"))


def test_ids_are_one_rule_in_python_and_in_every_published_schema():
    from medialit.core.exercise import ID_PATTERN

    whole = f"^{ID_PATTERN.pattern}$"
    assert schema("exercise-file")["$defs"]["id"]["pattern"] == whole
    assert schema("handin")["properties"]["exercise"]["pattern"] == whole
    assert schema("handin")["properties"]["answers"]["propertyNames"]["pattern"] == whole


def test_a_handin_with_written_answers_validates_and_the_answer_limit_is_the_contracts(tmp_path):
    from medialit.core.contract import MAX_ANSWER_CHARS
    from medialit.core.handin import Answer, HandIn, load_handin

    handin = HandIn("practice-council", "0" * 64, answers={"01-hardest": Answer("The source.", "Which tag?")})
    jsonschema.validate(handin.to_json(), schema("handin"))
    assert schema("handin")["$defs"]["answer"]["properties"]["text"]["maxLength"] == MAX_ANSWER_CHARS
    handin.save(tmp_path / "h.json")
    assert load_handin(tmp_path / "h.json").answers == handin.answers
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**handin.to_json(), "answers": {"Bad Id": {"text": "x"}}}, schema("handin"))


def test_the_mini_exercise_article_is_the_books():
    from helpers import MINI, ROOT

    assert (MINI.parent / "kremlin-drone.txt").read_bytes() == (
        ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt"
    ).read_bytes()
