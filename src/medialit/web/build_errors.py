"""Bad input found while the book is built, told as `medialit validate` tells it: every problem of an
exercise file at once, each with its file, line and fix, file names counted from the book's folder. The
list is given once per build; another page that uses the same broken file points to it."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError, listed, problems_of
from ..core.messages import counted


def build_error(directive, name: str, err: InputError):
    """The error a directive raises for bad input: one line for one problem, else a count and a list."""
    root = Path(directive.env.srcdir)

    def short(text: str) -> str:
        return text.replace(f"{root}/", "")

    problems = problems_of(err)
    if len(problems) == 1:
        return directive.error(f"{name}: {short(str(err))}")
    files = " and ".join(dict.fromkeys(short(problem.file) for problem in problems))
    found = f"{counted(len(problems), 'problem')} in {files}"
    app = directive.env.app
    listed_on = getattr(app, "medialit_listed_problems", {})  # this build's lists: (problems) -> the page
    app.medialit_listed_problems = listed_on
    shown = tuple(str(problem) for problem in problems)
    if shown in listed_on:
        return directive.error(f"{name}: {found}, listed for {listed_on[shown]} (`medialit validate` lists them too).")
    listed_on[shown] = directive.env.doc2path(directive.env.docname, False)
    lines = "".join(f"\n  - {short(line)}" for line in listed(problems))
    return directive.error(f"{name}: {found}; each with its line and fix (`medialit validate` lists them too):{lines}")
