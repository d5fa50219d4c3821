"""A student's loop through the book on a phone, with taps only: what the words ask of a touch screen, the
written answers, a guided page, and the hand-in file's notices."""

from __future__ import annotations

import re

from browser_helpers import PHONE
from test_chapters import CHAPTERS

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
