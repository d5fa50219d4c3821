"""A key's quotes resolved to offsets in the article, with messages that show the article.

A person writes a span as the words it holds (`quote:`, with `occurrence:` or `after:` where the words
repeat); Check works on code-point offsets. The resolution is exact, and a quote that does not resolve is
told with what the article has instead: the line break it runs over, the character that cannot be seen
(`unseen_difference`), or the passages really close to it (`closeness`). It is apart from reading the file
(`exercise_file`): it knows the article, and of the file only the fields a span is written with.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable

from .article import Article
from .errors import InputError

_WORD = re.compile(r"\S+")
CLOSE = 0.75  # a passage a typo from a quote is this close: "stranded" to "strandid" 0.88, "sand" to "said" 0.75


def closeness(quote: str, passage: str) -> float:
    """How close `passage` is to `quote`: difflib's ratio (twice the letters that match, in order, over both
    lengths), or 0 when its quick upper bounds already fall short of CLOSE. A passage is really close at
    CLOSE or more; "said" (0.67) and "and" (0.55) are not close to "strandid"."""
    match = difflib.SequenceMatcher(None, quote, passage, autojunk=False)
    return match.ratio() if match.real_quick_ratio() >= CLOSE and match.quick_ratio() >= CLOSE else 0.0


def _looks_like_nothing(ch: str) -> bool:
    """A character that shows as a space or not at all: a no-break space, a tab, a soft hyphen, a zero-width
    space. Text copied from a web page or a word processor holds them where a typed quote has a space."""
    return ch != " " and (ch.isspace() or unicodedata.category(ch) in ("Zs", "Cf"))


def _as_seen(text: str) -> str:
    """`text` as it looks: every kind of space a space, and characters that show as nothing left out."""
    shown = "".join(" " if ch.isspace() else "" if unicodedata.category(ch) == "Cf" else ch for ch in text)
    return re.sub(" +", " ", shown)


def _character(ch: str) -> str:
    if ch == " ":
        return "a space"
    name = {"\t": "tab", "\n": "line break"}.get(ch) or unicodedata.name(ch, "character").lower()
    return f"a {name} (U+{ord(ch):04X})"


def unseen_difference(quote: str, passage: str) -> str | None:
    """Where `quote` and an article's `passage` differ only by a character that cannot be seen, in words
    ("the article has a no-break space (U+00A0) after “Old”, where the quote has a space"); None when they
    differ in what shows, or not at all. Without it, the message showed the two as the same words."""
    if quote == passage or _as_seen(quote) != _as_seen(passage):
        return None
    n = next((n for n, (q, a) in enumerate(zip(quote, passage)) if q != a), min(len(quote), len(passage)))
    in_article, in_quote = passage[n : n + 1], quote[n : n + 1]
    if not _looks_like_nothing(in_article) and in_quote:
        (has, odd), (other, plain) = ("the quote", in_quote), ("the article", in_article)
    else:
        (has, odd), (other, plain) = ("the article", in_article), ("the quote", in_quote)
    words = passage[:n].split()
    where = f"after “{words[-1]}”" if words else "at its start"
    for text, one, other_one in ((passage, "the article", "the quote"), (quote, "the quote", "the article")):
        if text[n : n + 1].isspace() and text[n - 1 : n].isspace():
            return f"{one} has two spaces {where}, where {other_one} has one"
    if unicodedata.category(odd) == "Cf":  # shows as nothing: the other has nothing there
        return f"{has} has {_character(odd)} {where}, which {other} does not have"
    return f"{has} has {_character(odd)} {where}, where {other} has {_character(plain)}"


def _without_stop(text: str, first: int, last: int) -> int:
    """The end of text[first:last] without the stops after it: a key's span ends before its sentence's stop."""
    while last - 1 > first and text[last - 1] in ",.;:!?":
        last -= 1
    return last


class QuoteResolver:
    """Turns `quote` + `occurrence`/`after` into offsets, with messages that show the article."""

    def __init__(self, article: Article):
        self.article = article

    def where(self, offset: int) -> str:
        return f"L{self.article.line_of(offset)}"

    def closest(self, quote: str) -> list[tuple[int, int]]:
        """Up to three passages really close to `quote` (`closeness`), none overlapping another, each inside
        one line of the article, so that it can be copied into `quote:` as it stands. Passages that only
        share a few letters with it (“said” for “strandid”) would send an instructor looking in vain."""
        text = self.article.text
        width = max(1, len(quote.split()))
        starts: dict[str, int] = {}  # a passage -> where it first starts
        for line in re.finditer(r"[^\n]+", text):
            words = [w.span() for w in _WORD.finditer(text, line.start(), line.end())]
            for i in range(max(0, len(words) - width) + 1 if words else 0):
                first, last = words[i][0], words[min(i + width, len(words)) - 1][1]
                last = _without_stop(text, first, last)
                starts.setdefault(text[first:last], first)
        chosen: list[tuple[int, int]] = []
        scored = ((closeness(quote, passage), passage) for passage in starts)
        for _, passage in sorted((found for found in scored if found[0] >= CLOSE), reverse=True):
            span = (starts[passage], starts[passage] + len(passage))
            if len(chosen) < 3 and all(span[1] <= a or b <= span[0] for a, b in chosen):
                chosen.append(span)
        return chosen

    def across_lines(self, quote: str) -> list[tuple[int, int]]:
        """The parts of the article's lines that `quote` is made of when it runs over a line break (an
        article whose paragraphs were joined while the key was written), each without its sentence's stop;
        [] when its words do not stand in the article in a row."""
        words = quote.split()
        found = re.search(r"\s+".join(map(re.escape, words)), self.article.text) if words else None
        if not found or "\n" not in found.group():
            return []
        text, parts = self.article.text, []
        for line in re.finditer(r"[^\n]+", text[found.start() : found.end()]):
            first, last = found.start() + line.start(), found.start() + line.end()
            last = _without_stop(text, first, last)
            if text[first:last].strip():
                parts.append((first, last))
        return parts

    def listed(self, spans: list[tuple[int, int]], joint: str = ", ") -> str:
        """Passages of the article as a message shows them: “words” (L3), one after another."""
        return joint.join(f"“{self.article.text[a:b]}” ({self.where(a)})" for a, b in spans)

    def not_found(self, quote: str, file: str, place: str) -> InputError:
        """The message for a quote that is not in the article: the lines it runs over, or the passages
        really close to it, or, when none is, that none is."""
        listed = self.listed
        parts = self.across_lines(quote)
        if parts:
            return InputError(
                file,
                place,
                f"the quote “{quote}” runs over a line break ({self.where(parts[0][0])} to "
                f"{self.where(parts[-1][0])}): a quote stays within one line.",
                f"quote the words of one line, {listed(parts, ' or ')}; or make an item for each.",
            )
        passages = self.closest(quote)
        for first, last in passages:
            unseen = unseen_difference(quote, self.article.text[first:last])
            if unseen:
                return InputError(
                    file,
                    place,
                    f"the quote “{quote}” is not in the article as it is typed: it looks the same as the words "
                    f"on {self.where(first)}, but {unseen}.",
                    f"copy the quote from {self.article.name} itself, so that it holds the same characters (a web "
                    "page or a word processor puts in characters that look like a space, or like nothing).",
                )
        if passages:
            return InputError(
                file,
                place,
                f"the quote “{quote}” is not in the article; closest passages: {listed(passages)}.",
                "copy the words exactly from the article, curly quotation marks included.",
            )
        return InputError(
            file,
            place,
            f"the quote “{quote}” is not in the article, and no passage in it comes close.",
            f"find the words in {self.article.name} and copy them exactly into `quote:`, curly quotation marks "
            "included.",
        )

    def resolve(
        self, spec, file: str, at: Callable[[str], str], near: tuple[int, int] | None = None
    ) -> tuple[int, int, str]:
        """Offsets of a quote; `near` (an accept variant's main span) picks the occurrence overlapping it. A
        problem is placed at `at(field)`, the field it is about (`quote`, `after`, `occurrence`)."""
        place = at("quote")
        if isinstance(spec, str):
            spec = {"quote": spec}
        quote = spec.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise InputError(
                file, place, "the item has no `quote`.", "copy the exact words from the article into `quote:`."
            )
        quote = str(quote)
        if quote != quote.strip():
            raise InputError(
                file,
                place,
                f"the quote “{quote}” starts or ends with a space.",
                "remove the spaces inside the quotation marks, at its ends.",
            )
        hits = self.article.find_all(quote)
        if not hits:
            raise self.not_found(quote, file, place)
        start = self._start(spec, quote, hits, file, at, near)
        end = start + len(self.article.text[start : start + len(quote)])
        first, last = self.article.whole_words(start, end)
        if (first, last) != (start, end):
            words = self.article.text[first:last]
            raise InputError(
                file,
                place,
                f"the quote “{quote}” cuts a word at {self.where(start)}: the article has “{words}” there, and "
                "students can only tag whole words.",
                f"quote the whole words as the article has them (“{words}”), or other words that stand on their own.",
                "cuts-a-word",
            )
        return start, end, self.article.text[start:end]

    def _start(self, spec, quote: str, hits: list[int], file: str, at: Callable[[str], str], near) -> int:
        """Which of the quote's `hits` is meant: the first after the `after:` words, the `occurrence:`, the
        one overlapping `near`, or the only one."""
        after, occurrence = spec.get("after"), spec.get("occurrence")
        if after is not None:
            start = self._after(quote, hits, after, file, at)
        elif occurrence is not None:
            if len(hits) == 1 and occurrence != 1:
                raise InputError(
                    file,
                    at("occurrence"),
                    f"`occurrence: {occurrence}`, but “{quote}” occurs only once ({self.where(hits[0])}).",
                    "remove `occurrence:`; it is needed only for a quote that occurs more than once.",
                )
            if not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
                raise InputError(
                    file,
                    at("occurrence"),
                    f"`occurrence: {occurrence}` is not between 1 and {len(hits)}.",
                    f"“{quote}” occurs at {', '.join(self.where(h) for h in hits)}.",
                )
            start = hits[occurrence - 1]
        elif near is not None and [h for h in hits if h < near[1] and near[0] < h + len(quote)]:
            start = next(h for h in hits if h < near[1] and near[0] < h + len(quote))
        elif len(hits) > 1:
            raise InputError(
                file,
                at("quote"),
                f"the quote “{quote}” occurs {len(hits)} times ({', '.join(self.where(h) for h in hits)}).",
                'add `occurrence: N` (1 = first) or `after: "words just before it"`.',
            )
        else:
            start = hits[0]
        return start

    def _after(self, quote: str, hits: list[int], after, file: str, at: Callable[[str], str]) -> int:
        """Where the quote first occurs after the `after:` words, which occur once in the article."""
        anchors = self.article.find_all(str(after))
        if not anchors:
            passages = self.closest(str(after))
            raise InputError(
                file,
                at("after"),
                f"the `after:` text “{after}” is not in the article"
                + (
                    f"; closest passages: {self.listed(passages)}."
                    if passages
                    else ", and no passage in it comes close."
                ),
                "copy a few words that stand just before the quote, exactly as the article has them.",
            )
        if len(anchors) > 1:
            raise InputError(
                file,
                at("after"),
                f"the `after:` text “{after}” occurs {len(anchors)} times "
                f"({', '.join(self.where(a) for a in anchors)}).",
                "use a longer `after:` text, or `occurrence:` instead.",
            )
        later = [h for h in hits if h >= anchors[0] + len(str(after))]
        if not later:
            raise InputError(
                file,
                at("after"),
                f"“{quote}” does not occur after “{after}”.",
                "pick `after:` words that come before the quote.",
            )
        return later[0]
