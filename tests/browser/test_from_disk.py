"""The built book opened from disk (file://), as a teacher's copy on a USB stick or a shared drive is:
the Tagger starts, tags, checks and keeps its work over a reload. And a page whose Tagger cannot
start says why, in the page."""

from __future__ import annotations

import re

from browser_helpers import screenshot
from conftest import book_html
from playwright.sync_api import expect

CHAPTER = "book/05-loaded-language.html"


def open_from_disk(context, chapter: str):
    page = context.new_page()
    page.errors = []
    page.offsite = []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on(
        "request", lambda r: page.offsite.append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None
    )
    page.goto((book_html() / chapter).as_uri())
    return page


def test_a_chapter_opened_from_disk_tags_checks_and_keeps_its_tags(browser, book_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = open_from_disk(context, CHAPTER)
        assert page.url.startswith("file://")
        article = page.locator(".medialit-tagger .mt-article")
        article.locator(".mt-tok").first.wait_for(timeout=10_000)
        assert page.locator("[data-medialit-tagger]").get_attribute("data-state") == "ready"
        words = article.locator(".mt-tok").all_text_contents()
        article.focus()
        for _ in range(words.index("orchestrating")):
            page.keyboard.press("ArrowRight")
        page.keyboard.press(" ")
        page.keyboard.press("l")
        entry = page.locator(".mt-group-loaded .mt-entry")
        expect(entry).to_have_count(1)
        page.locator(".mt-check").click()
        feedback = page.locator(".mt-feedback")
        expect(feedback.locator(".mt-summary")).to_be_focused()
        expect(feedback.locator(".mt-fb-tag", has_text="orchestrating").first).to_be_visible()
        screenshot(page, "from-disk-chapter-5")
        page.reload()
        page.locator(".mt-article .mt-tok").first.wait_for(timeout=10_000)
        expect(page.locator(".mt-group-loaded .mt-entry .mt-quote")).to_have_text(["“orchestrating”"])
        assert page.errors == [], page.errors
        assert page.offsite == [], page.offsite
    finally:
        context.close()


def test_every_tagger_page_starts_from_disk(browser, book_server):
    context = browser.new_context()
    try:
        pages = sorted(
            p.relative_to(book_html()).as_posix()
            for p in (book_html() / "book").glob("*.html")
            if "data-medialit-tagger" in p.read_text(encoding="utf-8")
        )
        assert len(pages) >= 8
        for chapter in pages:
            page = open_from_disk(context, chapter)
            mounts = page.locator("[data-medialit-tagger]")
            for n in range(mounts.count()):
                expect(mounts.nth(n)).to_have_attribute("data-state", "ready")
                expect(mounts.nth(n).locator(".mt-tok").first).to_be_visible()
            assert page.errors == [], f"{chapter}: {page.errors}"
            page.close()
    finally:
        context.close()


def test_a_page_whose_script_did_not_load_says_why(page):
    page.route(re.compile(r"/book-page\.js(\?|$)"), lambda route: route.abort())
    page.goto(CHAPTER)
    message = page.locator("[data-medialit-tagger] [role='alert']")
    expect(message).to_contain_text("The tagger could not start")
    expect(message).to_contain_text("_static folder")
    # drawn as a warning by the book's style sheet (a student's widget in Jupyter never draws it)
    drawn = message.evaluate(
        "(p) => { const s = getComputedStyle(p); return [s.borderLeftWidth, s.borderLeftColor, s.backgroundColor]; }"
    )
    assert drawn == ["4px", "rgb(161, 20, 27)", "rgb(255, 243, 243)"]
    page.errors.clear()  # the aborted script is the point of this test


def test_a_tagger_with_broken_data_says_why(page):
    page.goto(CHAPTER)
    page.locator(".mt-article .mt-tok").first.wait_for()
    text = page.evaluate("""() => {
      const el = document.createElement("div");
      el.dataset.config = "no-such-data";
      document.body.append(el);
      window.medialitTagger.mount(el);
      return [el.dataset.state, el.textContent];
    }""")
    assert text[0] == "failed"
    assert text[1].startswith("The tagger could not start: the exercise in this page is missing or damaged.")


def test_a_reader_whose_device_is_set_to_dark_gets_the_book_in_dark(browser, book_server):
    for scheme in ("dark", "light"):
        context = browser.new_context(color_scheme=scheme)
        try:
            page = open_from_disk(context, CHAPTER)
            page.locator(".mt-article .mt-tok").first.wait_for(timeout=10_000)
            assert page.evaluate("document.documentElement.dataset.theme") == scheme
            background = page.locator(".medialit-tagger").evaluate("(el) => getComputedStyle(el).backgroundColor")
            assert background == ("rgb(26, 29, 34)" if scheme == "dark" else "rgb(255, 255, 255)"), scheme
        finally:
            context.close()


def test_search_opened_from_disk_lists_results_without_console_errors(browser, book_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto((book_html() / "search.html").as_uri() + "?q=loaded")
        results = page.locator("#search-results li")
        results.first.wait_for(timeout=15_000)
        page.wait_for_function("() => !document.querySelector('#search-progress')?.textContent.includes('Preparing')")
        page.wait_for_timeout(500)  # a refused fetch is reported a moment after the results show
        assert results.count() > 3
        assert errors == [], errors
    finally:
        context.close()
