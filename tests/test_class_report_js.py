"""The class report in the browser's JavaScript (src/js/classroom/) gives the same numbers and words as
Python's (src/medialit/classroom/): the same class summary and the same CSV tables, every row and every
column, on the sample class, for the whole article and for each chapter's Tagger, and on a folder of
awkward files (every hostile hand-in, files too big, not UTF-8, not JSON, for another exercise, handed
in twice)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from array import array
from pathlib import Path

import numpy as np
import pytest
from helpers import handin_of, node_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Tag, load_exercise
from medialit.classroom.class_report import SPREADSHEET, class_report
from medialit.classroom.tables import TABLES, csv_text, most_missed
from medialit.classroom.tally import Scope, Tally
from medialit.core.chapters import book_chapters
from medialit.core.contract import MISCONCEPTIONS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "notebooks" / "sample-class"
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
HOSTILE = ROOT / "tests" / "hostile"
NODE = shutil.which("node")

SCRIPT = """
import { readFileSync } from "node:fs";
import { summarize } from "%(summary)s";
import { TABLES, csvText, heat, mostMissed } from "%(tables)s";
const input = JSON.parse(readFileSync(0, "utf8"));
const files = input.files.map((name) => ({ name, bytes: readFileSync(`${input.folder}/${name}`) }));
const plurals = Object.fromEntries(input.exercise.labels.map((l) => [l.name, l.plural]));
const out = [];
for (const measure of input.measures) {
  const summary = await summarize(input.exercise, files, measure);
  const tables = Object.fromEntries(Object.entries(TABLES).map(([name, make]) =>
    [name, csvText(name === "gradebook.csv" ? make(summary, plurals) : make(summary))]));
  tables["heat.csv"] = csvText(heat(summary, input.exercise));
  out.push({ summary, tables, missed: mostMissed(summary).map((item) => item.key_id) });
}
process.stdout.write(JSON.stringify(out));
"""


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
    """JavaScript and Python give the same summary and tables of `folder`, cell for cell; Python's last report."""
    for measure, js in zip(wanted, javascript(folder, exercise, wanted), strict=True):
        lines = tuple(measure["lines"]) if measure.get("lines") else None
        python = class_report(
            folder, exercise, measure.get("labels") or None, lines, measure.get("difficulty"), measure.get("chapter")
        )
        for name in TABLES:
            assert js["tables"][name].split("\r\n") == csv_text(python.table(name)).split("\r\n"), (
                measure.get("chapter"),
                name,
            )
        assert js["tables"]["heat.csv"] == python.heat_csv(), measure.get("chapter")
        assert js["missed"] == [i["key_id"] for i in most_missed(python.summary)], measure.get("chapter")
        assert js["summary"] == python.summary, measure.get("chapter")
    return python


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_gives_the_same_class_summary_and_tables_as_python():
    exercise = load_exercise(KREMLIN)
    wanted = measures()
    assert len(wanted) >= 6  # the whole article and the kremlin chapters
    summary = assert_the_same(SAMPLE, exercise, wanted).summary
    assert len(summary["students"]) == 25 and len(summary["skipped"]) == 4 and summary["orphans"]
    assert sum(map(sum, summary["heat"].values())) > 0


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_lists_as_most_missed_only_the_items_some_student_missed(tmp_path):
    """As report.html does: a class of one student who found every item has none to list."""
    from helpers import key_tags

    exercise = load_exercise(KREMLIN)
    handin_of(exercise, key_tags(exercise)).save(tmp_path / "perfect.json")
    (js,) = javascript(tmp_path, exercise, [{}])
    assert js["missed"] == [] and js["summary"]["items"]
    assert_the_same(tmp_path, exercise, [{}])


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


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_tag_that_counts_for_the_mention_a_part_asks_for_leaves_the_mention_it_is_on_neither_found_nor_missed(
    tmp_path,
):
    """Chapter 7 (L76-198) asks for Medvedev at "said Medvedev" (L100); a tag on the photo caption that names
    him there counts for it. The class report counts that one tag once: "said Medvedev" found, and the
    caption's optional item not missed as well (it was tagged), by Python and JavaScript alike."""
    exercise = load_exercise(KREMLIN)
    caption = exercise.item("src-medvedev-photo-l100")
    folder = tmp_path / "class"
    folder.mkdir()
    tag = Tag("t1", "source", caption.start, caption.end, caption.quote)
    handin = handin_of(exercise, [tag])
    (folder / "a.json").write_text(json.dumps(handin.to_json()), encoding="utf-8")
    chapter7 = [m for m in measures() if m.get("lines") == [76, 198]]
    assert chapter7
    items = {i["key_id"]: i for i in assert_the_same(folder, exercise, chapter7).summary["items"]}
    said, shown = items["src-medvedev-l100"], items[caption.id]
    assert (said["hit"], said["missed"]) == (1, 0)
    assert (shown["hit"], shown["boundary"], shown["wrong_label"], shown["missed"]) == (0, 0, 0, 0)
    assert shown["counted_elsewhere"] == 1  # so that its figures add up to the class


def awkward_class(folder: Path) -> None:
    """A class folder of files a teacher may meet, for the hostile base exercise: every hostile hand-in,
    the sample class (another exercise, and files that are not hand-ins), and more made here."""
    shutil.copytree(HOSTILE / "handins", folder, ignore=shutil.ignore_patterns("expected.json"))
    shutil.copytree(SAMPLE, folder / "sample-class")
    good = (HOSTILE / "handins" / "good.json").read_bytes()
    text = good.decode("utf-8")
    data = json.loads(text)
    made = {
        # too big: over the limit by a little, and by a lot (the size is rounded up to a tenth of a MB)
        "big/just-over.json": good + b" " * (5 * 1048576 + 1 - len(good)),
        "big/huge.json": good + b" " * (5 * 1048576 + 300_000),
        # not UTF-8 on line 5, on line 3 after a byte-order mark; a byte-order mark twice, and once (read)
        "utf8/latin1-name.json": text.replace('"otter"', '"Jos\xe9"').encode("latin-1"),
        "utf8/bom-line-3.json": b"\xef\xbb\xbf{\n\n \x93quoted\x94: 1}",
        "utf8/bom-twice.json": b"\xef\xbb\xbf\xef\xbb\xbf" + good,
        "utf8/bom.json": b"\xef\xbb\xbf" + good.replace(b'"otter"', b'"bom"'),
        # not JSON: cut short (in a string, in a number, in a word), and broken where each parser words it
        **{f"json/cut-{n}.json": good[:n] for n in (1, 30, 101, 236, 270, 399, 600, 1000, len(good) - 1)},
        "json/cut-true.json": b'{"a": tr',
        "json/trailing-comma.json": text.replace('"note": ""\n  }', '"note": "",\n  }', 1).encode(),
        "json/real-numbers.json": text.replace('"start": 87', '"start": 1.2.3', 1).encode(),
        "json/real-then-broken.json": text.replace('"start": 87', '"start": 87.0, "x" 1', 1).encode(),
        "json/leading-zero.json": text.replace('"start": 87', '"start": 087', 1).encode(),
        "json/bad-escape.json": text.replace('"otter"', '"ot\\qter"').encode(),
        "json/bad-unicode.json": text.replace('"otter"', '"ot\\u00Gter"').encode(),
        "json/tab-in-text.json": text.replace('"otter"', '"ot\tter"').encode(),
        "json/wide-then-broken.json": '{"student": "\U0001f98a\U0001f98a", "x" 1}'.encode(),
        "json/wide-then-deep.json": ('{"s": "\U0001f98a", "d": ' + "[" * 40 + "]" * 40 + "}").encode(),
        "json/long-number-then-broken.json": b'{"start": 1234567890123456-}',
        "json/nan-late.json": b'{"a": [1, 2, NaN]}',
        "json/extra.json": good + b"\n{}",
        "json/not-a-handin.txt": "Dear teacher, my file is attached. \u2014 Otter\n".encode(),
        # handed in twice: the same work saved twice, and the same name on work started twice
        "again/good.json": json.dumps({**data, "updated": "2026-01-05T09:10:00Z"}).encode(),
        "zz-otter-again.json": json.dumps(
            {**data, "created": "2026-01-06T09:00:00Z", "tags": data["tags"][:1]}
        ).encode(),
        # a hand-in for the kremlin exercise, with no name
        "kremlin.json": (SAMPLE / "fox-07.json").read_bytes().replace(b'"fox-07"', b'""'),
        # the teacher's roster and marks kept among the hand-ins: a spreadsheet's CSV (in Windows-1252) and own files
        "roster.csv": (ROOT / "tests" / "hostile" / "rosters" / "windows-1252.csv").read_bytes(),
        "marks/Term 1.XLSX": (ROOT / "tests" / "hostile" / "rosters" / "workbook.xlsx").read_bytes(),
        "marks/old.ods": b"PK\x03\x04",
    }
    for name, data_bytes in made.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data_bytes)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_and_the_command_line_give_the_same_problems_csv_on_awkward_files(tmp_path):
    """Every table, problems.csv above all (every row, every column: the file, the place, the problem and
    its fix, the code), is the same from the page's JavaScript as from `medialit report`, on files that
    are refused in every way a file can be: each reader's parser and file reader are held to one rule
    for where a file stops being JSON or UTF-8 and one wording of its size, from the message table."""
    exercise = load_exercise(HOSTILE / "base" / "exercise.yml")
    folder = tmp_path / "class"
    awkward_class(folder)
    report = assert_the_same(folder, exercise, [{}])
    rows = {row[0]: row for row in report.table("problems.csv")[1:] if row[1] == "file"}
    codes = {row[5] for row in rows.values()}
    assert {"too-big", "not-utf8", "not-json", "too-deep", "other-exercise", "older-copy"} <= codes
    fix = (
        "use the .json file that Download hand-in saved, unedited; if this is that file, ask the student to press "
        "Download hand-in again and send you the new file."
    )
    assert rows["big/huge.json"][2:] == ["", "the file is 5.3 MB; a hand-in is at most 5 MB.", fix, "too-big"]
    assert rows["big/just-over.json"][3] == "the file is 5.1 MB; a hand-in is at most 5 MB."
    assert rows["utf8/latin1-name.json"][2:] == ["line 5", "the file is not UTF-8 text.", fix, "not-utf8"]
    assert rows["utf8/bom-line-3.json"][2] == "line 3"  # counted from the file's first byte, not after the mark
    assert rows["utf8/bom-twice.json"][2::3] == ["line 1, column 1", "not-json"]
    assert rows["json/real-numbers.json"][2::3] == ["line 12, column 16", "not-json"]  # the second point of `1.2.3`
    assert rows["json/wide-then-broken.json"][2] == "line 1, column 23"  # an emoji is one character
    assert rows["json/cut-30.json"][2] == "line 2, column 29"  # the end of the file, inside a string
    assert rows["json/long-number-then-broken.json"][2::3] == ["line 1, column 11", "number-too-long"]
    # a spreadsheet among the hand-ins is said to be one, by its name, not sent to a student or told to be unzipped
    spreadsheet = [
        "",
        "this is a spreadsheet file (a roster or a table, by its name), not a hand-in.",
        "keep it out of the folder of hand-ins; to add a roster, choose it under Roster on the class report page, or "
        "give it after --roster to medialit report.",
        "spreadsheet",
    ]
    assert rows["roster.csv"][2:] == rows["marks/Term 1.XLSX"][2:] == rows["marks/old.ods"][2:] == spreadsheet
    assert "bom.json" not in rows and "utf8/bom.json" not in rows
    assert report.summary["same_names"] and all(row[2] for row in rows.values() if row[5] == "not-json")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_teacher_reads_a_hand_in_field_in_words_with_its_name_and_no_code_quotes(tmp_path):
    """The Why of every problem with a hand-in, on the page and from `medialit report` alike, says what a
    field is for ("which article it was made for", "start position (start)") and keeps the field's name for
    the instructor who fixes the file, never in code quotes (`article_sha256`) a teacher cannot read."""
    exercise = load_exercise(HOSTILE / "base" / "exercise.yml")
    folder = tmp_path / "class"
    shutil.copytree(HOSTILE / "handins", folder)
    (folder / "expected.json").unlink()
    report = assert_the_same(folder, exercise, [{}])
    problems = report.table("problems.csv")[1:]
    assert len(problems) > 40 and not [row for row in problems if "`" in row[2] + row[3]]
    refused = {row[0]: row[2:4] for row in problems if row[1] == "file"}
    assert refused["sha-number.json"][0] == "the article_sha256 field"
    assert refused["sha-number.json"][1].startswith("the file does not say which article it was made for")
    assert refused["exercise-list.json"][1].startswith("the file does not say which exercise it is for")
    left_out = {row[3] for row in problems if row[1] == "part"}
    assert "this tag has no usable start position (start); it was left out." in left_out
    assert "this tag has no usable links to sources (source_ids); it was left out." in left_out


# what a hand-in mangled by hand or cut short may hold where it stops being JSON
MANGLE = '{}[],:"\\ \n\r\t0123456789.eE+-truefalsnNaI\x01\x1f\u00e9\U0001f98a\ufeffxu/'


def mangled(good: str, rng: random.Random) -> str:
    """A hand-in cut short, or with a character put in, taken out or changed, once or a few times."""
    text = good
    for _ in range(rng.choice((1, 1, 2, 3))):
        at = rng.randrange(len(text) + 1)
        how = rng.randrange(4)
        if how == 0:
            text = text[:at]
        elif how == 1:
            text = text[:at] + rng.choice(MANGLE) + text[at:]
        else:
            text = text[:at] + (rng.choice(MANGLE) if how == 2 else "") + text[at + 1 :]
    return text


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_and_the_command_line_say_the_same_of_mangled_handins(tmp_path):
    """Hand-ins with a character or a few put in, taken out or changed, or cut short: each is refused with
    the same code at the same place (where it stops being JSON: line and column, in characters), or read
    with the same tags left out, by the page's reader as by the command line's."""
    exercise = load_exercise(HOSTILE / "base" / "exercise.yml")
    good = (HOSTILE / "handins" / "good.json").read_text(encoding="utf-8")
    rng = random.Random(20260105)
    folder = tmp_path / "class"
    folder.mkdir()
    for n in range(400):
        (folder / f"m{n:03d}.json").write_text(mangled(good, rng), encoding="utf-8")
    codes = {s["code"] for s in assert_the_same(folder, exercise, [{}]).summary["skipped"]}
    assert {"not-json", "not-a-handin", "bad-field", "older-copy"} <= codes


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_file_size_is_given_in_megabytes_by_the_same_rule_on_both_sides():
    """Rounded up to a tenth of a MB (a file just over the limit is not said to be at it), halves too."""
    from medialit.core.files import MB, megabytes

    sizes = [0, 1, MB - 1, MB, MB + 1, int(5.25 * MB), int(5.25 * MB) + 1, 5 * MB + 1, 10 * MB - 1, 2**40 + 3]
    script = f"import {{ megabytes }} from {json.dumps((ROOT / 'src/js/core/handin.js').as_uri())};"
    script += f"process.stdout.write(JSON.stringify({json.dumps(sizes)}.map(megabytes)));"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    ours = [megabytes(size) for size in sizes]
    assert json.loads(done.stdout) == ours
    assert ours[:8] == ["0.0", "0.1", "1.0", "1.0", "1.1", "5.3", "5.3", "5.1"]


ROSTERS = [
    'Pseudonym,Student ID\nfox-07,S1007\n"otter-01",S1001\nkestrel-25,S9999\nowl-09,\n',
    "\ufeffname;number\r\nfox-07;1\r\n;2\r\nfox-07;3\r\n\r\n  lynx-03\u3000 ;4",
    'fox-07,"S,1"\n"wren ""05""",x\n\x1cowl-09\x85,5\nheron-02',
    'Pseudonym\tStudent ID\r\nfox-07\tS1007\r\nowl-09\t"S;9"\r\n',  # tab-separated: Excel's text file, or pasted
    "",
    "ID,Student\n7,fox-07\n",
    # blank rows between groups: a problem names the row as the spreadsheet numbers it
    'Pseudonym,Student ID\r\n,\r\nfox-07,S1\r\n\r\n,,\r\nowl-09,\r\n"\nwren-05",\r\n',
    "\ufeffStudent name;Student number\r\nfox-07;S1\r\n",  # the columns named in other words
    "First name,Pseudonym,Student No.\nAnn,fox-07,S1\n",
    "Name;ID\rfox-07;S1\rSmith, Jo;S2\r",  # lines ended by CR alone: the separator from the first line
    # refused whole, with the line: a quote never closed (CR LF, CR and LF each end a line), a NUL character
    'Pseudonym,Student ID\r\nfox-07,S1\rowl-09,"S2\nwren-05,S3\n',
    '"fox-07""",S1\n"owl-09',
    "Pseudonym;Student ID\nfox-07;S1\x00\n",
    "\ufeffo\x00t\x00t\x00e\x00r\x00",
]

ROSTER_SCRIPT = """
import { readFileSync } from "node:fs";
import { readRoster, rosterCount } from "%(roster)s";
import { gradebook, csvText } from "%(tables)s";
const { rosters, summary, plurals } = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(rosters.map((text) => {
  let read;
  try {
    read = readRoster(text);
  } catch (err) {
    return { refused: [err.place, err.problem, err.fix] };
  }
  const { roster, problems } = read;
  return { roster: [...roster], problems, gradebook: csvText(gradebook(summary, plurals, roster)),
    count: rosterCount(roster.size) };
})));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_roster_is_read_and_joined_into_the_gradebook_as_the_page_does():
    """`medialit report --roster` reads a roster as the page does: the same IDs, the same problems, and the
    same gradebook, with a "no hand-in" row for each student on the roster whose hand-in is not here."""
    from medialit.classroom.roster import (
        NOT_TEXT_FIX,
        NUL_CHARACTER,
        UNCLOSED,
        UNCLOSED_FIX,
        RosterRefused,
        read_roster,
        roster_count,
    )
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
    refused = {}
    for text, js in zip(ROSTERS, json.loads(done.stdout), strict=True):
        try:
            roster, problems = read_roster(text)
        except RosterRefused as err:
            refused[text] = js["refused"]
            assert js["refused"] == [err.place, err.problem, err.fix], text
            continue
        assert (js["roster"], js["problems"]) == ([list(pair) for pair in roster.items()], problems), text
        assert js["gradebook"] == csv_text(gradebook(report.summary, report.plurals, roster)), text
        assert js["count"] == roster_count(len(roster)), text
    assert [js.get("count") for js in json.loads(done.stdout)][4:6] == ["Roster: 0 students.", "Roster: 1 student."]
    said = dict(zip(ROSTERS, json.loads(done.stdout), strict=True))
    assert said[ROSTERS[6]]["problems"] == [
        "Row 6 of the roster has no student ID; it was left out. Add the student's ID to that row.",
        "Row 7 of the roster has no student ID; it was left out. Add the student's ID to that row.",
    ]
    assert [said[text]["roster"] for text in ROSTERS[7:10]] == [
        [["fox-07", "S1"]],
        [["fox-07", "S1"]],
        [["fox-07", "S1"], ["Smith, Jo", "S2"]],
    ]
    assert list(refused.values()) == [
        ["line 3", UNCLOSED, UNCLOSED_FIX],
        ["line 2", UNCLOSED, UNCLOSED_FIX],
        ["line 2", NUL_CHARACTER, NOT_TEXT_FIX],
        ["line 1", NUL_CHARACTER, NOT_TEXT_FIX],
    ]
    first = read_roster(ROSTERS[0])[0]
    rows = csv_text(gradebook(report.summary, report.plurals, first)).split("\r\n")
    blank = "," * (rows[0].count(",") - 2)  # every figure
    assert f"kestrel-25,S9999,no hand-in{blank}" in rows and len(rows) == 1 + 26 + 1  # and the empty last line
    # a hand-in whose name the roster does not have says so where its ID would be, not a blank
    assert next(row for row in rows if row.startswith("badger-04,")).startswith("badger-04,not on the roster,")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_roster_file_is_text_or_not_by_the_same_rule_on_both_sides():
    """UTF-8, or UTF-16 that says so with its byte-order mark (a spreadsheet's "Unicode Text"); anything else
    is refused by both, the page and `medialit report --roster`."""
    from medialit.classroom.roster import roster_text
    from medialit.core.errors import InputError

    files = sorted((ROOT / "tests" / "hostile" / "rosters").iterdir())
    script = f"import {{ rosterText }} from {json.dumps((ROOT / 'src/js/classroom/roster.js').as_uri())};"
    script += "import { readFileSync } from 'node:fs';"
    script += f"process.stdout.write(JSON.stringify({json.dumps([str(f) for f in files])}"
    script += ".map((f) => rosterText(readFileSync(f)))));"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    ours = []
    for path in files:
        try:
            ours.append(roster_text(path.read_bytes(), path).removeprefix("\ufeff"))
        except InputError:
            ours.append(None)
    assert [text.removeprefix("\ufeff") if text else text for text in json.loads(done.stdout)] == ours
    read = dict(zip([f.name for f in files], ours, strict=True))
    assert read["utf16-unicode-text.txt"] == "Pseudonym\tStudent ID\r\notter\tS1001\r\n"
    assert read["utf16-be-comma.csv"].endswith("Zoë,S1002\r\n")
    assert read["utf16-cut-short.csv"] is None and read["workbook.xlsx"] is None


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_roster_that_cannot_be_read_is_told_in_the_same_words_on_both_sides():
    """A roster that is not text and one that is text in another character set (Excel's plain "CSV" on Windows)
    are told apart, with the same line, words and fix on the page as from `medialit report --roster`."""
    from medialit.classroom.roster import NOT_TEXT, OTHER_CHARSET, load_roster
    from medialit.core.errors import InputError

    refused = {}
    for path in sorted((ROOT / "tests" / "hostile" / "rosters").iterdir()):
        try:
            load_roster(path)
        except InputError as err:
            if err.code == "not-utf8":
                refused[str(path)] = [err.place, err.problem, err.fix]
    script = f"import {{ notText }} from {json.dumps((ROOT / 'src/js/classroom/roster.js').as_uri())};"
    script += "import { readFileSync } from 'node:fs';"
    script += f"process.stdout.write(JSON.stringify({json.dumps(list(refused))}"
    script += ".map((f) => notText(readFileSync(f))).map((w) => [w.place, w.problem, w.fix])));"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == list(refused.values())
    by_name = {Path(path).name: words for path, words in refused.items()}
    assert by_name["windows-1252.csv"][:2] == ["line 2", OTHER_CHARSET]
    assert by_name["workbook.xlsx"][1] == by_name["utf16-cut-short.csv"][1] == NOT_TEXT


SHARED_WORDS = (
    "COMPLETION_WORDS",
    "SHADES_WORDS",
    "COUNTS_WORDS",
    "SHOW_COUNTS",
    "NOT_ON_ROSTER",
    "NOT_ON_ROSTER_WORDS",
    "STUDENT_AND_ID",
    "NO_HANDIN",
    "EVERY_ITEM",
    "EVERY_ITEM_WORDS",
    "ELSEWHERE_HEADER",
    "ELSEWHERE_WORDS",
    "NONE_MISSED",
    "STUDENT_WORK",
    "WHY_AND_FIX",
    "WHERE",
    "SAME_NAMES",
    "MISCONCEPTION_KEY",
    "MISCONCEPTION_KEY_SUMMARY",
)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_and_report_html_explain_completion_in_the_same_words():
    """And the other words both write: the heat map's shades, the roster's cells and lines."""
    from medialit.classroom import tables

    names = ", ".join(SHARED_WORDS)
    script = f"import {{ {names} }} from {json.dumps((ROOT / 'src/js/classroom/tables.js').as_uri())};"
    script += f"process.stdout.write(JSON.stringify([{names}]));"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [getattr(tables, name) for name in SHARED_WORDS]
    assert "tags every word" in tables.COMPLETION_WORDS
    from medialit.classroom import roster

    script = f"import {{ NOT_TEXT, NOT_TEXT_FIX }} from {json.dumps((ROOT / 'src/js/classroom/roster.js').as_uri())};"
    script += "process.stdout.write(JSON.stringify([NOT_TEXT, NOT_TEXT_FIX]));"
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [roster.NOT_TEXT, roster.NOT_TEXT_FIX]


# Node running tally.js's Tally on one class per line of input: the hand-ins as `add` is called with
# them, in folder order; answers with each student's pseudonym and file, and the same-name lines.
TALLY_LOOP = """
import { createInterface } from "node:readline";
import { Tally } from "%(tally)s";
const scope = { exercise: "x", article_sha256: "", title: "", labels: [], lines: null, difficulty: "standard",
  key: [], distractors: [], tokens: 0, chapter: null };
const got = { tags: 0, on_key: 0, found: {}, asked: {}, items: [], codes: [], spans: [], heat: [], notes: [] };
for await (const line of createInterface({ input: process.stdin })) {
  const tally = new Tally(scope, []);
  for (const [n, h] of JSON.parse(line).entries()) tally.add(h.student, n + 1, h.file, got, [], [], h.created, "u");
  const summary = tally.summary();
  process.stdout.write(JSON.stringify([summary.students.map((s) => [s.student, s.file]), summary.same_names]) + "\\n");
}
"""


@pytest.fixture(scope="module")
def node_tally():
    """tally.js's Tally, in one Node process for all the examples (one per example would take most of the time)."""
    yield from node_lines(TALLY_LOOP % {"tally": (ROOT / "src/js/classroom/tally.js").as_uri()})


def python_tally(handins: list[dict]) -> list:
    """tally.py's Tally on the same class, answering as TALLY_LOOP does."""
    scope = Scope("x", "", "standard", (), None, title="", key=(), distractors=(), tokens=0)
    tally = Tally(scope, (np.array([]), np.array([])))
    got = {"tags": 0, "on_key": 0, "found": {}, "asked": {}, "items": {}, "codes": [], "spans": []}
    for n, h in enumerate(handins, start=1):
        tally.add(h["student"], n, h["file"], got | {"heat": array("q"), "notes": []}, [], [], h["created"], "u")
    summary = tally.summary()
    return [[[s["student"], s["file"]] for s in summary["students"]], summary["same_names"]]


STARTS = ["", "2026-11-24T08:00:00Z", "2026-11-24T08:30:00Z", "2026-11-25T09:00:00Z", "2026-11-26T10:15:00Z"]


@st.composite
def one_name_class(draw):
    """Hand-ins, most of them under one name, started at different times (or with no start time), under
    file names that put them in any folder order; and the same hand-ins in another order."""
    count = draw(st.integers(2, 6))
    files = draw(st.lists(st.text("ab-._0", min_size=1, max_size=6), min_size=count, max_size=count, unique=True))
    handins = [
        {
            "student": draw(st.sampled_from(["Ana", "Ana", "Ana", " Ana ", "Ana (2)", "Ben"])),
            "created": draw(st.sampled_from(STARTS)),
            "file": f"{file}.json",
        }
        for file in files
    ]
    # one start time per name: the same name and start time is one student's work saved twice, not this case
    seen, kept = set(), []
    for h in handins:
        if not h["created"] or (h["student"].strip(), h["created"]) not in seen:
            seen.add((h["student"].strip(), h["created"]))
            kept.append(h)
    return kept, draw(st.permutations(kept))


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=150, deadline=None)
@given(one_name_class())
def test_hand_ins_with_one_name_are_numbered_by_start_time_in_any_folder_order(node_tally, drawn):
    """Of hand-ins that share a name, the oldest start keeps the bare name, the next is " (2)" and so on
    (no start time: last; a tie: by file), whatever order the folder gives the files in; in both languages."""
    handins, shuffled = drawn
    python = python_tally(handins)
    assert node_tally(handins) == python
    assert python_tally(shuffled) == python and node_tally(shuffled) == python
    name_of = {file: name for name, file in python[0]}
    ana = sorted(
        (h for h in handins if h["student"].strip() == "Ana"), key=lambda h: (not h["created"], h["created"], h["file"])
    )
    if all(h["student"] != "Ana (2)" for h in handins):  # a student who chose "Ana (2)" would take that name
        assert [name_of[h["file"]] for h in ana] == [f"Ana ({k})" if k > 1 else "Ana" for k in range(1, len(ana) + 1)]


SENTENCES_SCRIPT = """
import { readFileSync } from "node:fs";
import { renderer } from "%(messages)s";
import { scopeMessages } from "%(tables)s";
const { reports, labels, plurals } = JSON.parse(readFileSync(0, "utf8"));
const words = renderer(labels, "teacher");
process.stdout.write(JSON.stringify(reports.map((summary) => words.sentences(scopeMessages(summary, plurals)))));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_names_the_labels_measured_as_medialit_report_does(tmp_path):
    """The lines at the top of the report, on the page and from `medialit report`: only the labels the key
    has items of (the practice exercise has no cue items, though it has the label)."""
    from helpers import handin_of

    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    handin = handin_of(practice, [])
    handin.student = "otter"
    handin.save(tmp_path / "otter.json")
    reports = [class_report(tmp_path, practice, labels) for labels in (None, ["loaded", "cue"], ["cue"])]
    script = SENTENCES_SCRIPT % {
        "messages": (ROOT / "src/js/core/messages.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {
        "reports": [r.summary for r in reports],
        "labels": practice.compile()["labels"],
        "plurals": reports[0].plurals,
    }
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [r.sentences() for r in reports]
    assert "Measured on the whole article, claims, sources and loaded words." in reports[0].sentences()
    assert "Measured on the whole article, loaded words." in reports[1].sentences()
    assert "Measured on the whole article, cues." in reports[2].sentences()  # asked for by name: none to find


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_class_figures_say_what_their_two_totals_count_on_the_page_as_in_report_html(tmp_path):
    """ "(302 of 576 over all students)" left a teacher to guess that 576 is the items asked for times the students:
    the page and `medialit report` say each student was asked for so many, so many in all, and what they found,
    in the same words; a class of one says so of its one student."""
    from helpers import handin_of, key_tags

    kremlin = load_exercise(KREMLIN)
    one = tmp_path / "one"
    one.mkdir()
    handin_of(kremlin, [t for t in key_tags(kremlin) if t.label == "claim"][:3]).save(one / "fox.json")
    reports = [class_report(SAMPLE, kremlin, ["claim", "source"]), class_report(one, kremlin, ["claim"])]
    script = SENTENCES_SCRIPT % {
        "messages": (ROOT / "src/js/core/messages.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {
        "reports": [r.summary for r in reports],
        "labels": kremlin.compile()["labels"],
        "plurals": reports[0].plurals,
    }
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [r.sentences() for r in reports]
    students = reports[0].summary["students"]
    claims = students[0]["asked"]["claim"]
    found = sum(s["found"]["claim"] for s in students)
    assert all(s["asked"]["claim"] == claims for s in students)  # every student is asked for the same items
    assert (
        f"claims asked: each of the 25 students was asked for {claims:,} of them, {25 * claims:,} in all, "
        f"and together they found {found:,}." in reports[0].sentences()[2]
    )
    assert reports[1].sentences()[2].endswith(f"claims asked: its one student was asked for {claims} and found 3.")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_with_no_hand_in_used_the_page_and_the_command_line_say_there_is_nothing_to_report_yet(tmp_path):
    """Files that are all left out: the same words at the top (nothing to report yet, not a report of
    zeros), and the same tables, their headers and the files left out."""
    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    (tmp_path / "a.json").write_text("{oops")
    (tmp_path / "notes.txt").write_text("my homework")
    report = assert_the_same(tmp_path, practice, [{}])
    assert report.heat_csv() == "line,word,claim,source,loaded,cue\r\n"
    script = SENTENCES_SCRIPT % {
        "messages": (ROOT / "src/js/core/messages.js").as_uri(),
        "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
    }
    data = {"reports": [report.summary], "labels": practice.compile()["labels"], "plurals": report.plurals}
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [report.sentences()]
    assert report.sentences() == [
        "Nothing to report yet: none of the 2 files read could be used as a hand-in for this exercise."
    ]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_no_gradebook_column_for_a_label_the_key_has_no_items_of(tmp_path):
    """The practice exercise has the cue label but no cue in its key: the gradebook (page and `medialit
    report`, cell for cell) and report.html's table of students have no cues column, always 0 of 0;
    a report asked for cues by name still has one."""
    from helpers import handin_of, key_tags

    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    folder = tmp_path / "class"
    folder.mkdir()
    for student, tags in (("otter", []), ("heron", key_tags(practice))):
        handin = handin_of(practice, tags)
        handin.student = student
        handin.save(folder / f"{student}.json")
    python = assert_the_same(folder, practice, [{}, {"labels": ["loaded", "cue"]}, {"labels": ["cue"]}])
    assert python.table("gradebook.csv")[0][2:6] == ["tags", "cues found", "cues asked", "total found"]
    whole = class_report(folder, practice)
    header = whole.table("gradebook.csv")[0]
    assert "loaded words found" in header and not [c for c in header if c.startswith("cues")], header
    students = whole.to_html().split("<h2>Who handed in what</h2>")[1]
    assert "loaded words found" in students and "cues found" not in students


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_hand_ins_of_one_name_from_two_folders_are_told_apart_by_their_folders(tmp_path):
    """Two files of the same bare name in two folders, handed in under one name at different times: the
    line for the teacher says which name each file is counted under, its folder part included, on the
    page and from `medialit report` alike."""
    from helpers import handin_of

    practice = load_exercise(ROOT / "book" / "exercises" / "practice-council" / "exercise.yml")
    folder = tmp_path / "class"
    for period, started in (("period-2", "2026-11-25T09:00:00Z"), ("period-1", "2026-11-24T09:00:00Z")):
        handin = handin_of(practice, [])
        handin.student, handin.created, handin.updated = "ana", started, started
        (folder / period).mkdir(parents=True)
        handin.save(folder / period / "ana.json")
    [same] = assert_the_same(folder, practice, [{}]).summary["same_names"]
    assert same["problem"].endswith(
        "each is counted as a student of its own: “ana” (period-1/ana.json), “ana (2)” (period-2/ana.json)."
    )


# Node running heat_view.js's countPlaces on one heat map per line of input: its counts and tokens.
COUNTS_LOOP = """
import { createInterface } from "node:readline";
import { countPlaces } from "%(heat)s";
import { wordRows } from "%(words)s";
for await (const line of createInterface({ input: process.stdin })) {
  const { counts, tokens } = JSON.parse(line);
  const places = [...countPlaces(counts, tokens)].sort((a, b) => a[0] - b[0]);
  process.stdout.write(JSON.stringify([places, wordRows({ x: counts }, ["x"], tokens)]) + "\\n");
}
"""

# words and parts of words (a possessive, a contraction), and the punctuation a heat map meets: quotation marks,
# dashes and a hyphen, a full stop, a bullet
PIECES = ["Putin", "attempt", "’s", "n’t", "07", "‘", "’", "'", "“", "–", "-", ".", ",", "•", ":"]


@st.composite
def heat_maps(draw):
    """The tokens of a few paragraphs (joined to the next or not) and how many students tagged each."""
    size = draw(st.integers(1, 14))
    tokens, para = [], 0
    for i in range(size):
        para += draw(st.sampled_from([0, 0, 0, 1]))
        tokens.append(
            {
                "i": i,
                "para": para,
                "line": para + 1,
                "text": draw(st.sampled_from(PIECES)),
                "ws": draw(st.sampled_from(["", " "])),
            }
        )
    return {"counts": draw(st.lists(st.integers(0, 3), min_size=size, max_size=size)), "tokens": tokens}


@pytest.fixture(scope="module")
def node_counts():
    """heat_view.js's countPlaces and heat_words.js's wordRows."""
    classroom = ROOT / "src/js/classroom"
    yield from node_lines(
        COUNTS_LOOP % {"heat": (classroom / "heat_view.js").as_uri(), "words": (classroom / "heat_words.js").as_uri()}
    )


def written_words(tokens: list) -> list[list[int]]:
    """The positions of each word as the article has it between spaces: tokens joined with no space between them
    in one paragraph."""
    words: list[list[int]] = [[]]
    for k, tok in enumerate(tokens):
        words[-1].append(k)
        if tok.ws or k + 1 == len(tokens) or tokens[k + 1].para != tok.para:
            words.append([])
    return words[:-1]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=300, deadline=None)
@given(heat_maps())
def test_the_page_and_report_html_show_the_heat_maps_counts_in_the_same_places(node_counts, drawn):
    """Where each count goes, and which, and heat.csv's rows are one rule in two languages (heat_view.countPlaces,
    report_page.count_places; heat_words.js, heat_words.py); and whatever the tokens, a count never sits between two
    tokens with no space between them (despot[1]’s, ‘[6]assassination): it follows a whole word, and is the most
    students who tagged a part of that word that is not punctuation; each word a student tagged has its run's count
    after that run, and a run is the words that follow in its paragraph with that same count (a word of punctuation
    alone neither ends nor breaks one). heat.csv has a row for each such word, as written, with that count."""
    from types import SimpleNamespace

    from medialit.classroom.heat_words import word_rows
    from medialit.classroom.report_page import count_places
    from medialit.core.article import is_punctuation

    tokens = [SimpleNamespace(**t) for t in drawn["tokens"]]
    python = sorted(count_places(drawn["counts"], tokens).items())
    rows = word_rows({"x": drawn["counts"]}, ["x"], tokens)
    places, js_rows = node_counts(drawn)
    assert [tuple(place) for place in places] == python
    assert js_rows == rows
    shown = dict(python)
    for k in shown:
        if k + 1 < len(tokens) and tokens[k + 1].para == tokens[k].para:
            assert tokens[k].ws, (k, drawn)  # never inside a word
    counts = [drawn["counts"][t.i] for t in tokens]
    words = [  # (its last position, its paragraph, its count) for each word not of punctuation alone
        (word[-1], tokens[word[-1]].para, max(counts[k] for k in word if not is_punctuation(tokens[k].text)))
        for word in written_words(tokens)
        if not all(is_punctuation(tokens[k].text) for k in word)
    ]
    for n, (_, para, count) in enumerate(words):
        end = n  # the run: this word and those after it in its paragraph with its count
        while end + 1 < len(words) and words[end + 1][1:] == (para, count):
            end += 1
        if count:
            assert shown.get(words[end][0]) == count, (n, drawn)
        assert not {words[m][0] for m in range(n, end)} & set(shown), (n, drawn)
    assert set(shown) <= {last for last, *_ in words}, drawn
    written = [word for word in written_words(tokens) if not all(is_punctuation(tokens[k].text) for k in word)]
    assert rows == [
        [tokens[word[0]].para + 1, "".join(tokens[k].text for k in word), count]
        for word, (_, _, count) in zip(written, words, strict=True)
    ]


# Node running spreadsheet_ids.js on one class per line of input: its pseudonyms and roster, and other values.
CHANGED_LOOP = """
import { createInterface } from "node:readline";
import { changedIds, changedIdsWords, spreadsheetReading } from "%(ids)s";
for await (const line of createInterface({ input: process.stdin })) {
  const { students, roster, values } = JSON.parse(line);
  const found = changedIds({ students: students.map((student) => ({ student })) }, roster && new Map(roster));
  const words = found.length ? changedIdsWords(found) : "";
  process.stdout.write(JSON.stringify([found, words, values.map(spreadsheetReading)]) + "\\n");
}
"""

# what pseudonyms and IDs are made of: digits, the marks between them in numbers, dates and times, letters (month
# names, a power of ten, am), and characters a rule might take for others (Arabic and mathematical digits, a long s
# and a Kelvin sign, which some regular expressions take for s and k)
ID_PIECES = ["0", "1", "7", "12", "31", "2025", "123456", ".", "-", "/", ":", ",", " ", "E", "e", "+", "x"]
ID_PIECES += ["May", "sept", "DEC", "am", "pm", "fox", "٠", "𝟘", "ſ", "K", "\n"]
# the values a spreadsheet changes, and values it keeps, that a teacher might meet
CHANGED = ["07", "0042", "3-4", "1/2", "12-2025", "2025-03-04", "4.3.2025", "1E5", "2e10", "1234567890123456"]
CHANGED += ["123456789012", "1.50", ".5", "may-3", "3 May", "Sept 2025", "9:30", "10:05 pm"]
KEPT = ["Ana", "fox-07", "7", "0", "0.5", "1000", "12345678901", "3.5", "2024-1234", "13-45", "0x7", "٠٧", "𝟘7"]
KEPT += ["S1007", "ma-3", "-07", "+44", ""]
IDS = st.sampled_from(CHANGED + KEPT) | st.lists(st.sampled_from(ID_PIECES), min_size=1, max_size=5).map("".join)


@pytest.fixture(scope="module")
def node_changed():
    """spreadsheet_ids.js's spreadsheetReading, changedIds and changedIdsWords."""
    yield from node_lines(CHANGED_LOOP % {"ids": (ROOT / "src/js/classroom/spreadsheet_ids.js").as_uri()})


def test_the_ids_a_spreadsheet_changes_are_those_it_reads_as_numbers_dates_or_times():
    """07 and 0042 (the 0 dropped), 3-4, 1/2 and 12-2025 (dates), 1E5 and 16 digits (other numbers), 9:30 (a time)
    are named; names, IDs with letters, numbers a spreadsheet writes as they are, and digits that are not ASCII
    are not."""
    from medialit.classroom.spreadsheet_ids import changed_ids_words, spreadsheet_reading

    assert {value: spreadsheet_reading(value) for value in ["07", "3-4", "1E5", "1234567890123456", "9:30"]} == {
        "07": "zero",
        "3-4": "date",
        "1E5": "number",
        "1234567890123456": "long",
        "9:30": "time",
    }
    assert [value for value in CHANGED if not spreadsheet_reading(value)] == []
    assert [value for value in KEPT if spreadsheet_reading(value)] == []
    assert (  # what a spreadsheet makes of each kind, in the order of the values
        "reads each as a number, a date or a time, not as text (07 becomes 7, 3-4 becomes a date, 1E5 is written "
        "another way and 9:30 becomes a time of day)."
    ) in changed_ids_words(["07", "3-4", "0042", "1E5", "9:30"])


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=300, deadline=None)
@given(
    st.lists(IDS, max_size=6, unique=True), st.none() | st.dictionaries(IDS, IDS, max_size=6), st.lists(IDS, max_size=8)
)
def test_the_page_and_report_html_name_the_ids_a_spreadsheet_would_change_alike(node_changed, students, roster, values):
    """One rule in two languages (spreadsheet_ids.py, spreadsheet_ids.js): what a spreadsheet makes of any value,
    and which of a class's pseudonyms and student IDs are named under the table of students, in the gradebook's
    order, each once, with what a spreadsheet makes of each kind and what to do."""
    from medialit.classroom.spreadsheet_ids import changed_ids, changed_ids_words, spreadsheet_reading

    summary = {"students": [{"student": name} for name in students]}
    python = changed_ids(summary, roster)
    words = changed_ids_words(python) if python else ""
    rows = list(roster.items()) if roster is not None else None
    readings = [spreadsheet_reading(value) for value in values]
    assert node_changed({"students": students, "roster": rows, "values": values}) == [python, words, readings]
    everything = set(students) | set(roster or {}) | set((roster or {}).values())
    assert set(python) == {value for value in everything if spreadsheet_reading(value)}
    assert len(python) == len(set(python))
    assert all(any("0" <= ch <= "9" for ch in value) for value in python)
    if python:
        assert words.startswith(f"Pseudonyms and student IDs that a spreadsheet would change ({python[0]}")
        assert words.endswith("set the pseudonym and student ID columns to Text.")


LEFT_OUT_LOOP = """
import { createInterface } from "node:readline";
import { renderer } from "%(messages)s";
import { leftOut, leftOutMessage, leftOutTitle, scopeMessages } from "%(tables)s";
const words = renderer([], "teacher");
for await (const line of createInterface({ input: process.stdin })) {
  const summary = JSON.parse(line);
  const sentences = words.sentences(scopeMessages(summary, {}));
  const fixes = summary.students.length ? [] : scopeMessages(summary, {}).map((m) => words.render(m, "fix"));
  const status = words.render(leftOutMessage(summary.skipped));
  const title = leftOutTitle(summary);
  process.stdout.write(JSON.stringify([leftOut(summary.skipped), sentences, fixes, title, status]) + "\\n");
}
"""


@pytest.fixture(scope="module")
def node_left_out():
    """tables.js's leftOut and scopeMessages, in one Node process for all the examples."""
    yield from node_lines(
        LEFT_OUT_LOOP
        % {
            "messages": (ROOT / "src/js/core/messages.js").as_uri(),
            "tables": (ROOT / "src/js/classroom/tables.js").as_uri(),
        }
    )


def test_what_was_left_out_says_files_and_folders_apart():
    """ "2 files left out" when one of them was a folder that could not be opened: a folder is counted as one."""
    from medialit.classroom.tables import left_out

    def skipped(*names):
        return [{"file": name} for name in names]

    assert left_out(skipped()) == "0 files"
    assert left_out(skipped("a.json")) == "1 file"
    assert left_out(skipped("a.json", "locked/")) == "1 file and 1 folder"
    assert left_out(skipped("locked/")) == "1 folder"
    assert left_out(skipped("a/", "b.txt", "c/", "d.json")) == "2 files and 2 folders"


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 3), st.integers(0, 3), st.integers(0, 2), st.integers(0, 2))
def test_the_page_and_medialit_report_count_files_and_folders_left_out_alike(
    node_left_out, files, folders, students, partly
):
    """One rule in two languages (tables.left_out, tables.js's leftOut): the status line, `medialit report`'s line
    and the report's first sentence count the files and the folders left out apart, and a folder read in part (its
    files listed before the break are in the report) as read in part, not as left out; with no hand-in used, the
    report says so with the folders in its count and its fix."""
    from medialit.classroom.tables import left_out, left_out_message, left_out_title, scope_messages
    from medialit.core.messages import Renderer

    summary = {
        "students": [{"student": f"s{n}", "found": {}, "asked": {}} for n in range(students)],
        "skipped": [{"file": f"f{n}.json", "code": "not-json"} for n in range(files)]
        + [{"file": f"d{n}/", "code": "unreadable"} for n in range(folders)]
        + [{"file": f"p{n}/", "code": "partly-read"} for n in range(partly)],
        "labels": [],
        "items": [],
        "lines": None,
        "chapter": None,
    }
    words = Renderer({}, "teacher")
    messages = scope_messages(summary, {})
    python = [
        left_out(summary["skipped"]),
        words.sentences(messages),
        [] if students else [words.render(m, "fix") for m in messages],
        list(left_out_title(summary)),
        words.render(left_out_message(summary["skipped"])),
    ]
    assert node_left_out(summary) == python
    first, in_part = python[1][0], f"{partly} folder{'s' if partly > 1 else ''}"
    left = files or folders  # something left out whole, besides the folders read in part
    assert (f"{folders} folder" in python[0]) == bool(folders)  # only the folders left out whole
    if folders and students and not partly:
        assert first.endswith(f"Left out: {python[0]}.") and f"{folders} folder" in first
    if not folders and students and not partly:
        assert first.endswith(f"Files left out: {files}.")  # as before: no folder named where there is none
    if folders and not students and not partly:
        assert f"({python[0]} left out)" in first and "folders that can be opened" in python[2][0]
    if partly and students:  # it said "Left out: 1 folder." of a folder whose files it counted
        said = f"Left out: {python[0]}. " if left else ""  # it said "Left out: 0 files." when nothing was
        assert first.endswith(f"{said}Read only in part: {in_part}.")
    if partly and not students:
        assert f"({python[0]} left out, " * bool(left) + f"{in_part} read only in part" in first
    assert python[4] == f"{python[0]} left out" * bool(left or not partly) + ", " * bool(
        left and partly
    ) + f"{in_part} read only in part" * bool(partly)
    if partly:  # "Left out: 0 files." of a folder read in part; and it was titled "Files and folders left out"
        assert "0 files" not in " ".join([*python[1], python[4]])
        assert python[3] == (
            ["Files and folders left out or read only in part", "File or folder"]
            if left
            else ["Folders read only in part", "Folder"]
        )
    else:
        titled = ["Files and folders left out", "File or folder"] if folders else ["Files left out", "File"]
        assert python[3] == titled


COLUMNS_LOOP = """
import { createInterface } from "node:readline";
import { misconceptionColumns } from "%(tables)s";
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(JSON.stringify(misconceptionColumns(JSON.parse(line))) + "\\n");
}
"""


@pytest.fixture(scope="module")
def node_columns():
    """tables.js's misconceptionColumns, in one Node process for all the examples."""
    yield from node_lines(COLUMNS_LOOP % {"tables": (ROOT / "src/js/classroom/tables.js").as_uri()})


KINDS = [rule["kind"] for rule in MISCONCEPTIONS]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(KINDS), max_size=4), max_size=4))
def test_the_page_and_report_html_key_the_same_columns_of_misconceptions_in_the_same_words(node_columns, showed):
    """One rule in two languages (tables.misconception_columns, tables.js's misconceptionColumns): the table of each
    student's misconceptions has a column for each misconception some student showed, in the contract's order, headed
    in a few words ("Trap"), and the key above it gives each heading its whole sentence, as a title gives it only
    under a mouse."""
    from medialit.classroom.tables import misconception_columns
    from medialit.core.messages import TABLE

    summary = {"students": [{"misconceptions": {kind: kinds.count(kind) for kind in KINDS}} for kinds in showed]}
    python = misconception_columns(summary)
    assert node_columns(summary) == [list(column) for column in python]
    assert [kind for kind, _, _ in python] == [kind for kind in KINDS if any(kind in kinds for kinds in showed)]
    for kind, head, sentence in python:
        entry = TABLE[f"misconception-{kind}"]
        assert (head, sentence) == (entry["head"], entry["teacher"]) and len(head) < len(sentence)


LEFT_OUT_ROWS_LOOP = """
import { createInterface } from "node:readline";
import { leftOutRows } from "%(tables)s";
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(JSON.stringify(leftOutRows(JSON.parse(line))) + "\\n");
}
"""


@pytest.fixture(scope="module")
def node_left_out_rows():
    """tables.js's leftOutRows, in one Node process for all the examples."""
    yield from node_lines(LEFT_OUT_ROWS_LOOP % {"tables": (ROOT / "src/js/classroom/tables.js").as_uri()})


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["fox", "owl", 'ö "x"']),
            st.sampled_from(["tag-not-object", "orphan", "outside-article", "answer-bad-field"]),
            st.integers(1, 3),  # which tag: the words of one left out name it, as a quote or a span does
            st.integers(1, 1500),  # how many in a row, so that some counts pass a thousand
        ),
        max_size=6,
    )
)
def test_the_page_and_report_html_list_each_reason_for_leaving_tags_out_of_a_hand_in_once(node_left_out_rows, runs):
    """One rule in two languages (tables.left_out_rows, tables.js's leftOutRows): a hand-in with 100,000 broken tags
    gave a table of 100,000 rows, one a tag. Each reason (problem code) in each hand-in is one row, in the order the
    reasons first come, with the first one's place and words and how many more are like it."""
    from medialit.classroom.tables import left_out_rows

    orphans = []
    for student, code, which, times in runs:
        for _ in range(times):
            n = len(orphans) + 1
            problem = f"{code}: tag {which} is wrong."
            orphans.append({"student": student, "code": code, "place": f"tag {n}", "problem": problem, "fix": code})
    summary = {"orphans": orphans}
    rows = left_out_rows(summary)
    assert node_left_out_rows(summary) == rows
    reasons = list(dict.fromkeys((o["student"], o["code"]) for o in orphans))
    assert [(student, fix) for student, _, _, fix in rows] == reasons
    for (_, where, problem, _), reason in zip(rows, reasons, strict=True):
        same = [o for o in orphans if (o["student"], o["code"]) == reason]
        assert problem == same[0]["problem"]
        more = f" and {len(same) - 1:,} more like it" if len(same) > 1 else ""
        assert where == same[0]["place"] + more


def test_the_page_and_the_command_line_know_a_spreadsheets_file_by_the_same_names():
    """A spreadsheet among the hand-ins is told as one by its name on both sides: class_report.SPREADSHEET in
    Python and SPREADSHEET in class_summary.js are one list, written twice, held identical here."""
    source = (ROOT / "src" / "js" / "classroom" / "class_summary.js").read_text(encoding="utf-8")
    written = source.split("const SPREADSHEET = [", 1)[1].split("]", 1)[0]
    assert [name.strip().strip('"') for name in written.split(",")] == list(SPREADSHEET)
