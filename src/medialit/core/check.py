"""Check a hand-in against an exercise's key and explain every difference.

The rules are written out in the instructors' formats page; `static/check.js` follows the same
rules and must give the same Report on every case in tests/vectors/.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.optimize import linear_sum_assignment

from .handin import HandIn, Tag
from .exercise import Exercise, KeyItem
from .labels import FREE_TEXT

REPORT_FORMAT = "medialit.report/1"
OVER_TAGGING_RATIO = 3


def _r(x: float) -> float:
    return round(float(x), 4)


def jaccard(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """The overlap rule for one pair of spans; `_neighbourhoods` applies it to all pairs at once."""
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    return inter / (max(a_end, b_end) - min(a_start, b_start))


def assign(tags: list[Tag], items: list[KeyItem], near: dict[str, dict[str, float]]) -> dict[int, int]:
    """One-to-one matching (tag index -> item index) that maximises summed overlap.

    `near[tag.id]` maps the ids of the items a tag shares at least one code point with to their overlap.
    """
    if not tags or not items:
        return {}
    column = {item.id: k for k, item in enumerate(items)}
    pairs = [(t, column[item_id], w) for t, tag in enumerate(tags)
             for item_id, ov in near[tag.id].items() if item_id in column and (w := round(ov, 6)) > 0]
    rows_used, cols_used = {t for t, _, _ in pairs}, {k for _, k, _ in pairs}
    if len(rows_used) == len(cols_used) == len(pairs):  # no tag or item has a rival: nothing to choose
        return {t: k for t, k, _ in pairs}
    weights = np.zeros((len(tags), len(items)))
    for t, k, w in pairs:
        weights[t, k] = w
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return {int(t): int(k) for t, k in zip(rows, cols) if weights[t, k] > 0}


def _neighbourhoods(tags: list[Tag], exercise: Exercise) -> dict[str, dict[str, float]]:
    """For each tag, the key items (any label) it shares a code point with, and its overlap with each.

    Matching, wrong-label pairing and the notices all need this, so it is worked out once for all
    tags: each tag is paired only with the spans that start in a window before its end (spans are
    sorted by start), and the Jaccard index of every such pair is computed in one array step.
    """
    near: dict[str, dict[str, float]] = {tag.id: {} for tag in tags}
    starts, ends, owners, longest = exercise.span_table
    if not tags or not len(starts):
        return near
    tag_starts = np.fromiter((t.start for t in tags), np.int64, len(tags))
    tag_ends = np.fromiter((t.end for t in tags), np.int64, len(tags))
    first = np.searchsorted(starts, tag_starts - longest)
    counts = np.searchsorted(starts, tag_ends) - first
    tag_at = np.repeat(np.arange(len(tags)), counts)
    span_at = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts - first, counts)
    a0, a1, b0, b1 = tag_starts[tag_at], tag_ends[tag_at], starts[span_at], ends[span_at]
    inter = np.minimum(a1, b1) - np.maximum(a0, b0)
    touching = inter > 0
    index = inter[touching] / (np.maximum(a1, b1) - np.minimum(a0, b0))[touching]
    items = exercise.key_in_labels
    for t, k, ov in zip(tag_at[touching].tolist(), owners[span_at[touching]].tolist(), index.tolist()):
        mine = near[tags[t].id]
        item_id = items[k].id
        if ov > mine.get(item_id, 0.0):
            mine[item_id] = ov
    return near


@dataclass
class Report:
    """What Check returns: verdicts per key item and per tag, scores and notices (`medialit.report/1`)."""

    data: dict

    def to_json(self) -> dict:
        return self.data

    @property
    def scores(self) -> dict:
        return self.data["scores"]

    @property
    def items(self) -> list[dict]:
        return self.data["items"]

    @property
    def tags(self) -> list[dict]:
        return self.data["tags"]

    def to_frame(self, kind: str = "items"):
        """A pandas DataFrame of the item verdicts (`kind="items"`), tag verdicts ("tags") or scores."""
        import pandas as pd

        if kind == "scores":
            return pd.DataFrame.from_dict(self.data["scores"], orient="index")
        rows = self.data[kind]
        columns = (["key_id", "label", "line", "quote", "verdict", "optional", "overlap", "tag_id", "message"]
                   if kind == "items" else ["tag_id", "label", "quote", "verdict", "key_id", "overlap", "message"])
        return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)


@lru_cache(maxsize=8192)
def _expected_attrs(item: KeyItem, exercise: Exercise) -> tuple[tuple[str, bool, tuple], ...]:
    """(name, is free text, accepted values) of each attribute the key gives an item, made once."""
    spec = exercise.labels[item.label]
    return tuple((name, spec.attrs.get(name) == FREE_TEXT, tuple(v if isinstance(v, list) else [v]))
                 for name, v in item.attrs.items())


def _attr_verdicts(tag: Tag, item: KeyItem, exercise: Exercise, challenge: bool) -> dict:
    verdicts = {}
    for name, free, expected in _expected_attrs(item, exercise):
        given = tag.attrs.get(name) or None
        if free:
            verdict = "free"
        elif given is None:
            if not challenge:
                continue
            verdict = "unset"
        else:
            verdict = "right" if given in expected else "wrong"
        verdicts[name] = {"expected": list(expected), "given": given, "verdict": verdict}
    return verdicts


def _entity(item: KeyItem) -> str:
    return item.entity or item.id


@lru_cache(maxsize=8192)
def _expected_entities(item: KeyItem, exercise: Exercise) -> list[str]:
    return sorted({_entity(exercise.item(i)) for i in item.source_ids})


def _attribution(tag: Tag, item: KeyItem, tag_to_item: dict[str, KeyItem], exercise: Exercise,
                 challenge: bool) -> dict | None:
    if item.label != "claim" or item.source_ids is None or "source" not in exercise.labels:
        return None
    expected = _expected_entities(item, exercise)
    given = sorted({_entity(tag_to_item[s]) if s in tag_to_item else f"tag:{s}" for s in tag.source_ids})
    if not tag.source_ids and expected:
        if not challenge:
            return None
        verdict = "unset"
    elif set(given) == set(expected):
        verdict = "right"
    elif set(given) & set(expected):
        verdict = "partial"
    else:
        verdict = "wrong"
    return {"expected": expected, "given": given, "verdict": verdict}


def _quote(text: str, limit: int = 60) -> str:
    return f"“{text}”" if len(text) <= limit else f"“{text[:limit - 1]}…”"


@lru_cache(maxsize=8192)
def _missed_entry(item: KeyItem, exercise: Exercise) -> dict:
    """The entry for an item nobody tagged depends on the key alone, so it is made once (and copied)."""
    entry = {"key_id": item.id, "label": item.label, "line": item.line, "start": item.start, "end": item.end,
             "quote": item.quote, "optional": item.optional, "verdict": "missed", "tag_id": None,
             "overlap": 0.0, "attrs": {}, "attribution": None, "why": item.why, "hints": list(item.hints)}
    entry["message"] = _item_message(entry, item, exercise, None)
    return entry


@lru_cache(maxsize=8192)
def _found_text(item: KeyItem) -> str:
    return f"Found: {_quote(item.quote)} (L{item.line}). {item.why}"


def _item_message(entry: dict, item: KeyItem, exercise: Exercise, tag: Tag | None) -> str:
    verdict, title = entry["verdict"], exercise.labels[item.label].title.lower()
    where = f"L{item.line}"
    if verdict == "hit":
        text = _found_text(item)
    elif verdict == "boundary":
        size = "longer" if tag.end - tag.start > item.end - item.start else "shorter"
        text = (f"Close: your tag {_quote(tag.quote)} overlaps the {title} item on {where}, but it is {size} "
                f"than the key's {_quote(item.quote)}. {item.why}")
    elif verdict == "wrong-label":
        text = (f"You tagged {_quote(tag.quote)} ({where}) as {exercise.labels[tag.label].title.lower()}; "
                f"the key has it as a {title} item. {item.why}")
    elif item.optional:
        text = f"Optional ({where}): some readers would tag {_quote(item.quote)} as {title}. {item.why}"
    else:
        hint = f" Hint: {item.hints[0]}" if item.hints else ""
        text = f"Not found yet: a {title} item on {where}.{hint}"
    for name, v in entry["attrs"].items():
        if v["verdict"] == "wrong":
            text += f" {name.capitalize()}: you chose {v['given']}; the key has {' or '.join(v['expected'])}."
        elif v["verdict"] == "unset":
            text += f" {name.capitalize()}: not set yet."
    attribution = entry["attribution"]
    if attribution and attribution["verdict"] != "right":
        names = [exercise.item(i).quote for i in item.source_ids or []]
        if not names:
            text += " Attributed to: the article gives no source for this claim."
        elif attribution["verdict"] == "unset":
            text += " Attributed to: who says this? Link the claim to its source."
        else:
            text += f" Attributed to: the key links this claim to {', '.join(map(_quote, names))}."
    return text.strip()


def _tag_message(entry: dict, tag: Tag, exercise: Exercise, line: int, linked) -> str:
    verdict, title = entry["verdict"], exercise.labels[tag.label].title.lower()
    if verdict == "matched":
        return f"Matches the key's {title} item on L{linked.line}."
    if verdict == "defensible":
        return f"Defensible: the key lists {_quote(linked.quote)} (L{linked.line}) as an optional {title} item. {linked.why}"
    if verdict == "wrong-label":
        return (f"On L{linked.line} the key has this as a {exercise.labels[linked.label].title.lower()} item, "
                f"not a {title} item.")
    if verdict == "distractor":
        return f"{_quote(tag.quote)} (L{line}) is usually not tagged as {title}. {linked.why}"
    return f"{_quote(tag.quote)} (L{line}) is not in the key as a {title} item. {exercise.labels[tag.label].help}"


def _score(credit: float, tags: int, required: int) -> dict:
    if tags == 0 and required == 0:
        precision = recall = f1 = 1.0
    else:
        precision = credit / tags if tags else 0.0
        recall = credit / required if required else 0.0
        precision, recall = min(precision, 1.0), min(recall, 1.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": _r(precision), "recall": _r(recall), "f1": _r(f1), "credit": _r(credit),
            "tags": tags, "required": required}


def check(handin: HandIn, exercise: Exercise, labels: list[str] | None = None,
          difficulty: str | None = None, lines: tuple[int, int] | None = None) -> Report:
    """Compare a hand-in with the key; returns a Report (see the formats page for every rule).

    With `lines` (or an exercise restricted to some lines), only that part of the article is
    checked: tags elsewhere are left out of the Report, not counted as extras."""
    exercise = exercise.restricted(labels, lines)
    difficulty = difficulty or exercise.difficulty
    challenge = difficulty == "challenge"
    article = exercise.article
    tags = [t for t in handin.tags if t.label in exercise.labels and exercise.covers(t.start, t.end)]
    near = _neighbourhoods(tags, exercise)
    matches: dict[str, KeyItem] = {}
    overlaps: dict[str, float] = {}
    for label in exercise.labels:
        own_tags = [t for t in tags if t.label == label]
        own_items = exercise.items_of(label)
        for t, k in assign(own_tags, own_items, near).items():
            matches[own_tags[t].id] = own_items[k]
            overlaps[own_tags[t].id] = near[own_tags[t].id][own_items[k].id]
    matched_by_item = {item.id: tag_id for tag_id, item in matches.items()}
    tags_by_id = {t.id: t for t in tags}

    wrong_label = _wrong_label_pairs(tags, near, matches, matched_by_item, exercise)

    items_out = []
    for item in exercise.key:
        if item.id in matched_by_item:
            tag = tags_by_id[matched_by_item[item.id]]
            ov = overlaps[tag.id]
            verdict = "hit" if ov >= exercise.tolerance else "boundary"
        elif item.id in wrong_label:
            tag = wrong_label[item.id]
            ov, verdict = near[tag.id][item.id], "wrong-label"
        else:
            items_out.append(dict(_missed_entry(item, exercise), hints=list(item.hints)))
            continue
        matched = verdict != "wrong-label"
        entry = {"key_id": item.id, "label": item.label, "line": item.line, "start": item.start, "end": item.end,
                 "quote": item.quote, "optional": item.optional, "verdict": verdict, "tag_id": tag.id,
                 "overlap": _r(ov), "attrs": _attr_verdicts(tag, item, exercise, challenge) if matched else {},
                 "attribution": _attribution(tag, item, matches, exercise, challenge) if matched else None,
                 "why": item.why, "hints": list(item.hints)}
        entry["message"] = _item_message(entry, item, exercise, tag)
        items_out.append(entry)

    wrong_label_tags = {t.id: item_id for item_id, t in wrong_label.items()}
    tags_out, notices = [], []
    for tag in tags:
        line = article.line_of(tag.start)
        linked = matches.get(tag.id)
        if linked is not None:
            verdict = "defensible" if linked.optional else "matched"
        elif tag.id in wrong_label_tags:
            linked, verdict = exercise.item(wrong_label_tags[tag.id]), "wrong-label"
            overlaps[tag.id] = near[tag.id][linked.id]
        else:
            linked = next((d for d in exercise.distractors if tag.label in d.labels
                           and tag.start < d.end and d.start < tag.end), None)
            verdict = "distractor" if linked is not None else "extra"
        entry = {"tag_id": tag.id, "label": tag.label, "start": tag.start, "end": tag.end, "quote": tag.quote,
                 "verdict": verdict, "key_id": linked.id if linked is not None else None,
                 "overlap": _r(overlaps.get(tag.id, 0.0))}
        entry["message"] = _tag_message(entry, tag, exercise, line, linked)
        tags_out.append(entry)
        notices.extend(_notices(tag, line, matches.get(tag.id), near[tag.id], exercise))

    scores = _scores(exercise, items_out, tags_out)
    orphans = [{"tag_id": f.place, "message": str(f)} for f in handin.findings]
    return Report({"format": REPORT_FORMAT, "exercise": exercise.id, "article_sha256": article.sha256,
                   "difficulty": difficulty, "labels": list(exercise.labels),
                   "lines": list(exercise.lines) if exercise.lines else None, "items": items_out,
                   "tags": tags_out, "scores": scores, "notices": notices, "orphans": orphans})


def _scores(exercise: Exercise, items_out: list[dict], tags_out: list[dict]) -> dict:
    """Per-label precision, recall and F1 with partial credit, attribute counts, and the sum over labels."""
    counts = {label: {"credit": 0.0, "tags": 0, "required": 0, "attrs_right": 0, "attrs_asked": 0}
              for label in exercise.labels}
    for entry in tags_out:
        if entry["verdict"] != "defensible":
            counts[entry["label"]]["tags"] += 1
    for entry in items_out:
        c = counts[entry["label"]]
        if not entry["optional"]:
            c["required"] += 1
            if entry["verdict"] == "hit":
                c["credit"] += 1.0
            elif entry["verdict"] == "boundary":
                c["credit"] += entry["overlap"]
        for v in entry["attrs"].values():
            if v["verdict"] != "free":
                c["attrs_asked"] += 1
                c["attrs_right"] += v["verdict"] == "right"
    scores = {}
    totals = {"credit": 0.0, "tags": 0, "required": 0, "attrs_right": 0, "attrs_asked": 0}
    for label, c in counts.items():
        scores[label] = {**_score(c["credit"], c["tags"], c["required"]),
                         "attrs_right": c["attrs_right"], "attrs_asked": c["attrs_asked"]}
        for name in totals:
            totals[name] += scores[label][name]
    scores["all"] = {**_score(totals["credit"], totals["tags"], totals["required"]),
                     "attrs_right": totals["attrs_right"], "attrs_asked": totals["attrs_asked"]}
    return scores


def _wrong_label_pairs(tags: list[Tag], near: dict[str, dict[str, float]], matches: dict[str, KeyItem],
                       matched_by_item: dict[str, str], exercise: Exercise) -> dict[str, Tag]:
    """Required items nobody matched, paired with an unmatched tag of another label on nearly the same words.

    Items are served in key order; each takes the earliest tag with the highest overlap not yet taken.
    """
    candidates: dict[str, list[tuple[int, float, Tag]]] = {}
    for order, tag in enumerate(tags):
        if tag.id in matches:
            continue
        for item_id, ov in near[tag.id].items():
            item = exercise.item(item_id)
            if item.label == tag.label or item.optional or item_id in matched_by_item:
                continue
            if ov >= exercise.tolerance:
                candidates.setdefault(item_id, []).append((order, ov, tag))
    pairs: dict[str, Tag] = {}
    taken: set[str] = set()
    for item in exercise.key:
        free = [c for c in candidates.get(item.id, []) if c[2].id not in taken]
        if free:
            best = max(free, key=lambda c: (c[1], -c[0]))[2]
            pairs[item.id] = best
            taken.add(best.id)
    return pairs


def _notices(tag: Tag, line: int, item: KeyItem | None, near: dict[str, float], exercise: Exercise) -> list[dict]:
    sentences = exercise.article.sentence_count(tag.start, tag.end)
    long = sentences > 1 or (item is not None and tag.end - tag.start >= OVER_TAGGING_RATIO * (item.end - item.start))
    covered = sum(k.label == tag.label and not k.optional and tag.start < k.end and k.start < tag.end
                  for k in map(exercise.item, near)) if len(near) > 1 else 0
    if not long and covered < 2:
        return []
    title = exercise.labels[tag.label].title.lower()
    found = []
    if long:
        what = "more than one sentence" if sentences > 1 else "much more than the words that do the work"
        found.append({"kind": "over-tagging", "tag_id": tag.id,
                      "message": f"Your {title} tag on L{line} covers {what}. Tag the exact words: "
                                 "long tags lower your precision."})
    if covered > 1:
        found.append({"kind": "one-tag-many-items", "tag_id": tag.id,
                      "message": f"Your {title} tag on L{line} covers {covered} key items. "
                                 "Tag each one separately."})
    return found
