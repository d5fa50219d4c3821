"""SemEval-2020 Task 11 (the propaganda technique corpus, PTC): its TSV span format and its span metric.

Rows are (document, technique-or-label, start, end) in code points; loaded words carry their
technique under PTC's names, so scores are comparable with research data.
"""

from __future__ import annotations

from ..core.article import Article
from ..core.errors import InputError
from ..core.handin import Tag

PTC_TECHNIQUES = {
    "emotional": "Loaded_Language",
    "name-calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "doubt": "Doubt",
    "fear": "Appeal_to_fear-prejudice",
    "repetition": "Repetition",
    "whataboutism": "Whataboutism,Straw_Men,Red_Herring",
    "appeal-to-authority": "Appeal_to_Authority",
    "black-and-white": "Black-and-White_Fallacy",
    "flag-waving": "Flag-Waving",
}


def _bad(place: str, problem: str) -> InputError:
    return InputError("ptc", place, problem, "export the file again from medialit; do not edit offsets by hand.")


def ptc_rows(tags: list[Tag], document: str, all_labels: bool = True) -> list[tuple[str, str, int, int]]:
    """(document, technique-or-label, start, end) rows, the input `ptc_scores` takes; without
    `all_labels`, only what PTC knows: loaded words, under PTC's technique names."""
    rows = []
    for tag in tags:
        if not all_labels and tag.label != "loaded":
            continue
        name = tag.label
        if tag.label == "loaded":
            name = PTC_TECHNIQUES.get(tag.attrs.get("technique"), "Loaded_Language")
        rows.append((document, name, tag.start, tag.end))
    return rows


def to_ptc(tags: list[Tag], document: str, all_labels: bool = False) -> str:
    """PTC's TSV: by default the loaded words only (PTC has no claims or sources); `all_labels` adds the rest
    under medialit's label names."""
    rows = ptc_rows(tags, document, all_labels)
    return "".join(f"{doc}\t{name}\t{start}\t{end}\n" for doc, name, start, end in rows)


def from_ptc(tsv: str, article: Article) -> list[Tag]:
    techniques = {v: k for k, v in PTC_TECHNIQUES.items()}
    tags = []
    for n, line in enumerate(tsv.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            _, name, start, end = line.split("\t")
            start, end = int(start), int(end)
        except ValueError:
            raise _bad(f"line {n}", "a PTC line has four tab-separated fields: id, technique, start, end.") from None
        if not 0 <= start < end <= len(article.text):
            raise _bad(f"line {n}", f"the span {start}-{end} is not inside the article (0-{len(article.text)}).")
        attrs = {"technique": techniques[name]} if name in techniques else {}
        label = "loaded" if name in techniques or name == "Loaded_Language" else name
        tags.append(Tag(f"p{n}", label, start, end, article.text[start:end], attrs))
    return tags


def ptc_scores(pred, gold) -> dict:
    """The SemEval-2020 Task 11 span metric (propaganda technique corpus), for comparable numbers.

    `pred` and `gold` are iterables of (document, label, start, end). Per document and label,
    overlapping spans are merged (touching ones are not); only same-label pairs give credit.
    """

    def merged(spans):
        groups: dict[tuple, list[list[int]]] = {}
        for doc, label, start, end in sorted(spans, key=lambda s: (str(s[0]), str(s[1]), s[2], s[3])):
            if end <= start:
                continue
            runs = groups.setdefault((doc, label), [])
            if runs and start < runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        return groups

    pred_groups, gold_groups = merged(pred), merged(gold)
    n_pred = sum(len(v) for v in pred_groups.values())
    n_gold = sum(len(v) for v in gold_groups.values())
    if n_pred == 0 and n_gold == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p_sum = r_sum = 0.0
    for group, s_runs in pred_groups.items():
        for s0, s1 in s_runs:
            for t0, t1 in gold_groups.get(group, []):
                inter = min(s1, t1) - max(s0, t0)
                if inter > 0:
                    p_sum += inter / (s1 - s0)
                    r_sum += inter / (t1 - t0)
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision > 0 and recall > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
