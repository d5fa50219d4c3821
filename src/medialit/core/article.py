"""The article: one normalised text, its hash, lines, paragraphs, tokens and sentences.

Everything else in medialit counts in code points of `Article.text`; this module is the only
place that turns raw file bytes into that text and that text into tokens.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .contract import QUOTE_MARKS
from .errors import InputError
from .files import ARTICLE, decode_utf8, read_bytes
from .jsonable import fields_json

STRETCHES_REMEMBERED = 1 << 14  # stretches of the article whose words are kept (about 3 MB at most)
# Text files that are not an article's text but a document's markup: students would read every code of it.
# TextEdit and WordPad save rich text (RTF) unless told otherwise; a browser's "Save page as" saves the web page.
MARKUP = (
    (
        re.compile(r"\{\\rtf"),
        "the article file is a rich-text document (RTF), not plain text: students would read its formatting codes.",
        "save it as plain text (in TextEdit: Format, Make Plain Text; in WordPad: Save as, Plain text document) "
        "and give that .txt file.",
    ),
    (
        re.compile(r"\s*(<!doctype html|<html[\s>])", re.IGNORECASE),
        "the article file is a web page (HTML), not the article's text: students would read its tags.",
        "open the page in a browser, copy the article's words into a plain-text editor and save them as a .txt "
        "file (UTF-8).",
    ),
)


def normalize_text(raw: str) -> str:
    """Drop a byte-order mark, turn CRLF and CR into LF, and normalise to NFC."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_quote_mark(token_text: str) -> bool:
    """True for a token made only of quotation marks (straight, curly, guillemets)."""
    return bool(token_text) and all(ch in QUOTE_MARKS for ch in token_text)


def is_punctuation(token_text: str) -> bool:
    """True when every character is punctuation or a symbol (dashes, quotes, ellipses, brackets)."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in token_text)


@lru_cache(maxsize=1)
def tokenizer_pipeline():
    """The blank English pipeline with a sentencizer: the same tokens on every machine."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # spaCy's limit (a million characters) is for the parser's and the tagger's memory; the tokenizer and the
    # sentencizer need little, so a paragraph may be as long as an article file may be (one line of 2 MB)
    nlp.max_length = max(nlp.max_length, ARTICLE.limit + 1)
    return nlp


@dataclass(frozen=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    ws: str
    line: int
    para: int

    def to_json(self) -> dict:
        return fields_json(self)


@dataclass(frozen=True)
class Paragraph:
    index: int
    line: int
    start: int
    end: int

    def to_json(self) -> dict:
        return {"index": self.index, "line": self.line, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    para: int


@dataclass
class Article:
    """An article text ready for tagging. Build it with `Article.from_file` or `Article.from_text`."""

    text: str
    name: str = "article"
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = normalize_text(self.text)
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    @classmethod
    def from_text(cls, text: str, name: str = "article") -> Article:
        return cls(text=text, name=name)

    @classmethod
    def from_file(cls, path: str | Path) -> Article:
        """Read an article file (a regular UTF-8 text file within the size limit: see `core/files.py`)."""
        return cls.from_bytes(read_bytes(path, ARTICLE), path)

    @classmethod
    def from_bytes(cls, raw: bytes, path: str | Path) -> Article:
        decoded = decode_utf8(raw, path, ARTICLE)
        if not decoded.strip():
            raise InputError(str(path), "", "the article file is empty.", "paste the article text into it.", "empty")
        if "\x00" in decoded:  # UTF-8 of a sort, but no text file holds NUL: a saved document or other binary
            raise InputError(
                str(path),
                f"line {decoded.count(chr(10), 0, decoded.index(chr(0))) + 1}",
                "the article file holds a NUL character, which plain text never does: it may be a word-processor "
                "document or another binary file.",
                "save the article as plain text (.txt, UTF-8) and give that file.",
                "binary",
            )
        for markup, problem, fix in MARKUP:
            if markup.match(decoded.lstrip("\ufeff")):
                raise InputError(str(path), "", problem, fix, "not-plain-text")
        return cls(text=decoded, name=Path(path).name)

    @cached_property
    def sha256(self) -> str:
        return text_sha256(self.text)

    def line_of(self, offset: int) -> int:
        """1-based line number of a code-point offset."""
        return bisect_right(self._line_starts, offset)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    @property
    def last_line(self) -> int:
        """The last line with text on it: the Tagger numbers its lines up to there, so that an article saved with a
        final line break (or blank lines at its end) has no line after it that a student could be sent to."""
        return self.line_of(len(self.text.rstrip()) - 1) if self.text.strip() else 1

    def lines_span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point offsets [start, end) of lines `first` to `last` (1-based, inclusive)."""
        end = self._line_starts[last] - 1 if last < len(self._line_starts) else len(self.text)
        return self._line_starts[first - 1], end

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Runs of non-blank lines, with the line each starts on."""
        found: list[Paragraph] = []
        start = None
        for number, line_start in enumerate(self._line_starts, start=1):
            line_end = self.text.find("\n", line_start)
            line_end = len(self.text) if line_end == -1 else line_end
            blank = not self.text[line_start:line_end].strip()
            if not blank and start is None:
                start, first_line = line_start, number
            if blank and start is not None:
                found.append(self._paragraph(len(found), first_line, start, line_start - 1))
                start = None
        if start is not None:
            found.append(self._paragraph(len(found), first_line, start, len(self.text)))
        return found

    def _paragraph(self, index: int, line: int, start: int, end: int) -> Paragraph:
        chunk = self.text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        return Paragraph(index, line, start + lead, end - trail)

    @cached_property
    def _analysis(self) -> tuple[list[Token], list[Sentence]]:
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        nlp = tokenizer_pipeline()
        chunks = [self.text[p.start : p.end] for p in self.paragraphs]
        for para, doc in zip(self.paragraphs, nlp.pipe(chunks)):
            for sent in doc.sents:
                words = [t for t in sent if not t.is_space]
                if words:
                    sentences.append(
                        Sentence(
                            para.start + words[0].idx, para.start + words[-1].idx + len(words[-1].text), para.index
                        )
                    )
            for tok in doc:
                if tok.is_space:
                    continue
                start = para.start + tok.idx
                tokens.append(
                    Token(len(tokens), start, start + len(tok.text), tok.text, "", self.line_of(start), para.index)
                )
        with_ws = []
        for n, tok in enumerate(tokens):
            next_start = tokens[n + 1].start if n + 1 < len(tokens) else len(self.text)
            with_ws.append(
                Token(tok.i, tok.start, tok.end, tok.text, self.text[tok.end : next_start], tok.line, tok.para)
            )
        return with_ws, sentences

    @property
    def tokens(self) -> list[Token]:
        return self._analysis[0]

    @property
    def sentences(self) -> list[Sentence]:
        return self._analysis[1]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the token that contains `offset`, or the last token starting before it."""
        return max(0, bisect_right(self._token_starts, offset) - 1)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The indexes [i, j) of the tokens that share at least one code point with [start, end), found
        without walking them (a quotation may run over a whole article); i == j when none does."""
        if end <= start:
            return 0, 0
        first, last = self.token_at(start), bisect_left(self._token_starts, end)
        if first < last and self._token_ends[first] <= start:  # the token before `start`
            first += 1
        return first, max(first, last)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that share at least one code point with [start, end)."""
        first, last = self.token_range(start, end)
        return self.tokens[first:last]

    def quote_of_tokens(self, start: int, end: int) -> str:
        """The words of the tokens lying wholly inside [start, end), trimmed as a tag is (`snap`, a pair of
        quotation marks kept); "" if there is no word. So the words of a stretch are named without the
        spaces, parts of words or punctuation at its edges: never "." or ", but in Washington"."""
        return self._quotes_of_tokens(start, end)

    @cached_property
    def _quotes_of_tokens(self):
        """`quote_of_tokens`, remembered: a class's hand-ins name the same stretches again and again (the
        class report asks for about twenty per hand-in)."""
        return lru_cache(maxsize=STRETCHES_REMEMBERED)(self._quote_of_tokens)

    def _quote_of_tokens(self, start: int, end: int) -> str:
        starts, ends = self._token_starts, self._token_ends
        first = bisect_left(starts, start)
        last = bisect_left(starts, end) - 1
        while last >= first and ends[last] > end:
            last -= 1
        snapped = self.snap(starts[first], ends[last], keep_quotes=True) if last >= first else None
        return self.text[snapped[0] : snapped[1]] if snapped else ""

    def snap(self, start: int, end: int, keep_quotes: bool = False) -> tuple[int, int] | None:
        """Grow a span to whole tokens, then trim edge punctuation.

        With `keep_quotes` (claims), a quotation mark at an edge stays when another one is inside
        the span too, so a quoted claim keeps its marks but a stray mark is dropped.
        Returns None when nothing but punctuation or space is left.
        """
        inside = self.tokens_in(start, end)
        quotes = sum(is_quote_mark(t.text) for t in inside)

        def trimmable(tok: Token) -> bool:
            return is_punctuation(tok.text) and not (keep_quotes and quotes > 1 and is_quote_mark(tok.text))

        for edge in (0, -1):
            while inside and trimmable(inside[edge]):
                quotes -= is_quote_mark(inside.pop(edge).text)
        if all(is_punctuation(t.text) for t in inside):
            return None
        return inside[0].start, inside[-1].end

    def whole_words(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) grown to the whole words it touches, over hyphens that join words ('deal-breaker'),
        and trimmed of spaces at its edges. A key span must equal it: the Tagger works in whole tokens, so a
        span that cuts a word ('Richard Hale' in 'Richard Hales') can never be tagged as the key says."""
        inside = self.tokens_in(start, end)
        if not inside:
            return start, end
        text = self.text
        first, last = inside[0].start, inside[-1].end
        while first >= 2 and text[first - 1] == "-" and text[first - 2].isalnum():
            first = self.tokens[self.token_at(first - 2)].start
        while last + 1 < len(text) and text[last] == "-" and text[last + 1].isalnum():
            last = self.tokens[self.token_at(last + 1)].end
        return first, last

    @cached_property
    def _sentence_edges(self) -> tuple[list[int], list[int]]:
        return [s.start for s in self.sentences], [s.end for s in self.sentences]

    def sentence_count(self, start: int, end: int) -> int:
        """How many sentences a span touches (sentences are sorted and do not overlap)."""
        starts, ends = self._sentence_edges
        return max(0, bisect_left(starts, end) - bisect_right(ends, start))

    def find_all(self, quote: str) -> list[int]:
        """Start offsets of every occurrence of `quote` (normalised like the article)."""
        quote = normalize_text(quote)
        found, at = [], self.text.find(quote)
        while quote and at != -1:
            found.append(at)
            at = self.text.find(quote, at + 1)
        return found

    def to_json(self) -> dict:
        return {
            "sha256": self.sha256,
            "text": self.text,
            "tokens": [t.to_json() for t in self.tokens],
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }
