"""Drafted `why` and hints for suggested key items, from one template per kind of item.

They are starting points, written in plain words and citing the line, so that an instructor edits
rather than writes; every item that carries them stays `draft: true` until someone has read it.
"""

from __future__ import annotations

import re

from ..core.messages import in_marks, quoted
from .lexicons import load_lexicon
from .suggest import Suggestion
from .suggest.word_lists import DETERMINERS, NUMBER_WORDS, SPEAKER_DETERMINERS

# words inside a claim that point to how it is known (a check, a count, a document)
EVIDENCE_WORDS = {
    "found",
    "finds",
    "showed",
    "shows",
    "shown",
    "figures",
    "data",
    "study",
    "survey",
    "report",
    "records",
    "documents",
    "inspectors",
    "inspection",
    "investigation",
    "measured",
    "counted",
    "poll",
}

ROLE_WORDS = {
    "official": "an official",
    "expert": "an expert",
    "interested-party": "someone with a stake in it",
    "media": "a news outlet",
    "social-media": "a social-media post",
    "eyewitness": "someone who saw it",
}  # "other" says nothing a reason could repeat
TECHNIQUE_WORDS = {
    "emotional": "it pushes a feeling",
    "name-calling": "it is a label that judges people",
    "exaggeration": "it makes things sound bigger than the facts show",
    "doubt": "it casts doubt without giving a reason",
    "fear": "it makes a danger sound close",
}


def _speaker(suggestion: Suggestion, names: dict[tuple[int, int], str]) -> str | None:
    return names.get(suggestion.source) if suggestion.source else None


def source_name(source: Suggestion) -> str:
    """How a claim's why names its source: a person or body by its one name ("Fiona MacRae" for "Ms
    MacRae"), an unnamed one by its description ("the spokesperson for the agency"), mid-sentence: a job or
    group word that opened its sentence loses its capital ("According to critics"), as does a group in words of
    no list ("Shoppers said": "According to shoppers"); a name keeps it ("According to Police Scotland",
    "According to Two Sisters Bakery")."""
    if source.attrs.get("identity") == "named" and source.entity:
        return source.entity
    if source.attrs.get("identity") == "hidden":  # "it is understood"
        return "someone the article does not name"
    first, _, rest = source.quote.partition(" ")
    word = first.lower()  # "A senior council source" opened its sentence: mid-sentence it is "a"
    common = word in SPEAKER_DETERMINERS | NUMBER_WORDS or word in load_lexicon().sources
    if word in DETERMINERS or (common and not rest[:1].isupper()):
        return f"{word} {rest}".strip()  # "two hotels", "police", but "Two Sisters Bakery" is a name
    if source.entity == source.quote.lower():  # "Shoppers", "Local shoppers": a group in words of no list, no name
        return source.entity
    return source.quote if source.quote[:1].isupper() else f"the {source.quote}"


def draft_why(suggestion: Suggestion, names: dict[tuple[int, int], str]) -> str:
    """One to three plain sentences for students, citing the line. `names` maps source spans to names."""
    s, line = suggestion, f"L{suggestion.line}"
    if s.label == "loaded" and s.attrs.get("voice") == "reporter" and in_marks(s.quote):
        word = "word" if len(re.findall(r"[\w’'-]+", s.quote)) == 1 else "words"
        return (
            f"The reporter puts {s.quote} in quotation marks, but no one is said to have used the {word} ({line}). "
            f"Marks like these are called scare quotes: they hint that you should doubt the {word}. "
            "Read the sentence without them: does it say the same thing?"
        )
    if s.label == "loaded":
        whose = "comes from the person quoted" if s.attrs.get("voice") == "quoted" else "is in the reporter's words"
        plainer = s.attrs.get("neutral")
        effect = TECHNIQUE_WORDS.get(s.attrs.get("technique"), "it pushes a feeling")
        why = f"{quoted(s.quote)} ({line}) {whose}: {effect}."
        return why + (f" A plainer way to say it: “{plainer}”." if plainer else " Try the sentence without it.")
    if s.label == "source":
        identity = s.attrs.get("identity")
        who = {
            "named": "is named",
            "anonymous": "is not named, only described",
            "hidden": "is hidden: the words do not say who says so",
        }.get(identity, "gives the information")
        role = ROLE_WORDS.get(s.attrs.get("role"))
        gave = (
            " They were asked but said nothing, so no claim in this sentence comes from them."
            if s.said_nothing
            else " The information in this sentence comes from them."
        )
        return f"{quoted(s.quote)} ({line}) {who}" + (f"; this source is {role}." if role else ".") + gave
    if s.label == "claim" and _judges(s):
        return f"{_whose_opinion(s, names)} ({line}).{_evidence(s)}"
    if s.label == "claim":
        speaker = _speaker(s, names)
        says = "this will or may happen" if _predicts(s) else "this is true"
        who = (
            f"According to {speaker}, {says}"
            if speaker
            else f"Someone says {says}, but the text only says “{s.speaker_word.lower()}”, not {_who_that_is(s)}"
            if s.speaker_word
            else f"The reporter says {says}"
            if s.attrs.get("voice") != "quoted"
            else f"Someone quoted says {says}"
        )
        return f"{who} ({line}).{_evidence(s)}"
    return f"{quoted(s.quote)} ({line}) tells you how the writer links a source to a claim."


def _whose_opinion(claim: Suggestion, names: dict[tuple[int, int], str]) -> str:
    """Who gives a judgement: a verb of labelling or criticism drafts it, so someone judged, and with no one said it
    is no one the text names ('The plan was branded a disgrace'), not the reporter."""
    speaker = _speaker(claim, names)
    if speaker:
        return f"This is the opinion of {speaker}"
    if claim.speaker_word:
        word = claim.speaker_word.lower()
        return f"This is someone's opinion, but the text only says “{word}”, not {_who_that_is(claim)}"
    return "The text does not say whose opinion this is"


def _who_that_is(claim: Suggestion) -> str:
    """'who he is', 'who she is', 'who they are': the unnamed speaker of a claim, in words that agree with the
    pronoun the text calls them by."""
    word = claim.speaker_word.lower()
    return f"who {word} {'are' if word == 'they' else 'is'}"


def _predicts(claim: Suggestion) -> bool:
    """Whether the claim says what will or may happen ('the pool will close', a headline's 'Library to close')."""
    return claim.attrs.get("kind") == "prediction"


def _judges(claim: Suggestion) -> bool:
    """Whether the claim is a judgement ('branded the plan a disgrace'): an opinion, not simply true or false."""
    return claim.attrs.get("kind") == "judgement"


def _evidence(claim: Suggestion) -> str:
    """What the claim shows of its evidence: none, the words that point to it, or a question; a prediction or a
    judgement is said to be one, since neither can be checked as true or false, only what it is based on."""
    kind = (
        " This is a prediction: it is about the future, so no one can know yet if it will come true."
        if _predicts(claim)
        else " It is a judgement: it says how good, bad, likely or important something is, so it is not simply true"
        " or false."
        if _judges(claim)
        else ""
    )
    if claim.attrs.get("evidence") == "stated-without-evidence":
        return kind + " No evidence is given for it."
    if kind:
        return kind + " What is it based on?"
    words = re.findall(r"[\w’'-]+", claim.quote.lower())
    pointer = next((w for w in words if w in EVIDENCE_WORDS), None)
    if pointer:
        return f" “{pointer}” tells you how this is known: is that enough?"
    return " Look for the evidence: is any given?"


def draft_hints(suggestion: Suggestion) -> list[str]:
    """Two hints that point to the place without giving the answer."""
    line = f"L{suggestion.line}"
    if suggestion.said_nothing:
        return [f"Who in {line} was asked about this?", "Did they say anything?"]
    return {
        "loaded": [
            f"Read {line} again: which word tells you how to feel?",
            "Could a plainer word carry the same facts?",
        ],
        "source": [f"Who does the information in {line} come from?", "Is the source named, or only described?"],
        "claim": [
            f"What opinion does {line} give?"
            if _judges(suggestion)
            else f"What does {line} say {'will or may happen' if _predicts(suggestion) else 'is true'}?",
            "Who says it, and do they show how they know?",
        ],
    }.get(suggestion.label, [f"Look at {line}.", "Which words link a source to what is said?"])
