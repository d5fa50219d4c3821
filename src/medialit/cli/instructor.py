"""The instructor commands: `medialit new | suggest | report | export` (added to the main parser by main.py)."""

from __future__ import annotations

import argparse
import gc
import json
import os
from pathlib import Path

from ..authoring.confidence import DEFAULT_MIN_CONFIDENCE
from ..core.errors import InputError
from ..core.messages import counted
from .terminal import one_line

SHOWN = 10  # skipped files and orphans printed; all of them are in the CSV files


def _new(args) -> int:
    from ..authoring.new_exercise import create_exercise
    from ..authoring.suggest import load_pipeline
    from ..core.files import exists

    if args.no_toc:
        toc = None
    elif args.toc:  # a path given by hand must be a table of contents: create_exercise says so if it is not
        toc = Path(args.toc)
    else:  # the one beside the book folder, if there is one
        toc = Path(args.book).resolve().parent / "_toc.yml"
        toc = toc if exists(toc) else None
    made = create_exercise(
        args.article,
        args.id,
        args.title,
        book=args.book,
        nlp=load_pipeline(args.pipeline),
        min_confidence=args.min_confidence,
        toc=toc,
    )
    drafts = (
        f"{made.drafted} drafted key item{'' if made.drafted == 1 else 's'}, each with a drafted why and hints"
        if made.drafted
        else "no drafted key items: the suggester found nothing to draft, so add the key by hand"
    )
    print(
        one_line(
            f"Made {made.folder}/ with article.txt and exercise.yml ({drafts}), and the chapter page {made.chapter}."
        )
    )
    if made.toc:
        print(one_line(f"Added the chapter to {_from_here(made.toc)} ({made.toc_line})."))
    else:
        print("Add this line to _toc.yml under a `chapters:` list, or the book leaves the chapter out:")
        print(f"  {one_line(made.toc_line)}")
    print(
        one_line(
            f"Next: review the drafts on {made.author_page} (for you only, not in _toc.yml): build it with "
            f"`jupyter-book build {made.author_page}` and open the page it names."
        )
    )
    print(
        one_line(
            f"`medialit validate {made.exercise_file}` lists what is left; the book build warns while any "
            "drafts remain."
        )
    )
    return 0


def _from_here(path: Path) -> Path:
    """`path` as the instructor types it, relative to where they run the command when it is below it,
    like the other paths `medialit new` prints (the table of contents is found by its full path)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


def _suggest(args) -> int:
    from ..authoring.suggest import load_pipeline, suggest
    from ..core.article import Article

    article = Article.from_file(args.article)
    labels = args.labels.split(",") if args.labels else None
    found = suggest(article, load_pipeline(args.pipeline), labels=labels, min_confidence=args.min_confidence)
    if args.json:
        print(json.dumps([s.to_json() for s in found], ensure_ascii=False, indent=1))
    else:
        for s in found:
            attrs = ", ".join(f"{k}={v}" for k, v in s.attrs.items())
            print(one_line(f"L{s.line:<4} {s.label:<7} {s.confidence:.2f} “{s.quote}”  [{attrs}]  — {s.reason}"))
        print(f"{len(found)} suggestions. They are drafts: check each one before it goes into a key.")
    return 0


def _print_roster(report, problems: list[str]) -> None:
    """What the roster gave: the rows that could not be used, and the students on it with no hand-in."""
    from ..classroom.roster import roster_count
    from ..classroom.tables import NOT_ON_ROSTER, NOT_ON_ROSTER_WORDS, no_handin, not_on_roster

    if report.roster is None:
        return
    print(one_line(f"{roster_count(len(report.roster))} {' '.join(problems)}".strip()))
    missing = no_handin(report.summary, report.roster)
    if missing:
        print(
            one_line(f"On the roster, but no hand-in: {', '.join(missing)} (rows marked no hand-in in gradebook.csv).")
        )
    unknown = not_on_roster(report.summary, report.roster)
    if unknown:
        print(one_line(f"{NOT_ON_ROSTER_WORDS} {', '.join(unknown)} (student ID “{NOT_ON_ROSTER}” in gradebook.csv)."))


def _report(args) -> int:
    from ..classroom import tables
    from ..classroom.class_report import class_report, default_helpers
    from ..classroom.roster import load_roster
    from ..classroom.spreadsheet_ids import changed_ids, changed_ids_words
    from ..classroom.tally import PARTLY_READ
    from ..core.chapters import find_chapter
    from ..core.exercise_file import load_exercise

    require_exercise(args, "the class did")
    labels, lines, difficulty, chapter = args.labels, args.lines, None, None
    exercise_file = args.exercise
    if args.chapter:
        page, tagger = find_chapter(args.book, args.chapter, args.exercise)
        exercise_file = exercise_file or tagger.exercise
        labels = labels or list(tagger.labels) or None
        lines = lines or tagger.lines
        difficulty, chapter = tagger.difficulty, {"name": page.name, "title": page.title}
    exercise = load_exercise(exercise_file)
    exercise.restricted(labels, lines)  # unknown labels and lines outside the article are refused here
    roster, roster_problems = load_roster(args.roster) if args.roster else (None, [])
    # The libraries and the exercise last as long as this command: frozen, they are left out of the
    # collector's full passes, which otherwise rescan them again and again while a big class is read.
    gc.freeze()
    out = (
        Path(args.out)
        if args.out
        else Path(args.handins).resolve().parent
        / (f"{exercise.id}-{chapter['name']}-class-report" if chapter else f"{exercise.id}-class-report")
    )
    _check_report_folder(out, Path(args.handins), args.force)
    report = class_report(
        args.handins, exercise, labels, lines, difficulty, chapter, helpers=args.jobs or default_helpers()
    )
    report.roster = roster
    gc.freeze()  # and so does the class's summary, which the tables and the page are made from
    written = report.save(out)
    summary = report.summary
    for sentence in report.sentences():
        print(one_line(sentence))
    if report.students:
        for item in tables.most_missed(summary, 3):
            print(
                one_line(
                    f"  most missed: “{item['quote']}” (L{item['line']}), found by "
                    f"{item['hit'] + item['boundary']} of {len(report.students)}"
                )
            )
        print(
            one_line(
                f"Report in {out} ({len(written)} files): open report.html; gradebook.csv has one row per student."
            )
        )
        if changed := changed_ids(summary, roster):
            print(one_line(changed_ids_words(changed)))
    else:
        fix = report.words().render(tables.nothing_yet(summary), "fix")
        print(one_line(f"The files were read from {args.handins}, for exercise {exercise.id!r}. Fix: {fix}"))
        listed = tables.left_out_title(summary)[0]  # "Folders read only in part" were not left out
        print(one_line(f"{out / 'report.html'} and {out / 'problems.csv'} list the {listed[0].lower()}{listed[1:]}."))
    _print_roster(report, roster_problems)
    if report.skipped:
        print(
            one_line(
                f"{report.words().render(tables.left_out_message(report.skipped))}"
                f"{_first_few(len(report.skipped))}, listed in {out / 'problems.csv'}:"
            )
        )
        for skipped in report.skipped[:SHOWN]:
            where = f"{skipped['place']}: " if skipped["place"] else ""
            what = "read in part" if skipped["code"] == PARTLY_READ else "left out"
            print("  " + one_line(f"{what} {skipped['file']}: {where}{skipped['problem']} Fix: {skipped['fix']}"))
    for same in summary["same_names"]:
        print("  " + one_line(f"check the name {same['student']}: {same['problem']} Fix: {same['fix']}"))
    if report.orphans:
        students = len({o["student"] for o in report.orphans})
        rows = tables.left_out_rows(summary)  # one a reason in each hand-in, as report.html has them
        print(
            one_line(
                f"{counted(len(report.orphans), 'tag or answer', 'tags or answers')} left out of "
                f"{counted(students, 'hand-in that was used', 'hand-ins that were used')}"
                f"{_first_few(len(rows))}, listed in {out / 'problems.csv'}:"
            )
        )
        for student, where, problem, fix in rows[:SHOWN]:
            print("  " + one_line(f"left out of {student}'s hand-in: {where}: {problem} Fix: {fix}"))
    return 1 if report.skipped or report.orphans or summary["same_names"] else 0


def _check_report_folder(out: Path, handins: Path, force: bool) -> None:
    """Refuse, before the class is read, a report folder that is the hand-ins' folder or inside it (its files
    would be read as hand-ins next time), and one that holds other files than a report's, unless --force."""
    from ..classroom.class_report import REPORT_FILES
    from ..core.files import is_folder

    try:
        real_out, real_handins = out.resolve(), handins.resolve()
    except (OSError, RuntimeError):
        return  # a name that cannot be looked at: writing there fails with its own message
    if real_out == real_handins or real_handins in real_out.parents:
        raise InputError(
            str(out),
            "--out",
            f"the report would be written among the hand-in files in {handins}, and read as hand-ins next time.",
            "give --out a folder outside the hand-ins' folder, such as class-report/.",
            "out-in-handins",
        )
    if force or not is_folder(out):
        return  # a file there is refused when the report is saved; a missing folder is made
    try:
        others = sorted(p.name for p in out.iterdir() if p.name not in REPORT_FILES and not p.name.startswith("."))
    except OSError:
        return
    if others:
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise InputError(
            str(out),
            "--out",
            f"this folder holds other files than a class report ({shown}); nothing was written.",
            "give --out a new or empty folder, or add --force to write the report's files into this one "
            "(files of the same names are replaced).",
            "exists",
        )


def _first_few(count: int) -> str:
    return f" (the first {SHOWN} below)" if count > SHOWN else ""


def _exercise_for(handin_path: Path, given: str | None):
    """The exercise a hand-in is checked or exported against: `--exercise`, or else the exercise of
    the same id among the folders under book/exercises/. The hand-in's `exercise` text is only
    compared with those folders' names; a path is never built from it."""
    from ..core.errors import visible
    from ..core.exercise_file import load_exercise
    from ..core.files import HANDIN, is_folder, read_text
    from ..core.handin import read_json

    if given:
        return load_exercise(given)
    data = read_json(read_text(handin_path, HANDIN), str(handin_path))
    exercise_id = data.get("exercise") if isinstance(data, dict) else None
    book = Path("book") / "exercises"
    known = {p.name: p / "exercise.yml" for p in (book.iterdir() if is_folder(book) else []) if is_folder(p)}
    if exercise_id not in known:
        named = f"it is for exercise '{visible(exercise_id)}', " if isinstance(exercise_id, str) and exercise_id else ""
        where = (
            f"which is not among the exercises in {book}/"
            if known
            else f"and there is no {book}/ folder here to look for it in (run the command in the book's folder)"
        )
        raise InputError(
            str(handin_path),
            "`exercise`",
            f"cannot tell which exercise this hand-in belongs to: {named}{where}.",
            "add --exercise path/to/exercise.yml.",
        )
    return load_exercise(known[exercise_id])


def _export(args) -> int:
    from ..core.exercise_file import load_exercise
    from ..core.files import is_folder
    from ..core.handin import load_handin
    from ..interchange.export import SUFFIX, export, tags_of_key

    source = Path(args.input)
    if source.suffix in (".yml", ".yaml"):
        exercise = load_exercise(source)
        tags, name, findings = tags_of_key(exercise), exercise.id, []
    else:
        exercise = _exercise_for(source, args.exercise)
        handin = load_handin(source, exercise)
        tags, name, findings = handin.tags, f"{exercise.id}-{source.stem}", handin.findings
    default = f"{name}{SUFFIX[args.to]}"
    out = Path(args.out) if args.out else Path(default)
    if is_folder(out) or (args.out or "").endswith(("/", os.sep)):  # a folder, there or to be made
        out = out / default
    if _same_file(out, source):
        raise InputError(
            str(out),
            "--out",
            "the export would replace the very file it reads, even with --force.",
            "give --out another file name, or a folder to write into.",
        )
    written = export(
        tags,
        exercise.article,
        args.to,
        out,
        name,
        labels=exercise.labels,
        all_labels=args.all_labels,
        replace=args.force,
    )
    for path in written:
        print(one_line(f"wrote {path}"))
    for finding in findings:
        print(f"  left out: {one_line(finding)}")
    return 1 if findings else 0


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (False when either cannot be looked at)."""
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def _label_list(value: str) -> list[str]:
    from ..core.chapters import parse_labels

    return parse_labels(value)


def _lines(value: str) -> tuple[int, int]:
    from ..core.exercise import parse_lines

    try:
        return parse_lines(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes: give a whole number from 1 to 64.")
    return int(value)


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a confidence: give a number from 0 to 1, such as 0.6.")
    return number


def _drafting_options(p) -> None:
    """The options `new` and `suggest` share: which spaCy pipeline drafts, and how sure a draft must be."""
    p.add_argument(
        "--pipeline",
        help="a spaCy pipeline (an installed name or a saved folder), or 'blank' "
        "(default: a trained English one if installed)",
    )
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"leave out drafts less certain than this, 0 to 1 (default {DEFAULT_MIN_CONFIDENCE})",
    )


def require_exercise(args, done: str) -> None:
    """A command that reads hand-ins needs their exercise (--exercise, or --chapter's own). Told as any other
    mistake in the options is, by the command's usage and its name ("medialit report: error: ..."), since no file
    is at fault."""
    if not args.exercise and not args.chapter:
        args.parser.error(
            f"the command needs to know which exercise {done}. Fix: add --exercise path/to/exercise.yml, "
            "or --chapter NAME (the chapter's own exercise)."
        )


def add_subcommands(subparsers, parents: list) -> None:
    p = subparsers.add_parser("new", parents=parents, help="start a new exercise from an article, with a drafted key")
    p.add_argument("article", help="the article as a UTF-8 text file")
    p.add_argument("--id", required=True, help="exercise id: lowercase letters, digits and dashes")
    p.add_argument("--title", required=True, help="the chapter title")
    p.add_argument("--book", default="book", help="the book folder (default: book)")
    _drafting_options(p)
    p.add_argument("--toc", help="the _toc.yml to add the chapter to (default: the one beside the book folder)")
    p.add_argument("--no-toc", action="store_true", help="do not change _toc.yml")
    p.set_defaults(run=_new)

    p = subparsers.add_parser(
        "suggest", parents=parents, help="list draft key suggestions for an article, with reasons"
    )
    p.add_argument("article", help="the article as a UTF-8 text file")
    p.add_argument("--labels", help="only these labels, comma-separated (claim,source,loaded,cue)")
    _drafting_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=_suggest)

    p = subparsers.add_parser("report", parents=parents, help="a class report from a folder of hand-in files")
    p.add_argument("handins", help="the folder with the students' hand-in files")
    p.add_argument("--exercise", help="the exercise.yml file (with --chapter: the chapter's own, if left out)")
    p.add_argument(
        "--chapter",
        help="only what this chapter's Tagger asks for (its lines and labels), e.g. "
        "claims or 03-claims; read from the book's pages",
    )
    p.add_argument("--labels", type=_label_list, help="only these labels, comma-separated (e.g. claim,source)")
    p.add_argument("--lines", type=_lines, help="only this part of the article, e.g. 1-18")
    p.add_argument("--book", default="book", help="the book folder, for --chapter (default: book)")
    p.add_argument("--jobs", type=_jobs, help="how many processes share a big class (default: one per core)")
    p.add_argument(
        "--roster",
        help="a CSV file of pseudonym and student ID: the gradebook gets the IDs, and a row for each student "
        "on it with no hand-in",
    )
    p.add_argument(
        "--out",
        help="folder for the CSV files, summary.json and report.html (a previous report there is replaced; "
        "default: EXERCISE-class-report beside the hand-ins folder)",
    )
    p.add_argument("--force", action="store_true", help="write into an --out folder that holds other files too")
    p.set_defaults(run=_report, parser=p)

    p = subparsers.add_parser("export", parents=parents, help="export a hand-in or an exercise key to another format")
    p.add_argument("input", help="a hand-in .json file or an exercise.yml")
    p.add_argument(
        "--to",
        required=True,
        choices=["webanno", "brat", "spacy", "ptc"],
        help="the format: webanno (W3C Web Annotation, .jsonld), brat (.ann, with the article as .txt), "
        "spacy (a spaCy DocBin, .spacy) or ptc (SemEval's propaganda techniques, .tsv)",
    )
    p.add_argument("--exercise", help="the exercise.yml (for a hand-in; found under book/exercises/ if left out)")
    p.add_argument(
        "--out",
        help="the file (or folder) to write (default: in the folder you run the command in, named after the "
        "exercise and the hand-in, e.g. kremlin-drone-alex.jsonld, or the exercise alone)",
    )
    p.add_argument(
        "--all-labels",
        action="store_true",
        help="ptc: write claims, sources and cues too (PTC itself knows only loaded words)",
    )
    p.add_argument("--force", action="store_true", help="replace files that already exist")
    p.set_defaults(run=_export)
