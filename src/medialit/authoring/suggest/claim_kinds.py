"""What kind a claim is (a fact, a prediction, an accusation; stated without evidence), and the sentences that are a
claim by their news alone: a figure, an accusation word, what will or may happen."""

from __future__ import annotations

from ...core.article import is_quote_mark
from .passives import Passives
from .suggestion import CONFIDENCE
from .word_lists import (
    ACCUSATION_WORDS,
    AUXILIARIES,
    DETERMINERS,
    EVIDENCE_MISSING,
    FORECAST,
    HEADLINE_SUBJECT_WORDS_MAX,
    IRREGULAR_PARTICIPLES,
    MODALS_OF_THE_FUTURE,
    NOT_THE_FUTURE_AFTER,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    PAST_MODALS,
    PREPOSITIONS,
)


class ClaimKinds(Passives):
    """Tells a claim's kind, and drafts the sentences whose news alone makes them a claim."""

    def _claim_attrs(self, i: int, j: int, voice: str | None) -> dict:
        words = {t.lower_ for t in self.doc[i:j]}
        forecast = self._forecast(i, j)
        attrs = {"kind": "accusation" if words & ACCUSATION_WORDS else "prediction" if forecast else "fact"}
        first, last = self.sents[self.sent_of[i]]
        if EVIDENCE_MISSING.search(self.doc[first:last].text):
            attrs["evidence"] = "stated-without-evidence"
        if voice:
            attrs["voice"] = voice
        return attrs

    def _forecast(self, i: int, j: int, past_forms: bool = True) -> str:
        """The words in tokens i..j that say what will or may happen, or '': 'will', 'would', 'is set to', 'is
        expected to', a modal of the future (`_modal_future`) or a headline's 'to' before a verb (`_headline_plan`);
        without `past_forms`, not 'would' or 'could', which also tell of the past ('would queue every Saturday',
        'Smoke could be seen for miles')."""
        doc, past = self.doc, set() if past_forms else PAST_MODALS
        found = next((t.text for t in doc[i:j] if t.lower_ in {"will", "would"} - past), None)
        found = found or (m.group(0) if (m := FORECAST.search(doc[i:j].text)) else None)
        modal = (n for n in range(i, j) if self._modal_future(n, n + 1) and doc[n].lower_ not in past)
        found = found or next((doc[n : n + 2].text for n in modal), None)
        return found or next((doc[n : n + 2].text for n in range(i, j) if self._headline_plan(n)), "")

    def _headline_plan(self, n: int) -> bool:
        """Whether the 'to' at token `n` stands for 'is to' in a headline ('Library to close in spring', 'Council To
        Review Opening Hours'): what is planned or foreseen. A headline is a paragraph of one sentence with no full
        stop at its end, written without 'is', 'has' or 'will' as headlines are ('What appears to be a drone is seen'
        is a caption); the 'to' follows its subject, a few words from the start or a colon, not a verb ('urged to',
        'trying to'), and a verb follows it, not a name the article writes with a capital inside a sentence
        ('Flights to Paris') or a word that opens a noun phrase ('to the town')."""
        doc = self.doc
        if doc[n].lower_ != "to" or n + 1 >= len(doc) or not self._headline(self.sent_of[n]):
            return False
        first = self.sents[self.sent_of[n]][0]
        if any(t.lower_ in AUXILIARIES for t in doc[first : self.sents[self.sent_of[n]][1]]):
            return False
        subject = next((k + 1 for k in range(n - 1, first - 1, -1) if doc[k].text == ":"), first)
        if self.words(subject, n) > HEADLINE_SUBJECT_WORDS_MAX:
            return False  # '… strikes oil depot close to key Crimean bridge': 'to' after a verb and its object
        before, after = doc[n - 1] if n else None, doc[n + 1]
        if before is None or self.sent_of[n - 1] != self.sent_of[n] or not before.is_alpha:
            return False
        if before.lower_.endswith(("ed", "en", "ing")) or before.lower_ in IRREGULAR_PARTICIPLES | AUXILIARIES:
            return False
        noun_phrase = after.lower_ in DETERMINERS | OBJECT_PRONOUNS | NUMBER_WORDS | PREPOSITIONS or after.like_num
        return after.is_alpha and not noun_phrase and after.lower_ not in self.capital_inside

    def _headline(self, n: int) -> bool:
        """Whether sentence `n` is a paragraph of its own that ends with no full stop, '!' or '?': a headline."""
        first, last = self.sents[n]
        ending = [t.text for t in self.doc[first:last] if not is_quote_mark(t.text)]
        whole = (first == 0 or "\n" in self.tokens[first - 1].ws) and (
            last >= len(self.doc) or "\n" in self.tokens[last - 1].ws
        )
        return whole and bool(ending) and ending[-1] not in {".", "!", "?", "…"}

    def _modal_future(self, i: int, j: int) -> bool:
        """Whether a modal verb in tokens i..j says what may happen: 'may', 'might' or 'could' written small (not the
        month 'May') before a word that is no date, no determiner and not 'have' or 'not' ('may review the decision',
        'could close'; not 'may have started', 'could not explain', 'in May 2023')."""
        doc = self.doc
        return any(
            doc[n].text in MODALS_OF_THE_FUTURE
            and doc[n + 1].is_alpha
            and doc[n + 1].lower_ not in NOT_THE_FUTURE_AFTER | DETERMINERS
            for n in range(i, min(j, len(doc) - 1))
        )

    def _whole_sentence_claims(self) -> None:
        """A sentence no other rule drafts a claim in is a claim of its own when its news holds a figure, a word of
        accusation, or words that say what will or may happen ('The council may review the decision next year',
        'Library to close in spring'), but for 'would' and 'could' alone, which tell of the past as often; not a
        question, which says nothing true or false."""
        for n, (first, last) in enumerate(self.sents):
            if n in self.claims_by_sentence or n in self.asking or self.words(first, last) < 5:
                continue
            end = self._before_who_charges(first, last)
            if end is None or self._asks(first, end):
                continue
            news = self.doc[self._past_who_said_nothing(first, end) : end]
            figure = next((t for t in news if any(ch.isdigit() for ch in t.text) or t.lower_ in NUMBER_WORDS), None)
            accusation = next((t for t in news if t.lower_ in ACCUSATION_WORDS and not self._says_which_one(t.i)), None)
            forecast = self._forecast(news.start, news.end, past_forms=False)
            if figure is not None:
                reason, confidence = f"a sentence with a figure ('{figure.text}')", CONFIDENCE["figure"]
            elif accusation is not None:
                reason, confidence = (
                    f"a sentence with an accusation word ('{accusation.text}')",
                    CONFIDENCE["accusation"],
                )
            elif forecast:
                reason, confidence = (
                    f"a sentence that says what will or may happen ('{forecast}')",
                    CONFIDENCE["forecast"],
                )
            else:
                continue
            if end < last:
                reason += f", up to who made the charge after '{self.doc[end].text}'"
            voice = "quoted" if self.quoted(first) else "reporter"
            self.add("claim", first, end, self._claim_attrs(first, end, voice), reason, confidence, keep_quotes=True)

    def _before_who_charges(self, first: int, last: int) -> int | None:
        """Where the sentence at tokens first..last ends as a claim of its own: at the 'by' that brings in who labels
        or charges after a passive verb ('The council was blamed for the delay | by residents near the park'), even
        where the rules cannot say where those words end, since a claim never holds who made it; None where 'by'
        comes right after the verb ('The mayor was accused by residents of the estate of lying'), where no claim can
        leave them out; else `last`."""
        end = last
        for v in range(first, last):
            found = self._after_by(v, self.cue_at[v][0]) if v in self.cue_at and not self.quoted(v) else None
            if found is not None:
                by = found[0]
                if by == self.cue_at[v][0]:
                    return None
                end = min(end, by)
        return end

    def _past_who_said_nothing(self, first: int, last: int) -> int:
        """Where a sentence's news starts: 'Two hotels declined to comment' only says that someone said nothing,
        so a figure or an accusation word in who it was, or in the words saying so, makes no claim; an aside
        ('The firm, which lost £3m, declined to comment') or what follows ('… on the 40 job cuts') may."""
        for k, end in self.no_comment_at.items():
            if first <= k < last and not any(t.is_punct for t in self.doc[first:k]):
                return end
        return first
