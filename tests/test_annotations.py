import json

import pytest
from helpers import handin_of, key_tags

from medialit import load_handin
from medialit.core.contract import MAX_HANDIN_BYTES
from medialit.core.errors import InputError


def good(mini, tags=None):
    return handin_of(mini, key_tags(mini) if tags is None else tags).to_json()


def test_round_trip(mini, tmp_path):
    original = handin_of(mini, key_tags(mini))
    path = tmp_path / "h.json"
    original.save(path)
    loaded = load_handin(path, mini)
    assert [t.to_json() for t in loaded.tags] == [t.to_json() for t in original.tags]
    assert loaded.findings == []


def test_not_json(mini, write_json):
    path = write_json('{"format": "medialit.handin/1",')
    with pytest.raises(InputError) as err:
        load_handin(path, mini)
    assert "not JSON" in str(err.value) and "line 1" in str(err.value) and str(path) in str(err.value)


def test_wrong_format_version(mini, write_json):
    data = good(mini)
    data["format"] = "medialit.handin/9"
    with pytest.raises(InputError, match=r"medialit.handin/9.*Fix"):
        load_handin(write_json(data), mini)


def test_other_article_names_both_hashes(mini, write_json):
    data = good(mini)
    data["article_sha256"] = "0" * 64
    with pytest.raises(InputError) as err:
        load_handin(write_json(data), mini)
    assert "000000000000" in str(err.value) and mini.article.sha256[:12] in str(err.value)


def test_other_exercise(mini, write_json):
    data = good(mini)
    data["exercise"] = "other"
    with pytest.raises(InputError, match="for exercise “other”"):
        load_handin(write_json(data), mini)


def test_file_over_5_mb(mini, write_json):
    path = write_json(" " * (MAX_HANDIN_BYTES + 1))
    with pytest.raises(InputError, match="at most 5 MB"):
        load_handin(path, mini)


def test_bad_tags_are_reported_and_the_rest_loads(mini, write_json):
    data = good(mini)
    tags = data["tags"]
    n = len(tags)
    tags.append({**tags[0], "id": "out", "start": 10**7, "end": 10**7 + 3})
    tags.append({**tags[0], "id": "orphan", "quote": "something else"})
    tags.append({**tags[0], "id": "badlabel", "label": "opinion"})
    tags.append({**tags[0], "id": "badattr", "attrs": {"identity": "secret"}})
    tags.append({**tags[0]})  # duplicate id
    claim = next(t for t in tags if t["label"] == "claim")
    claim["source_ids"] = ["nobody-here"]
    handin = load_handin(write_json(data), mini)
    assert len(handin.tags) == n
    text = "\n".join(map(str, handin.findings))
    assert "outside the article" in text
    assert "orphan" in text and "something else" in text
    assert "“opinion”" in text
    assert "“secret”" in text
    assert "used twice" in text
    assert "nobody-here" in text
    assert next(t for t in handin.tags if t.id == claim["id"]).source_ids == []


def test_source_ids_must_point_at_a_source(mini, write_json):
    data = good(mini)
    claim = next(t for t in data["tags"] if t["label"] == "claim")
    loaded = next(t for t in data["tags"] if t["label"] == "loaded")
    claim["source_ids"] = [loaded["id"]]
    handin = load_handin(write_json(data), mini)
    assert any("not a source" in str(f) for f in handin.findings)


def test_missing_file(mini, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_handin(tmp_path / "none.json", mini)


def test_not_a_handin(mini, write_json):
    with pytest.raises(InputError, match="not a medialit hand-in"):
        load_handin(write_json(json.dumps([1, 2])), mini)
