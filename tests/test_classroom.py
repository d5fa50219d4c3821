"""The class report: tables, misconceptions, heat map, escaping, and bad files left out."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from helpers import handin_of, key_tags

from medialit import Tag, load_exercise
from medialit.classroom import class_report

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
