"""A whole class's hand-ins in one report: tables, CSV files and an HTML heat map over the article.

Students appear under the pseudonym in their hand-in (or a number when it has none), listed in
name order, never ranked. Every string that came from a student is escaped before it is shown.
A file that cannot be used is listed with its reason and left out; the report is made anyway.
"""
from __future__ import annotations

import gc
import html
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.handin import HandIn, load_handin
from ..core.check import Report, check
from ..core.errors import InputError
from ..core.exercise import Exercise

MISSED_SHOWN = 10
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
        """Write the CSV files and report.html into `folder`; returns the paths written."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tables = {"scores.csv": self.scores, "items.csv": self.items, "misconceptions.csv": self.misconceptions,
                  "heat.csv": self.heat_frame(), "orphans.csv": self.orphans,
                  "skipped.csv": pd.DataFrame([vars(s) for s in self.skipped], columns=["file", "reason"])}
        written = []
        for name, frame in tables.items():
            _spreadsheet_safe(frame).to_csv(folder / name, index=False)
            written.append(folder / name)
        (folder / "report.html").write_text(self.to_html(), encoding="utf-8")
        written.append(folder / "report.html")
        return written

    def to_html(self) -> str:
        return render_html(self)


# --- building the report --------------------------------------------------------------------------

def handin_files(folder: str | Path) -> list[Path]:
    """Every visible file under `folder`, in name order (anything unusable is reported later)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "", "this is not a folder.", "give the folder that holds the hand-in files.")
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    if not files:
        raise InputError(str(folder), "", "there are no files in this folder.",
                         "copy the students' hand-in .json files into it, or give the folder that holds them.")
    return files


def load_class(paths: list[Path], exercise: Exercise) -> tuple[list[tuple[str, HandIn]], list[Skipped]]:
    """Load every file; returns (pseudonym, hand-in) pairs and the files left out with reasons.

    A hand-in without a pseudonym is shown as `student-NNN` (its place in the file list), never under
    its file name, which is often a real name; a pseudonym used twice gets " (2)", " (3)" ...
    """
    loaded, skipped, used = [], [], set()
    for n, path in enumerate(paths, start=1):
        try:
            handin = load_handin(path, exercise)
        except InputError as err:
            where = f"{err.place}: " if err.place else ""
            skipped.append(Skipped(str(path), f"{where}{err.problem} Fix: {err.fix}"))
            continue
        base = handin.student.strip() or f"student-{n:03d}"
        name, again = base, 1
        while name in used:
            again += 1
            name = f"{base} ({again})"
        used.add(name)
        loaded.append((name, handin))
    return loaded, skipped


@contextmanager
def cycle_collection_paused():
    """Loading and checking a class makes millions of small objects and no reference cycles;
    Python's cycle collector would rescan them again and again (about 40% of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def class_report(handins: str | Path | list[Path], exercise: Exercise) -> ClassReport:
    """Check every hand-in and gather the class picture."""
    paths = handin_files(handins) if isinstance(handins, (str, Path)) else [Path(p) for p in handins]
    with cycle_collection_paused():
        loaded, skipped = load_class(paths, exercise)
        reports = [(name, handin, check(handin, exercise)) for name, handin in loaded]
        report = ClassReport(
            exercise=exercise, students=sorted(name for name, _ in loaded),
            scores=_scores(reports, exercise), items=_items(reports, exercise),
            misconceptions=_misconceptions(reports, exercise), heat=_heat(loaded, exercise),
            orphans=_orphans(loaded), skipped=skipped)
        del reports, loaded  # freed while the collector is off; else its first pass would scan them all
    return report


def _orphans(loaded: list[tuple[str, HandIn]]) -> pd.DataFrame:
    """The tags left out of hand-ins that were used (orphaned quotes, unknown labels ...), with the fix."""
    rows = [{"student": name, "place": f.place, "problem": f.problem, "fix": f.fix}
            for name, handin in loaded for f in handin.findings]
    return pd.DataFrame(rows, columns=["student", "place", "problem", "fix"])


def _scores(reports: list[tuple[str, HandIn, Report]], exercise: Exercise) -> pd.DataFrame:
    rows = [{"student": name, "label": label, **{k: report.scores[label][k] for k in ("precision", "recall", "f1")}}
            for name, _, report in reports for label in exercise.labels]
    frame = pd.DataFrame(rows, columns=["student", "label", "precision", "recall", "f1"])
    return frame.sort_values(["student", "label"], kind="stable").reset_index(drop=True)


def _items(reports: list[tuple[str, HandIn, Report]], exercise: Exercise) -> pd.DataFrame:
    verdicts = {item.id: {"hit": 0, "boundary": 0, "wrong-label": 0, "missed": 0} for item in exercise.key}
    for _, _, report in reports:
        for entry in report.items:
            verdicts[entry["key_id"]][entry["verdict"]] += 1
    n = max(len(reports), 1)
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


def _misconceptions(reports: list[tuple[str, HandIn, Report]], exercise: Exercise) -> pd.DataFrame:
    """Quoted words blamed on the reporter, distractors tagged, and over-tagging."""
    n = max(len(reports), 1)
    blamed: dict[str, set[str]] = {}
    trapped: dict[str, set[str]] = {}
    over: set[str] = set()
    quoted_loaded = {k.id for k in exercise.key if k.label == "loaded" and _expects_quoted(k)}
    for name, _, report in reports:
        for entry in report.items:
            if entry["key_id"] in quoted_loaded and (entry["attrs"].get("voice") or {}).get("given") == "reporter":
                blamed.setdefault(entry["key_id"], set()).add(name)
        for entry in report.tags:
            if entry["verdict"] == "distractor":
                trapped.setdefault(entry["key_id"], set()).add(name)
        if any(notice["kind"] == "over-tagging" for notice in report.data["notices"]):
            over.add(name)
    rows = []
    for key_id, names in blamed.items():
        item = exercise.item(key_id)
        rows.append({"kind": "quoted words blamed on the reporter", "key_id": key_id, "line": item.line,
                     "quote": item.quote, "students": len(names), "share": round(len(names) / n, 4),
                     "why": item.why})
    by_id = {d.id: d for d in exercise.distractors}
    for key_id, names in trapped.items():
        dis = by_id[key_id]
        rows.append({"kind": "distractor tagged", "key_id": key_id, "line": dis.line, "quote": dis.quote,
                     "students": len(names), "share": round(len(names) / n, 4), "why": dis.why})
    if over:
        rows.append({"kind": "over-tagging (a tag covers a sentence or more, or far more than the words)",
                     "key_id": "", "line": None, "quote": "", "students": len(over), "share": round(len(over) / n, 4),
                     "why": "Long tags hide which words do the work, and they lower precision."})
    frame = pd.DataFrame(rows, columns=["kind", "key_id", "line", "quote", "students", "share", "why"])
    frame["line"] = frame["line"].astype("Int64")  # over-tagging has no line; the others stay whole numbers
    return frame.sort_values(["share", "line"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _heat(loaded: list[tuple[str, HandIn]], exercise: Exercise) -> dict[str, np.ndarray]:
    """Per label, the share of students whose tags cover each token.

    A student counts once per token however many of their tags cover it, so each student's tags of
    one label are first merged into runs that do not overlap; then the whole class's runs are counted
    at once. Everything is done on arrays of all the class's tags, not tag by tag.
    """
    tokens = exercise.article.tokens
    labels = list(exercise.labels)
    width = len(tokens) + 1  # token positions 0..len(tokens), one block of them per (student, label)
    number = {label: n for n, label in enumerate(labels)}
    rows = [(s * len(labels) + number[tag.label], tag.start, tag.end)
            for s, (_, handin) in enumerate(loaded) for tag in handin.tags if tag.label in number]
    counts = np.zeros(len(labels) * width, dtype=np.int64)
    if rows:
        group, starts, ends = np.array(rows, dtype=np.int64).T
        first = np.searchsorted(np.array([t.end for t in tokens]), starts, side="right")
        last = np.searchsorted(np.array([t.start for t in tokens]), ends, side="left")
        run_start, run_end = _merged_runs(group * width + first, group * width + last)
        block = run_start // width
        label_of = block % len(labels)
        np.add.at(counts, label_of * width + run_start - block * width, 1)
        np.add.at(counts, label_of * width + run_end - block * width, -1)
    covered = counts.reshape(len(labels), width).cumsum(axis=1)[:, :-1]
    n = max(len(loaded), 1)
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
    return html.escape(str(value), quote=True)


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
    """A pseudonym that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `@x`) gets a
    leading apostrophe in the CSV files, so that it stays text when an instructor opens them."""
    if "student" not in frame.columns:
        return frame
    safe = frame.copy()
    safe["student"] = safe["student"].map(lambda v: f"'{v}" if isinstance(v, str) and v[:1] in FORMULA_STARTS else v)
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
