"""Where a clause starts and ends: the edge before it, its subject, the noun a relative word stands for, where a
reported clause stops. Apart because speakers, passives, judgements and claims all ask it."""

from __future__ import annotations

from .draft import name_shaped
from .quotations import Quotations
from .time_phrases import TimePhrases
from .word_lists import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    DESCRIBING_STOP_WORDS,
    DESCRIPTION_WORDS_MAX,
    DETERMINERS,
    LISTENER_WORDS_MAX,
    NUMBER_WORDS,
    POSSESSIVES,
    RELATIVE_WORDS,
)


class Clauses(TimePhrases, Quotations):
    """Finds where a clause and its subject start, and where a reported clause stops."""

    def _clause_edge(self, n: int) -> bool:
        """Whether token `n` ends what comes before a clause: a pause, a quotation, a verb of saying or a word
        that opens a clause ('and', 'that', 'because')."""
        doc = self.doc
        return (
            doc[n].text in {",", ";", ":"}
            or self.dash(n)
            or self.quoted(n)
            or doc[n].lower_ in CLAUSE_OPENERS
            or any(self.speech_cue(c) for c in self.cue_ending_at.get(n + 1, []))
        )

    def _opens_clause(self, k: int) -> bool:
        """Whether token `k` is the first of its clause: at the sentence's start, after a clause's edge, or right
        after a time phrase that opens the sentence with no comma ('On Monday the hotel said', 'Last week two
        traders said'), since when it was said is not who said it."""
        first = self.sents[self.sent_of[k]][0]
        return k == first or self._clause_edge(k - 1) or self._after_time(first, k)

    def _clause_subject(self, i: int) -> int | None:
        """Where the subject before the verb at token `i` starts, back to the start of its clause, past an aside that
        closes right before the verb; None when a relative word is the subject or no word stands there."""
        doc, first = self.doc, self.sents[self.sent_of[i]][0]
        k = i
        if k > first and doc[k - 1].text == ",":
            k = next((n for n in range(k - 2, first, -1) if doc[n].text == ","), first)
        elif k > first and doc[k - 1].lower_ in RELATIVE_WORDS:
            return None
        start = k
        while start > first and not self._clause_edge(start - 1):
            start -= 1
        return start if self.words(start, k) else None

    def _set_off_relative(self, r: int) -> bool:
        """Whether token `r` is 'which' or 'who' after a comma: its clause is an aside that tells more of what comes
        before ('the council, which was blamed for the delay', 'Jo Lee, who said …'), not which one the sentence is
        about, and it ends at its closing comma."""
        first = self.sents[self.sent_of[r]][0]
        return r > first and self.doc[r].lower_ in {"which", "who"} and self.doc[r - 1].text == ","

    def _closes_relative_aside(self, comma: int) -> bool:
        """Whether the comma at token `comma` closes a relative clause that a comma before it opens ('Holt's Bakery,
        which has sold bread for 40 years, warned'): the clause is an aside about the noun before it."""
        first = self.sents[self.sent_of[comma]][0]
        opened = next((n for n in range(comma - 1, first, -1) if self.doc[n].text == ","), None)
        return opened is not None and self._set_off_relative(opened + 1)

    def _noun_before_relative(self, r: int) -> int | None:
        """Where the noun phrase starts that the relative word at token `r` stands for, before it or before the comma
        that sets its clause off ('the village's only school, which …', 'Ashby Fold Primary, which …'); None when
        no noun phrase ends there."""
        doc, first = self.doc, self.sents[self.sent_of[r]][0]
        n = r - 1 if doc[r - 1].text == "," else r
        for start in range(n - 1, max(first, n - DESCRIPTION_WORDS_MAX - 3) - 1, -1):
            word = doc[start]
            if word.lower_ in DETERMINERS:
                return start  # "the village's only primary school"
            if word.lower_ in NUMBER_WORDS or word.like_num:  # "two drones", "the two drones"
                before = start - 1
                return before if before >= first and doc[before].lower_ in DETERMINERS else start
            if word.lower_ in POSSESSIVES:
                continue
            if not word.is_alpha or (
                word.is_stop and word.lower_ not in DESCRIBING_STOP_WORDS and not name_shaped(word)
            ):
                break
        names = n
        while names > first and name_shaped(doc[names - 1]) and not doc[names - 1].is_stop:
            names -= 1
        return names if names < n else None  # "Ashby Fold Primary, which the council says …"

    def _ends_reported(self, n: int) -> bool:
        """Whether a reported clause stops at token `n`: at a dash or a semicolon, at a quotation of its own, or
        at the pause after a quotation that finished the clause ('said this was “for officers to do their
        job”, but …': what follows the comma is the writer's again)."""
        if self.dash(n) or self.doc[n].text == ";" or self._new_speaker_after(n) or self._no_comment_next(n):
            return True
        if self.quoted(n):
            return not self._in_partial(n) and not self._continues_clause(n)
        return self.doc[n].is_punct and n > 0 and self.quoted(n - 1) and not self._in_partial(n - 1)

    def _new_speaker_after(self, n: int) -> bool:
        """Whether the comma at token `n` opens a clause of its own with a speaker and a verb of saying ('…, but the
        council said it had no choice') or words that say they gave no comment ('…, and the harbour master declined to
        comment'): what follows is someone else's, not more of this claim. Words for a speaker come before that verb,
        never an auxiliary or a relative word."""
        doc, last = self.doc, self.sents[self.sent_of[n]][1]
        if doc[n].text != ",":
            return False
        k = n + 1
        if k < last and doc[k].lower_ in {"and", "but", "while", "whereas"}:
            k += 1
        for m in range(k, min(k + LISTENER_WORDS_MAX + 1, last)):
            if m > k and (self.speech_cue(m) or m in self.no_comment_at) and not self.quoted(m):
                return True
            word = doc[m].lower_
            if not (doc[m].is_alpha or word in POSSESSIVES) or word in AUXILIARIES | RELATIVE_WORDS | {"not"}:
                return False  # '…, but could not say', '…, who claims': the same speaker goes on
        return False

    def _no_comment_next(self, n: int) -> bool:
        """Whether words that say the speaker gave no comment follow the pause, 'and' or 'but' at token `n` ('Jo Lee
        said the pool would close, but could not be reached for comment'): the writer's words about the speaker,
        not more of what they said."""
        doc = self.doc
        k = n + 1 if doc[n].text == "," else n
        if k < len(doc) and doc[k].lower_ in {"and", "but"}:
            k += 1
        return k > n and k in self.no_comment_at and self.sent_of[k] == self.sent_of[n]
