"""Key items as exercise.yml text, from the tags an instructor made in the Tagger's author mode.

In Jupyter the widget asks Python for this file; on a book page `static/author.js` writes the same
text (a test holds the two to it). Spans are written as `quote` plus `occurrence` where the quote
repeats, the way a person writes them, so `load_exercise` resolves them back to the same offsets.
"""
from __future__ import annotations

import json
import re
import unicodedata

from ..core.exercise import Exercise

ID_PREFIX = {"claim": "clm", "source": "src", "loaded": "ld", "cue": "cue"}
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


def _occurrence(exercise: Exercise, quote: str, start: int) -> tuple[int, int]:
    """(1-based occurrence of the quote at `start`, how often it occurs), overlaps counted."""
    found = exercise.article.find_all(quote)
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
            line = exercise.article.line_of(t["start"])
            base = f"{ID_PREFIX.get(t['label'], t['label'][:3])}-{_slug(t['quote'])}-l{line}"
        else:
            base = t["id"]
        unique, n = base, 2
        while unique in taken:
            unique, n = f"{base}-{n}", n + 1
        taken.add(unique)
        ids[t["id"]] = unique
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
    return "\n".join(lines) + "\n"
