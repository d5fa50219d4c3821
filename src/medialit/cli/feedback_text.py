"""Report -> plain text for the terminal: scores first, then what to look at again, then what went well."""
from __future__ import annotations

from ..core.check import Report


def report_text(report: Report, reveal: bool = False) -> str:
    """Readable feedback; `reveal` adds the key's explanation to items not found yet."""
    data = report.to_json()
    lines = [f"Feedback for {data['exercise']} ({data['difficulty']})", ""]
    for label in data["labels"]:
        s = data["scores"][label]
        if s["required"] == 0 and s["tags"] == 0:
            continue
        lines.append(f"  {label:<8} found {s['credit']:g} of {s['required']} required, "
                     f"precision {s['precision']:.0%}, recall {s['recall']:.0%}, F1 {s['f1']:.2f}")
    lines.append("")
    groups = [("Look again", ("missed",), False), ("Close", ("boundary", "wrong-label"), False),
              ("Found", ("hit",), False)]
    for title, verdicts, _ in groups:
        chosen = [i for i in data["items"] if i["verdict"] in verdicts and not i["optional"]]
        if not chosen:
            continue
        lines.append(f"{title} ({len(chosen)}):")
        for item in chosen:
            lines.append(f"  - {item['message']}")
            if reveal and item["verdict"] == "missed":
                lines.append(f"    Answer: “{item['quote']}”. {item['why']}")
        lines.append("")
    extra = [t for t in data["tags"] if t["verdict"] in ("extra", "distractor", "defensible")]
    if extra:
        lines.append(f"Your other tags ({len(extra)}):")
        lines.extend(f"  - {t['message']}" for t in extra)
        lines.append("")
    for notice in data["notices"] + data["orphans"]:
        lines.append(f"Note: {notice['message']}")
    return "\n".join(lines).rstrip() + "\n"
