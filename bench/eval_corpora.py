"""Research corpora for measuring the `loaded` suggestions, read where they are kept locally.

The data (PTC, SemEval-2020 Task 11; BASIL, Fan et al. 2019) has no licence to redistribute, so
nothing of it is in this repository: this module only reads it from the folder named by
`MEDIALIT_EVAL_DATA` (default `../shared/eval-dev` beside the repository), builds each article's
text as the data set's README says, and maps medialit's offsets (NFC text, no byte-order mark,
LF line ends) back to the raw text before scoring with the SemEval span metric.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from medialit.core.article import normalize_text
from medialit.interchange.ptc import ptc_scores

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("MEDIALIT_EVAL_DATA", ROOT.parent / "shared" / "eval-dev"))


@dataclass
class Document:
    id: str
    raw: str  # the text the gold offsets count in
    gold: list[tuple[int, int]]  # the spans to find, in raw offsets


def available() -> bool:
    return (DATA / "ptc-dev" / "ll-ncl.labels").is_file() and (DATA / "basil-dev" / "articles").is_dir()


def ptc_documents(techniques=("Loaded_Language",)) -> list[Document]:
    folder = DATA / "ptc-dev"
    gold: dict[str, list[tuple[int, int]]] = {}
    for line in (folder / "ll-ncl.labels").read_text(encoding="utf-8").splitlines():
        doc, technique, start, end = line.split("\t")
        if technique in techniques:
            gold.setdefault(doc, []).append((int(start), int(end)))
    docs = []
    for doc in (folder / "ids.txt").read_text(encoding="utf-8").split():
        with open(folder / "articles" / f"article{doc}.txt", encoding="utf-8", newline="") as f:
            docs.append(Document(doc, f.read(), gold.get(doc, [])))
    return docs


def basil_documents() -> list[Document]:
    folder = DATA / "basil-dev"
    docs = []
    for path in sorted((folder / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        notes = folder / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if not notes.is_file():
            continue
        title = article["title"].strip()
        paragraphs = [" ".join(s.strip() for s in para) for para in article["body-paragraphs"]]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        starts, at = [], len(title) + 2
        for para in article["body-paragraphs"]:
            for sentence in para:
                starts.append(at)
                at += len(sentence.strip()) + 1
            at += 1  # the second character of the blank line between paragraphs
        gold = []
        for note in json.loads(notes.read_text(encoding="utf-8"))["phrase-level-annotations"]:
            if note.get("bias") != "lex":
                continue
            phrase = note["txt"].strip()
            if note["id"] == "title":
                base, within = 0, title
            else:
                n = int(note["id"][1:])
                base = starts[n]
                within = text[base:]
            start = base + note["start"]
            if text[start : start + len(phrase)] != phrase:
                found = within.find(phrase)
                start = base + found if found >= 0 else text.find(phrase)
            if start >= 0 and phrase:
                gold.append((start, start + len(phrase)))
        docs.append(Document(path.stem, text, gold))
    return docs


def to_raw(raw: str):
    """A function from offsets in medialit's normalised text to offsets in `raw`."""
    if normalize_text(raw) == raw:
        return lambda offset: offset
    lead = len(raw) - len(raw.lstrip("\ufeff"))
    chars, where, i = [], [], lead  # newlines made LF, with the raw position of each character
    while i < len(raw):
        chars.append("\n" if raw[i] == "\r" else raw[i])
        where.append(i)
        i += 2 if raw[i : i + 2] == "\r\n" else 1
    body, table, at = "".join(chars), [], 0
    for line in body.split("\n"):  # NFC never joins across a line break
        nfc = unicodedata.normalize("NFC", line)
        if nfc == line:
            table.extend(where[at : at + len(line)])
        else:
            for n in range(len(nfc)):
                m = next(m for m in range(len(line) + 1) if unicodedata.normalize("NFC", line[:m]) == nfc[:n])
                table.append(where[at + m])
        if at + len(line) < len(where):
            table.append(where[at + len(line)])
        at += len(line) + 1
    table.append(len(raw))
    return lambda offset: table[offset]


def score(docs: list[Document], predict) -> dict:
    """SemEval span P/R/F1 and any-overlap recall; `predict(text)` gives spans in normalised offsets."""
    pred, gold, found, merged_gold, merged_pred = [], [], 0, 0, 0
    for doc in docs:
        mapping = to_raw(doc.raw)
        spans = [(mapping(a), mapping(b)) for a, b in predict(doc.raw)]
        pred += [(doc.id, "x", a, b) for a, b in spans]
        gold += [(doc.id, "x", a, b) for a, b in doc.gold]
        runs = _merged(doc.gold)
        merged_gold += len(runs)
        merged_pred += len(_merged(spans))
        found += sum(1 for a, b in runs if any(s < b and a < e for s, e in spans))
    result = ptc_scores(pred, gold)
    result.update(
        any_overlap_recall=found / merged_gold if merged_gold else 0.0, predicted=merged_pred, gold=merged_gold
    )
    return result


def _merged(spans):
    runs: list[list[int]] = []
    for start, end in sorted(spans):
        if runs and start < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return runs
