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
import { TABLES, csvText } from "%(tables)s";
const input = JSON.parse(readFileSync(0, "utf8"));
const files = input.files.map((name) => ({ name, bytes: readFileSync(`${input.folder}/${name}`) }));
const plurals = Object.fromEntries(input.exercise.labels.map((l) => [l.name, l.plural]));
const out = [];
for (const measure of input.measures) {
  const summary = await summarize(input.exercise, files, measure);
  const tables = Object.fromEntries(Object.entries(TABLES).map(([name, make]) =>
    [name, csvText(name === "gradebook.csv" ? make(summary, plurals) : make(summary))]));
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


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_gives_the_same_class_summary_and_tables_as_python():
    exercise = load_exercise(KREMLIN)
    wanted = measures()
    assert len(wanted) >= 6  # the whole article and the kremlin chapters
    files = sorted(p.name for p in SAMPLE.iterdir())
    script = SCRIPT % {
        "summary": (ROOT / "src/js/classroom/class_summary.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {"folder": str(SAMPLE), "files": files, "exercise": exercise.compile(), "measures": wanted}
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    for measure, js in zip(wanted, json.loads(done.stdout), strict=True):
        lines = tuple(measure["lines"]) if measure.get("lines") else None
        python = class_report(
            SAMPLE, exercise, measure.get("labels") or None, lines, measure.get("difficulty"), measure.get("chapter")
        )
        assert len(js["summary"]["students"]) == 25 and sum(map(sum, js["summary"]["heat"].values())) > 0
        assert comparable(js["summary"]) == comparable(python.summary), measure.get("chapter")
        for name in TABLES:
            ours = csv_text(python.table(name))
            if name == "problems.csv":
                own = {s["file"] for s in python.summary["skipped"] if s["code"] in OWN_WORDS}
                assert without(js["tables"][name], own) == without(ours, own)
            else:
                assert js["tables"][name] == ours, (measure.get("chapter"), name)
    summary = python.summary
    assert len(summary["students"]) == 25 and len(summary["skipped"]) == 4 and summary["orphans"]
