"""Instructor tools: how fast the class report runs (the suggestions have `bench_suggest.py`)."""

from __future__ import annotations

import json
import tempfile
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from figures import figure
from synthetic import sample_class

from medialit import load_exercise
from medialit.classroom import class_report as classroom

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
AREA = "instructor"
_row = partial(figure, AREA)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def class_speed(exercise, max_tags: int | None = None, what: str = "", target: str = "") -> list[dict]:
    """Time the class report on 1,000 sample hand-ins (optionally cut to `max_tags` tags each)."""
    sample = sample_class()
    with tempfile.TemporaryDirectory() as folder:
        total = 0
        for data in sample.make_class(exercise, 1000, seed=1):
            data["tags"] = data["tags"][:max_tags] if max_tags else data["tags"]
            total += len(data["tags"])
            (Path(folder) / f"{data['student']}.json").write_text(
                json.dumps(data, ensure_ascii=False), encoding="utf-8"
            )
        with time_in_read_one() as in_files:
            elapsed = _timed(lambda: classroom.class_report(folder, exercise).to_html())
    size = f"1,000 hand-ins of {total / 1000:.0f} tags"
    return [
        _row(f"class report, {size}, {what} (load, check, HTML)", round(elapsed, 2), "s", target),
        _row(f"  of which reading and checking each file ({size})", round(in_files[0], 2), "s"),
    ]


@contextmanager
def time_in_read_one():
    """Adds up the time the class report (in one process, as here) spends on each file: reading it,
    checking it and boiling it down. The rest is the report's own share (the tally, tables, HTML)."""
    spent = [0.0]
    real = classroom.read_one

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    classroom.read_one = timed
    try:
        yield spent
    finally:
        classroom.read_one = real


def run() -> list[dict]:
    exercise = load_exercise(KREMLIN)
    rows = [_row("Kremlin key items (all labels)", len(exercise.key))]
    # a lesson's tagging is some tens of tags; the sample class tags half the whole key, a stress case
    return (
        rows
        + class_speed(exercise, max_tags=60, what="a lesson's work", target="<= 5")
        + class_speed(exercise, what="half the whole key", target="-")
    )


if __name__ == "__main__":
    for row in run():
        print(row)
