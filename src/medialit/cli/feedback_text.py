"""A Report as plain text for the terminal: the counts first, then the groups the Tagger shows after Check.

The key items not found yet, then the student's tags to look at again and those that match, each tag
with its chip (`chip_of`, grouped and ordered by contract.json's `chips`, as the Tagger's feedback is),
then the optional items. Every sentence comes from the shared message table (`core/messages.py`); this
module only orders them, each on one line with its control characters written out (`one_line`): a
student's text (an id, a quote, a note) cannot start a line of its own or act on the terminal.
"""

from __future__ import annotations

from ..core.contract import CHIPS_FOUND, CHIPS_LOOK
from ..core.exercise import Exercise
from ..core.messages import (
    Message,
    Renderer,
    chip_of,
    hint_messages,
    item_detail_codes,
    problem_message,
    quoted,
    tag_codes,
    why_message,
)
from ..core.report import Report
from .terminal import one_line


def report_text(report: Report, exercise: Exercise, audience: str = "student", reveal: bool = False) -> str:
    """Readable feedback; `reveal` adds the key's answer and explanation to items not found yet."""
    words = Renderer(exercise.labels, audience)
    lines = [one_line(f"Feedback for {report.exercise} ({report.difficulty})"), ""]
    for label in report.labels:
        score = report.scores[label]
        if score.required or score.tagged:
            lines.append("  " + one_line(words.render(Message("scores-label", {"label": label, **score.to_json()}))))
    lines.append("")

    def group(code: str, count: int) -> None:
        lines.append(one_line(words.render(Message(code, {"count": count}))))

    items = sorted(report.items, key=lambda i: (i.start, -i.end))
    missed = [i for i in items if i.verdict == "missed" and not i.optional]
    if missed:
        group("group-missed", len(missed))
        for item in missed:
            lines.append("  - " + one_line(words.render(Message("item-missed", item.to_json()))))
            if reveal:
                answer = words.render(Message("item-answer", item.to_json()))
                lines.append("    " + one_line(" ".join([answer, words.render(why_message(item))]).strip()))
            elif hints := hint_messages(item):
                lines.append("    " + one_line(words.render(hints[0])))
        lines.append("")
    # a tag's own item adds what it says of the attributes and the attribution
    item_of_tag = {i.tag_id: i for i in items if i.tag_id and i.verdict != "wrong-label"}
    tags = sorted(report.tags, key=lambda t: (t.start, -t.end))
    for code, chips in (("group-look", CHIPS_LOOK), ("group-found", CHIPS_FOUND)):
        chosen = sorted((t for t in tags if chip_of(t) in chips), key=lambda t: chips.index(chip_of(t)))
        if not chosen:
            continue
        group(code, len(chosen))
        for tag in chosen:
            chip = words.render(Message(f"chip-{chip_of(tag)}", {}))
            lines.append("  - " + one_line(f"{chip}: {quoted(tag.quote)} (L{tag.line})"))
            item = item_of_tag.get(tag.tag_id)
            messages = tag_codes(tag) + (item_detail_codes(item) if item else [])
            lines.append("    " + one_line(" ".join(words.sentences([*messages, why_message(tag)]))))
        lines.append("")
    optional = [i for i in items if i.verdict == "missed" and i.optional]
    if optional:
        group("group-optional", len(optional))
        for item in optional:
            sentence = words.render(Message("item-missed-optional", item.to_json()))
            lines.append("  - " + one_line(" ".join([sentence, words.render(why_message(item))]).strip()))
        lines.append("")
    for orphan in report.orphans:
        message = problem_message(orphan.code, orphan.args)
        fix = f" Fix: {words.render(message, 'fix')}" if audience == "teacher" else ""
        lines.append(one_line(f"Note: {orphan.place}: {words.render(message)}{fix}"))
    return "\n".join(lines).rstrip() + "\n"
