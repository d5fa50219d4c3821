"""The instructor commands through the real `medialit` entry point: output, files and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"
ARTICLE = PRACTICE.parent / "article.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "medialit.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


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
    assert (tmp_path / "book" / "exercises" / "mill-road" / "exercise.yml").is_file()
    validate = run("validate", "book/exercises/mill-road/exercise.yml", cwd=tmp_path)
    assert validate.returncode == 1 and "still a draft" in validate.stdout
    again = run("new", ARTICLE, "--id", "mill-road", "--title", "x", "--pipeline", "blank", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr


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
    assert (tmp_path / "out" / "report.html").is_file() and "4 hand-ins used" in clean.stdout
    sample_class.write_class(exercise, tmp_path / "messy", 4, seed=1, broken=True)
    messy = run("report", tmp_path / "messy", "--exercise", PRACTICE, "--out", tmp_path / "out2")
    assert messy.returncode == 1 and "left out" in messy.stdout and "broken.json" in messy.stdout


@pytest.mark.parametrize("fmt, suffix", [("webanno", ".jsonld"), ("brat", ".ann"), ("spacy", ".spacy"), ("ptc", ".tsv")])
def test_export_key_and_handin(tmp_path, fmt, suffix):
    result = run("export", PRACTICE, "--to", fmt, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"practice-council{suffix}").stat().st_size > 0
    handin = {"format": "medialit.handin/1", "exercise": "practice-council", "article_sha256": "0" * 64,
              "tags": []}
    (tmp_path / "h.json").write_text(json.dumps(handin))
    refused = run("export", tmp_path / "h.json", "--to", fmt, "--exercise", PRACTICE, cwd=tmp_path)
    assert refused.returncode == 2 and "another version" in refused.stderr


def test_export_handin_without_exercise_needs_a_hint(tmp_path):
    (tmp_path / "h.json").write_text(json.dumps({"format": "medialit.handin/1", "exercise": "nowhere", "tags": []}))
    result = run("export", tmp_path / "h.json", "--to", "ptc", cwd=tmp_path)
    assert result.returncode == 2 and "--exercise" in result.stderr
