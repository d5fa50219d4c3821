"""The README and the instructors' pages say what a newcomer needs, and only what is so."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
NEW_EXERCISE = (ROOT / "book" / "instructors" / "new-exercise.md").read_text(encoding="utf-8")
HOW_TO_RUN = (". .venv/bin/activate", ".venv/bin/medialit")


def _first_command_line(text: str, command: str) -> int:
    """Where the first line of a code block that starts with `command` is."""
    inside = False
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            inside = not inside
        elif inside and line.lstrip().startswith(command + " "):
            return offset
        offset += len(line)
    raise AssertionError(f"no `{command}` command in a code block")


def test_readme_says_how_to_run_medialit_before_its_first_command():
    # `make book` installs the command into .venv, which is not on PATH
    first = _first_command_line(README, "medialit")
    for way in HOW_TO_RUN:
        assert way in README[:first], f"the README shows `medialit` commands before it mentions `{way}`"


def test_readme_says_how_to_open_the_live_notebooks():
    assert "jupyter lab notebooks/" in README
    needs = (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    if "jupyterlab" not in needs:  # `make book` installs requirements.txt only
        assert "pip install jupyterlab" in README


def test_new_exercise_page_says_how_to_run_medialit_as_the_readme_does():
    start = NEW_EXERCISE.index("medialit installed")
    first = _first_command_line(NEW_EXERCISE, "medialit")
    for way in HOW_TO_RUN:
        assert way in NEW_EXERCISE[start:first]
    assert "`make test` or `pip install -e .`" not in NEW_EXERCISE


def test_the_csv_files_the_docs_name_are_the_ones_the_report_writes():
    from medialit.classroom import tables

    written = set(tables.TABLES) | {"heat.csv"}
    for page in (NEW_EXERCISE, README):
        named = set(re.findall(r"`([\w-]+\.csv)`", page))
        assert named <= written, f"the docs name CSV files the report does not write: {named - written}"


def test_build_exercise_notebook_says_where_a_drafts_reason_is():
    cells = json.loads((ROOT / "notebooks" / "build-exercise.ipynb").read_text(encoding="utf-8"))["cells"]
    words = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "comment above" not in words
    assert "`reason`" in words


def test_make_rebuilds_every_file_the_bundler_writes():
    """A missing or stale bundle is rebuilt by make only if the Makefile lists it among BUNDLES."""
    build = (ROOT / "src" / "js" / "build.mjs").read_text(encoding="utf-8")
    outputs = set(re.findall(r'"([\w.-]+)"', re.search(r"OUTPUTS = \[(.*?)\]", build, re.S).group(1)))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    bundles = re.search(r"^BUNDLES\s*:=(.*)$", makefile, re.M).group(1).split()
    static = re.search(r"^STATIC\s*:=\s*(\S+)", makefile, re.M)
    names = {b.replace("$(STATIC)", static.group(1) if static else "$(STATIC)") for b in bundles}
    assert outputs and names == {f"src/medialit/web/static/{name}" for name in outputs}


def test_the_teacher_guide_names_every_verdict_chip_a_student_sees():
    """The guide explains feedback in the report's names; a teacher must also know the words on the
    student's screen, which come from the message table."""
    table = json.loads((ROOT / "src" / "medialit" / "data" / "messages.json").read_text(encoding="utf-8"))
    chips = [m["student"] for code, m in table["messages"].items() if code.startswith("chip-")]
    guide = " ".join((ROOT / "book" / "teacher-guide.md").read_text(encoding="utf-8").split())
    assert chips and [chip for chip in chips if f"**{chip}**" not in guide] == []


def test_the_teacher_guide_quotes_each_misconception_as_the_class_report_words_it():
    """A teacher looks for the guide's quoted row in the report's table of misconceptions: a quote that starts
    as a row does (its first three words) is the start of that row's words, not a paraphrase."""
    table = json.loads((ROOT / "src" / "medialit" / "data" / "messages.json").read_text(encoding="utf-8"))
    rows = [m["teacher"] for code, m in table["messages"].items() if code.startswith("misconception-")]
    guide = " ".join((ROOT / "book" / "teacher-guide.md").read_text(encoding="utf-8").split())
    quoted = [q for q in re.findall(r'"([^"]+)"', guide) if any(q.split()[:3] == r.split()[:3] for r in rows)]
    assert len(quoted) >= 3  # the guide's step on the misconceptions table quotes three rows
    assert [q for q in quoted if not any(r.startswith(q) for r in rows)] == []


def test_the_readme_names_every_script_the_bundler_writes_and_every_front_end_folder():
    """A newcomer finds the front end from the README's layout: every bundled script and every
    folder of src/js must be in it (the class report page's were missing)."""
    build = (ROOT / "src" / "js" / "build.mjs").read_text(encoding="utf-8")
    outputs = re.findall(r'"([\w.-]+\.js)"', re.search(r"OUTPUTS = \[(.*?)\]", build, re.S).group(1))
    front_end = README.split("The front end's sources", 1)[1]
    folders = sorted(d.name for d in (ROOT / "src" / "js").iterdir() if d.is_dir())
    missing = [f"`{name}`" for name in outputs if f"`{name}`" not in front_end]
    missing += [f"`{name}/`" for name in folders if f"`{name}/`" not in front_end]
    assert outputs and folders and not missing, f"the README's layout does not name {missing}"


def test_the_new_exercise_pages_example_of_a_missed_loaded_phrase_is_not_drafted():
    """The page tells instructors which loaded words to add by hand, with an example from the
    ferry story it ran; the example must be one the rules really miss ("dragged on" is caught now)."""
    import spacy

    from medialit import Article
    from medialit.authoring.suggest import suggest

    phrase = re.search(r'not a phrase such as "([^"]+)"', " ".join(NEW_EXERCISE.split())).group(1)
    article = Article.from_file(ROOT / "tests" / "fixtures" / "newcomer" / "island-ferry.txt")
    assert phrase in article.text
    drafted = [s.quote for s in suggest(article, spacy.blank("en"), labels=["loaded"], min_confidence=0)]
    assert drafted and not [quote for quote in drafted if quote in phrase or phrase in quote], drafted


def test_the_formats_pages_token_and_tag_are_the_kremlin_articles_own():
    """An instructor checks their understanding of offsets against the examples: a token and a tag that
    point at other code points than the words they show teach the wrong count."""
    from medialit import load_exercise

    compiled = load_exercise(ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml").compile()
    formats = (ROOT / "book" / "instructors" / "formats.md").read_text(encoding="utf-8")
    token = json.loads(re.search(r'^\{"i": .*\}$', formats, re.M).group(0))
    assert token == compiled["article"]["tokens"][token["i"]]
    start, end, quote = re.search(r'"start": (\d+), "end": (\d+), "quote": "([^"]*)"', formats).groups()
    assert compiled["article"]["text"][int(start) : int(end)] == quote


def _command_lines(text: str, command: str) -> list[str]:
    """Each line of a code block (a fenced block or an indented one in a list) that runs `command`, without
    its comment, and the same after `.venv/bin/` as the README writes it for a terminal not activated."""
    inside, found = False, []
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
            continue
        words = line.split("  #", 1)[0].strip().removeprefix(".venv/bin/")
        if inside and (words == command or words.startswith(command + " ")):
            found.append(words)
    return found


DOCS_WITH_COMMANDS = {
    "README.md": README,
    "book/instructors/new-exercise.md": NEW_EXERCISE,
    "book/teacher-guide.md": (ROOT / "book" / "teacher-guide.md").read_text(encoding="utf-8"),
}


@pytest.mark.parametrize("page", sorted(DOCS_WITH_COMMANDS))
def test_every_medialit_command_the_docs_show_is_one_the_command_takes(page):
    """A newcomer types the lines as they are: a renamed option or command makes the first one they try fail."""
    import shlex

    from medialit.cli.main import build_parser

    lines = _command_lines(DOCS_WITH_COMMANDS[page], "medialit")
    assert lines, f"no `medialit` command in a code block of {page}"
    refused = []
    for line in lines:
        argv = shlex.split(line)[1:]
        if "--help" in argv:
            continue
        try:
            build_parser().parse_args(argv)
        except SystemExit:
            refused.append(line)
    assert refused == []


def test_every_make_target_the_readme_names_is_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w.-]+)\s*:", makefile, re.M))
    named = set(re.findall(r"`make ([\w.-]+)`", README)) | {
        line.split()[1] for line in _command_lines(README, "make") if len(line.split()) > 1
    }
    assert named and named <= targets, f"the README names make targets the Makefile does not have: {named - targets}"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_alone_says_what_each_target_the_readme_names_does():
    """A newcomer types `make` first: it made .venv/bin/python and stopped, without a word."""
    done = subprocess.run(["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    named = set(re.findall(r"`make ([\w.-]+)`", README))
    listed = {line.split()[1] for line in done.stdout.splitlines() if line.startswith("make ")}
    assert done.returncode == 0 and named and named <= listed, done.stdout + done.stderr
