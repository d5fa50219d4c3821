"""Helpers the tests of every article's key share. The voice rule itself (whose words are where, by
the quotation marks) is the library's: `medialit.core.voices`."""

from __future__ import annotations

from medialit.core.voices import values

# Words in a `why` that say a claim is in the paper's words (the voice rule for reported speech).
# The agency-style report of chapter 9 is no newspaper: its key says "the report's words".
PAPERS_WORDS = (
    "paper's words",
    "paper's own words",
    "report's words",
    "in its own words",
    "headline's words",
    "caption's words",
)


def speaks(exercise, claim) -> bool:
    """Whether a claim is attributed to someone who can be said to speak (not only a hidden source)."""
    sources = [exercise.item(s) for s in claim.source_ids or []]
    return any(values(s.attrs.get("identity")) != {"hidden"} for s in sources)


def required_entities(exercise) -> set:
    return {k.entity or k.id for k in exercise.key if k.label == "source" and not k.optional}


def tags_linked_by_entity(exercise, items):
    """Tags that copy key items, each claim linked to the required tag of each of its sources' entities:
    what a student who tags every source once, and links every claim, hands in."""
    from medialit import Tag

    first_of = {}
    for item in items:
        if item.label == "source":
            first_of.setdefault(item.entity or item.id, item.id)
    tags = []
    for item in items:
        attrs = {name: (v[0] if isinstance(v, list) else v) for name, v in item.attrs.items()}
        links = sorted({first_of[exercise.item(s).entity or s] for s in item.source_ids or []})
        tags.append(Tag(item.id, item.label, item.start, item.end, item.quote, attrs, links))
    return tags
