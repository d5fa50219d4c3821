"""Quotations in an article: where each one opens and closes, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.article import Article

_OPENERS = {"‘": "’", "“": "”", "‚": "’", "„": "”", "«": "»", "'": "'", '"': '"'}


@dataclass(frozen=True)
class QuoteRegion:
    """A stretch between quotation marks, marks included, in code points; depth 0 is outermost."""

    start: int
    end: int
    depth: int
    closed: bool


def quote_regions(article: Article) -> list[QuoteRegion]:
    """Find quotations paragraph by paragraph; a quote left open runs to the paragraph's end."""
    regions: list[QuoteRegion] = []
    text = article.text
    for para in article.paragraphs:
        stack: list[tuple[str, int]] = []
        for at in range(para.start, para.end):
            ch = text[at]
            if ch not in _OPENERS and ch not in "’”»":
                continue
            before = text[at - 1] if at > para.start else " "
            after = text[at + 1] if at + 1 < para.end else " "
            closers = [n for n, (opener, _) in enumerate(stack) if _OPENERS[opener] == ch]
            can_close = closers and not after.isalnum() and not before.isspace()
            if can_close:
                n = closers[-1]
                opened = stack[n][1]
                del stack[n:]
                regions.append(QuoteRegion(opened, at + 1, n, True))
            elif ch in _OPENERS and not before.isalnum() and (after.isalnum() or after in _OPENERS):
                stack.append((ch, at))
        for depth, (_, opened) in enumerate(stack):
            regions.append(QuoteRegion(opened, para.end, depth, False))
    return sorted(regions, key=lambda r: (r.start, r.depth))
