"""Exports: each format reads back what it can carry, on random Unicode text and spans."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import Article, InputError, Tag, load_exercise
from medialit.interchange import export as ex
from medialit.interchange.ptc import PTC_TECHNIQUES, from_ptc, ptc_rows, ptc_scores, to_ptc

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "book" / "exercises" / "practice-council" / "exercise.yml"

WORDS = [
    "Peskov",
    "said",
    "‘undoubtedly’",
    "café",
    "e\u0301",
    "🙂",
    "Zelensky’s",
    "“lies”",
    "naïve",
    "Ωμέγα",
    "中文",
    "—",
    "a",
    "42",
]
GAPS = [" ", " ", "\n", "\n\n", "  ", " \n "]
LABELS = ["claim", "source", "loaded", "cue"]
ID_PARTS = ["t", "7", ":", " ", "%", "/", "#", "é"]  # ids written by hand can hold anything

_ = Article.from_text("Warm up.").tokens  # spaCy touches `random` as it loads: load it before Hypothesis watches


@st.composite
def article_and_tags(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(words), max_size=len(words)))
    article = Article.from_text("".join(w + g for w, g in zip(words, gaps)))
    tokens = article.tokens
    tags = []
    for n in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(tokens) - 1))
        j = draw(st.integers(i, min(len(tokens) - 1, i + 5)))
        start, end = tokens[i].start, tokens[j].end
        label = draw(st.sampled_from(LABELS))
        attrs = {
            "loaded": {"technique": "name-calling", "voice": "quoted", "neutral": "a plainer word"},
            "claim": {"kind": "fact"},
            "source": {"identity": "named"},
        }.get(label, {})
        tag_id = draw(st.lists(st.sampled_from(ID_PARTS), max_size=3).map("".join)) + f"-{n}"
        tags.append(
            Tag(
                tag_id,
                label,
                start,
                end,
                article.text[start:end],
                dict(attrs),
                [],
                draw(st.sampled_from(["", "my reason", "‘quoted’ <b>note</b>"])),
            )
        )
    sources = [t.id for t in tags if t.label == "source"]
    for tag in tags:
        if tag.label == "claim" and sources:
            tag.source_ids = draw(st.lists(st.sampled_from(sources), max_size=2, unique=True))
    return article, tags


def as_set(tags, with_ids=True):
    return sorted(
        (t.id if with_ids else "", t.label, t.start, t.end, t.quote, tuple(sorted(t.attrs.items())), t.note)
        for t in tags
    )


@settings(max_examples=80, deadline=None)
@given(article_and_tags())
def test_webanno_round_trip(case):
    article, tags = case
    doc = json.loads(json.dumps(ex.to_webanno(tags, article, "my class: 2026/1")))
    back = ex.from_webanno(doc, article)
    assert as_set(back) == as_set(tags)
    assert {t.id: t.source_ids for t in back} == {t.id: t.source_ids for t in tags}


@settings(max_examples=40, deadline=None)
@given(article_and_tags())
def test_webanno_selectors_are_code_points_with_32_character_context(case):
    article, tags = case
    for anno, tag in zip([a for a in ex.to_webanno(tags, article)["items"] if a["motivation"] == "classifying"], tags):
        position, quote = anno["target"]["selector"]
        assert article.text[position["start"] : position["end"]] == quote["exact"] == tag.quote
        assert quote["prefix"] == article.text[max(0, tag.start - 32) : tag.start]
        assert quote["suffix"] == article.text[tag.end : tag.end + 32]


@settings(max_examples=80, deadline=None)
@given(article_and_tags())
def test_brat_round_trip_keeps_all_but_ids(case):
    article, tags = case
    ann = ex.to_brat(tags, article)
    assert all("\n" not in line.split("\t")[2] for line in ann.splitlines() if line.startswith("T"))
    back = ex.from_brat(ann, article)
    assert as_set(back, with_ids=False) == as_set(tags, with_ids=False)
    ids = dict(zip([t.id for t in tags], [t.id for t in back]))
    assert [sorted(ids[s] for s in t.source_ids) for t in tags] == [sorted(t.source_ids) for t in back]


@settings(max_examples=40, deadline=None)
@given(article_and_tags())
def test_spacy_round_trip_through_docbin(case):
    article, tags = case
    doc = ex.to_spacy(tags, article)
    assert doc.text == article.text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tags.spacy"
        ex.save_spacy(doc, path)
        back = ex.from_spacy(ex.load_spacy(path), article)
    assert as_set(back) == as_set(tags)
    assert {t.id: t.source_ids for t in back} == {t.id: t.source_ids for t in tags}


@settings(max_examples=80, deadline=None)
@given(article_and_tags())
def test_ptc_round_trip_keeps_label_span_and_technique(case):
    article, tags = case
    back = from_ptc(to_ptc(tags, "doc1", all_labels=True), article)
    assert sorted((t.label, t.start, t.end, t.attrs.get("technique")) for t in back) == sorted(
        (t.label, t.start, t.end, t.attrs.get("technique")) for t in tags
    )


def test_ptc_rows_score_a_key_perfectly_against_itself():
    exercise = load_exercise(PRACTICE)
    rows = ptc_rows(ex.tags_of_key(exercise), exercise.id)
    assert ptc_scores(rows, rows) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    loaded = [r for r in rows if r[1] == "Name_Calling,Labeling"]
    assert loaded, "loaded name-calling items map to the PTC technique name"


def test_spacy_doc_renders_with_displacy():
    from spacy import displacy

    exercise = load_exercise(PRACTICE)
    html = displacy.render(ex.to_spacy(ex.tags_of_key(exercise), exercise.article), style="span")
    assert "vanity" in html and "loaded" in html.lower()


def test_a_moved_quote_is_refused_not_reanchored():
    article = Article.from_text("one two three four")
    doc = ex.to_webanno([Tag("t1", "claim", 4, 7, "two")], article)
    doc["items"][0]["target"]["selector"][0]["start"] = 8
    doc["items"][0]["target"]["selector"][0]["end"] = 13
    try:
        ex.from_webanno(doc, article)
    except Exception as err:  # InputError, with the place
        assert "item 0" in str(err)
    else:
        raise AssertionError("a mismatched quote was accepted")


def test_malformed_imports_are_refused_with_the_place():
    article = Article.from_text("one two three four")
    page = ex.to_webanno([Tag("t1", "claim", 4, 7, "two")], article)
    del page["items"][0]["target"]
    bad = {
        "webanno": lambda: ex.from_webanno(page, article),
        "brat": lambda: ex.from_brat("T1\tclaim 4 7\ttwo\nA1\tkind T9 fact\n", article),
        "ptc": lambda: from_ptc("doc\tclaim\t4\t99\n", article),
    }
    places = {"webanno": "item 0", "brat": "line 2", "ptc": "line 1"}
    for fmt, read in bad.items():
        with pytest.raises(InputError) as err:
            read()
        assert (err.value.file, err.value.place) == (fmt, places[fmt]) and err.value.fix


def test_ptc_writes_only_loaded_words_unless_asked_and_brat_gets_its_annotation_conf(tmp_path):
    exercise = load_exercise(PRACTICE)
    tags = ex.tags_of_key(exercise)
    only = to_ptc(tags, "doc")
    assert only and {line.split("\t")[1] for line in only.splitlines()} <= set(PTC_TECHNIQUES.values()) | {
        "Loaded_Language"
    }
    assert len(to_ptc(tags, "doc", all_labels=True).splitlines()) == len(tags)
    written = ex.export(tags, exercise.article, "brat", tmp_path / "key", "key", labels=exercise.labels)
    assert [p.name for p in written] == ["key.ann", "key.txt", "annotation.conf"]
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]\nclaim\nsource\nloaded" in conf and "attributed_to\tArg1:claim, Arg2:source" in conf
    assert "technique\tArg:loaded, Value:emotional|name-calling" in conf


def test_export_refuses_to_replace_a_file_unless_told_and_writes_whole_files(tmp_path, monkeypatch):
    exercise = load_exercise(PRACTICE)
    tags = ex.tags_of_key(exercise)
    mine = tmp_path / "mine.ann"
    mine.write_text("mine")
    (tmp_path / "keep.txt").write_text("the student's own text")
    with pytest.raises(InputError) as err:
        ex.export(tags, exercise.article, "brat", tmp_path / "keep.ann", "k")
    assert err.value.code == "exists" and "--force" in err.value.fix
    assert not (tmp_path / "keep.ann").exists()  # nothing written, not even the file that was free
    assert (tmp_path / "keep.txt").read_text() == "the student's own text"
    written = ex.export(tags, exercise.article, "brat", mine, "k", replace=True)
    assert mine.read_text().startswith("T1\t") and written == [mine, tmp_path / "mine.txt"]

    def failing_rename(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", failing_rename)
    with pytest.raises(InputError) as err:
        ex.export(tags, exercise.article, "ptc", mine.with_suffix(".tsv"), "k", replace=True)
    assert err.value.code == "cannot-write" and "No space left" in err.value.problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "mine.ann", "mine.txt"]  # no half file left
