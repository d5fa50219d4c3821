"""Every chapter page of the built book: loads cleanly, its taggers mount and work from the keyboard,
axe-core finds no violations, and nothing is fetched from outside the local server.
Chapter 7's own interactions (lateral.js) are checked separately, without any tagger on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import ROOT, SCREENSHOTS
from playwright.sync_api import expect


def toc_pages() -> list[str]:
    """Every page in _toc.yml, so a new page is tested as soon as it is in the book."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [entry["file"] for entry in part.get("chapters", [])]
    return pages


CHAPTERS = toc_pages()
# chapters whose reading asks students to tag: a page that loses its tagger must fail here
MUST_HAVE_TAGGER = {"book/03-claims", "book/04-sources", "book/05-loaded-language", "book/06-hedges"}


def open_chapter(page, chapter: str):
    """Open a chapter on the local book server (the `page` fixture records errors and off-site requests)."""
    response = page.goto(f"{chapter}.html")
    assert response is not None and response.ok, f"{chapter}: HTTP {response and response.status}"
    page.wait_for_load_state("networkidle")


def assert_clean(page, chapter: str) -> None:
    assert not page.errors, f"{chapter}: console errors:\n" + "\n".join(page.errors)
    assert not page.offsite_requests, f"{chapter}: requests outside 127.0.0.1: {page.offsite_requests}"


def tag_by_keyboard_and_check(page, tagger) -> None:
    """Select words by keyboard, tag them with the first label's key, then press Check.

    Free tagging selects two words with the arrow keys; a guided exercise only takes its grey
    phrases, so there ] picks the first one.
    """
    article = tagger.locator(".mt-article")
    article.focus()
    if tagger.locator(".medialit-tagger.mt-diff-guided").count():
        page.keyboard.press("]")
    else:
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Shift+ArrowRight")
    first_label = tagger.locator(".mt-labbtn").first
    key = first_label.locator("kbd").inner_text().strip()
    assert key, "the first label button shows no keyboard shortcut"
    before = tagger.locator(".mt-tags button.mt-del").count()
    page.keyboard.press(key.lower())
    expect(tagger.locator(".mt-tags button.mt-del"), "the label key did not add a tag").to_have_count(before + 1)
    check = tagger.locator(".mt-check")
    check.focus()
    page.keyboard.press("Enter")
    summary = tagger.locator(".mt-summary")
    summary.wait_for(state="visible", timeout=10_000)
    expect(summary, "the summary did not take focus").to_be_focused()
    assert_names_only_its_labels_and_lines(page, tagger, summary.inner_text())


def assert_names_only_its_labels_and_lines(page, tagger, summary: str) -> None:
    """The summary counts only the page's labels and lines: it names each of them and no other label."""
    config = tagger.evaluate("(m) => JSON.parse(document.getElementById(m.dataset.config).textContent)")
    shown = {label["name"] for label in config["exercise"]["labels"]}
    defaults = {"claim": "claims", "source": "sources", "loaded": "loaded words", "cue": "cues"}
    for name, plural in defaults.items():
        named = f" {plural}" in summary
        assert named == (name in shown), f"the summary {'leaves out' if name in shown else 'names'} {plural}: {summary}"
    lines = config["exercise"]["article"].get("part", {}).get("lines")
    if lines:
        assert f"lines {lines[0]}–{lines[1]}" in summary, summary


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page(page, chapter):
    open_chapter(page, chapter)

    mounts = page.locator("[data-medialit-tagger]")
    if chapter in MUST_HAVE_TAGGER:
        assert mounts.count() >= 1, f"{chapter} should have a tagger"
    for n in range(mounts.count()):
        mounts.nth(n).locator(".medialit-tagger").wait_for(state="attached", timeout=10_000)
    if mounts.count():
        tag_by_keyboard_and_check(page, mounts.first)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{Path(chapter).name}.png"), full_page=True)

    assert_clean(page, chapter)  # before axe: axe fetches style sheets itself, from its own idea of their URLs
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_lateral_results_by_keyboard(page):
    open_chapter(page, "book/07-lateral-reading")
    form = page.locator('form[data-lateral="results"]')
    live = form.locator(".lateral-live")
    check = form.locator('[data-action="check-result"]')
    assert check.is_visible(), "lateral.js did not run: the Check button is still hidden"

    check.focus()
    page.keyboard.press("Enter")
    assert "Choose one result" in live.inner_text()

    form.locator("#lateral-r-own").focus()
    page.keyboard.press("Space")
    check.focus()
    page.keyboard.press("Enter")
    assert "Write one sentence" in live.inner_text()

    form.locator("#lateral-why").fill("It is his own channel, so I can see what he says first.")
    check.focus()
    page.keyboard.press("Enter")
    assert "Useful later" in live.inner_text()
    assert form.locator(".lateral-result-feedback:visible").count() == 1

    form.locator("#lateral-r-encyclopedia").check()
    form.locator("#lateral-why").fill("It is written by other people about him, with references.")
    check.click()
    text = live.inner_text()
    assert "Good first click" in text and "who wrote the page" in text
    assert form.locator(".lateral-choice-badge").count() == 1

    form.locator('[data-action="show-all-results"]').click()
    assert form.locator(".lateral-result-feedback:visible").count() == form.locator(".lateral-result").count()
    assert_clean(page, "book/07-lateral-reading")


def test_lateral_claim_chain(page):
    open_chapter(page, "book/07-lateral-reading")
    form = page.locator('form[data-lateral="chain"]')
    live = form.locator(".lateral-live")
    check = form.locator('[data-action="check-chain"]')

    check.click()
    assert "Fill in the links first" in live.inner_text()

    for n, answer in enumerate(["Bild", "a tweet", "some website", ""], start=1):
        form.locator(f"#lateral-link-{n}").fill(answer)
    form.locator("#lateral-missing-4").check()
    check.click()
    text = live.inner_text()
    assert "2 of 4 links" in text and "Close" in text
    results = form.locator(".lateral-link-result")
    assert results.nth(0).inner_text().startswith("Yes.")
    assert results.nth(2).inner_text().startswith("Compare with:")
    assert results.nth(3).inner_text().startswith("Empty")

    form.locator("#lateral-link-3").fill("Yuriy Romanenko")
    form.locator("#lateral-link-4").fill("secret service agents")
    form.locator("#lateral-missing-2").focus()
    page.keyboard.press("Space")
    check.focus()
    page.keyboard.press("Enter")
    text = live.inner_text()
    assert "4 of 4 links" in text and text.count("Yes.") == 1 and "original tweet" in text
    # the article does not show the tweet, but it sums it up and may quote one word of it (L194)
    assert "sums up what it alleged" in text and "‘information’" in text and "does not quote" not in text
    assert_clean(page, "book/07-lateral-reading")


VISIBLE_SEARCH_BUTTONS = """() => [...document.querySelectorAll('.search-button__button')]
  .filter((b) => b.getClientRects().length && getComputedStyle(b).visibility !== 'hidden').length"""


@pytest.mark.parametrize("width", [1280, 1900, 390])
def test_one_way_to_search_at_every_width(browser, book_server, width):
    context = browser.new_context(base_url=book_server, viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        open_chapter(page, CHAPTERS[0])
        assert page.evaluate(VISIBLE_SEARCH_BUTTONS) == 1
        page.locator(".search-button__button:visible").click()
        expect(page.locator("#pst-search-dialog input[type=search], .bd-search input").first).to_be_visible()
    finally:
        context.close()


VISIBLE_SEARCH_FIELDS = """() => [...document.querySelectorAll('input[type=search]')]
  .filter((i) => i.getClientRects().length && getComputedStyle(i).visibility !== 'hidden').length"""


@pytest.mark.parametrize("width", [1280, 1900, 390])
def test_the_search_page_shows_one_search_field(browser, book_server, width):
    """The search page has its own field: no search field in the sidebar or button in the header beside
    it (the one in the sidebar looked like a second field); Ctrl+K goes to the page's field."""
    context = browser.new_context(base_url=book_server, viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto("search.html?q=source")
        field = page.locator(".bd-search-container input[type=search]")
        expect(field).to_be_visible()
        assert page.evaluate(VISIBLE_SEARCH_BUTTONS) == 0 and page.evaluate(VISIBLE_SEARCH_FIELDS) == 1
        page.locator("h1").click()
        page.keyboard.press("Control+k")
        expect(field).to_be_focused()
    finally:
        context.close()


def test_search_lists_the_students_chapter_first_and_quotes_it(browser, book_server):
    # "Lesson by lesson" has a section "Sources", which Sphinx scores as the chapter's own title
    context = browser.new_context(base_url=book_server)
    page = context.new_page()
    try:
        page.goto("search.html?q=source")  # a word, not the title: an exact title wins anyway
        results = page.locator("#search-results li a")
        expect(results.first).to_be_visible(timeout=10_000)
        titles = results.all_text_contents()
        assert titles[0] == "Sources" and "Lesson by lesson" in titles, titles
        # its summary quotes the chapter, not the page's buttons and printed contents ("….pdf Sources Contents…")
        summary = page.locator("#search-results li").first.locator("p.context")
        expect(summary).to_contain_text("A source is whoever", timeout=10_000)
        assert ".pdf" not in summary.text_content() and "Contents" not in summary.text_content()
    finally:
        context.close()


def listener_types(page, selector: str) -> list[str]:
    """The events the first element matching `selector` has listeners for, one entry per listener."""
    cdp = page.context.new_cdp_session(page)
    found = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": found["result"]["objectId"]})["listeners"]
    return sorted(listener["type"] for listener in listeners)


def test_a_page_starts_its_tagger_and_answer_boxes_once(page):
    """book-page.js starts a page once (the deferred script runs after the document is parsed, before
    DOMContentLoaded): once loaded, and after what the theme does later (light or dark, a phone's width, a
    jump to the Tagger), the page has one Tagger and one skip link, and the name box and an answer box each
    one listener per event, so a name or an answer is saved once. A second mountAll mounts nothing."""
    open_chapter(page, "book/07-lateral-reading")
    page.locator(".medialit-tagger .mt-tok").first.wait_for()
    page.locator(".theme-switch-button").first.click()
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("location.hash = '#' + document.querySelector('[data-medialit-tagger]').id")
    page.evaluate("() => window.medialitTagger.mountAll()")
    expect(page.locator(".medialit-tagger")).to_have_count(page.locator("[data-medialit-tagger]").count())
    expect(page.locator(".medialit-skip")).to_have_count(1)
    assert listener_types(page, ".mt-student") == ["change", "input"]
    assert listener_types(page, "textarea[data-medialit-answer]") == ["change", "focusout", "input"]
