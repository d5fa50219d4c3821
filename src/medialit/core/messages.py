"""Check's codes turned into sentences, from the one message table Python and JavaScript share.

The checker returns data only (verdict codes, findings as `{code, args}`); this module and its
twin `src/js/core/messages.js` fill the templates of `data/messages.json`. Which codes a report
entry gives (`item_codes`, `tag_codes`) is decided here too, so both languages say the same.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources

from .contract import MESSAGES_FORMAT, QUOTE_MARKS, WHITE_SPACE
from .labels import LabelSpec
from .report import ItemResult, TagResult

AUDIENCES = ("student", "teacher")
FIELD = re.compile(r"\{([a-z0-9_]+)(?:\|([a-zA-Z]+))?\}")
QUOTE_LIMIT = 60
CUT_PUNCTUATION = " ,;:"  # dropped before the ellipsis of a cut quotation
ENDS_WORDS = 3  # the words shown of each end of a key quote too long to show whole


def agreeing(n: int, one: str, many: str | None = None) -> str:
    """The words in the number that agrees with `n`, as the page and the Tagger write them (messages.js's
    counted): `one` for one, else `many` (by default `one` + "s")."""
    return one if n == 1 else many or f"{one}s"


def number(n: int) -> str:
    """A count as a person reads it, its thousands apart: "100,000" (messages.js's number). Never for a file
    name, an id, a line number or a CSV cell, which keep their digits as they are."""
    return f"{n:,}"


def counted(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun in the number that agrees with it: "1 file", "2 files", "100,000 tags"."""
    return f"{number(n)} {agreeing(n, one, many)}"


def _load_table() -> dict:
    data = json.loads(resources.files("medialit.data").joinpath("messages.json").read_text(encoding="utf-8"))
    assert data["format"] == MESSAGES_FORMAT, "messages.json has another format than the library expects"
    return data


_DATA = _load_table()
TABLE: dict[str, dict[str, str]] = _DATA["messages"]
# A hand-in's, a tag's or an answer's fields in each reader's words: a student reads what the field holds
# ("the list of its sources"), a teacher its name too ("links to sources (source_ids)").
FIELD_WORDS: dict[str, dict[str, str]] = _DATA["fields"]
# The fields that are counts, written bare with their thousands apart ("Hand-ins used: 100,000"); the table names
# them, as no value tells a count from a line number or a span's position.
COUNTS: frozenset[str] = frozenset(_DATA["counts"])


@dataclass(frozen=True)
class Message:
    """One sentence to show: its code and the values its template names."""

    code: str
    args: dict


def shortened(text: str, limit: int) -> str:
    """`text` cut to `limit` code points with an ellipsis; the cut falls after a whole word when the
    second half of what is kept has a space, so no word is shown half ("on t…"). messages.js's too."""
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    space = kept.rfind(" ")
    if space >= limit // 2:
        kept = kept[:space]
    return f"{kept.rstrip(CUT_PUNCTUATION)}…"


def in_marks(text: str) -> bool:
    """Whether words open and close with quotation marks already (a quoted claim, scare quotes)."""
    return len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS


def quoted(text: str) -> str:
    """In curly quotation marks, shortened to 60 code points; words in quotation marks already are not put
    in a second pair."""
    return text if in_marks(text) and len(text) <= QUOTE_LIMIT else f"“{shortened(text, QUOTE_LIMIT)}”"


def choice_words(value: str) -> str:
    """One of a label's choices as a reader sees it: `interested-party` is "interested party"."""
    return value.replace("-", " ")


def percent(share: float) -> str:
    """A share 0..1 as a whole percentage, halves rounded up (the same in both languages)."""
    return f"{math.floor(share * 100 + 0.5)}%"


def entry_of(code: str) -> dict[str, str]:
    """The table's entry for `code`, or for the longest shorter code (`a:b:c`, then `a:b`, then `a`)."""
    parts = code.split(":")
    for n in range(len(parts), 0, -1):
        entry = TABLE.get(":".join(parts[:n]))
        if entry is not None:
            return entry
    raise KeyError(f"no message for code {code!r}")


def problem_message(code: str, args: dict) -> Message:
    """The message for a hand-in problem (a refusal or a tag left out): `handin-<code>`, with the
    variant its arguments call for."""
    variant = {
        "bad-field": args.get("field"),
        "bad-source-link": "not-source" if args.get("target_label") else None,
        "unreadable": "moved" if args.get("moved") else None,  # a browser's file moved since it was given
    }
    extra = variant.get(code)
    return Message(f"handin-{code}" + (f":{extra}" if extra else ""), args)


def included_message(count: int) -> Message:
    """Author mode's note, after a save or a download, on the key items it showed that live in the
    exercise's `include:` files: exercise.yml does not hold them, so they are changed there."""
    return Message("author-included:one" if count == 1 else "author-included", {"count": count})


def needs_messages(needing: list[dict]) -> list[Message]:
    """Author mode's note, after a save or a download, on the key items written without the kind, identity or
    technique validate asks for (each `{label, quote, line, name}`, `name` the attribute): a sentence that
    says how many, then one a line for each, to show as a list. None when every item gives it."""
    if not needing:
        return []
    head = Message("author-needs:one" if len(needing) == 1 else "author-needs", {"count": len(needing)})
    return [head, *(Message("author-need", item) for item in needing)]


def why_message(result) -> Message:
    """The reason shown with a key item, or with the item a tag met (a key item, an ItemResult or a
    TagResult): the key's own words (`why`, the same for every reader), or the reason the checker gave the
    item (`why_message`, such as a part's `part-first-mention`), in each reader's words."""
    given = result.why_message
    return Message(given["code"], given["args"]) if given else Message("key-why", {"why": result.why})


def hint_messages(item) -> list[Message]:
    """A key item's hints (a key item or an ItemResult), each a "Hint: …" sentence: the key's own, or the
    hint of the reason the checker gave it (its code with `-hint`)."""
    given = item.why_message
    if given:
        return [Message(f"{given['code']}-hint", given["args"])]
    return [Message("item-hint", {"hint": hint}) for hint in item.hints if hint]


class Renderer:
    """Fills templates for one audience, with the exercise's labels for the label filters."""

    def __init__(self, labels: dict[str, LabelSpec], audience: str = "student"):
        if audience not in AUDIENCES:
            raise ValueError(f"audience must be one of {AUDIENCES}, not {audience!r}")
        self.labels, self.audience = labels, audience

    def template(self, code: str, part: str | None = None) -> str:
        """The template of `code`, or of the longest shorter code (`a:b:c`, then `a:b`, then `a`);
        `part` is the audience's sentence unless another part (`fix`) is asked for."""
        return entry_of(code)[part or self.audience]

    def render(self, message: Message, part: str | None = None) -> str:
        return FIELD.sub(lambda m: self._field(m.group(1), m.group(2), message), self.template(message.code, part))

    def sentences(self, messages: list[Message]) -> list[str]:
        """The non-empty sentences of a list of messages, in order."""
        return [text for text in map(self.render, messages) if text]

    def _field(self, name: str, flt: str | None, message: Message) -> str:
        value = message.args[name]
        if flt is None:
            return number(value) if name in COUNTS else str(value)
        if flt == "q":
            return quoted(value)
        if flt == "pct":
            return percent(value)
        if flt == "or":
            return " or ".join(value)
        if flt == "choice":
            return choice_words(value)
        if flt == "choices":
            return " or ".join(map(choice_words, value))
        if flt == "list":
            return ", ".join(value)
        if flt == "qlist":
            return ", ".join(map(quoted, value))
        if flt == "qpairs":
            return ", ".join(f"{quoted(name)} ({what})" for name, what in value)
        if flt == "cap":
            return value[:1].upper() + value[1:]
        if flt == "field":
            return FIELD_WORDS.get(value, {}).get(self.audience, value)
        spec = self.labels.get(value)
        words = (
            {
                "noun": spec.noun_or_title,
                "nouns": spec.plural_or_noun,
                "Title": spec.title,
                "help": spec.help,
                "test": spec.test,
            }
            if spec
            else {"noun": value, "nouns": value, "Title": value, "help": "", "test": ""}
        )
        return words[flt]


# --- which messages a report entry gives ----------------------------------------------------------


def item_codes(item: ItemResult) -> list[Message]:
    """The verdict on one key item, then its attributes and its attribution."""
    verdict = "missed-optional" if item.verdict == "missed" and item.optional else item.verdict
    return [Message(f"item-{verdict}", item.to_json()), *item_detail_codes(item)]


def sources_with_lines(attribution) -> list[list[str]]:
    """The sources the key links a claim to, each its words and its line for the `qpairs` filter: “UK
    security officials” (L6), as every other sentence of the feedback cites a line (messages.js's too)."""
    return [[q, f"L{line}"] for q, line in zip(attribution.expected_quotes, attribution.expected_lines, strict=True)]


def item_detail_codes(item: ItemResult) -> list[Message]:
    """The verdicts on a key item's attributes and its attribution: what the feedback on the student's tag
    that met the item says after the tag's own verdict, which says the item's already (messages.js's
    itemDetailCodes: a student's widget asks for these only)."""
    out = []
    for name, attr in item.attrs.items():
        verdict = "free-blank" if attr.verdict == "free" and attr.given is None else attr.verdict
        # the voice of words that sum up what someone said says so (`:reported`); elsewhere they sum up nobody
        reported = ":reported" if name == "voice" and item.reported else ""
        code = f"attr-{verdict}:{name}:{attr.expected[0]}{reported}"
        out.append(Message(code, {"name": name, **attr.to_json()}))
    if item.attribution is not None:
        verdict = item.attribution.verdict
        if verdict != "right" and not item.attribution.expected:
            verdict = "none-given"
        out.append(Message(f"attribution-{verdict}", {"sources": sources_with_lines(item.attribution)}))
    return out


def chip_of(tag: TagResult) -> str:
    """The chip one of the student's tags shows: its verdict, except that a tag matched to a key item
    (required or optional) but longer than the key's words is `close` (never shown as plainly right, nor
    left among the matches), and so is one on an optional item whose edges differ as much as those of a
    Close tag on a required item (`optional-close`); an extra tag on the words of a label the page does
    not ask for is `not-asked` (it comes off; it cannot be relabelled there), and an extra tag on part of
    an item of another label the page asks for is `other-label` (the key has those words, so "not in the
    key" would contradict the sentence under it). A claim on a source's words is either of the last two,
    as its finding says."""
    codes = {f.code: f.args for f in tag.findings}
    if tag.verdict in ("matched", "defensible") and "covers-more" in codes:
        return "close"
    if tag.verdict == "defensible" and "optional-close" in codes:
        return "close"
    if tag.verdict == "extra" and "is-speaker" in codes:
        return "other-label" if codes["is-speaker"].get("asked") else "not-asked"
    if tag.verdict == "extra" and "label-not-asked" in codes:
        return "not-asked"
    if tag.verdict == "extra" and "other-label" in codes:
        return "other-label"
    return tag.verdict


def _ends(quote: str) -> tuple[str, str]:
    """The first and the last few words of a quote too long to show whole: where a tag should start and end."""
    words = re.split(f"{WHITE_SPACE}+", quote)
    return " ".join(words[:ENDS_WORDS]), " ".join(words[-ENDS_WORDS:])


def _verdict_message(tag: TagResult, chip: str, args: dict) -> tuple[Message, str | None]:
    """The sentence for the tag's chip, and the finding it already says (left out after it). A Close tag
    that holds all the key's words and more (`covers-more`, no `covers-less`), as a tag over a whole
    sentence does, says first which words to keep: the edges alone do not tell a student what to do. They
    are the key's own words where the accepted form the tag holds has them ("seething", not "A seething
    Peskov"): the fewest words that count. A tag that counts at another mention of the source (`same-source`)
    says so in its first sentence (`:same-source`), as one statement: which source it counts for, where the
    key asks for it; told which words to keep, it cites its own line there and `same-source` says the rest."""
    found = {f.code: f.args for f in tag.findings}
    moved = "same-source" in found and tag.verdict in ("matched", "close")
    if chip != "close" or "covers-more" not in found or "covers-less" in found:
        if moved:
            return Message(f"tag-{chip}:same-source", args), "same-source"
        optional = chip == "close" and tag.verdict == "defensible"
        return Message("tag-close:optional" if optional else f"tag-{chip}", args), None
    more = {**args, **found["covers-more"], **({"key_line": args["line"]} if moved else {})}
    if more.get("accepted_for") and more["accepted_for"] in more["key_quote"]:
        more["key_quote"] = more["accepted_for"]
    if len(more["key_quote"]) <= QUOTE_LIMIT:
        return Message("tag-close:keep", more), "covers-more"
    first, last = _ends(more["key_quote"])
    return Message("tag-close:keep-ends", {**more, "key_first": first, "key_last": last}), "covers-more"


EDGE_CODES = ("covers-more", "covers-less", "covers-other")


def _variant(code: str, args: dict) -> str:
    """The variant of a finding's sentence its arguments call for: edges measured against an accepted
    form name the key's own words as well (`:accepted`); a speaker tagged as a claim where sources are
    not asked for ends with what to do, as the chip "Not asked here" does (`:not-asked`)."""
    if code in EDGE_CODES and "accepted_for" in args:
        return ":accepted"
    if code == "is-speaker" and args.get("asked") is False:
        return ":not-asked"
    if code == "reporters-words" and args.get("reported"):
        return ":reported"
    return ""


def _finding_messages(tag: TagResult, args: dict, said: str | None) -> list[Message]:
    """A sentence for every finding the verdict's sentence has not said. Words a tag has too many and too
    few against the same key words are one sentence (`covers-other`), so the key's words are named once;
    some findings have a variant (`_variant`)."""
    found = {f.code: f.args for f in tag.findings}
    both = "covers-more" in found and "covers-less" in found
    out = []
    for f in tag.findings:
        if f.code == said or (both and f.code == "covers-less"):
            continue
        code, more = (
            ("covers-other", {**found["covers-more"], **found["covers-less"]})
            if both and f.code == "covers-more"
            else (f.code, f.args)
        )
        out.append(Message(f"finding-{code}{_variant(code, more)}", {**args, **more}))
    return out


def tag_codes(tag: TagResult) -> list[Message]:
    """The verdict on one of the student's tags as its chip says it (`chip_of`), then every finding about it
    that sentence has not said already (`_finding_messages`)."""
    args = tag.to_json()
    first, said = _verdict_message(tag, chip_of(tag), args)
    return [first, *_finding_messages(tag, args, said)]
