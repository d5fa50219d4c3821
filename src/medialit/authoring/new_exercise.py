"""Start a new exercise from an article: the folder, a draft key from the suggestions, a chapter page.

Every drafted item is written with `draft: true`, a drafted `why` and hints to edit, and the reason
it was suggested with its confidence (`reason`, `confidence`), so `medialit validate` lists exactly
what an instructor still has to review and author mode can show why each draft is there.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..core.article import Article
from ..core.errors import UNSAFE, InputError, visible
from ..core.exercise import Exercise, is_id
from ..core.files import ARTICLE, EXERCISE, MB, Kind, exists, is_folder, read_bytes, read_text, write_file
from ..core.voices import VoiceRule
from ..core.yaml_limits import yaml_problem
from .confidence import DEFAULT_MIN_CONFIDENCE
from .drafts import draft_hints, draft_why, source_name
from .keyfile import exercise_yaml_writer, key_entry, key_ids, unique_id
from .suggest import Suggestion, load_pipeline, suggest

ITEM_BYTES = 150  # the least a drafted key item takes in exercise.yml (its id, quote, why, hints, reason...)
DRAFT_LABELS = ("claim", "source", "loaded")  # the default label set; `cue` needs its own task block
CALENDAR_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}


@dataclass
class NewExercise:
    folder: Path
    exercise_file: Path
    chapter: Path
    toc_line: str
    drafted: int
    toc: Path | None = None  # the _toc.yml the chapter was added to, if any
    author_page: Path | None = None  # the page to review the drafts on, never listed for students


def _as_tag(n: int, s: Suggestion, names: dict[tuple[int, int], str]) -> dict:
    return {
        "id": f"t{n}",
        "label": s.label,
        "start": s.start,
        "end": s.end,
        "quote": s.quote,
        "attrs": dict(s.attrs),
        "entity": s.entity or "",
        "source_ids": [],
        "why": draft_why(s, names),
        "hints": draft_hints(s),
        "draft": True,
        "reason": s.reason,
        "confidence": s.confidence,
    }


def id_like(text: str) -> str:
    """The id an instructor most likely meant by `text` ("Library Hours" is `library-hours`, "Café_2" is
    `cafe-2`), for the fix of a refused --id; `council-cycle-lane` when nothing of it is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:120].rstrip("-")
    return words if is_id(words) else "council-cycle-lane"


def voiced_by_marks(article: Article, suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions with the `voice` the quotation marks give them by the rule `validate` holds a key to
    (both voices for a claim only partly inside a speaker's marks), where the rule can tell."""
    marks = VoiceRule(Exercise("", "", "", "standard", 0.75, {}, [], [], article))
    voiced = []
    for s in suggestions:
        rule = marks.of(s.start, s.end) if "voice" in s.attrs else None
        if rule and rule != {s.attrs["voice"]}:
            s = replace(s, attrs={**s.attrs, "voice": sorted(rule) if len(rule) > 1 else min(rule)})
        voiced.append(s)
    return voiced


def draft_key(article: Article, suggestions: list[Suggestion]) -> CommentedSeq:
    """Key items in YAML form, each with a drafted `why` and hints, `draft: true`, and the reason it was
    suggested and how sure the suggestion was (`reason`, `confidence`: author mode shows them)."""
    suggestions = voiced_by_marks(article, suggestions)
    names = {(s.start, s.end): source_name(s) for s in suggestions if s.label == "source"}
    tags = [_as_tag(n, s, names) for n, s in enumerate(suggestions, start=1)]
    by_span = {(s.start, s.end): t["id"] for s, t in zip(suggestions, tags) if s.label == "source"}
    for s, t in zip(suggestions, tags):
        if s.label == "claim" and s.source in by_span:
            t["source_ids"] = [by_span[s.source]]
    ids = key_ids(article, tags)
    order = {t["id"]: n for n, t in enumerate(sorted(tags, key=lambda t: (t["start"], -t["end"], t["id"])))}
    items = CommentedSeq()
    for _, t in sorted(zip(suggestions, tags), key=lambda pair: order[pair[1]["id"]]):
        items.append(key_entry(article, t, ids))
    return items


def draft_distractors(article: Article, suggestions: list[Suggestion], taken: set[str]) -> CommentedSeq:
    """Up to one neutral stretch of each kind students often tag by mistake: a plain verb of saying,
    a figure, a place name; drafts with a `why` to edit. A distractor may sit inside a key item of another
    label (a figure inside a claim is still no loaded word), never inside one of its own labels, and never
    part of a hyphenated word, which no key may quote."""
    kinds = [
        (
            lambda t: t.text.lower() in {"said", "says", "told"},
            ["loaded", "claim"],
            "“{q}” (L{line}) is a plain verb of saying: it reports that someone spoke and adds no feeling.",
        ),
        (
            lambda t: t.text.isdigit(),
            ["loaded"],
            "“{q}” (L{line}) is a figure. A number on its own is not loaded; ask where it comes from.",
        ),
        (
            lambda t: (
                t.text.istitle()
                and t.i
                and article.tokens[t.i - 1].text.lower() in {"in", "from"}
                and t.text.lower() not in CALENDAR_WORDS
            ),
            ["source"],
            "“{q}” (L{line}) is a place. A place name says where something happened, not who said it.",
        ),
    ]
    found = CommentedSeq()
    for fits, labels, why in kinds:
        covered = [(s.start, s.end) for s in suggestions if s.label in labels]
        token = next(
            (
                t
                for t in article.tokens
                if fits(t)
                and article.whole_words(t.start, t.end) == (t.start, t.end)  # never "40" of "40-year-old"
                and not any(a < t.end and t.start < b for a, b in covered)
            ),
            None,
        )
        if token is None:
            continue
        entry = CommentedMap()
        entry["id"] = unique_id(f"dis-{token.text.lower()}-l{token.line}", taken)
        entry["quote"] = token.text
        count = len(article.find_all(token.text))
        if count > 1:
            entry["occurrence"] = article.find_all(token.text).index(token.start) + 1
        entry["labels"] = CommentedSeq(labels)
        entry["labels"].fa.set_flow_style()
        entry["why"] = why.format(q=token.text, line=token.line)
        entry["draft"] = True
        found.append(entry)
    return found


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
    data["distractors"] = draft_distractors(article, suggestions, {e["id"] for e in data["key"]})
    data.yaml_set_start_comment(
        "Drafted by `medialit new`. Every key item and distractor is a suggestion, with a drafted `why`\n"
        "and hints: review each one, edit its words and attributes, then delete `draft: true` (or accept it\n"
        "in the Tagger's author mode). Delete wrong items. `medialit validate` lists what is left to do;\n"
        "the book build warns while drafts remain. Format: book/instructors/formats.md."
    )
    out = io.StringIO()
    exercise_yaml_writer().dump(data, out)
    return out.getvalue()


def chapter_markdown(exercise_id: str, title: str) -> str:
    return f"""# {title}

Read the article in the tagger below. Tag each claim (something the text says is true), each
source (who the information comes from) and each loaded word (a word picked to make you feel
something). Then press **Check my tags**.

```{{tagger}} exercises/{exercise_id}/exercise.yml
:labels: claim,source,loaded
:difficulty: standard
```

When you press Check, the tagger gives you hints first; ask for the answer only after another go.
"""


def author_markdown(exercise_id: str, title: str, book: str) -> str:
    """The instructor's page: the same exercise in author mode, to review the drafts in a browser. It stays
    out of `_toc.yml` (it shows the whole key) and is built on its own. The files it names are named from where
    the book is built, the folder that holds `book` (the book folder's name), as the commands are typed there."""
    return f"""# {title}: review the key

For the instructor only: this page shows the whole key. Keep it out of `_toc.yml`; build it on its own
with `jupyter-book build {book}/{exercise_id}-author.md`. Review the drafts below, then download
`exercise.yml` and put it in place of `{book}/exercises/{exercise_id}/exercise.yml`.

```{{tagger}} exercises/{exercise_id}/exercise.yml
:labels: claim,source,loaded
:mode: author
```
"""


TOC = Kind("table of contents", 2 * MB, "give the book's _toc.yml file, or leave out --toc.")
TOC_FIX = "fix _toc.yml, or add --no-toc and add the chapter to it by hand."


def _toc_problem(toc: Path, place: str, problem: str, fix: str = TOC_FIX) -> InputError:
    return InputError(str(toc), place, problem, fix, "bad-toc")


def read_toc(toc: str | Path) -> tuple[CommentedMap, CommentedSeq]:
    """A Jupyter Book `_toc.yml` (comments kept) and the chapter list of its students' part (the part whose
    caption names students, else the first), or one message naming the file, before anything is written."""
    toc = Path(toc)
    try:
        text = read_text(toc, TOC)
    except InputError as err:
        if err.code == "missing":  # a path given by hand: say how to do without it
            err.fix = "check the path given to --toc, or leave --toc out (--no-toc leaves _toc.yml alone)."
        raise
    try:
        data = exercise_yaml_writer().load(text)
    except YAMLError as err:
        place, problem, fix = yaml_problem(err, text)
        raise _toc_problem(toc, place, f"the table of contents cannot be read: {problem}", fix) from None
    except (ValueError, RecursionError, OverflowError) as err:
        raise _toc_problem(toc, "", f"the table of contents cannot be read ({type(err).__name__}).") from None
    parts = data.get("parts") if isinstance(data, dict) else None
    if isinstance(parts, list) and parts and all(isinstance(p, dict) for p in parts):
        part = next((p for p in parts if "student" in str(p.get("caption", "")).lower()), parts[0])
        chapters = part.setdefault("chapters", CommentedSeq())
    elif isinstance(data, dict) and parts is None:
        chapters = data.setdefault("chapters", CommentedSeq())
    else:
        raise _toc_problem(toc, "", "this is not a Jupyter Book table of contents.", "add the chapter by hand.")
    if not isinstance(chapters, list):
        raise _toc_problem(toc, "`chapters`", "the chapters are not a list (`- file: NAME` lines).")
    return data, chapters


def _in_toc(chapters: CommentedSeq, entry: str) -> bool:
    return any(isinstance(c, dict) and c.get("file") == entry for c in chapters)


def _write_toc(toc: Path, data: CommentedMap, chapters: CommentedSeq, entry: str) -> None:
    """Add `- file: ENTRY` to the chapters `read_toc` found, keeping the file's comments and order."""
    chapters.append(CommentedMap(file=entry))
    out = io.StringIO()
    exercise_yaml_writer().dump(data, out)
    write_file(toc, out.getvalue(), fix="check that you may write _toc.yml, or add the chapter to it by hand.")


def create_exercise(
    article_path: str | Path,
    exercise_id: str,
    title: str,
    book: str | Path = "book",
    labels: tuple[str, ...] = DRAFT_LABELS,
    nlp=None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    toc: str | Path | None = None,
) -> NewExercise:
    """Make `book/exercises/ID/` (article + draft exercise.yml), the chapter `book/ID.md` and the review page
    `book/ID-author.md`, and add the chapter (only) to `toc` (a `_toc.yml`) when given; refuse to overwrite.

    The folder is filled under a temporary name and renamed when it is complete, so a failure
    leaves nothing half made."""
    book = Path(book)
    title = " ".join(title.split())  # one line: it becomes the chapter's heading
    if UNSAFE.search(title):
        raise InputError(
            "--title",
            visible(title[:60]),
            "the title holds control characters.",
            'give a title of plain words, such as --title "Mill Road".',
        )
    if not title:
        raise InputError("--title", "", "the exercise has no title.", 'give one, such as --title "Mill Road".')
    if not is_id(exercise_id):
        raise InputError(
            "--id",
            visible(exercise_id[:60]),
            "an exercise id uses lowercase letters, digits and dashes only (at most 120).",
            f"choose an id such as `{id_like(exercise_id)}`.",
        )
    if not is_folder(book):
        raise InputError(
            str(book),
            "",
            "the book folder does not exist (or is not a folder).",
            "run the command from the repository root, or pass --book PATH.",
        )
    folder = book / "exercises" / exercise_id
    chapter = book / f"{exercise_id}.md"
    author_page = book / f"{exercise_id}-author.md"
    there = [path for path in (folder, chapter, author_page) if exists(path)]
    if there:
        names = ", ".join(f"{p.name}/" if p == folder else p.name for p in there)
        raise InputError(
            str(there[0]),
            "",
            "it already exists; nothing was changed. An exercise is its folder and its two pages "
            f"({folder.name}/, {chapter.name}, {author_page.name}); of those, {names} "
            f"{'is' if len(there) == 1 else 'are'} there already.",
            "choose another --id, or move the old exercise's folder and both its pages away first.",
        )
    named = Path(os.path.abspath(book)).name  # as _toc.yml beside it names it: "." names the folder it stands for
    entry = f"{named}/{exercise_id}"
    # everything that can be refused is read and checked before anything is written
    toc_read = read_toc(toc) if toc is not None else None
    if toc_read is not None and not (os.access(toc, os.W_OK) and os.access(Path(toc).parent, os.W_OK)):
        raise InputError(
            str(toc),
            "",
            "the table of contents cannot be changed (you may not write it); nothing was changed.",
            "check that you may write _toc.yml and its folder, or add --no-toc and add the chapter by hand.",
            "cannot-write",
        )
    raw = read_bytes(article_path, ARTICLE)
    article = Article.from_bytes(raw, article_path)
    suggestions = suggest(
        article, nlp if nlp is not None else load_pipeline(), labels=list(labels), min_confidence=min_confidence
    )
    # An exercise file bigger than its limit could not be read back: say so before anything is written. Every
    # drafted item takes well over ITEM_BYTES, so so many drafts are refused before their file is even drafted.
    size = len(suggestions) * ITEM_BYTES
    text = exercise_yaml(exercise_id, title, article, suggestions) if size <= EXERCISE.limit else ""
    size = max(size, len(text.encode("utf-8")))
    if size > EXERCISE.limit:
        raise InputError(
            str(article_path),
            "",
            f"this article gives {len(suggestions):,} drafted key items, over {size / MB:.1f} MB of exercise file, "
            f"and an exercise file is at most {EXERCISE.limit // MB} MB; nothing was made.",
            "use a shorter article (a news story of a few thousand words), or split it into several exercises.",
            "too-big",
        )
    fix = "check that you may write into the book folder."
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".medialit-new-", dir=folder.parent))
        building.chmod(folder.parent.stat().st_mode & 0o777)  # mkdtemp's folder is private; this one is not
    except OSError as err:
        raise InputError(
            str(folder.parent), "", f"the folder cannot be made ({err.strerror}).", fix, "cannot-write"
        ) from None
    try:
        write_file(building / "article.txt", raw, fix=fix)
        write_file(building / "exercise.yml", text, fix=fix)
        try:
            building.rename(folder)
        except OSError as err:
            raise InputError(
                str(folder), "", f"the folder cannot be made ({err.strerror}).", fix, "cannot-write"
            ) from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    write_file(chapter, chapter_markdown(exercise_id, title), replace=False, fix=fix)
    write_file(author_page, author_markdown(exercise_id, title, named), replace=False, fix=fix)
    added = None
    if toc_read is not None and not _in_toc(toc_read[1], entry):
        _write_toc(Path(toc), *toc_read, entry)
        added = Path(toc)
    return NewExercise(
        folder, folder / "exercise.yml", chapter, f"- file: {entry}", len(suggestions), added, author_page
    )
