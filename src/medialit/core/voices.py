"""Whose words are where, by the quotation marks: the voice rule the book teaches and the key keeps.

Words inside a speaker's quotation marks are the speaker's; words outside them, even when they sum up
what someone said, are the reporter's. Quotation marks that no speaker owns (scare quotes, words on a
drone, a title) do not make words a speaker's. Which marks belong to a speaker is read from the key's
cue layer: a cue of type `quoted-words` marks a speaker's words, `scare-quotes` marks that nobody owns,
both types when either reading is fair; a cue distractor marks quotation marks that are neither.
The key's tests hold the key to this rule; Check uses it to explain a voice chosen against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article
from .contract import QUOTE_MARKS, WHITE_SPACE

OPENERS = "‘“"
CLOSERS = "’”"
SHORT_QUOTE_WORDS = 4  # quotations this short must be classified by a cue item or a cue distractor
SPEAKER, EITHER, NOBODY, REPORTER = "speaker", "either", "nobody", "reporter"
_SPACE = re.compile(WHITE_SPACE)  # white space as the contract defines it, for both languages


def values(attr) -> set:
    """An attribute in the key may be one value or a list of accepted values."""
    return set(attr) if isinstance(attr, list) else {attr}


@dataclass(frozen=True)
class Quotation:
    """One pair of quotation marks: `start` is the opening mark, `end` is just past the closing one
    (or the end of the paragraph, for a speech left open there)."""

    start: int
    end: int

    def words(self, text: str) -> list[str]:
        return text[self.start + 1 : self.end - 1].split()


def quotations(article: Article) -> list[Quotation]:
    """Every pair of quotation marks, nested ones included.

    ‘ and “ open; ’ and ” close unless they sit between two letters (an apostrophe: Putin’s). A straight
    ' or " opens when it does not follow a letter and closes the quotation it opened. A quotation left
    open at the end of a paragraph ends there, as in a speech that runs over several paragraphs.
    """
    text = article.text
    found = []
    for para in article.paragraphs:
        stack: list[tuple[int, str]] = []
        for i in range(para.start, para.end):
            ch = text[i]
            before = text[i - 1] if i > para.start else " "
            after = text[i + 1] if i + 1 < para.end else " "
            between_letters = before.isalnum() and after.isalnum()
            if ch in OPENERS:
                stack.append((i, ch))
            elif ch in CLOSERS and not between_letters and stack:
                found.append(Quotation(stack.pop()[0], i + 1))
            elif ch in "'\"" and not between_letters:
                if stack and stack[-1][1] == ch and not before.isspace():
                    found.append(Quotation(stack.pop()[0], i + 1))
                elif not before.isalnum():
                    stack.append((i, ch))
        found.extend(Quotation(start, para.end) for start, _ in stack)
    return sorted(found, key=lambda q: (q.start, -q.end))


def _covers(span_start: int, span_end: int, q: Quotation, text: str) -> bool:
    """A key span stands for a quotation when it is the quotation, with or without its marks."""
    inner_start, inner_end = q.start + 1, q.end - (1 if text[q.end - 1] in QUOTE_MARKS else 0)
    return (span_start, span_end) in {(q.start, q.end), (inner_start, inner_end)}


def classify(exercise, q: Quotation) -> str | None:
    """Whose marks these are: SPEAKER, EITHER, NOBODY, or None when the key does not say."""
    text = exercise.article.text
    for item in exercise.key:
        if item.label == "cue" and any(_covers(s.start, s.end, q, text) for s in item.spans):
            kinds = values(item.attrs.get("type")) & {"quoted-words", "scare-quotes"}
            if kinds == {"quoted-words"}:
                return SPEAKER
            if kinds == {"scare-quotes"}:
                return NOBODY
            if kinds:
                return EITHER
    if any("cue" in d.labels and _covers(d.start, d.end, q, text) for d in exercise.distractors):
        return NOBODY
    if len(q.words(text)) > SHORT_QUOTE_WORDS:
        return SPEAKER  # a whole quoted sentence is somebody's
    return None


def word_owners(exercise) -> list[str]:
    """For every code point of the article: whose words it belongs to by the quotation marks."""
    text = exercise.article.text
    owner = [REPORTER] * len(text)
    rank = {REPORTER: 0, NOBODY: 0, EITHER: 1, SPEAKER: 2}
    for q in quotations(exercise.article):
        kind = classify(exercise, q)
        if kind is None:
            continue
        mark = EITHER if kind == EITHER else SPEAKER if kind == SPEAKER else REPORTER
        for i in range(q.start, q.end):
            if rank[mark] > rank[owner[i]]:
                owner[i] = mark
    return owner


def expected_voice(text: str, owners: list[str], start: int, end: int) -> set:
    """The voices the rule accepts for a span: `quoted` when every word is a speaker's, `reporter`
    when none is, both when some words are or when the marks can be read either way."""
    seen = {owners[i] for i in range(start, end) if not _SPACE.match(text[i]) and text[i] not in QUOTE_MARKS}
    if seen <= {REPORTER}:
        return {"reporter"}
    if seen == {SPEAKER}:
        return {"quoted"}
    return {"reporter", "quoted"}


class VoiceRule:
    """The voice rule over one exercise's article and cue layer, for any span: what `validate` holds a key
    item's `voice` to, and what `medialit new` drafts."""

    def __init__(self, exercise):
        self.text, self.owners = exercise.article.text, word_owners(exercise)
        self.unclassified = [q for q in quotations(exercise.article) if classify(exercise, q) is None]

    def of(self, start: int, end: int) -> set | None:
        """The voices the marks give a span; None where a short quotation whose marks the key does not classify
        (no cue item or cue distractor on them) touches it: either voice may be right there."""
        if any(q.start < end and start < q.end for q in self.unclassified):
            return None
        return expected_voice(self.text, self.owners, start, end)


def voice_runs(exercise) -> list[tuple[int, int, str]]:
    """The stretches of the article whose words are a speaker's (`speaker`) or may be read either way
    (`either`), as (start, end, owner), in order; everything else is the reporter's."""
    owners = word_owners(exercise)
    runs: list[tuple[int, int, str]] = []
    for i, owner in enumerate(owners):
        if owner not in (SPEAKER, EITHER):
            continue
        if runs and runs[-1][1] == i and runs[-1][2] == owner:
            runs[-1] = (runs[-1][0], i + 1, owner)
        else:
            runs.append((i, i + 1, owner))
    return runs


def reported_runs(exercise) -> list[tuple[int, int]]:
    """The stretches of the article whose words sum up what someone said: the key's claims linked to a
    source, joined where they touch, in order. Words there are still the reporter's when no speaker's marks
    are round them, and that is the case the voice sentences name ("even where it sums up what someone
    said"); elsewhere the reporter's words sum up nobody."""
    runs: list[tuple[int, int]] = []
    claims = sorted((k.start, k.end) for k in exercise.key if k.label == "claim" and k.source_ids)
    for start, end in claims:
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def sums_up(runs: list[tuple[int, int]] | list[list[int]], start: int, end: int) -> bool:
    """Whether the span start..end lies in one of `reported_runs`: its words sum up what someone said
    (voices.js's sumsUp)."""
    return any(s <= start and end <= e for s, e in runs)
