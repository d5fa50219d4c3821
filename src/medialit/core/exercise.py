"""The exercise model: an article, a task (labels, difficulty) and a reference key with offsets.

Reading it from the YAML people write is `exercise_file.py`; this module is what the checker, the
widget and the reports use once every quote is resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .article import Article
from .contract import DIFFICULTIES, EXERCISE_FORMAT
from .contract import ID_PATTERN as ID_PATTERN_TEXT
from .errors import InputError
from .jsonable import fields_json
from .labels import LabelSpec
from .parts import first_mentions_asked
from .voices import reported_runs, voice_runs

ID_PATTERN = re.compile(ID_PATTERN_TEXT)  # an id is the whole text: always `is_id`, never .match


def is_id(value) -> bool:
    """Lowercase letters, digits and dashes, at most 120, and nothing else (not even a final line break)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    quote: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(eq=False)
class KeyItem:
    """One item of the reference key. Compared and hashed by identity: an item is one place in one key."""

    id: str
    label: str
    start: int
    end: int
    quote: str
    line: int
    attrs: dict = field(default_factory=dict)
    entity: str | None = None
    source_ids: list[str] | None = None
    why: str = ""
    hints: tuple[str, ...] = ()
    accept: list[Span] = field(default_factory=list)
    optional: bool = False
    draft: bool = False
    voice_exception: str | None = None
    reason: str = ""  # why a draft was suggested, for the author reviewing it
    confidence: float | None = None  # how sure the suggestion was (0-1), for a draft
    mentions: tuple[str, ...] = ()  # in a part, the other mentions of the source it asks for here (parts.py)
    why_message: dict | None = None  # a reason the checker gives instead of `why`: {code, args} (parts.py)

    @property
    def who(self) -> str:
        """The person or body a source names: `entity` joins its mentions; an item without one stands alone."""
        return self.entity or self.id

    @cached_property
    def expected_attrs(self) -> dict[str, tuple[str, ...]]:
        """Each attribute's accepted values as a tuple (a key file gives one value or a list)."""
        return {name: tuple(value) if isinstance(value, list) else (value,) for name, value in self.attrs.items()}

    @cached_property
    def spans(self) -> list[Span]:
        """The main span and every accepted alternative."""
        return [Span(self.start, self.end, self.quote), *self.accept]

    def to_json(self) -> dict:
        unset = (
            *(() if self.reason else ("reason",)),
            *(() if self.confidence is not None else ("confidence",)),
            *(() if self.mentions else ("mentions",)),
            *(() if self.why_message else ("why_message",)),
        )
        return fields_json(self, leave_out=("voice_exception", *unset))


@dataclass
class Distractor:
    id: str
    start: int
    end: int
    quote: str
    line: int
    labels: list[str]
    why: str
    draft: bool = False

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "line": self.line,
            "labels": list(self.labels),
            "why": self.why,
            "draft": self.draft,
        }


def check_difficulty(difficulty: str | None, exercise: Exercise) -> None:
    """Refuse a difficulty that is not one of the contract's (None: the exercise's own)."""
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise InputError(
            str(exercise.path or exercise.id),
            "difficulty",
            f"unknown difficulty {difficulty!r}.",
            f"use one of: {', '.join(DIFFICULTIES)}.",
        )


@dataclass(eq=False)
class Exercise:
    id: str
    title: str
    instructions: str
    difficulty: str
    tolerance: float
    labels: dict[str, LabelSpec]
    key: list[KeyItem]
    distractors: list[Distractor]
    article: Article
    path: Path | None = None
    untagged: list[dict] | None = None  # notes on paragraphs left untagged; None: the key need not cover them all
    files: list[Path] = field(default_factory=list)
    lines: tuple[int, int] | None = None  # the part of the article a chapter works on, if not all
    whole: Exercise | None = field(default=None, repr=False)  # for a part: the exercise it is part of
    # where each key item and distractor (by id) and each untagged note (by its article line, "L5", which no
    # id can be) is written: its file, as the exercise file names it, and its line there
    written: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)

    @cached_property
    def part(self) -> tuple[int, int]:
        """Code-point offsets [start, end) of the lines this exercise covers."""
        return self.article.lines_span(*self.lines) if self.lines else (0, len(self.article.text))

    def covers(self, start: int, end: int) -> bool:
        """Whether a span lies in the part of the article this exercise covers."""
        return self.part[0] <= start and end <= self.part[1]

    def place(self, entry: KeyItem | Distractor | dict) -> str:
        """Where a key item, a distractor or an untagged note (`{line, why}`) is, for a message an author acts
        on: the file and the line it is written on, then what it is and its line in the article ("exercise.yml
        line 42 (the loaded item ld-slams on article L8)"); what it is alone when its line in the file is not
        known (an exercise made in memory)."""
        if isinstance(entry, KeyItem):
            what, name, line = f"the {entry.label} item {entry.id} on", entry.id, entry.line
        elif isinstance(entry, Distractor):
            what, name, line = f"the distractor {entry.id} on", entry.id, entry.line
        else:
            what, name, line = "the untagged note for", f"L{entry['line']}", entry["line"]
        what = f"{what} article L{line}"
        written = self.written.get(name)
        return f"{written[0]} line {written[1]} ({what})" if written else what

    def item(self, item_id: str) -> KeyItem | None:
        return self._by_id.get(item_id)

    @cached_property
    def _by_id(self) -> dict[str, KeyItem]:
        return {k.id: k for k in self.key}

    @cached_property
    def other_mentions(self) -> dict[int, list[int]]:
        """Item index -> where the other mentions of the source it asks for are in `key`, in article order:
        in a part, a tag on one of them counts for it (parts.py)."""
        at = {k.id: n for n, k in enumerate(self.key)}
        return {n: [at[m] for m in k.mentions if m in at] for n, k in enumerate(self.key) if k.mentions}

    @cached_property
    def _indices_by_label(self) -> dict[str, list[int]]:
        return {label: [n for n, k in enumerate(self.key) if k.label == label] for label in self.labels}

    @cached_property
    def required_counts(self) -> dict[str, int]:
        """How many required (not optional) key items each label has."""
        return {
            label: sum(not self.key[n].optional for n in indices) for label, indices in self._indices_by_label.items()
        }

    def item_indices(self, label: str) -> list[int]:
        """Where the key items of one label are in `key`, in key order."""
        return self._indices_by_label.get(label, [])

    def items_of(self, label: str) -> list[KeyItem]:
        """The key items of one label, in key order."""
        return [self.key[n] for n in self.item_indices(label)]

    @cached_property
    def context(self) -> list[KeyItem]:
        """The key items of the labels this view leaves out, in its part of the article: Check names them
        when a student's tag is on another label's words ("that is who speaks: a source")."""
        whole = self.whole or self
        return [k for k in whole.key if k.label not in self.labels and self.covers(k.start, k.end)]

    @cached_property
    def voice_runs(self) -> list[tuple[int, int, str]]:
        """Where the words are a speaker's, or may be read either way, by the quotation marks and the
        key's cue layer (voices.voice_runs of the whole exercise)."""
        whole = self.whole or self
        return whole.voice_runs if whole is not self else voice_runs(self)

    @cached_property
    def reported_runs(self) -> list[tuple[int, int]]:
        """Where the words sum up what someone said: the key's claims linked to a source
        (voices.reported_runs of the whole exercise)."""
        whole = self.whole or self
        return whole.reported_runs if whole is not self else reported_runs(self)

    @cached_property
    def span_table(self) -> tuple[list[int], list[tuple[int, int, int]], int]:
        """Every span (main and accepted) of the key as (start, end, index of its item), sorted; their
        starts; and the longest span's length. The checker meets tags with spans through it."""
        spans = sorted((s.start, s.end, n) for n, k in enumerate(self.key) for s in k.spans)
        return [s[0] for s in spans], spans, max((end - start for start, end, _ in spans), default=0)

    @cached_property
    def spans_holding(self) -> dict[int, tuple[tuple[int, int, int], ...]]:
        """Code point -> the spans of `span_table` that hold it (start <= point < end), in table order."""
        holding: dict[int, list[tuple[int, int, int]]] = {}
        for span in self.span_table[1]:
            for point in range(span[0], span[1]):
                holding.setdefault(point, []).append(span)
        return {point: tuple(found) for point, found in holding.items()}

    def restricted(self, labels: list[str] | None = None, lines: tuple[int, int] | None = None) -> Exercise:
        """The same exercise with only some labels, or only the key items on some lines (the part of
        the article one chapter works on; a source first named before the part is asked for at its first
        mention in the part that a claim there comes from: parts.py). Unknown labels and lines outside
        the article are errors."""
        if not labels and not lines:
            return self
        view = (tuple(labels or ()), tuple(lines or ()))
        if view not in self._views:
            self._views[view] = self._restricted(labels, lines)
        return self._views[view]

    @cached_property
    def remembered(self) -> dict[str, dict]:
        """Answers worked out from this exercise alone, kept by the rules that ask for them (check.py's
        meetings of a span): a class's hand-ins ask the same questions again and again."""
        return {}

    @cached_property
    def _views(self) -> dict[tuple, Exercise]:
        """Restricted views made so far: a chapter's part is checked again and again."""
        return {}

    def _restricted(self, labels: list[str] | None, lines: tuple[int, int] | None) -> Exercise:
        unknown = [name for name in labels or [] if name not in self.labels]
        if unknown:
            raise InputError(
                str(self.path or self.id),
                "labels",
                f"the exercise has no label {', '.join(map(repr, unknown))}.",
                f"use some of: {', '.join(self.labels)}.",
            )
        last = self.article.last_line
        if lines and not (1 <= lines[0] <= lines[1] <= last):
            raise InputError(
                str(self.path or self.id),
                "lines",
                f"lines {lines[0]}-{lines[1]} are not in the article.",
                f"give a range such as 1-{min(18, last)}, within 1-{last}.",
            )
        keep = set(labels or self.labels)
        part = Exercise(
            self.id,
            self.title,
            self.instructions,
            self.difficulty,
            self.tolerance,
            {n: s for n, s in self.labels.items() if n in keep},
            [],
            [],
            self.article,
            self.path,
            self.untagged,
            self.files,
            tuple(lines) if lines else self.lines,
            self.whole or self,
            self.written,
        )
        part.key = [k for k in self.key if k.label in keep and part.covers(k.start, k.end)]
        if part.lines:
            part.key = first_mentions_asked(self.key, part.key, part.covers)
        part.distractors = [d for d in self.distractors if keep & set(d.labels) and part.covers(d.start, d.end)]
        return part

    def compile(
        self, labels: list[str] | None = None, difficulty: str | None = None, lines: tuple[int, int] | None = None
    ) -> dict:
        """The JSON form the widget and the JavaScript checker read (`medialit.exercise/1`).

        With `lines`, only that part of the article is tagged: its tokens, paragraphs and key items."""
        ex = self.restricted(labels, lines)
        check_difficulty(difficulty, self)
        article = ex.article.to_json()
        article["sentences"] = [{"start": s.start, "end": s.end} for s in ex.article.sentences]
        if ex.lines:
            inside = lambda x: ex.covers(x["start"], x["end"])
            article["tokens"] = [t for t in article["tokens"] if inside(t)]
            article["paragraphs"] = [p for p in article["paragraphs"] if inside(p)]
            article["part"] = {"lines": list(ex.lines), "start": ex.part[0], "end": ex.part[1]}
        instructions = (
            ex.instructions
            if ex.labels.keys() == self.labels.keys()
            else " ".join(
                [f"Tag every {spec.noun_or_title} you find. {spec.help}" for spec in ex.labels.values()]
                + ["Then press Check my tags."]
            )
        )
        if ex.lines:
            instructions += f" Here you work on one part of the article: lines {ex.lines[0]} to {ex.lines[1]}."
        return {
            "format": EXERCISE_FORMAT,
            "id": ex.id,
            "title": ex.title,
            "instructions": instructions,
            "difficulty": difficulty or ex.difficulty,
            "tolerance": ex.tolerance,
            "article": article,
            "labels": [s.to_json() for s in ex.labels.values()],
            "all_labels": [s.to_json() for s in self.labels.values()],
            "key": [k.to_json() for k in ex.key],
            "distractors": [d.to_json() for d in ex.distractors],
            "context": [
                {
                    "id": k.id,
                    "label": k.label,
                    "start": k.start,
                    "end": k.end,
                    "quote": k.quote,
                    "accept": [a.to_json() for a in k.accept],
                }
                for k in ex.context
            ],
            "voice_runs": [
                [start, end, owner] for start, end, owner in ex.voice_runs if ex.part[0] < end and start < ex.part[1]
            ],
            "reported_runs": [
                [start, end] for start, end in ex.reported_runs if ex.part[0] < end and start < ex.part[1]
            ],
        }


def parse_lines(value: str) -> tuple[int, int]:
    """`1-18` (or `1–18`, or one line `7`): the part of the article a tagger shows."""
    parts = value.replace("–", "-").replace(" ", "").split("-")
    try:
        first, last = (int(parts[0]), int(parts[-1])) if 1 <= len(parts) <= 2 else (0, 0)
    except ValueError:
        first = last = 0
    if not 1 <= first <= last:
        raise ValueError(f"{value!r} is not a range of lines: write it like 1-18 (first and last line).")
    return first, last
