"""Shared fixtures: the real article, the small test exercise, and a helper to write hand-ins."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit import HandIn, Tag, load_exercise

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "kremlin-mini.yml"


@pytest.fixture(scope="session")
def mini():
    return load_exercise(MINI)


def key_tags(exercise, include_optional=False) -> list[Tag]:
    """Tags equal to the key's items (first listed value of each attribute)."""
    tags = []
    ids = {}
    for n, item in enumerate(exercise.key):
        if item.optional and not include_optional:
            continue
        ids[item.id] = f"t{n}"
        attrs = {a: (v[0] if isinstance(v, list) else v) for a, v in item.attrs.items()}
        tags.append(Tag(f"t{n}", item.label, item.start, item.end, item.quote, attrs))
    for tag, item in zip(tags, [k for k in exercise.key if include_optional or not k.optional]):
        tag.source_ids = [ids[s] for s in item.source_ids or [] if s in ids]
    return tags


def handin_of(exercise, tags) -> HandIn:
    return HandIn(exercise.id, exercise.article.sha256, list(tags), student="test")


@pytest.fixture
def write_json(tmp_path):
    def write(data, name="handin.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return path
    return write
