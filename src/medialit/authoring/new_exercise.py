"""Start a new exercise from an article: the folder, a draft key from the suggestions, a chapter page.

Every drafted item is written with `draft: true` and an empty `why`, and the reason it was
suggested sits in a YAML comment above it, so `medialit validate` lists exactly what an
instructor still has to review.
"""
from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..core.article import Article
from ..core.errors import InputError
from ..core.exercise import ID_PATTERN
from .suggest import Suggestion, load_pipeline, suggest

DRAFT_LABELS = ("claim", "source", "loaded")  # the default label set; `cue` needs its own task block
PREFIX = {"claim": "clm", "source": "src", "loaded": "ld", "cue": "cue"}


@dataclass
class NewExercise:
    folder: Path
    exercise_file: Path
    chapter: Path
    toc_line: str
    drafted: int


def item_id(suggestion: Suggestion, taken: set[str]) -> str:
    """A readable unique id such as `src-peskov-l12`."""
    words = "".join(ch if ch.isalnum() else " " for ch in suggestion.quote.lower()).split()
    slug = "-".join(w for w in words if w.isascii())[:24].strip("-") or "item"
    base = f"{PREFIX[suggestion.label]}-{slug}-l{suggestion.line}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _locate(article: Article, suggestion: Suggestion) -> dict:
    """`quote` plus `occurrence` when the quote repeats, the way a person writes it."""
    hits = article.find_all(suggestion.quote)
    where = {"quote": suggestion.quote}
    if len(hits) > 1:
        where["occurrence"] = hits.index(suggestion.start) + 1
    return where


def draft_key(article: Article, suggestions: list[Suggestion]) -> CommentedSeq:
    """Key items in YAML form, each with its reason as a comment and `draft: true`."""
    items = CommentedSeq()
    taken: set[str] = set()
    ids_by_span: dict[tuple[int, int], str] = {}
    for s in suggestions:
        entry = CommentedMap()
        entry["id"] = item_id(s, taken)
        entry["label"] = s.label
        entry.update(_locate(article, s))
        if s.attrs:
            entry["attrs"] = CommentedMap(s.attrs)
            entry["attrs"].fa.set_flow_style()
        if s.label == "source":
            ids_by_span[(s.start, s.end)] = entry["id"]
        if s.label == "claim" and s.source in ids_by_span:
            entry["source_ids"] = CommentedSeq([ids_by_span[s.source]])
            entry["source_ids"].fa.set_flow_style()
        entry["why"] = ""
        entry["draft"] = True
        items.append(entry)
        items.yaml_set_comment_before_after_key(len(items) - 1, before=f"L{s.line}: {s.reason}", indent=2)
    return items


def exercise_yaml(exercise_id: str, title: str, article: Article, suggestions: list[Suggestion]) -> str:
    data = CommentedMap()
    data["id"] = exercise_id
    data["title"] = title
    data["article"] = "article.txt"
    task = CommentedMap()
    task["instructions"] = "Tag the claims, the sources and the loaded words in the article. Then press Check."
    task["difficulty"] = "standard"
    task["tolerance"] = 0.75
    data["task"] = task
    data["key"] = draft_key(article, suggestions)
    data["distractors"] = CommentedSeq()
    data.yaml_set_start_comment(
        "Drafted by `medialit new`. Every key item is a suggestion: review it, write its `why`\n"
        "(and hints), fix its attributes, then delete `draft: true`. Delete wrong items.\n"
        "`medialit validate` lists what is left to do. Format: book/instructors/formats.md.")
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def chapter_markdown(exercise_id: str, title: str) -> str:
    return f"""# {title}

Read the article in the tagger below. Tag each claim (something the text says is true), each
source (who the information comes from) and each loaded word (a word picked to make you feel
something). Then press **Check**.

```{{tagger}} exercises/{exercise_id}/exercise.yml
:labels: claim,source,loaded
:difficulty: standard
```

When you press Check, the tagger gives you hints first; ask for the answer only after another go.
"""


def create_exercise(article_path: str | Path, exercise_id: str, title: str, book: str | Path = "book",
                    labels: tuple[str, ...] = DRAFT_LABELS, nlp=None) -> NewExercise:
    """Make `book/exercises/ID/` (article + draft exercise.yml) and `book/ID.md`; refuse to overwrite."""
    book = Path(book)
    title = " ".join(title.split())  # one line: it becomes the chapter's heading
    if not title:
        raise InputError("--title", "", "the exercise has no title.", 'give one, such as --title "Mill Road".')
    if not ID_PATTERN.match(exercise_id):
        raise InputError("--id", exercise_id, "an exercise id uses lowercase letters, digits and dashes only.",
                         "choose an id such as `council-cycle-lane`.")
    if not book.is_dir():
        raise InputError(str(book), "", "the book folder does not exist.",
                         "run the command from the repository root, or pass --book PATH.")
    folder = book / "exercises" / exercise_id
    chapter = book / f"{exercise_id}.md"
    for existing in (folder, chapter):
        if existing.exists():
            raise InputError(str(existing), "", "it already exists; nothing was changed.",
                             "choose another --id, or move the old exercise away first.")
    article = Article.from_file(article_path)
    suggestions = suggest(article, nlp if nlp is not None else load_pipeline(), labels=list(labels))
    text = exercise_yaml(exercise_id, title, article, suggestions)
    folder.mkdir(parents=True)
    shutil.copyfile(article_path, folder / "article.txt")
    (folder / "exercise.yml").write_text(text, encoding="utf-8")
    chapter.write_text(chapter_markdown(exercise_id, title), encoding="utf-8")
    return NewExercise(folder, folder / "exercise.yml", chapter, f"- file: {book.name}/{exercise_id}",
                       len(suggestions))
