"""A whole class's hand-ins in one report: the class summary, CSV tables, and report.html with a heat map.

Students appear under the pseudonym in their hand-in (or a number when it has none), listed in name
order, never ranked. A file that cannot be used is listed with its reason and left out; the report is
made anyway. The report can be limited to some labels and lines, as a chapter's Tagger is.

Hand-ins are read, checked and boiled down one at a time (`tally.py`), so memory stays flat however
big the class; a big class is shared out among the computer's cores.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from ..core.check import compare
from ..core.errors import InputError
from ..core.exercise import Exercise
from ..core.files import exists, is_folder, is_zip, reading_fix, write_file
from ..core.handin import load_handin
from ..core.messages import Message, Renderer
from . import tables
from .heat_words import measured_tokens, word_rows
from .tally import PARTLY_READ, Scope, Tally, outcome

PARALLEL_FROM = 200  # hand-ins; fewer are read in this process (starting helpers would cost more)
CHUNK = 32  # hand-ins a helper process reads before it sends their outcomes back
BOM = "\ufeff"  # at the start of each CSV file, so that a spreadsheet opens it as UTF-8


@dataclass(frozen=True)
class Settings:
    """What each hand-in is checked on: some labels and lines (None: all), at a difficulty."""

    labels: tuple[str, ...] | None = None
    lines: tuple[int, int] | None = None
    difficulty: str | None = None


# every file `ClassReport.save` writes: a folder of only these holds an earlier report, replaced without asking
REPORT_FILES = frozenset([*tables.TABLES, "heat.csv", "summary.json", "report.html"])


def handin_files(folder: str | Path) -> tuple[list[Path], list[tuple[Path, str, bool]]]:
    """Everything under `folder` that is not a folder or hidden, in name order, and each folder below it
    that cannot be opened or whose listing broke off, with why and whether part of it was listed (listed
    with the files left out: what it holds cannot all be counted). Links are not followed into other
    folders; anything that is not a hand-in file is refused (and listed) later."""
    folder = Path(folder)
    if is_zip(folder):  # what a course website gives when a teacher downloads every submission at once
        raise InputError(
            str(folder),
            "",
            "this is a zip file (files packed into one), not a folder.",
            "unzip it first (double-click it, or right-click it and choose Extract), then give the folder it makes.",
        )
    if not is_folder(folder):
        raise InputError(str(folder), "", "this is not a folder.", "give the folder that holds the hand-in files.")
    found, unopened, todo = [], [], [folder]
    while todo:
        below, listed = todo.pop(), 0
        try:
            with os.scandir(below) as entries:
                for entry in entries:
                    listed += 1
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(Path(entry.path))
                    else:
                        found.append(Path(entry.path))
        except OSError as err:
            if below == folder and not listed:
                raise InputError(
                    str(folder), "", f"this folder cannot be opened ({err.strerror or err}).", reading_fix("folder")
                ) from None
            unopened.append((below, err.strerror or str(err), listed > 0))
    if not found and not unopened:
        raise InputError(
            str(folder),
            "",
            "there are no files in this folder, so there is nothing to report yet (no report was written).",
            "copy the students' hand-in .json files into it, or give the folder that holds them.",
        )
    return sorted(found), sorted(unopened)


# --- reading one hand-in (in this process or in a helper) ----------------------------------------

# what a helper process checks against, and the files: set when it starts (forked: nothing is copied)
_job: tuple[Exercise, Settings, list[tuple[int, Path, str]]] | None = None


def _start_helper(exercise: Exercise, settings: Settings, jobs: list[tuple[int, Path, str]]) -> None:
    global _job
    _job = (exercise, settings, jobs)


# the names a spreadsheet gives its files (class_summary.js's SPREADSHEET): a roster or a table of marks kept among
# the hand-ins is said to be one, not read as a broken hand-in (whose fix sends the teacher to a student) or, for a
# workbook, which is a zip inside, told to be unzipped
SPREADSHEET = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def read_one(exercise: Exercise, settings: Settings, n: int, path: Path, name: str) -> tuple:
    """One file, boiled down: ("skip", name, code, place, problem, fix), or ("used", student, n, name,
    outcome, parts left out, answers, created, updated). Nothing of the hand-in itself is kept."""
    if name.lower().endswith(SPREADSHEET):
        told, words = Message("class-spreadsheet", {}), Renderer({}, "teacher")
        return "skip", name, "spreadsheet", "", words.render(told), words.render(told, "fix")
    try:
        handin = load_handin(path, exercise)
    except InputError as err:
        return "skip", name, err.code, err.place, err.problem, err.fix
    part = exercise.restricted(list(settings.labels) if settings.labels else None, settings.lines)
    found = compare(handin, part, settings.difficulty, rules_held=True)
    items, tags = found.item_results(missed=False), found.tag_results()
    notes = {t.id: t.note for t in found.tags if t.note}
    got = outcome(items, tags, found.scores(items, tags), found.ex.labels, notes)
    left_out = [
        {"code": f.code, "place": f.place, "problem": f.problem, "fix": f.fix}
        for f in [*handin.findings, *handin.answer_findings]
    ]
    answers = [{"id": answer_id, "question": a.question, "text": a.text} for answer_id, a in handin.answers.items()]
    return "used", handin.student, n, name, got, left_out, answers, handin.created, handin.updated


def _read_in_helper(first: int) -> list[tuple]:
    """The outcomes of CHUNK files, from the `first` on: the helper is sent only where to start."""
    exercise, settings, jobs = _job
    return [read_one(exercise, settings, *job) for job in jobs[first : first + CHUNK]]


def _outcomes(jobs: list[tuple[int, Path, str]], exercise: Exercise, settings: Settings, helpers: int):
    """The files' outcomes in file order: read here, or by `helpers` processes for a big class."""
    if helpers < 2 or len(jobs) < PARALLEL_FROM or not sys.platform.startswith("linux"):
        for job in jobs:
            yield read_one(exercise, settings, *job)
        return
    # Linux forks: the helpers start with the exercise and the libraries already in memory. The article's
    # sentences are made here first (spaCy's sentencizer, about 0.7 s), or every helper would make them again.
    _ = exercise.article.sentences
    with get_context("fork").Pool(helpers, _start_helper, (exercise, settings, jobs)) as pool:
        for outcomes in pool.imap(_read_in_helper, range(0, len(jobs), CHUNK)):
            yield from outcomes


def default_helpers() -> int:
    """How many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def class_report(
    handins: str | Path | list[Path],
    exercise: Exercise,
    labels: list[str] | None = None,
    lines: tuple[int, int] | None = None,
    difficulty: str | None = None,
    chapter: dict | None = None,
    helpers: int = 1,
) -> ClassReport:
    """Check every hand-in and gather the class picture, one hand-in at a time.

    `labels` and `lines` limit it to what a chapter's Tagger asks for (`chapter`: its name and title,
    shown in the report); `helpers` processes share the work of a big class (Linux)."""
    unopened: list[tuple[Path, str, bool]] = []
    if isinstance(handins, (str, Path)):
        folder = Path(handins)
        paths, unopened = handin_files(folder)
        names = [p.relative_to(folder).as_posix() for p in paths]
    else:
        paths = [Path(p) for p in handins]
        names = [str(p) for p in paths]
    settings = Settings(tuple(labels) if labels else None, tuple(lines) if lines else None, difficulty)
    scope = exercise.restricted(list(settings.labels) if settings.labels else None, settings.lines)
    tokens = exercise.article.tokens
    tally = Tally(
        Scope.of(scope, difficulty, chapter), (np.array([t.start for t in tokens]), np.array([t.end for t in tokens]))
    )
    words = Renderer({}, "teacher")
    for below, why, partly in unopened:
        # the page's words (messages.json): a folder the browser could not list whole is told the same
        told = Message("class-partly-read-folder" if partly else "class-unreadable-folder", {"reason": why})
        # the folder given, listed in part, by its own name (as the page names a dropped folder)
        name = below.relative_to(folder).as_posix() if below != folder else folder.resolve().name
        code = PARTLY_READ if partly else "unreadable"
        tally.skip(f"{name}/", code, "", words.render(told), words.render(told, "fix"))
    jobs = [(n, path, name) for n, (path, name) in enumerate(zip(paths, names), start=1)]
    for result in _outcomes(jobs, exercise, settings, helpers):
        if result[0] == "skip":
            tally.skip(*result[1:])
        else:
            tally.add(*result[1:])
    return ClassReport(exercise, tally.summary())


# --- the report ----------------------------------------------------------------------------------


@dataclass
class ClassReport:
    """The class summary (`medialit.class/1`, see tally.py) of one exercise, with its tables and page."""

    exercise: Exercise
    summary: dict
    roster: dict[str, str] | None = None  # pseudonym -> student ID, from the teacher's roster (`roster.py`)

    @property
    def students(self) -> list[str]:
        return [s["student"] for s in self.summary["students"]]

    @property
    def skipped(self) -> list[dict]:
        return self.summary["skipped"]

    @property
    def orphans(self) -> list[dict]:
        """Tags and answers left out of hand-ins that were used."""
        return self.summary["orphans"]

    @property
    def plurals(self) -> dict[str, str]:
        return {name: spec.plural_or_noun for name, spec in self.exercise.labels.items()}

    def words(self) -> Renderer:
        return Renderer(self.exercise.labels, "teacher")

    def table(self, name: str) -> list[list]:
        """A table by its file name (`gradebook.csv`, ...), header first."""
        make = tables.TABLES[name]
        return make(self.summary, self.plurals, self.roster) if make is tables.gradebook else make(self.summary)

    def frame(self, name: str):
        """A table as a pandas DataFrame (for a notebook)."""
        import pandas as pd

        header, *rows = self.table(name)
        return pd.DataFrame(rows, columns=header)

    def heat_csv(self) -> str:
        """How many students tagged each word of the lines measured, per label: a row a word as the heat map writes
        it (despot’s, “quietly), with its line, and the count the map shows after it (no rows when no hand-in was
        used). summary.json keeps each part's own count, by token, for a program."""
        tokens = self.exercise.article.tokens if self.summary["students"] else []
        tokens = measured_tokens(tokens, self.summary["lines"])
        labels = self.summary["labels"]
        rows = [["line", "word", *labels], *word_rows(self.summary["heat"], labels, tokens)]
        return tables.csv_text(rows)

    def sentences(self) -> list[str]:
        """The plain words at the top of the report."""
        return self.words().sentences(tables.scope_messages(self.summary, self.plurals))

    def save(self, folder: str | Path) -> list[Path]:
        """Write the CSV tables (UTF-8 with a byte order mark, which spreadsheets need to read it as UTF-8),
        summary.json and report.html into `folder`; returns the paths written.

        Each file is written whole or not at all (a temporary file, then a rename)."""
        from .report_page import report_html

        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            what = "this is a file, not a folder" if exists(folder) else f"the folder cannot be made ({err.strerror})"
            raise InputError(
                str(folder),
                "",
                f"{what}; the report needs a folder to write into.",
                "give another --out, a folder (it is made if it does not exist).",
                "cannot-write",
            ) from None
        written = [write_file(folder / name, BOM + tables.csv_text(self.table(name))) for name in tables.TABLES]
        written.append(write_file(folder / "heat.csv", BOM + self.heat_csv()))
        # compact: without an indent Python's JSON encoder in C writes a class of thousands ten times faster
        written.append(
            write_file(
                folder / "summary.json", json.dumps(self.summary, ensure_ascii=False, separators=(",", ":")) + "\n"
            )
        )
        written.append(write_file(folder / "report.html", report_html(self)))
        return written

    def to_html(self) -> str:
        from .report_page import report_html

        return report_html(self)
