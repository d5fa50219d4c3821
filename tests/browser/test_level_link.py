"""A teacher sets a student's level without rebuilding the book: a link with `?difficulty=` sets it for
every Tagger in that browser, a note says so, and `?difficulty=chapter` gives each chapter its own back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

CLAIMS, SOURCES = "book/03-claims.html", "book/04-sources.html"  # both standard in the book


def open_tagger(page, address: str):
    page.goto(address)
    expect(page.locator(".medialit-tagger-mount").first).to_have_attribute("data-state", "ready")
    page.wait_for_selector(".mt-article .mt-tok")


def level_note(page):
    return page.locator(".medialit-level-note")


def test_a_link_sets_guided_on_every_page_until_a_link_gives_the_chapter_its_own_back(page):
    open_tagger(page, CLAIMS + "?difficulty=guided")
    expect(level_note(page)).to_have_text(
        "Your teacher's link set this Tagger to guided (the chapter's own level is standard)."
    )
    assert page.locator(".mt-article .mt-cand").count() > 0, "guided shows the phrases to choose from"

    open_tagger(page, SOURCES)  # no parameter: the level is kept in this browser
    expect(level_note(page)).to_contain_text("guided")
    assert page.locator(".mt-article .mt-cand").count() > 0

    open_tagger(page, SOURCES + "?difficulty=chapter")
    expect(level_note(page)).to_have_count(0)
    assert page.locator(".mt-article .mt-cand").count() == 0
    open_tagger(page, CLAIMS)
    expect(level_note(page)).to_have_count(0)
    assert page.errors == [] and page.offsite_requests == []


@pytest.mark.parametrize("asked", ["nonsense", "", "standard"])
def test_a_level_that_is_not_one_or_is_the_chapters_own_changes_nothing(page, asked):
    open_tagger(page, f"{CLAIMS}?difficulty={asked}")
    expect(level_note(page)).to_have_count(0)
    assert page.locator(".mt-article .mt-cand").count() == 0


def test_the_level_belongs_to_one_browser_not_to_the_book(page, browser, book_server):
    open_tagger(page, CLAIMS + "?difficulty=challenge")
    expect(level_note(page)).to_contain_text("challenge")
    other = browser.new_context(base_url=book_server)  # another student's browser
    try:
        theirs = other.new_page()
        open_tagger(theirs, CLAIMS)
        expect(level_note(theirs)).to_have_count(0)
    finally:
        other.close()
