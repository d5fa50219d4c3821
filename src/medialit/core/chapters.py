"""The book's chapters and what each chapter's Tagger asks for: its exercise, labels, lines and difficulty.

A chapter asks for its task with a `{tagger}` block in its Markdown page:

    ```{tagger} exercises/kremlin-drone/exercise.yml
    :labels: claim
    :lines: 1-18
    ```

The directive (web/sphinxext.py) reads the options with `TAGGER_OPTIONS`, and `medialit report
--chapter` and the class-report page read the same blocks from the pages with `tagger_blocks`, so a
class report measures exactly what the chapter asked for. No Sphinx is needed to read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .contract import DIFFICULTIES, MODES
from .errors import InputError
from .exercise import parse_lines
from .files import is_folder


def parse_labels(value: str | None) -> list[str]:
    """`claim source`, `claim, source` or empty (all labels)."""
    return [name for name in (value or "").replace(",", " ").split() if name]


def _choice(name: str, values: tuple[str, ...]):
    def parse(value: str | None) -> str:
        value = (value or "").strip()
        if value not in values:
            raise ValueError(f"{value!r} is not a {name}: use one of {', '.join(values)}.")
        return value

    return parse


# The `{tagger}` directive's options, each with the function that reads its value (ValueError when it
# cannot). The directive and the page reader below both use these.
TAGGER_OPTIONS = {
    "labels": parse_labels,
    "difficulty": _choice("difficulty", DIFFICULTIES),
    "mode": _choice("mode", MODES),
    "lines": parse_lines,
}


@dataclass(frozen=True)
class TaggerBlock:
    """One `{tagger}` block of a page: the exercise file (found from the page's folder) and its options."""

    exercise: Path
    labels: tuple[str, ...] = ()
    lines: tuple[int, int] | None = None
    difficulty: str | None = None
    mode: str = "student"
    line: int = 0  # where the block starts in the page, from 1


@dataclass(frozen=True)
class Chapter:
    """A page of the book with at least one Tagger."""

    page: Path
    name: str  # the page's file name without .md: `03-claims`
    title: str  # its first heading: `Claims`
    taggers: tuple[TaggerBlock, ...]

    def to_json(self, exercise_ids: dict[Path, str]) -> dict:
        """What the class-report page needs to know of it: its name, title and Taggers (exercise ids from
        `exercise_ids`, by the exercise file's resolved path; Taggers of other exercises are left out)."""
        return {
            "name": self.name,
            "title": self.title,
            "taggers": [
                {
                    "exercise": exercise_ids[t.exercise.resolve()],
                    "labels": list(t.labels),
                    "lines": None if t.lines is None else list(t.lines),
                    "difficulty": t.difficulty,
                }
                for t in self.taggers
                if t.exercise.resolve() in exercise_ids
            ],
        }


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|:{3,})\s*(?P<info>.*?)\s*$")
_OPTION = re.compile(r"^\s*:(?P<name>[A-Za-z][\w-]*):\s*(?P<value>.*?)\s*$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:-]+)\}\s*(?P<argument>.*)$")


def tagger_blocks(text: str, page: str | Path) -> list[TaggerBlock]:
    """Every `{tagger}` block of a MyST Markdown page, in page order.

    Fenced code (a fence whose info does not name a directive) is skipped whole, so a Tagger shown as
    an example inside a code block does not count; directives nest, as MyST reads them. A block whose
    options cannot be read raises InputError naming the page, the line and the fix."""
    page = Path(page)
    found: list[TaggerBlock] = []
    open_fences: list[tuple[str, int, bool]] = []  # (fence character, length, holds Markdown)
    lines = text.splitlines()
    n = 0
    while n < len(lines):
        line = lines[n]
        n += 1
        fence = _FENCE.match(line)
        if open_fences:
            char, length, markdown = open_fences[-1]
            if fence and fence["fence"][0] == char and len(fence["fence"]) >= length and not fence["info"]:
                open_fences.pop()
                continue
            if not markdown:
                continue
        if not fence or (fence["fence"][0] == "`" and "`" in fence["info"]):
            continue
        directive = _DIRECTIVE.match(fence["info"])
        open_fences.append((fence["fence"][0], len(fence["fence"]), directive is not None))
        if directive is None or directive["name"] != "tagger":
            continue
        start, options = n, {}
        while n < len(lines) and (option := _OPTION.match(lines[n])):
            options[option["name"]] = (option["value"], n + 1)
            n += 1
        if n < len(lines) and lines[n].strip() == "---":
            raise InputError(
                str(page),
                f"line {n + 1}",
                "this Tagger's options are written as a YAML block, which medialit does not read.",
                "write each option on its own line, as `:lines: 1-18`.",
            )
        found.append(_block(directive["argument"].strip(), options, page, start))
    return found


def _block(argument: str, options: dict[str, tuple[str, int]], page: Path, line: int) -> TaggerBlock:
    if not argument:
        raise InputError(
            str(page),
            f"line {line}",
            "this Tagger names no exercise file.",
            "write the exercise.yml path after {tagger}, as in ```{tagger} exercises/x/exercise.yml.",
        )
    values = {}
    for name, (value, at) in options.items():
        parse = TAGGER_OPTIONS.get(name)
        if parse is None:
            raise InputError(
                str(page),
                f"line {at}",
                f"a Tagger has no option `{name}`.",
                f"use some of: {', '.join(TAGGER_OPTIONS)}.",
            )
        try:
            values[name] = parse(value)
        except ValueError as err:
            raise InputError(str(page), f"line {at} (`{name}`)", str(err), "correct the option.") from None
    return TaggerBlock(
        exercise=page.parent / argument,
        labels=tuple(values.get("labels", ())),
        lines=values.get("lines"),
        difficulty=values.get("difficulty"),
        mode=values.get("mode", "student"),
        line=line,
    )


def page_title(text: str, fallback: str) -> str:
    """The page's first `# ` heading, or `fallback`."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def chapters_of(pages: list[Path]) -> list[Chapter]:
    """The pages (MyST Markdown files) with a Tagger in student mode, in the order given."""
    chapters = []
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        if "{tagger}" not in text:
            continue
        taggers = tuple(t for t in tagger_blocks(text, page) if t.mode == "student")
        if taggers:
            chapters.append(Chapter(page, page.stem, page_title(text, page.stem), taggers))
    return chapters


def book_chapters(book: str | Path) -> list[Chapter]:
    """Every page under `book` (a folder of MyST Markdown pages) with a Tagger in student mode, by file name."""
    book = Path(book)
    if not is_folder(book):
        raise InputError(
            str(book),
            "",
            "this is not the book's folder.",
            "run the command from the book's folder (the one with book/), or give --book.",
        )
    return chapters_of(
        [
            page
            for page in sorted(book.rglob("*.md"))
            if not any(part.startswith((".", "_")) for part in page.relative_to(book).parts)
        ]
    )


def _names(chapter: Chapter) -> set[str]:
    """What a teacher may call a chapter: `03-claims`, `claims`, `3`, `03` or its title, in any case."""
    name = chapter.name.lower()
    names = {name, chapter.title.lower()}
    number = re.match(r"(\d+)-(.+)", name)
    if number:
        names |= {number[1], str(int(number[1])), number[2]}
    return names


def find_chapter(book: str | Path, name: str, exercise_file: str | Path | None = None) -> tuple[Chapter, TaggerBlock]:
    """The chapter called `name` and its Tagger (of `exercise_file`, when given).

    InputError, with the chapters there are, when no chapter or more than one answers to the name."""
    chapters = book_chapters(book)
    wanted = name.strip().lower()
    matches = [c for c in chapters if wanted in _names(c)]
    listing = ", ".join(f"{c.name} ({c.title})" for c in chapters) or "none"
    if len(matches) != 1:
        what = "no chapter with a Tagger is called" if not matches else "more than one chapter answers to"
        raise InputError(str(book), "--chapter", f"{what} {name!r}.", f"use one of: {listing}.")
    chapter = matches[0]
    taggers = list(chapter.taggers)
    if exercise_file is not None:
        target = Path(exercise_file).resolve()
        taggers = [t for t in taggers if t.exercise.resolve() == target]
        if not taggers:
            used = ", ".join(sorted({str(t.exercise) for t in chapter.taggers}))
            raise InputError(
                str(chapter.page),
                "--chapter",
                f"this chapter's Tagger uses another exercise ({used}), not {exercise_file}.",
                "leave out --exercise (the chapter's own is used), or choose another chapter.",
            )
    if len(taggers) > 1:
        raise InputError(
            str(chapter.page),
            "--chapter",
            f"this chapter has {len(taggers)} Taggers.",
            "give the part with --lines and --labels instead.",
        )
    return chapter, taggers[0]
