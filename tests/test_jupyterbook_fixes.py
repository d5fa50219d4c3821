"""The book-wide mends: which pages the search ranks first among equal matches."""

from __future__ import annotations

import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

from medialit.web.jupyterbook_fixes import student_pages
from tests.helpers import ROOT


def test_the_students_pages_are_the_root_and_the_first_part_of_the_books_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    first_part = [chapter["file"] for chapter in toc["parts"][0]["chapters"]]
    pages = student_pages(parse_toc_yaml(ROOT / "_toc.yml"))
    assert pages == [toc["root"], *first_part]
    assert not {"book/teacher-guide", "book/instructors/formats", "notebooks/class-report"} & set(pages)


def test_a_chapters_own_sections_count_and_links_do_not(tmp_path):
    toc = tmp_path / "_toc.yml"
    link = {"url": "https://example.org", "title": "Elsewhere"}
    readers = {
        "caption": "Readers",
        "chapters": [{"file": "one", "sections": [{"file": "one-a"}, link]}, {"file": "two"}],
    }
    teachers = {"caption": "Teachers", "chapters": [{"file": "guide"}]}
    toc.write_text(
        yaml.safe_dump({"format": "jb-book", "root": "intro", "parts": [readers, teachers]}), encoding="utf-8"
    )
    assert student_pages(parse_toc_yaml(toc)) == ["intro", "one", "one-a", "two"]


def test_a_book_without_parts_has_only_its_root_first(tmp_path):
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-article\nroot: intro\n", encoding="utf-8")
    assert student_pages(parse_toc_yaml(toc)) == ["intro"]
