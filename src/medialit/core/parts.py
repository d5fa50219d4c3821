"""Which mention of a source a chapter's part asks for, when the source's first mention is before it.

The key asks for each source once: its first mention is required, later ones optional. A chapter that
shows only some lines (`:lines: 76-198`) may start after that first mention, and then it would never ask
for the source at all, though a claim in its lines comes from it (Medvedev: L42, then "said Medvedev"
in L100). In such a part, the first mention in its lines that a required claim there is linked to is
asked for instead, with a reason and a hint from the message table (`why_message`: each reader's words
are filled in where the reason is shown). Its other mentions in the part are listed with it (`mentions`):
the checker counts a tag on one of them for it, since they name the same source.
`src/js/core/parts.js` is this module in JavaScript; the shared vectors hold both to the same Reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .exercise import KeyItem


def first_mentions_asked(
    whole: list[KeyItem], part: list[KeyItem], covers: Callable[[int, int], bool]
) -> list[KeyItem]:
    """`part` (the key items in a part's lines, in key order) with the first mention in the part of each
    source asked for elsewhere in `whole` made required there, if a required claim in the part is linked
    to that mention, listing the part's other mentions of that source (`mentions`, in article order).
    The part's other items are the same objects."""
    required: dict[str, KeyItem] = {}  # each source asked for somewhere, by its first required mention
    for k in sorted(whole, key=lambda k: k.start):
        if k.label == "source" and not k.optional:
            required.setdefault(k.who, k)
    asked = {k.who for k in part if k.label == "source" and not k.optional}
    claims_of: dict[str, KeyItem] = {}
    for claim in whole:
        if claim.label == "claim" and not claim.optional and covers(claim.start, claim.end):
            for source_id in claim.source_ids or ():
                claims_of.setdefault(source_id, claim)
    chosen: dict[str, KeyItem] = {}
    for k in sorted(part, key=lambda k: k.start):
        if k.label == "source" and k.who in required and k.who not in asked and k.id in claims_of:
            chosen.setdefault(k.who, k)
    if not chosen:
        return part
    promoted = {}
    by_start = sorted(part, key=lambda k: k.start)
    for who, k in chosen.items():
        args = {"quote": k.quote, "line": k.line, "named": required[who].quote, "claim": claims_of[k.id].line}
        promoted[k.id] = replace(
            k,
            optional=False,
            why="",
            hints=(),
            why_message={"code": "part-first-mention", "args": args},
            mentions=tuple(m.id for m in by_start if m.label == "source" and m.who == who and m is not k),
        )
    return [promoted.get(k.id, k) for k in part]
