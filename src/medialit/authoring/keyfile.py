"""Key items as exercise.yml text: the one id scheme and the one way key items are written.

`medialit new`, the Tagger's author mode in Jupyter (`key_yaml`, and `write_key` straight into the
exercise file) and on book pages (`src/js/authoring/keyfile.js`, held to `key_yaml` by a test) all name items
with `item_id` and write a span as `quote` plus `occurrence` where the quote repeats, the way a
person writes them, so `load_exercise` resolves them back to the same offsets.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..core.article import Article
from ..core.contract import ID_PREFIXES
from ..core.exercise import Exercise

# What JavaScript's trim() and \s take as white space (Python's str.strip() also takes \x1c-\x1f
# and \x85, and not \ufeff): the same set here, so that both sides write the same file.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_SPACE_RUN = re.compile(f"[{re.escape(JS_SPACE)}]+")


def _text(value) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


def _list(items) -> str:
    return f"[{', '.join(items)}]"


def _slug(quote: str) -> str:
    kept = re.sub(f"[^a-z0-9{re.escape(JS_SPACE)}-]", "", unicodedata.normalize("NFKD", quote.lower()))
    return "-".join([w for w in _JS_SPACE_RUN.split(kept) if w][:3]) or "item"


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


def key_yaml(exercise: Exercise, tags: list[dict]) -> str:
    """The `key:` block for these tags; widget ids (t1, t2, …) become readable ones (ld-despot-l10)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    ordered = _in_reading_order(tags)
    for t in ordered:
        if re.fullmatch(r"t\d+", t["id"]):
            ids[t["id"]] = item_id(t["label"], t["quote"], exercise.article.line_of(t["start"]), taken)
        else:
            ids[t["id"]] = unique_id(t["id"], taken)
    lines = [f"# Key items made in the medialit Tagger (author mode) for exercise {exercise.id}.",
             "# Paste them under `key:` in exercise.yml, then run `medialit validate`.", "key:"]
    for t in ordered:
        lines += [f"  - id: {_text(ids[t['id']])}", f"    label: {_text(t['label'])}", f"    quote: {_text(t['quote'])}"]
        occurrence, count = _occurrence(exercise, t["quote"], t["start"])
        if count > 1:
            lines.append(f"    occurrence: {occurrence}")
        attrs = [(k, v) for k, v in (t.get("attrs") or {}).items() if v not in ("", None)]
        if attrs:
            lines.append("    attrs:")
        for k, v in attrs:
            lines.append(f"      {_text(k)}: {_list(map(_text, v)) if isinstance(v, list) else _text(v)}")
        if (t.get("entity") or "").strip(JS_SPACE):
            lines.append(f"    entity: {_text(t['entity'].strip(JS_SPACE))}")
        if t["label"] == "claim":
            lines.append(f"    source_ids: {_list(_text(ids.get(s, s)) for s in t.get('source_ids') or [])}")
        hints = [h for h in t.get("hints") or [] if h and h.strip(JS_SPACE)]
        lines += [f"    why: {_text(t.get('why') or '')}", f"    hints: {_list(map(_text, hints))}"]
        accept = []
        for a in t.get("accept") or []:
            occurrence, count = _occurrence(exercise, a["quote"], a["start"])
            accept.append(f"{{quote: {_text(a['quote'])}, occurrence: {occurrence}}}" if count > 1 else _text(a["quote"]))
        if accept:
            lines.append(f"    accept: {_list(accept)}")
        if t.get("optional"):
            lines.append("    optional: true")
        if t.get("draft"):
            lines.append("    draft: true")
    return "\n".join(lines) + "\n"


def key_ids(article: Article, tags: list[dict], taken: set[str] | None = None) -> dict[str, str]:
    """Tag id -> key item id: widget ids (t1, t2, …) get readable ones; key ids are kept."""
    taken = set() if taken is None else taken
    return {t["id"]: item_id(t["label"], t["quote"], article.line_of(t["start"]), taken)
            if re.fullmatch(r"t\d+", t["id"]) else unique_id(t["id"], taken) for t in _in_reading_order(tags)}


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
    if (tag.get("entity") or "").strip():
        entry["entity"] = tag["entity"].strip()
    if tag["label"] == "claim":
        entry["source_ids"] = _flow(CommentedSeq(ids.get(x, x) for x in tag.get("source_ids") or []))
    entry["why"] = tag.get("why") or ""
    entry["hints"] = _flow(CommentedSeq(h for h in tag.get("hints") or [] if h and h.strip()))
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
    return entry


def _flow(node):
    node.fa.set_flow_style()
    return node


def exercise_yaml_writer() -> YAML:
    """The ruamel settings every program that writes an exercise file uses (comments and order kept)."""
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def write_key(path: str | Path, exercise: Exercise, tags: list[dict]) -> Path:
    """Write `tags` as the `key:` of the exercise file at `path`, keeping everything else as it was.

    An item whose id is already in the file keeps its place and its comments and takes the new
    values; new items are added in reading order after them; items no tag stands for any more
    (rejected in author mode) are removed. Items from `include:` files are not touched."""
    path = Path(path)
    yaml = exercise_yaml_writer()
    data = yaml.load(path.read_text(encoding="utf-8-sig"))
    old = data.get("key") if isinstance(data.get("key"), list) else CommentedSeq()
    included = {k.id for k in exercise.key} - {e.get("id") for e in old if isinstance(e, dict)}
    ids = key_ids(exercise.article, tags, taken=set(included))
    made = {ids[t["id"]]: key_entry(exercise.article, t, ids) for t in tags if ids[t["id"]] not in included}
    key = CommentedSeq()
    for n, entry in enumerate(old):
        if isinstance(entry, dict) and entry.get("id") in made:
            new = made.pop(entry["id"])
            for name in [name for name in entry if name not in new]:
                del entry[name]
            for name, value in new.items():
                if entry.get(name) != value:
                    entry[name] = value
            key.append(entry)
            comment = old.ca.items.get(n)
            if comment:
                key.ca.items[len(key) - 1] = comment
    key.extend(made.values())
    data["key"] = key
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
