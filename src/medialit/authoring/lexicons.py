"""The word lists the suggestions use, read from `lexicon/` (SOURCES.md says where each comes from).

Our own loaded-words list names each verb or noun once ("slam", "thug"); the forms a text uses
("slammed", "slams", "thugs") are made here by the regular English endings, so the list stays
short and readable and one entry catches every form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

VOWELS = "aeiou"
LOADED_KINDS = (
    "epithet",
    "framing",
    "feeling",
    "attack-verb",
    "stance-verb",
    "emotion",
    "judgement",
    "manner",
    "comment",
    "metaphor",
    "fear",
    "doubt",
    "puffery",
    "sneer",
    "hyperbole",
    "intensifier",
)


@dataclass(frozen=True)
class LoadedEntry:
    """One entry of our loaded-words list: what kind of loaded word it is, and a plainer wording."""

    phrase: str
    kind: str
    technique: str
    plainer: str
    before_noun: bool = False  # form "b": loaded only before a noun ('a shock decision'; not 'in shock.')


@dataclass(frozen=True)
class Lexicon:
    loaded: dict[str, LoadedEntry]  # every form of every phrase -> its entry
    vader: dict[str, float]  # word -> valence
    vader_moderate: dict[str, float]  # word -> valence, for words rated less strongly (agreement only)
    subjective: dict[str, float]  # word -> polarity
    neutral: frozenset[str]  # words news uses plainly
    degree: frozenset[str]  # degree adverbs ("very", "most") that raise the next word
    cues: dict[str, tuple[str, bool]]  # phrase -> (type, introduces speech)
    sources: dict[str, tuple[str, bool]]  # word -> (role, names a group)
    modifiers: frozenset[str]
    agentless: tuple[tuple[str, ...], ...]  # word-choice patterns
    no_comment: tuple[tuple[str, ...], ...]  # word-choice patterns, as `agentless`


def _rows(name: str) -> list[list[str]]:
    text = resources.files("medialit.authoring").joinpath("lexicon", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(w for row in _rows(name) for w in row[0].split())


def _doubles(word: str) -> bool:
    """One syllable ending consonant-vowel-consonant doubles its last letter: slam -> slammed."""
    return bool(re.fullmatch(f"[^{VOWELS}]*[{VOWELS}][^{VOWELS}wxy]", word)) and len(word) <= 4


def verb_forms(verb: str) -> list[str]:
    """The verb and its -s, -ed and -ing forms by the regular rules (slam, slams, slammed, slamming)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if re.search(f"[^{VOWELS}]y$", verb):
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if _doubles(verb):
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    plural = verb + "es" if re.search("(s|sh|ch|x|z)$", verb) else verb + "s"
    return [verb, plural, verb + "ed", verb + "ing"]


def noun_forms(noun: str) -> list[str]:
    if noun.endswith("man"):
        return [noun, noun[:-3] + "men"]
    if re.search(f"[^{VOWELS}]y$", noun):
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "es" if re.search("(s|sh|ch|x|z)$", noun) else noun + "s"]


def adverb_form(adjective: str) -> str:
    """The -ly adverb of an adjective by the regular rules (harsh -> harshly, angry -> angrily)."""
    if re.search(f"[^{VOWELS}]y$", adjective):
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("ll"):
        return adjective + "y"
    return adjective + "ly"


def degree_forms(adjective: str) -> list[str]:
    """Comparative and superlative by the regular rules (harsh -> harsher, harshest; grim -> grimmer, grimmest;
    angry -> angrier, angriest). Long adjectives take 'more' and 'most', which the degree adverbs cover; their
    regular forms never occur in a text, so making them costs nothing."""
    if adjective.endswith("e"):
        return [adjective + "r", adjective + "st"]
    if re.search(f"[^{VOWELS}]y$", adjective):
        return [adjective[:-1] + "ier", adjective[:-1] + "iest"]
    if _doubles(adjective):
        return [adjective + adjective[-1] + "er", adjective + adjective[-1] + "est"]
    return [adjective + "er", adjective + "est"]


def quality_nouns(adjective: str) -> list[str]:
    """The nouns that name the quality of an adjective, by the regular suffixes (reckless -> recklessness,
    arrogant -> arrogance, vehement -> vehemence, brutal -> brutality, cynical -> cynicism): the judgement is the
    same whichever part of speech carries it. Like `degree_forms`, a form English lacks never occurs in a text."""
    nouns = [adjective[:-1] + "iness" if re.search(f"[^{VOWELS}]y$", adjective) else adjective + "ness"]
    for ending, suffixes in (("ant", ("ance", "ancy")), ("ent", ("ence", "ency")), ("ous", ("osity",))):
        if adjective.endswith(ending):
            nouns += [adjective[: -len(ending)] + suffix for suffix in suffixes]
    if adjective.endswith("ical"):
        nouns.append(adjective[:-2] + "ism")
    elif adjective.endswith("al"):
        nouns.append(adjective + "ity")
    return nouns


def phrase_forms(phrase: str, forms: str) -> list[str]:
    """Every form of a phrase; in a phrase of several words the first word takes the ending
    ("lash out" -> "lashed out"), except for nouns, where the last one does ("witch hunt" -> "witch hunts")."""
    words = phrase.split()
    if forms == "v":
        return [" ".join([form, *words[1:]]) for form in verb_forms(words[0])]
    if forms == "n":
        return [" ".join([*words[:-1], form]) for form in noun_forms(words[-1])]
    if forms == "a":
        return [phrase, adverb_form(phrase), *(degree_forms(phrase) if len(words) == 1 else [])]
    return [phrase]


def _loaded_entries() -> dict[str, LoadedEntry]:
    """Every form of every listed phrase; then the quality nouns of the one-word adjectives, which never
    take the place of a listed word ("bitterness" keeps its own entry) and have no plainer wording (the
    adjective's plainer word is not a noun)."""
    rows = [row[:5] for row in _rows("loaded.tsv")]
    entries: dict[str, LoadedEntry] = {}
    for phrase, kind, forms, technique, plainer in rows:
        entry = LoadedEntry(phrase, kind, technique, plainer.strip(), forms == "b")
        for form in phrase_forms(phrase, forms):
            entries.setdefault(form, entry)
    for phrase, kind, forms, technique, _ in rows:
        if forms == "a" and " " not in phrase:
            for noun in quality_nouns(phrase):
                for form in noun_forms(noun):
                    entries.setdefault(form, LoadedEntry(phrase, kind, technique, ""))
    return entries


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped word lists, read once."""
    return Lexicon(
        loaded=_loaded_entries(),
        vader={r[0]: float(r[1]) for r in _rows("vader_strong.tsv")},
        vader_moderate={r[0]: float(r[1]) for r in _rows("vader_moderate.tsv")},
        subjective={r[0]: float(r[1]) for r in _rows("pattern_subjective.tsv")},
        neutral=_words("news_neutral.txt"),
        degree=_words("degree_adverbs.txt"),
        cues={r[0]: (r[1], r[2].strip() == "y") for r in _rows("cues.tsv")},
        sources={r[0]: (r[1], r[2].strip() == "y") for r in _rows("sources.tsv")},
        modifiers=_words("modifiers.txt"),
        agentless=tuple(tuple(r[0].split()) for r in _rows("agentless.tsv")),
        no_comment=tuple(tuple(r[0].split()) for r in _rows("no_comment.tsv")),
    )
