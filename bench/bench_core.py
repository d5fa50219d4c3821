"""Library figures: article load and tokenise, one check against a 150-item key, 1,000 checks."""

from __future__ import annotations

import random
import statistics
import time

from synthetic import ARTICLE, big_exercise, student

from medialit import check
from medialit.core.article import Article, tokenizer_pipeline


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def run() -> list[dict]:
    t0 = time.perf_counter()
    tokenizer_pipeline()
    cold_pipeline = (time.perf_counter() - t0) * 1000
    load = timed(lambda: Article.from_file(ARTICLE).tokens, 20)
    exercise = big_exercise(150)
    rng = random.Random(7)
    handins = [student(exercise, rng) for _ in range(1000)]
    one = timed(lambda: check(handins[0], exercise), 50)
    t0 = time.perf_counter()
    for h in handins:
        check(h, exercise)
    thousand = time.perf_counter() - t0
    return [
        {
            "area": "core",
            "metric": "spaCy blank pipeline, first load",
            "value": cold_pipeline,
            "unit": "ms",
            "target": "-",
        },
        {
            "area": "core",
            "metric": "article load + tokenise (median of 20)",
            "value": statistics.median(load),
            "unit": "ms",
            "target": "<= 200",
        },
        {
            "area": "core",
            "metric": "check 1 hand-in, 150-item key (median of 50)",
            "value": statistics.median(one),
            "unit": "ms",
            "target": "<= 2",
        },
        {"area": "core", "metric": "check 1,000 hand-ins, 150-item key", "value": thousand, "unit": "s", "target": "-"},
    ]
