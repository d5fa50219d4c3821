"""Draft key suggestions for a new article: spaCy rules over curated word lists.

The rules need nothing but `spacy.blank("en")` (Matcher and PhraseMatcher over our lexicons in
`medialit/authoring/lexicon/`). When a trained English pipeline is installed, its named entities mark names
and its dependency parse finds who said what; both paths produce the same kind of `Suggestion`.
Every suggestion carries the reason it was made, so an instructor can judge it quickly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..core.article import Article
from ..core.errors import InputError

LABELS = ("claim", "source", "loaded", "cue")
TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
NAME_ENTITIES = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
ACCUSATION_WORDS = {"accuse", "accuses", "accused", "accusing", "accusation", "blame", "blamed", "blames",
                    "behind", "orchestrating", "orchestrated", "masterminded", "responsible", "lies", "lied",
                    "ordered", "guilty", "fault", "plot"}
EVIDENCE_MISSING = re.compile(r"\b(without (providing |giving |offering )?(any )?evidence|no evidence)\b", re.I)
DASHES = {"–", "—", "-", "--"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "such"}
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who"}
AMBIGUOUS_CUES = {"claims", "claim", "alleged", "reported", "denied"}
SPEAKER_FOLLOWS = {"said", "says", "according to", "added", "wrote", "asked", "replied"}
PREPOSITIONS = {"on", "in", "at", "to", "from", "with", "by", "for", "about", "during"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
                "million", "millions", "billion", "dozen", "dozens", "half", "per", "percent", "scores"}
QUOTE_WORDS_MAX = 4  # a quoted stretch this short inside a longer sentence is a partial quote


@dataclass(frozen=True)
class Suggestion:
    """One drafted key span: what it is, where, which attributes it probably has, and why."""

    label: str
    start: int
    end: int
    quote: str
    line: int
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    reason: str = field(default="", compare=False)
    source: tuple[int, int] | None = field(default=None, compare=False)  # the source span a claim is put to

    def to_json(self) -> dict:
        return {"label": self.label, "start": self.start, "end": self.end, "quote": self.quote,
                "line": self.line, "attrs": dict(self.attrs), "reason": self.reason,
                "source": list(self.source) if self.source else None}


# --- lexicons -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Lexicon:
    loaded: dict[str, tuple[str, str]]          # phrase -> (technique, plainer wording)
    vader: dict[str, float]                      # word -> valence
    subjective: dict[str, float]                 # word -> polarity
    neutral: frozenset[str]                      # words news uses plainly
    cues: dict[str, tuple[str, bool]]            # phrase -> (type, introduces speech)
    sources: dict[str, tuple[str, bool]]         # word -> (role, names a group)
    modifiers: frozenset[str]
    agentless: tuple[tuple[str, ...], ...]       # word-choice patterns


def _rows(name: str) -> list[list[str]]:
    text = resources.files("medialit.authoring").joinpath("lexicon", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(w for row in _rows(name) for w in row[0].split())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped word lists (lexicon/SOURCES.md says where each comes from and under which licence)."""
    return Lexicon(
        loaded={r[0]: (r[1], r[2] if len(r) > 2 else "") for r in _rows("loaded.tsv")},
        vader={r[0]: float(r[1]) for r in _rows("vader_strong.tsv")},
        subjective={r[0]: float(r[1]) for r in _rows("pattern_subjective.tsv")},
        neutral=_words("news_neutral.txt"),
        cues={r[0]: (r[1], r[2].strip() == "y") for r in _rows("cues.tsv")},
        sources={r[0]: (r[1], r[2].strip() == "y") for r in _rows("sources.tsv")},
        modifiers=_words("modifiers.txt"),
        agentless=tuple(tuple(r[0].split()) for r in _rows("agentless.tsv")),
    )


# --- pipelines ------------------------------------------------------------------------------------

def _installed(name: str) -> bool:
    return spacy.util.is_package(name)


def _load(name: str) -> Language:
    return spacy.load(name)


def load_pipeline(name: str | None = None) -> Language:
    """A trained English pipeline when one is installed (or `name`), else the blank one.

    `name` is an installed package or a folder that `nlp.to_disk()` wrote; `name="blank"` forces
    the rules-only path.
    """
    if name == "blank":
        return spacy.blank("en")
    if name:
        try:
            return _load(name)
        except OSError:
            if Path(name).exists():
                raise InputError(name, "", "this is not a folder that holds a spaCy pipeline.",
                                 "give the folder that nlp.to_disk() wrote, an installed pipeline's name, "
                                 "or 'blank'.") from None
            raise InputError(name, "", "this spaCy pipeline is not installed.",
                             f"install it (python -m spacy download {name}) or leave out the pipeline option.") \
                from None
    for candidate in TRAINED_PIPELINES:
        if _installed(candidate):
            return _load(candidate)
    return spacy.blank("en")


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc with exactly the article's tokens and sentences, run through the pipeline's components."""
    tokens = article.tokens
    starts = {s.start for s in article.sentences}
    doc = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.ws) for t in tokens],
              sent_starts=[t.start in starts for t in tokens])
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


# --- quotation marks -----------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteRegion:
    """A stretch between quotation marks, marks included, in code points; depth 0 is outermost."""

    start: int
    end: int
    depth: int
    closed: bool


_OPENERS = {"‘": "’", "“": "”", "‚": "’", "„": "”", "«": "»", "'": "'", '"': '"'}


def quote_regions(article: Article) -> list[QuoteRegion]:
    """Find quotations paragraph by paragraph; a quote left open runs to the paragraph's end."""
    regions: list[QuoteRegion] = []
    text = article.text
    for para in article.paragraphs:
        stack: list[tuple[str, int]] = []
        for at in range(para.start, para.end):
            ch = text[at]
            before = text[at - 1] if at > para.start else " "
            after = text[at + 1] if at + 1 < para.end else " "
            closers = [n for n, (opener, _) in enumerate(stack) if _OPENERS[opener] == ch]
            can_close = closers and not after.isalnum() and not before.isspace()
            if can_close:
                n = closers[-1]
                opener, opened = stack[n]
                del stack[n:]
                regions.append(QuoteRegion(opened, at + 1, n, True))
            elif ch in _OPENERS and not before.isalnum() and (after.isalnum() or after in _OPENERS):
                stack.append((ch, at))
        for depth, (_, opened) in enumerate(stack):
            regions.append(QuoteRegion(opened, para.end, depth, False))
    return sorted(regions, key=lambda r: (r.start, r.depth))


# --- the rules ------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher, Matcher]:
    lex = load_lexicon()
    loaded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in lex.loaded:
        loaded.add(phrase, [nlp.make_doc(phrase)])
    cues = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in lex.cues:
        cues.add(phrase, [nlp.make_doc(phrase)])
    agentless = Matcher(nlp.vocab)
    for n, pattern in enumerate(lex.agentless):
        agentless.add(f"agentless-{n}", [[
            {"LOWER": {"IN": word.rstrip("?").split("|")}, **({"OP": "?"} if word.endswith("?") else {})}
            for word in pattern]])
    return loaded, cues, agentless


class _Draft:
    """One article's analysis: the Doc, quotation regions, and the suggestions found so far."""

    def __init__(self, article: Article, doc: Doc):
        self.article, self.doc, self.lex = article, doc, load_lexicon()
        self.tokens = article.tokens
        self.regions = quote_regions(article)
        self.found: dict[tuple[str, int, int], Suggestion] = {}
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
        self.token_region = [None] * len(doc)
        for region in self.regions:
            for tok in article.tokens_in(region.start, region.end):
                current = self.token_region[tok.i]
                if current is None or region.depth < current.depth:
                    self.token_region[tok.i] = region
        self.cue_at: dict[int, tuple[int, str, bool]] = {}  # first token -> (end token, type, speech)

    # helpers
    def chars(self, i: int, j: int) -> tuple[int, int]:
        return self.tokens[i].start, self.tokens[j - 1].end

    def add(self, label: str, i: int, j: int, attrs: dict, reason: str,
            source: tuple[int, int] | None = None, keep_quotes: bool = False) -> Suggestion | None:
        if j <= i:
            return None
        snapped = self.article.snap(*self.chars(i, j), keep_quotes=keep_quotes)
        if snapped is None:
            return None
        start, end = snapped
        key = (label, start, end)
        if key in self.found:
            return self.found[key]
        made = Suggestion(label, start, end, self.article.text[start:end], self.article.line_of(start),
                          attrs, reason, source)
        self.found[key] = made
        return made

    def quoted(self, i: int) -> bool:
        return self.token_region[i] is not None

    def words(self, i: int, j: int) -> int:
        return sum(1 for t in self.doc[i:j] if t.is_alpha)

    # CUE ------------------------------------------------------------------------------------------
    def cues(self, cue_matcher: PhraseMatcher) -> None:
        for match_id, i, j in cue_matcher(self.doc):
            phrase = self.doc.vocab.strings[match_id]
            if self.doc[i].is_title and not self.doc[i].is_sent_start:
                continue  # a name ("United States", "May 9"), not a cue
            kind, speech = self.lex.cues[phrase]
            speech = speech and self._used_as_verb(i, phrase)
            self.cue_at[i] = (j, kind, speech)
            what = "attribution verb" if speech else "hedge"
            self.add("cue", i, j, {"type": kind}, f"{what} in our list ({kind}): '{self.doc[i:j].text}'")
        for region in self.regions:
            if self._partial(region):
                toks = self.article.tokens_in(region.start, region.end)
                self.add("cue", toks[0].i, toks[-1].i + 1, {"type": "scare-quotes"},
                         "a few words in quotation marks inside a longer sentence: scare quotes or a partial quote",
                         keep_quotes=True)

    def _used_as_verb(self, i: int, phrase: str) -> bool:
        """'claims' and 'alleged' are often a noun or an adjective ("the alleged strike")."""
        if self.doc.has_annotation("POS"):
            return self.doc[i].pos_ in ("VERB", "AUX") or " " in phrase
        before = self.doc[i - 1] if i > 0 and not self.doc[i].is_sent_start else None
        if before is None:
            return True
        if before.lower_ in DETERMINERS or before.text in DASHES or before.lower_ in {"’s", "'s"}:
            return False
        if phrase in AMBIGUOUS_CUES:
            return before.is_title or before.lower_ in SUBJECT_PRONOUNS or before.lower_ in self.lex.sources
        return True

    def _partial(self, region: QuoteRegion) -> bool:
        toks = self.article.tokens_in(region.start, region.end)
        if not toks or not region.closed:
            return False
        i, j = toks[0].i, toks[-1].i + 1
        first, last = self.sents[self.sent_of[i]]
        return self.words(i, j) <= QUOTE_WORDS_MAX and self.words(first, last) > self.words(i, j) + 2

    # LOADED ---------------------------------------------------------------------------------------
    def loaded(self, loaded_matcher: PhraseMatcher) -> None:
        spans = []
        for match_id, i, j in loaded_matcher(self.doc):
            technique, plainer = self.lex.loaded[self.doc.vocab.strings[match_id]]
            attrs = {"technique": technique, **({"neutral": plainer} if plainer else {})}
            spans.append((i, j, attrs, f"in our list: {technique}"))
        for tok in self.doc:
            word = tok.lower_
            if word in self.lex.neutral or word in self.lex.loaded or (tok.is_title and not tok.is_sent_start):
                continue
            if word in self.lex.vader:
                value = self.lex.vader[word]
                strength = f"strongly {'negative' if value < 0 else 'positive'}"
                spans.append((tok.i, tok.i + 1, {"technique": "emotional"},
                              f"in lexicon: {strength} (VADER {value:+.1f})"))
            elif word in self.lex.subjective:
                spans.append((tok.i, tok.i + 1, {"technique": "emotional"},
                              f"in lexicon: strongly subjective (pattern, polarity {self.lex.subjective[word]:+.2f})"))
        taken: list[tuple[int, int]] = []
        for i, j, attrs, reason in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if any(a <= i and j <= b for a, b in taken):
                continue
            taken.append((i, j))
            voice = "quoted" if self.quoted(i) else "reporter"
            self.add("loaded", i, j, {**attrs, "voice": voice},
                     reason + ("; inside quotation marks" if voice == "quoted" else "; in the reporter's words"))

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
        if word in {"of", "for"}:
            return "LINK"
        if word == "the" and tok.i > 0 and self.doc[tok.i - 1].lower_ in {"of", "for"}:
            return "LINK"
        proper = (tok.is_title or (tok.is_upper and len(tok) > 1)) and tok.is_alpha
        if proper and not tok.is_stop and word not in self.lex.cues and not tok.like_num:
            return "NAME"
        return ""

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
                if j > i and any(k in ("NAME", "TITLE") for k in kinds[i:j]):
                    runs.append((i, j, kinds[i:j]))
                i = max(j, i + 1)
            else:
                i += 1
        return runs

    def _speech_verb_near(self, i: int, j: int) -> tuple[int, str] | None:
        """A speech cue right after the run (perhaps after an appositive), or right before it."""
        after = j
        if after < len(self.doc) and self.doc[after].text == ",":
            close = next((k for k in range(after + 1, min(after + 12, len(self.doc)))
                          if self.doc[k].text == "," and self.sent_of[k] == self.sent_of[i]), None)
            after = close + 1 if close is not None else after
        for k in (j, after):
            cue = self.cue_at.get(k)
            if cue and cue[2]:
                return k, self.doc[k:cue[0]].text
        for start, (end, _, speech) in self.cue_at.items():
            phrase = self.doc[start:end].text.lower()
            ends_clause = j >= self.sents[self.sent_of[i]][1] or self.doc[j].is_punct or self.doc[j].lower_ == "who"
            if speech and end == i and phrase in SPEAKER_FOLLOWS and ends_clause and self.sent_of[start] == self.sent_of[i]:
                return start, self.doc[start:end].text
        return None

    def sources(self, agentless: Matcher) -> dict[int, tuple[int, int]]:
        """Suggest sources; returns, per speech-verb token, the source span it belongs to."""
        speakers: dict[int, tuple[int, int]] = {}
        taken: list[tuple[int, int]] = []
        for _, i, j in sorted(agentless(self.doc), key=lambda m: (m[1] - m[2], m[1])):
            if any(i < b and a < j for a, b in taken):
                continue
            taken.append((i, j))
            self.add("source", i, j, {"identity": "hidden"},
                     f"agentless construction '{self.doc[i:j].text}': it does not say who says so")
        for i, j, kinds in self.source_runs():
            if any(self.quoted(k) for k in range(i, j)):
                continue
            near = self._speech_verb_near(i, j)
            titles = [self.doc[k].lower_ for k in range(i, j) if kinds[k - i] == "TITLE"]
            sentence = range(*self.sents[self.sent_of[i]])
            speech_in_sentence = any(k in self.cue_at and self.cue_at[k][2] for k in sentence)
            if not near and not (titles and speech_in_sentence):
                continue
            attrs = self._source_attrs(kinds, titles)
            why = f"next to '{near[1]}'" if near else f"job or group word '{titles[-1]}' in a sentence that reports speech"
            if near and self._beside_quote(i, j):
                why += "; speaker of a quotation"
            made = self.add("source", i, j, attrs, why)
            if near and made:
                speakers[near[0]] = (made.start, made.end)
        return speakers

    def _source_attrs(self, kinds: list[str], titles: list[str]) -> dict:
        longest_name, run = 0, 0
        for kind in kinds:
            run = run + 1 if kind == "NAME" else 0
            longest_name = max(longest_name, run)
        group = any(self.lex.sources[t][1] for t in titles)
        identity = "anonymous" if group and longest_name < 2 else "named"
        attrs = {"identity": identity}
        if titles:
            attrs["role"] = self.lex.sources[titles[-1]][0]
        return attrs

    def _beside_quote(self, i: int, j: int) -> bool:
        start, end = self.chars(*self.sents[self.sent_of[i]])
        return any(r.depth == 0 and r.start < end and start < r.end and not self._partial(r) for r in self.regions)

    def parsed_sources(self, speakers: dict[int, tuple[int, int]]) -> None:
        """With a dependency parse: the subject of a speech verb is a source, its clause a claim."""
        matcher = DependencyMatcher(self.doc.vocab)
        verbs = [phrase for phrase, (_, speech) in self.lex.cues.items() if speech and " " not in phrase]
        verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"IN": verbs}}}
        matcher.add("subject", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "who",
                                        "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}}}]])
        matcher.add("content", [[verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "what",
                                        "RIGHT_ATTRS": {"DEP": {"IN": ["ccomp", "xcomp"]}}}]])
        for match_id, (v, other) in sorted(matcher(self.doc), key=lambda m: m[0] != self.doc.vocab.strings["subject"]):
            head = self.doc[other]
            i, j = head.left_edge.i, head.right_edge.i + 1
            if self.doc.vocab.strings[match_id] == "subject":
                while i < j and self.doc[i].lower_ in {"the", "a", "an"}:
                    i += 1
                if head.pos_ == "PRON" or head.lower_ in {"he", "she", "they", "it", "we", "i", "you"}:
                    continue
                made = self.add("source", i, j, {}, f"subject of '{self.doc[v].text}' (parser)")
                if made:
                    speakers.setdefault(v, (made.start, made.end))
            elif not self.quoted(other):
                self.add("claim", i, j, {}, f"what '{self.doc[v].text}' reports (parser)", speakers.get(v))

    # CLAIM ----------------------------------------------------------------------------------------
    def claims(self, speakers: dict[int, tuple[int, int]]) -> None:
        last_speaker = None
        for region in self.regions:
            if region.depth or self._partial(region):
                continue
            toks = self.article.tokens_in(region.start, region.end)
            if not toks:
                continue
            speaker = self._speaker_of(toks[0].i, toks[-1].i + 1, speakers)
            last_speaker = speaker or (last_speaker if not region.closed or toks[0].para else None)
            for n in sorted({self.sent_of[t.i] for t in toks}):
                first, last = self.sents[n]
                i, j = max(first, toks[0].i), min(last, toks[-1].i + 1)
                if self.words(i, j) < 4:
                    continue
                self.add("claim", i, j, self._claim_attrs(i, j, "quoted"), "a quoted sentence",
                         speaker or last_speaker, keep_quotes=True)
        for v, (end, kind, speech) in sorted(self.cue_at.items()):
            start = self.tokens[v].start
            inside = any(s.label == "claim" and s.start <= start < s.end for s in self.found.values())
            if speech and kind != "hedge" and not self.quoted(v) and not inside:
                self._reported(v, end, speakers.get(v))
        self._figures_and_accusations()

    def _speaker_of(self, i: int, j: int, speakers: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
        first, last = self.sents[self.sent_of[i]]
        near = [v for v in speakers if first <= v < last or abs(v - i) <= 4 or abs(v - j) <= 4]
        return speakers[min(near, key=lambda v: min(abs(v - i), abs(v - j)))] if near else None

    def _reported(self, v: int, k: int, speaker: tuple[int, int] | None) -> None:
        first, last = self.sents[self.sent_of[v]]
        if k < last and self.doc[k].lower_ == "that":
            k += 1
        if k < last and self.doc[k].text in DASHES:
            closing = next((n for n in range(k + 1, last) if self.doc[n].text in DASHES), None)
            k = closing + 1 if closing is not None else k + 1
        if k < last and (self.doc[k].text in {":", ","} or self.quoted(k) or self.doc[k].lower_ in PREPOSITIONS):
            return  # a quotation follows (suggested on its own), or a place ("wrote on Telegram")
        end = next((n for n in range(k, last) if self.doc[n].text in DASHES | {";"}
                    or (self.quoted(n) and not self._in_partial(n))), last)
        if self.words(k, end) >= 4:
            voice = "quoted" if any(self.quoted(n) for n in range(k, end)) else "reporter"
            self.add("claim", k, end, self._claim_attrs(k, end, voice), f"what follows '{self.doc[v].text}'",
                     speaker, keep_quotes=True)
            return
        if self.words(k, last) <= 3:  # "..., UK officials said last night."
            comma = next((n for n in range(v - 1, first, -1) if self.doc[n].text == ","), None)
            if comma is not None and self.words(first, comma) >= 4 and not self.quoted(first):
                self.add("claim", first, comma, self._claim_attrs(first, comma, "reporter"),
                         f"what comes before '..., {self.doc[v].text}'", speaker)

    def _in_partial(self, i: int) -> bool:
        region = self.token_region[i]
        return region is not None and self._partial(region)

    def _claim_attrs(self, i: int, j: int, voice: str | None) -> dict:
        words = {t.lower_ for t in self.doc[i:j]}
        attrs = {"kind": "accusation" if words & ACCUSATION_WORDS else
                 "prediction" if words & {"will", "would"} else "fact"}
        first, last = self.sents[self.sent_of[i]]
        if EVIDENCE_MISSING.search(self.doc[first:last].text):
            attrs["evidence"] = "stated-without-evidence"
        if voice:
            attrs["voice"] = voice
        return attrs

    def _figures_and_accusations(self) -> None:
        claimed = [(s.start, s.end) for s in self.found.values() if s.label == "claim"]
        for first, last in self.sents:
            start, end = self.chars(first, last)
            if any(a < end and start < b for a, b in claimed) or self.words(first, last) < 5:
                continue
            figure = next((t for t in self.doc[first:last] if any(ch.isdigit() for ch in t.text)
                           or t.lower_ in NUMBER_WORDS), None)
            accusation = next((t for t in self.doc[first:last] if t.lower_ in ACCUSATION_WORDS), None)
            if figure is None and accusation is None:
                continue
            voice = "quoted" if self.quoted(first) else "reporter"
            reason = (f"a sentence with a figure ('{figure.text}')" if figure is not None
                      else f"a sentence with an accusation word ('{accusation.text}')")
            self.add("claim", first, last, self._claim_attrs(first, last, voice), reason, keep_quotes=True)


def suggest(article: Article, nlp: Language | None = None, labels: list[str] | None = None) -> list[Suggestion]:
    """Drafted key spans for `article`, in text order; `labels` keeps only some of them."""
    nlp = nlp if nlp is not None else load_pipeline()
    wanted = set(labels or LABELS)
    unknown = wanted - set(LABELS)
    if unknown:
        raise InputError("labels", "", f"there is no label {sorted(unknown)[0]!r} to suggest.",
                         f"use some of: {', '.join(LABELS)}.")
    doc = make_doc(nlp, article)
    loaded_matcher, cue_matcher, agentless = _matchers(nlp)
    draft = _Draft(article, doc)
    draft.cues(cue_matcher)
    draft.loaded(loaded_matcher)
    speakers = draft.sources(agentless)
    if doc.has_annotation("DEP"):
        draft.parsed_sources(speakers)
    draft.claims(speakers)
    chosen = [s for s in draft.found.values() if s.label in wanted]
    return sorted(chosen, key=lambda s: (s.start, LABELS.index(s.label), s.end))
