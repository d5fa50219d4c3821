"""The rules that draft key items over one article's Doc (`_Draft`), and `suggest`, which runs them in order."""

from __future__ import annotations

from itertools import accumulate

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc

from ...core.article import QUOTE_MARKS, Article, is_quote_mark
from ...core.errors import InputError
from ..confidence import DEFAULT_MIN_CONFIDENCE
from ..lexicons import load_lexicon
from ..loaded import KIND_CONFIDENCE, QUOTATION_DISCOUNT, headline_tokens, loaded_candidates
from ..quotes import QuoteRegion, quote_regions
from .pipeline import lexicon_matchers, load_pipeline, make_doc
from .suggestion import CONFIDENCE, LABELS, Suggestion
from .word_lists import (
    ACCORDING_TO_WORDS_MAX,
    ACCUSATION_WORDS,
    ADVERBS_BEFORE_VERB,
    AFFILIATION_BEFORE,
    AFTER_THE_NOUN,
    AGREES_WITH_MANY,
    AGREES_WITH_ONE,
    AMBIGUOUS_CUES,
    AUXILIARIES,
    BE_FORMS,
    CHARGE_LINKS,
    CLAUSE_OPENERS,
    CLAUSE_VERB_WITHIN,
    CRITICISM_LINKS,
    CRITICISM_VERBS,
    DASHES,
    DATE_LEADS,
    DESCRIBING_STOP_WORDS,
    DESCRIPTION_WORDS_MAX,
    DETERMINERS,
    EVIDENCE_MISSING,
    FIGURE_VERBS,
    FORECAST,
    HEADLINE_SUBJECT_WORDS_MAX,
    IRREGULAR_PARTICIPLES,
    JUDGING_VERBS,
    KINDS_FROM_VERBS,
    LABEL_ARTICLES,
    LABELLING_VERBS,
    LINKING_WORDS,
    LISTENER_VERBS,
    LISTENER_WORDS_MAX,
    MENTION_NOUNS,
    MODALS_OF_THE_FUTURE,
    MONTHS,
    NAME_ENTITIES,
    NAME_TITLES,
    NAMING_VERBS,
    NO_OBJECT_AFTER,
    NOT_THE_FUTURE_AFTER,
    NOUNS_IN_LY,
    NOUNS_OF_SAYING,
    NUMBER_WORDS,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    ONLY_CRITICISM,
    PASSIVE_AFTER,
    PASSIVE_BE,
    PAST_MODALS,
    PEOPLE_PLURAL_STEM_MIN,
    PEOPLE_PLURALS,
    PERFECT_AUXILIARIES,
    PERSON_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVES,
    POSTED_HOW,
    POSTMODIFIER_WORDS_MAX,
    POSTMODIFIERS,
    PREPOSITION_OPENERS,
    PREPOSITIONS,
    QUESTION_CUES,
    QUOTE_WORDS_MAX,
    RELATIVE_WORDS,
    SCARE_QUOTE_WORDS_MAX,
    SPEAKER_DETERMINERS,
    SPEAKER_FOLLOWS,
    SPEAKING_VERBS,
    SPEAKS_FOR,
    SUBJECT_PRONOUNS,
    TELLING_VERBS,
    TIME_WORDS,
    WHEN_LEADS,
    WHEN_WORDS,
    WHICH_ONES,
    WHOSE,
    WRITING_GAP_MAX,
    WRITING_VERBS,
    YEAR,
)


def _kind_from_verb(attrs: dict) -> bool:
    """Whether a claim's drafted kind was read from the verb of labelling or charge in its words ('The plan was branded
    a disgrace'); a rule that drafts the same words for another reason ('…, officials said') does not read the verb."""
    return attrs.get("kind") in KINDS_FROM_VERBS


def name_shaped(tok) -> bool:
    """A word written like a name: a capital and then small letters ("Reid"), or capitals inside it the way
    names have them ("MacRae", "McDonald", "DeSantis"); an all-capitals word ("NATO") is not."""
    return tok.is_alpha and (tok.is_title or (tok.text[0].isupper() and not tok.is_upper))


def balanced_quotes(text: str) -> bool:
    """Whether every quotation mark in `text` has its partner there (curly pairs, straight ones by count;
    a lone ’ is an apostrophe, so single curly marks are not counted)."""
    return (
        text.count("“") + text.count("„") == text.count("”")
        and text.count("«") == text.count("»")
        and text.count('"') % 2 == 0
    )


class _Draft:
    """One article's analysis: the Doc, quotation regions, and the suggestions found so far."""

    def __init__(self, article: Article, doc: Doc):
        self.article, self.doc, self.lex = article, doc, load_lexicon()
        self.tokens = article.tokens
        self.regions = quote_regions(article)
        self.found: dict[tuple[str, int, int], Suggestion] = {}
        self._alpha = list(accumulate((t.is_alpha for t in doc), initial=0))  # words before each token
        self.sent_of = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for sent in doc.sents:  # a line break ends a sentence too (bullets, captions)
            first = sent.start
            for i in range(sent.start, sent.end):
                if i > first and "\n" in self.tokens[i - 1].ws:
                    self.sents.append((first, i))
                    first = i
                self.sent_of[i] = len(self.sents)
            self.sents.append((first, sent.end))
        self.token_region: list[QuoteRegion | None] = [None] * len(doc)
        self.sentence_quotes: dict[int, list[QuoteRegion]] = {}
        for region in self.regions:
            toks = article.tokens_in(region.start, region.end)
            for tok in toks:
                current = self.token_region[tok.i]
                if current is None or region.depth < current.depth:
                    self.token_region[tok.i] = region
            if toks:
                for n in {self.sent_of[toks[0].i], self.sent_of[toks[-1].i]}:
                    self.sentence_quotes.setdefault(n, []).append(region)
        self.cue_at: dict[int, tuple[int, str, bool]] = {}  # first token -> (end token, type, speech)
        self.cue_ending_at: dict[int, list[int]] = {}  # end token -> first tokens of cues ending there
        self.claims_by_sentence: dict[int, list[tuple[int, int]]] = {}  # sentence -> claim spans touching it
        self.asking: set[int] = set()  # sentences that quote a question: no claim, even with a figure in its frame
        self.has_pos = doc.has_annotation("POS")
        self.capital_inside = self._capitalised_inside_sentences()
        self.small_words = {t.lower_ for t in doc if t.is_lower and t.is_alpha}  # 'shoppers' in 'Many shoppers said'
        self.person_runs: dict[int, list[tuple[int, int, list[str]]]] = {}  # paragraph -> runs with a name
        self.entities = _Entities()
        self.agentless_found: list[tuple[int, int, tuple[int, int]]] = []  # tokens and span of "it is understood"
        self.no_comment_at: dict[int, int] = {}  # first token -> end token of "declined to comment"
        self.said_by: dict[int, tuple[int, int]] = {}  # verb-of-saying token -> its source's span, for claims

    # helpers
    def _capitalised_inside_sentences(self) -> set[str]:
        """The words the article writes with a capital where no sentence opens and no headline capitalises every
        word ('said Tom Jones', 'in Brussels'): the capital there is a name's."""
        openers = {next((t.i for t in self.doc[a:b] if t.is_alpha), a) for a, b in self.sents}
        headline = headline_tokens(self.doc, [t.para for t in self.tokens])
        return {t.lower_ for t in self.doc if name_shaped(t) and t.i not in openers and t.i not in headline}

    def chars(self, i: int, j: int) -> tuple[int, int]:
        return self.tokens[i].start, self.tokens[j - 1].end

    def add(
        self,
        label: str,
        i: int,
        j: int,
        attrs: dict,
        reason: str,
        confidence: float,
        source: tuple[int, int] | None = None,
        keep_quotes: bool = False,
        entity: str | None = None,
        said_nothing: bool = False,
        speaker_word: str = "",
    ) -> Suggestion | None:
        if j <= i:
            return None
        i, j = self._whole_words(i, j)
        snapped = self.article.snap(*self.chars(i, j), keep_quotes=keep_quotes)
        if snapped is None:
            return None
        start, end = self._balanced(*snapped)
        if end <= start:
            return None
        key = (label, start, end)
        drafted = self.found.get(key)
        if drafted is not None and (drafted.source is not None or source is None):
            return drafted  # the same words drafted again: the first draft stands, unless only this one says whose
        if drafted is not None and _kind_from_verb(drafted.attrs) and not _kind_from_verb(attrs):
            # 'The plan was branded a disgrace, officials said': this one says whose, the first what kind of claim
            attrs, reason = attrs | {"kind": drafted.attrs["kind"]}, f"{drafted.reason}; {reason}"
        made = Suggestion(
            label,
            start,
            end,
            self.article.text[start:end],
            self.article.line_of(start),
            attrs,
            reason,
            source,
            round(confidence, 2),
            entity,
            said_nothing,
            speaker_word,
        )
        self.found[key] = made
        if label == "claim" and drafted is None:
            first, last = self.sent_of[self.article.token_at(start)], self.sent_of[self.article.token_at(end - 1)]
            for n in range(first, last + 1):
                self.claims_by_sentence.setdefault(n, []).append((start, end))
        return made

    def _whole_words(self, i: int, j: int) -> tuple[int, int]:
        """Never start or end inside a hyphenated word ("deal-breaker" stays whole)."""
        doc = self.doc
        while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
            i -= 2
        while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
            j += 2
        return i, j

    def _balanced(self, start: int, end: int) -> tuple[int, int]:
        """Drop a quotation mark at an edge whose partner is not inside the span."""
        text = self.article.text
        while end > start and not balanced_quotes(text[start:end]):
            if text[start] in QUOTE_MARKS:
                start += 1
            elif text[end - 1] in QUOTE_MARKS:
                end -= 1
            else:
                break
            while start < end and text[start].isspace():
                start += 1
        return start, end

    def quoted(self, i: int) -> bool:
        return self.token_region[i] is not None

    def words(self, i: int, j: int) -> int:
        """How many words tokens i to j hold (a running count: a long sentence is not walked each time)."""
        n = len(self.doc)
        i, j = min(max(i, 0), n), min(max(j, 0), n)
        return self._alpha[j] - self._alpha[i] if i < j else 0

    def dash(self, n: int) -> bool:
        """A dash that sets words apart, not the hyphen inside a word ('non-urgent')."""
        tok = self.doc[n]
        joined = n > 0 and not self.doc[n - 1].whitespace_ and not tok.whitespace_
        return tok.text in DASHES and not (tok.text == "-" and joined)

    def _hyphen(self, n: int) -> bool:
        return 0 <= n < len(self.doc) and self.doc[n].text == "-" and not self.dash(n)

    def speech_cue(self, k: int) -> bool:
        cue = self.cue_at.get(k)
        return bool(cue and cue[2])

    # CUE ------------------------------------------------------------------------------------------
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
        'by' ('The plan was branded a disgrace', 'It has been labelled “unfair”'): after 'was' or 'been' it is the verb,
        never the adjective of 'branded goods', and someone the article does not name made the judgement."""
        last = self.sents[self.sent_of[i]][1]
        label = j + 1 < last and (self.doc[j].lower_ in LABEL_ARTICLES | {"as"} or self._opens_quotation(j))
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

    def _opens_sentence(self, i: int, first: int) -> bool:
        return all(not t.is_alpha for t in self.doc[first:i])

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

    # LOADED ---------------------------------------------------------------------------------------
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
                why = f"the one noun that '{verb}' puts on what it names, a judgement the reporter passes on"
                self.add("loaded", n, n + 1, attrs, why, KIND_CONFIDENCE["judgement"])

    def _label_nouns(self) -> dict[int, str]:
        """The judging nouns verbs of labelling put on what they name, by token, with the verb: the one word after 'a'
        or 'an' that ends the label, before a pause, the end of the sentence or a passive verb's 'by' ('Campaigners
        branded the plan a disgrace', 'The plan was labelled a joke by critics'). The word is the labeller's, loaded
        whether our list holds it or not; a longer label ('a waste of money') or a time ('a second time') names
        none, and quoted verbs are a speaker's."""
        doc, found = self.doc, {}
        for v, (k, _, _) in self.cue_at.items():
            verb = doc[v:k].text
            if verb.lower() not in LABELLING_VERBS or self.quoted(v):
                continue
            last = self.sents[self.sent_of[v]][1]
            end = next((n for n in range(k, last) if doc[n].is_punct or doc[n].lower_ == "by"), last)
            noun = end - 1
            one_noun = noun - 1 >= k and doc[noun - 1].lower_ in LABEL_ARTICLES and doc[noun].is_alpha
            if one_noun and not (doc[noun].is_stop or doc[noun].lower_ in WHEN_WORDS or self.quoted(noun)):
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

    # SOURCE ---------------------------------------------------------------------------------------
    def _kind(self, tok) -> str:
        """NAME, TITLE, MOD, LINK or '' for one token, as a part of a source description."""
        word = tok.lower_
        if word in self.lex.sources:
            return "TITLE"
        if tok.ent_type_ in NAME_ENTITIES:
            return "NAME"
        if word in self.lex.modifiers:
            return "MOD"
        if word in {"of", "for"} or word == "from" and self._from_a_named_body(tok.i):
            return "LINK"
        if word in POSSESSIVES and tok.i > 0 and not self.doc[tok.i - 1].whitespace_:
            return "LINK"  # "Patients' groups", "the trust's chief executive"
        if word == "the" and tok.i > 0 and self.doc[tok.i - 1].lower_ in {"of", "for"}:
            return "LINK"
        if word in MONTHS and tok.is_title and self._in_date(tok.i):
            return ""  # 'in May', '9 May': when
        if word in MONTHS and tok.is_title and (self._in_names(tok.i) or self._month_speaks(tok.i)):
            return "NAME"  # 'Theresa May', 'Mrs May', 'May said': who
        if word in MONTHS and tok.is_title and self._year_follows(tok.i):
            return ""  # 'June last year': when
        if word in WHEN_LEADS and tok.is_title and self._time_phrase_end(tok.i) > tok.i:
            return ""  # 'Early June', 'Late May': when
        proper = name_shaped(tok) or (tok.is_upper and len(tok) > 1 and tok.is_alpha)
        if proper and self._plural_noun_opening(tok.i):
            return ""  # 'Shoppers said': a group, whose capital is the sentence's
        if proper and not tok.is_stop and word not in self.lex.cues and not tok.like_num:
            return "NAME"
        if proper and self._inside_name(tok.i):
            return "NAME"
        return ""

    def _from_a_named_body(self, i: int) -> bool:
        """Whether the 'from' at token `i` joins a job or group word to the name of the body it belongs to
        ('campaigners from Save Our Pool', 'a spokesman from Greenway Buses'): the name says which ones, as one after
        'of' does; after anything else 'from' may say where something came from ('drones from Ukraine')."""
        doc = self.doc
        return (
            0 < i < len(doc) - 1
            and doc[i - 1].lower_ in self.lex.sources
            and self.sent_of[i + 1] == self.sent_of[i]
            and name_shaped(doc[i + 1])
        )

    def _plural_noun_opening(self, i: int) -> bool:
        """Whether the word at token `i` is a plural noun written with a capital only because it opens its sentence
        ('Shoppers said the queues were long'), not a name in '-s' ('Williams said', 'Reuters said'): spelt as a plural
        is ('-s', not '-ss', '-us' or '-is'), with no name word after it and never written with a capital inside a
        sentence (news names a person in full before it uses the surname alone: 'Tom Jones'), and either written in
        small letters elsewhere in the article, as no name is ('Many shoppers'), or, with nothing else to go on, ending
        as plural nouns for people by what they do or are end (PEOPLE_PLURALS: 'Shoppers', 'Economists', 'Tenants'),
        which no name in '-s' as common as 'Williams', 'Jones' or 'Evans' does. A name on that side ('Reuters',
        'Rogers') is drafted as a group only where the article never writes it inside a sentence."""
        doc, word = self.doc, self.doc[i].lower_
        if not (self._plural_spelling(word) and self._opens_sentence(i, self.sents[self.sent_of[i]][0])):
            return False
        name_after = i + 1 < len(doc) and self.sent_of[i + 1] == self.sent_of[i] and name_shaped(doc[i + 1])
        if name_after or word in self.capital_inside:
            return False
        verb = self._verb_after_opener(i)
        if verb in AGREES_WITH_ONE | AGREES_WITH_MANY:
            return verb in AGREES_WITH_MANY
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        written_small = word in self.small_words or singular in self.small_words
        people = any(word.endswith(end) and len(word) - len(end) >= PEOPLE_PLURAL_STEM_MIN for end in PEOPLE_PLURALS)
        return written_small or people

    def _verb_after_opener(self, i: int) -> str:
        """The word, in small letters, that stands after the one opening its sentence at token `i`, past words for
        when or how ('Shoppers also say'), or '': where it is a verb in the present tense, it says whether the opener is
        one ('Williams says') or more than one ('Shoppers say')."""
        doc, n = self.doc, i + 1
        while n < len(doc) and self.sent_of[n] == self.sent_of[i] and doc[n].lower_ in ADVERBS_BEFORE_VERB:
            n += 1
        return doc[n].lower_ if n < len(doc) and self.sent_of[n] == self.sent_of[i] else ""

    @staticmethod
    def _plural_spelling(word: str) -> bool:
        """Whether `word`, in small letters, is spelt as an English plural noun is: 'shoppers', 'families'."""
        return word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))

    def _beside(self, i: int) -> tuple:
        """The tokens right before and after token `i` in its sentence (None where the sentence ends)."""
        doc, n = self.doc, self.sent_of[i]
        before = doc[i - 1] if i > 0 and self.sent_of[i - 1] == n else None
        after = doc[i + 1] if i + 1 < len(doc) and self.sent_of[i + 1] == n else None
        return before, after

    def _in_date(self, i: int) -> bool:
        """Whether the month name at token `i` is a month: a date or time phrase calls for it, after 'in', 'on', 'last'
        or 'next' and the like, or with a day or a year beside it ('9 May', 'May 9', 'May 2019')."""
        before, after = self._beside(i)
        return bool(before and (before.lower_ in DATE_LEADS or before.like_num) or after and after.like_num)

    def _year_follows(self, i: int) -> bool:
        """Whether a time phrase that says which year follows the month name at token `i` ('June last year', 'May
        this year'): together they are a date. One that says which week ('May last week said') leaves May a name."""
        end = self._time_phrase_end(i + 1) if i + 1 < self.sents[self.sent_of[i]][1] else i + 1
        return end > i + 1 and self.doc[end - 1].lower_ == "year"

    def _in_names(self, i: int) -> bool:
        """Whether the month name at token `i` stands in a run of capitalised names ('Theresa May', 'Mrs May',
        'June Hale'): then it is a name, as the words beside it are; a day ('Monday May') or 'I' is no name."""
        return any(
            tok is not None and len(tok) > 1 and name_shaped(tok) and tok.lower_ not in WHEN_WORDS
            for tok in self._beside(i)
        )

    def _month_speaks(self, i: int) -> bool:
        """Whether the month name at token `i` is someone who speaks ('May said the plan would fail', '…, June told
        us'): written with a capital, right before a verb of saying in a form that no 'may' as a helping verb takes
        ('said', 'says', 'insisted'), and no date calls for it, with no number or other word for when among the two
        words before it or between it and the verb ('In May said', 'On May 4 she said' are dates)."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[i]]
        if doc[i].lower_ not in MONTHS or not doc[i].is_title or self._in_date(i) or i + 1 >= last:
            return False
        v = self._past_adverbs(i + 1)
        near = [t for t in doc[max(first, i - 2) : v] if t.i != i]
        if v >= last or any(t.like_num or t.lower_ in WHEN_WORDS for t in near):
            return False
        word = doc[v].lower_
        cue = self.lex.cues.get(word)
        return bool(cue and cue[1]) and (word in SPEAKING_VERBS or word.endswith(("ed", "s")))

    def _inside_name(self, i: int) -> bool:
        """A capitalised small word that leads on to a name word, not opening a sentence ('Save Our Hospital',
        'Keep Our Library'): part of the name, as a campaign or a title writes it."""
        doc, k = self.doc, i
        if doc[i].is_sent_start or self._opens_sentence(i, self.sents[self.sent_of[i]][0]):
            return False
        while k + 1 < len(doc) and doc[k].whitespace_ and self.sent_of[k + 1] == self.sent_of[i]:
            k += 1
            if not name_shaped(doc[k]):
                return False
            if not doc[k].is_stop:
                return True
        return False

    def source_runs(self) -> list[tuple[int, int, list[str]]]:
        """Maximal runs of name/title/modifier tokens inside one sentence, linking words allowed inside."""
        kinds = [self._kind(t) for t in self.doc]
        runs, i = [], 0
        while i < len(kinds):
            if kinds[i] in ("NAME", "TITLE", "MOD"):
                j = i
                while j < len(kinds) and kinds[j] and self.sent_of[j] == self.sent_of[i]:
                    j += 1
                while j > i and kinds[j - 1] in ("LINK", "MOD"):
                    j -= 1
                i = self._past_time_phrase(self._honorific_start(i, j, kinds), j)
                if j > i and any(k in ("NAME", "TITLE") for k in kinds[i:j]):
                    runs.append((i, j, kinds[i:j]))
                i = max(j, i + 1)
            else:
                i += 1
        return runs

    def _honorific_start(self, i: int, j: int, kinds: list[str]) -> int:
        """A name starts at its honorific: the capital of "Later Ms MacRae" at a sentence's start is no name."""
        title = next((k for k in range(i + 1, j) if self.doc[k].lower_ in NAME_TITLES), None)
        if title is not None and self.doc[i].is_sent_start and all(kind == "NAME" for kind in kinds[i:title]):
            return title
        return i

    def _past_time_phrase(self, i: int, j: int) -> int:
        """Where the run of name and job words at tokens i..j starts once a time phrase at its head is left out ('On
        Monday traders said', 'Yesterday Tom Jones said'): when it was said is not who said it. A month in a run of
        names is a name ('May Hale said'), and a run that is all time phrase ('Hale on Tuesday') is left as it is."""
        first = self.sents[self.sent_of[i]][0]
        for k in (i - 1, i) if i > first else (i,):
            end = self._time_phrase_end(k)
            if i < end < j and not (self.doc[i].lower_ in MONTHS and self._in_names(i)):
                return end
        return i

    def _described_from(self, i: int, j: int) -> int:
        """Where a speaker's description starts when lower-case words stand between an inverted
        'said' and the name or job ('…,” said retired teacher Ann Mills', '…,” said the project director'), or
        set off by a comma before a full name ('…,” said the county engineer, Jo Park'): they belong to the
        source, whatever the job word is."""
        doc = self.doc
        apposed = i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and self._kind(doc[i + 1]) == "NAME"
        k = i - 1 if apposed else i
        edge = k
        while (
            k > 0
            and k not in self.cue_ending_at
            and edge - k < DESCRIPTION_WORDS_MAX
            and self.sent_of[k - 1] == self.sent_of[i]
            and (
                doc[k - 1].lower_ in POSSESSIVES
                or (doc[k - 1].is_lower and doc[k - 1].is_alpha and not doc[k - 1].is_stop)
            )
        ):
            k -= 1
        if apposed and not (k < edge and k > 0 and doc[k - 1].lower_ in SPEAKER_DETERMINERS):
            return i  # "said on Friday, Jo Park": a comma alone does not make an aside a description
        ends = (k, k - 1) if k > 0 and doc[k - 1].lower_ in SPEAKER_DETERMINERS else (k,)
        for end in ends if k < edge else ():
            for start in self.cue_ending_at.get(end, []):
                inverted = start > 0 and doc[start - 1].is_punct
                if inverted and self.speech_cue(start) and doc[start:end].text.lower() in SPEAKER_FOLLOWS:
                    return k
        if apposed and k < edge and self._whose_opens_clause(k - 1, edge):
            near = self._speech_verb_near(i, j)
            if near and near[0] >= j:  # "Its founder, Rachel Osei, said", "The group's chair, Jo Lee, says"
                return k - 1
        return i

    def _compound_from(self, i: int) -> int:
        """Where the words start that make the job word at token `i` one kind of job ('One hotel owner said', 'a
        school bus driver, who asked not to be named, said'): lower-case words right before it, which are no small
        word, no word of saying and no word that links two nouns ('hardliners including'), belong to the source."""
        doc, k = self.doc, i
        while (
            k > 0
            and i - k < DESCRIPTION_WORDS_MAX
            and self.sent_of[k - 1] == self.sent_of[i]
            and doc[k - 1].is_lower
            and doc[k - 1].is_alpha
            and not doc[k - 1].is_stop
            and doc[k - 1].lower_ not in LINKING_WORDS | WHEN_WORDS  # 'Last week traders said': when, not which
            and k not in self.cue_ending_at
        ):
            k -= 1
        return k

    def _no_comment_near(self, j: int) -> tuple[int, str] | None:
        """'The council declined to comment', 'The diocese, which owns the land, declined to comment': the words
        after the run ending at token `j` (perhaps after an aside) say it was asked and gave no comment."""
        for k in self._after_run(j):
            if k in self.no_comment_at:
                return k, self.doc[k : self.no_comment_at[k]].text
        return None

    def _after_run(self, j: int) -> tuple[int, int, int, int, int]:
        """Where a verb that the run ending at token `j` is the subject of may stand: right after it, after a
        comma ('Jo Smith, 45, said'), after an aside set off by commas ('The firm, Acme Ltd, said') or after 'has',
        'have', 'had' or a word for when or how ('a spokesman had told her', 'Hale also accused')."""
        perfect = self._past_adverbs(j)
        after = j
        if after < len(self.doc) and self.doc[after].text == ",":
            close = next(
                (
                    k
                    for k in range(after + 1, min(after + 12, len(self.doc)))
                    if self.doc[k].text == "," and self.sent_of[k] == self.sent_of[j - 1]
                ),
                None,
            )
            after = close + 1 if close is not None else after
        beside = j + 1 if j + 1 < len(self.doc) and self.doc[j].text == "," else j
        return j, beside, after, perfect, self._relative_verb(j)

    def _relative_verb(self, j: int) -> int:
        """Where the verb of a relative clause set off by a comma after the name ending at token `j` stands ('Dan
        Ellery, who said', 'Jo Lee, who later said'), or `j` when no such clause follows: that name is its subject.
        Not after a group word, which a verb before it may wrongly join ('Nobody asked residents, who blamed …')."""
        doc = self.doc
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who" and self._kind(doc[j - 1]) == "NAME":
            return self._past_adverbs(j + 2)
        return j

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

    def _whose_opens_clause(self, d: int, edge: int) -> bool:
        """Whether token `d` opens its sentence with whose job follows up to token `edge`: a possessive ('Its
        founder', 'Her daughter') or an 's before the job ('The group's founder'); 'The next day' names no one."""
        first = self.sents[self.sent_of[d]][0]
        whose = self.doc[d].lower_ in POSSESSIVE_DETERMINERS or any(t.lower_ in POSSESSIVES for t in self.doc[d:edge])
        return whose and self._opens_sentence(d, first)

    def _speech_verb_near(self, i: int, j: int) -> tuple[int, str] | None:
        """A speech cue right after the run (perhaps after an appositive), or right before it."""
        for k in self._after_run(j):  # "Jo Smith said" / "The firm, Acme Ltd, said" / "Jo Smith, 45, said"
            if self.speech_cue(k):
                return k, self.doc[k : self.cue_at[k][0]].text
        ends_clause = (
            j >= self.sents[self.sent_of[i]][1]
            or self.doc[j].is_punct
            and not self._opens_quotation(j)  # 'said the council "saves" money': what was said goes on
            or self.doc[j].lower_ == "who"
        )
        # "..., said Jo Smith." / "according to Jo Smith" / '…,” said the mayor, Helen Okafor.'
        ends = (i, i - 1) if i > 0 and self.doc[i - 1].lower_ in SPEAKER_DETERMINERS else (i,)
        for start in (start for end in ends for start in self.cue_ending_at.get(end, [])):
            phrase = self.doc[start : self.cue_at[start][0]].text.lower()
            inverted = start > 0 and self.doc[start - 1].is_punct  # '…,” said Dan Fielding of Clean Streets Now.'
            if (
                self.speech_cue(start)
                and phrase in SPEAKER_FOLLOWS
                and (ends_clause or inverted and not self._opens_what_was_said(j))
                and self.sent_of[start] == self.sent_of[i]
            ):
                return start, self.doc[start : self.cue_at[start][0]].text
        return None

    def _opens_quotation(self, k: int) -> bool:
        """Whether token `k` is a quotation mark that opens words after it: a space before it, a word right after."""
        return (
            0 < k < len(self.doc) - 1
            and is_quote_mark(self.doc[k].text)
            and bool(self.doc[k - 1].whitespace_)
            and not self.doc[k].whitespace_
        )

    def _opens_what_was_said(self, j: int) -> bool:
        """Whether the words before token `j`, right after a verb of saying, are the subject of what was said, not
        who said it: an auxiliary follows them ('…, said some families were too frightened')."""
        return j < len(self.doc) and self.sent_of[j] == self.sent_of[j - 1] and self.doc[j].lower_ in AUXILIARIES

    def sources(self, agentless: Matcher) -> dict[int, tuple[int, int]]:
        """Suggest sources; returns, per speech-verb token, the source span it belongs to."""
        speakers: dict[int, tuple[int, int]] = {}
        taken = bytearray(len(self.doc))
        for _, i, j in sorted(agentless(self.doc), key=lambda m: (m[1] - m[2], m[1])):
            if any(taken[i:j]):
                continue
            taken[i:j] = b"\x01" * (j - i)
            made = self.add(
                "source",
                i,
                j,
                {"identity": "hidden"},
                f"agentless construction '{self.doc[i:j].text}': it does not say who says so",
                CONFIDENCE["agentless"],
            )
            if made:
                self.agentless_found.append((i, j, (made.start, made.end)))
        entities = self.entities = _Entities()
        unsure = []  # a job or group word in a sentence that reports speech, with no verb of saying beside it
        covered = 0  # where the last source an aside widened ends: the runs inside it are part of it
        answered: set[int] = set()  # the "declined to comment" phrases whose source is found
        for i, j, kinds in self.source_runs():
            if i < covered or any(self.quoted(k) for k in range(i, j)) or i and self._time_phrase_end(i - 1) >= j:
                continue  # quoted, or a day or a month in a time phrase ('Hale on Tuesday said'): no speaker
            if "NAME" in kinds or "TITLE" in kinds:
                described = self._described_from(i, j)
                if described == i and kinds[0] in ("TITLE", "MOD"):
                    described = self._compound_from(i)
                i, kinds = described, ["MOD"] * (i - described) + kinds
            near = self._speech_verb_near(i, j)
            if near is None and kinds[-1] == "TITLE":
                j, kinds, near = self._postmodified(j, kinds)
            silent = near is None and self._no_comment_near(j)
            near = near or silent or None
            if near and near[0] >= j:
                subject = self._subject(i, j, kinds, near[0])
                if subject is None:
                    continue
                i, j, kinds = subject
                covered = j
                start = self._with_determiner(i)  # the whole phrase speaks ('A spokesman said', 'The council claims')
                i, kinds = start, [""] * (i - start) + kinds
            if "NAME" in kinds and not all(t.lower_ in WHEN_WORDS for t in self.doc[i:j]):  # 'on Monday': when
                self.person_runs.setdefault(self.tokens[i].para, []).append((i, j, kinds))
            if near and near[0] < i and self.cue_at[near[0]][0] == i - 1:  # "said the mayor": the source is "the mayor"
                i, kinds = i - 1, ["MOD", *kinds]
            if near and near[0] < i and kinds[-1] == "TITLE":  # '…,” said campaigners from the estate'
                j, kinds = self._which_ones_after(j, kinds)
            if near and near[0] < i:  # '…,” said the mayor, Helen Okafor', '…,” said Jo Lee, chair of …'
                j, kinds = self._job_in_apposition(j, kinds) if "NAME" in kinds else self._name_in_apposition(j, kinds)
                covered = max(covered, j)
            titles = [self.doc[k].lower_ for k in range(i, j) if kinds[k - i] == "TITLE"]
            names = self._name_words(i, kinds)
            sentence = range(*self.sents[self.sent_of[i]])
            speech_in_sentence = any(self.speech_cue(k) for k in sentence)
            group_only = not names and all(self.lex.sources[t][1] for t in titles)
            if not near and not (titles and names and speech_in_sentence):
                continue  # a body ("the government") is a source only when it is the one saying something
            attrs = self._source_attrs(kinds, titles, i)
            if self._someone_unnamed(i, j):
                attrs["identity"] = "anonymous"
            if near:
                why = f"next to '{near[1]}'"
                confidence = CONFIDENCE["group-near" if group_only else "named-near"]
            else:
                why = f"job or group word '{titles[-1]}' in a sentence that reports speech"
                confidence = CONFIDENCE["title-in-speech"]
            if near and self._beside_quote(i) and not silent:
                why += "; speaker of a quotation"
                confidence = max(confidence, CONFIDENCE["speaker"])
            if silent:
                why += ": asked, they said nothing, so no claim comes from them"
            entity = entities.of(self.doc, names, titles)
            if not near:
                unsure.append((i, j, attrs, why, confidence, entity))
                continue
            made = self.add("source", i, j, attrs, why, confidence, entity=entity, said_nothing=bool(silent))
            if made and silent:
                answered.add(silent[0])
            if made and not silent:
                inside = speakers.get(near[0])
                if inside and made.start <= inside[0] and inside[1] <= made.end and inside != (made.start, made.end):
                    del self.found[("source", *inside)]  # "said union organiser Gail Ferris": not "union" as well
                speakers[near[0]] = (made.start, made.end)
        self._who_declined(answered)
        self._any_noun_speakers(speakers)
        self._any_noun_speakers_after(speakers)
        self._passive_agents(speakers)
        spoken = {self.sent_of[k] for k in speakers}
        for i, j, attrs, why, confidence, entity in unsure:
            if self._does_something_else(j):
                continue
            if not (self.sent_of[i] in spoken and self._what_the_speaker_does(i)):
                self.add("source", i, j, attrs, why, confidence, entity=entity)
        for v in sorted(self.cue_at):  # "She told reporters …": the pronoun stands for the person named before
            if v in speakers or not self.speech_cue(v) or not self._pronoun_that_speaks(v):
                continue
            person = self.pronoun_speaker(self._adverbs_before(v) - 1, speakers)  # 'She furiously decried'
            if person:
                speakers[v] = person
        return speakers

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

    def _participle_after_noun(self, v: int) -> bool:
        """Whether the verb of charge or criticism at token `v`, with no 'was' or 'been' before it, describes the noun
        before it rather than says what that noun did ('The man accused of theft was jailed', 'the fire blamed on
        arson', 'The men accused were freed', 'The woman accused, who …', 'the man accused in the case'): no word
        that may open who or what is charged follows it, but the word that brings in the charge, a preposition, a
        verb, a pause or nothing. That noun charges no one."""
        doc = self.doc
        if doc[v].lower_ not in JUDGING_VERBS or self._be_before(v) is not None:
            return False
        if v + 1 >= len(doc) or self.sent_of[v + 1] != self.sent_of[v] or doc[v + 1].is_punct:
            return True
        after = doc[v + 1].lower_
        return after in NO_OBJECT_AFTER or after in WHEN_WORDS

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

    def _passive(self, v: int, k: int) -> bool:
        """Whether the verb of labelling, charge or criticism at tokens v..k is passive ('was branded', 'has been
        blamed', 'was widely blamed'): whoever labels or charges may then follow, after 'by'."""
        said = self.doc[v:k].text.lower()
        return said in LABELLING_VERBS | JUDGING_VERBS and self._be_before(v) is not None

    def _be_before(self, v: int) -> int | None:
        """The 'was', 'been' or 'be' right before the verb at token `v`, or before one word between them that says how
        or when ('was widely blamed', 'was roundly slammed', 'was also branded'), as a word in -ly before an active
        verb of charge does (`_how_said`); None where there is none."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        k = v - 1
        how = k > first and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in NOUNS_IN_LY
        if how and (doc[k].lower_.endswith("ly") or doc[k].lower_ in ADVERBS_BEFORE_VERB):
            k -= 1
        return k if k >= first and doc[k].lower_ in PASSIVE_BE else None

    def _passive_by(self, v: int, k: int) -> int | None:
        """The 'by' after the passive verb at tokens v..k, before any pause or the end of the clause, or None; a 'by'
        inside quoted words is theirs ('labelled “run by cowboys” by the union')."""
        last = self.sents[self.sent_of[v]][1]
        if not self._passive(v, k):
            return None
        stops = (
            n
            for n in range(k, last)
            if self.doc[n].lower_ in {"by", ","} and not self.quoted(n) or self._ends_reported(n)
        )
        by = next(stops, last)
        return by if by < last and self.doc[by].lower_ == "by" else None

    def _passive_agent(self, v: int, k: int) -> tuple[int, int, int] | None:
        """Who labels or charges after a passive verb at tokens v..k ('was branded a waste by campaigners', 'was blamed
        for the delay by residents'): where the words after 'by' start, where their nouns start (past 'the', 'a' …)
        and where they end, when `_after_by` finds them and they end where a speaker may: with 'by' right after the
        verb, at the word that brings in the charge or the label ('was blamed by residents for the delay', 'was
        branded by critics as a waste'), else at a pause, a preposition or the end ('by officials at the town hall'
        stops before 'at': after a passive a place or a time most often says where or when it was done)."""
        found = self._after_by(v, k)
        if found is None:
            return None
        by, start, nouns, end = found
        last = self.sents[self.sent_of[v]][1]
        charge_follows = end < last and self.doc[end].lower_ in self._passive_links(v, k, by)
        if by == k:
            ends = charge_follows or self.doc[v:k].text.lower() in ONLY_CRITICISM and self._ends_speaker(end)
        else:
            ends = self._ends_speaker(end)
        return (start, nouns, end) if ends else None

    def _after_by(self, v: int, k: int) -> tuple[int, int, int, int] | None:
        """The 'by' after a passive verb at tokens v..k that brings in who labels or charges, and where the words after
        it start, where their nouns start and where their content words end (on over 'of', 'from' or 'for' to the
        noun they belong to: 'by residents of the estate'). Only with a label, or the word that brings in the charge,
        between the verb and 'by' ('branded by hand' labels nothing, 'blasted by storms' criticises nothing), or with
        'by' right after the verb and that word right after who comes after it ('was blamed by residents for the
        delay', 'was branded by critics as a waste'); not where the word before 'by' may be a passive verb of the
        charge's own ('accused of being paid by developers', 'blamed for damage caused by the storm') but is the
        label itself ('labelled biased by critics', 'slammed as flawed by unions'), nor where the words after it
        cannot be someone ('labelled unsafe by Friday' says when, 'accused of cheating by lying' how)."""
        doc, last, said = self.doc, self.sents[self.sent_of[v]][1], self.doc[v:k].text.lower()
        by = self._passive_by(v, k)
        if by is None or by > k and self._may_be_passive_verb(by - 1) and not self._sole_label(v, k, by):
            return None
        links = self._passive_links(v, k, by)
        no_label = said in LABELLING_VERBS and self.words(k, by) == 0
        if by > k and (no_label or links and doc[k].lower_ not in links):
            return None
        start = by + 1
        which = start < last and (doc[start].lower_ in SPEAKER_DETERMINERS | NUMBER_WORDS or doc[start].like_num)
        nouns = start + 1 if which else start  # 'by the union', 'by two councillors'
        # 'by residents for the delay': the charge follows who charges, so 'for' ends them ('by residents of the
        # estate' goes on only where the clause ends after them)
        if by == k:
            end = self._content_words_after(nouns, last)
        else:
            end = self._speaker_words_after(nouns, last)
        if end == nouns or any(t.lower_ in WHEN_WORDS for t in doc[start:end]) or doc[nouns].lower_.endswith("ing"):
            return None
        return by, start, nouns, end

    def _passive_links(self, v: int, k: int, by: int) -> set[str]:
        """The words that bring in what a passive verb at tokens v..k says of what it is about: the charge after a verb
        of charge ('of', 'for' …) or criticism ('as', 'for', 'over'), the label after a verb of labelling, which is
        any word between it and 'by', or 'as' when 'by' comes first ('was branded by critics as a waste')."""
        said = self.doc[v:k].text.lower()
        if said in LABELLING_VERBS:
            return {"as"} if by == k else set()
        return CRITICISM_LINKS if said in CRITICISM_VERBS else CHARGE_LINKS

    def _sole_label(self, v: int, k: int, by: int) -> bool:
        """Whether one word stands between the verb of labelling or 'as' after a verb at tokens v..k and the 'by' at
        token `by` ('labelled biased by', 'slammed as flawed by'): the label or the judgement itself, not a passive
        verb inside a longer one ('as a scheme driven by greed')."""
        label = k + 1 if self.doc[k].lower_ == "as" else k
        return by == label + 1 and (label > k or self.doc[v:k].text.lower() in LABELLING_VERBS)

    def _may_be_passive_verb(self, n: int) -> bool:
        """Whether the word at token `n` may be a passive verb ('paid', 'caused', 'driven'): a 'by' after it may bring
        in whoever did that, not whoever labels or charges."""
        word = self.doc[n].lower_
        return self.doc[n].is_alpha and (word.endswith(("ed", "en")) or word in IRREGULAR_PARTICIPLES)

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

    def _speaker_words_after(self, n: int, last: int) -> int:
        """Where the content words of a speaker starting at token `n` end ('local trader', 'hotel's owner'), on over
        'of', 'from' or 'for' to the noun they belong to ('bakeries of the old quay'), up to token `last`; not over
        'at', which most often says where they spoke ('said two officials at the depot')."""
        doc = self.doc
        j = self._content_words_after(n, last)
        if j > n and j + 1 < last and doc[j].lower_ in WHICH_ONES:
            m = j + 2 if doc[j + 1].lower_ in DETERMINERS else j + 1
            after = self._content_words_after(m, last)
            if after > m and self._ends_speaker(after):
                return after
        return j

    def _content_words_after(self, n: int, last: int) -> int:
        """Where the run of content words and joined possessives starting at token `n` ends, before a word for when."""
        doc = self.doc
        while (
            n < last
            and doc[n].lower_ not in WHEN_WORDS
            and (
                (doc[n].is_alpha and not doc[n].is_stop)
                or (doc[n].lower_ in POSSESSIVES and not doc[n - 1].whitespace_)
            )
        ):
            n += 1
        return n

    def _ends_speaker(self, j: int) -> bool:
        """Whether a speaker after the verb may end at token `j`: at the sentence's end, a pause, a preposition, a
        word for when or 'who' ('said a trader, who …', 'said a trader last week'); a verb there ('…, said the pool
        was shut') makes the words before it what was said."""
        doc = self.doc
        if j >= len(doc) or self.sent_of[j] != self.sent_of[j - 1]:
            return True
        word = doc[j].lower_
        return doc[j].is_punct or word in PREPOSITIONS | WHEN_WORDS | WHEN_LEADS - {"the", "that"} | {"who", "whose"}

    def _noun_phrase_before(self, k: int) -> tuple[int, int] | None:
        """The words of the noun phrase that ends right before token `k`, past an aside set off by commas ('The
        diocese, which owns the land, declined'): content words and possessives back to a small word or a pause,
        and on over 'of', 'at' or 'from' to the noun they belong to ('residents of the estate'), without the word
        that picks out which one, which `_with_determiner` adds ('diocese', 'hotel's owners'); None when no such
        word stands there."""
        doc, first = self.doc, self.sents[self.sent_of[k]][0]
        end = k
        if end > first and doc[end - 1].text == ",":
            end = next((n for n in range(end - 2, max(first, end - 13), -1) if doc[n].text == ","), first)
        start = self._content_words_before(end, first)
        while start < end and end - start <= POSTMODIFIER_WORDS_MAX:
            link = start - 1 if start > first and doc[start - 1].lower_ in DETERMINERS else start
            if not (link > first and doc[link - 1].lower_ in {"of", "at", "from"}):
                break
            before = self._content_words_before(link - 1, first)
            if before == link - 1:
                break
            start = before
        while start < end and doc[start].lower_ in POSSESSIVES:
            start += 1
        return (start, end) if start < end and start < k else None

    def _content_words_before(self, end: int, first: int) -> int:
        """Where the run of content words and joined possessives ending at token `end` starts ('hotel's owners')."""
        doc, start = self.doc, end
        while start > first and (
            (doc[start - 1].is_alpha and not doc[start - 1].is_stop)
            or (doc[start - 1].lower_ in POSSESSIVES and start - 1 > first and not doc[start - 2].whitespace_)
        ):
            start -= 1
        return start

    def _with_determiner(self, i: int) -> int:
        """Where the noun phrase of a speaker whose words start at token `i` begins: at the word before them that
        picks out which one ('a spokesman', 'the council', 'its chair'), or at a number that opens the clause
        ('Two hotels'; not a year: 'In 2019 residents', '2019 residents'), since the whole phrase says who speaks;
        else at `i`."""
        k = i - 1
        if k < 0 or self.sent_of[k] != self.sent_of[i]:
            return i
        word = self.doc[k]
        if word.lower_ in SPEAKER_DETERMINERS:
            return k
        number = word.lower_ in NUMBER_WORDS or (word.like_num and not word.is_alpha and not YEAR.fullmatch(word.text))
        first = self.sents[self.sent_of[k]][0]  # 'In May 2019 residents said': the year is part of when, not how many
        return k if number and self._opens_clause(k) and not self._after_time(first, k + 1) else i

    def _opens_clause(self, k: int) -> bool:
        """Whether token `k` is the first of its clause: at the sentence's start, after a clause's edge, or right
        after a time phrase that opens the sentence with no comma ('On Monday the hotel said', 'Last week two
        traders said'), since when it was said is not who said it."""
        first = self.sents[self.sent_of[k]][0]
        return k == first or self._clause_edge(k - 1) or self._after_time(first, k)

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

    def _postmodified(self, j: int, kinds: list[str]) -> tuple[int, list[str], tuple[int, str] | None]:
        """'Sources close to the trust board said', 'officials at the depot said': the phrase after the job or
        group word up to the verb of saying says which ones, so it belongs to the source."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        if j >= last or doc[j].lower_ not in POSTMODIFIERS:
            return j, kinds, None
        for m in range(j + 1, min(j + POSTMODIFIER_WORDS_MAX + 1, last)):
            if self.speech_cue(m):
                return m, kinds + ["LINK"] * (m - j), (m, doc[m : self.cue_at[m][0]].text)
            if not doc[m].is_alpha and doc[m].lower_ not in {"’s", "'s"}:
                break
        return j, kinds, None

    def _subject(self, i: int, j: int, kinds: list[str], v: int) -> tuple[int, int, list[str]] | None:
        """The whole subject of the verb of saying at `v` that the run i..j stands in, or None when the run is
        not the speaker: a name after a preposition belongs to the noun before it ('a trader on High Street
        said'), but for a job or group word to ', who said' itself ('backed by Jo Lee, who said'), and at the end of
        an aside to no speaker ('The mayor, speaking at Market Square, said'); an aside that describes the speaker
        is part of the one source ('Its chair, Priya Shah, said'), but not a relative clause that is its verb."""
        doc, owner = self.doc, self._owner(i)
        if owner is not None:
            start, at = owner
            if v == j + 1 and doc[j].text == ",":
                return None
            person = any(self._kind(t) == "TITLE" for t in doc[start:at])
            relative = v != j and v == self._relative_verb(j)  # 'who' is a person: 'a tweet by Jo Lee, who said'
            if start < at and (person or not relative):  # not when it opens the sentence: "From Leeds Jo Smith said"
                i, kinds = start, [self._kind(t) for t in doc[start:at]] + ["LINK"] * (j - at)
        if v > j + 1 and doc[j].text == "," and self._describes(j + 1) and v != self._relative_verb(j):
            named = "NAME" in kinds  # then the aside's names describe the speaker; they do not name them
            kinds = kinds + ["MOD" if named and self._kind(t) == "NAME" else self._kind(t) for t in doc[j : v - 1]]
            j = v - 1
        return i, j, kinds

    def _owner(self, i: int) -> tuple[int, int] | None:
        """For a name after a preposition ('a trader on High Street', 'Jo Lee from Acme'): where the noun
        phrase before the preposition starts, and the preposition (the same token when no noun stands there)."""
        doc, at = self.doc, i - 1
        if at > 0 and doc[at].lower_ == "the":
            at -= 1
        in_sentence = lambda k: k >= 0 and self.sent_of[k] == self.sent_of[i]
        if not in_sentence(at) or doc[at].lower_ not in PREPOSITIONS | {"of", "near"}:
            return None
        start = at
        while at - start < DESCRIPTION_WORDS_MAX and in_sentence(start - 1):
            word = doc[start - 1]
            if not word.is_alpha or (word.is_stop and not self._kind(word)):
                break
            start -= 1
        return start, at

    def _describes(self, k: int) -> bool:
        """Whether the aside opening at token `k` says who the speaker is ('a trader', 'its chair', 'Priya Shah',
        'who chairs the group'), not when or how they spoke ('however', 'in a statement', '45')."""
        tok = self.doc[k]
        return tok.lower_ in DETERMINERS | {"who", "whose"} or self._kind(tok) in ("NAME", "TITLE", "MOD")

    def _does_something_else(self, j: int) -> bool:
        """Whether the body or person ending at token `j` is the subject of a verb of its own ('the government is
        expected to call talks, sources said'): what the claim is about, not who says it. A verb of saying after
        the auxiliary ('Zelensky has denied', 'Medvedev has also said') makes them a speaker all the same, but not a
        passive verb of labelling, charge or criticism ('Councillor Jo Reed was branded a liar'): they are the one
        labelled or charged, what the judgement is about."""
        last = self.sents[self.sent_of[j - 1]][1]
        return (
            j < last
            and self.doc[j].lower_ in AUXILIARIES
            and not any(
                k in self.cue_at
                and self.lex.cues[self.doc[k : self.cue_at[k][0]].text.lower()][1]
                and not self._passive(k, self.cue_at[k][0])
                for k in range(j + 1, min(j + 3, last))
            )
        )

    def _what_the_speaker_does(self, i: int) -> bool:
        """'…, said Fiona MacRae, who chairs the Community Council': the body after 'who' and one verb
        describes the speaker; it is not a second source."""
        k = i - 1 if i > 0 and self.doc[i - 1].lower_ in {"the", "a", "an"} else i
        return k >= 2 and self.doc[k - 2].lower_ == "who" and self.doc[k - 1].is_alpha

    def pronoun_speaker(self, i: int, speakers: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
        """Who the 'he', 'she' or 'they' before token `i` stands for: the person named before it, or a speaker
        already found who is nearer ('A company spokesman said …. He added that …'), in its paragraph or the one
        before; 'he' and 'she' only for one person ('a spokesman', not 'Police'), 'they' for any speaker."""
        para, word = self.tokens[i].para, self.doc[i].lower_
        unnamed = [
            (v, span)
            for v, span in speakers.items()
            if v < i and self.tokens[v].para in (para, para - 1) and (word == "they" or self._one_person(span))
        ]
        run = self._named_run_before(i)
        if unnamed and (run is None or self.article.token_at(max(unnamed)[1][0]) > run[0]):
            return max(unnamed)[1]
        return self.named_before(i)

    def _one_person(self, span: tuple[int, int]) -> bool:
        """Whether the source at characters `span` is one person by its job word ('a company spokesman')."""
        jobs = [t.lower_ for t in self.doc[self.article.token_at(span[0]) : self.article.token_at(span[1] - 1) + 1]]
        return any(job in self.lex.sources and not self.lex.sources[job][1] for job in jobs)

    def named_before(self, i: int) -> tuple[int, int] | None:
        """Who 'he' or 'she' is before token `i`: the nearest run with a name before it in its paragraph (or, when
        there is none, a person in the paragraph before: news gives a sentence a paragraph) that is not someone's
        affiliation ('Jo Lee, of the group Safe Streets, said …. “…,” she said'), and that reads as a person
        where one does: a job word or a full name ('reporter Ann Kots called for action against Ukraine’s
        leaders. “…,” he said' is Ann Kots, not Ukraine); else the first name in its sentence, which is most
        often who the sentence is about ('Lind asked whether Oslo would talk. He said …')."""
        run = self._named_run_before(i)
        if run is None:
            return None
        a, b, kinds = run
        titles = [self.doc[k].lower_ for k in range(a, b) if kinds[k - a] == "TITLE"]
        names = self._name_words(a, kinds)
        made = self.add(
            "source",
            a,
            b,
            self._source_attrs(kinds, titles, a),
            "the person named before the 'he', 'she' or 'they' who speaks",
            CONFIDENCE["speaker"] - 0.1,
            entity=self.entities.of(self.doc, names, titles),
        )
        return (made.start, made.end) if made else None

    def _named_run_before(self, i: int) -> tuple[int, int, list[str]] | None:
        """The run with a name that `named_before` drafts for the pronoun before token `i`, or None."""
        para = self.tokens[i].para
        runs = [run for run in self.person_runs.get(para, []) if run[1] <= i] or [
            run for run in self.person_runs.get(para - 1, []) if self._reads_as_person(run)
        ]
        people = [run for run in runs if not self._affiliation(run[0]) and not self._listener(run[0])]
        if not runs:
            return None
        persons = [run for run in people if self._reads_as_person(run)]
        sentences = [self.sent_of[run[0]] for run in people]
        subjects = [
            run
            for n, run in enumerate(people)
            if (n == 0 or sentences[n - 1] != sentences[n])
            and not any(t.lower_ in SUBJECT_PRONOUNS for t in self.doc[self.sents[sentences[n]][0] : run[0]])
        ]
        return (persons or subjects or runs)[-1]

    def _reads_as_person(self, run: tuple[int, int, list[str]]) -> bool:
        """A job word for one person or two name words in a row ('reporter Ann Kots', 'Jo Lee'); one capitalised
        word alone may be a country or a body as well as a surname, and 'Norway’s government' is a body."""
        a, _, kinds = run
        jobs = [self.doc[a + n].lower_ for n, kind in enumerate(kinds) if kind == "TITLE"]
        return any(not self.lex.sources[job][1] for job in jobs) or any(
            x == y == "NAME" for x, y in zip(kinds, kinds[1:])
        )

    def _listener(self, a: int) -> bool:
        """Whether the name starting at token `a` is who was told ('told the Eastvale Star'): they heard it."""
        k = a - 1 if a > 0 and self.doc[a - 1].lower_ == "the" else a
        return k > 0 and self.doc[k - 1].lower_ in LISTENER_VERBS

    def _affiliation(self, a: int) -> bool:
        """Whether the name starting at token `a` follows 'of', 'the group' and the like (over capitalised
        words the run left out, "of the group Keep Westmoor Moving")."""
        k = a - 1
        while k >= 0 and name_shaped(self.doc[k]) and self.sent_of[k] == self.sent_of[a]:
            k -= 1
        return k >= 0 and self.doc[k].lower_ in AFFILIATION_BEFORE

    def _which_ones_after(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said campaigners from the estate', '…,” said residents of the old quay': after the job or group word of
        a speaker who follows the verb, 'of', 'from' or 'for' and the noun they bring in, in small letters, say which
        ones, as a name after them does (`_from_a_named_body`): the source runs to that noun's end, where a pause or
        the sentence's end follows (`_speaker_words_after`); it names none of them."""
        end = self._speaker_words_after(j - 1, self.sents[self.sent_of[j - 1]][1])
        return (end, [*kinds] + ["LINK"] * (end - j)) if end > j else (j, kinds)

    def _name_in_apposition(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said the mayor, Helen Okafor, after the vote': a full name set off by a comma right after the job
        words of a speaker who follows the verb names that speaker ('the head librarian, Priya Shah' too, with
        job words we do not list); the source runs to the name's end."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        comma = j
        while (
            comma < last
            and comma - j < DESCRIPTION_WORDS_MAX
            and (doc[comma].lower_ in POSSESSIVES or (doc[comma].is_lower and not doc[comma].is_stop))
        ):
            comma += 1  # "the head librarian, Priya Shah", "the group's founder, Nadia Webb"
        if comma >= last or doc[comma].text != ",":
            return j, kinds
        n = comma + 1
        while n < last and self._kind(doc[n]) == "NAME":
            n += 1
        if n - comma - 1 < 2 or (n < last and not doc[n].is_punct):
            return j, kinds
        return n, [*kinds] + ["MOD"] * (comma - j) + [""] + ["NAME"] * (n - comma - 1)

    def _job_in_apposition(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said Tom Whitfield, chair of the Friends of Ashford Library.': an aside set off by a comma right after
        the name of a speaker who follows the verb, that opens with their job or group word (perhaps after 'a', 'the'
        or 'its' and a few describing words) and runs to the sentence's end or a pause, describes that speaker; the
        source runs to its end, and the names in it describe the speaker without naming them, as in an aside before
        the verb (`_subject`)."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        if j + 1 >= last or doc[j].text != ",":
            return j, kinds
        n = j + 1 + (doc[j + 1].lower_ in SPEAKER_DETERMINERS)
        while n < last and n - j <= DESCRIPTION_WORDS_MAX and doc[n].is_lower and not doc[n].is_stop:
            if self._kind(doc[n]) == "TITLE":
                break
            n += 1  # 'a retired primary school teacher'
        if n >= last or self._kind(doc[n]) != "TITLE":
            return j, kinds
        end = n
        while end < last and self._kind(doc[end]):
            end += 1
        while end > n and self._kind(doc[end - 1]) == "LINK":
            end -= 1
        if end < last and not doc[end].is_punct:
            return j, kinds  # '…, said Jo Lee, chair of the group on Monday': where the aside ends is not known
        aside = ["MOD" if self._kind(t) == "NAME" else self._kind(t) for t in doc[j + 1 : end]]
        return end, [*kinds, "", *aside]

    def _someone_unnamed(self, i: int, j: int) -> bool:
        """Whether the source at tokens i..j is brought in by 'a' or 'an' ('a spokeswoman for Greenway Buses',
        'a Westfield Council spokesperson'): it stands for one person the article does not name, and the names
        in it are the body they speak for. An aside that gives the name ('a spokeswoman, Jo Lee,') names them."""
        k = i if self.doc[i].lower_ in {"a", "an"} else i - 1
        return (
            k >= 0
            and self.doc[k].lower_ in {"a", "an"}
            and self.sent_of[k] == self.sent_of[i]
            and not any(t.text == "," for t in self.doc[i:j])
        )

    def _source_attrs(self, kinds: list[str], titles: list[str], i: int) -> dict:
        """Identity and role of the source whose tokens start at `i` and have these `kinds`."""
        own = kinds[: self._own_words(i, kinds)]
        longest_name, run = 0, 0
        for n, kind in enumerate(own):
            run = run + 1 if self._written_as_name(i + n, kind) else 0
            longest_name = max(longest_name, run)
        group = any(self.lex.sources[t][1] for t in titles)
        # one name word before a group word says whose they are ('Russian officials', 'the Harbourside residents');
        # right after it, it is the body's own name ('Energy firm Northgrid', 'the union Unite')
        body_named = any(
            kind == "TITLE" and following == "NAME" and self.lex.sources[self.doc[i + n].lower_][1]
            for n, (kind, following) in enumerate(zip(own, own[1:]))
        )
        identity = "anonymous" if longest_name == 0 or (group and longest_name < 2 and not body_named) else "named"
        attrs = {"identity": identity}
        if titles:  # the head word: the last job word before "of" or "for" ("a spokesperson for the agency")
            jobs = [i + n for n, kind in enumerate(kinds) if kind == "TITLE"]
            before_link = kinds[: kinds.index("LINK")].count("TITLE") if "LINK" in kinds else 0
            head = jobs[before_link - 1] if before_link else jobs[-1]
            attrs["role"] = self._role(self._body_spoken_for(head, jobs) or head)
        return attrs

    def _body_spoken_for(self, head: int, jobs: list[int]) -> int | None:
        """The group or body word after 'of' or 'for' that the job at token `head` speaks for ('chair of the Friends
        of Ashford Library', 'a spokesperson for the campaign'), when the job is an office any body has
        (SPEAKS_FOR): its source has the body's role, a stake or an office, not the office's own."""
        if self.doc[head].lower_ not in SPEAKS_FOR or head + 1 >= len(self.doc):
            return None
        if self.doc[head + 1].lower_ not in {"of", "for"}:
            return None
        return next((k for k in jobs if k > head), None)

    def _role(self, k: int) -> str:
        """The role the job or group word at token `k` gives its source. An agency is a public body ('The
        Environment Agency') unless it is a news or press agency."""
        word = self.doc[k].lower_
        if word == "agency" and k and self.doc[k - 1].lower_ in {"news", "press"}:
            return "media"
        return self.lex.sources[word][0]

    def _own_words(self, i: int, kinds: list[str]) -> int:
        """How many of the source's tokens, from `i`, can name it: all, but for a group word and 'of', 'for' or 'from'
        ('Residents of Lower Ashcombe', 'officials of the Ministry') those before that word; a name after it
        is the place or body the group belongs to and names none of them."""
        at = kinds.index("LINK") if "LINK" in kinds else len(kinds)
        head = next((n for n in reversed(range(at)) if kinds[n] == "TITLE"), None)
        if head is None or at == len(kinds) or self.doc[i + at].lower_ not in WHICH_ONES:
            return len(kinds)
        return at if self.lex.sources[self.doc[i + head].lower_][1] else len(kinds)

    def _written_as_name(self, k: int, kind: str) -> bool:
        """Whether token `k` of a source is part of a name: a name word, or a job, group or describing word written
        with a capital inside its sentence, as a body's name has it ('Westfield Council', 'Transport Union'), or
        a group word that opens the sentence right before a name word ('Police Scotland declined to comment')."""
        if kind == "NAME":
            return True
        return (
            kind in ("TITLE", "MOD")
            and name_shaped(self.doc[k])
            and (not self._opens_sentence(k, self.sents[self.sent_of[k]][0]) or self._opens_body_name(k))
        )

    def _opens_body_name(self, k: int) -> bool:
        """Whether the group word at token `k` is the first word of a body's name ('Police Scotland'): a name word
        follows it in the same sentence, so its capital is the name's and not only the sentence's."""
        doc, word = self.doc, self.doc[k].lower_
        return (
            word in self.lex.sources
            and self.lex.sources[word][1]
            and k + 1 < len(doc)
            and bool(doc[k].whitespace_)
            and self.sent_of[k + 1] == self.sent_of[k]
            and self._kind(doc[k + 1]) == "NAME"
        )

    def _name_words(self, i: int, kinds: list[str]) -> list[int]:
        """The tokens of the source starting at `i` that make up names: the name words, and the group words written
        as part of a body's name with the describing words written so right before them ('Transport Union',
        'Police Scotland'); a job word for one person is not part of the name ('Mayor Jo Lee')."""
        names, body = [], False
        own = self._own_words(i, kinds)
        aside = next((n for n in range(own) if self.doc[i + n].text == ","), own)
        if "NAME" in kinds[:aside]:
            own = aside  # 'Tom Whitfield, chair of the Friends of …': the aside describes the named person
        for n in reversed(range(own)):
            k, kind = i + n, kinds[n]
            written = self._written_as_name(k, kind)
            if kind == "TITLE":
                body = written and self.lex.sources[self.doc[k].lower_][1]
            elif kind != "MOD" or not written:
                body = False
            if kind == "NAME" or body:
                names.append(k)
        return names[::-1]

    def _beside_quote(self, i: int) -> bool:
        regions = self.sentence_quotes.get(self.sent_of[i], [])
        return any(r.depth == 0 and not self._partial(r) for r in regions)

    def parsed_sources(self, speakers: dict[int, tuple[int, int]]) -> None:
        """With a dependency parse: the subject of a speech verb is a source, its clause a claim."""
        matcher = DependencyMatcher(self.doc.vocab)
        verbs = [phrase for phrase, (_, speech) in self.lex.cues.items() if speech and " " not in phrase]
        verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"IN": verbs}}}
        matcher.add(
            "subject",
            [
                [
                    verb,
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "who",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}},
                    },
                ]
            ],
        )
        matcher.add(
            "content",
            [
                [
                    verb,
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "what",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["ccomp", "xcomp"]}},
                    },
                ]
            ],
        )
        for match_id, (v, other) in sorted(matcher(self.doc), key=lambda m: m[0] != self.doc.vocab.strings["subject"]):
            if not self.speech_cue(v):
                continue  # the rules' verbs of saying: not 'asked' that asks for something, nor 'added' with an object
            head = self.doc[other]
            i, j = head.left_edge.i, head.right_edge.i + 1
            if self.doc.vocab.strings[match_id] == "subject":
                while i < j and self.doc[i].lower_ in {"the", "a", "an"}:
                    i += 1
                if head.pos_ == "PRON" or head.lower_ in {"he", "she", "they", "it", "we", "i", "you"}:
                    continue
                made = self.add("source", i, j, {}, f"subject of '{self.doc[v].text}' (parser)", CONFIDENCE["parser"])
                if made:
                    speakers.setdefault(v, (made.start, made.end))
            elif not self.quoted(other):
                self.add(
                    "claim",
                    i,
                    j,
                    {},
                    f"what '{self.doc[v].text}' reports (parser)",
                    CONFIDENCE["parser"],
                    speakers.get(v),
                )

    # CLAIM ----------------------------------------------------------------------------------------
    def claims(self, speakers: dict[int, tuple[int, int]]) -> None:
        frames = _QuoteFrames(self, speakers)
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

    def _asks(self, i: int, j: int) -> bool:
        """Whether the quoted words at tokens i..j end on a question mark ('“Who will pay for this?”'): a question
        says nothing true or false, so it is no claim, though whoever asks it is a source."""
        ending = [t.text for t in self.doc[i:j] if not is_quote_mark(t.text)]
        return bool(ending) and ending[-1] == "?"

    def _inside_claim(self, v: int) -> bool:
        start = self.tokens[v].start
        return any(a <= start < b for a, b in self.claims_by_sentence.get(self.sent_of[v], []))

    def _subject_before(self, i: int) -> int | None:
        """Where the subject of the agentless 'are thought to' at token `i` starts ('Two men are thought to have
        fled', 'The union's leader, Jo Lee, is expected to speak'): back to the start of its clause, past an aside
        that closes right before the verb. None when the verb is no finite 'is', 'was', 'are' or 'were', or its
        subject is a relative word ('who were understood to'), whose noun is outside the clause."""
        return self._clause_subject(i) if self.doc[i].lower_ in BE_FORMS else None

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

    def _passed_on(self, s: int, i: int, j: int, hidden: tuple[int, int]) -> None:
        """'Two men are thought to have fled the city': what the agentless words at tokens i..j pass on is the
        whole clause from its subject at token `s`, since 'have fled the city' alone says nothing of who fled."""
        last = self.sents[self.sent_of[i]][1]
        end = next((n for n in range(j, last) if self._ends_reported(n)), last)
        if self.words(j, end) < 2:
            return
        voice = "quoted" if any(self.quoted(n) for n in range(j, end)) else "reporter"
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
            voice = "quoted" if any(self.quoted(n) for n in range(k, end)) else "reporter"
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
            attrs = self._claim_attrs(k, end, voice)
            pronoun = "" if speaker else self._pronoun_that_speaks(v)
            self.add("claim", k, end, attrs, why, CONFIDENCE["reported-claim"], speaker, True, speaker_word=pronoun)
            return
        if self.words(k, last) <= 3:  # "..., UK officials said last night."
            self._claim_before(v, cue_end, speaker)

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
        end = next((n for n in range(link + 1, last) if doc[n].text == "," or self._ends_reported(n)), last)
        if self.words(link + 1, end) == 0:
            return
        voice = "quoted" if any(self.quoted(n) for n in range(link, end)) else "reporter"
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
        where a pronoun is what is labelled, or 'as', 'a', 'an' or a quotation mark opens it after what is labelled;
        elsewhere no claim ('branded the new car park, saying …' names a thing and no label). A passive verb with no one
        after 'by' has what it labels before it and the label right after it: the claim starts at its subject ('The
        plan was branded a disgrace'), unless a relative word is the subject (`_says_which_one`)."""
        doc, last = self.doc, self.sents[self.sent_of[v]][1]
        if self._says_which_one(v):
            return
        start = self._passive_subject(v)  # 'The plan was branded a disgrace': what is labelled stands before the verb
        start = v if start is None else start
        end = next((n for n in range(k, last) if doc[n].text == "," or self._ends_reported(n)), last)
        labels_a_pronoun = k < end and doc[k].lower_ in OBJECT_PRONOUNS | {"it"}
        label_from, words_needed = (k, 1) if self._be_before(v) is not None else (k + 1, 2)
        opens_label = any(
            doc[n].lower_ in {"as", "a", "an"} or self._opens_quotation(n) for n in range(label_from, end)
        )
        if self.words(k, end) < words_needed or not (labels_a_pronoun or opens_label):
            return
        voice = "quoted" if any(self.quoted(n) for n in range(k, end)) else "reporter"
        attrs = self._claim_attrs(start, end, voice) | {"kind": "judgement"}
        pronoun = "" if speaker else self._pronoun_that_speaks(v)
        with_what = "with what it is about" if start < v else "with the verb"
        why = f"the judgement '{doc[v:k].text}' reports, {with_what}: the words after it do not read as a claim"
        self.add("claim", start, end, attrs, why, CONFIDENCE["reported-claim"], speaker, True, speaker_word=pronoun)

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
        voice = "quoted" if any(self.quoted(n) for n in range(k, by)) else "reporter"
        judgement = doc[v:k].text.lower() in LABELLING_VERBS or doc[k].lower_ == "as"
        attrs = self._claim_attrs(start, by, voice) | {"kind": "judgement" if judgement else "accusation"}
        what = "the judgement" if judgement else "the charge"
        why = f"{what} '{doc[v:k].text}' reports, with what it is about: the words after it do not read as a claim"
        self.add("claim", start, by, attrs, why, CONFIDENCE["reported-claim"], speaker, True)

    def _passive_subject(self, v: int) -> int | None:
        """Where the subject of the passive verb at token `v` starts ('The council was blamed', 'The plan has since
        been slammed'): back over 'was' or 'been' and the auxiliaries before them ('has been', 'will be'), and over a
        word for when or how between two of them ('has since been', 'has also been'), to the start of its clause.
        A relative word that a comma sets off stands for the noun phrase before the comma, where the subject starts
        ('the council, which has since been blamed'). None when no 'was' or 'been' stands before the verb or another
        relative word is the subject ('The man who was blamed')."""
        if self._be_before(v) is None:
            return None
        group = self._verb_group_start(v)
        if self._set_off_relative(group - 1):
            return self._noun_before_relative(group - 1)
        return self._clause_subject(group)

    def _set_off_relative(self, r: int) -> bool:
        """Whether token `r` is 'which' or 'who' after a comma: its clause is an aside that tells more of what comes
        before ('the council, which was blamed for the delay'), not which one the sentence is about."""
        first = self.sents[self.sent_of[r]][0]
        return r > first and self.doc[r].lower_ in {"which", "who"} and self.doc[r - 1].text == ","

    def _verb_group_start(self, v: int) -> int:
        """Where the words that go with the verb at token `v` start: its auxiliaries ('was', 'has been', 'will be'),
        with a word for when or how between two of them ('has since been', 'has also been'), or the words for when or
        how right before an active verb ('also blamed')."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        aux = self._be_before(v)
        if aux is None:
            return self._adverbs_before(v)
        while aux > first:
            k = aux - 1
            if k > first and doc[k].lower_ in ADVERBS_BEFORE_VERB and doc[k - 1].lower_ in AUXILIARIES:
                k -= 1  # 'has since been': 'since' says when, it opens no clause here
            if doc[k].lower_ not in AUXILIARIES | PASSIVE_BE:
                break
            aux = k
        return aux

    def _says_which_one(self, v: int) -> bool:
        """Whether the verb of charge or labelling at token `v` is in a relative clause that says which person or thing
        the sentence is about: passive with a relative word for its subject ('The man who was blamed for the fire has
        left', 'the fire that was blamed on arson'), or active with one and no comma before it ('The man who blamed
        the council for the fire has left'), where the clause's end is not known. The reporter reports no charge
        there: the sentence's news is what it goes on to say of them. A clause a comma sets off is an aside that
        reports the charge, passive or active ('the council, which was blamed for the delay')."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        k = self._verb_group_start(v) - 1
        if k < first or doc[k].lower_ not in RELATIVE_WORDS:
            return False
        return not (k > first and doc[k - 1].text == ",")

    def _after_preposition(self, i: int) -> bool:
        """Whether the noun phrase at token `i` follows a preposition ('a strike on the Kremlin', 'the head of the
        trust'): it may be part of a longer one, so a relative clause after it may stand for either noun."""
        return i > 0 and self.sent_of[i - 1] == self.sent_of[i] and self.doc[i - 1].lower_ in PREPOSITIONS | {"of"}

    def _pronoun_that_speaks(self, v: int) -> str:
        """The 'he', 'she' or 'they' that is the subject of the verb of saying at token `v` ('He said', 'She has
        since told'), as the text writes it, or ''; a claim it says is someone's, whom the rules could not find."""
        k = self._adverbs_before(v) - 1
        same = k >= 0 and self.sent_of[k] == self.sent_of[v]
        return self.doc[k].text if same and self.doc[k].lower_ in PERSON_PRONOUNS else ""

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

    def _claim_before(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        """The claim before '..., UK officials said', '..., according to X' or '..., it is understood' (said
        at tokens v..k): the sentence up to its comma, with the quotation marks of a few words it quotes ('It was “a
        disaster”, she said'), which are the speaker's, so the claim is in the quoted voice."""
        first = self.sents[self.sent_of[v]][0]
        comma = next((n for n in range(v - 1, first, -1) if self.doc[n].text == ","), None)
        if comma is not None and self.words(first, comma) >= 4 and not self.quoted(first):
            voice = "quoted" if any(self.quoted(n) for n in range(first, comma)) else "reporter"
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


class _Entities:
    """One entity name per person or body, however the article names them: 'Dmitry Peskov',
    'Mr Peskov' and 'Peskov' are one entity; unnamed groups are named by their job words."""

    def __init__(self):
        self.by_surname: dict[str, str] = {}

    def of(self, doc: Doc, names: list[int], titles: list[str]) -> str | None:
        jobs = load_lexicon().sources
        last_title = (
            max((k for k in range(names[0], names[-1] + 1) if k not in names and doc[k].lower_ in jobs), default=-1)
            if names
            else -1
        )
        words = [doc[k].text for k in names if k > last_title and doc[k].lower_ not in NAME_TITLES]
        if words:
            full = " ".join(words)
            surname = words[-1].lower()
            if len(words) == 1 and surname in self.by_surname:
                return self.by_surname[surname]
            if len(words) > 1:
                self.by_surname.setdefault(surname, full)
            return self.by_surname.get(surname, full) if len(words) == 1 else full
        return " ".join(titles) or None


class _QuoteFrames:
    """Who speaks a quotation: the speaker named in its frame ('…,” Jo Smith said'), or for a pronoun
    ('…,” he said') the nearest named person before it in the same paragraph. A quotation with no
    frame continues the last one only in the same paragraph, or when the last one was left open."""

    def __init__(self, draft: _Draft, speakers: dict[int, tuple[int, int]]):
        self.draft, self.speakers = draft, speakers
        self.starting = {span[0]: span for span in speakers.values()}  # a speaker by where it starts
        self.last: tuple[tuple[int, int] | None, int, bool] = (None, -1, False)  # speaker, paragraph, open

    def speaker(self, region: QuoteRegion, i: int, j: int) -> tuple[int, int] | None:
        para = self.draft.tokens[i].para
        found = self._framed(i, j)
        last_speaker, last_para, last_open = self.last
        if found is None and (last_open or last_para == para):
            found = last_speaker
        self.last = (found, para, not region.closed)
        return found

    def _framed(self, i: int, j: int) -> tuple[int, int] | None:
        draft, doc = self.draft, self.draft.doc
        k = j
        while k < len(doc) and doc[k].text in {",", "—", "–"}:
            k += 1
        opening = (k, k + 1) if k < len(doc) and doc[k].lower_ in DETERMINERS else (k,)  # '…,” a senior nurse told'
        for at in opening:
            if at < len(doc) and draft.sent_of[at] == draft.sent_of[j - 1] and draft.tokens[at].start in self.starting:
                return self.starting[draft.tokens[at].start]  # '…,” a trader on High Street said'
        for at in (k, k + 1, k + 2):  # '…,” he said' / '…,” said Smith' / '…,” Jo Smith said'
            if at >= len(doc) or draft.sent_of[at] != draft.sent_of[j - 1]:
                break
            if draft.speech_cue(at) and at in self.speakers:
                return self.speakers[at]
            if (
                draft.speech_cue(at)
                and doc[at - 1].lower_ in PERSON_PRONOUNS | {"said", "says"}
                or doc[at].lower_ in PERSON_PRONOUNS
                and draft.speech_cue(at - 1)
            ):
                return draft.pronoun_speaker(i, self.speakers)
        k = i - 1
        while k >= 0 and doc[k].text in {":", ","}:
            k -= 1
        for start in draft.cue_ending_at.get(k + 1, []):  # 'Smith said: “…”'
            if start in self.speakers:
                return self.speakers[start]
        return None


def suggest(
    article: Article,
    nlp: Language | None = None,
    labels: list[str] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Suggestion]:
    """Drafted key spans for `article`, in text order; `labels` keeps only some of them and
    `min_confidence` leaves out the least certain ones (0 keeps everything)."""
    nlp = nlp if nlp is not None else load_pipeline()
    wanted = set(labels or LABELS)
    unknown = wanted - set(LABELS)
    if unknown:
        raise InputError(
            "labels", "", f"there is no label {min(unknown)!r} to suggest.", f"use some of: {', '.join(LABELS)}."
        )
    doc = make_doc(nlp, article)
    loaded_matcher, cue_matcher, agentless, no_comment = lexicon_matchers(nlp)
    draft = _Draft(article, doc)
    draft.no_comment_at = {i: j for _, i, j in no_comment(doc)}
    draft.cues(cue_matcher)
    if "loaded" in wanted:
        draft.loaded(loaded_matcher)
    speakers = draft.sources(agentless)
    if doc.has_annotation("DEP"):
        draft.parsed_sources(speakers)
    draft.claims(speakers)
    chosen = [s for s in draft.found.values() if s.label in wanted and s.confidence >= min_confidence]
    return sorted(chosen, key=lambda s: (s.start, LABELS.index(s.label), s.end))
