"""The class report: the class summary, its tables and page, chapters, escaping, and bad files left out."""

from __future__ import annotations

import csv
import html
import importlib.util
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from helpers import handin_of, key_tags
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Tag, load_exercise
from medialit.classroom import class_report as module
from medialit.classroom.class_report import class_report
from medialit.classroom.report_page import heat_html
from medialit.classroom.tables import csv_text, spreadsheet_cell
from medialit.classroom.tally import Scope, Tally, outcome, strip
from medialit.core.article import is_punctuation
from medialit.core.check import check, compare
from medialit.core.contract import MISCONCEPTIONS
from medialit.core.handin import Answer

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
SAMPLE = ROOT / "notebooks" / "sample-class"
spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
sample_class = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample_class)


@pytest.fixture(scope="module")
def practice():
    return load_exercise(PRACTICE)


@pytest.fixture(scope="module")
def kremlin():
    return load_exercise(KREMLIN)


def save(folder: Path, name: str, handin) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handin.save(folder / f"{name}.json")


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_perfect_and_empty_students(practice, tmp_path):
    perfect = handin_of(practice, key_tags(practice))
    perfect.student = "zebra"
    empty = handin_of(practice, [])
    empty.student = "aardvark"
    save(tmp_path, "a", perfect)
    save(tmp_path, "b", empty)
    report = class_report(tmp_path, practice)
    assert report.students == ["aardvark", "zebra"]  # name order, not score order
    required = [i for i in report.summary["items"] if not i["optional"]]
    assert all(i["hit"] == 1 and i["missed"] == 1 for i in required)
    gradebook = rows(csv_text(report.table("gradebook.csv")))
    assert [r[0] for r in gradebook[1:]] == ["aardvark", "zebra"] and gradebook[0][-3] == "completion %"
    assert gradebook[1][-3] == "0" and gradebook[2][-3] == "100"
    item = practice.item("ld-vanity-project")
    token = practice.article.token_at(item.start)
    assert report.summary["heat"]["loaded"][token] == 1
    # it sits inside the claim "This vanity project will kill trade."
    assert report.summary["heat"]["claim"][token] == 1
    html = report.to_html()
    per_student = html.split("<h2>Who handed in what</h2>")[1]
    assert per_student.index("aardvark") < per_student.index("zebra")
    # report.html has the page's sections in the page's order, and its shares: "1 of 2 (50%)"
    headings = [part.split("</h2>")[0] for part in html.split("<h2>")[1:]]
    assert headings[:4] == ["Who handed in what", "Most missed", "Misconceptions", "What the class tagged"]
    assert (
        '<td class="pieces"><span>1 of 2</span> <span>(50%)</span></td>'
        in html.split("<h2>Most missed</h2>")[1].split("</table>")[0]
    )


def test_a_class_that_found_every_required_item_is_told_so_not_shown_items_found_by_all(practice, tmp_path):
    """Most missed lists only items some student missed: "found by 1 of 1" under "Most missed" misleads."""
    from medialit.classroom import tables

    perfect = handin_of(practice, key_tags(practice))
    perfect.student = "zebra"
    save(tmp_path, "a", perfect)
    report = class_report(tmp_path, practice)
    assert tables.most_missed(report.summary) == []
    missed = report.to_html().split("<h2>Most missed</h2>")[1].split("<h2>")[0]
    assert f"<p>{html.escape(tables.NONE_MISSED)}</p>" in missed and "<table>" not in missed.split("<details")[0]
    # one student who tagged nothing: every required item is missed by someone, and listed
    empty = handin_of(practice, [])
    empty.student = "aardvark"
    save(tmp_path, "b", empty)
    listed = tables.most_missed(class_report(tmp_path, practice).summary, count=1000)
    assert len(listed) == sum(not i.optional for i in practice.key) and all(i["missed"] == 1 for i in listed)


def test_misconceptions_are_counted_per_student_and_per_kind(practice, tmp_path):
    item = practice.item("ld-vanity-project")
    dis = next(d for d in practice.distractors if d.id == "dis-injured")
    sentence = next(s for s in practice.article.sentences if s.start <= item.start < s.end)
    following = next(s for s in practice.article.sentences if s.start > sentence.end)
    for n in range(4):
        tags = [Tag("t1", "loaded", item.start, item.end, item.quote, {"voice": "reporter" if n < 3 else "quoted"})]
        if n == 0:
            tags.append(Tag("t2", "loaded", dis.start, dis.end, dis.quote))
        if n == 1:
            text = practice.article.text[sentence.start : following.end]
            tags.append(Tag("t3", "claim", sentence.start, following.end, text))
        handin = handin_of(practice, tags)
        handin.student = f"s{n}"
        save(tmp_path, f"s{n}", handin)
    summary = class_report(tmp_path, practice).summary
    kinds = {k["kind"]: k for k in summary["misconceptions"]}
    assert (kinds["quoted-as-reporter"]["students"], kinds["quoted-as-reporter"]["times"]) == (3, 3)
    assert kinds["quoted-as-reporter"]["places"][0]["key_id"] == "ld-vanity-project"
    assert (kinds["trap"]["students"], kinds["trap"]["places"][0]["key_id"]) == (1, "dis-injured")
    assert kinds["over-long"]["students"] == 1
    per_student = {s["student"]: s["misconceptions"] for s in summary["students"]}
    assert per_student["s0"]["trap"] == 1 and per_student["s3"]["quoted-as-reporter"] == 0
    table = rows(csv_text(class_report(tmp_path, practice).table("misconceptions.csv")))
    # headed in the teacher's words of the page's table, not by the kinds' codes
    assert table[0][:3] == ["student", "quoted words as the reporter's", "reported speech as a quote"]
    assert table[1][:2] == ["s0", "1"] and not {rule["kind"] for rule in MISCONCEPTIONS} & set(table[0])


def test_a_mistake_on_words_the_key_has_no_item_for_is_placed_on_the_students_words(practice, tmp_path):
    speaker = next(i for i in practice.key if i.label == "source" and not i.optional)
    for n in range(3):  # two students tag a speaker as a claim; on a claims-only report it is no key item
        tags = [Tag("t1", "claim", speaker.start, speaker.end, speaker.quote)] if n < 2 else []
        handin = handin_of(practice, tags)
        handin.student = f"s{n}"
        save(tmp_path, f"s{n}", handin)
    kinds = {k["kind"]: k for k in class_report(tmp_path, practice, labels=["claim"]).summary["misconceptions"]}
    assert (kinds["is-speaker"]["students"], kinds["is-speaker"]["times"]) == (2, 2)
    assert kinds["is-speaker"]["places"] == [
        {"key_id": None, "line": speaker.line, "quote": speaker.quote, "why": "", "students": 2}
    ]


def test_bad_files_are_listed_and_the_report_is_still_made(practice, tmp_path):
    written = sample_class.write_class(practice, tmp_path / "class", students=6, seed=3)
    report = class_report(tmp_path / "class", practice)
    assert len(report.students) == 7  # 6 students + the hand-in with an edited tag
    codes = {s["file"]: s["code"] for s in report.skipped}
    assert codes == {
        "notes.txt": "not-json",
        "broken.json": "not-json",
        "wrong-exercise.json": "other-exercise",
        "old-article.json": "other-article",
    }
    # the edited tag is left out (and any claim's link to it with it), all in the one edited hand-in
    assert {o["student"] for o in report.orphans} == {"edited-by-hand"} and report.orphans[0]["code"] == "orphan"
    assert len(written) == 11


def test_a_hand_in_cut_short_says_so_and_tells_the_teacher_to_ask_for_it_again(practice, tmp_path):
    """A hand-in cut off partway (a download stopped, a copy onto a full memory stick) was "not JSON (it may be
    empty, or a text or word-processor file)", with the fix "choose the .json file that the Download button saved":
    the teacher has no other file to choose. The reason says it may be cut short; the fix, whom to ask for what."""
    save(tmp_path / "class", "wren-05", handin_of(practice, key_tags(practice)))
    whole = (tmp_path / "class" / "wren-05.json").read_text(encoding="utf-8")
    (tmp_path / "class" / "wren-05.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    [skipped] = class_report(tmp_path / "class", practice).skipped
    assert skipped["code"] == "not-json" and "cut short" in skipped["problem"], skipped
    assert "ask the student to press Download hand-in again" in skipped["fix"], skipped


def test_a_hand_in_problems_fix_names_the_button_by_the_words_a_student_sees_on_it():
    """A fix for a hand-in file (the teacher's, in the class report and `medialit check`), and the sentence a
    student reads after Load, named "the Download button", which no button is called: they name the Tagger's
    own button, and, for a file whose insides are at
    fault, what a teacher can do when it is the file the button saved: ask for it again."""
    from medialit.core.messages import TABLE

    button = re.search(r'"mt-download", [^)"]*"([^"]+)"', (ROOT / "src/js/tagger/tagger.js").read_text()).group(1)
    fixes = {code: m["fix"] for code, m in TABLE.items() if code.startswith("handin-") and "fix" in m}
    named = {code: fix for code, fix in fixes.items() if "Download" in fix}
    assert button == "Download hand-in" and len(named) >= 12 and all(button in fix for fix in named.values()), named
    assert not [code for code, fix in fixes.items() if "Download button" in fix]
    # and a student, told which file to choose, hears the button's words too
    students = {
        code: m["student"] for code, m in TABLE.items() if code.startswith("handin-") and "Download" in m["student"]
    }
    assert len(students) >= 12 and all(f"{button} button" in text for text in students.values()), students
    inside = [code for code in named if code != "handin-other-format"]
    assert all("ask the student" in fixes[code] for code in inside)


def test_sample_class_is_deterministic(practice):
    assert sample_class.make_class(practice, 5, seed=11) == sample_class.make_class(practice, 5, seed=11)
    assert sample_class.make_class(practice, 5, seed=11) != sample_class.make_class(practice, 5, seed=12)


def test_student_text_is_escaped_in_html_and_csv_files_are_written(practice, tmp_path):
    item = practice.item("ld-fury")
    handin = handin_of(practice, [Tag("t1", "loaded", item.start, item.end, item.quote, note="<img src=x>")])
    handin.student = "<script>alert(1)</script>"
    handin.answers = {"01-hardest": Answer("<b>bold</b>", "Which <i>tag</i>?")}
    save(tmp_path / "in", "x", handin)
    report = class_report(tmp_path / "in", practice)
    written = report.save(tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "<b>bold" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    # lines are cited as everywhere else in the book and on the class report page: "L5"
    assert f"<td>L{item.line}</td>" in html
    assert {p.name for p in written} == {
        "gradebook.csv",
        "items.csv",
        "misconceptions.csv",
        "answers.csv",
        "problems.csv",
        "heat.csv",
        "summary.json",
        "report.html",
    }
    gradebook = (tmp_path / "out" / "gradebook.csv").read_bytes().decode("utf-8")
    assert gradebook == "\ufeff" + csv_text(report.table("gradebook.csv"))  # a spreadsheet then reads UTF-8
    items = rows((tmp_path / "out" / "items.csv").read_text(encoding="utf-8-sig"))
    assert {r[0] for r in items[1:]} == {k.id for k in practice.key}
    answers = rows((tmp_path / "out" / "answers.csv").read_text(encoding="utf-8-sig"))
    assert answers[1] == ["<script>alert(1)</script>", "answer", "01-hardest", "Which <i>tag</i>?", "<b>bold</b>"]
    assert answers[2][:2] == ["<script>alert(1)</script>", "note"] and answers[2][-1] == "<img src=x>"
    assert 'title="Loaded: 1 of 1 students"' in html
    assert json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8")) == report.summary


def test_the_heat_map_outlines_the_key_items_of_its_label(practice, tmp_path):
    save(tmp_path, "a", handin_of(practice, []))
    html = class_report(tmp_path, practice).to_html()
    loaded = html.split("<h3>Loaded</h3>")[1].split("</section>")[0]
    outlined = [part.split("</span>")[0] for part in loaded.split('<span class="k">')[1:]]
    assert sorted(outlined) == sorted(k.quote for k in practice.key if k.label == "loaded")
    # the shades' percentages say what they are a share of
    assert "The share of the students who tagged a word: <span" in loaded.split("</p>")[0]


def test_the_heat_map_shows_each_runs_count_on_request_without_hover(practice, tmp_path):
    """A phone or a keyboard cannot hover: a box (one stop) shows, after each run of shaded words that the same
    number of students tagged, that number in brackets; the counts shown are the counts heat.csv has."""
    tags = key_tags(practice)
    loaded = [t for t in tags if t.label == "loaded"]
    for name, theirs in (("a", tags), ("b", loaded[:1])):
        handin = handin_of(practice, theirs)
        handin.student = name
        save(tmp_path, name, handin)
    report = class_report(tmp_path, practice)
    heat = report.to_html().split("<h3>Loaded</h3>")[1].split("</section>")[0]
    # the rules that hide and show the counts come with the map, as a notebook shows it alone
    alone = heat_html(report, "loaded")
    assert ".heat .n{display:none;" in alone and ".show-n:checked~.text .n{display:inline}" in alone
    assert '<input type="checkbox" class="show-n" id="show-n-loaded"><label for="show-n-loaded">' in heat
    assert "Hover" not in heat and "Tick Show the counts to see how many students" in heat
    tagged = [t for t in practice.article.tokens if report.summary["heat"]["loaded"][t.i]]
    shown = re.findall(r'<span class="n">\[(\d+)\]</span>', heat)
    assert shown and len(shown) < len(tagged)  # one count a run of words, not one a word
    assert {int(n) for n in shown} == {report.summary["heat"]["loaded"][t.i] for t in tagged}
    assert {int(n) for n in shown} == {1, 2}  # both students tagged the first loaded item, one the others
    assert f'>{loaded[0].quote.split()[-1]}</span><span class="n">[2]</span>' in heat  # after its last word


def test_handins_folder_must_exist(practice, tmp_path):
    from medialit import InputError

    with pytest.raises(InputError):
        class_report(tmp_path / "nope", practice)


def test_students_without_pseudonym_get_numbers_not_file_names(practice, tmp_path):
    handin = handin_of(practice, [])
    handin.student = " \u3000\x1c"  # white space only, as Python and JavaScript both strip it
    handin.save(tmp_path / "Jane Real-Name.json")
    report = class_report(tmp_path, practice)
    assert report.students == ["student-001"]
    assert "Jane" not in report.to_html()


def test_orphans_and_bad_answers_name_the_place_and_the_fix(practice, tmp_path):
    item = practice.item("ld-fury")
    tags = [
        Tag("t1", "loaded", item.start, item.end, item.quote),
        Tag("t2", "loaded", item.start, item.end, item.quote + " <b>edited</b>"),
    ]
    data = handin_of(practice, tags).to_json()
    data["student"] = "wren"
    data["answers"] = {"Not An Id": {"text": "x"}, "01-ok": {"text": "kept", "question": "Q?"}, "01-bad": {"text": 3}}
    (tmp_path / "wren.json").write_text(json.dumps(data), encoding="utf-8")
    report = class_report(tmp_path, practice)
    orphan = report.orphans[0]
    assert (orphan["student"], orphan["place"], orphan["code"]) == ("wren", "tag 2 (t2)", "orphan")
    assert "no longer matches the article" in orphan["problem"] and orphan["fix"]
    assert [o["code"] for o in report.orphans[1:]] == ["answer-bad-field", "answer-bad-id"]  # in the order of ids
    assert report.summary["answers"] == [{"student": "wren", "id": "01-ok", "question": "Q?", "text": "kept"}]
    html = report.to_html()
    assert "<b>edited</b>" not in html and "&lt;b&gt;edited&lt;/b&gt;" in html


def test_a_folder_without_files_is_refused(practice, tmp_path):
    from medialit import InputError

    (tmp_path / ".hidden").write_text("{}")
    with pytest.raises(InputError) as err:
        class_report(tmp_path, practice)
    assert "no files" in err.value.problem and str(tmp_path) == err.value.file


def test_a_folder_that_cannot_be_opened_is_told_and_the_report_made_from_the_rest(practice, tmp_path, monkeypatch):
    """A folder below the class's that cannot be opened is listed with the files left out, with why and the fix
    (its files cannot be counted); the class's folder itself that cannot be opened is refused, not said empty."""
    from medialit import InputError

    handin_of(practice, []).save(tmp_path / "fox.json")
    (tmp_path / "late").mkdir()
    handin_of(practice, []).save(tmp_path / "late" / "owl.json")
    scandir = module.os.scandir
    locked = {tmp_path / "late"}

    def listing(path):
        if Path(path) in locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(module.os, "scandir", listing)
    report = class_report(tmp_path, practice)
    assert report.students == ["test"]
    [folder] = report.skipped
    assert (folder["file"], folder["code"], folder["place"]) == ("late/", "unreadable", "")
    assert folder["problem"] == "this folder cannot be opened (Permission denied), so the files in it were left out."
    assert folder["fix"].startswith("let your account read it (")
    assert report.sentences()[0] == "Hand-ins used: 1. Left out: 1 folder."  # it said "Files left out: 1."
    assert "<h2>Files and folders left out</h2>" in report.to_html()
    locked.add(tmp_path)
    with pytest.raises(InputError) as err:
        class_report(tmp_path, practice)
    assert (err.value.file, err.value.problem) == (str(tmp_path), "this folder cannot be opened (Permission denied).")
    assert err.value.fix.startswith("let your account read it (")


class _BrokenOff:
    """A folder's listing that gives its first `given` entries, then fails as a drive that stops answering does."""

    def __init__(self, entries, given: int):
        self.entries, self.given = entries, given

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.entries.close()

    def __iter__(self):
        for n, entry in enumerate(sorted(self.entries, key=lambda e: e.name)):
            if n == self.given:
                raise OSError(5, "Input/output error")
            yield entry


def break_listing_of(monkeypatch, folder: Path) -> None:
    """Make the report's listing of `folder` stop after its first entry (_BrokenOff); other folders list whole."""
    scandir = module.os.scandir
    broken = folder.resolve()
    monkeypatch.setattr(
        module.os,
        "scandir",
        lambda path: _BrokenOff(scandir(path), 1) if Path(path).resolve() == broken else scandir(path),
    )


@pytest.mark.parametrize("where", ["late", "."])
def test_a_folder_listed_only_in_part_says_so_and_counts_what_was_listed(practice, tmp_path, monkeypatch, where):
    """A folder whose listing broke off after some of its files was said not opened at all, "so the files in it were
    left out", though those listed were counted; the class's own folder so was refused whole. It is said to be read
    in part, the files listed counted, in the page's words (messages.json) for what happened and what to do."""
    from medialit.core.messages import Message, Renderer

    for name in ("fox", "owl"):
        handin = handin_of(practice, [])
        handin.student = name
        handin.save(tmp_path / f"{name}.json")
    (tmp_path / "late").mkdir()
    for name in ("heron", "wren"):
        handin = handin_of(practice, [])
        handin.student = name
        handin.save(tmp_path / "late" / f"{name}.json")
    break_listing_of(monkeypatch, tmp_path / where)
    report = class_report(tmp_path, practice)
    [folder] = report.skipped
    told = Message("class-partly-read-folder", {"reason": "Input/output error"})
    words = Renderer({}, "teacher")
    assert folder["file"] == ("late/" if where == "late" else f"{tmp_path.name}/")
    assert (folder["code"], folder["problem"], folder["fix"]) == (
        "partly-read",
        words.render(told),
        words.render(told, "fix"),
    )
    assert folder["problem"] == (
        "only part of this folder could be read (Input/output error): the files found in it before that are in the "
        "report, the rest of it was left out."
    )
    assert "make the report again" in folder["fix"]
    # the first entry of the folder listed is counted: fox.json in the class's folder, heron.json in late/
    assert report.students == (["fox", "heron", "owl"] if where == "late" else ["fox"])
    # the first line counted the folder as left out ("Left out: 1 folder."), over a report of its files, then as
    # "Left out: 0 files." beside it; report.html titled its list "Files and folders left out"
    used = len(report.students)
    assert report.sentences()[0] == f"Hand-ins used: {used}. Read only in part: 1 folder."
    page = report.to_html()
    assert "<h2>Folders read only in part</h2>" in page and '<th scope="col">Folder</th>' in page
    assert "left out</h2>" not in page.split("Tags and answers left out")[0]


def test_medialit_report_says_a_folder_listed_only_in_part_was_read_in_part(practice, tmp_path, monkeypatch, capsys):
    """`medialit report` said "1 folder left out" and "left out late/" of a folder whose first hand-in it counted."""
    from medialit.cli.main import main

    (tmp_path / "class" / "late").mkdir(parents=True)
    for name in ("heron", "wren"):
        handin = handin_of(practice, [])
        handin.student = name
        handin.save(tmp_path / "class" / "late" / f"{name}.json")
    break_listing_of(monkeypatch, tmp_path / "class" / "late")
    main(["report", str(tmp_path / "class"), "--exercise", str(PRACTICE), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert "\n1 folder read only in part, listed in " in out  # it said "0 files left out, 1 folder read ..."
    assert "\n  read in part late/: only part of this folder could be read (Input/output error)" in out


def test_medialit_report_on_a_folder_read_in_part_before_any_hand_in_does_not_call_it_left_out(
    practice, tmp_path, monkeypatch, capsys
):
    """A folder of the class's whose listing broke off before its first hand-in, the only one: nothing to report, and
    `medialit report` said report.html "list the files left out" and "0 files left out" of a folder read in part."""
    from medialit.cli.main import main

    (tmp_path / "class" / "late" / "a-empty").mkdir(parents=True)  # listed, before the break
    handin_of(practice, []).save(tmp_path / "class" / "late" / "fox.json")
    break_listing_of(monkeypatch, tmp_path / "class" / "late")
    main(["report", str(tmp_path / "class"), "--exercise", str(PRACTICE), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert "(1 folder read only in part, with no hand-in in the part that could be read)" in out
    assert "list the folders read only in part." in out and "files left out" not in out and "0 files" not in out
    assert "\n1 folder read only in part, listed in " in out


def test_a_file_too_big_that_may_not_be_read_is_told_too_big_as_on_the_page(practice, tmp_path, monkeypatch):
    """A file over the size of a hand-in that this account may not read was told "cannot be read": the teacher let it
    be read, only to be told next time it is too big to use. The page measures a file before reading it and says
    too big; so does `medialit report`, with the page's fix."""
    from medialit.core import files

    (tmp_path / "huge.json").write_bytes(b" " * (files.MAX_HANDIN_BYTES + 1))
    handin_of(practice, []).save(tmp_path / "fox.json")
    opened = files.os.open

    def refused(path, *args):
        if Path(path).name == "huge.json":
            raise PermissionError(13, "Permission denied")
        return opened(path, *args)

    monkeypatch.setattr(files.os, "open", refused)
    [skipped] = class_report(tmp_path, practice).skipped
    assert (skipped["file"], skipped["code"]) == ("huge.json", "too-big")
    assert skipped["problem"] == "the file is 5.1 MB; a hand-in is at most 5 MB."
    assert skipped["fix"].startswith("use the .json file that Download hand-in saved, unedited;")


def test_only_bad_files_still_make_a_report_listing_them(practice, tmp_path):
    (tmp_path / "a.json").write_text("not json")
    other = handin_of(practice, [])
    other.exercise = "other-exercise"
    save(tmp_path, "<script>x", other)  # a file name is shown too
    report = class_report(tmp_path, practice)
    assert report.students == []
    assert [s["file"] for s in report.skipped] == ["<script>x.json", "a.json"]
    html = report.to_html()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_with_no_hand_in_used_the_report_says_there_is_nothing_to_report_yet(practice, tmp_path):
    """Not a report of zeros ("found by 0 of 0" for every item): why, and what to do; the tables have
    their headers and the files left out, no row of zeros."""
    (tmp_path / "a.json").write_text("not json")
    report = class_report(tmp_path, practice)
    assert report.sentences() == [
        "Nothing to report yet: the one file read could not be used as a hand-in for this exercise."
    ]
    html = report.to_html()
    assert "Nothing to report yet" in html and "What to do: give the report the .json files" in html
    assert (
        "a.json" in html and "0 of 0" not in html and "Most missed" not in html and "What the class tagged" not in html
    )
    for name in ("gradebook.csv", "items.csv", "misconceptions.csv", "answers.csv"):
        assert len(report.table(name)) == 1, name  # the header alone
    assert report.heat_csv() == "line,word,claim,source,loaded,cue\r\n"
    (tmp_path / "b.json").write_text("not json either")
    assert class_report(tmp_path, practice).sentences() == [
        "Nothing to report yet: none of the 2 files read could be used as a hand-in for this exercise."
    ]


def test_pseudonyms_stay_unique_and_formulas_stay_text_in_csv(practice, tmp_path):
    for n, name in enumerate(["fox", "fox", "fox (2)", '=HYPERLINK("http://x")']):
        handin = handin_of(practice, [])
        handin.student, handin.created = name, f"2026-11-2{n}T09:00:00Z"  # started apart: different students
        save(tmp_path / "in", f"h{n}", handin)
    report = class_report(tmp_path / "in", practice)
    assert sorted(report.students) == sorted(["fox", "fox (2)", "fox (2) (2)", '=HYPERLINK("http://x")'])
    report.save(tmp_path / "out")
    students = [r[0] for r in rows((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig"))]
    assert '\'=HYPERLINK("http://x")' in students
    assert any(s.startswith("=") for s in report.students)  # the summary keeps the pseudonym as it is


def test_spreadsheet_cells_and_csv_quoting():
    assert [spreadsheet_cell(v) for v in (None, True, False, 7, "-1", "@x", "\tx", "a\x1bb", "plain")] == [
        "",
        "yes",
        "no",
        "7",
        "'-1",
        "'@x",
        "'\tx",
        "a\\u001bb",
        "plain",
    ]
    assert csv_text([["a,b", 'say "hi"', "two\nlines", 3]]) == '"a,b","say ""hi""","two\nlines",3\r\n'


def test_a_chapter_measures_only_its_lines_and_labels(kremlin, tmp_path):
    first = kremlin.item("clm-us-orchestrated-l1")
    later = next(k for k in kremlin.key if k.label == "claim" and k.line > 18)
    source = next(k for k in kremlin.key if k.label == "source" and k.line <= 18)
    tags = [Tag(f"t{n}", k.label, k.start, k.end, k.quote) for n, k in enumerate([first, later, source])]
    save(tmp_path, "a", handin_of(kremlin, tags))
    summary = class_report(
        tmp_path, kremlin, labels=["claim"], lines=(1, 18), chapter={"name": "03-claims", "title": "Claims"}
    ).summary
    assert summary["labels"] == ["claim"] and summary["lines"] == [1, 18] and summary["chapter"]["title"] == "Claims"
    assert {i["key_id"] for i in summary["items"]} == {k.id for k in kremlin.key if k.label == "claim" and k.line <= 18}
    student = summary["students"][0]
    assert student["tags"] == 1 and student["found"] == {"claim": 1}
    assert student["asked"] == {
        "claim": sum(1 for k in kremlin.key if k.label == "claim" and k.line <= 18 and not k.optional)
    }
    assert set(summary["heat"]) == {"claim"}
    assert sum(summary["heat"]["claim"]) == len(kremlin.article.tokens_in(first.start, first.end))


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 190), st.integers(0, 60), st.randoms(use_true_random=False))
def test_an_items_figures_add_up_to_the_class_with_the_students_counted_at_another_mention(kremlin, first, more, rng):
    """A tag on a mention of a source counts for the mention of it that the lines ask for; the mention it is on is
    then neither found nor missed. items.csv's hit, boundary, wrong_label, missed and counted_elsewhere (its last
    column) are each student once, so they add up to the class; counted_elsewhere is the students whose own
    check says so; and report.html shows the column, with what it means, where there is some."""
    from medialit.classroom import tables

    lines = (first, min(first + more, kremlin.article.line_count))
    part = kremlin.restricted(["source"], lines)
    asked = [k for k in part.key if k.mentions]
    students = []
    for n in range(rng.randint(1, 4)):
        # each source asked for: no tag, or one on any of its mentions in the lines (the one asked for among them)
        chosen = [part.item(rng.choice([k.id, *k.mentions])) for k in asked if rng.random() < 0.8]
        handin = handin_of(kremlin, [Tag(f"t{t}", m.label, m.start, m.end, m.quote) for t, m in enumerate(chosen)])
        handin.student = f"s{n}"
        students.append(handin)
    with tempfile.TemporaryDirectory() as folder:
        for handin in students:
            save(Path(folder), handin.student, handin)
        report = class_report(folder, kremlin, labels=["source"], lines=lines)
    verdicts = [{i.key_id: i.verdict for i in check(h, kremlin, ["source"], None, lines).items} for h in students]
    header, *table = rows(csv_text(report.table("items.csv")))
    assert header[-1] == "counted_elsewhere"
    for row in map(dict, (zip(header, row) for row in table)):
        ways = ("hit", "boundary", "wrong_label", "missed", "counted_elsewhere")
        assert sum(int(row[way]) for way in ways) == int(row["students"]) == len(students), row
        elsewhere = sum(v[row["key_id"]] == "counted-elsewhere" for v in verdicts)
        assert (int(row["counted_elsewhere"]), int(row["missed"])) == (
            elsewhere,
            sum(v[row["key_id"]] == "missed" for v in verdicts),
        )
    page = report.to_html()
    said = any(int(row[-1]) for row in table)
    assert (tables.ELSEWHERE_HEADER in page, html.escape(tables.ELSEWHERE_WORDS) in page) == (said, said)
    assert html.escape(tables.EVERY_ITEM_WORDS) in page  # what the table's counts count


def test_helper_processes_give_the_same_summary(practice, tmp_path, monkeypatch):
    sample_class.write_class(practice, tmp_path / "class", students=30, seed=5)
    alone = class_report(tmp_path / "class", practice).summary
    monkeypatch.setattr(module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(module, "CHUNK", 3)
    shared = class_report(tmp_path / "class", practice, helpers=2).summary
    assert shared == alone


def test_the_outcome_of_the_items_a_tag_met_is_the_outcome_of_the_whole_report(kremlin):
    for data in sample_class.make_class(kremlin, 12, seed=2):
        from medialit.core.handin import parse_handin

        handin = parse_handin(json.loads(json.dumps(data)), "x", kremlin)
        for view in ({}, {"labels": ["claim", "source"], "lines": (66, 76), "difficulty": "challenge"}):
            report = check(handin, kremlin, **view)
            part = kremlin.restricted(view.get("labels"), view.get("lines"))
            found = compare(handin, part, view.get("difficulty"))
            items, tags = found.item_results(missed=False), found.tag_results()
            labels = report.labels
            notes = {t.id: t.note for t in handin.tags if t.note}
            assert outcome(items, tags, found.scores(items, tags), labels, notes) == outcome(
                report.items, report.tags, report.scores, labels, notes
            )
            assert found.scores(items, tags) == report.scores


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(["claim", "source", "loaded", "cue"]), st.integers(0, 400), st.integers(1, 120)),
            max_size=6,
        ),
        max_size=5,
    )
)
def test_heat_is_the_number_of_students_with_a_tag_on_each_token(practice, class_tags):
    text = practice.article.text
    tokens = practice.article.tokens
    tally = Tally(Scope.of(practice), (np.array([t.start for t in tokens]), np.array([t.end for t in tokens])))
    spans = []
    for s, student in enumerate(class_tags):
        tags = [(label, start, min(start + length, len(text))) for label, start, length in student]
        spans.append(tags)
        none = dict.fromkeys(practice.labels, 0)
        got = {
            "tags": len(tags),
            "on_key": 0,
            "found": none,
            "asked": none,
            "items": {},
            "codes": [],
            "spans": [],
            "heat": [n for label, start, end in tags for n in (list(practice.labels).index(label), start, end)],
            "notes": [],
        }
        tally.add(f"s{s}", s + 1, f"s{s}.json", got, [], [])
    heat = tally.summary()["heat"]
    for label in practice.labels:
        expected = [
            sum(any(lab == label and start < tok.end and tok.start < end for lab, start, end in tags) for tags in spans)
            for tok in tokens
        ]
        assert heat[label] == expected


@given(st.text(st.characters(codec="utf-8"), max_size=12))
def test_pseudonyms_are_stripped_of_the_white_space_python_strips(text):
    assert strip(text) == text.strip()


def test_files_that_are_not_files_are_listed_and_the_rest_still_loads(practice, tmp_path):
    import gc
    import os

    handin_of(practice, key_tags(practice)).save(tmp_path / "good.json")
    (tmp_path / "sub").mkdir()
    other = handin_of(practice, [])
    other.created = "2026-11-25T09:00:00Z"  # started at another time than good.json: another student's
    other.save(tmp_path / "sub" / "also.json")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "loop.json").symlink_to("loop.json")
    seen = []
    real = module.compare
    module.compare = lambda *args, **kwargs: seen.append(gc.isenabled()) or real(*args, **kwargs)
    try:
        report = class_report(tmp_path, practice)
    finally:
        module.compare = real
    assert len(report.students) == 2 and seen == [True, True]  # the collector is left alone
    assert report.students == ["test", "test (2)"]
    reasons = {s["file"]: s["problem"] for s in report.skipped}
    assert set(reasons) == {"pipe.json", "loop.json"}
    assert "named pipe" in reasons["pipe.json"] and "link loop" in reasons["loop.json"]
    assert {s["file"] for s in report.summary["students"]} == {"good.json", "sub/also.json"}


def sample_class_with(tmp_path: Path, extra: dict[str, dict]) -> Path:
    """The sample class, plus hand-in files made from fox-07's with some fields changed (name -> changes)."""
    folder = tmp_path / "class"
    shutil.copytree(SAMPLE, folder)
    fox = json.loads((SAMPLE / "fox-07.json").read_text(encoding="utf-8"))
    for name, changes in extra.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps({**fox, **changes}), encoding="utf-8")
    return folder


def test_a_student_who_hands_in_twice_counts_once_and_the_older_copy_is_listed(kremlin, tmp_path):
    plain = class_report(SAMPLE, kremlin)
    older = {"updated": "2026-11-25T09:20:00Z", "tags": []}  # the same work, saved before the hand-in
    report = class_report(sample_class_with(tmp_path, {"again/fox-07.json": older}), kremlin)
    assert report.students == plain.students and "fox-07 (2)" not in report.students
    assert report.sentences()[0] == "Hand-ins used: 25. Files left out: 5."
    assert report.sentences()[2:] == plain.sentences()[2:]  # the class's figures, 58% of the claims ...
    assert report.summary["items"] == plain.summary["items"] and report.summary["heat"] == plain.summary["heat"]
    gradebook = rows(csv_text(report.table("gradebook.csv")))
    assert [r[0] for r in gradebook].count("fox-07") == 1
    assert [r for r in gradebook if r[0] == "fox-07"][0][1] == "fox-07.json"
    copy = report.skipped[-1]
    assert (copy["file"], copy["code"]) == ("again/fox-07.json", "older-copy")
    assert copy["problem"].startswith("an older save of fox-07's hand-in")
    assert "fox-07.json, is the one counted" in copy["problem"]
    problems = rows(csv_text(report.table("problems.csv")))
    assert ["again/fox-07.json", "file", "", copy["problem"], copy["fix"], "older-copy"] in problems
    assert "an older save of fox-07" in report.to_html()


def test_of_two_copies_the_later_updated_one_counts_wherever_its_file_is(kremlin, tmp_path):
    newer = {"updated": "2026-11-25T10:30:00Z", "tags": []}  # a newer copy with every tag taken out
    report = class_report(sample_class_with(tmp_path, {"again/fox-07.json": newer}), kremlin)
    fox = [s for s in report.summary["students"] if s["student"] == "fox-07"]
    assert len(fox) == 1 and fox[0]["file"] == "again/fox-07.json" and fox[0]["tags"] == 0
    assert [(s["file"], s["code"]) for s in report.skipped[-1:]] == [("fox-07.json", "older-copy")]
    # which copy counts and why, in words: the newer one, even when the older copy (here) has more tags
    said = report.skipped[-1]["problem"]
    assert "The copy saved last, again/fox-07.json, is the one counted, because it is the student's latest work" in said
    assert said.endswith("even if this older copy has more tags.") and "whatever" not in said
    # the same time saved: the later file counts
    same = class_report(sample_class_with(tmp_path / "tie", {"fox-07-b.json": {"tags": []}}), kremlin)
    assert [s["file"] for s in same.summary["students"] if s["student"] == "fox-07"] == ["fox-07.json"]
    assert same.skipped[-1]["file"] == "fox-07-b.json"  # "fox-07-b.json" is read before "fox-07.json"


def test_two_hand_ins_with_one_name_started_at_different_times_both_count_and_are_listed(kremlin, tmp_path):
    other = {"created": "2026-11-26T09:00:00Z", "updated": "2026-11-26T09:30:00Z"}
    report = class_report(sample_class_with(tmp_path, {"fox-07-b.json": other}), kremlin)
    assert "fox-07" in report.students and "fox-07 (2)" in report.students and len(report.students) == 26
    assert len(report.skipped) == 4
    [same] = report.summary["same_names"]
    assert (same["student"], same["code"]) == ("fox-07", "same-name")
    # the hand-in started first keeps the name, though fox-07-b.json comes first in the folder
    assert {s["file"]: s["student"] for s in report.summary["students"]}["fox-07.json"] == "fox-07"
    assert same["problem"] == (
        "2 hand-ins use the name fox-07, started at different times; each is counted as a student of its own: "
        "“fox-07” (fox-07.json), “fox-07 (2)” (fox-07-b.json)."
    )
    assert "check whether two students chose the same name" in same["fix"]
    problems = rows(csv_text(report.table("problems.csv")))
    assert ["fox-07", "nothing", "", same["problem"], same["fix"], "same-name"] in problems
    assert "Names used by more than one hand-in" in report.to_html()


def test_a_student_who_tags_every_word_has_full_completion_but_few_tags_on_the_key(practice, tmp_path):
    """Completion alone would give 100% for tagging every word: the gradebook and both student tables
    also say how many of the student's tags match the key."""
    careful = handin_of(practice, key_tags(practice))
    careful.student = "careful"
    taken = {(t.label, t.start) for t in careful.tags}
    every_word = [
        Tag(f"w{t.i}", "loaded", t.start, t.end, t.text)
        for t in practice.article.tokens
        if t.text.isalpha() and ("loaded", t.start) not in taken
    ]
    greedy = handin_of(practice, key_tags(practice) + every_word)
    greedy.student = "greedy"
    save(tmp_path / "in", "careful", careful)
    save(tmp_path / "in", "greedy", greedy)
    report = class_report(tmp_path / "in", practice)
    header, *body = rows(csv_text(report.table("gradebook.csv")))
    # the sums over the labels say they are sums (they were headed "found" and "asked" beside "loaded words found")
    assert header[-5:] == ["total found", "total asked", "completion %", "tags on the key", "tags on the key %"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    for row in by_name.values():
        labels = [name.removesuffix(" found") for name in header[3:-5:2]]
        assert int(row["total found"]) == sum(int(row[f"{label} found"]) for label in labels)
        assert int(row["total asked"]) == sum(int(row[f"{label} asked"]) for label in labels)
    tags = len(careful.tags)
    assert by_name["careful"]["completion %"] == "100" and by_name["careful"]["tags on the key"] == str(tags)
    assert by_name["careful"]["tags on the key %"] == "100"
    greedy_row = by_name["greedy"]
    assert greedy_row["completion %"] == "100" and int(greedy_row["tags on the key %"]) < 15
    on_key = int(greedy_row["tags on the key"])  # the key's tags, and a word that is an optional item
    assert tags <= on_key < tags + 5 and greedy_row["tags"] == str(len(greedy.tags))
    html = report.to_html()
    assert (
        '<th scope="col">Tags on the key</th>' in html
        and f"<span>{on_key} of {len(greedy.tags)}</span> <span>(" in html
    )
    assert "Completion is the share of the key items asked for" in html


def heat_text(report, label: str) -> str:
    """A heat map's words as a teacher reads them with the counts shown: the text, each count in brackets."""
    body = heat_html(report, label).split('<div class="text">')[1]
    return html.unescape(re.sub("<[^>]+>", "", body.replace('<span class="lineno">', "\n<")))


@pytest.mark.parametrize("with_marks", [2, 3])
def test_a_heat_maps_count_sits_after_the_words_it_counts_not_after_a_quotation_mark(practice, tmp_path, with_marks):
    """Students who tag "quietly ignored" with its quotation marks, and one who tags the words alone: the words'
    count follows the words and the closing mark joined to them (the marks', if other, is in their shade and
    heat.csv), never the opening mark, where it read as the next word's (‘[6]assassination), nor the last word
    before its mark (ignored[3]")."""
    text = practice.article.text
    start = text.index('"quietly ignored"')
    marked = Tag("t1", "loaded", start, start + 17, '"quietly ignored"')
    bare = Tag("t1", "loaded", start + 1, start + 16, "quietly ignored")
    for n in range(3):
        handin = handin_of(practice, [marked if n < with_marks else bare])
        handin.student = f"s{n}"
        save(tmp_path, handin.student, handin)
    report = class_report(tmp_path, practice)
    assert report.summary["heat"]["loaded"][practice.article.token_at(start)] == with_marks  # the opening mark's
    shown = heat_text(report, "loaded")
    assert f'"[{with_marks}]quietly' not in shown
    assert 'officials had "quietly ignored"[3] a traffic survey' in shown


def test_a_heat_maps_count_follows_a_whole_word_with_the_most_students_who_tagged_a_part_of_it(practice, tmp_path):
    """Two students tag a claim to its end (next year's election) and one stops short of the possessive (next
    year): the count follows the whole word, year's[3], as many as tagged a part of it, not year[3]'s, where it
    split the word; the possessive's own 2 is in its shade and heat.csv."""
    text = practice.article.text
    start = text.index("the row could cost")
    end = text.index(" election.") + len(" election")
    for n, stop in enumerate([end, end, text.index("'s election")]):
        handin = handin_of(practice, [Tag("t1", "claim", start, stop, text[start:stop])])
        handin.student = f"s{n}"
        save(tmp_path, handin.student, handin)
    report = class_report(tmp_path, practice)
    assert report.summary["heat"]["claim"][practice.article.token_at(text.index("'s election"))] == 2
    assert "their seats at next year's[3] election.[2]" in heat_text(report, "claim")


def test_heat_csv_has_a_row_a_word_with_the_count_the_map_shows_after_it(practice, tmp_path):
    """The legend says heat.csv has each word's count, and a teacher opens it in a spreadsheet beside the map: a row
    a word as the article writes it (year's, "quietly), not a row for each part of a word and each quotation mark,
    with its line and, for each label, the count the map shows in brackets after the word (year's[3], whose
    possessive two of the three tagged); a dash between spaces is no word and has no row."""
    text, tokens = practice.article.text, practice.article.tokens
    start, end = text.index("the row could cost"), text.index(" election.") + len(" election")
    quoted = text.index('"quietly ignored"')
    for n, stop in enumerate([end, end, text.index("'s election")]):
        claim = Tag("t1", "claim", start, stop, text[start:stop])
        handin = handin_of(practice, [claim, Tag("t2", "loaded", quoted, quoted + 17, '"quietly ignored"')])
        handin.student = f"s{n}"
        save(tmp_path, handin.student, handin)
    report = class_report(tmp_path, practice)
    header, *table = rows(report.heat_csv())
    assert header == ["line", "word", "claim", "source", "loaded", "cue"]
    words = [w for w in re.finditer(r"\S+", text) if not is_punctuation(w.group())]
    assert [row[:2] for row in table] == [
        [str(tokens[practice.article.token_at(w.start())].line), w.group()] for w in words
    ]
    for label in ("claim", "loaded"):
        column = header.index(label)
        # the map's words in order, each with the count in brackets after it where the map shows one
        shown = [re.fullmatch(r"(.*?)(?:\[(\d+)\])?", w).groups() for w in heat_text(report, label).split()]
        shown = [(word, count) for word, count in shown if not re.fullmatch(r"L\d+", word) and not is_punctuation(word)]
        assert [word for word, _ in shown] == [w.group() for w in words]
        assert [(row[1], row[column]) for row, (_, count) in zip(table, shown) if count] == [
            (word, count) for word, count in shown if count
        ], label
    assert [row[1:] for row in table if row[1] in ("year's", '"quietly', 'ignored"')] == [
        ['"quietly', "0", "0", "3", "0"],
        ['ignored"', "0", "0", "3", "0"],
        ["year's", "3", "0", "0", "0"],
    ]


def test_ids_a_spreadsheet_would_change_stay_as_written_and_the_report_says_how_to_keep_them(practice, tmp_path):
    """Pseudonyms `07` and `3-4`, student IDs `0042`, `1E5` and one of 16 digits: gradebook.csv keeps them as
    written (the csv module and pandas read them back so), and report.html names them under the table of students
    with what a spreadsheet that opens the file makes of each kind (07 becomes 7, 3-4 a date) and what to do; a class
    without such values has no such line."""
    import pandas as pd

    for name in ("07", "3-4", "ana"):
        handin = handin_of(practice, [])
        handin.student = name
        save(tmp_path / "in", name, handin)
    report = class_report(tmp_path / "in", practice)
    report.roster = {"07": "0042", "3-4": "1E5", "ana": "1234567890123456"}
    report.save(tmp_path / "out")
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig")
    assert [row[:2] for row in rows(gradebook)[1:]] == [["07", "0042"], ["3-4", "1E5"], ["ana", "1234567890123456"]]
    frame = pd.read_csv(io.StringIO(gradebook), dtype={"student": str, "student ID": str})
    assert list(frame["student"]) == ["07", "3-4", "ana"]
    assert list(frame["student ID"]) == ["0042", "1E5", "1234567890123456"]
    students = (tmp_path / "out" / "report.html").read_text(encoding="utf-8").split("<h2>Most missed</h2>")[0]
    assert (
        "<p>Pseudonyms and student IDs that a spreadsheet would change (07, 0042, 3-4 and 2 more): a spreadsheet "
        "that opens a CSV file of this report reads each as a number or a date, not as text (07 becomes 7, 3-4 "
        "becomes a date, 1E5 is written another way and 1234567890123456 is shown rounded)."
    ) in students
    assert "set the pseudonym and student ID columns to Text.</p>" in students
    report.roster = {"07": "S7", "3-4": "S34", "ana": "S1"}
    assert (
        "would change (07 and 3-4): a spreadsheet that opens a CSV file of this report reads each as a number or "
        "a date, not as text (07 becomes 7 and 3-4 becomes a date)." in report.to_html()
    )
    handin.student = "7"  # 7, 1000, 3.5 and fox-07 a spreadsheet shows as they are
    save(tmp_path / "other", "7", handin)
    other = class_report(tmp_path / "other", practice)
    other.roster = {"7": "1000", "0": "3.5", "fox-07": "S1"}
    assert "would change" not in other.to_html()


@pytest.mark.parametrize("lines", [(1, 18), (76, 198)])
def test_heat_csv_has_the_lines_measured_only_as_the_heat_map_shows_them(kremlin, tmp_path, lines):
    """A chapter's report measures its lines: heat.csv has a row for each word the heat map shows, no more, so that
    a teacher who sorts it by count sees no 0 for a word no student was asked about."""
    sample_class.write_class(kremlin, tmp_path / "class", students=6, seed=4)
    report = class_report(tmp_path / "class", kremlin, labels=["claim"], lines=lines)
    header, *table = rows(report.heat_csv())
    assert table and all(lines[0] <= int(row[0]) <= lines[1] for row in table)
    shown = [w for w in re.sub(r"\[\d+\]", "", heat_text(report, "claim")).split() if not re.fullmatch(r"L\d+", w)]
    assert [row[1] for row in table] == [w for w in shown if not is_punctuation(w)]
