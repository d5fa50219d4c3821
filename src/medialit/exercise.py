"""Exercises: an article, a task and a reference key, written by people in YAML.

Key spans are written as quotes (plus `occurrence` or `after` where a quote repeats) and resolved
here to code-point offsets; anything that does not resolve exactly fails with one clear message.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .article import Article
from .errors import InputError
from .labels import DEFAULT_LABELS, FREE_TEXT, LabelSpec

EXERCISE_FORMAT = "medialit.exercise/1"
DIFFICULTIES = ("guided", "standard", "challenge")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ITEM_FIELDS = {"id", "label", "quote", "occurrence", "after", "attrs", "entity", "source_ids", "why",
               "hints", "accept", "optional", "draft", "voice_exception"}
DISTRACTOR_FIELDS = {"id", "quote", "occurrence", "after", "labels", "why", "draft"}


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
    hints: list[str] = field(default_factory=list)
    accept: list[Span] = field(default_factory=list)
    optional: bool = False
    draft: bool = False
    voice_exception: str | None = None

    @cached_property
    def spans(self) -> list[Span]:
        """The main span and every accepted alternative."""
        return [Span(self.start, self.end, self.quote), *self.accept]

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "start": self.start, "end": self.end,
                "quote": self.quote, "line": self.line, "attrs": dict(self.attrs), "entity": self.entity,
                "source_ids": None if self.source_ids is None else list(self.source_ids),
                "why": self.why, "hints": list(self.hints), "accept": [s.to_json() for s in self.accept],
                "optional": self.optional}


@dataclass
class Distractor:
    id: str
    start: int
    end: int
    quote: str
    line: int
    labels: list[str]
    why: str

    def to_json(self) -> dict:
        return {"id": self.id, "start": self.start, "end": self.end, "quote": self.quote,
                "line": self.line, "labels": list(self.labels), "why": self.why}


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
    untagged: list[dict] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    lines: tuple[int, int] | None = None  # the part of the article a chapter works on, if not all

    @cached_property
    def part(self) -> tuple[int, int]:
        """Code-point offsets [start, end) of the lines this exercise covers."""
        return self.article.lines_span(*self.lines) if self.lines else (0, len(self.article.text))

    def covers(self, start: int, end: int) -> bool:
        """Whether a span lies in the part of the article this exercise covers."""
        return self.part[0] <= start and end <= self.part[1]

    def item(self, item_id: str) -> KeyItem | None:
        return self._by_id.get(item_id)

    @cached_property
    def _by_id(self) -> dict[str, KeyItem]:
        return {k.id: k for k in self.key}

    @cached_property
    def _by_label(self) -> dict[str, list[KeyItem]]:
        return {label: [k for k in self.key if k.label == label] for label in self.labels}

    def items_of(self, label: str) -> list[KeyItem]:
        """The key items of one label, in key order."""
        return self._by_label.get(label, [])

    @cached_property
    def key_in_labels(self) -> list[KeyItem]:
        """The key items whose label the exercise uses, in key order."""
        return [k for k in self.key if k.label in self.labels]

    @cached_property
    def span_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """Every span (main and accepted) of `key_in_labels`, sorted by start: starts, ends, the
        index of the item each belongs to, and the longest span's length. The checker pairs tags
        with spans through it."""
        spans = sorted((s.start, s.end, n) for n, k in enumerate(self.key_in_labels) for s in k.spans)
        starts, ends, owners = (np.array(column, dtype=np.int64) for column in zip(*spans)) if spans else \
            (np.zeros(0, dtype=np.int64),) * 3
        return starts, ends, owners, int((ends - starts).max()) if spans else 0

    def restricted(self, labels: list[str] | None = None, lines: tuple[int, int] | None = None) -> "Exercise":
        """The same exercise with only some labels, or only the key items on some lines (the part of
        the article one chapter works on). Unknown labels and lines outside the article are errors."""
        if not labels and not lines:
            return self
        unknown = [name for name in labels or [] if name not in self.labels]
        if unknown:
            raise InputError(str(self.path or self.id), "labels",
                             f"the exercise has no label {', '.join(map(repr, unknown))}.",
                             f"use some of: {', '.join(self.labels)}.")
        if lines and not (1 <= lines[0] <= lines[1] <= self.article.line_count):
            raise InputError(str(self.path or self.id), "lines", f"lines {lines[0]}-{lines[1]} are not in the article.",
                             f"give a range such as 1-18, within 1-{self.article.line_count}.")
        keep = set(labels or self.labels)
        part = Exercise(self.id, self.title, self.instructions, self.difficulty, self.tolerance,
                        {n: s for n, s in self.labels.items() if n in keep}, [], [], self.article, self.path,
                        self.untagged, self.files, tuple(lines) if lines else self.lines)
        part.key = [k for k in self.key if k.label in keep and part.covers(k.start, k.end)]
        part.distractors = [d for d in self.distractors if keep & set(d.labels) and part.covers(d.start, d.end)]
        return part

    def compile(self, labels: list[str] | None = None, difficulty: str | None = None,
                lines: tuple[int, int] | None = None) -> dict:
        """The JSON form the widget and the JavaScript checker read (`medialit.exercise/1`).

        With `lines`, only that part of the article is tagged: its tokens, paragraphs and key items."""
        ex = self.restricted(labels, lines)
        if difficulty is not None and difficulty not in DIFFICULTIES:
            raise InputError(str(self.path or self.id), "difficulty", f"unknown difficulty {difficulty!r}.",
                             f"use one of: {', '.join(DIFFICULTIES)}.")
        article = ex.article.to_json()
        article["sentences"] = [{"start": s.start, "end": s.end} for s in ex.article.sentences]
        if ex.lines:
            inside = lambda x: ex.covers(x["start"], x["end"])  # noqa: E731
            article["tokens"] = [t for t in article["tokens"] if inside(t)]
            article["paragraphs"] = [p for p in article["paragraphs"] if inside(p)]
            article["part"] = {"lines": list(ex.lines), "start": ex.part[0], "end": ex.part[1]}
        instructions = ex.instructions if ex.labels.keys() == self.labels.keys() else " ".join(
            [f"Tag every {spec.title.lower()} you find. {spec.help}" for spec in ex.labels.values()]
            + ["Then press Check my tags."])
        if ex.lines:
            instructions += f" Here you work on one part of the article: lines {ex.lines[0]} to {ex.lines[1]}."
        return {"format": EXERCISE_FORMAT, "id": ex.id, "title": ex.title, "instructions": instructions,
                "difficulty": difficulty or ex.difficulty, "tolerance": ex.tolerance, "article": article,
                "labels": [s.to_json() for s in ex.labels.values()],
                "key": [k.to_json() for k in ex.key],
                "distractors": [d.to_json() for d in ex.distractors]}


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



# --- loading -------------------------------------------------------------------------------------

def _line(node, key=None) -> int:
    """1-based line of a YAML mapping (or of one of its keys) in its file; 0 when unknown."""
    try:
        if key is not None and key in node:
            return node.lc.key(key)[0] + 1
        return node.lc.line + 1
    except (AttributeError, KeyError, TypeError):
        return 0


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "", "the exercise file does not exist.", "check the path.") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "", "the file is not UTF-8 text.", "save it as UTF-8.") from None
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "the YAML cannot be read"
        raise InputError(str(path), place, f"{problem}.",
                         "check the indentation and quoting there; text with a colon needs quotes.") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "", "the file is not a YAML mapping (key: value lines).",
                         "start from the example in the instructors' guide (formats page).")
    return data


class _Resolver:
    """Turns `quote` + `occurrence`/`after` into offsets, with messages that show the article."""

    def __init__(self, article: Article):
        self.article = article

    def where(self, offset: int) -> str:
        return f"L{self.article.line_of(offset)}"

    def closest(self, quote: str) -> str:
        words = self.article.text.split()
        width = max(1, len(quote.split()))
        windows = {" ".join(words[i:i + width]) for i in range(0, max(1, len(words) - width + 1))}
        near = difflib.get_close_matches(quote, list(windows), n=3, cutoff=0.5)
        shown = []
        for text in near:
            at = self.article.text.find(text)
            shown.append(f"“{text}” ({self.where(at)})" if at >= 0 else f"“{text}”")
        return "; closest passages: " + ", ".join(shown) if shown else ""

    def resolve(self, spec, file: str, place: str, near: tuple[int, int] | None = None) -> tuple[int, int, str]:
        """Offsets of a quote; `near` (an accept variant's main span) picks the occurrence overlapping it."""
        if isinstance(spec, str):
            spec = {"quote": spec}
        quote = spec.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise InputError(file, place, "the item has no `quote`.",
                             "copy the exact words from the article into `quote:`.")
        quote = str(quote)
        hits = self.article.find_all(quote)
        if not hits:
            raise InputError(file, place, f"the quote “{quote}” is not in the article{self.closest(quote)}.",
                             "copy the words exactly from the article, curly quotation marks included.")
        after, occurrence = spec.get("after"), spec.get("occurrence")
        if after is not None:
            anchors = self.article.find_all(str(after))
            if not anchors:
                raise InputError(file, place, f"the `after:` text “{after}” is not in the article.",
                                 "copy a few words that stand just before the quote.")
            if len(anchors) > 1:
                raise InputError(file, place, f"the `after:` text “{after}” occurs {len(anchors)} times "
                                 f"({', '.join(self.where(a) for a in anchors)}).",
                                 "use a longer `after:` text, or `occurrence:` instead.")
            later = [h for h in hits if h >= anchors[0] + len(str(after))]
            if not later:
                raise InputError(file, place, f"“{quote}” does not occur after “{after}”.",
                                 "pick `after:` words that come before the quote.")
            start = later[0]
        elif occurrence is not None:
            if not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
                raise InputError(file, place, f"`occurrence: {occurrence}` is not between 1 and {len(hits)}.",
                                 f"“{quote}” occurs at {', '.join(self.where(h) for h in hits)}.")
            start = hits[occurrence - 1]
        elif near is not None and [h for h in hits if h < near[1] and near[0] < h + len(quote)]:
            start = next(h for h in hits if h < near[1] and near[0] < h + len(quote))
        elif len(hits) > 1:
            raise InputError(file, place, f"the quote “{quote}” occurs {len(hits)} times "
                             f"({', '.join(self.where(h) for h in hits)}).",
                             "add `occurrence: N` (1 = first) or `after: \"words just before it\"`.")
        else:
            start = hits[0]
        text = self.article.text[start:start + len(quote)]
        return start, start + len(text), text


def _labels_from(task: dict, file: str) -> dict[str, LabelSpec]:
    given = task.get("labels")
    if not given:
        return dict(DEFAULT_LABELS)
    if not isinstance(given, dict):
        raise InputError(file, f"line {_line(task, 'labels')}", "`labels` must be a mapping of label names.",
                         "write `labels:` then one indented block per label (claim:, source:, ...).")
    specs = {}
    for n, (name, body) in enumerate(given.items(), start=1):
        body = body or {}
        base = DEFAULT_LABELS.get(name)
        attrs = body.get("attrs", base.attrs if base else {})
        clean = {}
        for attr, values in (attrs or {}).items():
            if values == FREE_TEXT:
                clean[str(attr)] = FREE_TEXT
            elif isinstance(values, list) and values:
                clean[str(attr)] = [str(v) for v in values]
            else:
                raise InputError(file, f"line {_line(attrs, attr)}",
                                 f"attribute `{attr}` of label `{name}` needs a list of values or `text`.",
                                 "write e.g. `kind: [fact, judgement]` or `neutral: text`.")
        specs[str(name)] = LabelSpec(
            str(name), str(body.get("title", base.title if base else name.title())),
            str(body.get("help", base.help if base else "")),
            str(body.get("shortcut", base.shortcut if base else n)),
            str(body.get("letter", base.letter if base else name[0])).lower(), clean)
    return specs


def _check_attrs(attrs, spec: LabelSpec, file: str, place: str) -> dict:
    if attrs is None:
        return {}
    if not isinstance(attrs, dict):
        raise InputError(file, place, "`attrs` must be a mapping.", "write e.g. `attrs: {kind: fact}`.")
    clean = {}
    for name, value in attrs.items():
        allowed = spec.attrs.get(name)
        if allowed is None:
            raise InputError(file, place, f"label `{spec.name}` has no attribute `{name}`.",
                             f"use one of: {', '.join(spec.attrs) or '(none)'}.")
        if allowed == FREE_TEXT:
            clean[name] = str(value)
            continue
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        bad = [v for v in values if v not in allowed]
        if bad:
            raise InputError(file, place, f"`{name}: {bad[0]}` is not a value of `{spec.name}.{name}`.",
                             f"use one of: {', '.join(allowed)}.")
        clean[name] = values if isinstance(value, list) else values[0]
    return clean


def _text_list(value, what: str, file: str, place: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    raise InputError(file, place, f"`{what}` must be a list of texts.", f"write `{what}: [\"...\", \"...\"]`.")


def _gather(data: dict, path: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Key items, distractors and untagged notes from the file and its `include:` files, with origins."""
    items, distractors, untagged = [], [], []
    sources = [(path, data)]
    for name in _text_list(data.get("include"), "include", str(path), f"line {_line(data, 'include')}"):
        sources.append((path.parent / name, _read_yaml(path.parent / name)))
    for file, body in sources:
        for field_name, bucket in (("key", items), ("distractors", distractors), ("untagged", untagged)):
            entries = body.get(field_name) or []
            if not isinstance(entries, list):
                raise InputError(str(file), f"line {_line(body, field_name)}", f"`{field_name}` must be a list.",
                                 f"start each entry of `{field_name}:` with `- `.")
            bucket.extend((file, entry) for entry in entries)
    return items, distractors, untagged


def load_exercise(path: str | Path) -> Exercise:
    """Read an exercise file, resolve every quote, and check every reference."""
    path = Path(path)
    data = _read_yaml(path)
    file = str(path)
    ex_id = data.get("id")
    if not isinstance(ex_id, str) or not ID_PATTERN.match(ex_id):
        raise InputError(file, f"line {_line(data, 'id')}", f"the exercise id {ex_id!r} is missing or not valid.",
                         "use lowercase letters, digits and dashes, e.g. `id: kremlin-drone`.")
    if not data.get("article"):
        raise InputError(file, "", "there is no `article:` line.", "add `article: article.txt` (next to this file).")
    article = Article.from_file(path.parent / str(data["article"]))
    task = data.get("task") or {}
    difficulty = str(task.get("difficulty", "standard"))
    if difficulty not in DIFFICULTIES:
        raise InputError(file, f"line {_line(task, 'difficulty')}", f"unknown difficulty {difficulty!r}.",
                         f"use one of: {', '.join(DIFFICULTIES)}.")
    tolerance = task.get("tolerance", 0.75)
    if not isinstance(tolerance, (int, float)) or not 0 < tolerance <= 1:
        raise InputError(file, f"line {_line(task, 'tolerance')}", f"tolerance {tolerance!r} is not between 0 and 1.",
                         "use a number such as 0.75.")
    labels = _labels_from(task, file)
    resolver = _Resolver(article)
    raw_items, raw_distractors, raw_untagged = _gather(data, path)

    seen: dict[str, str] = {}

    def claim_id(entry, origin: str, place: str) -> str:
        item_id = entry.get("id")
        if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
            raise InputError(origin, place, f"the item id {item_id!r} is missing or not valid.",
                             "give every item a unique `id:` of lowercase letters, digits and dashes.")
        if item_id in seen:
            raise InputError(origin, place, f"the id `{item_id}` is used twice (also at {seen[item_id]}).",
                             "give each item its own id.")
        seen[item_id] = f"{origin} {place}"
        return item_id

    key: list[KeyItem] = []
    for origin, entry in raw_items:
        origin = str(origin)
        place = f"line {_line(entry)}"
        if not isinstance(entry, dict):
            raise InputError(origin, place, "a key item must be a mapping.", "start it with `- id: ...`.")
        item_id = claim_id(entry, origin, place)
        place = f"line {_line(entry)} (item {item_id})"
        unknown = set(entry) - ITEM_FIELDS
        if unknown:
            raise InputError(origin, place, f"unknown field `{sorted(unknown)[0]}`.",
                             f"use only: {', '.join(sorted(ITEM_FIELDS))}.")
        label = entry.get("label")
        if label not in labels:
            raise InputError(origin, place, f"unknown label {label!r}.", f"use one of: {', '.join(labels)}.")
        start, end, quote = resolver.resolve(entry, origin, place)
        accept = []
        for alt in entry.get("accept") or []:
            accept.append(Span(*resolver.resolve(alt, origin, f"{place}, accept", near=(start, end))))
        hints = _text_list(entry.get("hints"), "hints", origin, place)
        if len(hints) > 2:
            raise InputError(origin, place, "an item has more than two hints.", "keep the two most helpful hints.")
        source_ids = entry.get("source_ids")
        if source_ids is not None:
            source_ids = _text_list(source_ids, "source_ids", origin, place)
        key.append(KeyItem(
            id=item_id, label=label, start=start, end=end, quote=quote, line=article.line_of(start),
            attrs=_check_attrs(entry.get("attrs"), labels[label], origin, place),
            entity=str(entry["entity"]) if entry.get("entity") else None, source_ids=source_ids,
            why=str(entry.get("why") or "").strip(),
            hints=hints,
            accept=accept, optional=bool(entry.get("optional", False)), draft=bool(entry.get("draft", False)),
            voice_exception=entry.get("voice_exception")))

    by_id = {k.id: k for k in key}
    for item in key:
        for ref in item.source_ids or []:
            target = by_id.get(ref)
            if target is None or target.label != "source":
                problem = "no such item" if target is None else f"a {target.label}, not a source"
                raise InputError(file, f"item {item.id}", f"`source_ids` names `{ref}`, which is {problem}.",
                                 "list the ids of source items only.")

    distractors: list[Distractor] = []
    for origin, entry in raw_distractors:
        origin = str(origin)
        place = f"line {_line(entry)}"
        if not isinstance(entry, dict):
            raise InputError(origin, place, "a distractor must be a mapping.", "start it with `- id: ...`.")
        item_id = claim_id(entry, origin, place)
        place = f"line {_line(entry)} (distractor {item_id})"
        unknown = set(entry) - DISTRACTOR_FIELDS
        if unknown:
            raise InputError(origin, place, f"unknown field `{sorted(unknown)[0]}`.",
                             f"use only: {', '.join(sorted(DISTRACTOR_FIELDS))}.")
        for_labels = _text_list(entry.get("labels"), "labels", origin, place) or list(labels)
        bad = [n for n in for_labels if n not in labels]
        if bad:
            raise InputError(origin, place, f"unknown label {bad[0]!r}.", f"use some of: {', '.join(labels)}.")
        start, end, quote = resolver.resolve(entry, origin, place)
        distractors.append(Distractor(item_id, start, end, quote, article.line_of(start), for_labels,
                                      str(entry.get("why") or "").strip()))

    untagged = [{"line": int(e.get("line", 0)), "why": str(e.get("why", ""))}
                for _, e in raw_untagged if isinstance(e, dict)]
    return Exercise(id=ex_id, title=str(data.get("title") or ex_id),
                    instructions=str(task.get("instructions") or "").strip(), difficulty=difficulty,
                    tolerance=float(tolerance), labels=labels, key=key, distractors=distractors,
                    article=article, path=path, untagged=untagged,
                    files=[path, *(path.parent / str(n) for n in _text_list(data.get("include"), "include", file, "")),
                           path.parent / str(data["article"])])


def validation_findings(exercise: Exercise) -> list[str]:
    """Things a loadable exercise should still fix: drafts, missing reasons, spans that split words."""
    findings = []
    token_starts = {t.start for t in exercise.article.tokens}
    token_ends = {t.end for t in exercise.article.tokens}
    for item in exercise.key:
        where = f"item {item.id} (L{item.line})"
        if item.draft:
            findings.append(f"{where}: still a draft. Fix: review it and remove `draft: true`.")
        if not item.why:
            findings.append(f"{where}: has no `why`. Fix: write one to three sentences students will read.")
        if not item.optional and not item.hints:
            findings.append(f"{where}: a required item with no hints. Fix: add one or two `hints`.")
        if item.start not in token_starts or item.end not in token_ends:
            findings.append(f"{where}: “{item.quote}” starts or ends inside a word. "
                            "Fix: quote whole words, or students' tags will not line up with it.")
    for dis in exercise.distractors:
        if not dis.why:
            findings.append(f"distractor {dis.id} (L{dis.line}): has no `why`. Fix: say why it is not tagged.")
    return findings
