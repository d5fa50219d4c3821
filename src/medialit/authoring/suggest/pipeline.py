"""The spaCy side: which pipeline to load, a Doc with exactly the article's tokens and sentences, and the matchers over
our lexicons. Apart from the rules, which read only the Doc, the matches and the lexicons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ...core.article import Article, is_quote_mark
from ...core.errors import InputError
from ..lexicons import load_lexicon
from .word_lists import DESCRIPTION_WORDS_MAX, SPEAKING_VERBS

TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def _installed(name: str) -> bool:
    return spacy.util.is_package(name)


def _load(name: str) -> Language:
    return spacy.load(name)


def load_pipeline(name: str | None = None) -> Language:
    """A trained English pipeline when one is installed (or `name`), else the blank one.

    `name` is an installed package or a folder that `nlp.to_disk()` wrote; `name="blank"` forces
    the rules-only path.
    """
    if name == "blank":
        return spacy.blank("en")
    if name:
        try:
            return _load(name)
        except OSError:
            if Path(name).exists():
                raise InputError(
                    name,
                    "",
                    "this is not a folder that holds a spaCy pipeline.",
                    "give the folder that nlp.to_disk() wrote, an installed pipeline's name, or 'blank'.",
                ) from None
            raise InputError(
                name,
                "",
                "this spaCy pipeline is not installed.",
                f"install it (python -m spacy download {name}) or leave out the pipeline option.",
            ) from None
    for candidate in TRAINED_PIPELINES:
        if _installed(candidate):
            return _load(candidate)
    return spacy.blank("en")


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc with exactly the article's tokens and sentences, run through the pipeline's components; a quotation
    closed by '?' or '!' and the words that frame it are one sentence, as they are after a comma."""
    tokens = article.tokens
    starts = {s.start for s in article.sentences}
    doc = Doc(
        nlp.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.ws) for t in tokens],
        sent_starts=[t.start in starts and not _frames_question(tokens, t.i) for t in tokens],
    )
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _frames_question(tokens: list, i: int) -> bool:
    """Whether the words from token `i`, right after a quotation closed by '?' or '!' where the sentence splitter
    ends a sentence, are that quotation's frame: a small letter opens them ('…?” asked a trader', '…!” she said'),
    or a name of a few words and a verb of saying that no quotation follows ('…?” Jo Lee asked'; not '…?” I replied,
    “…”', which frames the next one)."""
    if i < 2 or not is_quote_mark(tokens[i - 1].text) or tokens[i - 2].text not in {"?", "!"}:
        return False
    if "\n" in tokens[i - 1].ws or tokens[i].text[0].islower():
        return "\n" not in tokens[i - 1].ws
    for n in range(i + 1, min(i + DESCRIPTION_WORDS_MAX + 1, len(tokens))):
        if tokens[n].text.lower() in SPEAKING_VERBS:
            after = [t.text for t in tokens[n + 1 : n + 3]]
            return not (len(after) == 2 and after[0] in {",", ":"} and is_quote_mark(after[1]))
        if not (tokens[n].text.isalpha() and tokens[n].text[0].isupper()):
            return False
    return False


def _word_choices(nlp: Language, name: str, patterns: tuple[tuple[str, ...], ...]) -> Matcher:
    """A Matcher for patterns written as in `agentless.tsv`: 'a|b' is either word, a trailing '?' an optional one."""
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(
            f"{name}-{n}",
            [
                [
                    {"LOWER": {"IN": word.rstrip("?").split("|")}, **({"OP": "?"} if word.endswith("?") else {})}
                    for word in pattern
                ]
            ],
        )
    return matcher


@lru_cache(maxsize=4)
def lexicon_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher, Matcher, Matcher]:
    lex = load_lexicon()
    loaded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in lex.loaded:
        loaded.add(phrase, [nlp.make_doc(phrase)])
    cues = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in lex.cues:
        cues.add(phrase, [nlp.make_doc(phrase)])
    agentless = _word_choices(nlp, "agentless", lex.agentless)
    return loaded, cues, agentless, _word_choices(nlp, "no-comment", lex.no_comment)
