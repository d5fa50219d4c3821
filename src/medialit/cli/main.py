"""The `medialit` command. Exit codes: 0 all well, 1 findings to look at, 2 bad input."""
from __future__ import annotations

import argparse
import json
import os
import sys

from .instructor import add_subcommands
from ..core.errors import InputError


def _check(args) -> int:
    from ..core.handin import load_handin
    from ..core.check import check
    from ..core.exercise_file import load_exercise
    from .feedback_text import report_text

    exercise = load_exercise(args.exercise)
    handin = load_handin(args.handin, exercise)
    report = check(handin, exercise, labels=args.labels.split(",") if args.labels else None,
                   difficulty=args.difficulty, lines=args.lines)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(report_text(report, reveal=args.reveal), end="")
    return 0 if report.scores["all"]["f1"] == 1.0 and not handin.findings else 1


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
    summary = ", ".join(f"{n} {label}" for label, n in counts.items()) or "no key items"
    print(f"{args.exercise}: {summary}, {len(exercise.distractors)} distractors.")
    for finding in findings:
        print(f"  - {finding}")
    print("No findings." if not findings else f"{len(findings)} finding(s).")
    return 1 if findings else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medialit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check a student's hand-in file against the exercise key")
    p.add_argument("handin", help="the hand-in .json file")
    p.add_argument("--exercise", required=True, help="the exercise.yml file")
    p.add_argument("--labels", help="only these labels, comma-separated (e.g. claim,source)")
    p.add_argument("--difficulty", choices=["guided", "standard", "challenge"])
    p.add_argument("--lines", type=_lines, help="only this part of the article, e.g. 1-18 (as a chapter's Tagger)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--reveal", action="store_true", help="show the answer for items not found")
    p.set_defaults(run=_check)
    p = sub.add_parser("validate", help="check an exercise file and list what still needs work")
    p.add_argument("exercise", help="the exercise.yml file")
    p.set_defaults(run=_validate)
    add_subcommands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        print(f"medialit: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output went into `head` or the like, which stopped reading early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit flush is quiet
        return 141


if __name__ == "__main__":
    sys.exit(main())
