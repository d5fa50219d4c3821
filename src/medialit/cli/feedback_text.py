"""A Report as plain text for the terminal: the counts first, then what to look at again, then what went well.

Every sentence comes from the shared message table (`core/messages.py`); this module only orders them,
each on one line with its control characters written out (`one_line`): a student's text (an id, a
quote, a note) cannot start a line of its own or act on the terminal.
"""

from __future__ import annotations

from ..core.exercise import Exercise
from ..core.messages import Message, Renderer, item_codes, problem_message, tag_codes
from ..core.report import Report
from .terminal import one_line

GROUPS = (("Look again", ("missed",)), ("Close", ("boundary", "wrong-label")), ("Found", ("hit",)))


def report_text(report: Report, exercise: Exercise, audience: str = "student", reveal: bool = False) -> str:
    """Readable feedback; `reveal` adds the key's answer and explanation to items not found yet."""
    words = Renderer(exercise.labels, audience)
    tag_by_id = {t.tag_id: t for t in report.tags}
    lines = [one_line(f"Feedback for {report.exercise} ({report.difficulty})"), ""]
    for label in report.labels:
        score = report.scores[label]
        if score.required or score.tagged:
            lines.append("  " + one_line(words.render(Message("scores-label", {"label": label, **score.to_json()}))))
    lines.append("")
    for title, verdicts in GROUPS:
        chosen = sorted((i for i in report.items if i.verdict in verdicts and not i.optional), key=lambda i: i.start)
        if not chosen:
            continue
        lines.append(f"{title} ({len(chosen)}):")
        for item in chosen:
            findings = tag_codes(tag_by_id[item.tag_id])[1:] if item.tag_id in tag_by_id else []
            lines.append("  - " + one_line(" ".join(words.sentences(item_codes(item) + findings))))
            if item.verdict == "missed" and item.hints and not reveal:
                lines.append("    " + one_line(words.render(Message("item-hint", {"hint": item.hints[0]}))))
            if item.verdict != "missed" or reveal:
                answer = [words.render(Message("item-answer", item.to_json()))] if item.verdict == "missed" else []
                lines.append("    " + one_line(" ".join([*answer, item.why]).strip()))
        lines.append("")
    others = [t for t in report.tags if t.verdict in ("extra", "distractor", "defensible")]
    if others:
        lines.append(f"Your other tags ({len(others)}):")
        for tag in others:
            lines.append("  - " + one_line(" ".join([*words.sentences(tag_codes(tag)), tag.why]).strip()))
        lines.append("")
    for orphan in report.orphans:
        message = problem_message(orphan.code, orphan.args)
        fix = f" Fix: {words.render(message, 'fix')}" if audience == "teacher" else ""
        lines.append(one_line(f"Note: {orphan.place}: {words.render(message)}{fix}"))
    return "\n".join(lines).rstrip() + "\n"
