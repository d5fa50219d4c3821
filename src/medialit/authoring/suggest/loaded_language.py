"""The loaded rule: words from our lists (found by `authoring/loaded.py`) with whose words they are, the reporter's or a
speaker's; scare quotes that are the writer's own; the noun a verb of labelling puts on what it names."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from ..loaded import KIND_CONFIDENCE, QUOTATION_DISCOUNT, loaded_candidates
from ..quotes import QuoteRegion
from .label_words import LabelWords
from .quotations import Quotations
from .word_kinds import WordKinds
from .word_lists import (
    ADVERBS_BEFORE_VERB,
    FIGURE_VERBS,
    LABEL_ARTICLES,
    LABELLING_VERBS,
    MENTION_NOUNS,
    NAMING_VERBS,
    NOUNS_IN_LY,
    POSSESSIVES,
    POSTED_HOW,
    SCARE_QUOTE_WORDS_MAX,
    WHEN_WORDS,
    WRITING_GAP_MAX,
    WRITING_VERBS,
    WRITTEN_LABEL_VERBS,
)


class LoadedRules(WordKinds, LabelWords, Quotations):
    """Drafts the loaded words, each with whose words they are."""

    def loaded(self, loaded_matcher: PhraseMatcher) -> None:
        paragraph_of = [t.para for t in self.tokens]
        borrowed, scare = [], []
        for region in self.regions:
            if self._partial(region):
                toks = self.article.tokens_in(region.start, region.end)
                i, j = toks[0].i, toks[-1].i + 1
                (scare if self._scare_quotes(region, i, j) else borrowed).append((i, j))
        writers = bytearray(len(self.doc))  # tokens inside scare quotes: the marks are the writer's
        for i, j in scare:
            writers[i:j] = b"\x01" * (j - i)
        labels = self._label_nouns()
        listed = set()
        for cand in loaded_candidates(self.doc, self.lex, loaded_matcher, paragraph_of, borrowed, scare):
            listed.update(range(cand.i, cand.j))
            labelled_by = labels.get(cand.i) if cand.j == cand.i + 1 else None
            voice = "quoted" if self.quoted(cand.i) and not writers[cand.i] else "reporter"
            attrs = {"technique": cand.technique, "voice": voice}
            if cand.plainer and not cand.plainer.startswith("("):
                attrs["neutral"] = cand.plainer
            if labelled_by:
                why = f"the label '{labelled_by}' puts on what it names: a judgement the reporter passes on"
                confidence = cand.confidence
            elif writers[cand.i]:
                why, confidence = "the marks are the reporter's", cand.confidence
            elif voice == "reporter":
                why, confidence = "in the reporter's words", cand.confidence
            elif self._in_partial(cand.i):
                why, confidence = "a few words the writer chose to quote", cand.confidence
            else:
                why = "inside a quotation: the speaker's word, not the writer's, so rated lower"
                confidence = cand.confidence - QUOTATION_DISCOUNT
            self.add("loaded", cand.i, cand.j, attrs, f"{cand.reason}; {why}", confidence, keep_quotes=True)
        for n, verb in labels.items():
            if n not in listed:
                attrs = {"technique": "emotional", "voice": "reporter"}  # _label_nouns takes no quoted noun
                why = f"the one word that '{verb}' puts on what it names, a judgement the reporter passes on"
                self.add("loaded", n, n + 1, attrs, why, KIND_CONFIDENCE["judgement"])

    def _label_nouns(self) -> dict[int, str]:
        """The judging words verbs of labelling put on what they name, by token, with the verb: the one word after 'a'
        or 'an' that ends the label, before a pause, the end of the sentence, a passive verb's 'by' ('Campaigners
        branded the plan a disgrace', 'The plan was labelled a joke by critics') or a time phrase that ends the clause
        ('a disgrace on Monday'), or one word with an adjective's ending alone in the same place (`_adjective_label`:
        'Critics called the plan reckless', 'The plan was branded unaffordable'; not after 'labelled', which may say
        what is written on a thing). The word is the labeller's, loaded
        whether our list holds it or not; a longer label ('a waste of money', 'a cruel, heartless scheme') or a time
        ('a second time') names none, and quoted verbs are a speaker's."""
        doc, found = self.doc, {}
        for v, (k, _, _) in self.cue_at.items():
            verb = doc[v:k].text
            if verb.lower() not in LABELLING_VERBS or self.quoted(v):
                continue
            last = self.sents[self.sent_of[v]][1]
            stops = (
                n for n in range(k, last) if doc[n].is_punct and not self._comma_in_label(n) or doc[n].lower_ == "by"
            )
            end = next(stops, last)
            noun = self._before_time_phrase(k, end) - 1  # 'branded the plan a disgrace on Monday'
            one_noun = noun - 1 >= k and doc[noun - 1].lower_ in LABEL_ARTICLES and doc[noun].is_alpha
            if one_noun and not (doc[noun].is_stop or doc[noun].lower_ in WHEN_WORDS or self.quoted(noun)):
                found[noun] = verb
            # 'called the plan reckless', 'was branded unaffordable'; 'labelled the bottles recyclable' may not judge
            alone = noun >= k and doc[noun - 1].lower_ not in POSSESSIVES and self._adjective_label(noun)
            if alone and verb.lower() not in WRITTEN_LABEL_VERBS:
                found[noun] = verb
        return found

    def _scare_quotes(self, region: QuoteRegion, i: int, j: int) -> bool:
        """Whether the few quoted words of `region`, at tokens i..j (marks included), are scare quotes: one or two
        words, not a name or a title, outside any quotation, that nobody owns: no verb in the sentence says who said,
        named or wrote them ('…, she said', 'branded it “madness”', 'placards reading “no cuts”'), no colon brings
        them in ('Her verdict: “shambolic”'), no name stands before them ('Jo Lee’s “reforms”') and they are not a
        word talked about ('the word “consultation”'). Then the marks are the writer's, who keeps a distance."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[i]]
        words = [t for t in doc[i:j] if t.is_alpha]
        if not 0 < len(words) <= SCARE_QUOTE_WORDS_MAX or not words[0].is_lower or region.depth:
            return False  # a name or a title ('“Harbour Lights”'), or marks inside a speaker's quotation
        if i > first and (doc[i - 1].text == ":" or doc[i - 1].lower_ in MENTION_NOUNS):
            return False
        figure = self._describes_a_figure(i, j)  # 'Harbour Ferries posted “record” profits': the name wrote nothing
        for k in range(first, last):
            if self.quoted(k):
                continue
            if self.speech_cue(k) or (doc[k].lower_ in NAMING_VERBS and not self._hyphen(k - 1)):
                return False  # 'so-called “reforms”' is the writer's own doubt
            if doc[k].lower_ in WRITING_VERBS and self._writes(k, i, j):
                return False
            if k < i and k > first and not figure and self._kind(doc[k]) == "NAME" and doc[k].lower_ not in WHEN_WORDS:
                return False
        return True

    def _writes(self, k: int, i: int, j: int) -> bool:
        """Whether the verb of writing at token `k` says where the quotation at tokens i..j is written: it stands a
        word or two before it ('placards reading “no cuts”', 'sprayed on the door “liars”') or after it ('“keep out”
        painted on the gate', '“keep out” was painted'), with no pause between; other quotations listed with it do
        not count ('“no cuts” and “save our pool” written on them'). Elsewhere in the sentence it is about something
        else ('While reading the report, councillors found the “savings” had gone'), and 'posted' before a quoted word
        that describes a figure wrote nothing (`_describes_a_figure`)."""
        doc, listed = self.doc, {"and", "or", ","}
        if doc[k].lower_ in FIGURE_VERBS and k < i and self._describes_a_figure(i, j):
            return False
        between = [
            n
            for n in (range(k + 1, i) if k < i else range(j, k))
            if not (self.quoted(n) or doc[n].lower_ in listed and (self.quoted(n - 1) or self.quoted(n + 1)))
        ]
        return len(between) <= WRITING_GAP_MAX and not any(doc[n].is_punct for n in between)

    def _describes_a_figure(self, i: int, j: int) -> bool:
        """Whether the quotation at tokens i..j follows a verb that also reports a figure, a word or two before it
        with no pause ('posted “record” profits'), and a word of its noun phrase follows it: the quoted word
        describes the profits, which are posted, not written, so nobody wrote it. A quotation with no noun after
        it is what was posted ('posted “disgraceful” on social media', '… online', '… shortly after')."""
        doc, first = self.doc, self.sents[self.sent_of[i]][0]
        if not (j < len(doc) and doc[j].is_alpha and not doc[j].is_stop):
            return False
        after = doc[j].lower_
        if after in POSTED_HOW | WHEN_WORDS | ADVERBS_BEFORE_VERB or after.endswith("ly") and after not in NOUNS_IN_LY:
            return False
        before = range(max(first, i - 1 - WRITING_GAP_MAX), i)
        return any(doc[k].lower_ in FIGURE_VERBS and not any(doc[n].is_punct for n in range(k + 1, i)) for k in before)
