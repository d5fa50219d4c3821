"""Shared fixtures: the small test exercise, and a helper to write files."""

from __future__ import annotations

import json

import pytest
from helpers import MINI

from medialit import load_exercise


@pytest.fixture(scope="session")
def mini():
    return load_exercise(MINI)


@pytest.fixture
def write_json(tmp_path):
    def write(data, name="handin.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return path

    return write


def pytest_terminal_summary(terminalreporter):
    """The hostile-input tally (tests/test_hostile.py), when those tests ran."""
    from hostile import runner

    if runner.OUTCOMES:
        terminalreporter.write_line(runner.tally(runner.OUTCOMES))
