"""Checks on the sources of the student chapters 1-5.

The chapters talk about the article line by line ("L28"), so a wrong number or a
misquote is a factual error a student would copy. The convention these checks rely on:
a quotation in double quotes followed directly by its citation, as in
`"despot" (L10)` or `"UK security officials" (L6, L40)`, must be found on every cited
line; a Markdown blockquote must be a passage of one article line.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, strategies as st

from medialit.article import Article

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
ARTICLE_PATH = BOOK / "exercises" / "kremlin-drone" / "article.txt"
LINES = Article.from_file(ARTICLE_PATH).text.split("\n")

PAGES = ["01-how-to-use", "article", "02-stop-and-look", "03-claims", "04-sources",
         "05-loaded-language"]
READING_CHAPTERS = ["02-stop-and-look", "03-claims", "04-sources", "05-loaded-language"]
TAGGER_LABELS = {"03-claims": {"claim"}, "04-sources": {"source", "claim"},
                 "05-loaded-language": {"loaded"}}
GLOSSARY_TERMS = {"despot", "false flag", "think-tank", "Telegram", "spokesperson"}

CITATION = re.compile(r"\bL(\d+)\b")
CITATION_LIST = r"L\d+(?:\s*(?:,|/|and|or)\s*L\d+)*"
QUOTE_THEN_CITATION = re.compile(r'"([^"]*)"(?=\s*\(?\s*(' + CITATION_LIST + r'))')
FENCE = re.compile(r"^```\{(\w+)\}[ \t]*(.*?)\n(.*?)^```[ \t]*$", re.S | re.M)


def source(page: str) -> str:
    return (BOOK / f"{page}.md").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Compare quotations as a reader would: curly and straight quote marks alike,
    MyST roles reduced to their text, runs of whitespace as one space."""
    text = re.sub(r"\{\w+\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", text)
    for curly, plain in (("‘’‚‛′", "'"), ("“”„‟″", '"')):
        text = re.sub(f"[{curly}]", plain, text)
    text = text.replace("…", "...")
    return " ".join(text.split())


def quote_mismatches(page_text: str, lines: list[str]) -> tuple[int, list[str]]:
    """Count the quotation-plus-citation pairs and list those the article does not bear out.

    A quotation may skip words with "..."; its pieces must then appear in order."""
    text = normalise(page_text.replace("“", '"').replace("”", '"'))
    checked, problems = 0, []
    for match in QUOTE_THEN_CITATION.finditer(text):
        quote, cited = match.group(1), [int(n) for n in CITATION.findall(match.group(2))]
        pieces = [p.strip() for p in quote.split("...") if p.strip()]
        for number in cited:
            checked += 1
            line = normalise(lines[number - 1]) if 0 < number <= len(lines) else ""
            position = 0
            for piece in pieces:
                position = line.find(piece, position)
                if position < 0:
                    problems.append(f'"{quote}" is not on L{number}: {line[:80]!r}')
                    break
                position += len(piece)
    return checked, problems


def fenced(page_text: str, name: str) -> list[tuple[str, dict[str, str], str]]:
    """The `name` directives of a page as (argument, options, body)."""
    found = []
    for kind, argument, body in FENCE.findall(page_text):
        if kind != name:
            continue
        options = dict(re.findall(r"^:(\w[\w-]*):[ \t]*(.*)$", body, re.M))
        content = re.sub(r"^:\w[\w-]*:.*\n?", "", body, flags=re.M)
        found.append((argument.strip(), options, content))
    return found


def test_every_page_exists_and_is_in_the_table_of_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    listed = {chapter["file"] for part in toc["parts"] for chapter in part["chapters"]}
    for page in PAGES:
        assert (BOOK / f"{page}.md").is_file(), f"book/{page}.md is missing"
        assert f"book/{page}" in listed, f"book/{page} is not in _toc.yml"


@pytest.mark.parametrize("page", PAGES)
def test_line_citations_point_at_text(page):
    cited = [int(n) for n in CITATION.findall(source(page))]
    bad = [n for n in cited if not (0 < n <= len(LINES) and LINES[n - 1].strip())]
    assert not bad, f"book/{page}.md cites blank or missing lines: {bad}"


@pytest.mark.parametrize("page", READING_CHAPTERS)
def test_quotations_are_on_the_lines_they_cite(page):
    checked, problems = quote_mismatches(source(page), LINES)
    assert not problems, f"book/{page}.md: " + "; ".join(problems)
    assert checked >= 8, f"book/{page}.md: only {checked} quotations carry a line citation"


@pytest.mark.parametrize("page", READING_CHAPTERS)
def test_blockquotes_are_passages_of_one_article_line(page):
    blocks = re.findall(r"(?:^> .*\n?)+", source(page), re.M)
    for block in blocks:
        passage = normalise(re.sub(r"^> ", "", block, flags=re.M))
        assert any(passage in normalise(line) for line in LINES), passage[:80]


def test_a_misquote_or_wrong_line_is_caught():
    assert quote_mismatches('the "despot" (L10) word', LINES) == (1, [])
    assert quote_mismatches('"despot" (L12) and "UK officials" (L6, L56)', LINES)[1] != []
    assert quote_mismatches('"A seething Peskov ... ranted" (L28)', LINES)[1] == []
    assert quote_mismatches('"ranted ... A seething Peskov" (L28)', LINES)[1] != []


@given(st.data())
def test_any_passage_of_a_line_passes_when_cited_by_that_line(data):
    number = data.draw(st.sampled_from([n for n, line in enumerate(LINES, 1) if line.strip()]))
    words = LINES[number - 1].replace('"', "").split()
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    passage = " ".join(words[start:end])
    assert quote_mismatches(f'see "{passage}" (L{number}).', LINES) == (1, [])


@pytest.mark.parametrize("page", READING_CHAPTERS)
def test_reflection_questions_close_the_chapter(page):
    text = source(page)
    boxes = [body for _, options, body in fenced(text, "admonition")
             if "reflection" in options.get("class", "").split()]
    assert len(boxes) == 1, f"book/{page}.md needs one admonition with :class: reflection"
    questions = re.split(r"^\d+\.\s", boxes[0], flags=re.M)[1:]
    assert 2 <= len(questions) <= 3, f"book/{page}.md: {len(questions)} reflection questions"
    assert all("?" in q for q in questions), f"book/{page}.md: a reflection item asks nothing"


@pytest.mark.parametrize("page", sorted(TAGGER_LABELS))
def test_tagger_uses_the_article_and_the_chapter_labels(page):
    text = source(page)
    taggers = fenced(text, "tagger")
    assert len(taggers) == 1, f"book/{page}.md should have one tagger"
    path, options, _ = taggers[0]
    exercise = (BOOK / path).resolve()
    assert exercise.name == "exercise.yml"
    assert exercise.parent == ARTICLE_PATH.parent.resolve()
    labels = {label.strip() for label in options.get("labels", "").split(",")}
    assert labels == TAGGER_LABELS[page]
    assert options.get("difficulty") in {"guided", "standard", "challenge"}
    after = text.split("```{tagger}", 1)[1]
    assert re.search(r"Check[^.]*hints", after), f"book/{page}.md: say how Check's feedback works"


def test_one_glossary_defines_every_term_the_pages_use():
    glossaries = [(page, body) for page in PAGES for _, _, body in fenced(source(page), "glossary")]
    assert [page for page, _ in glossaries] == ["01-how-to-use"]
    defined = set(re.findall(r"^(\S.*?)\s*$", glossaries[0][1], re.M))
    assert GLOSSARY_TERMS <= defined
    used = {normalise(t) for page in PAGES
            for t in re.findall(r"\{term\}`([^`<]*?)\s*(?:<[^>]*>)?`", source(page))}
    assert used <= defined, f"terms used but not defined: {used - defined}"
