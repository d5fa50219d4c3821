"""Helpers shared by the library tests and the vector generator: tags equal to a key, hand-ins, Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from medialit import HandIn, Tag

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "kremlin-mini.yml"
PRACTICE_ARTICLE = ROOT / "book" / "exercises" / "practice-council" / "article.txt"
NODE = shutil.which("node")


def drafted_exercise(book: Path, title: str = "Mill"):
    """`medialit new` on the practice article into the folder `book` (spaCy's blank pipeline): an exercise
    whose key is all drafts, as an instructor starts reviewing it."""
    import spacy

    from medialit.authoring.new_exercise import create_exercise

    return create_exercise(PRACTICE_ARTICLE, "mill", title, book=book, nlp=spacy.blank("en"))


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


def node_lines(script: str):
    """One Node process running `script` for all the examples of a test: a JSON line in, a JSON line out."""
    node = subprocess.Popen(
        [NODE, "--input-type=module", "-e", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )

    def run(data) -> list:
        node.stdin.write(json.dumps(data) + "\n")
        node.stdin.flush()
        return json.loads(node.stdout.readline())

    yield run
    node.stdin.close()
    node.wait()
