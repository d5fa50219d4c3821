"""Speakers whose noun is in no list ('A local trader said', '…,” said two bakeries', 'branded a waste by campaigners',
'The diocese declined to comment'): found by where they stand, since our lists cannot name every trade or body."""

from __future__ import annotations

from .identities import SourceIdentity
from .passives import Passives
from .suggestion import CONFIDENCE
from .word_lists import (
    JUDGING_VERBS,
    NUMBER_WORDS,
    PASSIVE_AFTER,
    PREPOSITION_OPENERS,
    SPEAKER_DETERMINERS,
    SPEAKING_VERBS,
    TIME_WORDS,
    WHEN_WORDS,
    WHICH_ONES,
)


class AnyNounSpeakers(Passives, SourceIdentity):
    """Drafts as sources the speakers whose noun is in no list, by where they stand."""

    def _who_declined(self, answered: set[int]) -> None:
        """'The diocese declined to comment': whoever stands right before words that say no comment was given was
        asked about it, whatever the noun (our job and group words cannot list every body), so that noun phrase
        is a source that said nothing. A pronoun ('He declined to comment') is left to the sentences before."""
        for k, end in sorted(self.no_comment_at.items()):
            span = None if k in answered or self.quoted(k) else self._noun_phrase_before(k)
            if span is None:
                continue
            words, j = span
            i = self._with_determiner(words)
            kinds = [self._kind(t) for t in self.doc[i:j]]
            titles = [self.doc[n].lower_ for n in range(i, j) if kinds[n - i] == "TITLE"]
            self.add(
                "source",
                i,
                j,
                self._source_attrs(kinds, titles, i),
                f"who stands before '{self.doc[k:end].text}': asked, they said nothing, so no claim comes from them",
                CONFIDENCE["no-comment-subject"],
                entity=self.entities.of(self.doc, self._name_words(i, kinds), titles) or self.doc[words:j].text.lower(),
                said_nothing=True,
            )

    def _any_noun_speakers(self, speakers: dict[int, tuple[int, int]]) -> None:
        """'A local trader said', 'Two hotels told the Gazette': a noun phrase that opens its clause with a word
        that picks out which one, right before a verb that only reports speech (perhaps after 'had'), is who
        speaks, whatever the noun (our job and group words cannot list every trade); a hedge such as 'reportedly'
        before the verb is not part of it. Not a time ('The next day
        said'), not who a passive is about ('A man said to be …'), not the object of a verb or a preposition
        before it ('the man who runs the ferry said', 'The morning after the storm said')."""
        doc = self.doc
        for v in sorted(self.cue_at):
            if v in speakers or not self._speaks_for_its_subject(v) or not self.speech_cue(v) or self.quoted(v):
                continue
            if v + 1 < len(doc) and doc[v + 1].lower_ in PASSIVE_AFTER:
                continue
            k = v
            for _ in range(2):  # past a hedge and 'had' or 'also': 'The mayor reportedly told', 'a trader also said'
                hedge = next((c for c in self.cue_ending_at.get(k, []) if not self.cue_at[c][2]), None)
                k = hedge if hedge is not None else self._adverbs_before(k)
            span = self._noun_phrase_before(k)
            if span is None:
                continue
            words, j = span
            while words < j - 1 and doc[words].lower_ in WHEN_WORDS:
                words += 1  # 'Last week swimmers said': when it was said is not who said it (`_opens_clause`)
            i, first = self._with_determiner(words), self.sents[self.sent_of[words]][0]
            if i == words and not self._bare_plural(i, j):
                continue
            if not self._opens_clause(i) or (i > first and doc[i - 1].lower_ in PREPOSITION_OPENERS):
                continue
            if any(t.lower_ in TIME_WORDS for t in doc[i:j]):
                continue
            made = self._any_noun_source(
                i,
                j,
                words,
                f"who stands right before '{doc[v : self.cue_at[v][0]].text}', whatever the noun",
                CONFIDENCE["noun-before-verb"],
            )
            if made:
                speakers[v] = (made.start, made.end)

    def _bare_plural(self, i: int, j: int) -> bool:
        """Whether tokens i..j are a plural noun phrase with no word before it that picks out which ones ('Shoppers',
        'Local traders', 'Council tenants'): English lets only a plural or a mass noun stand so, and a name is a name
        whatever it ends in, so the last word is spelt as a plural, no word is written as a name and none says when
        ('Last week traders said')."""
        words = self.doc[i:j]
        plural = self._plural_spelling(words[-1].lower_)
        return plural and all(self._kind(t) != "NAME" and t.lower_ not in WHEN_WORDS for t in words)

    def _speaks_for_its_subject(self, v: int) -> bool:
        """Whether the verb at token `v` says that its subject, whatever noun it is, spoke, charged or criticised: a
        verb that only reports speech ('A local trader said'), or one of charge or criticism with what it charges
        after it ('The landlord accused the council of lying', 'Two shoppers blamed the delay on the council')."""
        word = self.doc[v].lower_
        return word in SPEAKING_VERBS or word in JUDGING_VERBS and not self._participle_after_noun(v)

    def _any_noun_speakers_after(self, speakers: dict[int, tuple[int, int]]) -> None:
        """'…,” said a local trader', '…,” said two bakeries on the quay': after a pause and a verb of saying, a noun
        phrase opened by a word that picks out which one or by a number is who speaks, whatever the noun, as it is
        before the verb. Not when it was said ('said one morning', 'said the next day'), not where or how ('said
        in a statement'), not what ('said that …'), and not a clause's subject ('…, said the pool was shut')."""
        doc = self.doc
        for v in sorted(self.cue_at):
            k = self.cue_at[v][0]
            inverted = v > 0 and doc[v - 1].is_punct and self.sent_of[v - 1] == self.sent_of[v]
            if v in speakers or not inverted or doc[v:k].text.lower() not in SPEAKING_VERBS:
                continue
            if not self.speech_cue(v) or self.quoted(v) or k >= len(doc) or self.sent_of[k] != self.sent_of[v]:
                continue
            which = doc[k].lower_
            if not (which in SPEAKER_DETERMINERS or which in NUMBER_WORDS or (doc[k].like_num and not doc[k].is_alpha)):
                continue
            j = self._speaker_words_after(k + 1, self.sents[self.sent_of[v]][1])
            if j == k + 1 or not self._ends_speaker(j) or any(t.lower_ in WHEN_WORDS for t in doc[k:j]):
                continue
            made = self._any_noun_source(
                k,
                j,
                k + 1,
                f"who stands right after '{doc[v:k].text}', whatever the noun",
                CONFIDENCE["noun-after-verb"],
            )
            if made:
                speakers[v] = (made.start, made.end)

    def _passive_agents(self, speakers: dict[int, tuple[int, int]]) -> None:
        """'The plan was branded a waste by campaigners', 'The delay was blamed on the contractor by residents': whoever
        comes after 'by' made the judgement or the charge, whatever the noun, as the subject of 'Campaigners branded
        the plan a waste' or 'Residents blamed the contractor for the delay' does."""
        for v, (k, _, speech) in sorted(self.cue_at.items()):
            agent = None if v in speakers or not speech or self.quoted(v) else self._passive_agent(v, k)
            if agent is None:
                continue
            start, nouns, end = agent
            be = self._be_before(v)
            why = f"who comes after 'by' that follows '{self.doc[v if be is None else be : k].text}', whatever the noun"
            made = self._any_noun_source(start, end, nouns, why, CONFIDENCE["noun-after-verb"])
            if made:
                speakers[v] = (made.start, made.end)

    def _any_noun_source(self, i: int, j: int, nouns: int, reason: str, confidence: float):
        """Draft tokens [i, j), a speaker whose noun is in no list ('A local trader'), as a source: its attributes
        from its words, and its entity from the names in it or else from its words from `nouns` on. A job or group
        word gives it a role only where it is the noun the phrase is about, the last before 'of', 'for', 'from' or
        the end ('two council officers'); before another noun it only says which ones ('Council tenants')."""
        doc = self.doc
        kinds = [self._kind(t) for t in doc[i:j]]
        head = next((n for n, t in enumerate(doc[i:j]) if t.lower_ in WHICH_ONES), j - i) - 1
        titles = [doc[n].lower_ for n in range(i, j) if kinds[n - i] == "TITLE"] if kinds[head] == "TITLE" else []
        return self.add(
            "source",
            i,
            j,
            self._source_attrs(kinds, titles, i),
            reason,
            confidence,
            entity=self.entities.of(doc, self._name_words(i, kinds), titles) or doc[nouns:j].text.lower(),
        )
