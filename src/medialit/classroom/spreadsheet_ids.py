"""The pseudonyms and student IDs a spreadsheet would change when it opens a CSV file of the report.

The CSV files keep every pseudonym and ID as written, for the programs and gradebook imports that read them. But a
spreadsheet (Excel, LibreOffice Calc, Google Sheets) that opens a CSV file reads a cell that looks like a number, a
date or a time as one, and shows it its own way: 07 as 7, 3-4 as a date, 1E5 and a 16-digit ID as other numbers.
The report names such values under the table of students, with how to import the file as text. The rule errs
towards naming a value: the advice costs nothing where a spreadsheet would have kept it.
`src/js/classroom/spreadsheet_ids.js` is this module step for step (a test holds the two the same).
"""

from __future__ import annotations

import re

from .tables import and_list, no_handin

SHOWN = 3  # the values named; the rest are counted
# what a spreadsheet reads as a number: digits with a decimal point or not, and a power of ten or not (1E5)
_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?")
# a number as a spreadsheet writes it back (with its length, at most 11 characters: Excel's General format shows a
# longer one in exponent form, and keeps 15 digits): no 0 before the first digit but in 0.5, no 0 at the end of a
# fraction, no power of ten
_AS_WRITTEN = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?")
_WRITTEN_LENGTH = 11
_ZERO_LED = re.compile(r"0[0-9]+")
_LONG = re.compile(r"[0-9]{12,}")
# numbers joined by one of - / . (3-4, 1/2, 12-2025, 4.3.2025), which a spreadsheet reads as a date when they
# could be one: groups of 1, 2 or 4 digits, at most one of 4 (a year), one that could be a month (1 to 12)
_NUMBERS_JOINED = re.compile(r"([0-9]+)([-/.])([0-9]+)(?:\2([0-9]+))?")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
_MONTH += r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# a month by its name with a number (may-3, 3 May, Jan 2025, may 3, 2025); ASCII letters only, in any case
_NAMED_DATE = re.compile(
    rf"{_MONTH}[-/ ][0-9]{{1,4}}(?:[-/ ,]+[0-9]{{1,4}})?|[0-9]{{1,4}}[-/ ]{_MONTH}(?:[-/ ][0-9]{{1,4}})?",
    re.ASCII | re.IGNORECASE,
)
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2})?(?: ?[ap]m)?", re.ASCII | re.IGNORECASE)
# what a spreadsheet makes of each kind of value, as the report says it
_READ_AS = {"zero": "a number", "long": "a number", "number": "a number", "date": "a date", "time": "a time"}
_BECOMES = {
    "zero": lambda value: f"{value} becomes {value.lstrip('0') or '0'}",
    "long": lambda value: f"{value} is shown rounded",
    "number": lambda value: f"{value} is written another way",
    "date": lambda value: f"{value} becomes a date",
    "time": lambda value: f"{value} becomes a time of day",
}


def _could_be_a_date(value: str) -> bool:
    joined = _NUMBERS_JOINED.fullmatch(value)
    if not joined:
        return False
    groups = [group for group in (joined[1], joined[3], joined[4]) if group is not None]
    return (
        all(len(group) in (1, 2, 4) for group in groups)
        and sum(len(group) == 4 for group in groups) <= 1
        and any(1 <= int(group) <= 12 for group in groups)
    )


def spreadsheet_reading(value: str) -> str | None:
    """How a spreadsheet that opens a CSV file changes `value`: "zero" (a number led by 0, which it drops),
    "long" (12 digits or more, shown rounded), "number" (another number it writes another way: 1E5, 1.50), "date"
    or "time"; None when it keeps the value as written (Ana, fox-07, 7, 0.5)."""
    if _NUMBER.fullmatch(value):
        if _ZERO_LED.fullmatch(value):
            return "zero"
        if _LONG.fullmatch(value):
            return "long"
        return None if _AS_WRITTEN.fullmatch(value) and len(value) <= _WRITTEN_LENGTH else "number"
    if _could_be_a_date(value) or _NAMED_DATE.fullmatch(value):
        return "date"
    return "time" if _TIME.fullmatch(value) else None


def changed_ids(summary: dict, roster: dict[str, str] | None) -> list[str]:
    """The gradebook's pseudonyms and student IDs that a spreadsheet would change, in its order (names in name
    order, each followed by its ID), each once."""
    names = sorted([s["student"] for s in summary["students"]] + no_handin(summary, roster))
    values = [value for name in names for value in (name, (roster or {}).get(name, ""))]
    return [value for value in dict.fromkeys(values) if spreadsheet_reading(value)]


def changed_ids_words(values: list[str]) -> str:
    """What a teacher does about those values, under the table of students (and from `medialit report`): which they
    are, what a spreadsheet makes of them (one example of each kind), and how to keep them as written."""
    named = values[:SHOWN] + ([f"{len(values) - SHOWN} more"] if len(values) > SHOWN else [])
    first = {}  # each kind's first value, in the order of the values
    for value in values:
        first.setdefault(spreadsheet_reading(value), value)
    nouns = list(dict.fromkeys(_READ_AS[kind] for kind in first))  # a number, a date or a time
    read_as = f"{', '.join(nouns[:-1])} or {nouns[-1]}" if len(nouns) > 1 else nouns[0]
    examples = [_BECOMES[kind](value) for kind, value in first.items()]
    return (
        f"Pseudonyms and student IDs that a spreadsheet would change ({and_list(named)}): a spreadsheet that opens a "
        f"CSV file of this report reads each as {read_as}, not as text ({and_list(examples)}). The files keep them "
        "as written. To keep them in a spreadsheet too, import the file instead (in Excel: Data, then From Text/CSV; "
        "in LibreOffice: the Text Import window) and set the pseudonym and student ID columns to Text."
    )
