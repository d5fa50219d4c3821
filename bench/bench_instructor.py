"""Instructor tools: how good the draft suggestions are against the Kremlin key, and how fast things run.

Quality is measured per label two ways: overlap-based (a key item counts as found when a
suggestion of its label overlaps it; a suggestion counts as right when it overlaps a key item of
its label, optional ones included) and with the SemEval-2020 Task 11 span metric (`ptc_scores`).
"""
from __future__ import annotations

import importlib.util
import json
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import spacy

from medialit import Article, load_exercise
from medialit.interchange.ptc import ptc_scores
from medialit import classroom
from medialit.authoring.suggest import suggest

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
AREA = "instructor"


def _sample_class():
    spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(metric: str, value, unit: str = "", target: str = "") -> dict:
    return {"area": AREA, "metric": metric, "value": value, "unit": unit, "target": target}


def quality(exercise, found) -> list[dict]:
    rows = []
    for label in exercise.labels:
        keys = [k for k in exercise.key if k.label == label]
        required = [k for k in keys if not k.optional]
        mine = [s for s in found if s.label == label]
        if not keys:
            continue
        hit = sum(1 for k in required if any(s.start < k.end and k.start < s.end for s in mine))
        right = sum(1 for s in mine if any(s.start < k.end and k.start < s.end for k in keys))
        rows.append(_row(f"suggest {label}: recall (overlap, {len(required)} required)",
                         round(hit / len(required), 3) if required else 1.0))
        rows.append(_row(f"suggest {label}: precision (overlap, {len(mine)} suggested)",
                         round(right / len(mine), 3) if mine else 0.0))
        ptc = ptc_scores([(exercise.id, label, s.start, s.end) for s in mine],
                         [(exercise.id, label, k.start, k.end) for k in keys])
        rows.append(_row(f"suggest {label}: PTC precision / recall",
                         f"{ptc['precision']:.3f} / {ptc['recall']:.3f}"))
    return rows


def speed(exercise) -> list[dict]:
    nlp = spacy.blank("en")
    text = exercise.article.text
    words = text.split()
    while len(words) < 3000:
        words = words + text.split()
    article_text = " ".join(words[:3000])
    suggest(Article.from_text(article_text), nlp)  # warm the matchers and the tokenizer
    best = min(_timed(lambda: suggest(Article.from_text(article_text), nlp)) for _ in range(3))
    return [_row("suggest, 3,000-word article, blank pipeline", round(best, 3), "s", "<= 1")]


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def class_speed(exercise, max_tags: int | None = None, what: str = "", target: str = "") -> list[dict]:
    """Time the class report on 1,000 sample hand-ins (optionally cut to `max_tags` tags each)."""
    sample = _sample_class()
    with tempfile.TemporaryDirectory() as folder:
        total = 0
        for data in sample.make_class(exercise, 1000, seed=1):
            data["tags"] = data["tags"][:max_tags] if max_tags else data["tags"]
            total += len(data["tags"])
            (Path(folder) / f"{data['student']}.json").write_text(json.dumps(data, ensure_ascii=False),
                                                                   encoding="utf-8")
        with time_in_check() as in_check:
            elapsed = _timed(lambda: classroom.class_report(folder, exercise).to_html())
    size = f"1,000 hand-ins of {total / 1000:.0f} tags"
    return [_row(f"class report, {size}, {what} (load, check, HTML)", round(elapsed, 2), "s", target),
            _row(f"  of which check() itself ({size})", round(in_check[0], 2), "s")]


@contextmanager
def time_in_check():
    """Adds up the time the class report spends inside check(), so that the checker's share and the
    report's own share (loading, tables, heat map, HTML) can be told apart."""
    spent = [0.0]
    real = classroom.check

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    classroom.check = timed
    try:
        yield spent
    finally:
        classroom.check = real


def run() -> list[dict]:
    exercise = load_exercise(KREMLIN)
    found = suggest(exercise.article, spacy.blank("en"))
    rows = [_row("Kremlin key items (all labels)", len(exercise.key))]
    # a lesson's tagging is some tens of tags; the sample class tags half the whole key, a stress case
    return (rows + quality(exercise, found) + speed(exercise)
            + class_speed(exercise, max_tags=60, what="a lesson's work", target="<= 5")
            + class_speed(exercise, what="half the whole key", target="-"))


if __name__ == "__main__":
    for row in run():
        print(row)
