"""What quotation marks around words say: a few words quoted inside someone else's sentence, a quotation its speaker
introduces, one that carries on a clause, a quoted question. Apart because cues, loaded words, sources and claims all
read them."""

from __future__ import annotations

from ...core.article import is_quote_mark
from ..quotes import QuoteRegion
from .draft import Draft
from .word_lists import QUOTE_WORDS_MAX


class Quotations(Draft):
    """Reads the quotation marks: a partial quote, a quotation a speaker introduces, one that carries on a clause."""

    def _partial(self, region: QuoteRegion) -> bool:
        """A few quoted words inside someone else's sentence; a quoted sentence with its speech frame
        ('“No deal,” he said.') is a quotation, however short."""
        i, j = self.article.token_range(region.start, region.end)
        if i == j or not region.closed:
            return False
        first, last = self.sents[self.sent_of[i]]
        if self.words(i, j) > QUOTE_WORDS_MAX or self.words(first, last) <= self.words(i, j) + 2:
            return False
        return not (self._opens_sentence(i, first) or self._after_stop(i) or self._after_speech(i))

    def _after_stop(self, i: int) -> bool:
        """Right after a full stop ('…,” she said. “Nobody tells you anything.”'): the quotation opens a sentence of
        its own even where the sentence splitter left its straight opening mark on the sentence before."""
        return i > 0 and self.doc[i - 1].text in {".", "!", "?"}

    def _after_speech(self, i: int) -> bool:
        """Right after 'said:' or 'said,' (a quotation introduced by its speaker)."""
        k = i - 1
        while k >= 0 and self.doc[k].text in {":", ","}:
            k -= 1
        return k < i - 1 and k >= 0 and any(self.speech_cue(s) for s in self.cue_ending_at.get(k + 1, []))

    def _opens_quotation(self, k: int) -> bool:
        """Whether token `k` is a quotation mark that opens words after it: a space before it, a word right after."""
        return (
            0 < k < len(self.doc) - 1
            and is_quote_mark(self.doc[k].text)
            and bool(self.doc[k - 1].whitespace_)
            and not self.doc[k].whitespace_
        )

    def _beside_quote(self, i: int) -> bool:
        regions = self.sentence_quotes.get(self.sent_of[i], [])
        return any(r.depth == 0 and not self._partial(r) for r in regions)

    def _asks(self, i: int, j: int) -> bool:
        """Whether the quoted words at tokens i..j end on a question mark ('“Who will pay for this?”'): a question
        says nothing true or false, so it is no claim, though whoever asks it is a source."""
        ending = [t.text for t in self.doc[i:j] if not is_quote_mark(t.text)]
        return bool(ending) and ending[-1] == "?"

    def _continues_clause(self, i: int) -> bool:
        """Whether the quotation at token `i` carries on the sentence's own clause ('said the process had been
        “a shambles from start to finish”'): a word stands right before its opening mark, and that word is not a
        verb of saying that introduces it ('said “We will win”')."""
        region = self.token_region[i]
        if region is None:
            return False
        k = self.article.token_range(region.start, region.end)[0]
        first = self.sents[self.sent_of[k]][0]
        if k > first + 1 and self.doc[k - 1].lower_ == "that":
            k -= 1  # 'added that “…”' is introduced like 'added “…”'
        return (
            k > first
            and self.doc[k - 1].is_alpha
            and not any(self.speech_cue(c) for c in self.cue_ending_at.get(k, []))
        )

    def _ends_reported_clause(self, i: int) -> bool:
        """Whether the quotation opening at token `i` finishes what a verb of saying before it reports, so it
        belongs to that reported claim and is no quoted sentence of its own."""
        first = self.sents[self.sent_of[i]][0]
        return self._continues_clause(i) and any(
            self.speech_cue(v) and self.cue_at[v][1] != "hedge" and not self.quoted(v) for v in range(first, i)
        )

    def _in_partial(self, i: int) -> bool:
        region = self.token_region[i]
        return region is not None and self._partial(region)
