"""With a trained pipeline's dependency parse, the subject of a verb of saying is a source and its clause a claim. Apart
because the blank pipeline, which the rules need and nothing more, has no parse."""

from __future__ import annotations

from spacy.matcher import DependencyMatcher

from .draft import Draft
from .suggestion import CONFIDENCE


class ParsedSources(Draft):
    """Drafts sources and claims from a trained pipeline's dependency parse."""

    def parsed_sources(self, speakers: dict[int, tuple[int, int]]) -> None:
        """With a dependency parse: the subject of a speech verb is a source, its clause a claim."""
        matcher = DependencyMatcher(self.doc.vocab)
        verbs = [phrase for phrase, (_, speech) in self.lex.cues.items() if speech and " " not in phrase]
        verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"IN": verbs}}}
        matcher.add(
            "subject",
            [
                [
                    verb,
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "who",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}},
                    },
                ]
            ],
        )
        matcher.add(
            "content",
            [
                [
                    verb,
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "what",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["ccomp", "xcomp"]}},
                    },
                ]
            ],
        )
        for match_id, (v, other) in sorted(matcher(self.doc), key=lambda m: m[0] != self.doc.vocab.strings["subject"]):
            if not self.speech_cue(v):
                continue  # the rules' verbs of saying: not 'asked' that asks for something, nor 'added' with an object
            head = self.doc[other]
            i, j = head.left_edge.i, head.right_edge.i + 1
            if self.doc.vocab.strings[match_id] == "subject":
                while i < j and self.doc[i].lower_ in {"the", "a", "an"}:
                    i += 1
                if head.pos_ == "PRON" or head.lower_ in {"he", "she", "they", "it", "we", "i", "you"}:
                    continue
                made = self.add("source", i, j, {}, f"subject of '{self.doc[v].text}' (parser)", CONFIDENCE["parser"])
                if made:
                    speakers.setdefault(v, (made.start, made.end))
            elif not self.quoted(other):
                self.add(
                    "claim",
                    i,
                    j,
                    {},
                    f"what '{self.doc[v].text}' reports (parser)",
                    CONFIDENCE["parser"],
                    speakers.get(v),
                )
