"""The feedback after Check, as a student meets it: where it appears, by keyboard, on a phone, in dark mode."""

from __future__ import annotations

import json
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from browser_helpers import PHONE, ROOT, painted, screenshot
from playwright.sync_api import expect
from test_tagger import drag, tag_in_text, tap_tag, tok, token_index

CHAPTER_5 = "book/05-loaded-language.html"  # loaded words, lines 1-28
CHAPTER_3 = "book/03-claims.html"  # claims only, lines 1-18
CHAPTER_4 = "book/04-sources.html"  # sources and claims, lines 1-18
CHAPTER_6 = "book/06-hedges.html"  # cues, lines 1-28
CHAPTER_7 = "book/07-lateral-reading.html"  # sources, lines 76-198, challenge
LOADED = [
    ("despot",),
    ("bizarre",),
    ("seething",),
    ("furious",),
    ("a", "furious", "Peskov", "said"),
    ("Moscow",),
    ("ranted",),
    ("extraordinary",),
    ("said",),
    ("Kremlin", "spokesperson", "Dmitry", "Peskov"),
    ("blitzed",),
]

IN_VIEW = """(el) => { const r = el.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""
SCROLL_BOXES = """() => [...document.querySelectorAll('.medialit-tagger *')].filter((el) => {
  const style = getComputedStyle(el);
  return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && !el.closest('dialog');
}).map((el) => el.className)"""


def open_chapter(page, chapter: str):
    page.goto(chapter)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    page.evaluate("() => localStorage.clear()")


def test_after_check_the_summary_is_in_view_focused_and_no_box_scrolls_but_the_article(page):
    open_chapter(page, CHAPTER_5)
    for words in LOADED:
        tag_in_text(page, words, "3")
    page.locator(".mt-check").click()
    summary = page.locator(".mt-summary")
    expect(summary).to_be_focused()
    assert summary.evaluate(IN_VIEW), "the summary is not inside the viewport"
    text = summary.text_content()
    assert "loaded words in lines 1–28" in text
    assert re.search(r"Your tags that the answer key has too: \d+ of 11\.", text)
    for details in page.locator(".mt-feedback details").all():  # every group open: still no inner scroll box
        details.evaluate("(d) => { d.open = true; }")
    painted(page)
    assert page.evaluate(SCROLL_BOXES) == ["mt-article"]
    # an over-long tag is never a plain ✓, and a wrong tag says why
    long_tag = page.locator(".mt-fb-tag", has_text="a furious Peskov said")
    assert long_tag.locator(".mt-chip").text_content() == "Close"
    assert "Keep only “furious”: take the other words out of this tag." in long_tag.text_content()
    said = page.locator(".mt-fb-extra", has_text="“said”")
    assert "plain word reporters use" in said.text_content()
    speaker = page.locator(".mt-fb-tag", has_text="Kremlin spokesperson Dmitry Peskov")
    # on a loaded-words page, the key's other labels still explain: these words are a source, which
    # this page does not ask for, and the chip says the same
    assert speaker.locator(".mt-chip").text_content() == "Not asked here"
    assert (
        "The key has “Kremlin spokesperson Dmitry Peskov” as a source, and sources are not asked for here. "
        "Remove this tag." in speaker.text_content()
    )
    screenshot(page, "feedback-chapter-5")


def test_one_tag_over_the_whole_part_shows_a_few_lines_of_itself_then_which_words_to_keep(browser, book_server):
    """A tag over all of lines 1-28 on a phone: its entry shows the start of it, not 28 lines, so what to do
    is on the screen with it (its button still shows the whole tag in the article)."""
    context = browser.new_context(base_url=book_server, **PHONE)
    page = context.new_page()
    open_chapter(page, CHAPTER_5)
    count = page.locator(".mt-article .mt-tok").count()
    tok(page, 0).tap()
    tok(page, count - 1).scroll_into_view_if_needed()
    tok(page, count - 1).tap()
    page.locator(".mt-labbtn[data-label='loaded']").tap()
    page.locator(".mt-check").tap()
    entry = page.locator(".mt-fb-tag").first
    shown = entry.locator(".mt-quote").text_content()
    assert shown.startswith("“Russia accuses US of orchestrating") and shown.endswith("…”") and len(shown) <= 202
    advice = entry.locator(".mt-msg")
    assert "Keep only “absolutely ridiculous”" in advice.text_content()
    entry.scroll_into_view_if_needed()
    chip_top = entry.locator(".mt-chip").evaluate("(el) => el.getBoundingClientRect().top")
    advice_top = advice.evaluate("(el) => el.getBoundingClientRect().top")
    assert advice_top - chip_top < PHONE["viewport"]["height"] / 2, (chip_top, advice_top)
    screenshot(page, "feedback-whole-part-phone")
    context.close()


def test_a_whole_sentence_hears_which_words_to_keep_and_a_claim_on_part_of_a_source_what_the_key_has(page):
    open_chapter(page, CHAPTER_4)
    i = token_index(page, "Peskov", "’s", "extraordinary")
    end = next(j for n in range(9) if (j := token_index(page, "the", "Kremlin", ".", nth=n)) > i)
    drag(page, i, end + 1)  # the whole sentence of L16
    page.keyboard.press("1")
    tag_in_text(page, ("UK",), "1")  # the first word of the source "UK spooks" (L3), as a claim
    page.locator(".mt-check").click()
    sentence = page.locator(".mt-fb-tag", has_text="Peskov’s extraordinary claim came")
    assert sentence.locator(".mt-chip").text_content() == "Close"
    assert (
        sentence.locator(".mt-msg")
        .text_content()
        .startswith(
            "Close: your tag has the key's claim (L16) in it, and more. Keep only the words from “Putin unleashed a”"
            " to “on the Kremlin”: take the other words out of this tag."
        )
    )
    speaker = page.locator(".mt-fb-tag", has_text="“UK”")
    assert speaker.locator(".mt-chip").text_content() == "Other label"
    said = speaker.locator(".mt-msg").text_content()
    assert (
        "“UK spooks” is who or what the information comes from: that is a source." in said
        and "leaves out “spooks”" in said
    )


def test_in_chapter_7_medvedev_tagged_in_the_photo_caption_is_found_for_said_medvedev(page):
    """Chapter 7 asks for Medvedev at "said Medvedev" (L100), where the caption's quote comes from; the same
    caption names him first, in the photo. A tag there names the same source: Found, and it says so."""
    open_chapter(page, CHAPTER_7)
    tag_in_text(page, ("Russia", "’s", "ex", "-", "president", "Dmitry", "Medvedev"), "2")
    page.locator(".mt-check").click()
    caption = page.locator(".mt-fb-tag", has_text="Russia’s ex-president Dmitry Medvedev")
    assert caption.locator(".mt-chip").text_content() == "Found"
    said = caption.locator(".mt-msg").text_content()
    assert said.startswith(
        "Your tag counts for the source the key asks for at “Medvedev” (L100):"
        " “Russia’s ex-president Dmitry Medvedev” (L100) names the same source."
    ), said
    # the reason is the key's for the words tagged, the caption's first naming of him
    assert caption.locator(".mt-why").text_content().startswith("The caption first names Medvedev")
    # "said Medvedev" is not among the sources not found yet (the list under "Pick another from the list")
    expect(page.locator(".mt-picker .mt-opt")).to_have_count(23)
    options = page.locator(".mt-picker .mt-opt").all_text_contents()
    assert not [o for o in options if re.match(r"\d+\. L100:", o)], options
    # each is told apart from the others on its line, by the number the coach gives it ("3 of 23")
    assert len(set(options)) == len(options) and options[2].startswith("3. L"), options
    # nor is the caption, tagged, among the optional items "not tagged": its tag counts for "said Medvedev"
    optional = page.locator(".mt-fb-optional")
    rows = optional.locator("li").all_text_contents()
    assert rows and optional.locator("summary").text_content().endswith(f": {len(rows)}")
    assert not [r for r in rows if "Dmitry Medvedev" in r], rows
    caption.scroll_into_view_if_needed()
    screenshot(page, "feedback-chapter-7-caption")


def test_on_a_claims_page_a_claim_on_part_of_a_source_is_told_to_come_off(page):
    """Sources are not asked for in chapter 3: a claim on "UK" of the source "UK spooks" is under "Not asked
    here", and its words end with what to do, as the chip does, not only with who is speaking."""
    open_chapter(page, CHAPTER_3)
    tag_in_text(page, ("UK",), "1")
    page.locator(".mt-check").click()
    speaker = page.locator(".mt-fb-tag", has_text="“UK”")
    assert speaker.locator(".mt-chip").text_content() == "Not asked here"
    said = speaker.locator(".mt-msg").text_content()
    assert "“UK spooks” is who or what the information comes from: that is a source" in said and said.endswith(
        " Remove this tag."
    ), said


def test_keyboard_only_from_check_to_a_missed_items_words_in_under_ten_presses(page):
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").focus()
    presses = []

    def press(key):
        presses.append(key)
        page.keyboard.press(key)

    press("Enter")  # Check
    expect(page.locator(".mt-summary")).to_be_focused()
    press("Tab")  # to the coach's hint
    expect(page.locator(".mt-coach .mt-hintbtn")).to_be_focused()
    while page.evaluate("document.activeElement.classList.contains('mt-hintbtn')"):
        press("Enter")
    assert "Hint:" in page.locator(".mt-coach").text_content()
    press("Enter")  # show the answer
    press("Enter")  # show its words
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")
    selected = " ".join(page.locator(".mt-article .mt-tok.mt-sel").all_text_contents())
    answer = page.locator(".mt-answer-text").text_content()
    assert selected and selected.split()[0] in answer
    assert len(presses) < 10, presses
    # on a laptop the status line names the keys back, beside the button
    expect(page.locator(".mt-live")).to_contain_text("use “Back to the feedback” or press Enter or F.")
    press("f")  # and back to the feedback
    expect(page.locator(".mt-coach .mt-wordsbtn")).to_be_focused()


def test_from_the_feedback_the_hand_in_is_reached_without_tabbing_through_the_tag_list(page):
    """After Check, a keyboard student who is done goes from the feedback to the name box and Download by the
    feedback's last button, never through the tag list, where Tab stops three times for every tag."""
    open_chapter(page, CHAPTER_5)
    for words in LOADED[:6]:
        tag_in_text(page, words, "3")
    page.locator(".mt-check").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".mt-summary")).to_be_focused()
    passed = []
    while not page.evaluate("document.activeElement.classList.contains('mt-handinbtn')"):
        where = page.evaluate("document.activeElement.closest('.mt-feedback, .mt-tags, .mt-foot')?.className")
        assert where and "mt-feedback" in where, f"left the feedback for {where} after {len(passed)} Tabs"
        passed.append("Tab")
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".mt-student")).to_be_focused()
    assert page.locator(".mt-student").evaluate(IN_VIEW)
    stops = page.evaluate("document.querySelectorAll('.mt-tags :is(button, summary)').length")
    assert len(passed) + 1 < stops, (len(passed), stops)  # fewer keys than the list alone has stops


# How many pixels of the feedback, on the screen, the phone's label bar covers.
DOCK_OVER_FEEDBACK = """() => {
  const dock = document.querySelector('.mt-dock').getBoundingClientRect();
  const feedback = document.querySelector('.mt-feedback').getBoundingClientRect();
  const top = Math.max(dock.top, feedback.top, 0);
  const bottom = Math.min(dock.bottom, feedback.bottom, innerHeight);
  return Math.max(0, bottom - top);
}"""


def test_on_a_phone_the_summary_shows_where_check_was_pressed(browser, book_server):
    context = browser.new_context(base_url=book_server, **PHONE)
    page = context.new_page()
    try:
        open_chapter(page, CHAPTER_4)
        i = token_index(page, "UK", "spooks")
        tok(page, i).scroll_into_view_if_needed()
        tok(page, i).tap()
        tok(page, i + 1).tap()
        page.locator(".mt-labbtn[data-label='source']").tap()
        j = token_index(page, "Kremlin", "spokesperson", "Dmitry", "Peskov", "insisted")
        tok(page, j).scroll_into_view_if_needed()
        tok(page, j).tap()
        tok(page, j + 3).tap()
        page.locator(".mt-labbtn[data-label='claim']").tap()  # the speaker, as a claim
        page.locator(".mt-check").tap()
        summary = page.locator(".mt-summary")
        expect(summary).to_be_focused()
        assert summary.evaluate(IN_VIEW)
        assert "Your tags that the answer key has too: 1 of 2." in summary.text_content()
        speaker = page.locator(".mt-fb-tag", has_text="Kremlin spokesperson Dmitry Peskov")
        assert "is who or what the information comes from: that is a source" in speaker.text_content()
        screenshot(page, "feedback-phone")
        # reading the feedback down to its end: the label bar never covers it
        top, bottom = page.evaluate(
            "() => { const r = document.querySelector('.mt-feedback').getBoundingClientRect();"
            " return [r.top + scrollY, r.bottom + scrollY]; }"
        )
        for y in range(int(top), int(bottom), 200):
            page.evaluate("(y) => scrollTo(0, y)", y)
            painted(page)
            assert page.evaluate(DOCK_OVER_FEEDBACK) == 0, f"the label bar covers the feedback at scroll {y}"
        screenshot(page, "feedback-phone-its-end")
        # back in the article, the bar is on the screen
        tok(page, j).scroll_into_view_if_needed()
        painted(page)
        assert page.evaluate("() => document.querySelector('.mt-dock').getBoundingClientRect().bottom <= innerHeight")
        screenshot(page, "feedback-phone-back-in-the-article")
        # a quote in the feedback takes the student to the words; a button they can tap takes them back
        quote = speaker.locator(".mt-quote")
        quote.scroll_into_view_if_needed()
        quote.tap()
        back = page.locator(".mt-backbtn")
        expect(back).to_be_visible()
        # the status line names the button a phone has, not only keys it has not
        expect(page.locator(".mt-live")).to_contain_text("use “Back to the feedback”")
        expect(page.locator(".mt-live")).not_to_contain_text("press")
        assert back.evaluate(
            "(b) => { const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
        )
        screenshot(page, "feedback-phone-way-back")
        back.tap()
        expect(quote).to_be_focused()
        expect(back).to_be_hidden()
    finally:
        context.close()


# For each entry in the tag list: whether its ✕ stands on the row of its words (not on a row of its own).
CROSS_BESIDE_WORDS = """() => [...document.querySelectorAll('.mt-tags .mt-entry')].map((e) => {
  const words = e.querySelector('.mt-jump').getBoundingClientRect();
  const cross = e.querySelector('.mt-del').getBoundingClientRect();
  return cross.top < words.bottom && cross.bottom > words.top;
})"""


def test_on_a_phone_a_verdict_in_the_tag_list_leaves_each_cross_beside_its_words(browser, book_server):
    """After Check each entry shows its verdict: the ✕ stayed on the words' row; it had wrapped onto a row
    of its own under them, 46 px more for every tag to scroll past."""
    context = browser.new_context(base_url=book_server, **PHONE)
    page = context.new_page()
    try:
        open_chapter(page, CHAPTER_6)
        for words in (("alleged",), ("Kremlin",), ("It", "is", "understood")):
            tap_tag(page, words, "cue")
        expect(page.locator(".mt-tags .mt-entry")).to_have_count(3)
        assert page.evaluate(CROSS_BESIDE_WORDS) == [True] * 3
        page.locator(".mt-check").tap()
        expect(page.locator(".mt-tags .mt-verdict")).to_have_count(3)
        assert set(page.locator(".mt-tags .mt-verdict").all_text_contents()) == {"Found", "Not in the key"}
        painted(page)
        assert page.evaluate(CROSS_BESIDE_WORDS) == [True] * 3
        page.locator(".mt-tags .mt-entry").first.scroll_into_view_if_needed()
        screenshot(page, "feedback-phone-tag-list-after-check")
    finally:
        context.close()


def test_dark_mode_has_no_accessibility_violations(page):
    open_chapter(page, CHAPTER_5)
    page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    for words in LOADED[:6]:
        tag_in_text(page, words, "3")
    page.locator(".mt-check").click()
    coach = page.locator(".mt-coach")
    coach.locator(".mt-hintbtn").click()
    coach.locator(".mt-picker-box summary").click()
    for details in page.locator(".mt-feedback details, .mt-entry details").all():
        details.evaluate("(d) => { d.open = true; }")
    tag_in_text(page, ("orchestrating",), "3")  # the feedback says it is out of date
    page.locator(".mt-article").focus()
    painted(page)
    background = page.locator(".medialit-tagger").evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the Tagger stayed white on a dark page"
    results = Axe().run(page, context=".medialit-tagger")
    assert results.violations_count == 0, results.generate_report()
    screenshot(page, "feedback-dark")


def test_a_claim_offers_its_sources_only_where_sources_can_be_tagged_and_not_as_optional(page):
    """Where sources are asked for, a claim's "Attributed to" is part of the task: it shows with the claim,
    not behind "More (optional)" and its optional fields."""
    for chapter, offered in ((CHAPTER_3, False), (CHAPTER_4, True)):
        open_chapter(page, chapter)
        tag_in_text(page, ("sought", "to", "shift", "the", "focus"), "1")
        entry = page.locator(".mt-group-claim .mt-entry").first
        entry.locator(".mt-details > summary").click()
        expect(entry.locator(".mt-note")).to_be_visible()
        assert entry.locator(".mt-details .mt-links").count() == 0, chapter
        assert entry.locator(".mt-attrib").count() == (1 if offered else 0), chapter
    entry.locator(".mt-attrib > summary").click()
    expect(entry.locator(".mt-attrib .mt-links")).to_be_visible()


def test_at_challenge_a_new_claim_opens_its_attributed_to_with_its_details(page):
    """Challenge asks to describe every tag and to link every claim: a new claim opens both at once."""
    open_chapter(page, "book/08-put-it-together.html")  # challenge, claims and sources, lines 66-76
    tag_in_text(page, ("Putin", "was", "not", "in", "the", "building"), "1")
    entry = page.locator(".mt-group-claim .mt-entry").first
    expect(entry.locator(".mt-details .mt-fields")).to_be_visible()
    expect(entry.locator(".mt-attrib .mt-links")).to_be_visible()


def test_from_a_claims_entry_to_its_attributed_to_box_in_four_keys(page):
    """A keyboard student on the sources page: from a claim in the list to its first "Attributed to" box is
    Tab, Tab, Enter, Tab (it was seven keys, through "More (optional)" and its three optional fields)."""
    open_chapter(page, CHAPTER_4)
    tag_in_text(page, ("UK", "spooks"), "2")
    tag_in_text(page, ("sought", "to", "shift", "the", "focus"), "1")
    expect(page.locator(".mt-group-claim .mt-entry")).to_have_count(1)  # drawn in the next frame
    page.locator(".mt-group-claim .mt-jump").focus()
    page.keyboard.press("Tab")  # the claim's ✕
    page.keyboard.press("Tab")
    expect(page.locator(".mt-group-claim .mt-attrib > summary")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".mt-group-claim .mt-link")).to_have_count(1)  # its boxes are made as it opens
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('mt-link')")
    page.keyboard.press(" ")
    expect(page.locator(".mt-group-claim .mt-attrib > summary")).to_have_text("Attributed to: S1")


def _luminance(rgb: str) -> float:
    """Relative luminance (WCAG) of a CSS `rgb(r, g, b)` colour."""
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_a_guided_pages_phrases_to_pick_stand_out_in_light_and_dark(page):
    """Non-text contrast (WCAG 1.4.11): the line under each phrase a guided page offers is at least 3:1
    against the article, where the shade alone was about 1.2:1."""
    open_chapter(page, "book/01-how-to-use.html")
    for theme in ("light", "dark"):
        page.evaluate("(t) => { document.documentElement.dataset.theme = t; }", theme)
        edge, ground = page.evaluate(
            """() => {
              const cand = document.querySelector('.mt-cand');
              const shadow = getComputedStyle(cand).boxShadow;
              let el = document.querySelector('.mt-article'), bg = getComputedStyle(el).backgroundColor;
              while (bg === 'rgba(0, 0, 0, 0)' && el.parentElement) {
                el = el.parentElement; bg = getComputedStyle(el).backgroundColor;
              }
              return [shadow.match(/rgba?\\([^)]*\\)/)?.[0] || 'rgb(255, 255, 255)', bg];
            }"""
        )
        light, dark = sorted((_luminance(edge), _luminance(ground)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3, f"{theme}: {edge} on {ground}"


def test_the_feedback_comes_back_after_a_reload_while_the_tags_are_the_ones_checked(page):
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    summary = page.locator(".mt-summary")
    checked = summary.text_content()
    page.reload()
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    expect(summary).to_have_text(checked)
    expect(summary).not_to_be_focused()  # the page was reloaded, not checked: focus stays where it was
    expect(page.locator(".mt-article .mt-badge[data-v='found']")).to_have_count(1)
    # tags changed after the check: a reload shows no feedback until Check is pressed again
    tag_in_text(page, ("seething",), "3")
    page.reload()
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    expect(page.locator(".mt-group-loaded .mt-entry")).to_have_count(2)
    expect(summary).to_be_hidden()


# Every shared vector's report drawn by the student's Jupyter widget (tagger.js, as committed: its own
# message table), on a page of all its labels and on one of its first label only; in the coach every hint,
# every answer and every reason shown. The widget throws on a code its table lacks: those errors come back.
WIDGET_FEEDBACK = """async (cases) => {
  const { default: widget } = await import('/_static/medialit/tagger.js');
  const errors = [];
  addEventListener('error', (e) => errors.push(e.message));
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  let answers = 0, entries = 0;
  for (const { name, exercise, tags, report } of cases) {
    for (const labels of [report.labels, report.labels.slice(0, 1)]) {
      localStorage.clear();
      const data = { exercise, tags, report, labels, student: '' };
      const model = { get: (k) => data[k], set: (k, v) => { data[k] = v; }, on() {}, off() {},
        save_changes() {}, send() {} };
      const el = document.body.appendChild(document.createElement('div'));
      try {
        const close = widget.render({ model, el });
        await frame();
        const click = (selector) => {
          const button = el.querySelector(selector);
          button?.click();
          return !!button;
        };
        for (let n = el.querySelectorAll('.mt-picker .mt-opt').length || 1; n > 0; n--) {
          while (click('.mt-coach .mt-hintbtn'));
          if (click('.mt-coach .mt-answerbtn')) answers += 1;
          click('.mt-coach .mt-nextbtn');
        }
        await frame();
        entries += el.querySelectorAll('.mt-fb-tag').length;
        if (el.querySelector('.mt-feedback').hidden) errors.push(`${name}: no feedback`);
        close();
      } catch (e) {
        errors.push(`${name} (${labels.join(', ')}): ${e.message}`);
      }
      el.remove();
    }
  }
  return { errors, answers, entries };
}"""


def test_the_students_widget_draws_every_shared_vectors_feedback_from_its_own_message_table(page):
    vectors = ROOT / "tests" / "vectors"
    exercises = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in (vectors / "exercises").glob("*.json")}
    cases = []
    for f in sorted(vectors.glob("case-*.json")):
        v = json.loads(f.read_text(encoding="utf-8"))
        cases.append(
            {
                "name": v["name"],
                "exercise": exercises[v["exercise"]],
                "tags": v["handin"]["tags"],
                "report": v["report"],
            }
        )
    page.goto("genindex.html")  # a page of the book without a Tagger: the widget comes from its origin
    got = page.evaluate(WIDGET_FEEDBACK, cases)
    assert got["errors"] == [] and page.errors == []
    assert got["answers"] > 50 and got["entries"] > 100, got  # the coach and the tag groups were drawn


def test_go_to_a_line_says_the_line_once(page):
    """ "Go to L3" said "Line 3: Russia, line 3."; the word at the caret already names its line."""
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    go = page.locator(".mt-coach .mt-linebtn")
    line = re.fullmatch(r"Go to L(\d+)", go.text_content()).group(1)
    go.click()
    said = page.locator(".mt-live").text_content()
    assert len(re.findall(rf"\bline {line}\b", said, flags=re.IGNORECASE)) == 1, said
    assert said.startswith(f"Russia, line {line}. To go back, use “Back to the feedback”"), said


def test_once_the_way_back_is_taken_the_status_line_no_longer_offers_it(page):
    """Back to the feedback hid its button, but the status line still said "To go back, use “Back to the
    feedback”": a way that was no longer there. The words the student went to stay said; the way back goes with
    its button."""
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    page.locator(".mt-coach .mt-linebtn").click()
    back = page.locator(".mt-backbtn")
    expect(back).to_be_visible()
    said = page.locator(".mt-live").text_content()
    assert "To go back" in said, said
    back.click()
    expect(back).to_be_hidden()
    assert page.locator(".mt-live").text_content() == said.split(" To go back")[0]


def test_loading_the_tags_just_checked_leaves_the_feedback_up_to_date(page, tmp_path):
    """Loading the hand-in of the tags checked (after a reload, say) said "You changed your tags after this
    check"; the tags are the ones checked. A hand-in of other tags still says so."""
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    with page.expect_download() as download:
        page.locator(".mt-download").click()
    same = tmp_path / "same.json"
    download.value.save_as(same)
    stale = page.locator(".mt-stale")
    page.locator(".mt-file").set_input_files(str(same))
    expect(page.locator(".mt-notice")).to_contain_text("Loaded 1 tag")
    expect(stale).to_be_hidden()
    handin = json.loads(same.read_text(encoding="utf-8"))
    (other := tmp_path / "other.json").write_text(json.dumps({**handin, "tags": []}), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(other))
    expect(page.locator(".mt-notice")).to_contain_text("Loaded 0 tags")
    expect(stale).to_be_visible()


def despot_handin(page) -> dict:
    """Chapter 5 with "despot" tagged as loaded: the hand-in its Download saves, to edit and load back."""
    open_chapter(page, CHAPTER_5)
    tag_in_text(page, ("despot",), "3")
    with page.expect_download() as download:
        page.locator(".mt-download").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))


def test_a_loaded_hand_in_with_many_broken_tags_says_each_reason_once_with_how_many(page, tmp_path):
    """Each tag left out added its sentence to the notice: three broken tags said the same sentence three times,
    and a file with 100,000 made a notice of 100,000 sentences, taller than a million pixels."""
    handin = despot_handin(page)
    good = handin["tags"][0]
    handin["tags"] += [{}, {}, {}, {**good, "id": "t9", "start": -5}]
    (broken := tmp_path / "broken.json").write_text(json.dumps(handin), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(broken))
    notice = page.locator(".mt-notice")
    expect(notice).to_contain_text("Loaded 1 tag")
    said = notice.text_content()
    assert said.count("Part of a tag is missing or wrong") == 1, said
    assert "so it was left out: 3 tags like this." in said and said.count("left out") == 2, said


def test_a_loaded_hand_in_whose_broken_tags_each_quote_other_words_says_the_first_and_how_many_more(page, tmp_path):
    """Tags left out whose sentences each quote the tag's own words were each told: 2,000 tags whose copy of their
    words no longer matches the article made a notice of 2,000 sentences. It names the first, and how many more."""
    handin = despot_handin(page)
    good = handin["tags"][0]
    handin["tags"] += [{**good, "id": f"t{n + 10}", "quote": f"not these words {n}"} for n in range(2000)]
    (broken := tmp_path / "broken.json").write_text(json.dumps(handin), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(broken))
    notice = page.locator(".mt-notice")
    expect(notice).to_contain_text("Loaded 1 tag")
    said = notice.text_content()
    assert said.count("left out") == 1 and "“not these words 0”" in said and "“not these words 1”" not in said, said
    assert "so it was left out, and so were 1,999 more tags like it." in said, said
    assert notice.bounding_box()["height"] < 300
    screenshot(page, "load-many-broken-tags")
