"""A keyboard student always sees where focus is: every stop in the Tagger after Check, and the option on in the
coach's list, is marked by a ring at least 3:1 against the colour beside it (WCAG 1.4.11), light and dark."""

from __future__ import annotations

import pytest
from browser_helpers import screenshot
from playwright.sync_api import expect
from test_tagger import tag_in_text

CHAPTER_5 = "book/05-loaded-language.html"

# The contrast of the focus ring of `el` (its outline, or else its box-shadow) against the background beside
# the ring: its own for a ring drawn inside it, its parent's for one drawn outside; 0 when it has no ring.
RING_CONTRAST = """(el) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const linear = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const background = (from) => {
    for (let e = from; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  };
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  if (!outline && s.boxShadow === 'none') return 0;
  const ring = lum(rgb(outline ? s.outlineColor : s.boxShadow));
  const beside = lum(background(outline && parseFloat(s.outlineOffset) < 0 ? el : el.parentElement));
  return (Math.max(ring, beside) + 0.05) / (Math.min(ring, beside) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_focus_in_the_tagger_after_check_has_a_ring_of_3_to_1(browser, book_server, scheme):
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(CHAPTER_5)
        page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
        tag_in_text(page, ("despot",), "l")
        tag_in_text(page, ("and",), "l")  # a tag to look at again: the feedback has all its groups
        page.locator(".mt-check").focus()
        page.keyboard.press("Enter")
        expect(page.locator(".mt-summary")).to_be_focused()
        rings = {}
        while page.evaluate("!!document.activeElement.closest('.medialit-tagger')"):
            focused = page.evaluate_handle("document.activeElement")
            rings.setdefault(page.evaluate("(el) => el.className || el.tagName", focused), []).append(
                focused.evaluate(RING_CONTRAST)
            )
            page.keyboard.press("Tab")
        # the coach's list: focus stays on the list, the option on is the one the arrows move
        page.locator(".mt-picker-box > summary").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        expect(page.locator(".mt-picker")).to_be_focused()
        page.keyboard.press("ArrowDown")
        rings["option on"] = [page.locator(".mt-opt-active").evaluate(RING_CONTRAST)]
        screenshot(page, f"focus-ring-picker-{scheme}")
        assert {"mt-summary", "mt-hintbtn", "mt-student", "mt-download", "option on"} <= set(rings), rings
        weak = {name: min(values) for name, values in rings.items() if min(values) < 3}
        assert not weak, weak
    finally:
        context.close()
