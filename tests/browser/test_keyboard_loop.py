"""A student who cannot use a mouse does chapter 5's whole loop with keys alone, from the top of the page to
the hand-in with the chapter's answers in it; Escape closes what a key opened, with focus back where it was
opened from."""

from __future__ import annotations

import json
import re

from browser_helpers import screenshot
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


def test_a_label_key_with_nothing_selected_says_which_key_selects_and_that_key_does(page):
    """The message "Select words first" named the mouse and Shift + arrow keys only; on the keys, one word is
    selected by Space, at the caret. A student who does what it says has the caret's word tagged."""
    page.goto(CHAPTER_5)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    page.locator(".mt-article").focus()
    live = page.locator(".mt-live")
    for _ in range(200):
        if live.text_content().startswith("despot,"):
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("l")
    expect(live).to_contain_text("Select words first")
    told = re.search(r"press (\w+)", live.text_content())
    assert told, live.text_content()
    page.keyboard.press(told.group(1))
    page.keyboard.press("l")
    expect(live).to_have_text("Tagged “despot” as Loaded L1.")


# Where focus is while the shortcuts dialog is open: in it, on the page behind it, or out of the page (on the
# browser's own controls; a headless browser has none, and leaves it on the page's body).
WHERE_FOCUS_IS = """() => {
  const at = document.activeElement;
  if (document.querySelector('dialog.mt-dialog').contains(at)) return 'dialog';
  return !at || at === document.body ? 'out' : 'page';
}"""


def test_the_shortcuts_dialog_holds_focus_as_a_modal_and_gives_it_back_to_its_button(page):
    """The shortcuts dialog is modal: Tab and Shift+Tab go round it and the browser's own controls, never to the
    page behind; Escape closes it, and focus is back on the button that opened it (it went to the article, far
    from where a keyboard student was)."""
    page.goto(CHAPTER_5)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    opener = page.locator(".mt-helpbtn")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.mt-dialog")
    expect(dialog.locator(".mt-close")).to_be_focused()
    where = []
    for key in ("Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"):
        page.keyboard.press(key)
        where.append(page.evaluate(WHERE_FOCUS_IS))
    assert "page" not in where and "dialog" in where, where
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def test_the_whole_loop_of_chapter_5_with_the_keyboard_alone(page, tmp_path):
    page.goto(CHAPTER_5)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    for key in ("Tab", "Tab", "Enter"):  # Skip to the Tagger
        page.keyboard.press(key)
    expect(page.locator(".mt-article")).to_be_focused()
    live = page.locator(".mt-live")
    for _ in range(200):  # the status line says the word at the caret
        if live.text_content().startswith("despot,"):
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.keyboard.press("l")
    expect(live).to_have_text("Tagged “despot” as Loaded L1.")
    page.keyboard.press("Shift+Tab")  # the label bar, then Check
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".mt-summary")).to_be_focused()
    expect(page.locator(".mt-summary")).to_contain_text("You found 1 of")
    screenshot(page, "keyboard-loop-checked")
    while not focused(page, ".mt-fb-found .mt-quote"):  # a feedback item's words, and back
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".mt-article")).to_be_focused()
    page.keyboard.press("f")
    expect(page.locator(".mt-fb-found .mt-quote")).to_be_focused()
    while not focused(page, ".mt-handinbtn"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".mt-student")).to_be_focused()
    page.keyboard.type("Sam")
    while not focused(page, ".medialit-answer-box"):  # past Download and Load, to the chapter's questions
        page.keyboard.press("Tab")
    page.keyboard.type("“despot” is the paper's word; “cabal” is Medvedev's.")
    while not focused(page, ".mt-download"):
        page.keyboard.press("Shift+Tab")
    with page.expect_download() as got:
        page.keyboard.press("Enter")
    path = tmp_path / "handin.json"
    got.value.save_as(path)
    handin = json.loads(path.read_text(encoding="utf-8"))
    assert handin["student"] == "Sam"
    assert [(t["label"], t["quote"]) for t in handin["tags"]] == [("loaded", "despot")]
    assert "“despot” is the paper's word" in json.dumps(handin["answers"], ensure_ascii=False)
    assert page.errors == [] and page.offsite_requests == []
