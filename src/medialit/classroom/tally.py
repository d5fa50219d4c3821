"""A class's checked hand-ins boiled down to what a teacher reads: the class summary, `medialit.class/1`.

`src/js/classroom/tally.js` is this module step for step, so the class-report page in the book gives
the same numbers as `medialit report`: a test runs both on the sample class and compares the
summaries. Every number in a summary is a whole count; a share is made only where it is shown.

One student's check comes in as an outcome (`outcome`): the key items some tag met, the tags, the
scores and the misconceptions, which is the same from a whole Report and from the items a tag met
(`Comparison.item_results(missed=False)`), so thousands of hand-ins need not make whole Reports.
An outcome is made in a helper process and sent to the tally, so its two long parts are compact:
the key items met as lists of ids per verdict, and the tags' spans as one array of numbers (tally.js,
in one process, keeps them as lists of pairs and triples).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..core.contract import CLASS_FORMAT, MISCONCEPTIONS
from ..core.errors import visible
from ..core.messages import Message, Renderer, why_message
from ..core.report import Checked

# Python's str.strip() white space, written out so that tally.js strips the very same characters.
SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_EDGE_SPACE = re.compile(f"^[{SPACE}]+|[{SPACE}]+$")
# the code of a folder whose listing broke off (class_report, class_summary.js): listed with the files left out, but
# its files listed before the break are in the report, so it is counted as read in part, not as left out (tables)
PARTLY_READ = "partly-read"


KINDS = [rule["kind"] for rule in MISCONCEPTIONS]
_WORDS = Renderer({}, "teacher")


def _teacher_words(message: Message) -> dict[str, str]:
    """A message of the class report's own in the teacher's words: its sentence and its fix."""
    return {"problem": _WORDS.render(message), "fix": _WORDS.render(message, "fix")}


def strip(text: str) -> str:
    return _EDGE_SPACE.sub("", text)


def _kinds_by(field: str) -> dict[str, list[str]]:
    """The rules on one field of a result as a lookup: a value the field may have (a verdict, a finding's
    code) -> the kinds of misconception it shows, in the order of the rules."""
    by: dict[str, list[str]] = {}
    for rule in MISCONCEPTIONS:
        for value in rule.get(field, ()):
            by.setdefault(value, []).append(rule["kind"])
    return by


_BY_ITEM_VERDICT, _BY_ATTRIBUTION = _kinds_by("item_verdict"), _kinds_by("attribution")
_BY_TAG_VERDICT, _BY_FINDING = _kinds_by("tag_verdict"), _kinds_by("finding")


def _kinds_by_attr() -> dict[str, list[tuple[str, str]]]:
    """The `item_attr` rules as a lookup: an attribute's name -> (kind, the value the key expects)."""
    by: dict[str, list[tuple[str, str]]] = {}
    for rule in MISCONCEPTIONS:
        if "item_attr" in rule:
            name, expected = rule["item_attr"]
            by.setdefault(name, []).append((rule["kind"], expected))
    return by


_BY_ITEM_ATTR = _kinds_by_attr()
_RULE_ORDER = {kind: n for n, kind in enumerate(KINDS)}


def kinds_of_item(item) -> list[str]:
    """The misconceptions one key item's result shows (see `misconceptions` in contract.json), in the
    order of the rules there, each once."""
    found = set(_BY_ITEM_VERDICT.get(item.verdict, ()))
    for name, attr in item.attrs.items():
        if attr.verdict == "wrong":
            found.update(kind for kind, expected in _BY_ITEM_ATTR.get(name, ()) if attr.expected[0] == expected)
    if item.attribution is not None and item.attribution.expected:
        found.update(_BY_ATTRIBUTION.get(item.attribution.verdict, ()))
    return sorted(found, key=_RULE_ORDER.__getitem__) if found else []


def kinds_of_tag(tag) -> list[str]:
    """The misconceptions one of the student's tags shows, in the order of the rules, each once."""
    found = set(_BY_TAG_VERDICT.get(tag.verdict, ()))
    for finding in tag.findings:
        found.update(_BY_FINDING.get(finding.code, ()))
    return sorted(found, key=_RULE_ORDER.__getitem__) if found else []


def tag_place(start: int, end: int) -> str:
    """The name of a place in the article that is not a key item or a trap: a student's tag's span."""
    return f"@{start}-{end}"


def outcome(items, tags, scores, labels, notes: dict[str, str]) -> dict:
    """What the class report keeps of one student's check: the items some tag met (their ids per verdict),
    found and asked per label, the misconceptions (kind and key item), every tag's span for the heat
    map (label's place in `labels`, start, end: three numbers a tag), and the notes on those tags
    (`notes`: tag id -> note). `items` may hold missed items or not."""
    met: dict[str, list[str]] = {}
    for i in items:
        if i.verdict != "missed":
            met.setdefault(i.verdict, []).append(i.key_id)
    label_index = {label: n for n, label in enumerate(labels)}
    codes = [(kind, i.key_id) for i in items if i.verdict != "missed" for kind in kinds_of_item(i)]
    tag_kinds = [(t, kinds_of_tag(t)) for t in tags]
    codes += [(kind, t.key_id or tag_place(t.start, t.end)) for t, kinds in tag_kinds for kind in kinds]
    # where a mistake on a tag the key has no item for was made: the tag's own words
    spans = {tag_place(t.start, t.end): (t.line, t.start, t.quote) for t, kinds in tag_kinds if not t.key_id and kinds}
    return {
        "tags": len(tags),
        "on_key": sum(scores[label].tagged_in_key for label in labels),
        "found": {label: scores[label].found for label in labels},
        "asked": {label: scores[label].required for label in labels},
        "items": met,
        "codes": codes,
        "spans": sorted(spans.items()),
        "heat": array("q", [n for t in tags for n in (label_index[t.label], t.start, t.end)]),
        "notes": [(t.line, t.label, t.quote, notes[t.tag_id]) for t in tags if notes.get(t.tag_id)],
    }


@dataclass(frozen=True)
class Scope(Checked):
    """What the class report measures: one exercise, restricted to some labels and lines (a chapter's)."""

    title: str
    key: tuple[dict, ...]  # the key items in scope: key_id, label, line, quote, optional, why
    distractors: tuple[dict, ...]  # the traps in scope: key_id, line, quote, why
    tokens: int  # how many tokens the article has (the heat map's length)
    chapter: dict | None = None  # {"name", "title"} of the chapter whose Tagger set the labels and lines

    @classmethod
    def of(cls, exercise, difficulty: str | None = None, chapter: dict | None = None) -> Scope:
        """The scope of an exercise, restricted already (`exercise.restricted(labels, lines)`); each key
        item's reason in a teacher's words."""
        words = Renderer(exercise.labels, "teacher")
        return cls(
            **Checked.fields_of(exercise, difficulty),
            title=exercise.title,
            key=tuple(
                {
                    "key_id": k.id,
                    "label": k.label,
                    "line": k.line,
                    "quote": k.quote,
                    "optional": k.optional,
                    "why": words.render(why_message(k)),
                }
                for k in exercise.key
            ),
            distractors=tuple(
                {"key_id": d.id, "line": d.line, "quote": d.quote, "why": d.why} for d in exercise.distractors
            ),
            tokens=len(exercise.article.tokens),
            chapter=chapter,
        )


def by_start(entry: dict) -> tuple:
    """The order hand-ins are named in: by their start time (`created`; the Tagger writes it in UTC,
    `2026-11-25T09:00:00Z`, whose text order is its time order), oldest first, one without a start time
    last; then by file, then by place among the files."""
    return (not entry["created"], entry["created"], entry["file"], entry["n"])


class Tally:
    """The class summary, gathered one student at a time (files in the order they were read)."""

    def __init__(self, scope: Scope, token_edges: tuple[np.ndarray, np.ndarray]):
        self.scope = scope
        self.token_starts, self.token_ends = token_edges
        self.students: list[dict] = []
        self.used: set[str] = set()
        # verdict -> key item -> how many students' tags met it so (counted-elsewhere: a tag on it counted for
        # another mention of its source, so it is neither found nor missed)
        self.verdicts = {verdict: Counter() for verdict in ("hit", "boundary", "wrong-label", "counted-elsewhere")}
        self.kinds = {rule["kind"]: {"students": 0, "times": 0, "places": {}} for rule in MISCONCEPTIONS}
        self.spans: dict[str, tuple[int, int, str]] = {}  # a tag's place -> line, start, quote
        self.heat_rows = array("q")  # (label, start, end) of every tag, flat, student after student
        self.heat_tags = array("q")  # how many of those rows each student has
        self.skipped: list[dict] = []
        self.waiting: list[dict | None] = []  # the hand-ins to count, in file order (None: replaced by a newer copy)
        self.copies: dict[tuple[str, str], int] = {}  # (name, created) -> its hand-in's place in `waiting`
        self.older: list[tuple[int, str, tuple[str, str]]] = []  # older copies left out: n, file, (name, created)
        self.same_names: list[dict] = []
        self.orphans: list[dict] = []
        self.notes: list[dict] = []
        self.answers: list[dict] = []

    def skip(self, file: str, code: str, place: str, problem: str, fix: str) -> None:
        self.skipped.append({"file": visible(file), "code": code, "place": place, "problem": problem, "fix": fix})

    def pseudonym(self, student: str, n: int) -> str:
        """The hand-in's pseudonym (`student-NNN` by its place among the files when it has none, never its
        file name, which is often a real name); one used twice gets " (2)", " (3)" ..."""
        base = strip(student) or f"student-{n:03d}"
        name, again = base, 1
        while name in self.used:
            again += 1
            name = f"{base} ({again})"
        self.used.add(name)
        return name

    def add(
        self,
        student: str,
        n: int,
        file: str,
        got: dict,
        orphans: list[dict],
        answers: list[dict],
        created: str = "",
        updated: str = "",
    ) -> None:
        """One student's outcome (`outcome`), the tags left out of their hand-in and their written answers.

        It is held until the summary, because a later file may be a newer copy of the same work: the same
        name and the same `created` time (the Tagger sets it once, when the student starts). Of two copies
        the one with the later `updated` counts (a tie: the later file), so a student who hands in twice
        counts once."""
        base = strip(student)
        key = (base, created) if base and created else None
        kept = self.copies.get(key) if key else None
        if kept is not None and updated < self.waiting[kept]["updated"]:
            self.older.append((n, visible(file), key))  # this file is the older copy
            return
        if kept is not None:
            self.older.append((self.waiting[kept]["n"], self.waiting[kept]["file"], key))
            self.waiting[kept] = None
        if key:
            self.copies[key] = len(self.waiting)
        self.waiting.append(
            {"student": student, "n": n, "file": visible(file), "created": created, "updated": updated, "got": got}
            | {"orphans": orphans, "answers": answers}
        )

    def _count_all(self) -> None:
        """Name the hand-ins held by `add`, oldest start first (`by_start`), so that of two hand-ins with
        one name the one started first keeps it bare, whatever order the files were read in; count them,
        in the order their files were read, once; then list the older copies left out and the names that
        more than one student's hand-in uses."""
        waiting, self.waiting = self.waiting, []
        kept = [entry for entry in waiting if entry is not None]
        by_age = sorted(kept, key=by_start)
        for entry in by_age:
            entry["name"] = self.pseudonym(entry["student"], entry["n"])
        for entry in kept:
            self._count(entry)
        for _, file, key in sorted(self.older, key=lambda older: older[0]):
            newer = waiting[self.copies[key]]["file"]
            self._skip_message(file, Message("class-older-copy", {"student": key[0], "newer": newer}))
        self.older = []
        by_name: dict[str, list[dict]] = {}
        for entry in by_age:
            if strip(entry["student"]):
                by_name.setdefault(strip(entry["student"]), []).append(entry)
        for base, entries in by_name.items():
            if len(entries) > 1:
                self._same_name(base, entries)

    def _skip_message(self, file: str, message: Message) -> None:
        """A file left out for a reason of the class report's own (not a problem in the file itself)."""
        self.skipped.append(
            {"file": file, "code": message.code.removeprefix("class-"), "place": "", **_teacher_words(message)}
        )

    def _same_name(self, base: str, entries: list[dict]) -> None:
        """Hand-ins that share a name but were started at different times: perhaps two students chose the
        same name, perhaps one student started again. Both count; the teacher is asked to check."""
        message = Message(
            "class-same-name",
            {"count": len(entries), "student": base, "counted": [[e["name"], e["file"]] for e in entries]},
        )
        self.same_names.append({"student": base, "code": "same-name", "place": "", **_teacher_words(message)})

    def _count(self, entry: dict) -> None:
        """One named hand-in into the class's counts."""
        name = entry["name"]
        got, orphans, answers = entry["got"], entry["orphans"], entry["answers"]
        index = len(self.students)
        mine = {}
        for kind, place in got["codes"]:
            mine[kind] = mine.get(kind, 0) + 1
            self.kinds[kind]["places"].setdefault(place, set()).add(index)
        for place, (line, start, quote) in got["spans"]:
            self.spans.setdefault(place, (line, start, quote))
        for kind, times in mine.items():
            self.kinds[kind]["students"] += 1
            self.kinds[kind]["times"] += times
        for verdict, key_ids in got["items"].items():
            self.verdicts[verdict].update(key_ids)
        self.heat_rows.extend(got["heat"])
        self.heat_tags.append(len(got["heat"]) // 3)
        self.orphans.extend({"student": name, **o} for o in orphans)
        self.notes.extend(
            {"student": name, "line": line, "label": label, "quote": quote, "note": note}
            for line, label, quote, note in got["notes"]
        )
        self.answers.extend({"student": name, **a} for a in answers)
        self.students.append(
            {
                "student": name,
                "file": entry["file"],
                "tags": got["tags"],
                "on_key": got["on_key"],
                "found": dict(got["found"]),
                "asked": dict(got["asked"]),
                "misconceptions": {rule["kind"]: mine.get(rule["kind"], 0) for rule in MISCONCEPTIONS},
                "orphans": len(orphans),
                "notes": len(got["notes"]),
                "answers": len(answers),
            }
        )

    def summary(self) -> dict:
        """The class summary: each student's hand-in counted once."""
        self._count_all()
        scope, n = self.scope, len(self.students)
        items = []
        hit, boundary, wrong_label, elsewhere = (
            self.verdicts[v] for v in ("hit", "boundary", "wrong-label", "counted-elsewhere")
        )
        for k in scope.key:
            key_id = k["key_id"]
            missed = n - hit[key_id] - boundary[key_id] - wrong_label[key_id] - elsewhere[key_id]
            items.append(
                {
                    **k,
                    "hit": hit[key_id],
                    "boundary": boundary[key_id],
                    "wrong_label": wrong_label[key_id],
                    "missed": missed,
                    "counted_elsewhere": elsewhere[key_id],
                }
            )
        return {
            "format": CLASS_FORMAT,
            **Checked.to_json(scope),
            "title": scope.title,
            "chapter": scope.chapter,
            "students": sorted(self.students, key=lambda s: s["student"]),
            "items": items,
            "misconceptions": self._misconceptions(),
            "heat": self._heat(),
            "skipped": self.skipped,
            "same_names": self.same_names,
            "orphans": self.orphans,
            "notes": self.notes,
            "answers": sorted(self.answers, key=lambda a: (a["id"], a["student"])),
        }

    def _misconceptions(self) -> list[dict]:
        """Per kind: how many students, how many times, and where (key items, traps and the words of tags
        the key has no item for; most students first)."""
        key, traps = self.scope.key, self.scope.distractors
        where = {item["key_id"]: (n, item) for n, item in enumerate([*key, *traps])}
        after = len(where)  # the students' own spans come after the key's on the same line, by where they start
        where.update(
            (place, (after + start, {"key_id": None, "line": line, "quote": quote, "why": ""}))
            for place, (line, start, quote) in self.spans.items()
        )
        out = []
        for rule in MISCONCEPTIONS:
            kind = self.kinds[rule["kind"]]
            places = sorted(
                ((len(who), where[key_id]) for key_id, who in kind["places"].items()),
                key=lambda p: (-p[0], p[1][1]["line"], p[1][0]),
            )
            out.append(
                {
                    "kind": rule["kind"],
                    "students": kind["students"],
                    "times": kind["times"],
                    "places": [
                        {
                            "key_id": item["key_id"],
                            "line": item["line"],
                            "quote": item["quote"],
                            "why": item["why"],
                            "students": count,
                        }
                        for count, (_, item) in places
                    ],
                }
            )
        return out

    def _heat(self) -> dict[str, list[int]]:
        """Per label, how many students' tags cover each token of the article.

        A student counts once per token however many of their tags cover it, so each student's tags of
        one label are first merged into runs that do not overlap; then the whole class's runs are counted
        at once, on arrays of all the class's tags."""
        labels = list(self.scope.labels)
        width = self.scope.tokens + 1  # token positions 0..tokens, one block of them per (student, label)
        counts = np.zeros(len(labels) * width, dtype=np.int64)
        if self.heat_rows:
            label, starts, ends = np.frombuffer(self.heat_rows, dtype=np.int64).reshape(-1, 3).T
            student = np.repeat(np.arange(len(self.heat_tags)), np.frombuffer(self.heat_tags, dtype=np.int64))
            group = student * len(labels) + label
            first = np.searchsorted(self.token_ends, starts, side="right")
            last = np.searchsorted(self.token_starts, ends, side="left")
            run_start, run_end = _merged_runs(group * width + first, group * width + last)
            block = run_start // width
            label_of = block % len(labels)
            np.add.at(counts, label_of * width + run_start - block * width, 1)
            np.add.at(counts, label_of * width + run_end - block * width, -1)
        covered = counts.reshape(len(labels), width).cumsum(axis=1)[:, :-1]
        return {label: covered[k].tolist() for k, label in enumerate(labels)}


def _merged_runs(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The union of the half-open intervals [starts, ends) as disjoint runs, in order (empty ones dropped)."""
    keep = ends > starts
    order = np.argsort(starts[keep], kind="stable")
    starts, ends = starts[keep][order], ends[keep][order]
    if not len(starts):
        return starts, ends
    reach = np.maximum.accumulate(ends)
    opens = np.r_[True, starts[1:] > reach[:-1]]
    closes = np.r_[opens[1:], True]
    return starts[opens], reach[closes]
