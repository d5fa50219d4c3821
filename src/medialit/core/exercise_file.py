"""Reading an exercise file: the YAML people write, resolved to the model in `exercise.py`.

Here are the reading's steps in their order, and what ties them: the file is read within limits
(`yaml_limits`), then checked against the published schema (`exercise_schema`), so that every wrong shape or
type gets one message with the file, the line and the fix before any quote is looked up. The article and
include files must lie inside the exercise's folder; labels, attributes and ids are checked across the
file and its includes. Key spans are written as quotes (plus `occurrence` or `after` where a quote repeats)
and resolved to code-point offsets (`quote_resolver`); anything that does not resolve exactly fails with one
clear message. `validation_findings` is what a loadable exercise should still fix (`medialit validate`).

A file is read first with libyaml (`fast_yaml`), which keeps no line numbers; on any problem at all it
is read again with ruamel's round-trip reader, whose line numbers the message names.
"""

from __future__ import annotations

import difflib
from functools import partial
from pathlib import Path

from ruamel.yaml.error import YAMLError

from .article import Article
from .contract import FREE_TEXT, KEY_NEEDS
from .errors import InputError, Problems, visible
from .exercise import Distractor, Exercise, KeyItem, Span
from .exercise_schema import ENTRY_LISTS, check_schema, schema_validators, where_in
from .fast_yaml import Mapping, NotPlain
from .fast_yaml import load as load_plain_yaml
from .files import EXERCISE, inside, read_text
from .handin import shown
from .key_checks import coverage_findings, line_findings, speaker_findings, voice_findings
from .labels import DEFAULT_LABELS, LabelSpec
from .quote_resolver import QuoteResolver
from .yaml_limits import MAX_YAML_DEPTH, limited_yaml, yaml_problem

UNREAD_REST = "The rest of the file is checked once YAML can read it."


def _read_yaml(path: Path, validator, quick: bool, problems: Problems) -> dict:
    """A YAML mapping, read within the limits and checked against the schema (`validator`); entries that do not
    fit it are left out and their problems kept in `problems` (`check_schema`). `quick`: read by libyaml,
    without line numbers, or `NotPlain` for a file only ruamel reads (`fast_yaml`)."""
    file = str(path)
    text = read_text(path, EXERCISE)
    try:
        data = load_plain_yaml(text, MAX_YAML_DEPTH) if quick else limited_yaml().load(text)
    except YAMLError as err:
        place, problem, fix = yaml_problem(err, text)
        # the one problem that hides all the others: say so, or a teacher takes it for the only one
        raise InputError(file, place, problem, f"{fix} {UNREAD_REST}", "yaml") from None
    except (ValueError, RecursionError, OverflowError) as err:
        raise InputError(
            file,
            "",
            f"the YAML cannot be read ({type(err).__name__}).",
            "check the file against the example on the formats page.",
            "yaml",
        ) from None
    if not isinstance(data, dict):
        raise InputError(
            file,
            "",
            "the file is not a YAML mapping (`name: value` lines).",
            "start from the example in the instructors' guide (formats page).",
            "not-a-mapping",
        )
    if validator is schema_validators()[0] and not {"id", "article"} & data.keys() and data.keys() & set(ENTRY_LISTS):
        raise InputError(
            file,
            "",
            "this looks like an include file: it has key items, distractors or untagged notes but no `id:` or "
            "`article:`, which an exercise file starts with.",
            "validate (or name in a page) the exercise file whose `include:` lists this file, such as exercise.yml "
            "in the folder above it.",
            "include-file",
        )
    check_schema(data, file, validator, problems)
    return data


def _line(node, key=None) -> int:
    """1-based line of a YAML mapping (or of one of its keys) in its file; 0 when unknown (a key's line,
    read by the quick reader, which keeps the line of each mapping alone)."""
    try:
        if key is not None and key in node:
            return node.lc.key(key)[0] + 1
        return node.line if isinstance(node, Mapping) else node.lc.line + 1
    except (AttributeError, KeyError, TypeError):
        return 0


def _field(entry, kind: str, name: str, n: int | None = None) -> str:
    """The place of one field of a key item or distractor (its n-th entry, for a list), on the field's own
    line: "line 9 (item clm-vote, `quote`)". Two problems of one item written on one line (`{quote: ...,
    label: ...}`) are told apart by the field they name."""
    line = _line(entry, name)
    value = entry.get(name)
    if n is not None and hasattr(value, "lc"):
        try:
            line = value.lc.item(n)[0] + 1
        except (AttributeError, KeyError, IndexError, TypeError):
            pass
    return f"line {line} ({kind} {entry['id']}, `{name}{'' if n is None else f'[{n}]'}`)"


def _labels_from(task: dict) -> dict[str, LabelSpec]:
    """The task's labels (the schema has checked their shape), or the default set."""
    given = task.get("labels")
    if not given:
        return dict(DEFAULT_LABELS)
    specs = {}
    for n, (name, body) in enumerate(given.items(), start=1):
        body = body or {}
        base = DEFAULT_LABELS.get(name)
        attrs = body.get("attrs") if body.get("attrs") is not None else (base.attrs if base else {})
        clean = {
            str(attr): FREE_TEXT if values == FREE_TEXT else [str(v) for v in values] for attr, values in attrs.items()
        }
        specs[name] = LabelSpec(
            name,
            str(body.get("title") or (base.title if base else name.title())),
            str(body.get("help") or (base.help if base else "")),
            str(body.get("shortcut") or (base.shortcut if base else n)),
            str(body.get("letter") or (base.letter if base else name[0])).lower(),
            clean,
            str(body.get("test") or (base.test if base else "")),
            str(body.get("noun") or (base.noun if base else "")),
            str(body.get("plural") or (base.plural if base else "")),
        )
    return specs


def _check_attrs(attrs, spec: LabelSpec, file: str, place: str) -> dict:
    clean = {}
    for name, value in (attrs or {}).items():
        allowed = spec.attrs.get(name)
        if allowed is None:
            raise InputError(
                file,
                place,
                f"label `{spec.name}` has no attribute {shown(name)}.",
                f"use one of: {', '.join(spec.attrs) or '(none)'}.",
            )
        if value is None:
            continue
        if allowed == FREE_TEXT:
            clean[name] = value if isinstance(value, str) else " ".join(value)
            continue
        values = value if isinstance(value, list) else [value]
        bad = [v for v in values if v not in allowed]
        if bad:
            raise InputError(
                file,
                place,
                f"`{name}: {visible(bad[0])}` is not a value of `{spec.name}.{name}`.",
                f"use one of: {', '.join(allowed)}.",
            )
        clean[name] = list(values) if isinstance(value, list) else value
    return clean


def _gather(
    data: dict, path: Path, quick: bool, problems: Problems
) -> tuple[list[tuple], list[tuple], list[tuple] | None, list[Path]]:
    """Key items, distractors and untagged notes from the file and its `include:` files, with origins,
    and the include files (each inside the exercise's folder, read within limits, schema-checked). An
    include file that cannot be read is a problem in `problems`; the others are still read."""
    items, distractors, untagged = [], [], []
    sources, included = [(path, data)], []
    for n, name in enumerate(data.get("include") or []):
        with problems.collecting():
            place = f"line {where_in(data, ['include', n])[0]} (`include`)"
            include = inside(path.parent, name, str(path), place, "include file")
            problems.files.append(str(include))
            sources.append((include, _read_yaml(include, schema_validators()[1], quick, problems)))
            included.append(include)
    for file, body in sources:
        for field_name, bucket in (("key", items), ("distractors", distractors), ("untagged", untagged)):
            bucket.extend((file, entry) for entry in body.get(field_name) or [])
    # `untagged:` present at all (even empty) says the key means to cover every paragraph
    return items, distractors, (untagged if any("untagged" in body for _, body in sources) else None), included


def load_exercise(path: str | Path) -> Exercise:
    """Read an exercise file, resolve every quote, and check every reference. Every problem found is
    raised at once (`InputProblems`, or the one InputError): a key item that cannot be resolved does not
    stop the others from being checked, so a teacher fixes them all in one go. A file that cannot be
    read as YAML, or whose own fields are wrong, stops at that problem.

    libyaml reads the files first; when anything is wrong (or libyaml cannot read them as ruamel does),
    they are read again with ruamel, so that the message names the line."""
    try:
        return _load_exercise(Path(path), quick=True)
    except (InputError, NotPlain):
        return _load_exercise(Path(path), quick=False)


def _label_fix(label: str, labels: dict, how_many: str) -> str:
    """The fix for an unknown label: the label it was most likely meant to be (a typo), and all of them."""
    near = difflib.get_close_matches(str(label), list(labels), n=1, cutoff=0.6)
    listed = f"use {how_many} of: {', '.join(labels)}."
    return f"did you mean `{near[0]}`? Otherwise {listed}" if near else listed


class _Ids:
    """The ids given so far, each with its place, so that an id used twice is named with both places."""

    def __init__(self):
        self.seen: dict[str, tuple[str, str]] = {}  # id: (file, place)
        self.entries: set[int] = set()  # a YAML alias (`*name`) lists the same entry again, at its anchor's line

    def claim(self, entry, origin: str, place: str) -> str:
        item_id = entry["id"]
        if id(entry) in self.entries:
            raise InputError(
                origin,
                place,
                f"the item `{item_id}` is listed twice: a YAML alias (`*name`) repeats it.",
                "list each item once; for a second item like it, copy it and give the copy its own id.",
            )
        if item_id in self.seen:
            first_file, first_place = self.seen[item_id]
            also = first_place if first_file == origin else f"{first_file} {first_place}"
            raise InputError(
                origin, place, f"the id `{item_id}` is used twice (also at {also}).", "give each item its own id."
            )
        self.entries.add(id(entry))
        self.seen[item_id] = (origin, place)
        return item_id


def _load_exercise(path: Path, quick: bool) -> Exercise:
    file = str(path)
    problems = Problems([file])
    data = _read_yaml(path, schema_validators()[0], quick, problems)
    ex_id = data["id"]
    article_path = inside(path.parent, data["article"], file, f"line {_line(data, 'article')} (`article`)", "article")
    article = Article.from_file(article_path)
    task = data.get("task") or {}
    difficulty = task.get("difficulty") or "standard"
    tolerance = task.get("tolerance")
    labels = _labels_from(task)
    resolver = QuoteResolver(article)
    raw_items, raw_distractors, raw_untagged, included = _gather(data, path, quick, problems)
    ids = _Ids()
    written: dict[str, tuple[str, int]] = {}  # Exercise.written: where validate's findings send the author
    write_down = partial(_write_down, written, path.parent)
    key = _key(raw_items, labels, resolver, ids, problems, write_down)
    distractors = _distractors(raw_distractors, labels, resolver, ids, problems, write_down)
    problems.raise_any()

    untagged = (
        None if raw_untagged is None else [{"line": int(e["line"]), "why": e.get("why") or ""} for _, e in raw_untagged]
    )
    for origin, entry in raw_untagged or []:
        write_down(f"L{int(entry['line'])}", origin, entry)
    return Exercise(
        id=ex_id,
        title=data.get("title") or ex_id,
        instructions=(task.get("instructions") or "").strip(),
        difficulty=difficulty,
        tolerance=0.75 if tolerance is None else float(tolerance),
        labels=labels,
        key=key,
        distractors=distractors,
        article=article,
        path=path,
        untagged=untagged,
        files=[path, *included, article_path],
        written=written,
    )


def _write_down(written: dict[str, tuple[str, int]], folder: Path, name: str, origin, entry) -> None:
    """Where an entry is written, relative to the exercise's folder (`Exercise.written`), when its line is known."""
    if line := _line(entry):
        written[name] = (Path(origin).relative_to(folder).as_posix(), line)


def _key(raw_items, labels: dict, resolver: QuoteResolver, ids: _Ids, problems: Problems, write_down) -> list[KeyItem]:
    """The key items that check and resolve, then every `source_ids` entry that names no source item. A
    problem is kept in `problems` and its item left out, so that the items after it are still checked."""
    key: list[KeyItem] = []
    place_of: dict[str, tuple[str, str]] = {}  # item id: its file and place, for the checks across items
    for origin, entry in raw_items:
        origin = str(origin)
        item = _key_item(origin, entry, labels, resolver, ids, problems)
        if item is None:
            continue
        place_of[item.id] = (origin, _field(entry, "item", "source_ids"))
        write_down(item.id, origin, entry)
        key.append(item)
    _check_source_ids(key, raw_items, place_of, problems)
    return key


def _key_item(
    origin: str, entry, labels: dict, resolver: QuoteResolver, ids: _Ids, problems: Problems
) -> KeyItem | None:
    """One key item, its id, label, attributes, quote and accepted variants checked; None when any of them has
    a problem (kept in `problems`)."""
    found_before = len(problems)
    item_id = entry["id"]
    place = f"line {_line(entry)} (item {item_id})"
    with problems.collecting():
        ids.claim(entry, origin, place)
    label = entry["label"]
    with problems.collecting():
        if label not in labels:
            raise InputError(
                origin,
                _field(entry, "item", "label"),
                f"unknown label {shown(label)}.",
                _label_fix(label, labels, "one"),
            )
        attrs = _check_attrs(entry.get("attrs"), labels[label], origin, _field(entry, "item", "attrs"))
    start = end = 0
    with problems.collecting():
        start, end, quote = resolver.resolve(entry, origin, partial(_field, entry, "item"))
    accept = []
    for n, alt in enumerate(entry.get("accept") or []):
        with problems.collecting():
            at = _field(entry, "item", "accept", n)
            accept.append(Span(*resolver.resolve(alt, origin, lambda _name, at=at: at, near=(start, end))))
    if len(problems) > found_before:
        return None
    return KeyItem(
        id=item_id,
        label=label,
        start=start,
        end=end,
        quote=quote,
        line=resolver.article.line_of(start),
        attrs=attrs,
        entity=entry.get("entity") or None,
        source_ids=entry.get("source_ids"),
        why=(entry.get("why") or "").strip(),
        hints=tuple(entry.get("hints") or ()),
        accept=accept,
        optional=bool(entry.get("optional")),
        draft=bool(entry.get("draft")),
        voice_exception=entry.get("voice_exception"),
        reason=(entry.get("reason") or "").strip(),
        confidence=entry.get("confidence"),
    )


def _check_source_ids(key: list[KeyItem], raw_items, place_of: dict, problems: Problems) -> None:
    """Every `source_ids` entry that names no source item, a problem in `problems`."""
    # every id the files give, with its label: a `source_ids` entry naming an item that has a problem of its
    # own is not a second problem
    declared = {entry["id"]: entry["label"] for _, entry in raw_items}
    for item in key:
        for ref in item.source_ids or []:
            if declared.get(ref) != "source":
                problem = "no such item" if ref not in declared else f"a {declared[ref]}, not a source"
                known = sorted(name for name, label in declared.items() if label == "source")
                problems.found.append(
                    InputError(
                        *place_of[item.id],
                        f"`source_ids` names `{ref}`, which is {problem}.",
                        f"list the ids of source items only ({', '.join(known) or 'the key has none yet'}).",
                    )
                )


def _distractors(
    raw_distractors, labels: dict, resolver: QuoteResolver, ids: _Ids, problems: Problems, write_down
) -> list[Distractor]:
    """The distractors that check and resolve; a problem is kept in `problems` and its distractor left out."""
    distractors: list[Distractor] = []
    for origin, entry in raw_distractors:
        origin = str(origin)
        found_before = len(problems)
        item_id = entry["id"]
        place = f"line {_line(entry)} (distractor {item_id})"
        with problems.collecting():
            ids.claim(entry, origin, place)
        for_labels = list(entry.get("labels") or labels)
        bad = [n for n in for_labels if n not in labels]
        if bad:
            at = _field(entry, "distractor", "labels")
            problems.found.append(
                InputError(origin, at, f"unknown label {shown(bad[0])}.", _label_fix(bad[0], labels, "some"))
            )
        with problems.collecting():
            start, end, quote = resolver.resolve(entry, origin, partial(_field, entry, "distractor"))
        if len(problems) > found_before:
            continue
        write_down(item_id, origin, entry)
        distractors.append(
            Distractor(
                item_id,
                start,
                end,
                quote,
                resolver.article.line_of(start),
                for_labels,
                (entry.get("why") or "").strip(),
                bool(entry.get("draft")),
            )
        )
    return distractors


def missing_attribute(exercise: Exercise, item) -> tuple[str, list[str]] | None:
    """The attribute a key item must give and does not (contract.json's `key_needs`: a claim's kind, a source's
    identity, a loaded item's technique), with the values to choose from; None when it gives it, or when its
    label offers no such choice (an exercise's own label). Check judges a student's choice only where the key
    gives one, so without it Check never says whether the student's choice is right."""
    name = KEY_NEEDS.get(item.label)
    choices = exercise.labels[item.label].attrs.get(name) if name else None
    if not isinstance(choices, list) or item.attrs.get(name):
        return None
    return name, choices


def _item_findings(exercise: Exercise, item: KeyItem) -> list[str]:
    """validate's findings on one key item, each naming where the item is written."""
    findings = []
    where = exercise.place(item)
    if item.draft:
        findings.append(f"{where}: still a draft. Fix: review it and remove `draft: true`.")
    if not item.why:
        findings.append(f"{where}: has no `why`. Fix: write one to three sentences students will read.")
    if not item.optional and not item.hints:
        findings.append(f"{where}: a required item with no hints. Fix: add one or two `hints`.")
    if missing := missing_attribute(exercise, item):
        name, choices = missing
        findings.append(
            f"{where}: has no `{name}`, so Check cannot tell students whether the {name} they chose is right. "
            f"Fix: add one under its `attrs` ({name}: one of {', '.join(choices)})."
        )
    if item.entity and item.label != "source":
        findings.append(
            f"{where}: has `entity: {item.entity}`, which Check reads on sources only. "
            f"Fix: remove it from this {item.label} item."
        )
    return findings


def validation_findings(exercise: Exercise) -> list[str]:
    """Things a loadable exercise should still fix: drafts, missing reasons or attributes (`missing_attribute`),
    paragraphs nobody tagged, voices against the quotation marks, a `why` naming the wrong line (`key_checks`);
    each names where the entry is written (`Exercise.place`). A span that cuts a word is no finding: no exercise
    loads with one (`QuoteResolver.resolve`), so the book build refuses it as validate does."""
    findings = []
    if not exercise.key:
        findings.append(
            "`key`: the key is empty (or missing), so Check has nothing to compare students' tags with. "
            f"Fix: add the key items under `key:`; `medialit suggest {exercise.article.name}` drafts some."
        )
    for item in exercise.key:
        findings.extend(_item_findings(exercise, item))
    for dis in exercise.distractors:
        if dis.draft:
            findings.append(f"{exercise.place(dis)}: still a draft. Fix: review it and remove `draft: true`.")
        if not dis.why:
            findings.append(f"{exercise.place(dis)}: has no `why`. Fix: say why it is not tagged.")
    return (
        findings
        + speaker_findings(exercise)
        + coverage_findings(exercise)
        + voice_findings(exercise)
        + line_findings(exercise)
    )
