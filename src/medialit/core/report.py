"""What Check returns (`medialit.report/2`): verdict codes, overlaps, findings and scores. Data only.

Sentences are made from it by `messages.py` (and `messages.js`), for students or for teachers.
Every Report is built fresh by `check()`; nothing in it is shared with another Report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .contract import REPORT_FORMAT
from .jsonable import fields_json


@dataclass(slots=True)
class AttrResult:
    """One attribute of a key item against the student's choice: right, wrong, unset or free (text)."""

    expected: tuple[str, ...]
    given: str | None
    verdict: str

    def to_json(self) -> dict:
        return {"expected": list(self.expected), "given": self.given, "verdict": self.verdict}


@dataclass(frozen=True)
class AttributionResult:
    """Which sources a claim is linked to, by entity: right, partial, wrong or unset."""

    expected: tuple[str, ...]
    given: tuple[str, ...]
    verdict: str
    expected_quotes: tuple[str, ...] = ()
    expected_lines: tuple[int, ...] = ()  # the line of each of expected_quotes, for the feedback to cite

    def to_json(self) -> dict:
        return {
            "expected": list(self.expected),
            "given": list(self.given),
            "verdict": self.verdict,
            "expected_quotes": list(self.expected_quotes),
            "expected_lines": list(self.expected_lines),
        }


@dataclass(frozen=True)
class Finding:
    """Something worth saying about one tag, as a code and the values its message needs."""

    code: str
    args: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"code": self.code, "args": dict(self.args)}


@dataclass(slots=True)
class Placed:
    """Where a result is: the span of the article a key item or a tag covers, and its label."""

    label: str
    line: int
    start: int
    end: int
    quote: str


@dataclass(slots=True)
class ItemResult(Placed):
    """One key item: found (`hit`), found with other edges (`boundary`), `wrong-label` or `missed`."""

    key_id: str
    optional: bool
    verdict: str
    tag_id: str | None
    tag_label: str | None
    tag_quote: str | None
    overlap: float
    attrs: dict[str, AttrResult]
    attribution: AttributionResult | None
    why: str
    hints: tuple[str, ...]
    why_message: dict | None = None  # a reason the checker gave the item: {code, args} (messages.why_message)
    reported: bool = False  # its words sum up what someone said (voices.reported_runs): the voice sentence says so

    def to_json(self) -> dict:
        return fields_json(self)


@dataclass(slots=True)
class TagResult(Placed):
    """One of the student's tags: its verdict, the key item or trap it meets, and findings about it."""

    tag_id: str
    verdict: str
    key_id: str | None
    key_label: str | None
    key_quote: str | None
    key_line: int | None
    overlap: float
    why: str
    findings: tuple[Finding, ...]
    why_message: dict | None = None  # the reason the checker gave its item: {code, args} (messages.why_message)

    def for_tag(self, tag_id: str) -> TagResult:
        """The same result for another tag on the same words, sharing nothing that can be changed (the
        checker keeps the results a class repeats; a Report changed in place must change no other).
        Written out: `dataclasses.replace` takes ten times as long, and a class makes thousands."""
        findings = tuple(Finding(f.code, dict(f.args)) for f in self.findings)
        given = self.why_message
        why_message = None if given is None else {"code": given["code"], "args": dict(given["args"])}
        return TagResult(
            self.label, self.line, self.start, self.end, self.quote, tag_id, self.verdict, self.key_id,
            self.key_label, self.key_quote, self.key_line, self.overlap, self.why, findings, why_message,
        )  # fmt: skip

    def to_json(self) -> dict:
        return fields_json(self)


@dataclass(slots=True)
class Score:
    """One label's numbers. `found` of `required` items; `tagged_in_key` of the student's `tagged` tags
    meet the key; precision, recall and F1 give partial credit for overlap (`credit`)."""

    precision: float
    recall: float
    f1: float
    credit: float
    tags: int
    required: int
    found: int
    tagged: int
    tagged_in_key: int
    attrs_right: int
    attrs_asked: int

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True)
class Orphan:
    """A tag of the hand-in left out before checking (orphaned quote, unknown label ...): where it was,
    the hand-in problem's code and the values its message names."""

    place: str
    code: str
    args: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"place": self.place, "code": self.code, "args": dict(self.args)}


@dataclass(frozen=True)
class Checked:
    """What was checked: an exercise (its id and its article's hash) at a difficulty, in some labels and
    lines. A Report starts with it, and so does the class report's scope."""

    exercise: str
    article_sha256: str
    difficulty: str
    labels: tuple[str, ...]
    lines: tuple[int, int] | None

    @staticmethod
    def fields_of(exercise, difficulty: str | None = None) -> dict:
        """The fields for an exercise as restricted to the labels and lines checked."""
        return {
            "exercise": exercise.id,
            "article_sha256": exercise.article.sha256,
            "difficulty": difficulty or exercise.difficulty,
            "labels": tuple(exercise.labels),
            "lines": tuple(exercise.lines) if exercise.lines else None,
        }

    def to_json(self) -> dict:
        return {
            "exercise": self.exercise,
            "article_sha256": self.article_sha256,
            "difficulty": self.difficulty,
            "labels": list(self.labels),
            "lines": None if self.lines is None else list(self.lines),
        }


@dataclass(frozen=True)
class Report(Checked):
    """What Check returns for one hand-in: results per key item and per tag, and scores per label."""

    items: tuple[ItemResult, ...]
    tags: tuple[TagResult, ...]
    scores: dict[str, Score]
    orphans: tuple[Orphan, ...] = ()

    def to_json(self) -> dict:
        return {
            "format": REPORT_FORMAT,
            **Checked.to_json(self),
            "items": [i.to_json() for i in self.items],
            "tags": [t.to_json() for t in self.tags],
            "scores": {k: v.to_json() for k, v in self.scores.items()},
            "orphans": [o.to_json() for o in self.orphans],
        }

    def to_frame(self, kind: str = "items", exercise=None, audience: str = "student"):
        """A pandas DataFrame of the item results (`kind="items"`), the tag results ("tags") or the scores.

        Given the exercise, items and tags get a `message` column: the feedback sentences for `audience`;
        and an item's `why` is its reason in that reader's words (`messages.why_message`)."""
        import pandas as pd

        if kind == "scores":
            return pd.DataFrame({k: v.to_json() for k, v in self.scores.items()}).T
        if kind == "items":
            columns = ["key_id", "label", "line", "quote", "verdict", "optional", "overlap", "tag_id", "why"]
            rows = self.items
        elif kind == "tags":
            columns = ["tag_id", "label", "line", "quote", "verdict", "key_id", "overlap"]
            rows = self.tags
        else:
            raise ValueError(f"kind must be 'items', 'tags' or 'scores', not {kind!r}")
        frame = pd.DataFrame([{c: getattr(r, c) for c in columns} for r in rows], columns=columns)
        if exercise is not None:
            from .messages import Renderer, item_codes, tag_codes, why_message

            words, codes = Renderer(exercise.labels, audience), item_codes if kind == "items" else tag_codes
            frame["message"] = [" ".join(words.sentences(codes(r))) for r in rows]
            if kind == "items":
                frame["why"] = [words.render(why_message(r)) for r in rows]
        return frame
