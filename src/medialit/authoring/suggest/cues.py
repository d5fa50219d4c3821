"""The cue rule: verbs of saying, hedges and scare quotes, with the checks that say whether a word of our cue list is
used so here ('claims' the verb, not the noun; 'added' that reports words, not 'added £40 to the bill')."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from .draft import name_shaped
from .passives import Passives
from .suggestion import CONFIDENCE
from .word_lists import (
    AFTER_THE_NOUN,
    AMBIGUOUS_CUES,
    AUXILIARIES,
    CLAUSE_OPENERS,
    CLAUSE_VERB_WITHIN,
    DASHES,
    DESCRIPTION_WORDS_MAX,
    DETERMINERS,
    LABEL_ARTICLES,
    LABELLING_WITH_A_QUALITY_ONLY,
    NOUNS_OF_SAYING,
    OBJECT_CUES,
    PERSON_PRONOUNS,
    QUESTION_CUES,
    SUBJECT_PRONOUNS,
)


class CueRules(Passives):
    """Drafts the cues: verbs of saying, hedges and scare quotes."""

    def cues(self, cue_matcher: PhraseMatcher) -> None:
        for match_id, i, j in cue_matcher(self.doc):
            phrase = self.doc.vocab.strings[match_id]
            if self.doc[i].is_title and (not self.doc[i].is_sent_start or self._month_speaks(i)):
                continue  # a name ("United States", "May 9", "May said"), not a cue
            if self._hyphen(i - 1) or self._hyphen(j):
                continue  # part of a longer word ("much-claimed")
            if any(a <= i < b for a, b in self.no_comment_at.items()):
                continue  # "could not be reached for comment" doubts nothing
            if phrase in OBJECT_CUES and not self._reports(i, j):
                continue
            if phrase in QUESTION_CUES and not self._frames_quotation(i, j):
                continue
            if phrase in LABELLING_WITH_A_QUALITY_ONLY and not self._labels_a_quality(i, j):
                continue  # 'called for', 'called the police', 'was called to the scene', 'a man called Tom': no label
            kind, saying = self.lex.cues[phrase]
            if saying and kind != "doubting" and self._used_as_noun(i, phrase):
                continue  # "Fears are growing", "their hopes", "branded goods": nobody is quoted and nothing is doubted
            speech = saying and self._used_as_verb(i, phrase) and not self._noun_here(i)
            speech = speech and not self._participle_after_noun(i)  # 'The man accused of theft was jailed'
            speech = speech or saying and self._passive_agent(i, j) is not None  # 'was branded a waste by critics'
            speech = speech or saying and self._passive_label(i, j)  # 'The plan was branded a disgrace.'
            self.cue_at[i] = (j, kind, speech)
            self.cue_ending_at.setdefault(j, []).append(i)
            words = self.doc[i:j].text
            if speech:
                reason = f"attribution verb in our list ({kind}): '{words}'"
            elif saying:  # "the alleged strike", "Explosions were reported": no speaker just before it
                reason = f"word for saying in our list ({kind}), perhaps not as a verb here: '{words}'"
            else:
                reason = f"hedge in our list ({kind}): '{words}'"
            self.add("cue", i, j, {"type": kind}, reason, CONFIDENCE["cue-speech" if speech else "cue-hedge"])
        for region in self.regions:
            if self._partial(region):
                toks = self.article.tokens_in(region.start, region.end)
                self.add(
                    "cue",
                    toks[0].i,
                    toks[-1].i + 1,
                    {"type": "scare-quotes"},
                    "a few words in quotation marks inside a longer sentence: scare quotes or a partial quote",
                    CONFIDENCE["scare-quotes"],
                    keep_quotes=True,
                )

    def _passive_label(self, i: int, j: int) -> bool:
        """Whether the verb of labelling at tokens i..j is passive and puts a label on its subject, with no one after
        'by' ('The plan was branded a disgrace', 'It has been labelled “unfair”', 'was branded unfair'): after 'was' or
        'been' it is the verb, never the adjective of 'branded goods', and someone the article does not name made the
        judgement."""
        last = self.sents[self.sent_of[i]][1]
        article = j + 1 < last and (self.doc[j].lower_ in LABEL_ARTICLES | {"as"} or self._opens_quotation(j))
        label = article or self._bare_label(j, last)  # 'The plan was branded unfair.'
        return self._passive(i, j) and label

    def _used_as_noun(self, i: int, phrase: str) -> bool:
        """'Fears are growing', 'their hopes', 'the reported strike': a one-word verb of saying that is also
        a noun, here after a determiner or a possessive or opening a sentence (no tagger: its neighbours say)."""
        if self.has_pos:
            return self.doc[i].pos_ in ("NOUN", "ADJ")
        if phrase not in AMBIGUOUS_CUES:
            return False
        before = self.doc[i - 1] if i > 0 and not self.doc[i].is_sent_start else None
        return before is None or before.lower_ in DETERMINERS or before.lower_ in {"’s", "'s"}

    def _used_as_verb(self, i: int, phrase: str) -> bool:
        """'claims' and 'alleged' are often a noun or an adjective ("the alleged strike")."""
        if self.has_pos:
            return self.doc[i].pos_ in ("VERB", "AUX") or " " in phrase
        before = self.doc[i - 1] if i > 0 and not self.doc[i].is_sent_start else None
        if before is None:  # a verb of saying has its speaker before it; "Fears are growing" is the noun
            return phrase not in AMBIGUOUS_CUES
        if before.lower_ in DETERMINERS or before.text in DASHES or before.lower_ in {"’s", "'s"}:
            return False
        if phrase in AMBIGUOUS_CUES:
            return name_shaped(before) or before.lower_ in SUBJECT_PRONOUNS or before.lower_ in self.lex.sources
        return True

    def _noun_here(self, v: int) -> bool:
        """Whether the word at token `v` that is a verb of saying and a noun as well is the noun: a word that only
        follows the noun comes next ('the Russian claims were false', 'the Westmoor claims of a fire'), so nobody
        speaks there and the word before it may as well say what the claims are about as who made them; the verb
        goes on with what is said ('The council claims the pool is unsafe', 'claims that …', 'claims to have …'),
        or with the rest of a relative clause whose subject it follows ('the pool, which the council claims is
        unsafe')."""
        doc = self.doc
        after = v + 1 < len(doc) and self.sent_of[v + 1] == self.sent_of[v] and doc[v + 1].lower_ in AFTER_THE_NOUN
        return doc[v].lower_ in NOUNS_OF_SAYING and after and not self._relative_subject_before(v)

    def _relative_subject_before(self, v: int) -> bool:
        """Whether the words right before token `v` are a pronoun ('what he claims is') or the subject of a relative
        clause ('which the council', 'what police', 'who its owners'): then the word at `v` is a verb."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        if v > first and doc[v - 1].lower_ in SUBJECT_PRONOUNS:
            return True
        k = self._content_words_before(v, first)
        if k < v and k > first and doc[k - 1].lower_ in DETERMINERS:
            k -= 1
        return k < v and k > first and doc[k - 1].lower_ in {"which", "who", "whom", "what"}

    def _reports(self, i: int, j: int) -> bool:
        """Whether 'added' at tokens i..j reports what was said: inverted ('…,” added Jo Lee'), or followed by
        'that', a pause, a quotation, a person or a clause with its own verb ('added it was too soon'). With an
        object ('added two buses to the route') it is the plain verb, and no cue at all."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[i]]
        if (i > first and doc[i - 1].is_punct) or j >= last or doc[j].is_punct or self.quoted(j):
            return True
        if doc[j].lower_ in PERSON_PRONOUNS | {"that"}:
            return True
        for tok in doc[j : min(j + CLAUSE_VERB_WITHIN, last)]:
            if tok.is_punct:
                break
            if tok.lower_ in AUXILIARIES:
                return True
        return False

    def _frames_quotation(self, i: int, j: int) -> bool:
        """Whether 'asked' at tokens i..j frames a quotation in its sentence: one that closes right before it or
        before its speaker ('…?” asked a trader', '…?” the trader asked'), or opens after 'asked:'. Elsewhere it
        asks for something ('asked the council to act', 'Asked about the fares, she said') and reports no words."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[i]]
        if j + 1 < last and doc[j].text in {":", ","} and self.quoted(j + 1):
            return True
        k = i - 1  # back over the speaker's words: not over a clause ('…,” Ginsburg said when asked to …')
        while k >= first and i - k <= DESCRIPTION_WORDS_MAX and doc[k].is_alpha and not self.quoted(k):
            if doc[k].lower_ in CLAUSE_OPENERS | AUXILIARIES or doc[k].lower_ in self.lex.cues:
                return False
            k -= 1
        region = self.token_region[k] if k >= first else None
        return region is not None and region.closed and region.end == self.tokens[k].end and not self._partial(region)
