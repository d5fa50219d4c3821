"""What medialit writes validates against the JSON Schemas it publishes (src/medialit/data/schemas)."""
import json
from importlib.resources import files

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


def test_schema_rejects_a_wrong_verdict(mini):
    report = check(handin_of(mini, []), mini).to_json()
    report["items"][0]["verdict"] = "almost"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema("report"))
