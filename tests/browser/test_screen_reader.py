"""What a screen reader hears on a chapter: Check's result once, as focus lands on the summary, on the second
Check as on the first (a live region changed in place would be read out again besides); under an answer box,
"Not saved" read out, "Saved" (back after every pause in typing) not; a button's words without the arrow drawn
beside them, and a status line's or a verdict chip's words without their sign."""

from __future__ import annotations

import re
import unicodedata

import pytest
from browser_helpers import PHONE, accessible_names, painted, text_heard
from playwright.sync_api import expect
from test_tagger import tag_in_text, tap_tag

CHAPTER_4 = "book/04-sources.html"  # sources and claims
CHAPTER_5 = "book/05-loaded-language.html"

# Record the text of every live region (status, alert, aria-live) on the page whose words change from now on,
# as a screen reader hears them; a region put on the page whole is not heard, only changes inside one.
HEAR_LIVE_REGIONS = """() => {
  window.heard = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const region = el.closest('[role=status], [role=alert], [aria-live]');
      if (region && !window.heard.includes(region.textContent)) window.heard.push(region.textContent);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


def check_with_keys(page) -> None:
    page.locator(".mt-check").focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_a_second_check_is_heard_once_where_focus_lands(browser, book_server, screen):
    context = browser.new_context(base_url=book_server, **(PHONE if screen == "phone" else {}))
    try:
        page = context.new_page()
        page.goto(CHAPTER_5)
        page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
        tag = tap_tag if screen == "phone" else lambda page, words, label: tag_in_text(page, words, "l")
        tag(page, ("despot",), "loaded")
        if screen == "phone":
            page.locator(".mt-check").tap()
        else:
            check_with_keys(page)
        summary = page.locator(".mt-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("You found 1 of")
        tag(page, ("seething",), "loaded")
        page.evaluate(HEAR_LIVE_REGIONS)
        if screen == "phone":
            page.locator(".mt-check").tap()
        else:
            check_with_keys(page)
        expect(summary).to_contain_text("You found 2 of")
        expect(summary).to_be_focused()  # read out here, once
        heard = page.evaluate("window.heard")
        assert heard, "the status line said nothing at Check"
        assert not [words for words in heard if "You found" in words], heard
    finally:
        context.close()


# A browser that lets the page read its storage but not write to it (storage full, or turned off for the site).
STORAGE_REFUSES = "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };"


def test_an_answer_not_saved_is_read_out_and_an_answer_saved_is_not(browser, book_server):
    context = browser.new_context(base_url=book_server)
    try:
        page = context.new_page()
        page.goto(CHAPTER_5)
        box = page.locator(".medialit-answer-box").first
        status = page.locator(".medialit-answer-status").first
        box.focus()
        page.keyboard.type("despot is the paper's word")
        expect(status).to_have_text("Saved in this browser.")
        expect(page.get_by_role("alert").or_(page.get_by_role("status")).filter(has_text="Saved")).to_have_count(0)
        refusing = context.new_page()
        refusing.add_init_script(STORAGE_REFUSES)
        refusing.goto(CHAPTER_5)
        refusing.locator(".medialit-answer-box").first.focus()
        refusing.keyboard.type(" and Peskov's words are quoted")
        expect(refusing.get_by_role("alert").filter(has_text="Not saved")).to_have_count(1)
    finally:
        context.close()


def symbol_at_an_end(name: str) -> bool:
    """Whether a name starts or ends with a symbol (an arrow, a tick), which a screen reader reads out by its name."""
    return bool(name) and any(unicodedata.category(ch).startswith("S") for ch in (name[0], name[-1]))


def test_a_button_is_heard_by_its_words_not_by_the_arrow_drawn_beside_them(page):
    """ "↶ Undo" was read "anticlockwise top semicircle arrow, Undo": every button of the Tagger, and the ways back
    that tagger.css draws an arrow for, is named by its words alone."""
    page.goto(CHAPTER_5)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    tag_in_text(page, ("despot",), "l")
    check_with_keys(page)
    page.locator(".mt-feedback .mt-linkbtn").first.click()  # to the words, with a way back up to the feedback
    expect(page.locator(".mt-backbtn")).to_be_visible()
    names = accessible_names(page, "button")
    page.locator(".mt-tags .mt-del").first.click()  # an Undo in the taken tag's place
    expect(page.locator(".mt-undohere")).to_be_visible()
    names += accessible_names(page, "button")
    assert {"Undo", "Redo", "Go to your hand-in", "Back to the feedback"} <= set(names), names
    assert names.count("Undo") >= 2, names  # the bar's and the one in the taken tag's place
    assert [name for name in names if symbol_at_an_end(name)] == []


def words(text: str) -> list[str]:
    """The words of a text, without its punctuation and symbols (which label-in-name leaves aside)."""
    return re.findall(r"\w+", text)


def in_order(some: list[str], others: list[str]) -> bool:
    """Whether `some` are among `others` in the same order (others may come between)."""
    rest = iter(others)
    return all(word in rest for word in some)


def test_a_tags_button_is_named_first_by_the_words_it_shows(page):
    """WCAG 2.5.3, label in name: a tag's button shows "C1 “sought to shift the focus” L10 → S1" and was named
    "Claim C1: sought to shift the focus. Line 10. …"; a student using voice control says what they see, so the
    name begins with the words shown, and the sources it points to come after, in their order."""
    page.goto(CHAPTER_4)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    tag_in_text(page, ("UK", "spooks"), "2")
    tag_in_text(page, ("sought", "to", "shift", "the", "focus"), "1")
    claim = page.locator(".mt-group-claim .mt-entry").first
    claim.locator(".mt-attrib > summary").click()
    claim.locator(".mt-link").first.check()
    expect(claim.locator(".mt-linked")).to_have_text(" → S1")
    jumps = page.locator(".mt-jump")
    names = [name for name in accessible_names(page, "button") if name.endswith("Show in the text.")]
    assert len(names) == jumps.count() == 2, names
    for jump, name in zip(jumps.all(), names, strict=True):
        shown = jump.inner_text()
        linked = jump.locator(".mt-linked").inner_text()
        before_the_arrow = words(shown.removesuffix(linked))
        assert words(name)[: len(before_the_arrow)] == before_the_arrow, (shown, name)
        assert in_order(words(shown), words(name)), (shown, name)


# Tags on chapter 4 that get every sign a verdict chip draws: ✓ Found, ≈ Close, ↔ Other label, ✗ Not in the key.
TAGS_OF_EVERY_VERDICT = [
    (("UK", "spooks"), "2"),  # the key's source
    (("Ukraine", "is", "blitzed"), "1"),  # the key's claim is "Ukraine is blitzed in ‘revenge’"
    (("Russia",), "1"),  # the key's source, tagged as a claim
    (("Putin",), "2"),  # no source
]
CHIP_WORDS = {"Found", "Close", "Other label", "Not in the key"}


def tagger_heard_with(page, shown: set[str]) -> list[str]:
    """The Tagger's text as heard (text_heard), once the accessibility tree, which Chromium brings up to date
    after the page is drawn, holds each of `shown` (words, whatever signs are beside them)."""
    for _ in range(50):
        painted(page)
        heard = text_heard(page, ".medialit-tagger")
        if shown <= {" ".join(words(text)) for text in heard}:
            return heard
    raise AssertionError(f"not all of {shown} are in the accessibility tree: {heard}")


def test_a_status_line_and_a_verdict_chip_are_heard_by_their_words_not_by_the_sign_drawn_beside_them(page):
    """ "✓ Saved" under the name was read "check mark, Saved", and a chip "✓ Found" "check mark, Found" (≈ "almost
    equal to", ↔, ✗ alike): every run of the Tagger's text is heard without a sign at either end, and the chips
    still show their signs (tagger.css draws them, with no words for a screen reader)."""
    page.goto(CHAPTER_4)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    text_heard(page, ".medialit-tagger")  # a screen reader on from the start, as Chromium's tree is kept for one
    for shown, key in TAGS_OF_EVERY_VERDICT:
        tag_in_text(page, shown, key)
    page.locator(".mt-student").fill("Sam")
    page.locator(".mt-student").press("Tab")  # the name is saved as the box is left
    expect(page.locator(".mt-namesaved")).to_have_text("✓ Saved")
    check_with_keys(page)
    chips = page.locator(".mt-tags .mt-chip")
    expect(chips).to_have_count(len(TAGS_OF_EVERY_VERDICT))
    heard = tagger_heard_with(page, {"Saved", *CHIP_WORDS})
    assert [text for text in heard if symbol_at_an_end(text.strip())] == []
    drawn = {
        chip.text_content(): chip.evaluate("(c) => getComputedStyle(c, '::before').content") for chip in chips.all()
    }
    assert {words: sign.split(" / ")[0] for words, sign in drawn.items()} == {
        "Found": '"✓ "',
        "Close": '"≈ "',
        "Other label": '"↔ "',
        "Not in the key": '"✗ "',
    }, drawn


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_a_label_button_is_named_by_its_title_and_its_keys_are_told_as_keys(browser, book_server, screen):
    """WCAG 2.5.3, label in name: a label button shows "C Claim 1" (its letter, its title, its number key) and was
    named "Claim 1", which is heard as a count, or as the tag C1. It is named by its title, and its keys, drawn as
    keys, are told as keys (aria-keyshortcuts); a touch screen has no keys, and draws and tells none."""
    context = browser.new_context(base_url=book_server, **(PHONE if screen == "phone" else {}))
    try:
        page = context.new_page()
        page.goto(CHAPTER_4)
        page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
        labels = page.get_by_role("group", name="Labels")
        names = [
            name for name in accessible_names(page, "button") if name in {"Claim", "Source", "Claim 1", "Source 2"}
        ]
        assert names == ["Claim", "Source"], names
        keys = {"Claim": "1 C", "Source": "2 S"} if screen == "laptop" else {"Claim": None, "Source": None}
        for title, told in keys.items():
            label = labels.get_by_role("button", name=title, exact=True)
            assert label.get_attribute("aria-keyshortcuts") == told
            expect(label.locator("kbd")).to_be_visible(visible=told is not None)
    finally:
        context.close()
