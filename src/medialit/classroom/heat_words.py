"""The heat map's words, and how many students tagged each: one number a word, as a teacher reads the map.

The map shades each part of a word by its own count (despot and ’s, ‘ and assassination), but a teacher reads
words: the counts shown after the words (`report_page.count_places`) and heat.csv (`ClassReport.heat_csv`) give
one number a word, by the rule here, for the same words: those of the lines measured (`measured_tokens`).
`src/js/classroom/heat_words.js` is this module step for step.
"""

from __future__ import annotations

from ..core.article import is_punctuation


def measured_tokens(tokens: list, lines: list[int] | tuple[int, int] | None) -> list:
    """The tokens of the lines the report measures (`lines`: the first and the last, or None for the whole article):
    the words the heat map shows and heat.csv has rows for, so that no row says 0 for a word no student was asked
    about."""
    if not lines:
        return list(tokens)
    first, last = lines
    return [t for t in tokens if first <= t.line <= last]


def written_words(tokens: list) -> list[list[int]]:
    """Each word's positions in `tokens`, in order: a word is what the article has between spaces, its tokens
    joined with no space between them in one paragraph (despot’s, drone-led, ignored”)."""
    words: list[list[int]] = []
    word: list[int] = []
    for k, tok in enumerate(tokens):
        word.append(k)
        if tok.ws or k + 1 == len(tokens) or tokens[k + 1].para != tok.para:
            words.append(word)
            word = []
    return words


def word_count(counts: list[int], tokens: list, word: list[int]) -> int | None:
    """How many students tagged a word (`counts`: each token's, by its `i`): the most who tagged a part of it that
    is not punctuation, since at least that many tagged the word; None for a word of punctuation alone (a dash
    between spaces), which a teacher does not read as a word."""
    parts = [counts[tokens[k].i] for k in word if not is_punctuation(tokens[k].text)]
    return max(parts) if parts else None


def word_rows(heat: dict[str, list[int]], labels: list[str], tokens: list) -> list[list]:
    """heat.csv's rows: each word of `tokens` as the article writes it, with its line and how many students tagged
    it with each of `labels` (`heat`: each label's counts by token), in the article's order; no row for a word of
    punctuation alone."""
    rows = []
    for word in written_words(tokens):
        counts = [word_count(heat[label], tokens, word) for label in labels]
        if None not in counts:
            rows.append([tokens[word[0]].line, "".join(tokens[k].text for k in word), *counts])
    return rows
