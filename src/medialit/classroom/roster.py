"""A teacher's roster: a CSV file of pseudonym and student ID, joined into the gradebook.

`src/js/classroom/roster.js` is this module step for step, so that `medialit report --roster` and the
class-report page read a roster the same way and make the same gradebook (a test compares them). The
first row may name the columns; otherwise the first column is the pseudonym and the second the ID.
A problem names its row as the spreadsheet numbers it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import InputError
from ..core.files import MB, Kind, decode_utf8, read_bytes
from ..core.messages import counted

ROSTER = Kind("roster file", 2 * MB, "give a CSV file with a pseudonym and a student ID on each row.")
# The words of a first row that names the columns ("Pseudonym", "Student ID", "Student name", "Student number"):
# a cell with an ID word is the ID's column; of the others, one with a pseudonym word, or else a name word.
ID_WORDS = ("id", "number", "no")
PSEUDONYM_WORDS = ("pseudonym", "nickname")
NAME_WORDS = ("name", "student")
# what to do about a row that could not be used (roster.js says the same)
MISSING_FIX = {
    "student ID": "Add the student's ID to that row.",
    "pseudonym": "Add the name the student put on their hand-in to that row.",
}
AGAIN_FIX = "If they are two students, give each a name of their own, on the roster and on their hand-in."
# a roster that is not text: most often the spreadsheet's own file chosen instead of a CSV (roster.js too)
NOT_TEXT = "this is not a CSV text file (UTF-8); it may be a spreadsheet's own file, such as .xlsx."
NOT_TEXT_FIX = "save the roster from your spreadsheet as CSV (UTF-8) and use that file."
# a roster that is text, in another character set than UTF-8: what Excel's plain "CSV (Comma delimited)" saves on
# Windows when a name has an accented letter (roster.js too); the teacher did save a CSV, so they are told which
# choice of Save As makes it UTF-8
OTHER_CHARSET = (
    'this line holds a letter saved in another character set than UTF-8, as Excel\'s "CSV (Comma delimited)" '
    "saves an accented letter (é, ë, ñ), so the names could not be read as they are written."
)
OTHER_CHARSET_FIX = (
    'save the roster again as "CSV UTF-8 (Comma delimited)" (in Excel: File, Save As, and that file type; in '
    'LibreOffice: Save As, tick "Edit filter settings", and choose the character set "Unicode (UTF-8)"), then use '
    "that file."
)
# bytes no text file holds (a control character other than tab, line feed and carriage return): a file with
# none of them that is not UTF-8 is text in another character set
_NOT_IN_TEXT = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SEPARATORS = (",", ";", "\t")  # between cells, the first of these that a roster's first line holds
# a roster that cannot be read as a whole: the words of the problem on a line, and what to do (roster.js too)
NUL_CHARACTER = (
    "this line holds a NUL character (a zero byte), which a CSV text file never holds: the file may be saved as "
    "UTF-16 (a spreadsheet's \"Unicode Text\") or be another program's own file."
)
UNCLOSED = (
    'a quotation mark (") opens a cell on this line and is never closed, so every line after it would be read '
    "as part of that one cell."
)
UNCLOSED_FIX = (
    "add the closing quotation mark at the end of that cell (or delete the opening one), then use the file again."
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class RosterRefused(ValueError):
    """A roster that cannot be used at all: where (`line N`), what is wrong, and the fix (roster.js's too)."""

    def __init__(self, place: str, problem: str, fix: str):
        super().__init__(f"{place}: {problem}")
        self.place, self.problem, self.fix = place, problem, fix


def _line(body: str, offset: int) -> str:
    """`line N` of a place in a roster's text, as an editor numbers lines (CR LF, CR and LF each end one)."""
    return f"line {len(_LINE_BREAK.findall(body, 0, offset)) + 1}"


def csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """The rows of a CSV text, each with its number as a spreadsheet shows it (blank rows count, and are left
    out) (RFC 4180: quoted cells may hold commas, quotes and line breaks). The
    separator is the first of comma, semicolon and tab that the first line holds: some spreadsheets
    save CSV with semicolons, and "Text (Tab delimited)" or cells pasted into an editor have tabs.

    Written out by hand rather than with the csv module, so that it reads a badly made file exactly as
    roster.js does: the same rows give the same gradebook on the page and from the command line.
    A NUL character, or a quotation mark that opens a cell and is never closed, is refused (`RosterRefused`)
    with its line: read on, the rest of the file would be lost in one cell or in cells no name matches."""
    body = text.removeprefix("\ufeff")
    nul = body.find("\x00")
    if nul >= 0:
        raise RosterRefused(_line(body, nul), NUL_CHARACTER, NOT_TEXT_FIX)
    first_line = _LINE_BREAK.split(body, maxsplit=1)[0]
    sep = next((sep for sep in SEPARATORS if sep in first_line), ",")
    rows: list[list[str]] = []
    row: list[str] = []
    cell, quoted, i, opened = "", False, 0, 0
    while i < len(body):
        ch = body[i]
        if quoted:
            if ch == '"' and body[i + 1 : i + 2] == '"':
                cell += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell += ch
        elif ch == '"' and cell == "":
            quoted, opened = True, i
        elif ch == sep:
            row.append(cell)
            cell = ""
        elif ch in "\n\r":
            if ch == "\r" and body[i + 1 : i + 2] == "\n":
                i += 1
            row.append(cell)
            rows.append(row)
            row, cell = [], ""
        else:
            cell += ch
        i += 1
    if quoted:
        raise RosterRefused(_line(body, opened), UNCLOSED, UNCLOSED_FIX)
    if cell != "" or row:
        row.append(cell)
        rows.append(row)
    return [(n, r) for n, r in enumerate(rows, 1) if any(_trim(c) for c in r)]


# What JavaScript's String.trim() strips (Python's str.strip() takes more: \x1c-\x1f and \x85 too).
JS_SPACE = " \t\n\v\f\r\xa0\u1680\u202f\u205f\u3000\ufeff\u2028\u2029" + "".join(map(chr, range(0x2000, 0x200B)))


def _trim(text: str) -> str:
    """A cell without the white space at its ends, as roster.js trims it."""
    return text.strip(JS_SPACE)


def _named_columns(first_row: list[str]) -> tuple[int, int]:
    """The pseudonym's and the ID's columns that a first row names, or -1 for one it does not name."""
    words = [re.findall(r"[^\W_]+", _trim(cell).lower()) for cell in first_row]
    number = next((n for n, w in enumerate(words) if any(word in ID_WORDS for word in w)), -1)
    others = [n for n in range(len(words)) if n != number]
    name = next((n for n in others if any(word in PSEUDONYM_WORDS for word in words[n])), -1)
    if name < 0:
        name = next((n for n in others if any(word in NAME_WORDS for word in words[n])), -1)
    return name, number


def read_roster(text: str) -> tuple[dict[str, str], list[str]]:
    """The roster in a CSV text: pseudonym -> student ID, and what could not be used, in words; a text that
    cannot be used at all is refused (`RosterRefused`)."""
    rows = csv_rows(text)
    if not rows:
        return {}, ["The roster file is empty."]
    name, number = _named_columns(rows[0][1])
    named = name >= 0 and number >= 0
    if not named:
        name, number = 0, 1
    roster: dict[str, str] = {}
    problems: list[str] = []
    for line, row in rows[1:] if named else rows:
        who = _trim(row[name]) if name < len(row) else ""
        student_id = _trim(row[number]) if number < len(row) else ""
        if not who or not student_id:
            missing = "student ID" if who else "pseudonym"
            problems.append(f"Row {line} of the roster has no {missing}; it was left out. {MISSING_FIX[missing]}")
        elif who in roster:
            problems.append(f"Row {line} of the roster names {who} again; the first row was kept. {AGAIN_FIX}")
        else:
            roster[who] = student_id
    return roster, problems


def roster_count(students: int) -> str:
    """What the roster gave, in a few words: `Roster: 1 student.`, `Roster: 30 students.`"""
    return f"Roster: {counted(students, 'student')}."


UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def roster_text(raw: bytes, path: str | Path) -> str:
    """A roster file's text: UTF-8, or UTF-16 that says so with its byte-order mark (a spreadsheet's "Unicode
    Text", which a teacher picks for names with accents; roster.js's rosterText reads the same files)."""
    encoding = UTF16_BOMS.get(raw[:2])
    if encoding:
        try:
            return raw[2:].decode(encoding)
        except UnicodeDecodeError:
            raise InputError(str(path), "", NOT_TEXT, NOT_TEXT_FIX, "not-utf8") from None
    return decode_utf8(raw, path, ROSTER)


def not_text_words(raw: bytes) -> tuple[str, str]:
    """What a roster that `roster_text` cannot read is told, and the fix: text in another character set (no byte
    that only another program's own file holds), or not text at all (roster.js's notText)."""
    if raw[:2] not in UTF16_BOMS and _NOT_IN_TEXT.search(raw) is None:
        return OTHER_CHARSET, OTHER_CHARSET_FIX
    return NOT_TEXT, NOT_TEXT_FIX


def load_roster(path: str | Path) -> tuple[dict[str, str], list[str]]:
    """A roster file (UTF-8 or UTF-16 with its mark, at most 2 MB); one that cannot be read is refused with
    the reason."""
    raw = read_bytes(path, ROSTER)
    try:
        text = roster_text(raw, path)
    except InputError as err:
        if err.code != "not-utf8":
            raise
        raise InputError(str(path), err.place, *not_text_words(raw), err.code) from None
    try:
        return read_roster(text)
    except RosterRefused as err:
        raise InputError(str(path), err.place, err.problem, err.fix, "not-csv") from None
