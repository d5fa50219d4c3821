"""What a verb of charge, criticism or labelling reports: the verb with who or what it is about and the charge or the
label ('accused the county of wasting money', 'The plan was branded a disgrace'), a claim that reads as one only so."""

from __future__ import annotations

from .claim_kinds import ClaimKinds
from .pronouns import Pronouns
from .suggestion import CONFIDENCE
from .word_lists import (
    CHARGE_LINKS,
    CRITICISM_LINKS,
    CRITICISM_VERBS,
    LABELLING_VERBS,
    LISTENER_WORDS_MAX,
    OBJECT_PRONOUNS,
    POSSESSIVES,
)


class JudgementRules(ClaimKinds, Pronouns):
    """Drafts the claim a verb of charge, criticism or labelling reports, with the verb."""

    def _charge(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """What the verb that charges or criticises someone or something at tokens v..k reports: the verb, who or what
        it is about and the charge or the judgement, up to a pause ('accused the county of wasting money', 'slammed the
        plan as a waste'), which reads as a claim; the words after the verb alone ('the county of wasting money') do
        not. A passive verb with no one after 'by' has what it is about before it: the claim starts at its subject ('The
        council was blamed for the delay'). No claim when no word that brings one in ('of', 'for', 'on' or 'over' after
        a charge, 'as', 'for' or 'over' after criticism) follows within a few words ('blamed the weather')."""
        doc, last = self.doc, self.sents[self.sent_of[v]][1]
        if self._says_which_one(v):
            return
        start = self._passive_subject(v)
        start = v if start is None else start
        links = CRITICISM_LINKS if doc[v:k].text.lower() in CRITICISM_VERBS else CHARGE_LINKS
        link = k
        while link < min(k + LISTENER_WORDS_MAX, last) and doc[link].lower_ not in links:
            if not (doc[link].is_alpha or doc[link].lower_ in POSSESSIVES) or self.quoted(link):
                return  # 'accused the council, saying …': no charge within who is charged
            link += 1
        if link >= last or doc[link].lower_ not in links:
            return
        end = next((n for n in range(link + 1, last) if self._pause_ends_label(n)), last)
        if self.words(link + 1, end) == 0:
            return
        voice = self.voice_of(link, end)
        judgement = doc[link].lower_ == "as"
        attrs = self._claim_attrs(start, end, voice) | {"kind": "judgement" if judgement else "accusation"}
        pronoun = "" if speaker else self._pronoun_that_speaks(v)
        what = "the judgement" if judgement else "the charge"
        with_what = "with what it is about" if start < v else "with the verb"
        why = f"{what} that '{doc[v:k].text}' reports, {with_what}: the words after it do not read as a claim"
        self.add("claim", start, end, attrs, why, CONFIDENCE["reported-claim"], speaker, True, speaker_word=pronoun)

    def _label(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """What the verb of labelling at tokens v..k reports: the verb, what it labels and the label, up to a pause
        ('branded the plan a disgrace', 'labelled it unfair'), a judgement. Without a parser the label is known only
        where a pronoun is what is labelled, or 'as', 'a', 'an' or a quotation mark opens it after what is labelled, or
        it is one word with an adjective's ending that ends the clause (`_adjective_label_after`: 'branded the scheme
        unfair'), or, after a passive verb, a word of its own (`_bare_label`: 'The plan was labelled unfair');
        elsewhere no claim ('branded the new car park, saying …' names a thing and no label). A passive verb with no
        one after 'by' has what it labels before it and the label right after it: the claim starts at its subject ('The
        plan was branded a disgrace'), unless a relative word is the subject (`_says_which_one`); so has an active
        verb in a relative clause set off by a comma, and the claim starts at the noun the relative word stands for
        (`_labelled_before`: 'the plan, which critics branded “a shambles”')."""
        doc, last = self.doc, self.sents[self.sent_of[v]][1]
        if self._says_which_one(v):
            return
        # 'The plan was branded a disgrace', 'the plan, which critics branded …': what is labelled stands before the
        # verb, and the label right after it
        passive = self._be_before(v) is not None
        start = self._passive_subject(v) if passive else self._labelled_before(v)
        end = next((n for n in range(k, last) if self._pause_ends_label(n)), last)
        labels_a_pronoun = k < end and doc[k].lower_ in OBJECT_PRONOUNS | {"it"}
        label_next = passive or start is not None
        label_from, words_needed = (k, 1) if label_next else (k + 1, 2)
        opens_label = any(
            doc[n].lower_ in {"as", "a", "an"} or self._opens_quotation(n) for n in range(label_from, end)
        ) or (self._bare_label(k, end) if label_next else self._adjective_label_after(v, k))
        start = v if start is None else start
        if self.words(k, end) < words_needed or not (labels_a_pronoun or opens_label):
            return
        voice = self.voice_of(k, end)
        attrs = self._claim_attrs(start, end, voice) | {"kind": "judgement"}
        pronoun = "" if speaker else self._pronoun_that_speaks(v)
        with_what = "with what it is about" if start < v else "with the verb"
        why = f"the judgement '{doc[v:k].text}' reports, {with_what}: the words after it do not read as a claim"
        self.add("claim", start, end, attrs, why, CONFIDENCE["reported-claim"], speaker, True, speaker_word=pronoun)

    def _pause_ends_label(self, n: int) -> bool:
        """Whether the judgement or the charge a verb reports ends at token `n`: at a comma that is not between two
        words that describe a label's noun (`_comma_in_label`: 'branded it a cockamamie, xenophobic scheme' runs on),
        or where a reported clause ends."""
        return self.doc[n].text == "," and not self._comma_in_label(n) or self._ends_reported(n)

    def _passive_claim(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """The judgement or the charge a passive verb at tokens v..k with a 'by' after it reports: what was labelled or
        charged, the verb and the label or the charge, up to 'by' ('The plan was branded a waste', 'The council was
        blamed for the delay'), as the active verb's claim holds the verb, what it is about and what it says; who
        labels or charges, after 'by', is its source. None where 'by' comes right after the verb (the claim would
        hold its source) or may belong to the charge ('accused of being paid by developers'): a wrong draft is worse
        than none."""
        doc = self.doc
        agent = self._passive_agent(v, k)
        by = agent[0] - 1 if agent else None
        if by is None or by == k:
            return
        start = self._passive_subject(v)
        if start is None:
            return
        voice = self.voice_of(k, by)
        judgement = doc[v:k].text.lower() in LABELLING_VERBS or doc[k].lower_ == "as"
        attrs = self._claim_attrs(start, by, voice) | {"kind": "judgement" if judgement else "accusation"}
        what = "the judgement" if judgement else "the charge"
        why = f"{what} '{doc[v:k].text}' reports, with what it is about: the words after it do not read as a claim"
        self.add("claim", start, by, attrs, why, CONFIDENCE["reported-claim"], speaker, True)
