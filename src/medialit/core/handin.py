"""Tags and hand-in files: plain data, validated where it enters.

A hand-in that cannot be used at all is refused with one `InputError`; a single bad tag is reported
as a `Finding` and left out while the rest loads. Every kind of problem has a stable code, listed
below in the order the checks run (the first refusal wins; tags are checked one by one, in file
order, each against the tag checks in their order). The JavaScript reader is held to the same codes
and order; tests/hostile/handins/ has a file for each, with the code it must give.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .contract import (
    FREE_TEXT,
    HANDIN_FORMAT,
    MAX_ANSWER_CHARS,
    MAX_JSON_DEPTH,
    MAX_NUMBER_DIGITS,
    SHA256_PATTERN,
    ZIP_SIGNATURE,
)
from .errors import Finding, InputError, visible
from .exercise import is_id
from .files import HANDIN, decode_utf8, read_bytes, write_file
from .jsonable import fields_json
from .messages import Renderer, problem_message, shortened

MAX_DEPTH = MAX_JSON_DEPTH  # lists and objects inside each other: a hand-in needs 4
MAX_DIGITS = MAX_NUMBER_DIGITS  # digits in one number: offsets need 7, and JavaScript counts exactly up to 15
SHOWN = 60  # characters of a student's text quoted in a message

# The checks on the file itself come first, in this order: in core/files.py, but `zip` (a zip file given
# as a hand-in: told to unzip it first, as `medialit report` tells it of a zip given as the class's folder).
FILE_CHECKS = ("missing", "not-a-file", "unreadable", "too-big", "zip", "not-utf8")

# The file checks a page makes too, worded from the message table (`handin-<code>`) on both sides.
WORDED_FILE_CHECKS = ("unreadable", "too-big", "not-utf8")

# Why a whole hand-in is refused, after the file checks, in the order the checks run.
# `not-json`, `too-deep`, `number-too-long` and `duplicate-key` are one check: the first of them in reading
# order. A name given twice in one object is refused, not read: a JSON parser keeps the last one and
# silently loses what the first holds (a first list of tags, say).
REFUSALS = (
    "not-json",
    "too-deep",
    "number-too-long",
    "duplicate-key",
    "not-a-handin",
    "other-format",
    "bad-field",
    "lone-surrogate",
    "no-tags",
    "other-exercise",
    "other-article",
)
HANDIN_CHECKS = FILE_CHECKS + REFUSALS

# Why one tag is left out (the rest of the hand-in loads), in the order the checks run;
# `bad-source-link` is checked last, once every tag is in. The sentences for every code are in the
# message table (`handin-<code>`); a tag's own text stays as it is in the arguments: whoever shows a
# message escapes it for where it goes (terminal, HTML, CSV).
TAG_PROBLEMS = (
    "tag-not-object",
    "tag-bad-field",
    "tag-bad-text",
    "duplicate-id",
    "outside-article",
    "orphan",
    "unknown-label",
    "unknown-attribute",
    "bad-attribute-value",
    "bad-source-link",
)
# Why one written answer is left out (the rest of the hand-in loads), in the order the checks run;
# answers are checked after the tags, in file order. Their sentences are `handin-<code>` too.
ANSWER_PROBLEMS = ("answer-bad-id", "answer-bad-field", "answer-bad-text", "answer-too-long")
_WORDS = Renderer({}, "teacher")

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # in JSON text: what decodes to a surrogate
_TEXT, _TEXT_OR_NONE = frozenset({str}), frozenset({str, type(None)})  # exact types: a subclass is not JSON's
_SHA256 = re.compile(SHA256_PATTERN)
_TEXT_FIELDS = ("exercise", "article_sha256", "student", "created", "updated")


def field_place(name: str) -> str:
    """Where a problem with one of the hand-in's own fields is: "the exercise field", named as in the file
    (without code quotes), so an instructor finds it; the sentence says what it is for (handin.js's too)."""
    return f"the {name} field"


def refusal(code: str, file: str, place: str, **args) -> InputError:
    message = problem_message(code, args)
    return InputError(file, place, _WORDS.render(message), _WORDS.render(message, "fix"), code, args)


def _finding(code: str, place: str, **args) -> Finding:
    message = problem_message(code, args)
    return Finding(place, _WORDS.render(message), _WORDS.render(message, "fix"), code, args)


def shown(text, limit: int = SHOWN) -> str:
    """Someone's text in a message: in quotation marks, cut short, and with line breaks and control
    characters written out, so that it stays one line and cannot act on a terminal."""
    return f"“{visible(shortened(str(text), limit))}”"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


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
        return fields_json(self)

    @classmethod
    def from_json(cls, data: dict) -> Tag:
        """Build a tag from a mapping whose field types are already checked (see `_tag_problem`)."""
        return cls(
            data["id"],
            data["label"],
            data["start"],
            data["end"],
            data["quote"],
            dict(data.get("attrs") or {}),
            list(data.get("source_ids") or ()),
            data.get("note") or "",
        )


@dataclass(frozen=True)
class Answer:
    """A student's written answer to one question of the book (a reflection, a write-it-down task):
    what the student wrote, and the question as the page showed it."""

    text: str
    question: str = ""

    def to_json(self) -> dict:
        return {"question": self.question, "text": self.text}


@dataclass
class HandIn:
    exercise: str
    article_sha256: str
    tags: list[Tag] = field(default_factory=list)
    student: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    findings: list[Finding] = field(default_factory=list)  # tags left out
    file: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)  # answer id -> answer, in file order
    answer_findings: list[Finding] = field(default_factory=list)  # written answers left out
    # The exercise (whole) and the tags it was read against: Check need not look at them again.
    _read_for: tuple = field(default=(), repr=False, compare=False)

    def to_json(self) -> dict:
        data = {
            "format": HANDIN_FORMAT,
            "exercise": self.exercise,
            "article_sha256": self.article_sha256,
            "student": self.student,
            "created": self.created,
            "updated": self.updated,
            "tags": [t.to_json() for t in self.tags],
        }
        if self.answers:
            data["answers"] = {answer_id: a.to_json() for answer_id, a in self.answers.items()}
        return data

    def save(self, path: str | Path, replace: bool = True) -> None:
        write_file(path, json.dumps(self.to_json(), ensure_ascii=False, indent=1), replace=replace)


# --- JSON text -----------------------------------------------------------------------------------

_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"')  # the rest of a JSON string, its closing quote included
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_DIGITS + 1}}}")
_TOKEN = re.compile(r'"|[\[{]|[\]}]|[0-9][0-9.eE+-]*|[A-Za-z]+')
_KEY_END = re.compile(r"[ \t\n\r]*:")  # after a string: the string is a name in an object
_CONTAINERS = (dict, list)


def _first_limit(text: str, end: int | None = None) -> tuple[str, int, dict] | None:
    """The first place, in reading order, nested too deep, with a number too long, with NaN or Infinity
    (not JSON), or with a name its object has already: its code, its offset and what its message names.
    One pass over the text up to `end`; strings are skipped whole (an unterminated one ends the pass: the
    JSON parser reports it). The parser finds these too, but not where they are (handin.js's firstLimit)."""
    at, end = 0, len(text) if end is None else end
    names: list[dict[str, int] | None] = []  # each open object's names so far and where each is; None: a list
    while (token := _TOKEN.search(text, at, end)) is not None:
        at, kind = token.end(), token.group()
        if kind == '"':
            rest = _STRING_REST.match(text, at, end)
            if rest is None:
                return None
            at = rest.end()
            if names and names[-1] is not None and _KEY_END.match(text, at, end):
                name = _name_in(text[token.start() : at])
                first = names[-1].setdefault(name, token.start())
                if first != token.start():
                    return "duplicate-key", token.start(), {"key": name, "line": text.count("\n", 0, first) + 1}
        elif kind in "[{":
            names.append({} if kind == "{" else None)
            if len(names) > MAX_DEPTH:
                return "too-deep", token.start(), {"limit": MAX_DEPTH}
        elif kind in "]}" and names:
            names.pop()
        elif kind[0] in "0123456789":
            if _LONG_NUMBER.search(kind):
                return "number-too-long", token.start(), {"limit": MAX_DIGITS}
        elif kind in ("NaN", "Infinity"):
            return "not-json", token.start(), {}
    return None


def _name_in(string: str) -> str:
    """A name in an object as the reader decodes it (`"t\\u0061gs"` is tags), from its JSON string."""
    if "\\" not in string:
        return string[1:-1]
    try:
        return json.loads(string)
    except ValueError:
        return string[1:-1]


_SPACE = re.compile(r"[ \t\n\r]*")
# the longest start of a string's inside, of a number: what follows them decides whether they are whole
_STRING_BODY = re.compile(r'(?:[^"\\\x00-\x1f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')
_NUMBER_START = re.compile(r"-?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]*)?|\.|[eE][-+]?[0-9]*)?)?")
_HEX = re.compile(r"[0-9a-fA-F]{0,3}")
_LITERALS = {"t": "true", "f": "false", "n": "null"}


def json_error_at(text: str) -> int | None:
    """Where `text` stops being JSON (RFC 8259): the offset of the first character no JSON text could
    have there, or the text's length when it ends too soon; None when it is JSON. Each parser says this
    in its own way, or not at all; this rule is the one both readers name (handin.js's jsonErrorAt).
    One pass, lists and objects kept on a stack of their closing brackets."""
    closers: list[str] = []
    want = "value"  # or "first-item", "key", "first-key", "colon", "after" (a value)
    at, end = 0, len(text)
    while True:
        at = _SPACE.match(text, at).end()
        ch = text[at : at + 1]
        if want == "after":
            if not closers:
                return None if at == end else at
            if ch == ",":
                want = "value" if closers[-1] == "]" else "key"
            elif ch == closers[-1]:
                closers.pop()
            else:
                return at
            at += 1
            continue
        if want == "colon":
            if ch != ":":
                return at
            want, at = "value", at + 1
            continue
        if (want == "first-item" and ch == "]") or (want == "first-key" and ch == "}"):
            closers.pop()
            want, at = "after", at + 1
            continue
        if want in ("key", "first-key") and ch != '"':
            return at
        if ch == "[" or ch == "{":
            closers.append("]" if ch == "[" else "}")
            want, at = ("first-item" if ch == "[" else "first-key"), at + 1
            continue
        if ch == '"':
            inside = _STRING_BODY.match(text, at + 1).end()
            if text[inside : inside + 1] != '"':
                if text[inside : inside + 1] != "\\":
                    return inside  # a control character, or the end of the text
                if text[inside + 1 : inside + 2] != "u":
                    return inside + 1
                return _HEX.match(text, inside + 2).end()
            at = inside + 1
        elif ch == "-" or "0" <= ch <= "9":
            number = _NUMBER_START.match(text, at).end()
            if not "0" <= text[number - 1] <= "9":
                return number
            at = number
        elif ch in _LITERALS:
            word = _LITERALS[ch]
            same = next((k for k in range(len(word)) if text[at + k : at + k + 1] != word[k]), len(word))
            if same < len(word):
                return at + same
            at += same
        else:
            return at
        want = "colon" if want in ("key", "first-key") else "after"


def _deeper_than(data, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep in decoded JSON (walked level by level,
    without recursion)."""
    level = [data] if type(data) in _CONTAINERS else []
    for _ in range(limit):
        if not level:
            return False
        level = [
            child
            for node in level
            for child in (node.values() if type(node) is dict else node)
            if type(child) in _CONTAINERS
        ]
    return bool(level)


class _Limit(ValueError):
    """Raised while decoding: a number too long, NaN/Infinity, or a name given twice in one object (the
    text is scanned for where)."""


def _object(pairs: list[tuple[str, object]]) -> dict:
    data = dict(pairs)
    if len(data) < len(pairs):
        raise _Limit("a name given twice")
    return data


def _whole_number(text: str) -> int:
    if len(text) - (text[0] == "-") > MAX_DIGITS:
        raise _Limit(text)
    return int(text)


def _real_number(text: str) -> float:
    if _LONG_NUMBER.search(text):
        raise _Limit(text)
    return float(text)


def _no_constant(name: str):
    raise _Limit(name)  # NaN and Infinity are Python's, not JSON's


def _place_of(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - text.rfind(chr(10), 0, offset)}"


def read_json(text: str, file: str):
    """Decode a hand-in's JSON; refused with `not-json`, `too-deep`, `number-too-long` or `duplicate-key`,
    whichever comes first in the text. Each number and object is looked at as it is decoded: quicker than
    searching the whole text for a long number or a name given twice first."""
    try:
        data = json.loads(
            text,
            parse_int=_whole_number,
            parse_float=_real_number,
            parse_constant=_no_constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as err:
        stop = json_error_at(text)
        stop = err.pos if stop is None else stop
        first = _first_limit(text, stop)
        if first is None:
            raise refusal("not-json", file, _place_of(text, stop)) from None
    except (_Limit, RecursionError):  # a number too long, NaN, a name twice, or deeper than the parser goes
        first = _first_limit(text) or ("not-json", 0, {})
    else:
        if not _deeper_than(data, MAX_DEPTH):
            return data
        first = _first_limit(text) or ("too-deep", 0, {"limit": MAX_DEPTH})
    code, offset, args = first
    raise refusal(code, file, _place_of(text, offset), **args) from None


# --- the hand-in ---------------------------------------------------------------------------------


def parse_handin(data, file: str, exercise=None, surrogates: bool = True) -> HandIn:
    """Check a decoded hand-in against the format and, if given, against its exercise.

    `surrogates=False`: the data cannot hold a lone surrogate (see `load_handin`), and is not searched for one."""
    if type(data) is not dict:
        raise refusal("not-a-handin", file, "top level")
    fmt = data.get("format")
    if fmt != HANDIN_FORMAT:
        if isinstance(fmt, str) and fmt.startswith("medialit."):
            raise refusal("other-format", file, field_place("format"), format=fmt, expected=HANDIN_FORMAT)
        raise refusal("not-a-handin", file, field_place("format"))
    fields = {}
    for name in _TEXT_FIELDS:
        value = data.get(name)
        if value is not None and type(value) is not str:
            raise refusal("bad-field", file, field_place(name), field=name)
        fields[name] = value or ""
    answers_raw = data.get("answers")
    if answers_raw is not None and type(answers_raw) is not dict:
        raise refusal("bad-field", file, field_place("answers"), field="answers")
    if not is_id(fields["exercise"]):
        raise refusal("bad-field", file, field_place("exercise"), field="exercise")
    if not _SHA256.fullmatch(fields["article_sha256"]):
        raise refusal("bad-field", file, field_place("article_sha256"), field="article_sha256")
    for name, value in fields.items() if surrogates else ():
        if _SURROGATE.search(value):
            raise refusal("lone-surrogate", file, field_place(name), field=name)
    tags_raw = data.get("tags")
    if type(tags_raw) is not list:
        raise refusal("no-tags", file, field_place("tags"))
    handin = HandIn(**fields, file=file)
    if exercise is not None:
        _same_exercise(handin, exercise)
    handin.tags, handin.findings = _sort_tags(tags_raw, exercise, surrogates)
    handin.answers, handin.answer_findings = read_answers(answers_raw or {}, surrogates)
    if exercise is not None:
        handin._read_for = _reading(handin, exercise)
    return handin


def read_answers(raw: dict, surrogates: bool = True) -> tuple[dict[str, Answer], list[Finding]]:
    """The written answers that pass every check, and a finding for each one left out, in the order of
    their ids (code point by code point: JavaScript's objects do not keep a file's order of all keys)."""
    answers: dict[str, Answer] = {}
    findings: list[Finding] = []
    for answer_id, value in sorted(raw.items()):
        problem = _answer_problem(answer_id, value, surrogates)
        if problem is not None:
            findings.append(_finding(problem[0], f"answer {shown(answer_id)}", **problem[1]))
        else:
            answers[answer_id] = Answer(value["text"], value.get("question") or "")
    return answers, findings


def _answer_problem(answer_id: str, value, surrogates: bool = True) -> tuple[str, dict] | None:
    """What is wrong with one written answer, or None (exact JSON types)."""
    if not is_id(answer_id):
        return "answer-bad-id", {"id": answer_id}
    if type(value) is not dict or type(value.get("text")) is not str:
        return "answer-bad-field", {"field": "text"}
    question = value.get("question")
    if question is not None and type(question) is not str:
        return "answer-bad-field", {"field": "question"}
    for name in ("question", "text") if surrogates else ():
        if _SURROGATE.search(value.get(name) or ""):
            return "answer-bad-text", {"field": name}
    if len(value["text"]) > MAX_ANSWER_CHARS:
        return "answer-too-long", {"length": len(value["text"]), "limit": MAX_ANSWER_CHARS}
    return None


def _same_exercise(handin: HandIn, exercise) -> None:
    if handin.exercise != exercise.id:
        raise refusal(
            "other-exercise",
            handin.file or "the hand-in",
            field_place("exercise"),
            handin=handin.exercise,
            exercise=exercise.id,
        )
    if handin.article_sha256 != exercise.article.sha256:
        raise refusal(
            "other-article",
            handin.file or "the hand-in",
            field_place("article_sha256"),
            handin=handin.article_sha256[:12],
            exercise=exercise.article.sha256[:12],
        )


def _sort_tags(tags_raw: list, exercise, surrogates: bool = True) -> tuple[list[Tag], list[Finding]]:
    """The tags that pass every check, and a finding for each one left out."""
    seen: set[str] = set()
    candidates: list[Tag] = []
    findings: list[Finding] = []
    for n, raw in enumerate(tags_raw, start=1):
        problem = _tag_problem(raw, surrogates)
        if problem is None:
            tag = Tag.from_json(raw)
            problem = ("duplicate-id", {"id": tag.id}) if tag.id in seen else None
            if problem is None:
                seen.add(tag.id)
                problem = _against_exercise(tag, exercise) if exercise is not None else None
        if problem is not None:
            findings.append(_finding(problem[0], _place(n, raw), **problem[1]))
            continue
        candidates.append(tag)

    kept = {t.id: t for t in candidates}
    for tag in (t for t in candidates if t.source_ids):
        for ref in tag.source_ids:
            target = kept.get(ref)
            if target is None or target.label != "source":
                findings.append(
                    _finding(
                        "bad-source-link",
                        f"tag {visible(tag.id)}",
                        ref=ref,
                        target_label=None if target is None else target.label,
                    )
                )
        tag.source_ids = [r for r in tag.source_ids if r in kept and kept[r].label == "source"]
    return candidates, findings


def _place(n: int, raw) -> str:
    """Where a tag sits in the file: its number, and its id when it has one."""
    tag_id = raw.get("id") if isinstance(raw, dict) else None
    return f"tag {n}" + (f" ({visible(tag_id)})" if isinstance(tag_id, str) else "")


def _tag_problem(raw, surrogates: bool = True) -> tuple[str, dict] | None:
    """What is wrong with the shape of one tag, or None (exact JSON types: a bool is not a number).
    The fields are checked in this order; each check is written out, as this runs for every tag."""
    if type(raw) is not dict:
        return "tag-not-object", {}
    get = raw.get
    tag_id, label, quote = get("id"), get("label"), get("quote")
    if type(tag_id) is not str or not tag_id:
        return "tag-bad-field", {"field": "id"}
    if type(label) is not str or not label:
        return "tag-bad-field", {"field": "label"}
    if type(quote) is not str or not quote:
        return "tag-bad-field", {"field": "quote"}
    if type(get("start")) is not int:
        return "tag-bad-field", {"field": "start"}
    if type(get("end")) is not int:
        return "tag-bad-field", {"field": "end"}
    attrs = get("attrs", {})
    if type(attrs) is not dict or not _TEXT_OR_NONE.issuperset(map(type, attrs.values())):
        return "tag-bad-field", {"field": "attrs"}
    ids = get("source_ids", [])
    if type(ids) is not list or not _TEXT.issuperset(map(type, ids)):
        return "tag-bad-field", {"field": "source_ids"}
    note = get("note")
    if note is not None and type(note) is not str:
        return "tag-bad-field", {"field": "note"}
    if not surrogates:
        return None
    note = note or ""
    attr_text = "".join(k + (v or "") for k, v in attrs.items()) if attrs else ""
    if _SURROGATE.search(tag_id + label + quote + note + "".join(ids) + attr_text):
        texts = {
            "id": tag_id,
            "label": label,
            "quote": quote,
            "note": note,
            "source_ids": "".join(ids),
            "attrs": attr_text,
        }
        return "tag-bad-text", {"field": next(name for name, text in texts.items() if _SURROGATE.search(text))}
    return None


def _against_exercise(tag: Tag, exercise) -> tuple[str, dict] | None:
    text = exercise.article.text
    if not 0 <= tag.start < tag.end <= len(text):
        return "outside-article", {"start": tag.start, "end": tag.end, "length": len(text)}
    if text[tag.start : tag.end] != tag.quote:
        return "orphan", {
            "quote": tag.quote,
            "there": text[tag.start : tag.end],
            "line": exercise.article.line_of(tag.start),
        }
    spec = exercise.labels.get(tag.label)
    if spec is None:
        return "unknown-label", {"label": tag.label, "labels": list(exercise.labels)}
    for name, value in tag.attrs.items():
        allowed = spec.attrs.get(name)
        if allowed is None:
            return "unknown-attribute", {"label": tag.label, "name": name}
        if allowed != FREE_TEXT and value not in (None, "") and value not in allowed:
            return "bad-attribute-value", {"value": value, "label": tag.label, "name": name, "allowed": list(allowed)}
    return None


def for_check(handin: HandIn, exercise) -> HandIn:
    """The hand-in as Check may use it: refused when it is for another exercise or article, and every
    tag held to the same rules as a file's (a bad one is left out with a finding).

    `load_handin(path)` without an exercise, or a HandIn built in Python, has not been through them;
    one that has passes through unchanged (its tags are looked at, not copied)."""
    whole = getattr(exercise, "whole", None) or exercise
    _same_exercise(handin, whole)
    if handin._read_for == _reading(handin, whole):
        return handin  # read from its file against this exercise, and its list of tags not changed since
    sources, seen = set(), set()
    for tag in handin.tags:
        if type(tag) is not Tag or _tag_problem(vars(tag)) or tag.id in seen or _against_exercise(tag, whole):
            break
        seen.add(tag.id)
        if tag.label == "source":
            sources.add(tag.id)
    else:
        if all(ref in sources for tag in handin.tags for ref in tag.source_ids):
            return handin
    tags, findings = _sort_tags([vars(t) if isinstance(t, Tag) else t for t in handin.tags], whole)
    return replace(handin, tags=tags, findings=[*handin.findings, *findings])


def _reading(handin: HandIn, exercise) -> tuple:
    """What a hand-in was read against: the exercise, and the very tag objects that passed (a tag put in
    or taken out of the list afterwards is noticed; a tag changed in place is the changer's to check)."""
    return (id(getattr(exercise, "whole", None) or exercise), tuple(map(id, handin.tags)))


def load_handin(path: str | Path, exercise=None) -> HandIn:
    """Read a hand-in file; refuse it whole or report bad tags as findings.

    The file is UTF-8, which cannot hold a lone surrogate: only a JSON escape (`\\udc00`) makes one, so a
    text without such an escape needs no search for one."""
    name = str(path)
    try:
        data = read_bytes(path, HANDIN)
        zipped = data.startswith(ZIP_SIGNATURE)
        text = "" if zipped else decode_utf8(data, name, HANDIN)
    except InputError as err:
        if err.code not in WORDED_FILE_CHECKS:
            raise
        raise refusal(err.code, name, err.place, **err.message_args) from None
    if zipped:
        raise refusal("zip", name, "")
    surrogates = "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None
    return parse_handin(read_json(text, name), name, exercise, surrogates)
