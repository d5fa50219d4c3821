"""The label set an exercise uses, with the attribute choices each label offers."""
from __future__ import annotations

from dataclasses import dataclass, field

FREE_TEXT = "text"


@dataclass(frozen=True)
class LabelSpec:
    """One label: its name, what students see, its shortcut keys and its attributes.

    `attrs` maps an attribute name to its allowed values, or to "text" for a free-text field.
    """

    name: str
    title: str
    help: str
    shortcut: str
    letter: str
    attrs: dict[str, list[str] | str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"name": self.name, "title": self.title, "help": self.help, "shortcut": self.shortcut,
                "letter": self.letter, "attrs": {k: (list(v) if isinstance(v, list) else v)
                                                 for k, v in self.attrs.items()}}


DEFAULT_LABELS: dict[str, LabelSpec] = {
    spec.name: spec for spec in [
        LabelSpec("claim", "Claim", "A claim says something is, was or will be true.", "1", "c", {
            "kind": ["fact", "accusation", "judgement", "prediction"],
            "evidence": ["given", "none", "stated-without-evidence"],
            "voice": ["reporter", "quoted"]}),
        LabelSpec("source", "Source", "A source is who or what the information comes from.", "2", "s", {
            "identity": ["named", "anonymous", "hidden"],
            "role": ["official", "expert", "interested-party", "media", "social-media", "eyewitness", "other"]}),
        LabelSpec("loaded", "Loaded", "Loaded words push a feeling where a plainer word would carry the same facts.",
                  "3", "l", {
                      # the five most common propaganda techniques, then five that one text may use plainly
                      "technique": ["emotional", "name-calling", "exaggeration", "doubt", "fear", "repetition",
                                    "whataboutism", "appeal-to-authority", "black-and-white", "flag-waving"],
                      "voice": ["reporter", "quoted"],
                      "neutral": FREE_TEXT}),
        LabelSpec("cue", "Cue", "A cue links a source to a claim, or makes it sound more or less certain.", "4", "u", {
            "type": ["neutral", "doubting", "emotional", "hedge", "scare-quotes", "quoted-words"]}),
    ]
}
