"""One article's analysis (`Draft`): the Doc, its sentences and quotation regions, the suggestions found so far, and the
few checks every rule asks of a token. Each rule module adds its methods in a subclass of `Draft`, based on the
classes that hold the methods it calls, and `assembly.py` joins the top ones into one class, so a rule calls another
through `self`, as when they were one class."""

from __future__ import annotations

from itertools import accumulate

from spacy.tokens import Doc

from ...core.article import QUOTE_MARKS, Article
from ..lexicons import load_lexicon
from ..loaded import headline_tokens
from ..quotes import QuoteRegion, quote_regions
from .entities import Entities
from .suggestion import Suggestion
from .word_lists import DASHES, KINDS_FROM_VERBS


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


class Draft:
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
        self.entities = Entities()
        self.agentless_found: list[tuple[int, int, tuple[int, int]]] = []  # tokens and span of "it is understood"
        self.no_comment_at: dict[int, int] = {}  # first token -> end token of "declined to comment"
        self.said_by: dict[int, tuple[int, int]] = {}  # verb-of-saying token -> its source's span, for claims

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

    def voice_of(self, i: int, j: int) -> str:
        """A drafted claim's voice: a speaker's ('quoted') when any of tokens i to j is inside quotation marks, else
        the reporter's."""
        return "quoted" if any(self.quoted(n) for n in range(i, j)) else "reporter"

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

    def _opens_sentence(self, i: int, first: int) -> bool:
        return all(not t.is_alpha for t in self.doc[first:i])
