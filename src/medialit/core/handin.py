"""Tags and hand-in files: plain data, validated where it enters.

A hand-in that cannot be used at all (not JSON, another exercise or article) is refused with one
`InputError`; a single bad tag is reported as a `Finding` and left out while the rest loads.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .errors import Finding, InputError
from .labels import FREE_TEXT

HANDIN_FORMAT = "medialit.handin/1"
MAX_HANDIN_BYTES = 5 * 1024 * 1024


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Tag:
    id: str
    label: str
    start: int
    end: int
    quote: str
    attrs: dict = field(default_factory=dict)
    source_ids: list[str] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "start": self.start, "end": self.end, "quote": self.quote,
                "attrs": dict(self.attrs), "source_ids": list(self.source_ids), "note": self.note}

    @classmethod
    def from_json(cls, data: dict) -> "Tag":
        """Build a tag from a mapping whose field types are already checked (see `parse_tag`)."""
        return cls(data["id"], data["label"], data["start"], data["end"], data["quote"],
                   dict(data.get("attrs") or {}), list(data.get("source_ids") or ()), data.get("note") or "")


@dataclass
class HandIn:
    exercise: str
    article_sha256: str
    tags: list[Tag] = field(default_factory=list)
    student: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    findings: list[Finding] = field(default_factory=list)
    file: str = ""

    def to_json(self) -> dict:
        return {"format": HANDIN_FORMAT, "exercise": self.exercise, "article_sha256": self.article_sha256,
                "student": self.student, "created": self.created, "updated": self.updated,
                "tags": [t.to_json() for t in self.tags]}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")


def _tag_problem(raw) -> str | None:
    """What is wrong with the shape of one tag, or None (exact JSON types: a bool is not a number)."""
    if type(raw) is not dict:
        return "is not an object"
    get = raw.get
    for name in ("id", "label", "quote"):
        value = get(name)
        if type(value) is not str or not value:
            return f"has no `{name}` text"
    if type(get("start")) is not int:
        return "has no whole-number `start`"
    if type(get("end")) is not int:
        return "has no whole-number `end`"
    if type(get("attrs", {})) is not dict:
        return "has `attrs` that is not an object"
    ids = get("source_ids", [])
    if type(ids) is not list or not all(type(i) is str for i in ids):
        return "has `source_ids` that is not a list of ids"
    note = get("note")
    if note is not None and type(note) is not str:
        return "has a `note` that is not text"
    return None


def parse_handin(data, file: str, exercise=None) -> HandIn:
    """Check a decoded hand-in against the format and, if given, against its exercise."""
    if not isinstance(data, dict):
        raise InputError(file, "top level", "this is not a medialit hand-in (no JSON object).",
                         "choose the .json file that the Download button saved.")
    fmt = data.get("format")
    if fmt != HANDIN_FORMAT:
        problem = ("this is not a medialit hand-in file" if not isinstance(fmt, str) or not fmt.startswith("medialit.")
                   else f"this file has format {fmt!r}, not {HANDIN_FORMAT!r}")
        raise InputError(file, "`format`", f"{problem}.",
                         "choose the .json file that the Download button saved (a newer medialit may read newer files).")
    tags_raw = data.get("tags")
    if not isinstance(tags_raw, list):
        raise InputError(file, "`tags`", "the file has no list of tags.", "choose the file that the Download button saved.")
    handin = HandIn(exercise=str(data.get("exercise") or ""), article_sha256=str(data.get("article_sha256") or ""),
                    student=str(data.get("student") or ""), created=str(data.get("created") or ""),
                    updated=str(data.get("updated") or ""), file=file)
    if exercise is not None:
        if handin.exercise != exercise.id:
            raise InputError(file, "`exercise`", f"this hand-in is for exercise {handin.exercise!r}, "
                             f"not {exercise.id!r}.", "check it against its own exercise file.")
        if handin.article_sha256 != exercise.article.sha256:
            raise InputError(file, "`article_sha256`",
                             f"this hand-in was made for another version of the article "
                             f"(hand-in {handin.article_sha256[:12]}…, exercise {exercise.article.sha256[:12]}…).",
                             "use the exercise version the student worked on, or ask the student to tag again.")

    seen: set[str] = set()
    candidates: list[Tag] = []
    for n, raw in enumerate(tags_raw, start=1):
        problem = _tag_problem(raw)
        if problem:
            handin.findings.append(Finding(_place(n, raw), f"this tag {problem}; it was left out.",
                                           "tag it again in the widget."))
            continue
        tag = Tag.from_json(raw)
        if tag.id in seen:
            handin.findings.append(Finding(_place(n, raw), f"the id `{tag.id}` is used twice; the second was "
                                           "left out.", "give each tag its own id, or tag it again in the widget."))
            continue
        seen.add(tag.id)
        if exercise is not None:
            problem = _against_exercise(tag, exercise)
            if problem:
                handin.findings.append(Finding(_place(n, raw), problem, "tag it again in the widget."))
                continue
        candidates.append(tag)

    kept = {t.id: t for t in candidates}
    for tag in (t for t in candidates if t.source_ids):
        for ref in tag.source_ids:
            target = kept.get(ref)
            if target is None or target.label != "source":
                what = "a tag that is not there" if target is None else f"a {target.label} tag, not a source"
                handin.findings.append(Finding(f"tag {tag.id}", f"`source_ids` points at {what} ({ref}); "
                                               "that link was dropped.", "link the claim to a source tag again."))
        tag.source_ids = [r for r in tag.source_ids if r in kept and kept[r].label == "source"]
    handin.tags = candidates
    return handin


def _place(n: int, raw) -> str:
    """Where a tag sits in the file: its number, and its id when it has one."""
    tag_id = raw.get("id") if isinstance(raw, dict) else None
    return f"tag {n}" + (f" ({tag_id})" if isinstance(tag_id, str) else "")


def _against_exercise(tag: Tag, exercise) -> str | None:
    text = exercise.article.text
    if not 0 <= tag.start < tag.end <= len(text):
        return f"its span {tag.start}–{tag.end} is outside the article (0–{len(text)}); it was left out."
    if text[tag.start:tag.end] != tag.quote:
        return (f"orphan: its quote “{tag.quote}” does not match the article there "
                f"(“{text[tag.start:tag.end]}”, L{exercise.article.line_of(tag.start)}); it was left out.")
    spec = exercise.labels.get(tag.label)
    if spec is None:
        return f"its label {tag.label!r} is not one of this exercise's ({', '.join(exercise.labels)}); it was left out."
    for name, value in tag.attrs.items():
        allowed = spec.attrs.get(name)
        if allowed is None:
            return f"label {tag.label} has no attribute {name!r}; the tag was left out."
        if allowed != FREE_TEXT and value not in (None, "") and value not in allowed:
            return f"{value!r} is not a value of {tag.label}.{name} ({', '.join(allowed)}); the tag was left out."
    return None


def load_handin(path: str | Path, exercise=None) -> HandIn:
    """Read a hand-in file; refuse it whole or report bad tags as findings."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), "", "the file does not exist.", "check the path.") from None
    if size > MAX_HANDIN_BYTES:
        raise InputError(str(path), "", f"the file is {size / 1048576:.1f} MB; a hand-in is at most 5 MB.",
                         "choose the .json file that the Download button saved.")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(str(path), "", "the file is not text.", "choose the .json file that the Download button saved.") from None
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"line {err.lineno}, column {err.colno}", f"this is not valid JSON ({err.msg}).",
                         "choose the .json file that the Download button saved; do not edit it by hand.") from None
    return parse_handin(data, str(path), exercise)
