"""One kind of error for bad input, so that every front door can show it without a traceback."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError(Exception):
    """Bad input from a person: names the file, the place in it, what is wrong and how to fix it."""

    file: str
    place: str
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.place}" if self.place else self.file
        return f"{where}: {self.problem} Fix: {self.fix}"


@dataclass
class Finding:
    """A problem inside a file that does not stop the rest of it from loading (an orphaned tag, say)."""

    place: str
    problem: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.place}: {self.problem}"
        return f"{text} Fix: {self.fix}" if self.fix else text
