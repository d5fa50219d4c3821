"""The class summary as tables a teacher can open in a spreadsheet: the gradebook, the key items, the
misconceptions per student, the written answers and notes, and the problems with files.

`src/js/classroom/tables.js` is this module step for step: the class-report page downloads the same
CSV text as `medialit report` writes (a test compares them on the sample class). Every text cell is
made safe for a spreadsheet the same way in both (`spreadsheet_cell`).
"""

from __future__ import annotations

import csv
import io
import math

from ..core.contract import CLASS_TABLES, MISCONCEPTIONS
from ..core.errors import visible
from ..core.messages import Message, Renderer, counted, number
from .tally import PARTLY_READ

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# under the table of students, on the class-report page (tables.js) and in report.html
COMPLETION_WORDS = (
    "Completion is the share of the key items asked for that the student found, all labels together. "
    "Tags on the key is how many of the student's tags match a key item: a student who tags every word "
    "finds much but has few tags on the key, so read the two together."
)
# the caption of the table beside the table of students: what each student's tags showed and what they wrote
STUDENT_WORK = "Each student's misconceptions, notes and answers"
# before the heat map's shades of 10%, 50% and 100% (heat_view.js and report.html)
SHADES_WORDS = "The share of the students who tagged a word:"
# the heat map's counts, shown on request so that a phone or a keyboard needs no hover (heat_view.js, report.html)
COUNTS_WORDS = (
    "Tick Show the counts to see how many students tagged each run of shaded words, in brackets after it "
    "(heat.csv has each word's count)."
)
SHOW_COUNTS = "Show the counts"  # the box that shows them
# the table of every key item's columns (tables.js, report.html); short headings, so that the table fits a laptop's
# book column, and under it what the counts count
EVERY_ITEM = ["Line", "Words", "Label", "Asked", "Found by", "Other label"]
EVERY_ITEM_WORDS = (
    "Found by and Other label count students. Other label: students who tagged the item's words with another label."
)
# its column of the students whose tag on a mention of a source counted for the mention of it that is asked for,
# so that an item's figures add up to the class with them
ELSEWHERE_HEADER = "At another mention"
NONE_MISSED = "Every student found every required item here."
ELSEWHERE_WORDS = (
    "At another mention: students who tagged this mention of a source, where the chapter asks for another mention "
    "of the same source. Their tag counts for that one, so here it is neither found nor missed."
)
NO_HANDIN = "no hand-in"  # the gradebook's file cell for a student on the roster whose hand-in is not here
# the student ID cell of a hand-in whose name the roster does not have (often a name typed two ways): a blank
# cell would look like a student without an ID, and a gradebook joined on IDs would lose the row unseen
NOT_ON_ROSTER = "not on the roster"
# the first column of the table of students with a roster: each student's ID under the pseudonym, so that the table
# keeps a laptop's book column (a column of its own for the ID made it scroll sideways) (tables.js, report.html)
STUDENT_AND_ID = "Student and ID"
# before those students' names, under the table of students (tables.js, report.html, medialit report)
NOT_ON_ROSTER_WORDS = "Handed in, but not on the roster (check that the name is written the same way in both):"
# the problems tables' last two headings (files left out, names used twice, tags and answers left out), and the
# heading of where in a used hand-in a thing was left out (tables.js, report.html): the page and report.html had
# "Why, What to do" and "Problem, Fix" for the same cells
WHY_AND_FIX = ["Why", "What to do"]
WHERE = "Where"
# before the key to the columns of each student's misconceptions (tables.js, report.html)
MISCONCEPTION_KEY = "Each column counts how many times a student did this in their tags:"
# what a teacher taps on a phone to open that key, folded there so that the table follows its summary (tables.js)
MISCONCEPTION_KEY_SUMMARY = "What each column counts"
# the table of names more than one hand-in uses (tables.js, report.html)
SAME_NAMES = "Names used by more than one hand-in (each hand-in is counted)"


def completion(found: int, asked: int) -> int | None:
    """Found of asked as a whole percentage, halves rounded up; None when nothing was asked. (Tags on the
    key of all tags is made the same way.)"""
    return math.floor(found / asked * 100 + 0.5) if asked else None


def and_list(words: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}" if words else ""


def keyed_labels(summary: dict) -> list[str]:
    """The labels measured that have key items in the lines measured: an exercise without labels of its own
    has all four, but its key may have no cues at all, and a report that names cues would say it measured
    them. (All the labels measured when none has an item.)"""
    keyed = {item["label"] for item in summary["items"]}
    return [label for label in summary["labels"] if label in keyed] or list(summary["labels"])


def read_in_part(skipped: list[dict]) -> int:
    """How many folders were read only in part."""
    return sum(1 for s in skipped if s.get("code") == PARTLY_READ)


def left_out(skipped: list[dict]) -> str:
    """What was left out, in words: "2 files", "1 file and 1 folder", "1 folder". A folder that could not be
    opened is listed with the files left out (its name ends with "/"), but it is not a file; a folder read in part
    is listed there too, but not all of it was left out (`read_in_part`)."""
    folders = sum(1 for s in skipped if s["file"].endswith("/")) - read_in_part(skipped)
    files = len(skipped) - folders - read_in_part(skipped)
    words = [counted(files, "file")] if files or not folders else []
    return " and ".join([*words, *([counted(folders, "folder")] if folders else [])])


def left_out_message(skipped: list[dict]) -> Message:
    """What was left out and what was read in part, as `medialit report` and the page's status line say it."""
    args = {"left": left_out(skipped), "partly": counted(read_in_part(skipped), "folder")}
    return Message(f"class-left-out{skipped_variant(skipped)}", args)


def skipped_variant(skipped: list[dict]) -> str:
    """Which words what was skipped calls for, as a code's variant: ":partly-only" when every folder or file listed
    was read in part (nothing was left out: "Left out: 0 files" said so of a report that counted them all),
    ":partly" when some were read in part and more was left out, ":folders" when a folder that could not be opened
    is among what was left out (a folder is not a file), "" when only files were."""
    partly = read_in_part(skipped)
    if partly:
        return ":partly-only" if partly == len(skipped) else ":partly"
    return ":folders" if any(s["file"].endswith("/") for s in skipped) else ""


def left_out_title(summary: dict) -> tuple[str, str]:
    """The title of the list of what was left out or read in part, and its first column's heading: a folder is not
    a file, and a folder read in part was not left out (it was titled "Files and folders left out")."""
    title, words = Message(f"class-left-out-title{skipped_variant(summary['skipped'])}", {}), Renderer({}, "teacher")
    return words.render(title), words.render(title, "short")


def nothing_yet(summary: dict) -> Message | None:
    """When no hand-in could be used: that there is nothing to report yet, and why (each file read was left
    out); None when there is something to report. A report of zeros would read as a class that found nothing."""
    if summary["students"]:
        return None
    skipped = summary["skipped"]
    files, variant = len(skipped), skipped_variant(skipped)
    if variant:
        left = {"left": left_out(skipped), "partly": counted(read_in_part(skipped), "folder")}
        return Message(f"class-nothing{variant}", {"files": files, **left})
    return Message("class-nothing:one" if files == 1 else "class-nothing", {"files": files})


def scope_messages(summary: dict, plurals: dict[str, str]) -> list[Message]:
    """What the report measures and how the class did, per label, as messages for teachers (or only that
    there is nothing to report yet)."""
    nothing = nothing_yet(summary)
    if nothing:
        return [nothing]
    n = len(summary["students"])
    skipped = summary["skipped"]
    left = {"skipped": len(skipped), "left": left_out(skipped), "partly": counted(read_in_part(skipped), "folder")}
    out = [Message(f"class-students{skipped_variant(skipped)}", {"students": n, **left})]
    labels = and_list([plurals[label] for label in keyed_labels(summary)])
    if summary["lines"]:
        first, last = summary["lines"]
        code = "class-scope-lines" if summary["chapter"] else "class-scope-lines:chosen"  # by --lines, not a chapter
        out.append(Message(code, {"first": first, "last": last, "labels": labels}))
    else:
        out.append(Message("class-scope", {"labels": labels}))
    for label in summary["labels"]:
        found = sum(s["found"][label] for s in summary["students"])
        asked = sum(s["asked"][label] for s in summary["students"])
        if asked:
            out.append(label_found(label, found, asked, summary["students"]))
    return out


def label_found(label: str, found: int, asked: int, students: list[dict]) -> Message:
    """How much of a label the class found, with what the two totals count: "302 of 576" alone did not say that 576
    is the items asked for times the students (every student is asked for the same items)."""
    code = "class-label-found:one" if len(students) == 1 else "class-label-found"
    each, n = students[0]["asked"][label], len(students)
    return Message(
        code, {"label": label, "found": found, "asked": asked, "share": found / asked, "students": n, "each": each}
    )


def counted_elsewhere(summary: dict) -> bool:
    """Whether some student's tag on a key item counted for another mention of its source: only then do the table of
    every key item and report.html show how many, with what it means (ELSEWHERE_WORDS)."""
    return any(i["counted_elsewhere"] for i in summary["items"])


def most_missed(summary: dict, count: int = 10) -> list[dict]:
    """The required key items the fewest students found (fewest first, then by line): only those some student
    missed, so a class that found everything is told so (NONE_MISSED), not shown items "found by 1 of 1"."""
    students = len(summary["students"])
    required = [
        (n, i) for n, i in enumerate(summary["items"]) if not i["optional"] and i["hit"] + i["boundary"] < students
    ]
    required.sort(key=lambda pair: (pair[1]["hit"] + pair[1]["boundary"], pair[1]["line"], pair[0]))
    return [i for _, i in required[:count]]


def no_handin(summary: dict, roster: dict[str, str] | None) -> list[str]:
    """The roster's students with no hand-in used, in the roster's order."""
    handed_in = {s["student"] for s in summary["students"]}
    return [name for name in roster or {} if name not in handed_in]


def not_on_roster(summary: dict, roster: dict[str, str] | None) -> list[str]:
    """The students whose hand-in was used but whose name the roster does not have, in name order."""
    return [s["student"] for s in summary["students"] if roster is not None and s["student"] not in roster]


def gradebook(summary: dict, plurals: dict[str, str], roster: dict[str, str] | None = None) -> list[list]:
    """One row per student: pseudonym, (their ID from a roster), file, tags, found and asked per label the key
    has items of, in all, completion %, and how many tags are on the key (and what share of the tags):
    completion alone would give a student who tags every word 100%. A student on the roster with no hand-in
    has a row too, its file "no hand-in" and its figures blank, so that the gradebook has every student of
    the class (all in name order); a hand-in whose name is not on the roster has "not on the roster" for its ID."""
    labels, columns = keyed_labels(summary), CLASS_TABLES["gradebook"]
    student, *first = columns["first"]
    header = [student, *(["student ID"] if roster is not None else []), *first]
    for label in labels:
        header += [f"{plurals[label]} {column}" for column in columns["each_label"]]
    header += columns["last"]
    rows = []
    for s in summary["students"]:
        row = [s["student"], *([roster.get(s["student"], NOT_ON_ROSTER)] if roster is not None else []), s["file"]]
        row.append(s["tags"])
        for label in labels:
            row += [s["found"][label], s["asked"][label]]
        found = sum(s["found"][label] for label in labels)
        asked = sum(s["asked"][label] for label in labels)
        rows.append(row + [found, asked, completion(found, asked), s["on_key"], completion(s["on_key"], s["tags"])])
    for name in no_handin(summary, roster):
        rows.append([name, roster[name], NO_HANDIN, *([None] * (len(header) - 3))])
    return [header, *sorted(rows, key=lambda row: row[0])]


def items(summary: dict) -> list[list]:
    """One row per key item in scope: how many students found it, and how (no rows when no hand-in was used). Each
    student is in one of hit, boundary, wrong_label, missed and counted_elsewhere (tagged, and counted for another
    mention of the same source), so they add up to students; counted_elsewhere is last, added after the others."""
    rows = [list(CLASS_TABLES["items"])]
    n = len(summary["students"])
    for i in summary["items"] if n else []:
        rows.append(
            [
                i["key_id"],
                i["line"],
                i["label"],
                i["quote"],
                not i["optional"],
                i["hit"] + i["boundary"],
                i["hit"],
                i["boundary"],
                i["wrong_label"],
                i["missed"],
                n,
                i["why"],
                i["counted_elsewhere"],
            ]
        )
    return rows


def misconception_names() -> list[str]:
    """Each misconception's few words for a column of misconceptions.csv, as each student's misconceptions name them
    (`short` in messages.json: "reported speech as a quote", not the code `reporter-as-quoted`)."""
    words = Renderer({}, "teacher")
    return [words.render(Message(f"misconception-{rule['kind']}", {}), "short") for rule in MISCONCEPTIONS]


def misconception_columns(summary: dict) -> list[tuple[str, str, str]]:
    """The columns of the table of each student's misconceptions, one for each misconception some student showed:
    its kind, its heading in a few words (`head` in messages.json) and the whole sentence, for the key beside the
    table (tables.js's misconceptionColumns). A heading's title shows only under a mouse: on a touch screen and on
    paper the key is all that says what "Trap" counts."""
    words = Renderer({}, "teacher")
    kinds = [rule["kind"] for rule in MISCONCEPTIONS]
    shown = [kind for kind in kinds if any(s["misconceptions"][kind] for s in summary["students"])]
    messages = [(kind, Message(f"misconception-{kind}", {})) for kind in shown]
    return [(kind, words.render(message, "head"), words.render(message)) for kind, message in messages]


def misconceptions(summary: dict) -> list[list]:
    """One row per student: how many times each misconception showed in their tags, under the teacher's words
    for each."""
    kinds = [rule["kind"] for rule in MISCONCEPTIONS]
    rows = [["student", *misconception_names()]]
    rows += [[s["student"], *(s["misconceptions"][kind] for kind in kinds)] for s in summary["students"]]
    return rows


def written(summary: dict) -> list[list]:
    """Every written answer, then every note on a tag: who, where, the question or the words, the text."""
    rows = [list(CLASS_TABLES["answers"])]
    rows += [[a["student"], "answer", a["id"], a["question"], a["text"]] for a in summary["answers"]]
    rows += [[n["student"], "note", f"L{n['line']} {n['label']}", n["quote"], n["note"]] for n in summary["notes"]]
    return rows


def problems(summary: dict) -> list[list]:
    """Files left out, then names that more than one hand-in uses (nothing left out: for the teacher to
    check), then tags and answers left out of hand-ins that were used."""
    rows = [list(CLASS_TABLES["problems"])]
    rows += [[s["file"], "file", s["place"], s["problem"], s["fix"], s["code"]] for s in summary["skipped"]]
    rows += [[s["student"], "nothing", s["place"], s["problem"], s["fix"], s["code"]] for s in summary["same_names"]]
    rows += [[o["student"], "part", o["place"], o["problem"], o["fix"], o["code"]] for o in summary["orphans"]]
    return rows


def left_out_rows(summary: dict) -> list[list[str]]:
    """The tags and answers left out of the hand-ins used as the report's table shows them (report.html, the page,
    `medialit report`): student, where, why, what to do, one row per reason (problem code) in each hand-in, in the
    order each reason first comes. A hand-in with 100,000 broken tags made a table of 100,000 rows. The row's words
    are those of the first left out for that reason, its place named with how many more are like it ("tag 2 (t1)
    and 99,999 more like it"); they have the same fix. problems.csv keeps a row for each, to filter and count."""
    groups: dict[tuple[str, str], list] = {}  # (student, code) -> [the first left out for it, how many]
    for o in summary["orphans"]:
        group = groups.setdefault((o["student"], o["code"]), [o, 0])
        group[1] += 1
    return [[o["student"], more_like_it(o["place"], n), o["problem"], o["fix"]] for o, n in groups.values()]


def more_like_it(place: str, n: int) -> str:
    """Where `n` tags or answers left out for one reason are: the first's place, and how many more."""
    return place if n == 1 else f"{place} and {number(n - 1)} more like it"


def spreadsheet_cell(value) -> str:
    """One cell as a CSV file holds it: blank for nothing, yes/no, whole numbers as they are, and text
    with control characters written out (`\\u001b`; tabs and line breaks stay, inside quotes) and a
    leading apostrophe where a spreadsheet would run it as a formula (`=HYPERLINK(...)`, `+1`, `@x`)."""
    if value is None:
        return ""
    if value is True or value is False:
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    text = visible(str(value), keep="\t\n")
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _cells(row: list) -> list[str]:
    """A row's cells as `spreadsheet_cell` makes them; text that needs nothing done (most) is only looked at."""
    return [
        c if type(c) is str and c.isprintable() and not c.startswith(FORMULA_STARTS) else spreadsheet_cell(c)
        for c in row
    ]


def csv_text(rows: list[list]) -> str:
    """RFC 4180 CSV: a cell with a comma, a quotation mark or a line break is quoted; lines end in CRLF.
    That is the csv module's minimal quoting, which writes a big class's tables in C."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(map(_cells, rows))
    return out.getvalue()


TABLES = {
    "gradebook.csv": gradebook,
    "items.csv": items,
    "misconceptions.csv": misconceptions,
    "answers.csv": written,
    "problems.csv": problems,
}
