"""When and how something was said ('on Tuesday', 'later', 'angrily'): the words that stand between a speaker and the
verb, and are never who spoke. Apart because names, speakers, passives and claims all step over them."""

from __future__ import annotations

from .draft import Draft
from .word_lists import ADVERBS_BEFORE_VERB, NOUNS_IN_LY, PERFECT_AUXILIARIES, WHEN_LEADS, WHEN_WORDS


class TimePhrases(Draft):
    """Steps over the words for when and how between a speaker and the verb, and finds a time phrase's end."""

    def _past_adverbs(self, j: int) -> int:
        """Where a verb may stand after the speaker ending at token `j`, past up to two words that are 'has', 'have',
        'had' or a word for when or how ('has also accused', 'later said', 'angrily denied') or time phrases ('on
        Tuesday accused', 'last week said', 'had earlier today told'); a word in a list, since '-ly' alone would take
        a noun too ('the Hale family said': the family speaks, not Hale), but for any word in -ly right before a verb
        of saying, charge or criticism (`_how_said`)."""
        doc, k = self.doc, j
        for _ in range(2):
            if k >= len(doc) or self.sent_of[k] != self.sent_of[j - 1]:
                break
            if (when := self._time_phrase_end(k)) > k:
                k = when
            elif doc[k].lower_ in PERFECT_AUXILIARIES | ADVERBS_BEFORE_VERB or self._how_said(k):
                k += 1
            else:
                break
        return k

    def _how_said(self, k: int) -> bool:
        """Whether token `k` is a word in -ly right before a verb of saying, charge or criticism ('furiously decried',
        'angrily accused', 'wrongly said'): how it was done, since no noun in -ly but the few listed would stand
        there ('the Hale family said'); not a hedge ('reportedly said'), which is a cue of its own."""
        doc, word = self.doc, self.doc[k].lower_
        return (
            k + 1 < len(doc)
            and k not in self.cue_at
            and doc[k].is_lower
            and doc[k].is_alpha
            and word.endswith("ly")
            and word not in NOUNS_IN_LY
            and self.speech_cue(k + 1)
        )

    def _adverbs_before(self, v: int) -> int:
        """Where the words that `_past_adverbs` steps over start before the verb at token `v` ('also', 'has since', 'on
        Tuesday'), or `v`: whoever says it, named or not, ends there ('Hale also said', 'A local trader also said')."""
        first = self.sents[self.sent_of[v]][0]
        return min((k for k in range(max(first + 1, v - 10), v) if self._past_adverbs(k) == v), default=v)

    def _time_phrase_end(self, k: int) -> int:
        """Where the time phrase that starts at token `k` ends ('on Tuesday', 'last week', 'in 2019', 'earlier today',
        as `_after_time` reads one), or `k` when none starts there: when something was said is not who said it."""
        last = self.sents[self.sent_of[k]][1]
        return max((m for m in range(k + 1, min(k + 5, last + 1)) if self._after_time(k, m)), default=k)

    def _before_time_phrase(self, n: int, end: int) -> int:
        """Where the words from token `n` to `end` stop before a time phrase that a word such as 'on' or 'last' opens
        and `end` ends ('a disaster on Monday', 'a failure last week'): when it was said is not what was said. `end`
        where none does ('a second time' is how often, and the whole of it)."""
        doc = self.doc
        when = (m for m in range(n + 1, end) if doc[m].lower_ in WHEN_LEADS and self._time_phrase_end(m) == end)
        return next(when, end)

    def _after_time(self, first: int, k: int) -> bool:
        """Whether tokens first..k are a time phrase alone ('On Monday', 'At the weekend', 'In May 2019'): words
        for when and the small words before them, ending on a day, a month, a year or a word for a stretch of time;
        a number alone is how many ('12 hotels said'), not when."""
        doc = self.doc
        when = [t.lower_ in WHEN_WORDS or t.is_digit for t in doc[first:k]]
        return (
            k > first
            and when[-1]
            and not all(t.is_digit for t in doc[first:k])
            and all(w or t.lower_ in WHEN_LEADS for w, t in zip(when, doc[first:k]))
        )
