"""Key items as exercise.yml text: the one id scheme and the one way key items are written.

`medialit new`, the Tagger's author mode in Jupyter (`key_yaml`, and `write_key` straight into the
exercise file) and on book pages (`src/js/authoring/keyfile.js`, held to `key_yaml` by a test) all name items
with `item_id` and write a span as `quote` plus `occurrence` where the quote repeats, the way a
person writes them, so `load_exercise` resolves them back to the same offsets.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..core.article import Article
from ..core.contract import ID_PREFIXES, WHITE_SPACE
from ..core.errors import InputError
from ..core.exercise import Exercise
from ..core.files import EXERCISE, read_text
from ..core.yaml_limits import limited_yaml, yaml_problem
from .yaml_text import TextRuleEmitter, yaml_text

_SPACE_RUN = re.compile(f"{WHITE_SPACE}+")
_SPACE_AT_ENDS = re.compile(f"^{WHITE_SPACE}+|{WHITE_SPACE}+$")
_NOT_SLUG = re.compile(f"(?!{WHITE_SPACE})[^a-z0-9-]")


def _trim(value: str) -> str:
    """The text without white space at either end (the contract's white space, as in keyfile.js)."""
    return _SPACE_AT_ENDS.sub("", value)


def _list(items) -> str:
    """Texts as a YAML flow list, each quoted only where a list needs it."""
    return f"[{', '.join(yaml_text(item, flow=True) for item in items)}]"


def _slug(quote: str) -> str:
    kept = _NOT_SLUG.sub("", unicodedata.normalize("NFKD", quote.lower()))
    return "-".join([w for w in _SPACE_RUN.split(kept) if w][:3]) or "item"


def item_id(label: str, quote: str, line: int, taken: set[str]) -> str:
    """The one id scheme: prefix, the quote's first three whole words, its line (`ld-despot-l10`),
    and `-2`, `-3` … when that is taken. Adds the id to `taken`."""
    return unique_id(f"{ID_PREFIXES.get(label, label[:3])}-{_slug(quote)}-l{line}", taken)


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … if taken; adds the result to `taken`."""
    unique, n = base, 2
    while unique in taken:
        unique, n = f"{base}-{n}", n + 1
    taken.add(unique)
    return unique


def _occurrence(exercise: Exercise | Article, quote: str, start: int) -> tuple[int, int]:
    """(1-based occurrence of the quote at `start`, how often it occurs), overlaps counted."""
    found = getattr(exercise, "article", exercise).find_all(quote)
    return (found.index(start) + 1 if start in found else 1), len(found)


def _in_reading_order(tags: list[dict]) -> list[dict]:
    return sorted(tags, key=lambda t: (t["start"], -t["end"], t["id"]))


def confidence_text(value: float) -> str:
    """A confidence as both languages write it: hundredths, no trailing zeros (0.75, 0.5, 1)."""
    n = min(100, max(0, math.floor(float(value) * 100 + 0.5)))
    return "1" if n == 100 else "0" if n == 0 else f"0.{n:02d}".rstrip("0")


def listed_of(tag: dict, key_lists: dict[str, dict], name: str) -> list[str] | None:
    """The list of values a tag in author mode stands for in attribute `name`, or None for its one value.
    The tag holds the list's first value and, in `listed`, the list while it is chosen; a tag saved
    before tags kept `listed` stands for its key item's list (`key_lists`: the key's attrs by item id)
    while it holds the first value (keyfile.js's listedOf)."""
    lists = tag.get("listed")
    if not isinstance(lists, dict):
        lists = key_lists.get(tag["id"], {})
    value = (tag.get("attrs") or {}).get(name)
    found = lists.get(name)
    return list(found) if isinstance(found, list) and len(found) > 1 and found[0] == value else None


def keep_listed_values(tags: list[dict], exercise: Exercise) -> list[dict]:
    """Author mode shows one value of an attribute whose key item lists several (`voice: [reporter,
    quoted]`): a tag that stands for the list (`listed_of`) keeps the whole list, so that saving never
    narrows an item nobody changed; one narrowed to a value, even the first, keeps that value
    (keyfile.js's keepListedValues)."""
    key_lists = {k.id: k.attrs for k in exercise.key}
    kept = []
    for tag in tags:
        attrs = {name: listed_of(tag, key_lists, name) or value for name, value in (tag.get("attrs") or {}).items()}
        kept.append({**tag, "attrs": attrs} if tag.get("attrs") else tag)
    return kept


def key_yaml(
    exercise: Exercise, tags: list[dict], distractors: list[dict] | None = None, included: Iterable[str] = ()
) -> str:
    """Key items (and distractors) as exercise.yml text to paste under the file's other parts."""
    return (
        "\n".join(
            [
                f"# Key items made in the medialit Tagger (author mode) for exercise {exercise.id}.",
                "# Paste them under `key:` in exercise.yml, then run `medialit validate`.",
                *key_block(exercise, tags, distractors, included),
            ]
        )
        + "\n"
    )


def key_block(
    exercise: Exercise, tags: list[dict], distractors: list[dict] | None = None, included: Iterable[str] = ()
) -> list[str]:
    """The `key:` block (and the `distractors:` block, when given) as lines. Widget ids (t1, t2, …; d1, d2,
    … for distractors) become readable ones (ld-despot-l10, dis-said-l4); items whose id is in `included`
    live in an `include:` file and are left out, their ids kept free."""
    tags = keep_listed_values(tags, exercise)
    skip = set(included)
    taken: set[str] = set(skip)
    ordered = [t for t in _in_reading_order(tags) if t["id"] not in skip]
    ids = {
        t["id"]: item_id(t["label"], t["quote"], exercise.article.line_of(t["start"]), taken)
        if re.fullmatch(r"t\d+", t["id"])
        else unique_id(t["id"], taken)
        for t in ordered
    }
    lines = ["key:"]
    for t in ordered:
        lines += [
            f"  - id: {yaml_text(ids[t['id']])}",
            f"    label: {yaml_text(t['label'])}",
            f"    quote: {yaml_text(t['quote'])}",
        ]
        occurrence, count = _occurrence(exercise, t["quote"], t["start"])
        if count > 1:
            lines.append(f"    occurrence: {occurrence}")
        attrs = [(k, v) for k, v in (t.get("attrs") or {}).items() if v not in ("", None)]
        if attrs:  # one line, as `medialit new` writes them: {voice: reporter, kind: fact}
            pairs = (
                f"{yaml_text(k, flow=True)}: {_list(v) if isinstance(v, list) else yaml_text(v, flow=True)}"
                for k, v in attrs
            )
            lines.append(f"    attrs: {{{', '.join(pairs)}}}")
        if _trim(t.get("entity") or ""):
            lines.append(f"    entity: {yaml_text(_trim(t['entity']))}")
        if t["label"] == "claim":
            lines.append(f"    source_ids: {_list(ids.get(s, s) for s in t.get('source_ids') or [])}")
        hints = [h for h in t.get("hints") or [] if h and _trim(h)]
        lines.append(f"    why: {yaml_text(t.get('why') or '')}")
        lines += ["    hints:", *(f"      - {yaml_text(h)}" for h in hints)] if hints else ["    hints: []"]
        accept = []
        for a in t.get("accept") or []:
            occurrence, count = _occurrence(exercise, a["quote"], a["start"])
            accept.append(
                f"{{quote: {yaml_text(a['quote'], flow=True)}, occurrence: {occurrence}}}"
                if count > 1
                else yaml_text(a["quote"], flow=True)
            )
        if accept:
            lines.append(f"    accept: [{', '.join(accept)}]")
        if t.get("optional"):
            lines.append("    optional: true")
        if t.get("draft"):
            lines.append("    draft: true")
            if _trim(t.get("reason") or ""):
                lines.append(f"    reason: {yaml_text(_trim(t['reason']))}")
            if _is_number(t.get("confidence")):
                lines.append(f"    confidence: {confidence_text(t['confidence'])}")
    if distractors is not None:
        kept = [d for d in _in_reading_order(distractors) if d["id"] not in skip]
        lines.append("distractors:" if kept else "distractors: []")
        for d in kept:
            lines += [
                f"  - id: {yaml_text(distractor_id(exercise.article, d, taken))}",
                f"    quote: {yaml_text(d['quote'])}",
            ]
            occurrence, count = _occurrence(exercise, d["quote"], d["start"])
            if count > 1:
                lines.append(f"    occurrence: {occurrence}")
            lines += [f"    labels: {_list(d.get('labels') or [])}", f"    why: {yaml_text(d.get('why') or '')}"]
            if d.get("draft"):
                lines.append("    draft: true")
    return lines


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def distractor_id(article: Article, d: dict, taken: set[str]) -> str:
    """A distractor's id: a widget id (d1, d2, …) becomes `dis-` and the quote's words and line."""
    if re.fullmatch(r"d\d+", d["id"]):
        return item_id("distractor", d["quote"], article.line_of(d["start"]), taken)
    return unique_id(d["id"], taken)


def key_ids(article: Article, tags: list[dict], taken: set[str] | None = None) -> dict[str, str]:
    """Tag id -> key item id: widget ids (t1, t2, …) get readable ones; key ids are kept."""
    taken = set() if taken is None else taken
    return {
        t["id"]: item_id(t["label"], t["quote"], article.line_of(t["start"]), taken)
        if re.fullmatch(r"t\d+", t["id"])
        else unique_id(t["id"], taken)
        for t in _in_reading_order(tags)
    }


def key_entry(article: Article, tag: dict, ids: dict[str, str]) -> CommentedMap:
    """One key item as a YAML mapping, fields in the order people read them (the order `key_yaml` writes)."""
    entry = CommentedMap()
    entry["id"] = ids[tag["id"]]
    entry["label"] = tag["label"]
    entry["quote"] = tag["quote"]
    occurrence, count = _occurrence(article, tag["quote"], tag["start"])
    if count > 1:
        entry["occurrence"] = occurrence
    attrs = {k: v for k, v in (tag.get("attrs") or {}).items() if v not in ("", None)}
    if attrs:
        entry["attrs"] = _flow(CommentedMap(attrs))
    if _trim(tag.get("entity") or ""):
        entry["entity"] = _trim(tag["entity"])
    if tag["label"] == "claim":
        entry["source_ids"] = _flow(CommentedSeq(ids.get(x, x) for x in tag.get("source_ids") or []))
    entry["why"] = tag.get("why") or ""
    hints = CommentedSeq(h for h in tag.get("hints") or [] if h and _trim(h))
    entry["hints"] = hints if hints else _flow(hints)  # one a line, as people write sentences; none: []
    accept = []
    for alt in tag.get("accept") or []:
        occurrence, count = _occurrence(article, alt["quote"], alt["start"])
        accept.append(_flow(CommentedMap(quote=alt["quote"], occurrence=occurrence)) if count > 1 else alt["quote"])
    if accept:
        entry["accept"] = _flow(CommentedSeq(accept))
    if tag.get("optional"):
        entry["optional"] = True
    if tag.get("draft"):
        entry["draft"] = True
        if _trim(tag.get("reason") or ""):
            entry["reason"] = _trim(tag["reason"])
        if _is_number(tag.get("confidence")):
            entry["confidence"] = float(confidence_text(tag["confidence"]))
    return entry


def distractor_entry(article: Article, d: dict, taken: set[str]) -> CommentedMap:
    """One distractor as a YAML mapping, fields in the order `key_yaml` writes them."""
    entry = CommentedMap()
    entry["id"] = distractor_id(article, d, taken)
    entry["quote"] = d["quote"]
    occurrence, count = _occurrence(article, d["quote"], d["start"])
    if count > 1:
        entry["occurrence"] = occurrence
    entry["labels"] = _flow(CommentedSeq(d.get("labels") or []))
    entry["why"] = d.get("why") or ""
    if d.get("draft"):
        entry["draft"] = True
    return entry


def _flow(node):
    node.fa.set_flow_style()
    return node


def exercise_yaml_writer() -> YAML:
    """The ruamel settings every program that writes an exercise file uses (comments and order kept)."""
    yaml = YAML(typ="rt")
    yaml.Emitter = TextRuleEmitter  # texts quoted only where YAML needs it, as key_yaml writes them
    yaml.width = 1_000_000  # a text or a list on one line, as key_yaml writes them, never folded
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def write_key(path: str | Path, exercise: Exercise, tags: list[dict], distractors: list[dict] | None = None) -> Path:
    """Write `tags` as the `key:` of the exercise file at `path` (and `distractors`, when given, as its
    `distractors:`), keeping everything else as it was.

    An item whose id is already in the file keeps its place and its comments and takes the new
    values; new items are added in reading order after them; items no tag stands for any more
    (rejected in author mode) are removed. Items from `include:` files are not touched."""
    path = Path(path)
    yaml = exercise_yaml_writer()
    data = _exercise_now(path)
    old = _seq(data.get("key"))
    included = {k.id for k in exercise.key} - {e.get("id") for e in old if isinstance(e, dict)}
    tags = keep_listed_values(tags, exercise)
    ids = key_ids(exercise.article, tags, taken=set(included))
    made = {ids[t["id"]]: key_entry(exercise.article, t, ids) for t in tags if ids[t["id"]] not in included}
    _put(data, "key", _merged(old, made))
    if distractors is not None:
        old = _seq(data.get("distractors"))
        included = {d.id for d in exercise.distractors} - {e.get("id") for e in old if isinstance(e, dict)}
        taken = set(ids.values()) | included
        entries = [distractor_entry(exercise.article, d, taken) for d in _in_reading_order(distractors)]
        _put(data, "distractors", _merged(old, {e["id"]: e for e in entries if e["id"] not in included}))
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# the file was read when the Tagger opened it; a save reads it again, and what it finds is whatever was saved since
_NOT_SAVED = "Nothing was saved: your tags are still in the Tagger."


def _exercise_now(path: Path) -> CommentedMap:
    """The exercise file as it is now, read (within limits) to write the key into, or an InputError naming the place
    and the fix: it may have been edited, broken or moved since the Tagger read it."""
    try:
        text = read_text(path, EXERCISE)
    except InputError as err:  # moved, deleted, no longer UTF-8...
        raise replace(err, fix=f"{err.fix[:-1]}, then save again. {_NOT_SAVED}") from None
    try:
        data = limited_yaml().load(text)
    except YAMLError as err:
        place, problem, fix = yaml_problem(err, text)
        raise InputError(str(path), place, problem, f"{fix} Then save again. {_NOT_SAVED}", "not-yaml") from None
    if not isinstance(data, CommentedMap):
        raise InputError(
            str(path),
            "",
            "the file no longer holds an exercise (its settings, `key:` and the rest): it changed since the Tagger "
            "read it.",
            f"put the exercise back into the file (from a copy, or undo the edit), then save again. {_NOT_SAVED}",
            "not-exercise",
        )
    return data


def _own_ids(source: str) -> set[str]:
    """The ids of the key items and distractors written in an exercise file itself, not in its `include:` files."""
    data = YAML(typ="safe").load(source) or {}
    return {e.get("id") for part in ("key", "distractors") for e in _seq(data.get(part)) if isinstance(e, dict)}


def _all_ids(exercise: Exercise) -> set[str]:
    return {k.id for k in exercise.key} | {d.id for d in exercise.distractors}


def included_ids(exercise: Exercise) -> set[str]:
    """The ids of the exercise's key items and distractors that live in its `include:` files, which
    author mode shows but does not write."""
    return _all_ids(exercise) - _own_ids(Path(exercise.path).read_text(encoding="utf-8-sig"))


def page_authoring(exercise: Exercise, shown: Exercise) -> dict:
    """What an author-mode book page needs to give back the whole exercise file: its text, the ids of
    items that live in `include:` files (left alone), and the items of the file that this Tagger does
    not show (other labels or lines), to write back as they are."""
    source = Path(exercise.path).read_text(encoding="utf-8-sig")
    mine = _own_ids(source)
    on_show = set(map(id, shown.key)) | set(map(id, shown.distractors))
    return {
        "source": source,
        "included": sorted(_all_ids(exercise) - mine),
        "hidden": {
            "key": [k.to_json() for k in exercise.key if k.id in mine and id(k) not in on_show],
            "distractors": [d.to_json() for d in exercise.distractors if d.id in mine and id(d) not in on_show],
        },
    }


KEPT_FIELDS = {"voice_exception"}  # written by hand only: a save keeps it


def _put(data: CommentedMap, name: str, entries: CommentedSeq) -> None:
    """Set a list of the file; an empty one, written `[]`, loses the comment that stood above its first entry: under
    such a comment ruamel writes `[]` indented and the next name's list on the name's line, a file YAML cannot read."""
    data[name] = entries
    comment = data.ca.items.get(name)
    if not entries and comment and len(comment) > 3:
        comment[3] = None


def _seq(value) -> CommentedSeq:
    return value if isinstance(value, list) else CommentedSeq()


def _merged(old: CommentedSeq, made: dict[str, CommentedMap]) -> CommentedSeq:
    """The entries of `made`: those already in `old` in their place with their comments, new ones after."""
    merged = CommentedSeq()
    for n, entry in enumerate(old):
        if isinstance(entry, dict) and entry.get("id") in made:
            new = made.pop(entry["id"])
            for name in [name for name in entry if name not in new and name not in KEPT_FIELDS]:
                del entry[name]
            for name, value in new.items():
                if entry.get(name) != value:
                    entry[name] = value
            merged.append(entry)
            comment = old.ca.items.get(n)
            if comment:
                merged.ca.items[len(merged) - 1] = comment
    merged.extend(made.values())
    return merged
