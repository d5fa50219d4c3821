"""Reading an exercise file: the YAML people write, resolved to the model in `exercise.py`.

Key spans are written as quotes (plus `occurrence` or `after` where a quote repeats) and resolved
here to code-point offsets; anything that does not resolve exactly fails with one clear message.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .article import Article
from .errors import InputError
from .contract import DIFFICULTIES, FREE_TEXT
from .exercise import ID_PATTERN, Distractor, Exercise, KeyItem, Span
from .labels import DEFAULT_LABELS, LabelSpec

ITEM_FIELDS = {"id", "label", "quote", "occurrence", "after", "attrs", "entity", "source_ids", "why",
               "hints", "accept", "optional", "draft", "voice_exception", "reason", "confidence"}
DISTRACTOR_FIELDS = {"id", "quote", "occurrence", "after", "labels", "why", "draft"}


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
            str(body.get("letter", base.letter if base else name[0])).lower(), clean,
            str(body.get("test", base.test if base else "")), str(body.get("noun", base.noun if base else "")),
            str(body.get("plural", base.plural if base else "")))
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
        confidence = entry.get("confidence")
        if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                       or not 0 <= confidence <= 1):
            raise InputError(origin, place, f"`confidence: {confidence}` is not a number from 0 to 1.",
                             "write the suggestion's confidence, such as `confidence: 0.75`, or delete the line.")
        source_ids = entry.get("source_ids")
        if source_ids is not None:
            source_ids = _text_list(source_ids, "source_ids", origin, place)
        key.append(KeyItem(
            id=item_id, label=label, start=start, end=end, quote=quote, line=article.line_of(start),
            attrs=_check_attrs(entry.get("attrs"), labels[label], origin, place),
            entity=str(entry["entity"]) if entry.get("entity") else None, source_ids=source_ids,
            why=str(entry.get("why") or "").strip(),
            hints=tuple(hints),
            accept=accept, optional=bool(entry.get("optional", False)), draft=bool(entry.get("draft", False)),
            voice_exception=entry.get("voice_exception"), reason=str(entry.get("reason") or "").strip(),
            confidence=None if confidence is None else float(confidence)))

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
                                      str(entry.get("why") or "").strip(), bool(entry.get("draft", False))))

    untagged = [{"line": int(e.get("line", 0)), "why": str(e.get("why", ""))}
                for _, e in raw_untagged if isinstance(e, dict)]
    return Exercise(id=ex_id, title=str(data.get("title") or ex_id),
                    instructions=str(task.get("instructions") or "").strip(), difficulty=difficulty,
                    tolerance=float(tolerance), labels=labels, key=key, distractors=distractors,
                    article=article, path=path, untagged=untagged,
                    files=[path, *(path.parent / str(n) for n in _text_list(data.get("include"), "include", file, "")),
                           path.parent / str(data["article"])])


def _inside_hyphenated(text: str, item) -> bool:
    """'deal-breaker' quoted as 'breaker': the tokens split at the hyphen, the word does not."""
    return (item.start >= 2 and text[item.start - 1] == "-" and text[item.start - 2].isalnum()) or \
        (item.end + 1 < len(text) and text[item.end] == "-" and text[item.end + 1].isalnum())


def validation_findings(exercise: Exercise) -> list[str]:
    """Things a loadable exercise should still fix: drafts, missing reasons, spans that split words."""
    findings = []
    text = exercise.article.text
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
        if item.start not in token_starts or item.end not in token_ends or _inside_hyphenated(text, item):
            findings.append(f"{where}: “{item.quote}” starts or ends inside a word. "
                            "Fix: quote whole words, or students' tags will not line up with it.")
        para = exercise.article.tokens[exercise.article.token_at(item.start)].para
        for ref in item.source_ids or []:
            source = exercise.item(ref)
            if source and exercise.article.tokens[exercise.article.token_at(source.start)].para != para:
                findings.append(f"{where}: its source {ref} (L{source.line}) is in another paragraph. "
                                "Fix: check who says it; a speaker is usually named in the claim's own paragraph.")
    for dis in exercise.distractors:
        if dis.draft:
            findings.append(f"distractor {dis.id} (L{dis.line}): still a draft. Fix: review it and remove `draft: true`.")
        if not dis.why:
            findings.append(f"distractor {dis.id} (L{dis.line}): has no `why`. Fix: say why it is not tagged.")
    return findings
