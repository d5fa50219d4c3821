"""The instructor commands through the real `medialit` entry point: output, files and exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
ARTICLE = PRACTICE.parent / "article.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "medialit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_suggest_prints_reasons_and_json():
    result = run("suggest", ARTICLE, "--labels", "loaded", "--pipeline", "blank")
    assert result.returncode == 0, result.stderr
    assert "“vanity project”" in result.stdout and "in our list" in result.stdout
    data = json.loads(run("suggest", ARTICLE, "--json", "--pipeline", "blank").stdout)
    assert {d["label"] for d in data} == {"claim", "source", "loaded", "cue"}
    assert all(d["reason"] for d in data)


def test_new_makes_the_exercise_and_prints_the_toc_line(tmp_path):
    (tmp_path / "book").mkdir()
    result = run("new", ARTICLE, "--id", "mill-road", "--title", "Mill Road", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "- file: book/mill-road" in result.stdout
    assert re.search(r"\(\d+ drafted key items, each with a drafted why and hints\)", result.stdout)
    assert (tmp_path / "book" / "exercises" / "mill-road" / "exercise.yml").is_file()
    validate = run("validate", "book/exercises/mill-road/exercise.yml", cwd=tmp_path)
    assert validate.returncode == 1 and "still a draft" in validate.stdout
    again = run("new", ARTICLE, "--id", "mill-road", "--title", "x", "--pipeline", "blank", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr


def test_new_ends_with_one_line_for_each_thing_it_made_and_each_step_left(tmp_path):
    """The chapter page was named on a line of its own, cut from the sentence that made it ("…, and the chapter
    page" / "book/mill-road.md."): each sentence of the closing message is one line, paths included."""
    (tmp_path / "book").mkdir()
    result = run("new", ARTICLE, "--id", "mill-road", "--title", "Mill Road", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    drafts = re.search(r"\((\d+) drafted key items", result.stdout)
    assert drafts, result.stdout
    assert result.stdout.splitlines() == [
        f"Made book/exercises/mill-road/ with article.txt and exercise.yml ({drafts[1]} drafted key items, each with a "
        "drafted why and hints), and the chapter page book/mill-road.md.",
        "Add this line to _toc.yml under a `chapters:` list, or the book leaves the chapter out:",
        "  - file: book/mill-road",
        "Next: review the drafts on book/mill-road-author.md (for you only, not in _toc.yml): build it with "
        "`jupyter-book build book/mill-road-author.md` and open the page it names.",
        "`medialit validate book/exercises/mill-road/exercise.yml` lists what is left; the book build warns while "
        "any drafts remain.",
    ]


def test_new_on_an_article_with_nothing_to_draft_says_to_add_the_key_by_hand(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "quiet.txt").write_text("The council met on Tuesday.\n\nIt met again in May.\n", encoding="utf-8")
    result = run("new", "quiet.txt", "--id", "quiet", "--title", "Quiet", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no drafted key items: the suggester found nothing to draft, so add the key by hand" in result.stdout
    assert "0 drafted" not in result.stdout


GOOD_TOC = "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/one\n"


@pytest.mark.parametrize(
    "toc, problem",
    [
        (b"format: jb-book\nroot: book/intro\nchapters:\n\t- file: book/one\n", "line 4, column 1"),
        ("format: jb-book\nroot: book/intro\n# caf\u00e9\nchapters: []\n".encode("latin-1"), "not UTF-8"),
        (None, "does not exist"),
        ("folder", "folder"),
        (b"- file: book/one\n", "not a Jupyter Book table of contents"),
        (b"format: jb-book\nroot: book/intro\nparts:\n  - just words\n", "not a Jupyter Book table of contents"),
        (b"format: jb-book\nroot: book/intro\nchapters: none\n", "not a list"),
    ],
    ids=["tab", "not-utf8", "missing", "folder", "a-list", "part-not-a-mapping", "chapters-not-a-list"],
)
def test_new_refuses_a_toc_it_cannot_use_before_writing_anything(tmp_path, toc, problem):
    (tmp_path / "book").mkdir()
    path = tmp_path / "my_toc.yml"
    if toc == "folder":
        path.mkdir()
    elif toc is not None:
        path.write_bytes(toc)
    args = ("new", ARTICLE, "--id", "t4", "--title", "X", "--pipeline", "blank", "--toc", path.name)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("medialit: my_toc.yml") and problem in result.stderr, result.stderr
    assert "Fix:" in result.stderr and "bug" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in (tmp_path / "book").iterdir()) == []  # nothing written
    if toc != "folder":  # once the table of contents is fixed, the same command works
        path.unlink(missing_ok=True)
        path.write_text(GOOD_TOC, encoding="utf-8")
        again = run(*args, cwd=tmp_path)
        assert again.returncode == 0, again.stderr
        assert "- file: book/t4" in path.read_text(encoding="utf-8")


def test_new_uses_the_toc_beside_the_book_only_when_there_is_one(tmp_path):
    (tmp_path / "book").mkdir()
    result = run("new", ARTICLE, "--id", "t4", "--title", "X", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 0 and "Add this line to _toc.yml" in result.stdout
    (tmp_path / "_toc.yml").write_bytes(b"format: jb-book\nroot: book/intro\nchapters:\n\t- file: book/one\n")
    result = run("new", ARTICLE, "--id", "t5", "--title", "X", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 2 and "_toc.yml: line 4" in result.stderr
    assert not (tmp_path / "book" / "t5.md").exists() and not (tmp_path / "book" / "exercises" / "t5").exists()
    no_toc = run("new", ARTICLE, "--id", "t5", "--title", "X", "--pipeline", "blank", "--no-toc", cwd=tmp_path)
    assert no_toc.returncode == 0 and (tmp_path / "book" / "t5.md").is_file()


def test_new_names_the_toc_it_added_the_chapter_to_as_the_instructor_would_type_it(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: book/one\n")
    result = run("new", ARTICLE, "--id", "t6", "--title", "X", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Added the chapter to _toc.yml (- file: book/t6)." in result.stdout
    assert str(tmp_path) not in result.stdout  # every path it prints is relative, as typed


def practice_handin(tags: list[dict], student: str | None = None) -> dict:
    """A hand-in of the practice exercise holding `tags` (by `student`, when given)."""
    from medialit import load_exercise

    exercise = load_exercise(PRACTICE)
    handin = {"format": "medialit.handin/1", "exercise": exercise.id, "article_sha256": exercise.article.sha256}
    return {**handin, **({"student": student} if student is not None else {}), "tags": tags}


def practice_item():
    """The practice exercise's first key item: tags on its words with other quotes are left out."""
    from medialit import load_exercise

    return load_exercise(PRACTICE).key[0]


def _one_line_article(path: Path, first: str, filler: str) -> Path:
    """An article of one line of 2,000,000 characters: under the 2 MB limit, over spaCy's usual million."""
    text = first + filler * (2_000_000 // len(filler))
    path.write_text(text[:2_000_000] + "\n", encoding="utf-8")
    return path


def test_suggest_and_new_read_an_article_of_one_line_of_two_million_characters(tmp_path):
    article = _one_line_article(
        tmp_path / "huge.txt", "The mayor said the plan was a vanity project. ", "The cat sat. "
    )
    result = run("suggest", article, "--pipeline", "blank", "--labels", "loaded")
    assert result.returncode == 0, result.stderr
    assert "“vanity project”" in result.stdout
    (tmp_path / "book").mkdir()
    made = run("new", article, "--id", "huge", "--title", "Huge", "--pipeline", "blank", "--no-toc", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert run("validate", "book/exercises/huge/exercise.yml", cwd=tmp_path).returncode == 1  # drafts to review


def test_new_refuses_an_article_whose_drafts_an_exercise_file_cannot_hold(tmp_path):
    article = _one_line_article(tmp_path / "huge.txt", "", "The mayor said the plan was a disgrace. ")
    (tmp_path / "book").mkdir()
    result = run("new", article, "--id", "huge", "--title", "Huge", "--pipeline", "blank", "--no-toc", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("medialit: huge.txt") or "huge.txt: this article gives" in result.stderr
    assert "an exercise file is at most 2 MB" in result.stderr and "Fix:" in result.stderr
    assert list((tmp_path / "book").iterdir()) == []


def test_report_exit_codes(tmp_path):
    sys.path.insert(0, str(ROOT / "notebooks"))
    try:
        import sample_class
    finally:
        sys.path.pop(0)
    from medialit import load_exercise

    exercise = load_exercise(PRACTICE)
    sample_class.write_class(exercise, tmp_path / "clean", 4, seed=1, broken=False)
    clean = run("report", tmp_path / "clean", "--exercise", PRACTICE, "--out", tmp_path / "out")
    assert clean.returncode == 0, clean.stderr
    assert (tmp_path / "out" / "report.html").is_file() and "Hand-ins used: 4. Files left out: 0." in clean.stdout
    sample_class.write_class(exercise, tmp_path / "messy", 4, seed=1, broken=True)
    messy = run("report", tmp_path / "messy", "--exercise", PRACTICE, "--out", tmp_path / "out2")
    assert messy.returncode == 1 and "left out" in messy.stdout and "broken.json" in messy.stdout


def test_report_keeps_out_of_the_hand_ins_and_of_a_folder_of_other_files(tmp_path):
    sys.path.insert(0, str(ROOT / "notebooks"))
    try:
        import sample_class
    finally:
        sys.path.pop(0)
    from medialit import load_exercise

    handins = tmp_path / "handins"
    sample_class.write_class(load_exercise(PRACTICE), handins, 3, seed=1, broken=False)
    (handins / "gradebook.csv").write_text("my own marks\n", encoding="utf-8")
    before = sorted(p.name for p in handins.iterdir())
    for out in (handins, handins / "report"):
        result = run("report", handins, "--exercise", PRACTICE, "--out", out, "--force")
        assert result.returncode == 2, result.stderr
        assert "among the hand-in files" in result.stderr and "Fix: give --out a folder outside" in result.stderr
        assert sorted(p.name for p in handins.iterdir()) == before  # nothing written, nothing replaced
    assert (handins / "gradebook.csv").read_text(encoding="utf-8") == "my own marks\n"

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "plan.txt").write_text("keep me\n", encoding="utf-8")
    refused = run("report", handins, "--exercise", PRACTICE, "--out", notes)
    assert refused.returncode == 2 and "plan.txt" in refused.stderr and "--force" in refused.stderr
    assert [p.name for p in notes.iterdir()] == ["plan.txt"]
    forced = run("report", handins, "--exercise", PRACTICE, "--out", notes, "--force")
    assert forced.returncode == 1, forced.stderr  # the marks file in the hand-ins is left out, and said
    assert (notes / "plan.txt").read_text(encoding="utf-8") == "keep me\n" and (notes / "report.html").is_file()

    report = tmp_path / "report"
    for _ in range(2):  # a previous report is replaced without asking
        again = run("report", handins, "--exercise", PRACTICE, "--out", report)
        assert again.returncode == 1 and "Report in" in again.stdout, again.stderr


@pytest.mark.parametrize(
    "fmt, suffix", [("webanno", ".jsonld"), ("brat", ".ann"), ("spacy", ".spacy"), ("ptc", ".tsv")]
)
def test_export_key_and_handin(tmp_path, fmt, suffix):
    result = run("export", PRACTICE, "--to", fmt, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"practice-council{suffix}").stat().st_size > 0
    handin = {"format": "medialit.handin/1", "exercise": "practice-council", "article_sha256": "0" * 64, "tags": []}
    (tmp_path / "h.json").write_text(json.dumps(handin))
    refused = run("export", tmp_path / "h.json", "--to", fmt, "--exercise", PRACTICE, cwd=tmp_path)
    assert refused.returncode == 2 and "another version" in refused.stderr


def test_export_handin_without_exercise_needs_a_hint(tmp_path):
    (tmp_path / "h.json").write_text(json.dumps({"format": "medialit.handin/1", "exercise": "nowhere", "tags": []}))
    result = run("export", tmp_path / "h.json", "--to", "ptc", cwd=tmp_path)
    assert result.returncode == 2 and "--exercise" in result.stderr
    assert "there is no book/exercises/ folder here" in result.stderr  # the real cause, outside a book
    in_book = run("export", tmp_path / "h.json", "--to", "ptc", cwd=ROOT)
    assert in_book.returncode == 2
    assert "'nowhere', which is not among the exercises in book/exercises/" in in_book.stderr


def test_report_on_bad_folders_gives_one_clear_message(tmp_path):
    missing = run("report", tmp_path / "nope", "--exercise", PRACTICE)
    assert missing.returncode == 2 and "not a folder" in missing.stderr and "Fix:" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run("report", tmp_path / "empty", "--exercise", PRACTICE)
    assert empty.returncode == 2 and "no files" in empty.stderr and "nothing to report yet" in empty.stderr
    assert not (tmp_path / "empty-class-report").exists()  # nothing was written
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.json").write_text("{oops")
    bad = run("report", tmp_path / "bad", "--exercise", PRACTICE, "--out", tmp_path / "out")
    assert bad.returncode == 1 and "a.json: line 1, column 2" in bad.stdout
    # why there is no report, where the files were read, what to do; no report of zeros
    said = bad.stdout.splitlines()
    assert said[0] == "Nothing to report yet: the one file read could not be used as a hand-in for this exercise."
    assert said[1].startswith(f"The files were read from {tmp_path / 'bad'}, for exercise 'practice-council'. Fix:")
    assert "Measured on" not in bad.stdout and "most missed" not in bad.stdout
    assert (tmp_path / "out" / "problems.csv").is_file() and (tmp_path / "out" / "report.html").is_file()
    for result in (missing, empty, bad):
        assert "Traceback" not in result.stderr


def test_report_prints_each_orphan_with_its_fix(tmp_path):
    item = practice_item()
    handin = practice_handin(
        [{"id": "t1", "label": item.label, "start": item.start, "end": item.end, "quote": "not the words there"}], "owl"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "owl.json").write_text(json.dumps(handin))
    (tmp_path / "in" / "notes.json").write_text("not a hand-in")
    result = run("report", tmp_path / "in", "--exercise", PRACTICE, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "left out of owl's hand-in: tag 1 (t1): a tag no longer matches the article" in result.stdout
    # the teacher does not tag: the student does, in what the book calls the Tagger (it said "in the widget")
    assert (
        "Fix: ask the student to make this tag again in the Tagger and press Download hand-in again." in result.stdout
    )
    # one of each: the counts are in the singular, as the class report page writes them
    assert "\n1 file left out, listed in" in result.stdout
    assert "\n1 tag or answer left out of 1 hand-in that was used, listed in" in result.stdout
    assert "(s)" not in result.stdout


def test_a_hand_in_for_another_exercise_is_told_how_to_check_it_with_its_own(tmp_path):
    """The fix names the hand-in's exercise and says what to do on the page and on the command line: it
    used to say only "check it against its own exercise file (on the class report page ...)"."""
    sample = ROOT / "notebooks" / "sample-class"
    agency = ROOT / "book" / "exercises" / "kremlin-agency" / "exercise.yml"
    result = run("report", sample, "--exercise", agency, "--out", tmp_path / "out", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    line = next(line for line in result.stdout.splitlines() if "left out fox-07.json" in line)
    assert "for exercise “kremlin-drone”, not “kremlin-agency”" in line
    assert "Fix: check it with its own exercise, “kremlin-drone”: on the class report page, choose" in line
    assert "give that exercise's exercise.yml after --exercise." in line


def test_export_writes_into_new_or_existing_folders_and_refuses_clearly(tmp_path):
    made = run("export", PRACTICE, "--to", "ptc", "--out", tmp_path / "new" / "deeper" / "key.tsv")
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "new" / "deeper" / "key.tsv").is_file()
    into = run("export", PRACTICE, "--to", "brat", "--out", tmp_path / "new")
    assert into.returncode == 0 and (tmp_path / "new" / "practice-council.ann").is_file()
    assert (tmp_path / "new" / "practice-council.txt").read_text(encoding="utf-8").startswith("Fury")
    named = run("export", PRACTICE, "--to", "brat", "--out", tmp_path / "key")
    assert named.returncode == 0 and {p.name for p in tmp_path.iterdir()} >= {"key.ann", "key.txt", "annotation.conf"}
    slash = run("export", PRACTICE, "--to", "brat", "--out", f"{tmp_path / 'fresh'}/")  # a folder to be made
    assert slash.returncode == 0 and (tmp_path / "fresh" / "practice-council.ann").is_file(), slash.stderr
    copy = tmp_path / "copy"
    shutil.copytree(PRACTICE.parent, copy)
    before = (copy / "exercise.yml").read_bytes()
    itself = run("export", copy / "exercise.yml", "--to", "spacy", "--out", copy / "exercise.yml", "--force")
    assert itself.returncode == 2 and "replace the very file it reads" in itself.stderr
    assert (copy / "exercise.yml").read_bytes() == before
    missing = run("export", tmp_path / "nope.json", "--to", "brat")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    for result in (named, missing):
        assert "Traceback" not in result.stderr


def test_new_needs_a_title(tmp_path):
    (tmp_path / "book").mkdir()
    result = run("new", ARTICLE, "--id", "mill-road", "--title", "  ", "--pipeline", "blank", cwd=tmp_path)
    assert result.returncode == 2 and "no title" in result.stderr
    assert not (tmp_path / "book" / "exercises" / "mill-road").exists()


def test_output_cut_short_by_a_pipe_is_not_a_traceback():
    kremlin = ROOT / "book" / "exercises" / "kremlin-drone" / "article.txt"  # more output than a pipe holds
    shell = subprocess.run(
        f'"{sys.executable}" -m medialit suggest "{kremlin}" --json --pipeline blank | head -n 1',
        shell=True,
        capture_output=True,
        text=True,
    )
    assert shell.stdout == "[\n" and "Traceback" not in shell.stderr


def test_report_summarises_orphans_and_lists_them_all_in_a_csv(tmp_path):
    item = practice_item()
    (tmp_path / "in").mkdir()
    for n in range(25):
        handin = practice_handin(
            [{"id": "t1", "label": item.label, "start": item.start, "end": item.end, "quote": "not the words there"}],
            f"s{n}",
        )
        (tmp_path / "in" / f"s{n}.json").write_text(json.dumps(handin))
    result = run("report", tmp_path / "in", "--exercise", PRACTICE, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "25 tags or answers left out of 25 hand-ins that were used" in result.stdout
    assert "problems.csv" in result.stdout
    assert result.stdout.count("left out of s") == 10
    assert len((tmp_path / "out" / "problems.csv").read_text(encoding="utf-8").splitlines()) == 26


def test_report_lists_each_reason_a_hand_in_left_tags_out_once_with_how_many(tmp_path):
    """A hand-in with thousands of broken tags: the terminal and report.html listed one row a tag (the first ten
    of them here, all alike); each reason is one row, with how many more are like it, its thousands apart.
    problems.csv keeps a row for each tag, for a spreadsheet to filter and count."""
    item = practice_item()
    moved = {"label": item.label, "start": item.start, "end": item.end}
    handin = practice_handin(
        [
            {},
            {"id": "t1", **moved, "quote": "not the words there"},
            *[{}] * 2999,
            {"id": "t2", **moved, "quote": "nor these"},
            {"id": "t3", **moved, "quote": item.quote},
        ],
        "owl",
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "owl.json").write_text(json.dumps(handin))
    result = run("report", tmp_path / "in", "--exercise", PRACTICE, "--out", tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "3,002 tags or answers left out of 1 hand-in that was used, listed in" in result.stdout
    said = [line.strip() for line in result.stdout.splitlines() if "left out of owl's hand-in" in line]
    assert [line.split(": ")[1] for line in said] == ["tag 1 and 2,999 more like it", "tag 2 (t1) and 1 more like it"]
    assert "no usable id" in said[0] and "it quotes “not the words there”" in said[1]  # the first one's words
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html.count("more like it") == 2 and "tag 3 " not in html
    problems = (tmp_path / "out" / "problems.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(problems) == 1 + 3002 and problems[-1].startswith("owl,part,tag 3002 (t2),")


def test_export_without_exercise_finds_it_by_id_among_the_book_exercises(tmp_path):
    handin = practice_handin([])
    (tmp_path / "h.json").write_text(json.dumps(handin))
    result = run("export", tmp_path / "h.json", "--to", "ptc", "--out", tmp_path / "h.tsv", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    again = run("export", tmp_path / "h.json", "--to", "ptc", "--out", tmp_path / "h.tsv", cwd=ROOT)
    assert again.returncode == 2 and "--force" in again.stderr
    assert (
        run("export", tmp_path / "h.json", "--to", "ptc", "--out", tmp_path / "h.tsv", "--force", cwd=ROOT).returncode
        == 0
    )


def test_report_for_a_chapter_reads_its_lines_and_labels_from_the_book(tmp_path):
    kremlin = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
    sample = ROOT / "notebooks" / "sample-class"
    chapter = run("report", sample, "--chapter", "claims", "--out", tmp_path / "ch", cwd=ROOT)
    assert chapter.returncode == 1, chapter.stderr  # the sample class has bad files
    assert "Measured on lines 1–18, claims, as the chapter's Tagger asks." in chapter.stdout
    summary = json.loads((tmp_path / "ch" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["chapter"], summary["labels"], summary["lines"]) == (
        {"name": "03-claims", "title": "Claims"},
        ["claim"],
        [1, 18],
    )
    chapter_by_hand = ["report", sample, "--exercise", kremlin, "--labels", "claim", "--lines", "1-18"]
    by_hand = run(*chapter_by_hand, "--difficulty", "standard", "--out", tmp_path / "hand", cwd=tmp_path)
    assert by_hand.returncode == 2 and "--difficulty" in by_hand.stderr  # not an option of report
    by_hand = run(*chapter_by_hand, "--out", tmp_path / "hand", cwd=tmp_path)
    assert "Measured on lines 1–18, claims.\n" in by_hand.stdout  # chosen by hand: no chapter's Tagger asked
    same = json.loads((tmp_path / "hand" / "summary.json").read_text(encoding="utf-8"))
    assert {**same, "chapter": summary["chapter"]} == summary
    assert (tmp_path / "ch" / "gradebook.csv").read_bytes() == (tmp_path / "hand" / "gradebook.csv").read_bytes()


def test_report_options_that_cannot_be_used_give_one_clear_message(tmp_path):
    sample = ROOT / "notebooks" / "sample-class"
    unknown = run("report", sample, "--chapter", "nowhere", cwd=ROOT)
    assert unknown.returncode == 2 and "03-claims (Claims)" in unknown.stderr
    other = run("report", sample, "--chapter", "claims", "--exercise", PRACTICE, cwd=ROOT)
    assert other.returncode == 2 and "uses another exercise" in other.stderr
    neither = run("report", sample)
    assert neither.returncode == 2 and "--exercise" in neither.stderr
    label = run("report", sample, "--exercise", PRACTICE, "--labels", "opinion")
    assert label.returncode == 2 and "no label 'opinion'" in label.stderr
    lines = run("report", sample, "--exercise", PRACTICE, "--lines", "5-2")
    assert lines.returncode == 2 and "range of lines" in lines.stderr
    no_book = run("report", sample, "--chapter", "claims", cwd=tmp_path)
    assert no_book.returncode == 2 and "--book" in no_book.stderr
    for result in (unknown, other, neither, label, lines, no_book):
        assert "Traceback" not in result.stderr


def test_report_with_a_roster_gives_every_student_on_it_a_gradebook_row(tmp_path):
    """A student on the roster with no hand-in is in gradebook.csv too, marked "no hand-in", figures blank."""
    sample = ROOT / "notebooks" / "sample-class"
    roster = tmp_path / "roster.csv"
    roster.write_text("Pseudonym;Student ID\nfox-07;01007\nkestrel-25;3-4\nowl-09;\n", encoding="utf-8")
    result = run("report", sample, "--chapter", "claims", "--roster", roster, "--out", tmp_path / "out", cwd=ROOT)
    assert result.returncode == 1, result.stderr  # the sample class has bad files
    assert "Row 4 of the roster has no student ID; it was left out. Add the student's ID to that row." in result.stdout
    assert "On the roster, but no hand-in: kestrel-25" in result.stdout
    text = (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig")
    rows = [line.split(",") for line in text.splitlines()]
    assert rows[0][:3] == ["student", "student ID", "file"] and len(rows) == 1 + 26
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["kestrel-25"] == ["kestrel-25", "3-4", "no hand-in", *[""] * (len(rows[0]) - 3)]
    assert by_name["fox-07"][1:3] == ["01007", "fox-07.json"]  # as written: a spreadsheet would show 1007
    assert (  # and a date for 3-4
        "Pseudonyms and student IDs that a spreadsheet would change (01007 and 3-4): a spreadsheet that opens a CSV "
        "file of this report reads each as a number or a date, not as text (01007 becomes 1007 and 3-4 becomes a date)"
    ) in result.stdout
    # handed in, but the roster has no row for the name (owl-09's row had no ID): said, not left blank
    assert by_name["owl-09"][1] == by_name["otter-01"][1] == "not on the roster"
    assert [row[0] for row in rows[1:]] == sorted(by_name)  # in name order, with the others
    assert "Roster: 2 students." in result.stdout
    unknown = "Handed in, but not on the roster (check that the name is written the same way in both): badger-04, "
    assert unknown in result.stdout and "otter-13, owl-09, owl-21" in result.stdout and "fox-07, " not in result.stdout
    assert "wren-17 (student ID “not on the roster” in gradebook.csv)." in result.stdout
    html = (tmp_path / "out" / "report.html").read_text()
    assert "On the roster, but no hand-in: kestrel-25." in html and unknown in html
    roster.write_text("fox-07,S1007\nfox-07,S2007\n", encoding="utf-8")
    one = run("report", sample, "--chapter", "claims", "--roster", roster, "--out", tmp_path / "out", cwd=ROOT)
    assert "Roster: 1 student." in one.stdout
    # a name used twice on the roster says what to do: perhaps two students chose it
    again = "Row 2 of the roster names fox-07 again; the first row was kept. If they are two students, give each"
    assert again in one.stdout
    # the spreadsheet's own file instead of its CSV: said so, with how to save a CSV
    (tmp_path / "roster.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xb5U0#\xf4[Content_Types].xml")
    xlsx = run("report", sample, "--chapter", "claims", "--roster", tmp_path / "roster.xlsx", cwd=ROOT)
    assert xlsx.returncode == 2 and "Traceback" not in xlsx.stderr
    assert "roster.xlsx: line 1: this is not a CSV text file (UTF-8); it may be a spreadsheet's own file" in xlsx.stderr
    assert "Fix: save the roster from your spreadsheet as CSV (UTF-8) and use that file." in xlsx.stderr
    missing = run("report", sample, "--chapter", "claims", "--roster", tmp_path / "nope.csv", cwd=ROOT)
    assert missing.returncode == 2 and "roster file does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_report_names_only_the_labels_the_exercise_has_key_items_of(tmp_path):
    """The practice exercise has the four labels but no cue in its key: the report does not say it
    measured cues, on the whole article or with --labels naming cues."""
    from helpers import handin_of

    from medialit import load_exercise

    practice_file = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
    practice = load_exercise(practice_file)
    assert "cue" in practice.labels and not [k for k in practice.key if k.label == "cue"]
    handin = handin_of(practice, [])
    handin.student = "otter"
    (tmp_path / "in").mkdir()
    handin.save(tmp_path / "in" / "otter.json")
    whole = run("report", tmp_path / "in", "--exercise", practice_file, "--out", tmp_path / "whole")
    assert whole.returncode == 0, whole.stderr
    assert "Measured on the whole article, claims, sources and loaded words.\n" in whole.stdout
    some = run(
        "report", tmp_path / "in", "--exercise", practice_file, "--labels", "loaded,cue", "--out", tmp_path / "some"
    )
    assert "Measured on the whole article, loaded words.\n" in some.stdout and "cue" not in some.stdout
    assert "cue" not in (tmp_path / "whole" / "report.html").read_text(encoding="utf-8").split("<h2>")[0]


def test_a_roster_excel_saved_as_plain_csv_is_told_to_be_saved_as_csv_utf_8(tmp_path):
    """Excel's "CSV (Comma delimited)" on Windows saves "Zoë" in Windows-1252, not UTF-8: the teacher did save a
    CSV file, so being told it "is not a CSV text file; it may be a spreadsheet's own file" sends them nowhere.
    They are told which line, that it is text in another character set, and the one Save As choice that fixes it."""
    roster = ROOT / "tests" / "hostile" / "rosters" / "windows-1252.csv"
    sample = ROOT / "notebooks" / "sample-class"
    result = run("report", sample, "--chapter", "claims", "--roster", roster, "--out", tmp_path / "out", cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    told = "windows-1252.csv: line 2: this line holds a letter saved in another character set than UTF-8"
    assert told in result.stderr
    assert 'Fix: save the roster again as "CSV UTF-8 (Comma delimited)"' in result.stderr
    assert "spreadsheet's own file" not in result.stderr
