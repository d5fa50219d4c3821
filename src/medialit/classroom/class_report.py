"""A whole class's hand-ins in one report: tables, CSV files and an HTML heat map over the article.

Students appear under the pseudonym in their hand-in (or a number when it has none), listed in
name order, never ranked. Every string that came from a student is escaped before it is shown.
A file that cannot be used is listed with its reason and left out; the report is made anyway.
Hand-ins are read, checked and boiled down one at a time, so memory stays flat however big the class.
"""
from __future__ import annotations

import html
import math
import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.check import check
from ..core.errors import InputError, visible
from ..core.exercise import Exercise
from ..core.files import exists, is_folder, write_file
from ..core.handin import HandIn, load_handin
from ..core.report import Report

MISSED_SHOWN = 10
OVER_TAGGING = ("spans-sentences", "covers-items", "covers-more")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VERDICTS = ("hit", "boundary", "wrong-label", "missed")


@dataclass
class Skipped:
    file: str
    reason: str


@dataclass
class ClassReport:
    """Everything the class report shows, as pandas DataFrames plus the per-token heat values."""

    exercise: Exercise
    students: list[str]
    scores: pd.DataFrame          # student, label, precision, recall, f1
    items: pd.DataFrame           # one row per key item: who found it
    misconceptions: pd.DataFrame  # kind, key_id, line, quote, students, share, why
    heat: dict[str, np.ndarray]   # label -> share of students tagging each token
    orphans: pd.DataFrame         # student, place, problem, fix: tags left out of a hand-in that was used
    skipped: list[Skipped] = field(default_factory=list)

    def class_scores(self) -> pd.DataFrame:
        """Mean precision, recall and F1 per label over the class."""
        if self.scores.empty:
            return pd.DataFrame(columns=["precision", "recall", "f1"])
        return self.scores.groupby("label", sort=False)[["precision", "recall", "f1"]].mean().round(3)

    def most_missed(self, n: int = MISSED_SHOWN) -> pd.DataFrame:
        required = self.items[~self.items["optional"]]
        return required.sort_values(["found", "line"]).head(n)

    def heat_frame(self) -> pd.DataFrame:
        tokens = self.exercise.article.tokens
        frame = pd.DataFrame({"token": [t.i for t in tokens], "line": [t.line for t in tokens],
                              "text": [t.text for t in tokens]})
        for label, shares in self.heat.items():
            frame[label] = shares.round(4)
        return frame

    def save(self, folder: str | Path) -> list[Path]:
        """Write the CSV files and report.html into `folder`; returns the paths written.

        Each file is written whole or not at all (a temporary file, then a rename)."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            what = "this is a file, not a folder" if exists(folder) else f"the folder cannot be made ({err.strerror})"
            raise InputError(str(folder), "", f"{what}; the report needs a folder to write into.",
                             "give another --out, a folder (it is made if it does not exist).",
                             "cannot-write") from None
        tables = {"scores.csv": self.scores, "items.csv": self.items, "misconceptions.csv": self.misconceptions,
                  "heat.csv": self.heat_frame(), "orphans.csv": self.orphans,
                  "skipped.csv": pd.DataFrame([vars(s) for s in self.skipped], columns=["file", "reason"])}
        written = []
        for name, frame in tables.items():
            written.append(write_file(folder / name, _spreadsheet_safe(frame).to_csv(index=False)))
        written.append(write_file(folder / "report.html", self.to_html()))
        return written

    def to_html(self) -> str:
        return render_html(self)


# --- building the report --------------------------------------------------------------------------

def handin_files(folder: str | Path) -> list[Path]:
    """Everything under `folder` that is not a folder or hidden, in name order. Links are not
    followed into other folders; anything that is not a hand-in file is refused (and listed) later."""
    folder = Path(folder)
    if not is_folder(folder):
        raise InputError(str(folder), "", "this is not a folder.", "give the folder that holds the hand-in files.")
    found, todo = [], [folder]
    while todo:
        try:
            with os.scandir(todo.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(Path(entry.path))
                    else:
                        found.append(Path(entry.path))
        except OSError:
            continue  # a folder that cannot be listed holds nothing we can read
    if not found:
        raise InputError(str(folder), "", "there are no files in this folder.",
                         "copy the students' hand-in .json files into it, or give the folder that holds them.")
    return sorted(found)


class _ClassTally:
    """What the report needs from each hand-in, gathered as it is checked; the hand-in and its Check
    report are then dropped, so a class of thousands needs little more memory than one student."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        self.labels = {label: n for n, label in enumerate(exercise.labels)}
        self.names: list[str] = []
        self.used: set[str] = set()
        self.score_rows: list[tuple] = []
        self.verdicts = {item.id: dict.fromkeys(VERDICTS, 0) for item in exercise.key}
        self.quoted_loaded = {k.id for k in exercise.key if k.label == "loaded" and _expects_quoted(k)}
        self.blamed: dict[str, set[str]] = {}
        self.trapped: dict[str, set[str]] = {}
        self.over: set[str] = set()
        self.heat_rows = array("q")  # (student * labels + label, start, end) of every tag, flat
        self.orphan_rows: list[tuple[str, str, str, str]] = []
        self.skipped: list[Skipped] = []

    def skip(self, path: Path, err: InputError) -> None:
        where = f"{err.place}: " if err.place else ""
        self.skipped.append(Skipped(visible(str(path)), f"{where}{err.problem} Fix: {err.fix}"))

    def pseudonym(self, handin: HandIn, n: int) -> str:
        """The hand-in's pseudonym (`student-NNN` by its place in the list when it has none, never its
        file name, which is often a real name); one used twice gets " (2)", " (3)" ..."""
        base = handin.student.strip() or f"student-{n:03d}"
        name, again = base, 1
        while name in self.used:
            again += 1
            name = f"{base} ({again})"
        self.used.add(name)
        return name

    def add(self, name: str, handin: HandIn, report: Report) -> None:
        student = len(self.names)
        self.names.append(name)
        for label in self.labels:
            score = report.scores[label]
            self.score_rows.append((name, label, score.precision, score.recall, score.f1))
        for entry in report.items:
            self.verdicts[entry.key_id][entry.verdict] += 1
            voice = entry.attrs.get("voice")
            if entry.key_id in self.quoted_loaded and voice is not None and voice.given == "reporter":
                self.blamed.setdefault(entry.key_id, set()).add(name)
        for entry in report.tags:
            if entry.verdict == "distractor":
                self.trapped.setdefault(entry.key_id, set()).add(name)
        if any(f.code in OVER_TAGGING for entry in report.tags for f in entry.findings):
            self.over.add(name)
        width = len(self.labels)
        for tag in handin.tags:
            label = self.labels.get(tag.label)
            if label is not None:
                self.heat_rows.extend((student * width + label, tag.start, tag.end))
        self.orphan_rows.extend((name, f.place, f.problem, f.fix) for f in handin.findings)

    def report(self) -> ClassReport:
        rows = np.frombuffer(self.heat_rows, dtype=np.int64).reshape(-1, 3) if self.heat_rows else None
        return ClassReport(
            exercise=self.exercise, students=sorted(self.names), scores=_scores(self.score_rows),
            items=_items(self.verdicts, len(self.names), self.exercise),
            misconceptions=_misconceptions(self, self.exercise), heat=_heat_of(rows, len(self.names), self.exercise),
            orphans=pd.DataFrame(self.orphan_rows, columns=["student", "place", "problem", "fix"]),
            skipped=self.skipped)


def class_report(handins: str | Path | list[Path], exercise: Exercise) -> ClassReport:
    """Check every hand-in and gather the class picture, one hand-in at a time."""
    paths = handin_files(handins) if isinstance(handins, (str, Path)) else [Path(p) for p in handins]
    tally = _ClassTally(exercise)
    for n, path in enumerate(paths, start=1):
        try:
            handin = load_handin(path, exercise)
        except InputError as err:
            tally.skip(path, err)
            continue
        tally.add(tally.pseudonym(handin, n), handin, check(handin, exercise))
    return tally.report()


def _scores(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["student", "label", "precision", "recall", "f1"])
    return frame.sort_values(["student", "label"], kind="stable").reset_index(drop=True)


def _items(verdicts: dict[str, dict[str, int]], students: int, exercise: Exercise) -> pd.DataFrame:
    n = max(students, 1)
    rows = []
    for item in exercise.key:
        count = verdicts[item.id]
        rows.append({"key_id": item.id, "label": item.label, "line": item.line, "quote": item.quote,
                     "optional": item.optional, "found": round((count["hit"] + count["boundary"]) / n, 4),
                     "hit": round(count["hit"] / n, 4), "boundary": round(count["boundary"] / n, 4),
                     "wrong_label": round(count["wrong-label"] / n, 4), "missed": round(count["missed"] / n, 4),
                     "why": item.why})
    return pd.DataFrame(rows, columns=["key_id", "label", "line", "quote", "optional", "found", "hit",
                                       "boundary", "wrong_label", "missed", "why"])


def _expects_quoted(item) -> bool:
    voice = item.attrs.get("voice")
    return voice == "quoted" or voice == ["quoted"]


def _misconceptions(tally: _ClassTally, exercise: Exercise) -> pd.DataFrame:
    """Quoted words blamed on the reporter, distractors tagged, and over-tagging."""
    n = max(len(tally.names), 1)
    rows = []
    for key_id, names in tally.blamed.items():
        item = exercise.item(key_id)
        rows.append({"kind": "quoted words blamed on the reporter", "key_id": key_id, "line": item.line,
                     "quote": item.quote, "students": len(names), "share": round(len(names) / n, 4),
                     "why": item.why})
    by_id = {d.id: d for d in exercise.distractors}
    for key_id, names in tally.trapped.items():
        dis = by_id[key_id]
        rows.append({"kind": "distractor tagged", "key_id": key_id, "line": dis.line, "quote": dis.quote,
                     "students": len(names), "share": round(len(names) / n, 4), "why": dis.why})
    if tally.over:
        rows.append({"kind": "over-tagging (a tag covers a sentence or more, or far more than the words)",
                     "key_id": "", "line": None, "quote": "", "students": len(tally.over),
                     "share": round(len(tally.over) / n, 4),
                     "why": "Long tags hide which words do the work, and they lower precision."})
    frame = pd.DataFrame(rows, columns=["kind", "key_id", "line", "quote", "students", "share", "why"])
    frame["line"] = frame["line"].astype("Int64")  # over-tagging has no line; the others stay whole numbers
    return frame.sort_values(["share", "line"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _heat(loaded: list[tuple[str, HandIn]], exercise: Exercise) -> dict[str, np.ndarray]:
    """Per label, the share of students whose tags cover each token (for (pseudonym, hand-in) pairs)."""
    labels = {label: n for n, label in enumerate(exercise.labels)}
    rows = [(s * len(labels) + labels[tag.label], tag.start, tag.end)
            for s, (_, handin) in enumerate(loaded) for tag in handin.tags if tag.label in labels]
    return _heat_of(np.array(rows, dtype=np.int64) if rows else None, len(loaded), exercise)


def _heat_of(rows: np.ndarray | None, students: int, exercise: Exercise) -> dict[str, np.ndarray]:
    """Per label, the share of students whose tags cover each token, from rows of
    (student * labels + label, start, end).

    A student counts once per token however many of their tags cover it, so each student's tags of
    one label are first merged into runs that do not overlap; then the whole class's runs are counted
    at once. Everything is done on arrays of all the class's tags, not tag by tag.
    """
    tokens = exercise.article.tokens
    labels = list(exercise.labels)
    width = len(tokens) + 1  # token positions 0..len(tokens), one block of them per (student, label)
    counts = np.zeros(len(labels) * width, dtype=np.int64)
    if rows is not None and len(rows):
        group, starts, ends = rows.T
        first = np.searchsorted(np.array([t.end for t in tokens]), starts, side="right")
        last = np.searchsorted(np.array([t.start for t in tokens]), ends, side="left")
        run_start, run_end = _merged_runs(group * width + first, group * width + last)
        block = run_start // width
        label_of = block % len(labels)
        np.add.at(counts, label_of * width + run_start - block * width, 1)
        np.add.at(counts, label_of * width + run_end - block * width, -1)
    covered = counts.reshape(len(labels), width).cumsum(axis=1)[:, :-1]
    n = max(students, 1)
    return {label: covered[k] / n for k, label in enumerate(labels)}


def _merged_runs(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The union of the half-open intervals [starts, ends) as disjoint runs, in order (empty ones dropped)."""
    keep = ends > starts
    order = np.argsort(starts[keep], kind="stable")
    starts, ends = starts[keep][order], ends[keep][order]
    if not len(starts):
        return starts, ends
    reach = np.maximum.accumulate(ends)
    opens = np.r_[True, starts[1:] > reach[:-1]]
    closes = np.r_[opens[1:], True]
    return starts[opens], reach[closes]


# --- HTML -----------------------------------------------------------------------------------------

COLOURS = {"claim": (31, 119, 180), "source": (44, 160, 44), "loaded": (214, 39, 40), "cue": (148, 103, 189)}
STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5;color:#111}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
.article p{margin:.4rem 0}.heat span{border-radius:2px}.lineno{color:#555;font-size:.8em;margin-right:.4rem}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.3rem;border:1px solid #999}
"""


def _e(value) -> str:
    """Text for the page: markup escaped, and control characters written out (`\\u001b`) so that a
    crafted pseudonym or quote shows what it holds."""
    return html.escape(visible(str(value), keep="\t\n"), quote=True)


def _cell(value) -> str:
    """One table cell: blank for a missing value, numbers as they are, everything else escaped."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4g}"
    return _e(value)


def _table(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    """An HTML table of `frame` (pandas' own to_html is eight times slower on a class of 1,000)."""
    if frame.empty:
        return "<p>None.</p>"
    shown = frame[columns] if columns else frame
    head = "".join(f"<th>{_e(c)}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in shown.itertuples(index=False, name=None))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell as a CSV file should hold it: control characters written out (`\\u001b`; tabs
    and line breaks stay, inside the cell's quotes), and text that a spreadsheet would run as a
    formula (`=HYPERLINK(...)`, `+1`, `@x`) given a leading apostrophe, so that it stays text when an
    instructor opens the file. Pseudonyms, file names, quotes and reasons alike."""
    def cell(value):
        if not isinstance(value, str):
            return value
        value = visible(value, keep="\t\n")
        return f"'{value}" if value.startswith(FORMULA_STARTS) else value

    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(cell)
    return safe


def heat_html(report: ClassReport, label: str) -> str:
    """The article with each word shaded by the share of students who tagged it with `label`."""
    article = report.exercise.article
    shares = report.heat[label]
    red, green, blue = COLOURS.get(label, (90, 90, 90))
    title = report.exercise.labels[label].title
    parts = []
    for para in article.paragraphs:
        words = []
        for tok in article.tokens_in(para.start, para.end):
            share = float(shares[tok.i])
            ws = _e(tok.ws.replace("\n", " "))
            if share > 0:
                words.append(f'<span style="background:rgba({red},{green},{blue},{0.15 + 0.75 * share:.2f})" '
                             f'title="{_e(title)}: {share:.0%} of students">{_e(tok.text)}</span>{ws}')
            else:
                words.append(f"{_e(tok.text)}{ws}")
        parts.append(f'<p><span class="lineno">L{para.line}</span>{"".join(words)}</p>')
    legend = " ".join(f'<span style="background:rgba({red},{green},{blue},{0.15 + 0.75 * s:.2f})">{s:.0%}</span>'
                      for s in (0.1, 0.5, 1.0))
    return (f'<section class="heat article"><h3>{_e(title)}: share of students who tagged each word</h3>'
            f'<p class="legend">Darker means more students. Hover a word for the exact share. {legend}</p>'
            f'{"".join(parts)}</section>')


def render_html(report: ClassReport) -> str:
    ex = report.exercise
    missed = report.most_missed().assign(found=lambda f: (f["found"] * 100).round().astype(int).astype(str) + "%")
    misc = report.misconceptions.assign(share=lambda f: (f["share"] * 100).round().astype(int).astype(str) + "%")
    skipped = pd.DataFrame([vars(s) for s in report.skipped], columns=["file", "reason"])
    body = [
        f"<h1>Class report: {_e(ex.title)}</h1>",
        f"<p>{len(report.students)} hand-ins used, {len(report.skipped)} files left out. "
        "Students are listed by pseudonym in name order, not by score.</p>",
        "<h2>Class scores per label (mean)</h2>", _table(report.class_scores().reset_index()),
        "<h2>Most missed key items</h2>",
        _table(missed, ["line", "label", "quote", "found", "why"]),
        "<h2>Common misconceptions</h2>", _table(misc, ["kind", "line", "quote", "students", "share", "why"]),
        "<h2>What the class tagged</h2>", *(heat_html(report, label) for label in ex.labels),
        "<h2>Scores per student</h2>", _table(report.scores),
        "<h2>Tags left out (orphans)</h2>", _table(report.orphans),
        "<h2>Files left out</h2>", _table(skipped),
    ]
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Class report: {_e(ex.title)}</title>'
            f'<style>{STYLE}</style></head><body><main>{"".join(body)}</main></body></html>\n')
