"""A large synthetic key and class over the real article, for timing the checker."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from medialit import HandIn, Tag
from medialit.core.article import Article
from medialit.core.exercise import Exercise, KeyItem
from medialit.core.handin import parse_handin
from medialit.core.labels import DEFAULT_LABELS

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "book/exercises/kremlin-drone/article.txt"


def sample_class():
    """notebooks/sample_class.py, which makes a class's hand-ins as a teacher's notebook does (it is not a package)."""
    spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def big_exercise(n_items: int = 150, seed: int = 1) -> Exercise:
    """`n_items` non-overlapping key items spread over the article, labels in turn."""
    article = Article.from_file(ARTICLE)
    rng = random.Random(seed)
    words = [t for t in article.tokens if t.text.isalpha()]
    step = len(words) // n_items
    labels = ["claim", "source", "loaded"]
    key = []
    for n in range(n_items):
        first = words[n * step]
        last = words[min(n * step + rng.randint(0, max(0, step - 2)), len(words) - 1)]
        if last.para != first.para:
            last = first
        key.append(
            KeyItem(
                id=f"k{n}",
                label=labels[n % 3],
                start=first.start,
                end=last.end,
                quote=article.text[first.start : last.end],
                line=first.line,
                why="Because.",
                hints=["Look here."],
                optional=n % 10 == 0,
            )
        )
    return Exercise("bench", "bench", "", "standard", 0.75, dict(DEFAULT_LABELS), key, [], article)


def student(exercise: Exercise, rng: random.Random) -> HandIn:
    """A plausible hand-in: most items found, some boundaries off, some labels wrong, some extras."""
    article, tags = exercise.article, []
    for n, item in enumerate(exercise.key):
        roll = rng.random()
        if roll < 0.25:
            continue
        start, end, label = item.start, item.end, item.label
        if roll < 0.45:
            first = max(0, article.token_at(start) - rng.randint(0, 2))
            start = article.tokens[first].start
        if roll > 0.95:
            label = rng.choice(["claim", "source", "loaded"])
        tags.append(Tag(f"t{n}", label, start, end, article.text[start:end]))
    for n in range(rng.randint(0, 15)):
        tok = rng.choice(article.tokens)
        tags.append(Tag(f"x{n}", rng.choice(["claim", "source", "loaded"]), tok.start, tok.end, tok.text))
    # read as a file is: against its exercise, once (Check then trusts what was read)
    raw = HandIn(exercise.id, article.sha256, tags, student=f"s{rng.random():.6f}").to_json()
    return parse_handin(raw, "synthetic.json", exercise)
