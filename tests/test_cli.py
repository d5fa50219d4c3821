import importlib.util
import json
import subprocess
import sys

import pytest
from helpers import MINI, ROOT, handin_of, key_tags
from hypothesis import assume, given
from hypothesis import strategies as st

from medialit.core.exercise_file import UNREAD_REST


def run(*args):
    return subprocess.run([sys.executable, "-m", "medialit", *map(str, args)], capture_output=True, text=True)


def test_check_all_right_exits_0_and_prints_feedback(mini, tmp_path):
    path = tmp_path / "h.json"
    handin_of(mini, key_tags(mini)).save(path)
    result = run("check", path, "--exercise", MINI)
    assert result.returncode == 0, result.stderr
    assert "Found" in result.stdout and "you found 3 of 3" in result.stdout and "F1" not in result.stdout
    teacher = run("check", path, "--exercise", MINI, "--audience", "teacher").stdout
    assert "precision 100%, recall 100%, F1 100%" in teacher


def test_check_with_findings_exits_1_and_json_is_a_report(mini, tmp_path):
    path = tmp_path / "h.json"
    handin_of(mini, key_tags(mini)[:2]).save(path)
    result = run("check", path, "--exercise", MINI, "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["format"] == "medialit.report/2"
    text = run("check", path, "--exercise", MINI).stdout
    assert "Not found yet" in text and "Hint:" in text and "The answer:" not in text
    revealed = run("check", path, "--exercise", MINI, "--reveal").stdout
    assert "The answer:" in revealed


def test_bad_input_exits_2_with_one_message_and_no_traceback(tmp_path):
    bad = tmp_path / "h.json"
    bad.write_text("{not json")
    result = run("check", bad, "--exercise", MINI)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "Fix:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_validate(tmp_path):
    assert run("validate", MINI).returncode == 0
    missing = run("validate", tmp_path / "none.yml")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_check_one_part_of_the_article(mini, tmp_path):
    path = tmp_path / "h.json"
    handin_of(mini, key_tags(mini)).save(path)
    report = json.loads(run("check", path, "--exercise", MINI, "--lines", "8-14", "--json").stdout)
    assert report["lines"] == [8, 14]
    assert report["items"] and all(8 <= item["line"] <= 14 for item in report["items"])
    bad = run("check", path, "--exercise", MINI, "--lines", "14-8")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "not a range of lines" in bad.stderr


def test_a_bug_exits_3_with_one_short_line_and_debug_shows_the_traceback(monkeypatch, capsys):
    from medialit.cli import main as cli

    def broken(args):
        raise KeyError("something medialit did wrong")

    monkeypatch.setattr(cli, "_validate", broken)
    assert cli.main(["validate", str(MINI)]) == 3
    err = capsys.readouterr().err
    assert "bug in medialit" in err and str(MINI) in err and "--debug" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    for argv in (["validate", str(MINI), "--debug"], ["--debug", "validate", str(MINI)]):
        assert cli.main(argv) == 3
        err = capsys.readouterr().err
        assert "Traceback" in err and "something medialit did wrong" in err


def test_bad_input_is_one_line_even_when_the_file_name_holds_a_line_break(tmp_path):
    bad = tmp_path / "a\nNote: all good.json"
    bad.write_text("{not json")
    result = run("check", bad, "--exercise", MINI)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "a Note: all good.json" in result.stderr


def test_commands_that_do_not_check_do_not_import_the_matching_solver():
    """scipy takes about 0.3 s to import; `medialit --help` and `validate` never need it, Check does."""
    probe = "import sys, medialit.cli.main; print('scipy' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"


def test_check_for_a_chapter_checks_what_its_tagger_asks_for_as_by_hand():
    handin = ROOT / "notebooks" / "sample-class" / "heron-14.json"
    kremlin = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
    book = ROOT / "book"
    chapter = run("check", handin, "--chapter", "claims", "--book", book, "--json")
    by_hand = run("check", handin, "--exercise", kremlin, "--labels", "claim", "--lines", "1-18", "--json")
    assert chapter.returncode == by_hand.returncode and chapter.stdout == by_hand.stdout, chapter.stderr
    assert json.loads(chapter.stdout)["labels"] == ["claim"]
    neither = run("check", handin)
    assert neither.returncode == 2 and "--chapter" in neither.stderr and "Traceback" not in neither.stderr


@pytest.mark.parametrize("key", ["key:\n", "key: []\n", ""], ids=["empty", "empty-list", "missing"])
def test_validate_finds_an_empty_or_missing_key(tmp_path, key):
    (tmp_path / "article.txt").write_text("The council voted for the plan.\n", encoding="utf-8")
    (tmp_path / "exercise.yml").write_text(f"id: mini\ntitle: Mini\narticle: article.txt\n{key}", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "validate", str(tmp_path / "exercise.yml")], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    assert "the key is empty" in result.stdout and "\n1 finding.\n" in result.stdout


def test_a_tab_in_an_exercise_file_is_named_with_its_fix(tmp_path):
    (tmp_path / "article.txt").write_text("The council voted for the plan.\n", encoding="utf-8")
    (tmp_path / "exercise.yml").write_text("id: mini\ntitle: Mini\n\tarticle: article.txt\n", encoding="utf-8")
    result = run("validate", tmp_path / "exercise.yml")
    assert result.returncode == 2 and "line 3, column 1: there is a tab here" in result.stderr
    # the rest of the file is not read: a teacher is told so, not left to think this is the only problem
    assert result.stderr.rstrip().endswith("Fix: replace the tab with spaces. " + UNREAD_REST)


def test_feedback_groups_tags_by_their_chips_as_the_tagger_does(mini):
    """A tag with another label is listed with the tags to look at again under its own chip, as the
    Tagger lists it, not under Close; a tag on a label the page does not ask for likewise."""
    from medialit import Tag, check
    from medialit.cli.feedback_text import report_text

    def at(quote, label, tid):
        start = mini.article.text.index(quote)
        return Tag(tid, label, start, start + len(quote), quote)

    tags = [at("despot", "claim", "c1"), at("Kremlin spokesperson Dmitry Peskov", "source", "s1")]
    text = report_text(check(handin_of(mini, tags), mini), mini)
    look, found = text.index("Tags to look at again: 1"), text.index("Tags that match the key: 1")
    assert look < text.index("Other label: “despot”") < found < text.index("Found: “Kremlin spokesperson")
    assert "Close" not in text
    page = report_text(check(handin_of(mini, tags), mini, labels=["claim", "source"]), mini)
    assert "Not asked here: “despot”" in page and "Remove this tag." in page
    # the command line has no page: the sentence says "here", as the chip does
    assert "loaded words are not asked for here" in page and "page" not in page


@given(st.integers(0, 10_000), st.sampled_from([("file", None), ("tag or answer", "tags or answers")]))
def test_a_count_on_the_command_line_agrees_with_its_number(n, noun):
    """One rule for every count the command prints: the singular for one, the plural for any other number; its
    thousands apart ("10,000")."""
    from medialit.core.messages import counted

    one, many = noun
    number, words = counted(n, one, many).split(" ", 1)
    assert number == f"{n:,}" and (words == one) == (n == 1) and words in (one, many or f"{one}s")


@pytest.mark.parametrize(("command", "done"), [("check", "the hand-in is for"), ("report", "the class did")])
def test_a_command_without_its_exercise_says_so_as_an_option_mistake_once_named(command, done, capsys):
    """No file is at fault, so the words are the command's, as for any other option ("medialit: medialit
    report: --exercise:" named the command twice, as if it were a file)."""
    from medialit.cli import main as cli

    folder = ROOT / "notebooks" / "sample-class"
    with pytest.raises(SystemExit) as stopped:
        cli.main([command, str(folder / "fox-07.json" if command == "check" else folder)])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    said = err.strip().splitlines()[-1]
    assert said == (
        f"medialit {command}: error: the command needs to know which exercise {done}. Fix: add --exercise "
        "path/to/exercise.yml, or --chapter NAME (the chapter's own exercise)."
    )
    assert err.startswith(f"usage: medialit {command}") and "medialit: medialit" not in err


def test_medialit_alone_lists_its_commands_with_what_each_does(capsys):
    """A newcomer types `medialit` to see what it can do: argparse alone said only "the following arguments
    are required: command"."""
    from medialit.cli import main as cli

    assert cli.main([]) == 2
    err = capsys.readouterr().err
    for command, words in (("check", "hand-in"), ("report", "class report"), ("new", "new exercise")):
        assert any(line.split()[:1] == [command] and words in line for line in err.splitlines()), command
    assert "medialit check --help" in err


def test_every_option_of_every_command_says_what_it_is_for():
    """`medialit COMMAND --help` is the reference a teacher reads: an option shown bare (`--to {webanno,...}`,
    `--difficulty {guided,...}`) leaves them to guess."""
    import argparse

    from medialit.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    bare = [
        f"{name} {action.option_strings or action.dest}"
        for name, command in commands.items()
        for action in command._actions
        if not action.help
    ]
    assert commands and bare == []


SHORTENED = [
    (
        ["check", "h.json", "--exercise", "e.yml", "--label", "claim"],
        "there is no option --label: did you mean --labels?",
    ),
    (["check", "h.json", "--exercise", "e.yml", "--label=claim"], "there is no option --label: did you mean --labels?"),
    (
        ["check", "h.json", "--exercise", "e.yml", "--l", "1-18"],
        "there is no option --l: did you mean --labels or --lines?",
    ),
    (["report", "class", "--ex", "e.yml"], "there is no option --ex: did you mean --exercise?"),
    (["--deb", "check", "h.json"], "there is no option --deb: did you mean --debug?"),
]


@pytest.mark.parametrize(("argv", "said"), SHORTENED)
def test_a_shortened_option_is_refused_naming_the_option_meant(argv, said, capsys):
    """argparse took `--label` for `--labels`: a line in the docs or a teacher's script worked by that guess, and
    would stop working the day a new option began the same way. Told at once, with the option meant."""
    from medialit.cli import main as cli

    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    command = "medialit" if argv[0].startswith("-") else f"medialit {argv[0]}"
    assert err.startswith(f"usage: {command}") and "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"{command}: error: {said} Type options in full."


SAMPLE_CLASS = ROOT / "notebooks" / "sample_class.py"


def test_the_sample_class_script_takes_its_options_in_full_and_says_what_each_is_for(tmp_path):
    """notebooks/sample_class.py, which makes the class notebooks/class-report.ipynb reads, parses as medialit
    does: "--stu 3" is not taken for --students 3, and `--help` says what every option is for."""
    result = subprocess.run(
        [sys.executable, str(SAMPLE_CLASS), "--stu", "3", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and not result.stdout
    assert result.stderr.strip().splitlines()[-1] == (
        "sample_class.py: error: there is no option --stu: did you mean --students? Type options in full."
    )
    spec = importlib.util.spec_from_file_location("sample_class", SAMPLE_CLASS)
    sample_class = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample_class)
    actions = sample_class.build_parser()._actions
    assert len(actions) > 1 and [a.dest for a in actions if not a.help] == []


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["check", "h.json", "--exercise", "e.yml", "--lable", "claim"],
            "there is no option --lable: did you mean --labels?",
        ),
        (["report", "class", "--foo"], "there is no option --foo; `medialit report --help` lists the options."),
        # after `--` every word is a file name, and an option's name there is no misspelt option
        (["check", "--", "-h.json", "--exercise", "e.yml"], "unrecognized arguments: --exercise e.yml"),
    ],
)
def test_a_mistyped_option_is_named_with_the_closest_one_or_the_help_to_read(argv, said):
    result = run(*argv)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith(f"error: {said}")


# Each command with what it cannot do without, so that an option added after it is the only mistake.
COMMANDS = {
    "check": ["h.json"],
    "validate": ["e.yml"],
    "new": ["a.txt", "--id", "x", "--title", "T"],
    "suggest": ["a.txt"],
    "report": ["class"],
    "export": ["h.json", "--to", "brat"],
}


def _options_of_commands() -> dict[str, list[str]]:
    import argparse

    from medialit.cli.main import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    return {
        name: sorted(o for o in command._option_string_actions if o.startswith("--"))
        for name, command in commands.items()
    }


OPTIONS = _options_of_commands()


def test_each_command_is_given_what_it_cannot_do_without():
    from medialit.cli.main import build_parser

    assert set(COMMANDS) == set(OPTIONS)
    for command, needs in COMMANDS.items():
        build_parser().parse_args([command, *needs])


@given(
    st.sampled_from([(c, o) for c, options in OPTIONS.items() for o in options if o != "--help"]), st.integers(3, 30)
)
def test_every_shortened_option_of_every_command_is_refused_naming_it(command_option, length):
    import contextlib
    import io

    from medialit.cli.main import build_parser

    command, option = command_option
    shortened = option[: min(length, len(option) - 1)]
    assume(shortened not in OPTIONS[command])  # a shorter option of its own
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit):
        build_parser().parse_args([command, *COMMANDS[command], shortened])
    said = err.getvalue().strip().splitlines()[-1]
    assert said.startswith(f"medialit {command}: error: there is no option {shortened}: did you mean ")
    assert option in said and said.endswith("? Type options in full.")


def test_validate_counts_the_key_in_words_that_agree_with_each_number(tmp_path):
    """The counts as a person would write them, "1 claim, 2 sources, 1 distractor": not "1 distractors"."""
    article = "Jo Lee said the pool was unsafe. Tom Kay said it was safe.\n"
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    item = "  - {{id: {id}, label: {label}, quote: {quote}, why: W, hints: [H]{attrs}}}\n"
    key = "".join(
        item.format(id=i, label=label, quote=quote, attrs=attrs)
        for i, label, quote, attrs in [
            ("c1", "claim", "the pool was unsafe", ", attrs: {kind: fact, voice: reporter}"),
            ("s1", "source", "Jo Lee", ", attrs: {identity: named}"),
            ("s2", "source", "Tom Kay", ", attrs: {identity: named}"),
        ]
    )
    distractor = "distractors:\n  - {id: d1, quote: said, occurrence: 1, labels: [claim], why: W}\n"
    text = f"id: mini\ntitle: Mini\narticle: article.txt\nkey:\n{key}{distractor}"
    (tmp_path / "exercise.yml").write_text(text, encoding="utf-8")
    result = run("validate", tmp_path / "exercise.yml")
    assert result.stdout.splitlines()[0].endswith(": 1 claim, 2 sources, 1 distractor."), result.stdout + result.stderr
