"""One kind of error for bad input, so that every front door can show it without a traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .contract import UNSAFE_CHARACTERS


@dataclass
class InputError(Exception):
    """Bad input from a person: names the file, the place in it, what is wrong and how to fix it.

    `code` is a stable kebab-case name for the kind of problem (`not-json`, `too-deep`, ...), the
    same in every reader, so that programs and tests need not match the wording."""

    file: str
    place: str
    problem: str
    fix: str
    code: str = ""
    # the values its message names, so another reader can word it (not `args`: an Exception's own)
    message_args: dict = field(default_factory=dict)

    def __str__(self) -> str:
        where = f"{self.file}: {self.place}" if self.place else self.file
        return f"{where}: {self.problem} Fix: {self.fix}"


@dataclass
class Finding:
    """A problem inside a file that does not stop the rest of it from loading (an orphaned tag, say)."""

    place: str
    problem: str
    fix: str = ""
    code: str = ""
    args: dict = field(default_factory=dict)

    def __str__(self) -> str:
        text = f"{self.place}: {self.problem}"
        return f"{text} Fix: {self.fix}" if self.fix else text


# Characters that must never reach a terminal, a CSV cell or a message as they are: C0 controls
# (tab and newline are kept by `visible(..., keep="\t\n")` only), DEL, C1 controls (ESC and CSI
# sequences recolour, move or retitle a terminal), bidirectional overrides (they reorder what is
# shown), line and paragraph separators, and lone surrogates (no file can hold them).
UNSAFE = re.compile(UNSAFE_CHARACTERS)


def visible(text: str, keep: str = "") -> str:
    """`text` with every unsafe character but those in `keep` written out as `\\uXXXX`, so it shows,
    stays on its line and cannot act on a terminal (`\\u001b` instead of an escape sequence).
    Every unsafe character is one Python does not call printable, so most text is returned at once."""
    if text.isprintable():
        return text
    return UNSAFE.sub(lambda m: m.group() if m.group() in keep else f"\\u{ord(m.group()):04x}", text)
