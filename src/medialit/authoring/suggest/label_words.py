"""Which words may make the label a verb of labelling puts on something, where no parser says which is an adjective:
the endings English gives adjectives ('reckless', 'unworkable'), and a comma between two words that describe the
label's noun ('a cockamamie, xenophobic scheme')."""

from __future__ import annotations

from .time_phrases import TimePhrases
from .word_lists import (
    ADJECTIVE_ENDINGS,
    AFTER_A_NOUN,
    LABEL_ARTICLES,
    NEGATED_ENDINGS,
    NEGATING_PREFIXES,
    NOT_NEGATED_AFTER_UN,
    NOUNS_WITH_ADJECTIVE_ENDINGS,
)


def adjective_shaped(word: str) -> bool:
    """Whether a word in small letters ends as only adjectives do (ADJECTIVE_ENDINGS: 'reckless', 'dangerous',
    'shameful', 'irresponsible', 'unworkable', 'childish'), or negates one that may be a noun's ('unethical',
    'unrealistic', 'irrational', 'illegal', 'unattractive', 'irrelevant') or is plain ('unfair', 'unwise'). Not a
    noun with such an ending ('constable', 'hospital', 'detective'), a word that goes after its noun ('the man
    responsible') or a word in -ly, which says how ('unexpectedly'); 'absurd', 'silly', 'wrong' or 'cynical' show no
    such ending and are missed."""
    if not (word.isalpha() and word.islower()) or word.endswith("ly"):
        return False
    if word in NOUNS_WITH_ADJECTIVE_ENDINGS | AFTER_A_NOUN:
        return False
    if any(word.endswith(end) and len(word) - len(end) >= stem for end, stem in ADJECTIVE_ENDINGS.items()):
        return True
    prefix = next((p for p in NEGATING_PREFIXES if word.startswith(p)), None)
    if prefix is None:
        return False
    rest = word[len(prefix) :]
    plain = prefix == "un" and len(rest) >= 4 and not rest.startswith(NOT_NEGATED_AFTER_UN)
    return plain or rest.endswith(NEGATED_ENDINGS) and len(rest) > 4


class LabelWords(TimePhrases):
    """Tells the words of a label that no 'a', 'an' or quotation mark shows: one with an adjective's ending, and the
    commas between the words that describe a label's noun."""

    def _adjective_label(self, n: int) -> bool:
        """Whether the word at token `n`, outside quotation marks, is shaped as an adjective and ends its clause, at a
        pause, the end of its sentence, a passive verb's 'by' or a time phrase that ends the clause ('called the plan
        reckless.', 'branded it unworkable, and …', 'was dubbed unaffordable by residents', '… reckless on Monday'):
        a label alone, where a noun phrase would go on ('called the police', 'called the plan off')."""
        doc = self.doc
        return self._label_ends_at(n) and not (self.quoted(n) or doc[n].is_stop) and adjective_shaped(doc[n].text)

    def _label_ends_at(self, n: int) -> bool:
        """Whether a label may end with the word at token `n`: a pause, the end of the sentence, a passive verb's 'by'
        or a time phrase that ends the clause comes next ('reckless.', 'reckless by critics', 'reckless on Monday')."""
        doc, last = self.doc, self.sents[self.sent_of[n]][1]
        after = self._time_phrase_end(n + 1) if n + 1 < last else last
        return after >= last or doc[after].is_punct or doc[after].lower_ == "by"

    def _comma_in_label(self, c: int) -> bool:
        """Whether the comma at token `c` stands between two words that describe the noun of a label opened by 'a' or
        'an' ('a cockamamie, xenophobic scheme', 'a cruel, heartless, cynical plan'): back from it, words in small
        letters, each after a comma, to the first one after 'a' or 'an'; on from it, words with an adjective's ending
        (`adjective_shaped`, also 'xenophobic' or 'cynical' in that place), each before a comma, then the noun, which
        ends the clause. 'a disgrace, officials said' goes on with who said it, and the label stops at the comma."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[c]]
        if doc[c].text != ",":
            return False
        b = c - 1
        while b - 2 >= first and doc[b - 1].text == "," and self._describing(b - 2):
            b -= 2
        if not (b - 1 >= first and self._describing(b) and doc[b - 1].lower_ in LABEL_ARTICLES):
            return False
        n = c + 1
        while n + 2 < last and self._describing(n, True) and doc[n + 1].text == ",":
            n += 2
        noun = n + 1
        return noun < last and self._describing(n, True) and self._describing(noun) and self._label_ends_at(noun)

    def _describing(self, n: int, after_a_comma: bool = False) -> bool:
        """Whether the word at token `n` may describe a label's noun, or be it: a content word in small letters outside
        quotation marks; after a comma one with an adjective's ending, the endings of nouns too ('xenophobic',
        'cynical'), as no noun stands in that place before another noun."""
        tok = self.doc[n]
        if not (tok.is_alpha and tok.is_lower and not tok.is_stop) or self.quoted(n):
            return False
        return not after_a_comma or adjective_shaped(tok.text) or tok.text.endswith(NEGATED_ENDINGS)
