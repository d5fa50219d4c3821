"""What the suggester hands back: one drafted key span (`Suggestion`), the labels it drafts, and how sure each rule is.
Apart from the rules so that whoever only reads drafts needs none of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.jsonable import fields_json

LABELS = ("claim", "source", "loaded", "cue")


CONFIDENCE = {
    "speaker": 0.8,
    "named-near": 0.75,
    "group-near": 0.6,
    "no-comment-subject": 0.6,
    "noun-before-verb": 0.6,
    "noun-after-verb": 0.7,  # '…,” said a local trader': the frame of a quotation, surer than a noun before a verb
    "title-in-speech": 0.5,
    "agentless": 0.7,
    "according-to": 0.6,
    "quoted-claim": 0.75,
    "reported-claim": 0.65,
    "claim-before": 0.55,
    "figure": 0.5,
    "accusation": 0.5,
    "forecast": 0.5,
    "parser": 0.6,
    "cue-speech": 0.7,
    "cue-hedge": 0.6,
    "scare-quotes": 0.55,
}


@dataclass(frozen=True)
class Suggestion:
    """One drafted key span: what it is, where, which attributes it probably has, why, and how sure."""

    label: str
    start: int
    end: int
    quote: str
    line: int
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    reason: str = field(default="", compare=False)
    source: tuple[int, int] | None = field(default=None, compare=False)  # the source span a claim is put to
    confidence: float = field(default=0.5, compare=False)
    entity: str | None = field(default=None, compare=False)  # one name per person or body, however named
    said_nothing: bool = field(default=False, compare=False)  # a source asked who gave no comment
    speaker_word: str = field(default="", compare=False)  # the 'he' or 'she' that says a claim put to no one found

    def to_json(self) -> dict:
        return fields_json(self, confidence=round(self.confidence, 2))
