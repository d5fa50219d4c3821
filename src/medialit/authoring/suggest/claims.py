"""The claim rule: quoted sentences, and what a verb of saying ('said', past who heard it and when), 'according to' or
agentless words ('it is understood') report, each put to its speaker."""

from __future__ import annotations

from .draft import name_shaped
from .judgements import JudgementRules
from .pronouns import QuoteFrames
from .suggestion import CONFIDENCE
from .word_lists import (
    ACCORDING_TO_WORDS_MAX,
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    JUDGING_VERBS,
    LABELLING_VERBS,
    LISTENER_VERBS,
    LISTENER_WORDS_MAX,
    OBJECT_PRONOUNS,
    PERFECT_AUXILIARIES,
    POSSESSIVES,
    PREPOSITIONS,
    QUESTION_CUES,
    SPEAKER_DETERMINERS,
    SUBJECT_PRONOUNS,
    TELLING_VERBS,
    WHOSE,
)


class ClaimRules(JudgementRules):
    """Drafts the claims: quoted sentences and what verbs of saying and agentless words report."""

    def claims(self, speakers: dict[int, tuple[int, int]]) -> None:
        frames = QuoteFrames(self, speakers)
        self.said_by = speakers
        for region in self.regions:
            if region.depth or self._partial(region):
                continue
            toks = self.article.tokens_in(region.start, region.end)
            if not toks or self._ends_reported_clause(toks[0].i):
                continue
            speaker = frames.speaker(region, toks[0].i, toks[-1].i + 1)
            for n in sorted({self.sent_of[t.i] for t in toks}):
                first, last = self.sents[n]
                i, j = max(first, toks[0].i), min(last, toks[-1].i + 1)
                if self._asks(i, j):
                    self.asking.add(n)
                if self.words(i, j) < 4 or n in self.asking:
                    continue
                self.add(
                    "claim",
                    i,
                    j,
                    self._claim_attrs(i, j, "quoted"),
                    "a quoted sentence",
                    CONFIDENCE["quoted-claim"],
                    speaker,
                    keep_quotes=True,
                )
        for v, (end, kind, speech) in sorted(self.cue_at.items()):
            if speech and kind != "hedge" and not self.quoted(v) and not self._inside_claim(v):
                self._reported(v, end, speakers.get(v))
        for i, j, hidden in self.agentless_found:  # "It is understood that …": passed on, from no one named
            if self.quoted(i) or self._inside_claim(i):
                continue
            subject = self._subject_before(i)
            if subject is None:
                self._reported(i, j, hidden)
            else:
                self._passed_on(subject, i, j, hidden)
        self._whole_sentence_claims()

    def _inside_claim(self, v: int) -> bool:
        start = self.tokens[v].start
        return any(a <= start < b for a, b in self.claims_by_sentence.get(self.sent_of[v], []))

    def _subject_before(self, i: int) -> int | None:
        """Where the subject of the agentless 'are thought to' at token `i` starts ('Two men are thought to have
        fled', 'The union's leader, Jo Lee, is expected to speak'): back to the start of its clause, past an aside
        that closes right before the verb. None when the verb is no finite 'is', 'was', 'are' or 'were', or its
        subject is a relative word ('who were understood to'), whose noun is outside the clause."""
        return self._clause_subject(i) if self.doc[i].lower_ in BE_FORMS else None

    def _passed_on(self, s: int, i: int, j: int, hidden: tuple[int, int]) -> None:
        """'Two men are thought to have fled the city': what the agentless words at tokens i..j pass on is the
        whole clause from its subject at token `s`, since 'have fled the city' alone says nothing of who fled."""
        last = self.sents[self.sent_of[i]][1]
        end = next((n for n in range(j, last) if self._ends_reported(n)), last)
        if self.words(j, end) < 2:
            return
        voice = self.voice_of(j, end)
        self.add(
            "claim",
            s,
            end,
            self._claim_attrs(s, end, voice),
            f"what '{self.doc[i:j].text}' passes on, with its subject",
            CONFIDENCE["reported-claim"],
            hidden,
            keep_quotes=True,
        )

    def _reported(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        if self.doc[v:k].text.lower() == "according to":
            self._according_to(v, k, speaker)
            return
        first, last = self.sents[self.sent_of[v]]
        if speaker and k < len(self.tokens) and speaker[0] == self.tokens[k].start:
            return  # '…,” said Ann Mills': who speaks follows the verb, not what is said
        said, cue_end = self.doc[v:k].text, k
        if said.lower() in QUESTION_CUES:
            return  # '…?” Bachmann asked her followers': the quotation is what was said, and who was asked follows
        if self._passive_by(v, k) is not None:
            self._passive_claim(v, k, speaker)
            return
        if said.lower() in JUDGING_VERBS:
            self._charge(v, k, speaker)
            return
        if said.lower() in LABELLING_VERBS:
            self._label(v, k, speaker)
            return
        clause = self._what_is_said(v, k)
        if clause is None:
            return
        k, end = clause
        if self._second_speaker(k, end):
            return  # "warned that the council says the pool is unsafe": the claim is the council's, from 'says'
        if self.words(k, end) >= 4:
            voice = self.voice_of(k, end)
            antecedent = self._antecedent(v, k, speaker, first)
            why = f"what follows '{said}'"
            if antecedent is not None:
                start, set_off = antecedent
                if not set_off and self._opens_clause(start):
                    return  # 'Drones that police said were armed crashed': where the relative clause ends is unknown
                if not self._after_preposition(start):  # 'a strike on the Kremlin that …': the strike or the Kremlin
                    k = start
                    why += ", with what the relative word stands for"
                if set_off:  # "The pool, which the council says is unsafe, will shut": the aside is what is said
                    end = next((n for n in range(cue_end, end) if self.doc[n].text == ","), end)
            elif self._in_relative_aside(v):  # 'Jo Lee, who said it was unsafe, backed it', '…, who asked … because
                end = next((n for n in range(cue_end, end) if self.doc[n].text == ","), end)  # she fears …, said'
                if self.words(k, end) < 4:
                    return
            attrs = self._claim_attrs(k, end, voice)
            pronoun = "" if speaker else self._pronoun_that_speaks(v)
            self.add("claim", k, end, attrs, why, CONFIDENCE["reported-claim"], speaker, True, speaker_word=pronoun)
            return
        if self.words(k, last) <= 3:  # "..., UK officials said last night."
            self._claim_before(v, cue_end, speaker)

    def _after_preposition(self, i: int) -> bool:
        """Whether the noun phrase at token `i` follows a preposition ('a strike on the Kremlin', 'the head of the
        trust'): it may be part of a longer one, so a relative clause after it may stand for either noun."""
        return i > 0 and self.sent_of[i - 1] == self.sent_of[i] and self.doc[i - 1].lower_ in PREPOSITIONS | {"of"}

    def _what_is_said(self, v: int, k: int) -> tuple[int, int] | None:
        """The tokens of the clause that the verb of saying at tokens v..k reports, past who heard it ('told the
        board that …'), when it was said ('said on Tuesday the bridge …') and a dashed aside; None when a quotation
        ('said: “…”') or a place ('wrote on Telegram') follows instead."""
        last = self.sents[self.sent_of[v]][1]
        if self.doc[v:k].text.lower() in LISTENER_VERBS:
            k = self._after_listener(k, last, self.doc[v:k].text.lower() in TELLING_VERBS)
            if k is None:
                return None
        k = self._past_when_said(k, last)
        if k < last and self.doc[k].lower_ == "that":
            k += 1
        if k < last and self.dash(k):
            closing = next((n for n in range(k + 1, last) if self.dash(n)), None)
            k = closing + 1 if closing is not None else k + 1
        if k < last and (self.doc[k].text in {":", ","} or self.quoted(k) or self.doc[k].lower_ in PREPOSITIONS):
            return None
        return k, next((n for n in range(k, last) if self._ends_reported(n)), last)

    def _past_when_said(self, k: int, last: int) -> int:
        """Where what was said starts when a time phrase opens at token `k`, right after the verb of saying ('said on
        Tuesday the bridge was unsafe', 'said last week that …'): past it, as `_past_adverbs` steps over one before
        the verb. Not where the phrase is the reported clause's subject ('said last year had been the worst') or
        where 'the' or 'that' opens it ('said the day went well', 'said that week …'): that is most often what was
        said."""
        if k >= last or self.doc[k].lower_ in {"the", "that"}:
            return k
        when = self._time_phrase_end(k)
        return k if when < last and self.doc[when].lower_ in AUXILIARIES else when

    def _second_speaker(self, k: int, end: int) -> bool:
        """Whether the reported clause at tokens k..end opens with someone else saying something ('Jo Lee warned
        that the council says the pool is unsafe'): what is claimed is the second speaker's, so the first passes
        it on and the claim is drafted from the second one's verb of saying."""
        for w in range(k + 1, end):
            speaker = self.said_by.get(w)
            if speaker and self.speech_cue(w) and self.cue_at[w][1] != "hedge":
                named = all(  # the words before the verb are the speaker, perhaps after 'the' and before 'had'
                    speaker[0] <= self.tokens[n].start < speaker[1]
                    or self.doc[n].lower_ in SPEAKER_DETERMINERS
                    or (n == w - 1 and self.doc[n].lower_ in PERFECT_AUXILIARIES)
                    for n in range(k, w)
                )
                theirs = self._what_is_said(w, self.cue_at[w][0])
                if theirs is None or theirs[0] >= len(self.doc) or self.doc[theirs[0]].lower_ in AUXILIARIES:
                    return False  # "that the Russian claims were false": 'claims' is the noun here
                return named and self.words(*theirs) >= 4
        return False

    def _antecedent(self, v: int, k: int, speaker: tuple[int, int] | None, first: int) -> tuple[int, bool] | None:
        """Where the noun phrase starts that a relative word before the speaker of the verb of saying at token `v`
        stands for ('the village's only school, which the council says is too small', 'the drones, that it said were
        armed'): what is said is about it, and 'is too small' alone says nothing of what; and whether a comma sets
        the relative clause off. 'that' is a relative word only where what is said, from token `k`, opens with an
        auxiliary, its subject being the noun before ('warned that police said the road was shut' reports). None
        when no relative word opens the speaker's clause or no noun phrase ends there."""
        doc, pronoun = self.doc, self._adverbs_before(v) - 1
        if pronoun > first and doc[pronoun].lower_ in SUBJECT_PRONOUNS - {"who"}:
            r = pronoun - 1  # 'that it said', 'which they say': the pronoun stands where its speaker would
        elif speaker is not None:
            r = self.article.token_at(speaker[0]) - 1
        else:
            return None
        if r > first and doc[r].lower_ in WHOSE | {"a", "an"}:  # "which its owners say"
            r -= 1
        relative = {"which", "who", "whom"} | ({"that"} if k < len(doc) and doc[k].lower_ in AUXILIARIES else set())
        if r <= first or doc[r].lower_ not in relative:
            return None
        start = self._noun_before_relative(r)
        return None if start is None else (start, doc[r - 1].text == ",")

    def _claim_before(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """The claim before '..., UK officials said', '..., according to X' or '..., it is understood' (said
        at tokens v..k): the sentence up to its comma, with the quotation marks of a few words it quotes ('It was “a
        disaster”, she said'), which are the speaker's, so the claim is in the quoted voice."""
        first = self.sents[self.sent_of[v]][0]
        comma = next((n for n in range(v - 1, first, -1) if self.doc[n].text == ","), None)
        if comma is not None and self._closes_relative_aside(comma):
            return  # "Holt's Bakery, which has sold bread for years, warned …": the words before are who speaks
        if comma is not None and self.words(first, comma) >= 4 and not self.quoted(first):
            voice = self.voice_of(first, comma)
            self.add(
                "claim",
                first,
                comma,
                self._claim_attrs(first, comma, voice),
                f"what comes before '..., {self.doc[v:k].text}'",
                CONFIDENCE["claim-before"],
                speaker,
                keep_quotes=True,
                speaker_word="" if speaker else self._pronoun_that_speaks(v),
            )

    def _in_relative_aside(self, v: int) -> bool:
        """Whether the verb of saying at token `v` stands in a relative clause that a comma before it opens, with no
        comma between ('Jo Lee, who said …', 'A librarian, who asked not to be named because she fears …'): what it
        reports ends at the clause's closing comma."""
        first = self.sents[self.sent_of[v]][0]
        opened = next((n for n in range(self._adverbs_before(v) - 1, first, -1) if self.doc[n].text == ","), None)
        return opened is not None and self._set_off_relative(opened + 1)

    def _according_to(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """'According to X, CLAIM.' and 'CLAIM, according to X.': what follows 'according to' says where the
        claim comes from (a person, a body, a report or figures), so it is the source and never the claim."""
        first, last = self.sents[self.sent_of[v]]
        comma = next((n for n in range(k, last) if self.doc[n].text == ","), last)
        if speaker is None and 0 < self.words(k, comma) <= ACCORDING_TO_WORDS_MAX:
            kinds = [self._kind(t) for t in self.doc[k:comma]]
            titles = [self.doc[n].lower_ for n in range(k, comma) if kinds[n - k] == "TITLE"]
            made = self.add(
                "source",
                k,
                comma,
                self._source_attrs(kinds, titles, k),
                f"what follows '{self.doc[v : v + 2].text}'",
                CONFIDENCE["according-to"],
            )
            speaker = (made.start, made.end) if made else None
        if not self._opens_sentence(v, first):
            self._claim_before(v, k, speaker)
            return
        end = next((n for n in range(comma + 1, last) if self._ends_reported(n)), last)
        if self.words(comma + 1, end) >= 4:
            self.add(
                "claim",
                comma + 1,
                end,
                self._claim_attrs(comma + 1, end, "reporter"),
                f"what follows '{self.doc[v:k].text} …,'",
                CONFIDENCE["reported-claim"],
                speaker,
                keep_quotes=True,
            )

    def _after_listener(self, k: int, last: int, telling: bool) -> int | None:
        """Where what was told starts after 'told' at token `k`: past who heard it ('told reporters',
        'told the Harbourside Gazette that', 'told them'), since the outlet or people told are not the claim. After
        'told' or 'tells' (`telling`), words that no list names are who heard it up to where a clause's subject
        starts (`_clause_after_listener`), and None when that is not clear: no claim rather than a wrong one."""
        doc = self.doc
        if k < last and doc[k].lower_ in OBJECT_PRONOUNS and not (telling and doc[k].lower_ == "her"):
            return k + 1
        that = next((n for n in range(k, min(k + LISTENER_WORDS_MAX + 1, last)) if doc[n].lower_ == "that"), None)
        if that is not None and all(doc[n].is_alpha for n in range(k, that)):
            return that
        n = k + 1 if k < last and doc[k].lower_ in DETERMINERS else k
        if telling and n < last and doc[n].is_alpha and not doc[n].is_stop:
            return self._clause_after_listener(n, last)
        if n > k and doc[k].lower_ in OBJECT_PRONOUNS:
            return k + 1  # 'told her the plan would fail'
        end = n
        while end < last and (self._kind(doc[end]) or doc[end].lower_ in {"’s", "'s"}):
            end += 1  # "told Russia’s state news agency"
        while end > n and self._kind(doc[end - 1]) == "LINK":
            end -= 1
        return end if end > n else k

    def _clause_after_listener(self, n: int, last: int) -> int | None:
        """Where the clause starts after who heard it, whose words start at token `n` ('told the paper the council
        saves money', 'told friends it was over', 'told reporters Jo Lee had gone', 'told the paper on Monday the …'):
        at a word that picks out which one, a pronoun, a number or a name after a word that is none, within a few
        words of content words and possessives, perhaps past a time phrase; or at a pause or the sentence's end, where
        nothing told follows ('…, the council told reporters on Tuesday.'). None when words run on with no such word
        ('told the local paper budget cuts were needed': where who heard it ends is not known without a parse)."""
        doc, e, words = self.doc, n + 1, 1
        while words <= LISTENER_WORDS_MAX:  # "told Russia’s state news agency RIA Novosti"
            e = self._time_phrase_end(e) if e < last else e
            if e >= last or doc[e].is_punct and doc[e].lower_ not in POSSESSIVES:
                return e
            word = doc[e]
            named = name_shaped(word) and not name_shaped(doc[e - 1]) and doc[e - 1].lower_ not in POSSESSIVES
            if word.lower_ in DETERMINERS | SUBJECT_PRONOUNS - {"who"} or word.like_num or named:
                return e
            joined_possessive = word.lower_ in POSSESSIVES and not doc[e - 1].whitespace_
            if not (word.is_alpha and not word.is_stop or joined_possessive):
                return None
            e, words = e + 1, words + word.is_alpha
        return None
