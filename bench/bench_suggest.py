"""Draft suggestions: speed on big articles, and how well the `loaded` drafts hold on text we never tuned to.

Quality is measured with the SemEval-2020 Task 11 span metric on two research corpora (PTC
Loaded_Language, BASIL lexical bias) when they are kept locally (see `eval_corpora.py`; they are
never copied here), and per label on the Kremlin key beside them, with overlap counts as well.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import eval_corpora
import spacy
from figures import figure

from medialit import Article, load_exercise
from medialit.authoring.suggest import suggest
from medialit.interchange.ptc import ptc_scores

ROOT = Path(__file__).resolve().parent.parent
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
AREA = "suggest"
_row = partial(figure, AREA)
TARGETS = {"ptc": {"f1": ">= 0.22"}, "basil": {"recall": ">= 0.40", "precision": ">= 0.15"}}


def speed() -> list[dict]:
    nlp = spacy.blank("en")
    base = KREMLIN.with_name("article.txt").read_text(encoding="utf-8")
    suggest(Article.from_text(base), nlp)  # warm the matchers and the tokenizer
    rows = []
    for size, label, target in ((100_000, "100 KB", "-"), (1_000_000, "1 MB", "<= 10")):
        text = ((base + "\n\n") * (size // len(base) + 1))[:size]
        start = time.perf_counter()
        found = suggest(Article.from_text(text), nlp)
        rows.append(
            _row(
                f"suggest, {label} article (load, tokens, {len(found)} drafts)",
                round(time.perf_counter() - start, 2),
                "s",
                target,
            )
        )
    return rows


def corpora() -> list[dict]:
    if not eval_corpora.available():
        return [
            _row(
                f"research corpora not found in {eval_corpora.DATA} (set MEDIALIT_EVAL_DATA): "
                "PTC and BASIL figures skipped",
                "-",
            )
        ]
    nlp = spacy.blank("en")

    def predict(text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in suggest(Article.from_text(text), nlp, labels=["loaded"])]

    rows = []
    for name, docs, what in (
        ("ptc", eval_corpora.ptc_documents(), "PTC dev Loaded_Language"),
        ("basil", eval_corpora.basil_documents(), "BASIL dev lexical bias"),
    ):
        result = eval_corpora.score(docs, predict)
        for key in ("precision", "recall", "f1", "any_overlap_recall"):
            rows.append(
                _row(
                    f"{what}: {key.replace('_', '-')} ({result['predicted']} drafts, {result['gold']} gold)",
                    round(result[key], 3),
                    "",
                    TARGETS[name].get(key, ""),
                )
            )
    return rows


def kremlin() -> list[dict]:
    exercise = load_exercise(KREMLIN)
    found = suggest(exercise.article, spacy.blank("en"))
    rows = []
    for label in exercise.labels:
        keys = [k for k in exercise.key if k.label == label]
        required = [k for k in keys if not k.optional]
        mine = [s for s in found if s.label == label]
        if not keys:
            continue
        hit = sum(1 for k in required if any(s.start < k.end and k.start < s.end for s in mine))
        right = sum(1 for s in mine if any(s.start < k.end and k.start < s.end for k in keys))
        ptc = ptc_scores(
            [(exercise.id, label, s.start, s.end) for s in mine], [(exercise.id, label, k.start, k.end) for k in keys]
        )
        rows += [
            _row(
                f"Kremlin {label}: key items found (overlap, {len(required)} required)",
                round(hit / len(required), 3) if required else 1.0,
            ),
            _row(
                f"Kremlin {label}: drafts on a key item (overlap, {len(mine)} drafts)",
                round(right / len(mine), 3) if mine else 0.0,
            ),
            _row(
                f"Kremlin {label}: span P / R / F1", f"{ptc['precision']:.3f} / {ptc['recall']:.3f} / {ptc['f1']:.3f}"
            ),
        ]
    return rows


def run() -> list[dict]:
    return speed() + corpora() + kremlin()


if __name__ == "__main__":
    for row in run():
        print(row)
