"""Check a hand-in against an exercise's key: verdict codes, overlaps, findings and scores. Data only.

The rules are written out in the instructors' formats page. `src/js/core/check.js` is this module
step for step in JavaScript; the shared vectors in tests/vectors/ hold both to the same Reports.
Sentences are made from a Report by `messages.py`, never here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from .contract import FREE_TEXT, PLAIN_REPORTING_VERBS, SAME_WORDS
from .exercise import Exercise, KeyItem
from .handin import HandIn, Tag, for_check
from .report import AttributionResult, AttrResult, Checked, Finding, ItemResult, Orphan, Report, Score, TagResult
from .voices import SPEAKER, sums_up

REMEMBERED = 1 << 14  # answers of each kind an exercise keeps (meetings, tag results: a few MB at most)


class Meeting(NamedTuple):
    """How a tag meets one key item: the Jaccard index of the best of its spans, and that span.
    (A named tuple: a class of thousands makes a hundred of them per hand-in.)"""

    overlap: float
    start: int
    end: int


def jaccard(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Shared code points over the code points of both spans together; 0 when they do not share one."""
    # (conditional expressions rather than min and max: this runs for every tag and span that meet)
    inter = (a_end if a_end < b_end else b_end) - (a_start if a_start > b_start else b_start)
    if inter <= 0:
        return 0.0
    return inter / ((a_end if a_end > b_end else b_end) - (a_start if a_start < b_start else b_start))


def meetings(tags: list[Tag], exercise: Exercise) -> list[dict[int, Meeting]]:
    """For each tag, the key items (by index in `exercise.key`) it shares a code point with (`meetings_of`).
    A span's meetings depend on the exercise alone, so they are kept with it (`remembered`): a class's
    hand-ins tag the same words again and again. Nobody changes a tag's meetings once made."""
    known = exercise.remembered.setdefault("meetings", {})
    return [_kept(known, (t.start, t.end), lambda t=t: meetings_of(t.start, t.end, exercise)) for t in tags]


def _kept(known: dict, question, answer):
    """`known[question]`, worked out by `answer()` the first time it is asked. The memory is emptied
    when it holds REMEMBERED answers, so it stays small however many hand-ins ask."""
    got = known.get(question)
    if got is None:
        if len(known) >= REMEMBERED:
            known.clear()
        got = known[question] = answer()
    return got


def meetings_of(t_start: int, t_end: int, exercise: Exercise) -> dict[int, Meeting]:
    """The key items (by index in `exercise.key`) the span [t_start, t_end) shares a code point with.

    The key's spans (main and accepted) are sorted by start; a span meets the key's spans that hold its
    first code point and those that start inside it, and no others. Of an item's spans, the first (in
    that order) with the highest overlap counts.
    """
    starts, spans, _ = exercise.span_table
    met: dict[int, Meeting] = {}
    for near in (
        exercise.spans_holding.get(t_start, ()),
        spans[bisect_right(starts, t_start) : bisect_left(starts, t_end)],
    ):
        for start, end, k in near:
            overlap = jaccard(t_start, t_end, start, end)
            if overlap > 0 and (k not in met or overlap > met[k].overlap):
                met[k] = Meeting(overlap, start, end)
    return met


def assign(rows: list[int], cols: list[int], met: list[dict[int, Meeting]]) -> dict[int, int]:
    """One-to-one matching of tags (`rows`) to items (`cols`) that maximises the summed overlap.

    Only tags and items that meet at least once take part, in the order given; where no tag or item
    has a rival, every pair stands as it is.
    """
    wanted = set(cols)
    pairs = [(t, k) for t in rows for k in met[t] if k in wanted]
    tags_used, items_used = {t for t, _ in pairs}, {k for _, k in pairs}
    if len(tags_used) == len(items_used) == len(pairs):
        return dict(pairs)
    row_of = {t: n for n, t in enumerate(t for t in rows if t in tags_used)}
    col_of = {k: n for n, k in enumerate(k for k in cols if k in items_used)}
    weights = np.zeros((len(row_of), len(col_of)))
    for t, k in pairs:
        weights[row_of[t], col_of[k]] = met[t][k].overlap
    tag_at, item_at = list(row_of), list(col_of)
    # imported on the first tie to resolve: scipy takes 0.3 s to import, which commands that never
    # check (and most hand-ins, whose tags each meet one item) need not pay
    from scipy.optimize import linear_sum_assignment

    chosen, picked = linear_sum_assignment(weights, maximize=True)
    return {tag_at[r]: item_at[c] for r, c in zip(chosen.tolist(), picked.tolist()) if weights[r, c] > 0}


@dataclass
class Comparison:
    """How one hand-in's tags meet the key: the one-to-one matching every verdict comes from.

    `check()` turns it into a whole Report; the class report asks it only for the key items a tag
    met (`item_results(missed=False)`), which is all it counts, so a class of thousands is quick."""

    ex: Exercise  # the exercise as restricted to the labels and lines checked
    difficulty: str
    tags: list[Tag]  # the hand-in's tags in those labels and lines, in file order
    met: list[dict[int, Meeting]]
    match: dict[int, int]  # tag index -> item index, one to one within each label
    moved: dict[int, int]  # tag index -> the other mention of its item's source it was on (_other_mentions)
    wrong_label: dict[int, int]  # required item index -> a tag of another label on nearly its words
    orphans: tuple[Orphan, ...]

    @cached_property
    def tag_of_item(self) -> dict[int, int]:
        return {k: t for t, k in self.match.items()}

    @cached_property
    def item_verdicts(self) -> dict[int, str]:
        """The verdict of every key item some tag met (the others are `missed`). A mention whose tag counts
        for the mention a part asks for (`moved`) is `counted-elsewhere`: tagged, so never listed as missed."""
        met, tolerance = self.met, self.ex.tolerance
        out = {k: "hit" if met[t][k].overlap >= tolerance else "boundary" for k, t in self.tag_of_item.items()}
        out.update((k, "wrong-label") for k in self.wrong_label)
        out.update((k, "counted-elsewhere") for k in self.moved.values())
        return out

    def item_result(self, k: int) -> ItemResult:
        item, verdict = self.ex.key[k], self.item_verdicts.get(k, "missed")
        reported = sums_up(self.ex.reported_runs, item.start, item.end)
        if verdict in ("missed", "counted-elsewhere"):
            return _item_result(item, verdict, reported=reported)
        t = self.tag_of_item.get(k, self.wrong_label.get(k))
        tag, matched = self.tags[t], verdict != "wrong-label"
        challenge = self.difficulty == "challenge"
        return _item_result(
            item,
            verdict,
            tag,
            self.met[t][k].overlap,
            _attr_results(tag, item, self.ex, challenge) if matched else {},
            _attribution(tag, item, self._item_of_tag_id, self.ex, challenge) if matched else None,
            reported,
        )

    def item_results(self, missed: bool = True) -> list[ItemResult]:
        """Every key item's result in key order; with `missed=False` only those some tag met."""
        item_result = self.item_result
        return [item_result(k) for k in (range(len(self.ex.key)) if missed else sorted(self.item_verdicts))]

    @cached_property
    def _item_of_tag_id(self) -> dict[str, KeyItem]:
        tags, key = self.tags, self.ex.key
        return {tags[t].id: key[k] for t, k in self.match.items()}

    def tag_results(self) -> list[TagResult]:
        """Every tag's result, in file order. Beside its id, a tag's result is made of its span, label and
        voice and the item it matched (or met under another label). (A tag that matched none meets only
        items of its label that other tags took: matching leaves no tag and item that meet both unmatched.)
        A class tags the same words the same way again and again, so results are kept with the exercise
        (`remembered`) by those, and each hand-in gets copies with its own tag ids."""
        known = self.ex.remembered.setdefault("tag results", {})
        item_of_wrong_tag = {t: k for k, t in self.wrong_label.items()}
        out = []
        for t, tag in enumerate(self.tags):
            k = self.match.get(t, item_of_wrong_tag.get(t))
            question = (tag.start, tag.end, tag.label, tag.attrs.get("voice"), k, self.moved.get(t))
            out.append(_kept(known, question, lambda t=t, tag=tag, k=k: self._tag_result(t, tag, k)).for_tag(tag.id))
        return out

    def _tag_result(self, t: int, tag: Tag, k: int | None) -> TagResult:
        """The result of tag `t`, which matched item `k` (or met it under another label), or none (None)."""
        ex, key = self.ex, self.ex.key
        trap = None
        if k is None:
            trap = next(
                (d for d in ex.distractors if tag.label in d.labels and tag.start < d.end and d.start < tag.end), None
            )
            verdict = "distractor" if trap is not None else "extra"
        elif key[k].label != tag.label:
            verdict = "wrong-label"
        else:
            verdict = "defensible" if key[k].optional else "matched" if self.item_verdicts[k] == "hit" else "close"
        linked = key[k] if k is not None else trap
        why, why_message = self._reason_shown(t, linked, k)
        return TagResult(
            tag_id=tag.id,
            label=tag.label,
            line=ex.article.line_of(tag.start),
            start=tag.start,
            end=tag.end,
            quote=tag.quote,
            verdict=verdict,
            key_id=linked.id if linked else None,
            key_label=linked.label if k is not None else None,
            key_quote=linked.quote if linked else None,
            key_line=linked.line if linked else None,
            overlap=self.met[t][k].overlap if k is not None else 0.0,
            why=why,
            findings=self._findings(t, tag, verdict, k),
            why_message=why_message,
        )

    def _reason_shown(self, t: int, linked, k: int | None) -> tuple[str, dict | None]:
        """The reason shown with tag `t` (`why`, `why_message`): its item's. A tag that counts at another
        mention of the source a part asks for (`moved`) shows the key's reason for the mention it is on, which
        is about the words the student tagged; a mention the key gives no reason says why it counts
        (`same-source-why`)."""
        mention = self.moved.get(t)
        if mention is None:
            return (linked.why if linked else ""), (_copied(self.ex.key[k].why_message) if k is not None else None)
        on, asked = self.ex.key[mention], self.ex.key[k]
        if on.why:
            return on.why, None
        args = {"quote": on.quote, "line": on.line, "key_quote": asked.quote, "key_line": asked.line}
        return "", {"code": "same-source-why", "args": args}

    def _findings(self, t: int, tag: Tag, verdict: str, k: int | None) -> tuple[Finding, ...]:
        """`_findings` of tag `t`; one that counts for its item as another mention of the same source says
        so first, and its edges are the mention's it is on."""
        mention = self.moved.get(t)
        if mention is None:
            return _findings(tag, verdict, self.met[t], k, t, self.tag_of_item, self.ex)
        return (
            Finding("same-source", {}),
            *_findings(tag, verdict, self.met[t], mention, t, self.tag_of_item, self.ex),
        )

    def scores(self, items: list[ItemResult], tags: list[TagResult]) -> dict[str, Score]:
        """Scores from the item and tag results (missed items may be left out: they count only as required)."""
        return _scores(self.ex, items, tags)

    def report(self) -> Report:
        items, tags = self.item_results(), self.tag_results()
        return Report(
            **Checked.fields_of(self.ex, self.difficulty),
            items=tuple(items),
            tags=tuple(tags),
            scores=self.scores(items, tags),
            orphans=self.orphans,
        )


def _item_result(
    item: KeyItem,
    verdict: str,
    tag: Tag | None = None,
    overlap: float = 0.0,
    attrs: dict[str, AttrResult] | None = None,
    attribution: AttributionResult | None = None,
    reported: bool = False,
) -> ItemResult:
    """A key item's result: the item's own fields, its verdict and what the tag that met it (if any) gave."""
    return ItemResult(
        item.label,
        item.line,
        item.start,
        item.end,
        item.quote,
        item.id,
        item.optional,
        verdict,
        tag.id if tag else None,
        tag.label if tag else None,
        tag.quote if tag else None,
        overlap,
        attrs or {},
        attribution,
        item.why,
        item.hints,
        _copied(item.why_message),
        reported,
    )


def _copied(message: dict | None) -> dict | None:
    """A key item's `why_message` for a result of its own (a Report shares nothing with the key)."""
    return None if message is None else {"code": message["code"], "args": dict(message["args"])}


def compare(handin: HandIn, ex: Exercise, difficulty: str | None = None, *, rules_held: bool = False) -> Comparison:
    """Match a hand-in's tags to the key of `ex`, an exercise restricted to the labels and lines checked
    (`exercise.restricted(labels, lines)`; see `check`, which makes a Report of it).

    `rules_held=True` is for a hand-in just read with `load_handin(path, exercise)`, whose tags have
    passed the hand-in rules against this exercise already; any other is held to them (`for_check`)."""
    if not rules_held:
        handin = for_check(handin, ex)
    tags = [t for t in handin.tags if t.label in ex.labels and ex.covers(t.start, t.end)]
    met = meetings(tags, ex)
    tags_of_label: dict[str, list[int]] = {}
    for t, tag in enumerate(tags):
        tags_of_label.setdefault(tag.label, []).append(t)
    match: dict[int, int] = {}  # tag index -> item index, one to one within each label
    for label in ex.labels:
        match.update(assign(tags_of_label.get(label, []), ex.item_indices(label), met))
    moved = _other_mentions(match, met, ex)
    tag_of_item = {k: t for t, k in match.items()}
    orphans = tuple(Orphan(f.place, f.code, dict(f.args)) for f in handin.findings)
    return Comparison(
        ex,
        difficulty or ex.difficulty,
        tags,
        met,
        match,
        moved,
        _wrong_label_pairs(tags, met, match, tag_of_item, ex),
        orphans,
    )


def check(
    handin: HandIn,
    exercise: Exercise,
    labels: list[str] | None = None,
    difficulty: str | None = None,
    lines: tuple[int, int] | None = None,
) -> Report:
    """Compare a hand-in with the key (see the formats page for every rule).

    With `labels` or `lines` (or an exercise restricted to them), only those labels and that part of
    the article are checked: tags elsewhere are left out of the Report, not counted as extras.

    The hand-in is held to the hand-in rules first (`for_check`): one for another exercise or article
    is refused (`InputError`), and a tag that breaks a rule is left out and listed with the orphans."""
    return compare(handin, exercise.restricted(labels, lines), difficulty).report()


def _other_mentions(match: dict[int, int], met: list[dict[int, Meeting]], ex: Exercise) -> dict[int, int]:
    """A part asks for a source named before it at one of its mentions there (parts.py). A tag matched to
    another mention of that source names the same source, so when no tag matched the one asked for, it
    counts for it instead: the first such tag, by the mention's place in the article. Changes `match`,
    and `met` of each tag moved (given a meeting with the item asked for: the one with its mention); returns
    tag index -> the mention it was matched to."""
    moved: dict[int, int] = {}
    if not ex.other_mentions:
        return moved
    tag_of_item = {k: t for t, k in match.items()}
    for k, mentions in ex.other_mentions.items():
        if k in tag_of_item:
            continue
        mention = next((m for m in mentions if m in tag_of_item), None)
        if mention is None:
            continue
        t = tag_of_item.pop(mention)
        tag_of_item[k], match[t], moved[t] = t, k, mention
        met[t] = {**met[t], k: met[t][mention]}  # a copy: a tag's meetings are shared (`meetings`)
    return moved


def _wrong_label_pairs(
    tags: list[Tag], met: list[dict[int, Meeting]], match: dict[int, int], tag_of_item: dict[int, int], ex: Exercise
) -> dict[int, int]:
    """Required items nobody matched, paired with an unmatched tag of another label on nearly the same
    words. Items in key order; each takes the tag with the highest overlap (the earliest on a tie)."""
    rivals: dict[int, list[tuple[int, float]]] = {}  # item -> (tag, overlap), tags in hand-in order
    for t, tag in enumerate(tags):
        if t in match:
            continue
        for k, meeting in met[t].items():
            item = ex.key[k]
            if (
                item.label != tag.label
                and not item.optional
                and k not in tag_of_item
                and meeting.overlap >= ex.tolerance
            ):
                rivals.setdefault(k, []).append((t, meeting.overlap))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for k in sorted(rivals):
        best, best_overlap = None, -1.0
        for t, overlap in rivals[k]:
            if t not in taken and overlap > best_overlap:
                best, best_overlap = t, overlap
        if best is not None:
            pairs[k] = best
            taken.add(best)
    return pairs


def _attr_results(tag: Tag, item: KeyItem, ex: Exercise, challenge: bool) -> dict[str, AttrResult]:
    spec = ex.labels[item.label].attrs
    given_attrs = tag.attrs
    out = {}
    for name, expected in item.expected_attrs.items():
        given = given_attrs.get(name) or None
        if spec.get(name) == FREE_TEXT:
            verdict = "free"
        elif given is None:
            if not challenge:
                continue
            verdict = "unset"
        else:
            verdict = "right" if given in expected else "wrong"
        out[name] = AttrResult(expected, given, verdict)
    return out


def _attribution(
    tag: Tag, item: KeyItem, item_of_tag_id: dict[str, KeyItem], ex: Exercise, challenge: bool
) -> AttributionResult | None:
    """The claim's links to sources, compared by entity (one person named three ways is one entity). None
    where they are not asked for, or one of the claim's sources is outside the part (it cannot be tagged
    there, and no mention of it in the part is asked for: parts.py)."""
    if item.label != "claim" or item.source_ids is None or "source" not in ex.labels:
        return None
    sources = [ex.item(i) for i in item.source_ids]
    if None in sources:
        return None
    expected = _unique(s.who for s in sources)
    given = _unique(s.who if (s := item_of_tag_id.get(ref)) else f"tag:{ref}" for ref in tag.source_ids)
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
    return AttributionResult(expected, given, verdict, tuple(s.quote for s in sources), tuple(s.line for s in sources))


def _unique(values) -> tuple[str, ...]:
    """The values in first-seen order, each once."""
    return tuple(dict.fromkeys(values))


def _findings(
    tag: Tag, verdict: str, met: dict[int, Meeting], k: int | None, t: int, tag_of_item: dict[int, int], ex: Exercise
) -> tuple[Finding, ...]:
    """What to tell the student about one tag beyond its verdict, in a fixed order."""
    out = []
    sentences = ex.article.sentence_count(tag.start, tag.end)
    if sentences > 1:
        out.append(Finding("spans-sentences", {"sentences": sentences}))
    if len(met) > 1:
        covered = sum(1 for k in met if ex.key[k].label == tag.label and not ex.key[k].optional)
        if covered > 1:
            out.append(Finding("covers-items", {"count": covered}))
    if verdict == "matched":
        item = ex.key[k]
        if tag.start < item.start or item.end < tag.end:
            out.extend(_longer(tag, item, ex))
    elif verdict == "close" or verdict == "defensible":
        out.extend(_edges(tag, met[k], ex.key[k], ex))
        if verdict == "defensible" and met[k].overlap < ex.tolerance:
            # too little of an optional item (or too much beside it) to count as found, were it required
            out.append(Finding("optional-close", {}))
        if verdict == "close" and _plain_reporting_verb(tag):
            out.append(Finding("reporting-verb", {}))
    elif verdict == "wrong-label":
        if tag.label == "claim" and ex.key[k].label == "source":
            out.append(Finding("is-speaker", {"key_quote": ex.key[k].quote}))
    else:  # extra or distractor
        if verdict == "extra":
            out.extend(_reason(tag, met, t, tag_of_item, ex))
        out.extend(_voice(tag, ex))
    return tuple(out)


def _voice(tag: Tag, ex: Exercise) -> list[Finding]:
    """A voice chosen against the quotation marks, on a tag the key has no item for (a matched tag's voice
    is compared with its item's): a speaker's quoted words called the reporter's, or the other way round."""
    voice = tag.attrs.get("voice")
    if voice == "reporter" and any(
        s <= tag.start and tag.end <= e for s, e, owner in ex.voice_runs if owner == SPEAKER
    ):
        return [Finding("speakers-words", {})]
    if voice == "quoted" and not any(s < tag.end and tag.start < e for s, e, _ in ex.voice_runs):
        return [Finding("reporters-words", {"reported": sums_up(ex.reported_runs, tag.start, tag.end)})]
    return []


def _plain_reporting_verb(tag: Tag) -> bool:
    """A tag on nothing but "said" (or another plain reporting verb), other than a cue."""
    return tag.quote.lower() in PLAIN_REPORTING_VERBS and tag.label != "cue"


def _words(ex: Exercise, *stretches: tuple[int, int]) -> list[str]:
    """The words of each stretch that has any (`Article.quote_of_tokens`: trimmed as a tag is, so a lone
    full stop or quotation mark is no word and a student is never asked to add one)."""
    return [words for start, end in stretches if (words := ex.article.quote_of_tokens(start, end))]


def _longer(tag: Tag, item: KeyItem, ex: Exercise) -> list[Finding]:
    """A tag that matched through an accepted longer span still covers words the key's own quote does not
    (it reaches past the quote's edges): say which, so an over-long tag is never shown as plainly right."""
    extra = _words(ex, (tag.start, item.start), (item.end, tag.end))
    return [Finding("covers-more", {"key_quote": item.quote, "extra": " … ".join(extra)})] if extra else []


def _edges(tag: Tag, span: Meeting, item: KeyItem, ex: Exercise) -> list[Finding]:
    """Which words a tag has beyond the key's span, or leaves out of it (whole tokens, never spaces).
    Measured against an accepted form (`span`, nearest the tag), the item's own quote comes too as
    `accepted_for`, so the sentence does not pass the shorter form off as the key's quote."""
    where = {"key_quote": ex.article.text[span.start : span.end]}
    if (span.start, span.end) != (item.start, item.end):
        where["accepted_for"] = item.quote
    out = []
    extra = _words(ex, (tag.start, span.start), (span.end, tag.end))
    if extra:
        out.append(Finding("covers-more", {**where, "extra": " … ".join(extra)}))
    missing = _words(ex, (span.start, tag.start), (tag.end, span.end))
    if missing:
        out.append(Finding("covers-less", {**where, "missing": " … ".join(missing)}))
    return out


def _reason(tag: Tag, met: dict[int, Meeting], t: int, tag_of_item: dict[int, int], ex: Exercise) -> list[Finding]:
    """Why a tag that the key did not plan for is wrong: the first rule that fits, else the label's test.
    A tag on part of an item of another label this page asks for (a claim on part of a source too) also
    hears how its edges differ from that item's (too little of it to count as that item, so relabelling
    alone would not make it match)."""
    if _plain_reporting_verb(tag):
        return [Finding("reporting-verb", {})]
    # the key's items of other labels it meets: those on this page, then those of labels it leaves out
    others = [(ex.key[k], m.overlap, m) for k, m in met.items() if ex.key[k].label != tag.label]
    others += [
        (item, overlap, None)
        for item in ex.context
        if (overlap := max(jaccard(tag.start, tag.end, s.start, s.end) for s in item.spans)) > 0
    ]
    # a tag inside a claim says nothing of its own label (a claim is a whole statement: "Putin" in one
    # is no claim), so only an item of another kind holds it
    same_words = [
        (item, overlap, span)
        for item, overlap, span in others
        if overlap >= SAME_WORDS or item.label != "claim" and item.start <= tag.start and tag.end <= item.end
    ]
    if same_words:
        item, _, span = max(same_words, key=lambda found: found[1])
        # a label the page does not ask for cannot be chosen here: the tag comes off, not relabelled
        asked = item.label in ex.labels
        if tag.label == "claim" and item.label == "source":
            # `asked`: whether the student can make it that source here (its chip then says another label)
            speaker = Finding("is-speaker", {"key_quote": item.quote, "asked": asked})
            return [speaker, *_edges(tag, span, item, ex)] if asked else [speaker]
        if not asked:
            return [Finding("label-not-asked", {"key_label": item.label, "key_quote": item.quote})]
        other = Finding("other-label", {"key_label": item.label, "key_quote": item.quote})
        return [other, *_edges(tag, span, item, ex)]
    taken = [k for k in met if ex.key[k].label == tag.label and tag_of_item.get(k, t) != t]
    if taken:
        return [Finding("item-taken", {"key_quote": ex.key[taken[0]].quote})]
    return [Finding("label-test", {})]


class _Tally:
    """Running counts for one label's Score."""

    def __init__(self):
        self.credit, self.tags, self.required, self.found = 0.0, 0, 0, 0
        self.tagged, self.tagged_in_key, self.attrs_right, self.attrs_asked = 0, 0, 0, 0

    def score(self) -> Score:
        if self.tags == 0 and self.required == 0:
            precision = recall = f1 = 1.0
        else:
            precision = min(self.credit / self.tags, 1.0) if self.tags else 0.0
            recall = min(self.credit / self.required, 1.0) if self.required else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return Score(
            precision,
            recall,
            f1,
            self.credit,
            self.tags,
            self.required,
            self.found,
            self.tagged,
            self.tagged_in_key,
            self.attrs_right,
            self.attrs_asked,
        )


def _scores(ex: Exercise, items_out: list[ItemResult], tags_out: list[TagResult]) -> dict[str, Score]:
    """Per label and for all labels together: precision, recall and F1 with partial credit for overlap,
    and plain counts (found of required, tags that meet the key). Every required item of the exercise
    counts as required; `items_out` need hold only the items some tag met (a missed one adds nothing)."""
    tally = {label: _Tally() for label in [*ex.labels, "all"]}
    for label, count in ex.required_counts.items():
        tally[label].required += count
        tally["all"].required += count
    for tag in tags_out:
        for c in (tally[tag.label], tally["all"]):
            c.tagged += 1
            c.tagged_in_key += tag.verdict in ("matched", "close", "defensible")
            c.tags += tag.verdict != "defensible"
    for item in items_out:
        if item.verdict == "missed":
            continue
        for c in (tally[item.label], tally["all"]):
            if not item.optional:
                c.found += item.verdict in ("hit", "boundary")
                c.credit += 1.0 if item.verdict == "hit" else item.overlap if item.verdict == "boundary" else 0.0
            for attr in item.attrs.values():
                if attr.verdict != "free":
                    c.attrs_asked += 1
                    c.attrs_right += attr.verdict == "right"
    return {label: c.score() for label, c in tally.items()}
