"""The class report: tables, misconceptions, heat map, escaping, and bad files left out."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from helpers import handin_of, key_tags
from hypothesis import given, settings, strategies as st

from medialit import HandIn, Tag, load_exercise
from medialit.classroom.class_report import _heat, class_report

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
spec = importlib.util.spec_from_file_location("sample_class", ROOT / "notebooks" / "sample_class.py")
sample_class = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample_class)


@pytest.fixture(scope="module")
def practice():
    return load_exercise(PRACTICE)


def save(folder: Path, name: str, handin) -> None:
    handin.save(folder / f"{name}.json")


def test_perfect_and_empty_students(practice, tmp_path):
    perfect = handin_of(practice, key_tags(practice))
    perfect.student = "zebra"
    empty = handin_of(practice, [])
    empty.student = "aardvark"
    save(tmp_path, "a", perfect)
    save(tmp_path, "b", empty)
    report = class_report(tmp_path, practice)
    assert report.students == ["aardvark", "zebra"]
    assert list(report.scores["student"].unique()) == ["aardvark", "zebra"]  # name order, not score order
    per_student = report.to_html().split("Scores per student")[1]
    assert per_student.index("aardvark") < per_student.index("zebra")  # the best student is not put first
    required = report.items[~report.items["optional"]]
    assert (required["found"] == 0.5).all()
    zebra = report.scores[report.scores["student"] == "zebra"]
    assert (zebra["f1"] == 1.0).all()
    item = practice.item("ld-vanity-project")
    token = practice.article.token_at(item.start)
    assert report.heat["loaded"][token] == 0.5
    assert report.heat["claim"][token] == 0.5  # it sits inside the claim "This vanity project will kill trade."


def test_misconceptions_voice_distractor_over_tagging(practice, tmp_path):
    item = practice.item("ld-vanity-project")
    dis = next(d for d in practice.distractors if d.id == "dis-injured")
    sentence = next(s for s in practice.article.sentences if s.start <= item.start < s.end)
    for n in range(4):
        tags = [Tag("t1", "loaded", item.start, item.end, item.quote, {"voice": "reporter" if n < 3 else "quoted"})]
        if n == 0:
            tags.append(Tag("t2", "loaded", dis.start, dis.end, dis.quote))
        if n == 1:
            text = practice.article.text[sentence.start:sentence.end]
            tags.append(Tag("t3", "claim", sentence.start, sentence.end, text))
        handin = handin_of(practice, tags)
        handin.student = f"s{n}"
        save(tmp_path, f"s{n}", handin)
    frame = class_report(tmp_path, practice).misconceptions
    blamed = frame[frame["kind"] == "quoted words blamed on the reporter"].iloc[0]
    assert (blamed["key_id"], blamed["students"], blamed["share"]) == ("ld-vanity-project", 3, 0.75)
    trapped = frame[frame["kind"] == "distractor tagged"].iloc[0]
    assert (trapped["key_id"], trapped["students"]) == ("dis-injured", 1)


def test_bad_files_are_listed_and_the_report_is_still_made(practice, tmp_path):
    written = sample_class.write_class(practice, tmp_path / "class", students=6, seed=3)
    report = class_report(tmp_path / "class", practice)
    assert len(report.students) == 7  # 6 students + the hand-in with an edited tag
    reasons = {Path(s.file).name: s.reason for s in report.skipped}
    assert set(reasons) == {"notes.txt", "broken.json", "wrong-exercise.json", "old-article.json"}
    assert "not valid JSON" in reasons["broken.json"] and "another version" in reasons["old-article.json"]
    assert "Fix:" in reasons["wrong-exercise.json"]
    assert list(report.orphans["student"]) == ["edited-by-hand"]
    assert len(written) == 11


def test_sample_class_is_deterministic(practice):
    assert sample_class.make_class(practice, 5, seed=11) == sample_class.make_class(practice, 5, seed=11)
    assert sample_class.make_class(practice, 5, seed=11) != sample_class.make_class(practice, 5, seed=12)


def test_student_text_is_escaped_in_html_and_csv_files_are_written(practice, tmp_path):
    item = practice.item("ld-fury")
    handin = handin_of(practice, [Tag("t1", "loaded", item.start, item.end, item.quote, note="<img src=x>")])
    handin.student = "<script>alert(1)</script>"
    (tmp_path / "in").mkdir()
    save(tmp_path / "in", "x", handin)
    report = class_report(tmp_path / "in", practice)
    written = report.save(tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert {p.name for p in written} >= {"scores.csv", "items.csv", "misconceptions.csv", "heat.csv", "report.html"}
    items = pd.read_csv(tmp_path / "out" / "items.csv")
    assert set(items["key_id"]) == {k.id for k in practice.key}
    assert "title=\"Loaded: 100% of students\"" in html


def test_handins_folder_must_exist(practice, tmp_path):
    from medialit import InputError

    with pytest.raises(InputError):
        class_report(tmp_path / "nope", practice)


def test_students_without_pseudonym_get_numbers_not_file_names(practice, tmp_path):
    handin = handin_of(practice, [])
    handin.student = ""
    handin.save(tmp_path / "Jane Real-Name.json")
    report = class_report(tmp_path, practice)
    assert report.students == ["student-001"]
    assert "Jane" not in report.to_html()


def test_orphans_name_the_place_and_the_fix(practice, tmp_path):
    item = practice.item("ld-fury")
    tags = [Tag("t1", "loaded", item.start, item.end, item.quote),
            Tag("t2", "loaded", item.start, item.end, item.quote + " <b>edited</b>")]
    handin = handin_of(practice, tags)
    handin.student = "wren"
    save(tmp_path, "wren", handin)
    report = class_report(tmp_path, practice)
    orphan = report.orphans.iloc[0]
    assert (orphan["student"], orphan["place"]) == ("wren", "tag 2 (t2)")
    assert "does not match" in orphan["problem"] and orphan["fix"]
    html = report.to_html()
    assert "<b>edited</b>" not in html and "&lt;b&gt;edited&lt;/b&gt;" in html


def test_a_folder_without_files_is_refused(practice, tmp_path):
    from medialit import InputError

    (tmp_path / ".hidden").write_text("{}")
    with pytest.raises(InputError) as err:
        class_report(tmp_path, practice)
    assert "no files" in err.value.problem and str(tmp_path) == err.value.file


def test_only_bad_files_still_make_a_report_listing_them(practice, tmp_path):
    (tmp_path / "a.json").write_text("not json")
    other = handin_of(practice, [])
    other.exercise = "other-exercise"
    save(tmp_path, "<script>x", other)  # a file name is shown too
    report = class_report(tmp_path, practice)
    assert report.students == [] and report.scores.empty
    assert [Path(s.file).name for s in report.skipped] == ["<script>x.json", "a.json"]
    html = report.to_html()
    assert "0 hand-ins used, 2 files left out" in html
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_pseudonyms_stay_unique_and_formulas_stay_text_in_csv(practice, tmp_path):
    (tmp_path / "in").mkdir()
    for n, name in enumerate(["fox", "fox", "fox (2)", "=HYPERLINK(\"http://x\")"]):
        handin = handin_of(practice, [])
        handin.student = name
        save(tmp_path / "in", f"h{n}", handin)
    report = class_report(tmp_path / "in", practice)
    assert sorted(report.students) == sorted(["fox", "fox (2)", "fox (2) (2)", "=HYPERLINK(\"http://x\")"])
    report.save(tmp_path / "out")
    students = pd.read_csv(tmp_path / "out" / "scores.csv")["student"]
    assert "'=HYPERLINK(\"http://x\")" in set(students)
    assert report.scores["student"].str.startswith("=").any()  # the DataFrame keeps the pseudonym as it is


labels = st.sampled_from(["claim", "source", "loaded", "cue", "not-a-label"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(labels, st.integers(0, 400), st.integers(1, 120)), max_size=6), max_size=5))
def test_heat_is_the_share_of_students_with_a_tag_on_each_token(practice, class_tags):
    text = practice.article.text
    loaded = []
    for s, spans in enumerate(class_tags):
        tags = [Tag(f"t{n}", label, start, min(start + length, len(text)), text[start:start + length])
                for n, (label, start, length) in enumerate(spans)]
        loaded.append((f"s{s}", HandIn(practice.id, practice.article.sha256, tags)))
    heat = _heat(loaded, practice)
    assert set(heat) == set(practice.labels)
    for label in practice.labels:
        expected = [sum(any(t.label == label and t.start < tok.end and tok.start < t.end for t in h.tags)
                        for _, h in loaded) / max(len(loaded), 1) for tok in practice.article.tokens]
        assert heat[label].tolist() == pytest.approx(expected)


def test_files_that_are_not_files_are_listed_and_the_rest_still_loads(practice, tmp_path):
    import gc
    import os

    from medialit.classroom import class_report as module

    handin_of(practice, key_tags(practice)).save(tmp_path / "good.json")
    (tmp_path / "sub").mkdir()
    handin_of(practice, []).save(tmp_path / "sub" / "also.json")
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "loop.json").symlink_to("loop.json")
    seen = []
    real = module.check
    module.check = lambda *args: seen.append(gc.isenabled()) or real(*args)
    try:
        report = class_report(tmp_path, practice)
    finally:
        module.check = real
    assert len(report.students) == 2 and seen == [True, True]  # the collector is left alone
    reasons = {Path(s.file).name: s.reason for s in report.skipped}
    assert set(reasons) == {"pipe.json", "loop.json"}
    assert "named pipe" in reasons["pipe.json"] and "link loop" in reasons["loop.json"]
