"""The class report in the browser's JavaScript (src/js/classroom/) gives the same numbers as Python's
(src/medialit/classroom/): the same class summary and the same CSV tables, on the sample class, for
the whole article and for each chapter's Tagger."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from medialit import load_exercise
from medialit.classroom.class_report import class_report
from medialit.classroom.tables import TABLES, csv_text
from medialit.core.chapters import book_chapters

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "notebooks" / "sample-class"
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
NODE = shutil.which("node")
# Where JSON stops being JSON is each parser's to say; a file's size and encoding are read by each
# side's own file reader: those refusals' places and words may differ, their codes may not.
OWN_WORDS = ("not-json", "not-utf8", "too-big")

SCRIPT = """
import { readFileSync } from "node:fs";
import { summarize } from "%(summary)s";
import { TABLES, csvText, heat } from "%(tables)s";
const input = JSON.parse(readFileSync(0, "utf8"));
const files = input.files.map((name) => ({ name, bytes: readFileSync(`${input.folder}/${name}`) }));
const plurals = Object.fromEntries(input.exercise.labels.map((l) => [l.name, l.plural]));
const out = [];
for (const measure of input.measures) {
  const summary = await summarize(input.exercise, files, measure);
  const tables = Object.fromEntries(Object.entries(TABLES).map(([name, make]) =>
    [name, csvText(name === "gradebook.csv" ? make(summary, plurals) : make(summary))]));
  tables["heat.csv"] = csvText(heat(summary, input.exercise));
  out.push({ summary, tables });
}
process.stdout.write(JSON.stringify(out));
"""


def comparable(summary: dict) -> dict:
    skipped = [
        {k: v for k, v in s.items() if s["code"] not in OWN_WORDS or k in ("file", "code")} for s in summary["skipped"]
    ]
    return {**summary, "skipped": skipped}


def measures() -> list[dict]:
    """The whole article, and every chapter whose Tagger works on this exercise."""
    out = [{}]
    for chapter in book_chapters(ROOT / "book"):
        for tagger in chapter.taggers:
            if tagger.exercise.resolve() == KREMLIN.resolve():
                out.append(
                    {
                        "labels": list(tagger.labels),
                        "lines": list(tagger.lines) if tagger.lines else None,
                        "difficulty": tagger.difficulty,
                        "chapter": {"name": chapter.name, "title": chapter.title},
                    }
                )
    return out


def without(table: str, files: set[str]) -> list[str]:
    """The rows of a CSV table, less those of `files`."""
    return [row for row in table.split("\r\n") if row.split(",")[0] not in files]


def javascript(folder: Path, exercise, wanted: list[dict]) -> list[dict]:
    """The class summary and tables of every file under `folder`, made by the page's JavaScript."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    script = SCRIPT % {
        "summary": (ROOT / "src/js/classroom/class_summary.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {"folder": str(folder), "files": files, "exercise": exercise.compile(), "measures": wanted}
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def assert_the_same(folder: Path, exercise, wanted: list[dict]):
    """JavaScript and Python give the same summary and tables of `folder`; Python's last report."""
    for measure, js in zip(wanted, javascript(folder, exercise, wanted), strict=True):
        lines = tuple(measure["lines"]) if measure.get("lines") else None
        python = class_report(
            folder, exercise, measure.get("labels") or None, lines, measure.get("difficulty"), measure.get("chapter")
        )
        assert len(js["summary"]["students"]) >= 25 and sum(map(sum, js["summary"]["heat"].values())) > 0
        assert comparable(js["summary"]) == comparable(python.summary), measure.get("chapter")
        for name in TABLES:
            ours = csv_text(python.table(name))
            if name == "problems.csv":
                own = {s["file"] for s in python.summary["skipped"] if s["code"] in OWN_WORDS}
                assert without(js["tables"][name], own) == without(ours, own)
            else:
                assert js["tables"][name] == ours, (measure.get("chapter"), name)
        assert js["tables"]["heat.csv"] == python.heat_csv(), measure.get("chapter")
    return python


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_gives_the_same_class_summary_and_tables_as_python():
    exercise = load_exercise(KREMLIN)
    wanted = measures()
    assert len(wanted) >= 6  # the whole article and the kremlin chapters
    summary = assert_the_same(SAMPLE, exercise, wanted).summary
    assert len(summary["students"]) == 25 and len(summary["skipped"]) == 4 and summary["orphans"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_counts_a_student_who_handed_in_twice_once_as_python_does(tmp_path):
    """Copies of one student's work (same name, same `created`) count once, the later `updated`; one name
    on work started at different times counts twice, with a line for the teacher to check."""
    exercise = load_exercise(KREMLIN)
    folder = tmp_path / "class"
    shutil.copytree(SAMPLE, folder)
    fox, owl, wren = (
        json.loads((SAMPLE / f"{name}.json").read_text(encoding="utf-8")) for name in ("fox-07", "owl-09", "wren-05")
    )
    extra = {
        "again/fox-07.json": {**fox, "updated": "2026-11-25T09:20:00Z", "tags": []},  # older: left out
        "again/owl-09.json": {**owl, "updated": "2026-11-25T10:20:00Z", "tags": owl["tags"][:3]},  # newer: used
        "wren-05-copy.json": {**wren, "tags": []},  # saved when wren-05.json was, read before it: left out
        "fox-07-b.json": {**fox, "created": "2026-11-26T09:00:00Z", "tags": fox["tags"][:5]},  # another fox-07
    }
    for name, data in extra.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    summary = assert_the_same(folder, exercise, measures()[:2]).summary
    assert [s["code"] for s in summary["skipped"]].count("older-copy") == 3
    assert [s["student"] for s in summary["same_names"]] == ["fox-07"]
    assert len(summary["students"]) == 26 and "fox-07 (2)" in [s["student"] for s in summary["students"]]
    used = {s["student"]: s["file"] for s in summary["students"]}
    assert (used["owl-09"], used["wren-05"]) == ("again/owl-09.json", "wren-05.json")


ROSTERS = [
    'Pseudonym,Student ID\nfox-07,S1007\n"otter-01",S1001\nkestrel-25,S9999\nowl-09,\n',
    "\ufeffname;number\r\nfox-07;1\r\n;2\r\nfox-07;3\r\n\r\n  lynx-03\u3000 ;4",
    'fox-07,"S,1"\n"wren ""05""",x\n\x1cowl-09\x85,5\nheron-02',
    "",
    "ID,Student\n7,fox-07\n",
]

ROSTER_SCRIPT = """
import { readFileSync } from "node:fs";
import { readRoster } from "%(roster)s";
import { gradebook, csvText } from "%(tables)s";
const { rosters, summary, plurals } = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(rosters.map((text) => {
  const { roster, problems } = readRoster(text);
  return { roster: [...roster], problems, gradebook: csvText(gradebook(summary, plurals, roster)) };
})));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_roster_is_read_and_joined_into_the_gradebook_as_the_page_does():
    """`medialit report --roster` reads a roster as the page does: the same IDs, the same problems, and the
    same gradebook, with a "no hand-in" row for each student on the roster whose hand-in is not here."""
    from medialit.classroom.roster import read_roster
    from medialit.classroom.tables import gradebook

    exercise = load_exercise(KREMLIN)
    report = class_report(SAMPLE, exercise)
    script = ROSTER_SCRIPT % {
        "roster": (ROOT / "src/js/classroom/roster.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {"rosters": ROSTERS, "summary": report.summary, "plurals": report.plurals}
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    for text, js in zip(ROSTERS, json.loads(done.stdout), strict=True):
        roster, problems = read_roster(text)
        assert (js["roster"], js["problems"]) == ([list(pair) for pair in roster.items()], problems), text
        assert js["gradebook"] == csv_text(gradebook(report.summary, report.plurals, roster)), text
    first = read_roster(ROSTERS[0])[0]
    rows = csv_text(gradebook(report.summary, report.plurals, first)).split("\r\n")
    blank = "," * (rows[0].count(",") - 2)  # every figure
    assert f"kestrel-25,S9999,no hand-in{blank}" in rows and len(rows) == 1 + 26 + 1  # and the empty last line


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_and_report_html_explain_completion_in_the_same_words():
    from medialit.classroom.tables import COMPLETION_WORDS

    script = f"import {{ COMPLETION_WORDS }} from {json.dumps((ROOT / 'src/js/classroom/tables.js').as_uri())};"
    script += "process.stdout.write(COMPLETION_WORDS);"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert done.stdout == COMPLETION_WORDS and "tags every word" in COMPLETION_WORDS
