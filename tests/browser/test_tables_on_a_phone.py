"""The book's tables on a phone: no table is wider than the screen, so no column starts off it (chapter 9's
comparison hid the column students fill in), and a wide screen and print keep the tables as tables."""

from __future__ import annotations

import re

import pytest
from browser_helpers import PHONE, ROOT, painted, screenshot, text_heard


def pages_with_tables() -> list[str]:
    """Every page of the book's own folders that has a table (markdown or HTML), so a new one is tested too."""
    folders = [ROOT / "book", ROOT / "book" / "teachers", ROOT / "book" / "instructors"]
    pages = [page for folder in folders for page in sorted(folder.glob("*.md"))]
    table = re.compile(r"^\s*\|\s*:?-{3}|<table", re.M)
    with_tables = [page for page in pages if table.search(page.read_text(encoding="utf-8"))]
    return [page.relative_to(ROOT).with_suffix("").as_posix() for page in with_tables]


PAGES = pages_with_tables()
# How far each table and its scrolling box reach, against the screen.
WIDTHS = """() => [...document.querySelectorAll('article table')].map((table) => {
  const box = table.closest('.pst-scrollable-table-container') || table.parentElement;
  return { right: table.getBoundingClientRect().right, scrolls: box.scrollWidth - box.clientWidth,
           page: document.scrollingElement.scrollWidth - innerWidth, screen: innerWidth,
           head: table.querySelector('th')?.textContent.trim() };
})"""


def open_page(browser, book_server, width: int):
    """A phone of this width, with touch."""
    context = browser.new_context(base_url=book_server, **{**PHONE, "viewport": {"width": width, "height": 844}})
    return context, context.new_page()


def test_the_book_has_the_pages_with_tables_this_test_is_for():
    assert {"book/09-same-events", "book/teacher-guide", "book/instructors/formats"} <= set(PAGES), PAGES


@pytest.mark.parametrize("width", [390, 360])
@pytest.mark.parametrize("name", PAGES)
def test_no_table_is_wider_than_a_phone(browser, book_server, name, width):
    context, page = open_page(browser, book_server, width)
    try:
        page.goto(f"{name}.html")
        tables = page.evaluate(WIDTHS)
        assert tables, f"{name}: no table on the page"
        for n, table in enumerate(tables):
            where = f"{name}, table {n + 1} ({table['head']}) at {width} px"
            assert table["scrolls"] <= 0, f"{where} scrolls sideways by {table['scrolls']} px"
            assert table["right"] <= table["screen"], f"{where} ends at {table['right']} px, off the screen"
            assert table["page"] <= 0, f"{where}: the page scrolls sideways"
    finally:
        context.close()


def test_on_a_phone_the_column_to_fill_in_is_on_the_screen_under_its_name(browser, book_server):
    context, page = open_page(browser, book_server, 390)
    try:
        page.goto("book/09-same-events.html")
        places = page.locator("article table td.medialit-write-in")
        assert places.count() == 7, "chapter 9's table has seven facts to compare"
        for n in range(places.count()):
            box = places.nth(n).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 40, box
        places.first.scroll_into_view_if_needed()
        heard = text_heard(page, "article table tbody tr td.medialit-write-in")
        assert heard == ["What is different?"], heard
        screenshot(page, "chapter-9-table-on-a-phone")
    finally:
        context.close()


@pytest.mark.parametrize("screen", ["wide", "print"])
def test_a_wide_screen_and_print_keep_the_table(browser, book_server, screen):
    options = {"viewport": {"width": 1024, "height": 800}} if screen == "wide" else PHONE
    context = browser.new_context(base_url=book_server, **options)
    page = context.new_page()
    try:
        if screen == "print":
            page.emulate_media(media="print")
        page.goto("book/09-same-events.html")
        shown = page.evaluate("""() => { const table = document.querySelector('article table');
          return [getComputedStyle(table).display, getComputedStyle(table.querySelector('thead')).position,
                  getComputedStyle(table.querySelector('td'), '::before').content]; }""")
        assert shown == ["table", "static", "none"], shown
    finally:
        context.close()


# A table too wide for a phone that the build cannot turn into blocks (two columns, a long address),
# put on a page before its first table.
TOO_WIDE = """() => {
  const box = document.createElement('div');
  box.className = 'pst-scrollable-table-container';
  box.innerHTML = '<table class="table"><thead><tr><th>Where</th><th>Address</th></tr></thead><tbody>' +
    '<tr><td>the report</td><td>https://www.example.org/areportaddresswithnoplacetobreakitatallwhatsoever</td></tr>' +
    '</tbody></table>';
  document.querySelector('article .pst-scrollable-table-container').before(box);
}"""
# What a reader sees of that table: how far it scrolls, whether its far edge fades, where its first
# column is against the box, and whether a table that fits fades.
SCROLLING = """() => {
  const [box, fits] = document.querySelectorAll('article .pst-scrollable-table-container');
  return { scrolls: box.scrollWidth - box.clientWidth, fades: getComputedStyle(box).maskImage !== 'none',
           first: box.querySelector('td').getBoundingClientRect().left - box.getBoundingClientRect().left,
           fitsFades: getComputedStyle(fits).maskImage !== 'none' };
}"""


def test_a_table_that_must_scroll_shows_it_and_keeps_its_first_column_in_view(browser, book_server):
    context, page = open_page(browser, book_server, 390)
    try:
        page.goto("book/09-same-events.html")
        page.evaluate(TOO_WIDE)
        painted(page)
        start = page.evaluate(SCROLLING)
        assert start["scrolls"] > 100 and start["fades"] and not start["fitsFades"], start
        page.evaluate("() => { document.querySelector('article .pst-scrollable-table-container').scrollLeft = 100; }")
        painted(page)  # a scroll timeline moves on with the next frame
        middle = page.evaluate(SCROLLING)
        assert middle["fades"] and abs(middle["first"]) <= 1, f"the first column scrolled away: {middle}"
        page.locator("article .pst-scrollable-table-container").first.screenshot(
            path=str(screenshot(page, "scrolling-table-on-a-phone").with_name("scrolling-table-on-a-phone-box.png"))
        )
        page.evaluate("() => { document.querySelector('article .pst-scrollable-table-container').scrollLeft = 1e6; }")
        painted(page)
        assert not page.evaluate(SCROLLING)["fades"], "the edge still fades at the end of the table"
    finally:
        context.close()
