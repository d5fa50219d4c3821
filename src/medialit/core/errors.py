"""One kind of error for bad input, so that every front door can show it without a traceback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
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

    def _render_traceback_(self) -> list[str]:
        """What Jupyter (IPython) shows for this error in place of a traceback: `scannable(...)`."""
        return scannable(problems_of(self))


SHOWN_PROBLEMS = 20  # problems listed at once; the rest are counted ("… and 3 more")
_LINE = re.compile(r"line (\d+)")


class InputProblems(InputError):
    """Several problems found in one reading of a file and the files it includes, each an InputError with its
    own file and place, so that a teacher fixes them all in one go instead of one per run. Its own fields
    are the first problem's: a reader that shows one error shows the first."""

    def __init__(self, problems: list[InputError]):
        first = problems[0]
        super().__init__(first.file, first.place, first.problem, first.fix, first.code, first.message_args)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(listed(self.problems))


def problems_of(err: InputError) -> list[InputError]:
    """Every problem an error holds: the problems of an InputProblems, or the error itself."""
    return list(getattr(err, "problems", [err]))


def listed(problems: list[InputError], limit: int = SHOWN_PROBLEMS) -> list[str]:
    """One line per problem, the first `limit` of them, and a last line that counts the rest."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        rest = len(problems) - limit
        lines.append(f"… and {rest} more {'problem' if rest == 1 else 'problems'}: fix these first and run it again.")
    return lines


def scannable(problems: list[InputError], limit: int = SHOWN_PROBLEMS) -> list[str]:
    """The problems as a list a reader scans: a line that counts them, then under each file its problems,
    numbered, each with its place and what is wrong on one line and its fix on the next; the first `limit`
    of them, and a last line that counts the rest. Jupyter shows an InputError so, not as a traceback."""
    count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
    lines = [f"{count} to fix{', each with its fix' if len(problems) > 1 else ''}:"]
    shown_file = None
    for n, problem in enumerate(problems[:limit], start=1):
        if problem.file != shown_file:
            lines.append(f"{problem.file}:")
            shown_file = problem.file
        where = f"{problem.place}: " if problem.place else ""
        lines += [f"  {n}. {where}{problem.problem}", f"     Fix: {problem.fix}"]
    return lines + listed(problems, limit)[limit:]


class Problems:
    """The problems found so far in reading a file: `collecting()` keeps the InputError its block raises
    and lets the reading go on; `raise_any()` raises them all, in the order of their files and lines."""

    def __init__(self, files: list[str] | None = None):
        self.found: list[InputError] = []
        self.files = files if files is not None else []  # the files in the order their problems are listed

    def __len__(self) -> int:
        return len(self.found)

    @contextmanager
    def collecting(self) -> Iterator[None]:
        try:
            yield
        except InputError as err:
            self.found.extend(problems_of(err))

    def raise_any(self) -> None:
        if not self.found:
            return
        order = {name: n for n, name in enumerate(self.files)}
        line = lambda p: int(m.group(1)) if (m := _LINE.match(p.place)) else 0
        found = sorted(self.found, key=lambda p: (order.get(p.file, len(order)), line(p)))
        raise found[0] if len(found) == 1 else InputProblems(found)


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
