"""A student who cannot use a mouse does chapter 5's whole loop with keys alone: Escape closes what a key
opened, with focus back where it was opened from."""

from __future__ import annotations

from playwright.sync_api import expect
from test_tagger import tag_in_text

CHAPTER_5 = "book/05-loaded-language.html"


def test_escape_closes_the_coachs_list_and_a_second_escape_goes_back_to_the_words(page):
    page.goto(CHAPTER_5)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    tag_in_text(page, ("despot",), "l")
    page.locator(".mt-check").focus()
    page.keyboard.press("Enter")
    picker = page.locator(".mt-picker-box")
    picker.locator("summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(".mt-picker")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(picker).not_to_have_attribute("open", "")
    expect(picker.locator("summary")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".mt-article")).to_be_focused()
