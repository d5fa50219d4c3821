"""The `medialit` command: check a student's hand-in, make a class report, build a new exercise.

Type a command's name and --help to see what it needs, e.g. `medialit check --help`. Type options in full,
as --help shows them: --labels, not --label.

Exit codes: 0 all well, 1 findings to look at, 2 bad input (one message naming the file, the place
and the fix), 3 a bug in medialit (a short request to report it; `--debug` shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from contextlib import contextmanager

from ..core.contract import DIFFICULTIES
from ..core.errors import InputError, listed, problems_of
from ..core.messages import AUDIENCES, agreeing, counted
from .instructor import add_subcommands, require_exercise
from .options import FullOptionParser
from .terminal import SafeStream, one_line

OK, FINDINGS, BAD_INPUT, BUG = 0, 1, 2, 3
INPUT_ARGUMENTS = ("handin", "exercise", "handins", "input", "article")


def _check(args) -> int:
    from ..core.chapters import find_chapter
    from ..core.check import check
    from ..core.exercise_file import load_exercise
    from ..core.handin import load_handin
    from .feedback_text import report_text

    require_exercise(args, "the hand-in is for")
    labels = args.labels.split(",") if args.labels else None
    lines, difficulty, exercise_file = args.lines, args.difficulty, args.exercise
    if args.chapter:  # what that chapter's Tagger asks for: its labels, lines and level
        _, tagger = find_chapter(args.book, args.chapter, args.exercise)
        exercise_file = exercise_file or tagger.exercise
        labels = labels or list(tagger.labels) or None
        lines = lines or tagger.lines
        difficulty = difficulty or tagger.difficulty
    exercise = load_exercise(exercise_file)
    handin = load_handin(args.handin, exercise)
    report = check(handin, exercise, labels=labels, difficulty=difficulty, lines=lines)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(report_text(report, exercise, args.audience, reveal=args.reveal), end="")
    for finding in handin.answer_findings:  # written answers are not checked, but one that cannot be read is said
        print(one_line(f"written answer left out: {finding}"), file=sys.stderr if args.json else sys.stdout)
    return OK if report.scores["all"].f1 == 1.0 and not report.orphans and not handin.answer_findings else FINDINGS


def _lines(value: str) -> tuple[int, int]:
    from ..core.exercise import parse_lines

    try:
        return parse_lines(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _validate(args) -> int:
    from ..core.exercise_file import load_exercise, validation_findings

    exercise = load_exercise(args.exercise)
    findings = validation_findings(exercise)
    counts = {}
    for item in exercise.key:
        counts[item.label] = counts.get(item.label, 0) + 1
    nouns = {name: (spec.noun_or_title, spec.plural_or_noun) for name, spec in exercise.labels.items()}
    summary = ", ".join(counted(n, *nouns.get(label, (label, None))) for label, n in counts.items()) or "no key items"
    print(one_line(f"{args.exercise}: {summary}, {counted(len(exercise.distractors), 'distractor')}."))
    for finding in findings:
        print(f"  - {one_line(finding)}")
    print("No findings." if not findings else f"{counted(len(findings), 'finding')}.")
    return FINDINGS if findings else OK


def build_parser() -> argparse.ArgumentParser:
    common = FullOptionParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the traceback when medialit fails with a bug (exit code 3)",
    )
    parser = FullOptionParser(
        prog="medialit", description=__doc__, parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    p = sub.add_parser("check", parents=[common], help="check a student's hand-in file against the exercise key")
    p.add_argument("handin", help="the hand-in .json file")
    p.add_argument("--exercise", help="the exercise.yml file (with --chapter: the chapter's own, if left out)")
    p.add_argument(
        "--chapter", help="check only what this chapter's Tagger asks for (its labels, lines and level), e.g. claims"
    )
    p.add_argument("--book", default="book", help="the book folder, for --chapter (default: book)")
    p.add_argument("--labels", help="only these labels, comma-separated (e.g. claim,source)")
    p.add_argument(
        "--difficulty", choices=DIFFICULTIES, help="check at this level (default: the one the exercise file sets)"
    )
    p.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="student",
        help="plain words for a student (the default) or precise words and scores for a teacher",
    )
    p.add_argument("--lines", type=_lines, help="only this part of the article, e.g. 1-18 (as a chapter's Tagger)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--reveal", action="store_true", help="show the answer for items not found")
    p.set_defaults(run=_check, parser=p)
    p = sub.add_parser("validate", parents=[common], help="check an exercise file and list what still needs work")
    p.add_argument("exercise", help="the exercise.yml file")
    p.set_defaults(run=_validate)
    add_subcommands(sub, [common])
    return parser


@contextmanager
def _safe_output():
    """stdout and stderr that write control characters out, for as long as the command runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _print_input_error(err: InputError) -> None:
    """The problem, or every problem found in one reading (a list a teacher works through at once)."""
    problems = problems_of(err)
    if len(problems) == 1:
        print(f"medialit: {one_line(err)}", file=sys.stderr)
        return
    files = list(dict.fromkeys(problem.file for problem in problems))
    found = f"{counted(len(problems), 'problem')} in {' and '.join(files)}"
    print(one_line(f"medialit: {found}; each with its line and fix:"), file=sys.stderr)
    for line in listed(problems):
        print(f"  - {one_line(line)}", file=sys.stderr)


def _bug(args, err: BaseException) -> int:
    """A short message for a failure that is medialit's fault, not the user's (the traceback with --debug)."""
    if getattr(args, "debug", False):
        traceback.print_exc()
    files = [str(getattr(args, name)) for name in INPUT_ARGUMENTS if getattr(args, name, None)]
    with_files = f" and the {agreeing(len(files), 'file')} it read ({', '.join(files)})" if files else ""
    print(
        one_line(
            f"medialit: this is a bug in medialit, not a problem with your input ({type(err).__name__}). "
            f"Please report it, with the command you ran{with_files}. Run the command again with --debug "
            "to see the details."
        ),
        file=sys.stderr,
    )
    return BUG


def _skip_unused_format_grammar() -> None:
    """jsonschema checks the `iri` format with rfc3987_syntax when that is installed (Jupyter installs
    it), and importing it builds a grammar: most of a second at every command's start. medialit's
    schemas use no format, and this process is the command's own, so jsonschema is left without it."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str] | None = None) -> int:
    _skip_unused_format_grammar()
    parser = build_parser()
    with _safe_output():
        args = parser.parse_args(argv)
        if args.command is None:  # `medialit` alone: what it can do, not only "arguments are required"
            parser.print_help(sys.stderr)
            return BAD_INPUT
        try:
            return args.run(args)
        except InputError as err:
            _print_input_error(err)
            return BAD_INPUT
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # the output went into `head` or the like, which stopped reading early
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit flush is quiet
            return 141
        except Exception as err:
            return _bug(args, err)


if __name__ == "__main__":
    sys.exit(main())
