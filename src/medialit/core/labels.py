"""The label set an exercise uses, with the attribute choices each label offers."""

from __future__ import annotations

from dataclasses import dataclass, field

from .contract import FREE_TEXT
from .jsonable import fields_json


@dataclass(frozen=True)
class LabelSpec:
    """One label: its name, what students see, its shortcut keys and its attributes.

    `attrs` maps an attribute name to its allowed values, or to "text" for a free-text field.
    `test` is the one question a student can ask of any words to see whether the label fits; the
    feedback shows it under a tag the key did not plan for.
    """

    name: str
    title: str
    help: str
    shortcut: str
    letter: str
    attrs: dict[str, list[str] | str] = field(default_factory=dict)
    test: str = ""
    noun: str = ""
    plural: str = ""

    @property
    def noun_or_title(self) -> str:
        """What one tagged stretch is called in a sentence ("loaded word"); the title when none is set."""
        return self.noun or self.title.lower()

    @property
    def plural_or_noun(self) -> str:
        """More than one of them ("loaded words"); the noun with an s when none is set."""
        return self.plural or f"{self.noun_or_title}s"

    def to_json(self) -> dict:
        return fields_json(self, noun=self.noun_or_title, plural=self.plural_or_noun)


DEFAULT_LABELS: dict[str, LabelSpec] = {
    spec.name: spec
    for spec in [
        LabelSpec(
            "claim",
            "Claim",
            "A claim says something is, was or will be true.",
            "1",
            "c",
            {
                "kind": ["fact", "accusation", "judgement", "prediction"],
                "evidence": ["given", "none", "stated-without-evidence"],
                "voice": ["reporter", "quoted"],
            },
            "Ask: would the news be different if these words were false? If so, they make a claim.",
        ),
        LabelSpec(
            "source",
            "Source",
            "A source is who or what the information comes from.",
            "2",
            "s",
            {
                "identity": ["named", "anonymous", "hidden"],
                "role": ["official", "expert", "interested-party", "media", "social-media", "eyewitness", "other"],
            },
            "Ask: does the article say the information comes from this person, group or document? If not, it is "
            "not a source.",
        ),
        LabelSpec(
            "loaded",
            "Loaded",
            "Loaded words push a feeling where a plainer word would carry the same facts.",
            "3",
            "l",
            {
                # the five most common propaganda techniques, then five that one text may use plainly
                "technique": [
                    "emotional",
                    "name-calling",
                    "exaggeration",
                    "doubt",
                    "fear",
                    "repetition",
                    "whataboutism",
                    "appeal-to-authority",
                    "black-and-white",
                    "flag-waving",
                ],
                "voice": ["reporter", "quoted"],
                "neutral": FREE_TEXT,
            },
            "Ask: would a plainer word tell the same facts with less feeling? If not, the word is not loaded.",
            "loaded word",
        ),
        LabelSpec(
            "cue",
            "Cue",
            "A cue links a source to a claim, or makes it sound more or less certain.",
            "4",
            "u",
            {"type": ["neutral", "doubting", "emotional", "hedge", "scare-quotes", "quoted-words"]},
            "Ask: does this word link a source to what it says, or make a claim sound more or less sure? If not, it "
            "is not a cue.",
        ),
    ]
}
