"""Tags to and from the formats other tools read: W3C Web Annotation, brat and spaCy (PTC is `ptc.py`).

All offsets stay code points of the article text, end-exclusive, as everywhere in medialit.
Each `to_*` has a `from_*` that reads it back, carrying as much as the format can hold:
Web Annotation and spaCy keep everything; brat keeps all but tag ids; PTC keeps label, span
and (for loaded words) the technique.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, unquote

from ..core.article import Article
from ..core.errors import InputError
from ..core.files import exists, write_file
from ..core.handin import Tag
from .ptc import to_ptc

FORMATS = ("webanno", "brat", "spacy", "ptc")
CONTEXT = [
    "http://www.w3.org/ns/anno.jsonld",
    {"medialit": "https://medialit.example/ns#", "attribute": "medialit:attribute"},
]
CONTEXT_WIDTH = 32
SPANS_KEY = "sc"  # displaCy's default key for span previews


def tags_of_key(exercise) -> list[Tag]:
    """The key's items as tags (see `tags_of_items`)."""
    return tags_of_items(exercise.key)


def tags_of_items(items) -> list[Tag]:
    """Key items as tags that copy them exactly (id = key id; a list of right values gives its first)."""
    return [
        Tag(
            item.id,
            item.label,
            item.start,
            item.end,
            item.quote,
            {name: (value[0] if isinstance(value, list) else value) for name, value in item.attrs.items()},
            list(item.source_ids or []),
        )
        for item in items
    ]


def _bad(fmt: str, place: str, problem: str) -> InputError:
    return InputError(fmt, place, problem, "export the file again from medialit; do not edit offsets by hand.")


# --- W3C Web Annotation (JSON-LD) -----------------------------------------------------------------


def _iri(collection: str, tag_id: str = "") -> str:
    """`urn:medialit:COLLECTION[:TAG]`, each part percent-encoded so that a ':' or a space in a name is safe."""
    parts = [quote(collection, safe="")] + ([quote(tag_id, safe="")] if tag_id else [])
    return "urn:medialit:" + ":".join(parts)


def _tag_id_of(iri: str) -> str:
    return unquote(str(iri).rsplit(":", 1)[-1])


def to_webanno(tags: list[Tag], article: Article, collection: str = "medialit") -> dict:
    """An AnnotationPage: one Annotation per tag, plus a 'linking' Annotation per attributed claim."""
    items = []
    for tag in tags:
        bodies = [{"type": "TextualBody", "purpose": "classifying", "value": tag.label}]
        bodies += [
            {"type": "TextualBody", "purpose": "tagging", "attribute": name, "value": value}
            for name, value in tag.attrs.items()
        ]
        if tag.note:
            bodies.append({"type": "TextualBody", "purpose": "commenting", "value": tag.note})
        items.append(
            {
                "id": _iri(collection, tag.id),
                "type": "Annotation",
                "motivation": "classifying",
                "body": bodies,
                "target": {
                    "source": f"urn:sha256:{article.sha256}",
                    "selector": [
                        {"type": "TextPositionSelector", "start": tag.start, "end": tag.end},
                        {
                            "type": "TextQuoteSelector",
                            "exact": tag.quote,
                            "prefix": article.text[max(0, tag.start - CONTEXT_WIDTH) : tag.start],
                            "suffix": article.text[tag.end : tag.end + CONTEXT_WIDTH],
                        },
                    ],
                },
            }
        )
        if tag.source_ids:
            items.append(
                {
                    "id": _iri(collection, f"{tag.id}-attribution"),
                    "type": "Annotation",
                    "motivation": "linking",
                    "body": {"type": "TextualBody", "purpose": "linking", "value": "attributed-to"},
                    "target": [_iri(collection, tag.id), *(_iri(collection, s) for s in tag.source_ids)],
                }
            )
    return {"@context": CONTEXT, "id": _iri(collection), "type": "AnnotationPage", "items": items}


def from_webanno(data: dict, article: Article) -> list[Tag]:
    """Read tags back; the position must agree with the quote (no re-anchoring)."""
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise _bad("webanno", "items", "this is not an AnnotationPage with `items`.")
    tags: dict[str, Tag] = {}
    links: list[list[str]] = []
    for n, anno in enumerate(items):
        try:
            if anno.get("motivation") == "linking":
                links.append([_tag_id_of(t) for t in anno["target"]])
                continue
            tag = _webanno_tag(anno, article, f"item {n}")
        except (AttributeError, KeyError, TypeError, ValueError):
            raise _bad("webanno", f"item {n}", "this is not an annotation that medialit wrote.") from None
        tags[tag.id] = tag
    for claim, *sources in links:
        if claim in tags:
            tags[claim].source_ids = sources
    return list(tags.values())


def _webanno_tag(anno: dict, article: Article, place: str) -> Tag:
    """One classifying Annotation as a tag; refused when its position and its quote disagree."""
    selectors = {s["type"]: s for s in anno["target"]["selector"]}
    position, quote_selector = selectors.get("TextPositionSelector"), selectors.get("TextQuoteSelector")
    if position is None:
        raise _bad("webanno", place, "an annotation has no TextPositionSelector.")
    start, end = int(position["start"]), int(position["end"])
    if not 0 <= start < end <= len(article.text):
        raise _bad("webanno", place, f"the position {start}-{end} is not inside the article (0-{len(article.text)}).")
    exact = article.text[start:end]
    if quote_selector is not None and quote_selector.get("exact") != exact:
        raise _bad("webanno", place, f"the quote does not match the article at {start}-{end}.")
    label, attrs, note = "", {}, ""
    for body in anno["body"]:
        purpose = body.get("purpose")
        if purpose == "classifying":
            label = body["value"]
        elif purpose == "tagging":
            attrs[body["attribute"]] = body["value"]
        elif purpose == "commenting":
            note = body["value"]
    return Tag(_tag_id_of(anno["id"]), label, start, end, exact, attrs, [], note)


# --- brat standoff --------------------------------------------------------------------------------

# What str.splitlines() splits on (an article has no \r): a brat fragment must not hold one.
_LINE_BREAK = re.compile("[\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _fragments(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """brat fragments may not contain a line break: split there and drop edge whitespace."""
    pieces, at = [], start
    for line in _LINE_BREAK.split(article.text[start:end]):
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            pieces.append((at + lead, at + lead + len(body)))
        at += len(line) + 1
    return pieces or [(start, end)]


def _one_line(text: str) -> str:
    """Free text on one .ann line: every run of white space, line breaks included, is one space."""
    return " ".join(str(text).split())


def to_brat(tags: list[Tag], article: Article) -> str:
    """The `.ann` file (the `.txt` beside it is the article text)."""
    lines, number = [], {}
    attr_n = note_n = rel_n = 0
    for n, tag in enumerate(tags, start=1):
        number[tag.id] = f"T{n}"
        pieces = _fragments(article, tag.start, tag.end)
        where = ";".join(f"{a} {b}" for a, b in pieces)
        text = " ".join(article.text[a:b] for a, b in pieces)
        lines.append(f"T{n}\t{tag.label} {where}\t{text}")
    for tag in tags:
        for name, value in tag.attrs.items():
            if value is None or value == "":
                continue
            if str(value).split() != [str(value)]:  # white space of any kind: a note keeps it on one line
                note_n += 1
                lines.append(f"#{note_n}\tmedialit.{name} {number[tag.id]}\t{_one_line(value)}")
            else:
                attr_n += 1
                lines.append(f"A{attr_n}\t{name} {number[tag.id]} {value}")
        if tag.note:
            note_n += 1
            lines.append(f"#{note_n}\tAnnotatorNotes {number[tag.id]}\t{_one_line(tag.note)}")
        for source in tag.source_ids:
            if source in number:
                rel_n += 1
                lines.append(f"R{rel_n}\tattributed_to Arg1:{number[tag.id]} Arg2:{number[source]}")
    return "\n".join(lines) + ("\n" if lines else "")


def from_brat(ann: str, article: Article) -> list[Tag]:
    tags: dict[str, Tag] = {}
    for n, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t", 2)  # the text after the second tab is the span's text, tabs and all
        kind, head = fields[0], fields[1].split(" ") if len(fields) > 1 else []
        try:
            if kind.startswith("T"):
                label, where = head[0], " ".join(head[1:])
                pieces = [tuple(int(x) for x in part.split()) for part in where.split(";")]
                start, end = min(a for a, _ in pieces), max(b for _, b in pieces)
                if fields[2] != " ".join(article.text[a:b] for a, b in pieces):
                    raise _bad("brat", f"line {n}", "the text does not match the article at those offsets.")
                tags[kind] = Tag(kind, label, start, end, article.text[start:end])
            elif kind.startswith("A"):
                name, target, value = head[0], head[1], head[2] if len(head) > 2 else "true"
                tags[target].attrs[name] = value
            elif kind.startswith("#"):
                what, target = head[0], head[1]
                if what == "AnnotatorNotes":
                    tags[target].note = fields[2]
                elif what.startswith("medialit."):
                    tags[target].attrs[what.split(".", 1)[1]] = fields[2]
            elif kind.startswith("R"):
                claim, source = head[1].split(":", 1)[1], head[2].split(":", 1)[1]
                tags[claim].source_ids.append(source)
        except (IndexError, KeyError, ValueError):
            raise _bad("brat", f"line {n}", "this line is not brat standoff that medialit wrote.") from None
    return list(tags.values())


# --- spaCy ----------------------------------------------------------------------------------------


def _doc_words(article: Article) -> tuple[list[str], list[bool]]:
    """Words and spaces that rebuild the article text exactly (whitespace runs become tokens)."""
    words, spaces = [], []
    lead = article.text[: article.tokens[0].start] if article.tokens else article.text
    if lead:
        words.append(lead)
        spaces.append(False)
    for tok in article.tokens:
        words.append(tok.text)
        ws = tok.ws
        spaces.append(ws.startswith(" "))
        rest = ws[1:] if ws.startswith(" ") else ws
        if rest:
            words.append(rest)
            spaces.append(False)
    return words, spaces


def to_spacy(tags: list[Tag], article: Article, nlp=None):
    """A Doc with the tags in `doc.spans["sc"]` (displaCy-ready) and everything else in user_data."""
    import spacy
    from spacy.tokens import Doc, Span

    vocab = (nlp or spacy.blank("en")).vocab
    words, spaces = _doc_words(article)
    doc = Doc(vocab, words=words, spaces=spaces)
    spans, kept = [], []
    for tag in sorted(tags, key=lambda t: (t.start, t.end, t.id)):
        span = doc.char_span(tag.start, tag.end, label=tag.label, alignment_mode="strict")
        if span is None:
            span = doc.char_span(tag.start, tag.end, label=tag.label, alignment_mode="expand")
        spans.append(Span(doc, span.start, span.end, label=tag.label))
        kept.append({**tag.to_json(), "start": span.start_char, "end": span.end_char, "quote": span.text})
    doc.spans[SPANS_KEY] = spans
    doc.user_data["medialit"] = {"article_sha256": article.sha256, "tags": kept}
    return doc


def from_spacy(doc, article: Article) -> list[Tag]:
    if doc.text != article.text:
        raise _bad("spacy", "doc.text", "the Doc's text is not this article's text.")
    meta = doc.user_data.get("medialit", {}).get("tags", [])
    tags = []
    for n, span in enumerate(doc.spans.get(SPANS_KEY, [])):
        extra = meta[n] if n < len(meta) else {}
        tags.append(
            Tag(
                extra.get("id", f"s{n + 1}"),
                span.label_,
                span.start_char,
                span.end_char,
                span.text,
                dict(extra.get("attrs", {})),
                list(extra.get("source_ids", [])),
                extra.get("note", ""),
            )
        )
    return tags


def save_spacy(doc, path: str | Path) -> None:
    write_file(path, _docbin_bytes(doc))


def _docbin_bytes(doc) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(docs=[doc], store_user_data=True).to_bytes()


def to_spacy_bytes(tags: list[Tag], article: Article) -> bytes:
    """What `save_spacy(to_spacy(...))` writes: a DocBin with the tags."""
    return _docbin_bytes(to_spacy(tags, article))


def load_spacy(path: str | Path, nlp=None):
    import spacy
    from spacy.tokens import DocBin

    return next(iter(DocBin().from_disk(path).get_docs((nlp or spacy.blank("en")).vocab)))


# --- one entry point for the command line ---------------------------------------------------------


def brat_conf(labels) -> str:
    """brat's `annotation.conf` for an exercise's labels (`LabelSpec`s): entities, the attribution
    relation, and each attribute with its values (free-text ones are notes in brat)."""
    lines = [
        "[entities]",
        *labels,
        "",
        "[relations]",
        "attributed_to\tArg1:claim, Arg2:source",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    for name, spec in labels.items():
        for attr, values in spec.attrs.items():
            if isinstance(values, list):
                lines.append(f"{attr}\tArg:{name}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def export(
    tags: list[Tag],
    article: Article,
    fmt: str,
    out: Path,
    name: str,
    labels=None,
    all_labels: bool = False,
    replace: bool = False,
) -> list[Path]:
    """Write `tags` in format `fmt` to `out`. brat: `out` takes the .ann suffix, the article goes into the
    .txt beside it and `annotation.conf` (from `labels`) into the folder when there is none yet.
    PTC: loaded words only unless `all_labels`.

    Nothing is replaced unless `replace`; each file is written whole or not at all."""
    if fmt not in FORMATS:
        raise InputError("--to", fmt, "unknown export format.", f"use one of: {', '.join(FORMATS)}.")
    if fmt == "brat":
        out = out.with_suffix(".ann")
    files = {
        "webanno": lambda: {out: json.dumps(to_webanno(tags, article, name), ensure_ascii=False, indent=1)},
        "brat": lambda: {out: to_brat(tags, article), out.with_suffix(".txt"): article.text},
        "spacy": lambda: {out: to_spacy_bytes(tags, article)},
        "ptc": lambda: {out: to_ptc(tags, name, all_labels)},
    }[fmt]()
    if not replace:
        for path in files:
            if exists(path):
                raise InputError(
                    str(path),
                    "",
                    "this file already exists; nothing was written.",
                    "choose another --out, or add --force to replace it.",
                    "exists",
                )
    conf = out.parent / "annotation.conf"
    if fmt == "brat" and labels and not exists(conf):
        files[conf] = brat_conf(labels)
    fix = "choose another --out, in a folder you can write to."
    return [write_file(path, data, fix=fix) for path, data in files.items()]


SUFFIX = {"webanno": ".jsonld", "brat": ".ann", "spacy": ".spacy", "ptc": ".tsv"}
