"""Four rules a finished key keeps, for `medialit validate` (and the project's own key tests).

- In a key that lists `untagged:` (even as `[]`), and so means to cover the whole article, every paragraph
  has a key item or an `untagged` note with a why: a paragraph with nothing in such a key is most often one
  the author has not read yet, and the note tells a reviewer it was left empty on purpose. A key made for
  one part or one label of an article has no `untagged:` and no such rule.
- An item's `voice` follows the quotation marks (see `voices.py`), or its `voice_exception` says why not:
  students are taught the rule, so a key that breaks it silently marks them wrong for following it.
- An item's source is named in the item's own paragraph, or in an earlier one whose speaker the paragraphs
  between go on with: each opens with a quotation mark (a quotation running over paragraphs) or with "He",
  "She" or "They" ("He added: ..."). A paragraph that opens with a quotation mark but names another speaker
  outside its marks (a key source of another entity: "'We will not stop,' said Lena Ivanova.") gives the
  quotation to that speaker, so it does not go on with the earlier one. Anywhere else, a reader cannot tell
  who says it without the author's reading, and the item's `why` names the source's line to show it was
  read ("'He' is O'Brien from L142").
- A `why` that names lines ("L12", "L12-14") names a line the item's own words are on, or its source's: a
  line number one off sends students to read the wrong line for the words Check just explained.
"""

from __future__ import annotations

import re

from .voices import OPENERS, VoiceRule, quotations, values

QUOTE_OPENERS = (*OPENERS, "'", '"')
GOES_ON_WITH_THE_SPEAKER = ("He ", "She ", "They ", *QUOTE_OPENERS)
CITED_LINES = re.compile(r"\bL(\d+)(?:\s*[-–]\s*L?(\d+))?\b")  # "L12", "L12-14", "L12–L14"


def speaker_findings(exercise) -> list[str]:
    """Items whose source is named where a reader cannot tell it is theirs (see the module's third rule)."""
    article = exercise.article
    openings = [article.text[p.start : p.end].lstrip() for p in article.paragraphs]
    opens = [opening.startswith(GOES_ON_WITH_THE_SPEAKER) for opening in openings]
    quoted_openings = [opening.startswith(QUOTE_OPENERS) for opening in openings]
    speakers = speakers_outside_quotations(exercise)
    findings = []
    for item in exercise.key:
        para = article.tokens[article.token_at(item.start)].para
        for ref in item.source_ids or []:
            source = exercise.item(ref)
            if source is None or f"L{source.line}" in (item.why or ""):
                continue
            named_in = article.tokens[article.token_at(source.start)].para
            between = range(named_in + 1, para + 1)
            others = [
                f"L{other.line} names another speaker, {other.id}, outside its quotation marks"
                for p in between
                if quoted_openings[p]
                for other in speakers[p]
                if other.who != source.who
            ]
            if named_in > para or others or not all(opens[p] for p in between):
                why = others[0] if others else "the paragraphs between do not go on with their words"
                findings.append(
                    f"{exercise.place(item)}: its source {ref} (L{source.line}) is in another paragraph, "
                    f"and {why}. Fix: check who says it; if it is right, name L{source.line} in the item's "
                    f"`why` (\"'He' is … from L{source.line}\")."
                )
    return findings


def speakers_outside_quotations(exercise) -> list[list]:
    """For each paragraph, the key's sources in it outside quotation marks (inside them, a name is part of
    what someone says, not who says it)."""
    article = exercise.article
    quoted = quotations(article)
    speakers: list[list] = [[] for _ in article.paragraphs]
    for item in exercise.key:
        if item.label == "source" and not any(q.start <= item.start < q.end for q in quoted):
            speakers[article.tokens[article.token_at(item.start)].para].append(item)
    return speakers


def coverage_findings(exercise) -> list[str]:
    """Paragraphs with no key item and no `untagged` note, and notes that do not fit their line."""
    if exercise.untagged is None:
        return []
    article = exercise.article
    covered = {article.tokens[article.token_at(item.start)].para for item in exercise.key}
    first_lines = {p.line: p for p in article.paragraphs}
    noted = {entry["line"]: entry for entry in exercise.untagged}
    findings = [
        f"L{p.line}: a paragraph with no key item. Fix: tag what it holds, or list it under `untagged:` "
        "with a `why` that says why there is nothing to tag."
        for p in article.paragraphs
        if p.index not in covered and p.line not in noted
    ]
    for line, entry in sorted(noted.items()):
        where = exercise.place(entry)
        if line not in first_lines:
            findings.append(f"{where}: L{line} is not the first line of a paragraph. Fix: use that line's number.")
        elif first_lines[line].index in covered:
            findings.append(f"{where}: the paragraph has key items after all. Fix: remove the note.")
        if not entry["why"]:
            findings.append(f"{where}: has no `why`. Fix: say why nothing in it is tagged.")
    return findings


def voice_findings(exercise) -> list[str]:
    """Key items whose `voice` goes against the quotation marks without a `voice_exception`, and
    exceptions written for items that follow the rule. Items in a short quotation whose marks the key does
    not classify (no cue item or cue distractor on them) are left alone: either voice may be right there."""
    marks = VoiceRule(exercise)
    findings = []
    for item in exercise.key:
        rule = marks.of(item.start, item.end) if "voice" in item.attrs else None
        if rule is None:
            continue
        where = exercise.place(item)
        given = values(item.attrs["voice"])
        if given != rule and not item.voice_exception:
            findings.append(
                f"{where}: `voice` is {' or '.join(sorted(given))}, but by the quotation marks it is "
                f"{' or '.join(sorted(rule))}. Fix: set `voice: {_yaml(rule)}`; if the marks belong to nobody "
                "(or to a speaker), say so with a cue of type scare-quotes (or quoted-words); or explain the "
                "exception in `voice_exception`."
            )
        elif given == rule and item.voice_exception:
            findings.append(f"{where}: has a `voice_exception` but follows the rule. Fix: remove the exception.")
    return findings


def _yaml(voices: set) -> str:
    ordered = sorted(voices)
    return ordered[0] if len(ordered) == 1 else f"[{', '.join(ordered)}]"


def line_findings(exercise) -> list[str]:
    """Key items and distractors whose `why` names lines, none of them a line of their own words or of
    their sources (see the module's fourth rule)."""
    article = exercise.article
    findings = []
    for entry in [*exercise.key, *exercise.distractors]:
        cited = [(int(a), int(b or a)) for a, b in CITED_LINES.findall(entry.why or "")]
        own = [(entry.line, article.line_of(max(entry.start, entry.end - 1)))]
        for ref in getattr(entry, "source_ids", None) or []:
            source = exercise.item(ref)
            if source is not None:
                own.append((source.line, article.line_of(max(source.start, source.end - 1))))
        if cited and not any(a <= last and first <= b for a, b in cited for first, last in own):
            words = own[0][0] if own[0][0] == own[0][1] else f"{own[0][0]}-{own[0][1]}"
            names = ", ".join(f"L{a}" if a == b else f"L{a}-{b}" for a, b in cited)
            findings.append(
                f"{exercise.place(entry)}: its `why` names {names}, but its words are on L{words}. "
                f"Fix: name L{words} in the `why`: students look for the words on the line it names."
            )
    return findings
