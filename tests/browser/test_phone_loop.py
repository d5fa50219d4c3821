"""A student's loop through the book on a phone, with taps only: what the words ask of a touch screen, the
written answers, a guided page, and the hand-in file's notices."""

from __future__ import annotations

import re

from browser_helpers import PHONE, painted, screenshot
from playwright.sync_api import expect
from test_chapters import CHAPTERS

CLAIMS_CHAPTER = "book/03-claims.html"
# the pages a student reads (an instructor builds an exercise in Jupyter, with a keyboard)
STUDENTS_PAGES = [c for c in CHAPTERS if not re.match(r"book/(instructors|teachers?)\b", c)]

# The sentences of a page's own words (the Tagger's are tested apart) that ask for a label key.
ASKS_FOR_A_LABEL_KEY = r"""() => [...document.querySelectorAll('.bd-article :is(p, li)')]
  .filter((el) => !el.closest('.medialit-tagger'))
  .flatMap((el) => el.textContent.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/))
  .filter((sentence) => /label key/i.test(sentence))"""


def test_every_sentence_that_asks_for_a_label_key_names_the_labels_button_too(browser, book_server):
    """A phone has no keys: a chapter that asks for a label key offers the label's button in the same sentence
    (chapter 1's practice Tagger asked a phone to "press a label key")."""
    context = browser.new_context(base_url=book_server, **PHONE)
    page = context.new_page()
    try:
        for chapter in STUDENTS_PAGES:
            page.goto(f"{chapter}.html")
            for sentence in page.evaluate(ASKS_FOR_A_LABEL_KEY):
                assert "button" in sentence, f"{chapter}: {sentence}"
    finally:
        context.close()


def open_tagger(context, path: str):
    """A chapter's page in `context`, its first Tagger drawn, nothing saved from an earlier test."""
    page = context.new_page()
    page.goto(path)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    return page


# Whether an answer box shows all its words: nothing scrolled out of sight inside it.
SHOWS_ALL_ITS_WORDS = "(box) => box.scrollHeight <= box.clientHeight + 1"


def test_on_a_phone_an_answer_box_grows_to_show_all_its_words(browser, book_server):
    """A box three lines high, on a phone's narrow column, hid the first lines of an answer of a few sentences
    inside it (its handle to stretch it is too small for a finger): it grows as the student writes, and shows
    the saved answer whole after a reload."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        box = page.locator("[data-medialit-answer]").first
        box.scroll_into_view_if_needed()
        box.tap()
        page.keyboard.type(
            "I would need to see parts of the drones and where they were launched from. "
            "Russia shows no evidence, and the UK officials show none either."
        )
        painted(page)
        assert box.evaluate(SHOWS_ALL_ITS_WORDS), box.evaluate("(b) => [b.scrollHeight, b.clientHeight]")
        screenshot(page, "answer-box-phone")
        page.reload()
        page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
        expect(box).to_have_value(re.compile("UK officials show none either"))
        assert box.evaluate(SHOWS_ALL_ITS_WORDS)
    finally:
        context.close()
