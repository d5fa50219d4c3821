"""Three rules a finished key keeps, for `medialit validate` (and the project's own key tests).

- In a key that lists `untagged:` (even as `[]`), and so means to cover the whole article, every paragraph
  has a key item or an `untagged` note with a why: a paragraph with nothing in such a key is most often one
  the author has not read yet, and the note tells a reviewer it was left empty on purpose. A key made for
  one part or one label of an article has no `untagged:` and no such rule.
- An item's `voice` follows the quotation marks (see `voices.py`), or its `voice_exception` says why not:
  students are taught the rule, so a key that breaks it silently marks them wrong for following it.
- An item's source is named in the item's own paragraph, or in an earlier one whose speaker the paragraphs
  between go on with: each opens with a quotation mark (a quotation running over paragraphs) or with "He",
  "She" or "They" ("He added: ..."). Anywhere else, a reader cannot tell who says it without the author's
  reading, and the item's `why` names the source's line to show it was read ("'He' is O'Brien from L142").
"""

from __future__ import annotations

from .voices import OPENERS, classify, expected_voice, quotations, values, word_owners

GOES_ON_WITH_THE_SPEAKER = ("He ", "She ", "They ", *OPENERS, "'", '"')


def speaker_findings(exercise) -> list[str]:
    """Items whose source is named where a reader cannot tell it is theirs (see the module's third rule)."""
    article = exercise.article
    opens = [article.text[p.start : p.end].lstrip().startswith(GOES_ON_WITH_THE_SPEAKER) for p in article.paragraphs]
    findings = []
    for item in exercise.key:
        para = article.tokens[article.token_at(item.start)].para
        for ref in item.source_ids or []:
            source = exercise.item(ref)
            if source is None or f"L{source.line}" in (item.why or ""):
                continue
            named_in = article.tokens[article.token_at(source.start)].para
            if named_in > para or not all(opens[named_in + 1 : para + 1]):
                findings.append(
                    f"item {item.id} (L{item.line}): its source {ref} (L{source.line}) is in another paragraph, "
                    "and the paragraphs between do not go on with their words. Fix: check who says it; if it "
                    f"is right, name L{source.line} in the item's `why` (\"'He' is … from L{source.line}\")."
                )
    return findings


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
        where = f"untagged note for L{line}"
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
    text, owners = exercise.article.text, word_owners(exercise)
    unclassified = [q for q in quotations(exercise.article) if classify(exercise, q) is None]
    findings = []
    for item in exercise.key:
        if "voice" not in item.attrs or any(q.start < item.end and item.start < q.end for q in unclassified):
            continue
        where = f"item {item.id} (L{item.line})"
        rule = expected_voice(text, owners, item.start, item.end)
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
