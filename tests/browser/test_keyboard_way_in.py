"""A student who cannot use a mouse reaches the Tagger from the top of a chapter in a few keys: the first Tab
shows the theme's skip bar, which on a page with a Tagger also offers "Skip to the Tagger"."""

from __future__ import annotations

import pytest
from browser_helpers import screenshot
from conftest import book_html
from playwright.sync_api import expect

CHAPTER_5 = "book/05-loaded-language.html"

# Whether the Tagger's article is on the screen and on top at its top edge (not under the page's sticky header).
ARTICLE_ON_SCREEN = """() => {
  const article = document.querySelector('.mt-article');
  const r = article.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + 20, Math.max(r.top, 0) + 5);
  return r.top >= 0 && r.top < innerHeight / 2 && article.contains(top);
}"""


@pytest.mark.parametrize("where", ["http", "file"])
def test_from_the_top_of_a_chapter_three_keys_reach_the_article(browser, book_server, where):
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(CHAPTER_5 if where == "http" else (book_html() / CHAPTER_5).as_uri())
        page.wait_for_selector(".mt-article .mt-tok")
        page.keyboard.press("Tab")
        expect(page.locator("#pst-skip-link a").first).to_be_focused()  # the theme's "Skip to main content"
        page.keyboard.press("Tab")
        link = page.get_by_role("link", name="Skip to the Tagger")
        expect(link).to_be_focused()
        expect(link).to_be_in_viewport()
        screenshot(page, f"skip-to-the-tagger-{where}")
        page.keyboard.press("Enter")
        expect(page.locator(".mt-article")).to_be_focused()
        assert page.evaluate(ARTICLE_ON_SCREEN)
        screenshot(page, f"skipped-to-the-tagger-{where}")
        page.keyboard.press("ArrowRight")  # the article answers the keys at once
        expect(page.locator(".mt-live")).not_to_be_empty()
    finally:
        context.close()


def test_a_page_without_a_tagger_has_no_skip_to_the_tagger(page):
    page.goto("book/02-stop-and-look.html")
    page.wait_for_load_state("load")
    expect(page.locator("#pst-skip-link a")).to_have_count(1)
