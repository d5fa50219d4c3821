"""What the `medialit` command prints: nothing from a file reaches the terminal raw.

Text from files (ids, quotes, pseudonyms, file names) can hold escape sequences that recolour or
retitle a terminal, bidirectional overrides that reorder a line, or line breaks that forge a line
of their own ("Note: all good"). `one_line` turns line breaks into spaces and writes the rest out
(`\\u001b`) in each message; `SafeStream` writes them out in whatever else is printed, keeping tabs
and line breaks.
"""

from __future__ import annotations

import re

from ..core.errors import visible

LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text) -> str:
    """A message on one terminal line, whatever its parts hold."""
    return visible(LINE_BREAKS.sub(" ", str(text)), keep="\t")


class SafeStream:
    """A text stream that writes unsafe characters out and never fails on the terminal's encoding."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        safe = visible(text, keep="\t\n")
        try:
            self._stream.write(safe)
        except UnicodeEncodeError:
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            self._stream.write(safe.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def __getattr__(self, name):  # flush, fileno, isatty, encoding ... as the stream has them
        return getattr(self._stream, name)
