"""The parser of every medialit command: options are typed in full, and a mistyped one is named with the one meant.

argparse takes a shortened option as the one it begins (`--label` as `--labels`): a line in the docs or in a
teacher's script worked by that guess, and stopped working the day a new option began the same way. Told at once,
with the option meant, the fix is one word.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys

# What an option typed on the command line looks like: one or two dashes and a letter (not a negative number, nor
# `--` alone, after which every word is a file name).
TYPED_OPTION = re.compile(r"--?[A-Za-z][^=]*")


def meant_options(typed: str, options: list[str]) -> list[str]:
    """The options someone who typed `typed` may have meant: those it begins (a shortened option), or else the
    closest in spelling (a typo)."""
    longer = [option for option in options if option.startswith(typed)]
    names = {option.lstrip("-"): option for option in options}  # spelt alike in their words, not their dashes
    return longer or [names[name] for name in difflib.get_close_matches(typed.lstrip("-"), names, n=1)]


def unknown_option_message(typed: str, options: list[str], prog: str) -> str:
    meant = meant_options(typed, options)
    if not meant:
        return f"there is no option {typed}; `{prog} --help` lists the options."
    said = f"there is no option {typed}: did you mean {' or '.join(meant)}?"
    return f"{said} Type options in full." if meant[0].startswith(typed) else said


class FullOptionParser(argparse.ArgumentParser):
    """An ArgumentParser that takes no shortened option and names the option meant. Its subcommands' parsers are
    of the same class (argparse makes them so), so each command tells its own options in its own name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, allow_abbrev=False, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        """An unknown option stops here, in the command it was typed for: left to argparse, a command's unknown
        option reached `medialit` itself, which said only "unrecognized arguments"."""
        parsed, rest = super().parse_known_args(args, namespace)
        words = list(sys.argv[1:] if args is None else args)
        options_part = words[: words.index("--")] if "--" in words else words  # after `--`, all are file names
        for word in rest:
            typed = TYPED_OPTION.match(word)
            if typed and word in options_part and typed.group() not in self._option_string_actions:
                options = sorted(option for option in self._option_string_actions if option.startswith("--"))
                self.error(unknown_option_message(typed.group(), options, self.prog))
        return parsed, rest
