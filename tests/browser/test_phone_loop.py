"""A student's loop through the book on a phone, with taps only: what the words ask of a touch screen, the
written answers, a guided page, and the hand-in file's notices."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from browser_helpers import PHONE, handin_file, painted, screenshot, text_heard
from playwright.sync_api import expect
from test_chapters import CHAPTERS
from test_saved_work import exercise_of
from test_tagger import tok

CLAIMS_CHAPTER = "book/03-claims.html"
LOADED_CHAPTER = "book/05-loaded-language.html"
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


def tap_word(page, word: str) -> int:
    """Tap the first word of the Tagger's article that reads `word`, scrolled into view; its place among the words."""
    i = page.evaluate(
        "(word) => [...document.querySelectorAll('.mt-article .mt-tok')].findIndex((t) => t.textContent === word)", word
    )
    tok(page, i).scroll_into_view_if_needed()
    tok(page, i).tap()
    return i


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


# The first and last token of each grey phrase of a guided page, in the article's order.
GREY_PHRASES = """() => { const out = []; let run = null;
  document.querySelectorAll('.mt-article .mt-tok').forEach((t, i) => {
    if (!t.classList.contains('mt-cand')) return;
    if (run && run[1] === i - 1) run[1] = i; else out.push(run = [i, i]);
  });
  return out; }"""


def test_on_a_guided_page_a_tapped_phrase_is_told_to_take_a_label_not_more_words(browser, book_server):
    """A tap on a grey phrase picks all of it, and a guided page tags only whole phrases: the status line told
    the student to tap the last word to take in more words, and the next tap was refused."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, f"{LOADED_CHAPTER}?difficulty=guided")
        first, last = next(p for p in page.evaluate(GREY_PHRASES) if p[1] > p[0])
        tok(page, first + 1).scroll_into_view_if_needed()
        tok(page, first + 1).tap()
        phrase = page.locator(".mt-article .mt-tok.mt-sel")
        expect(phrase).to_have_count(last - first + 1)
        live = page.locator(".mt-dock .mt-live")
        expect(live).to_have_text(re.compile(r"^Selected .+\. Pick a label\.$"))
        screenshot(page, "guided-phrase-tapped-phone")
        page.locator(".mt-labbtn[data-label='loaded']").tap()
        expect(live).to_have_text(re.compile(r"^Tagged .+ as Loaded L1\.$"))
    finally:
        context.close()


# The phone's bar: whether its status line is drawn and, if so, whether it shows all its words (a line
# clamped to two lines cuts the rest off with "…").
STATUS_IN_THE_BAR = """() => { const live = document.querySelector('.mt-dock .mt-live');
  const drawn = getComputedStyle(live).clipPath === 'none';
  return {drawn, whole: live.scrollHeight <= live.clientHeight + 1, text: live.textContent}; }"""


def test_on_a_phone_the_bar_shows_no_cut_copy_of_a_hand_in_files_notice(browser, book_server, tmp_path):
    """Loading a hand-in with broken tags: the notice under Load says all that was left out and why, and the
    phone's label bar, just above the tag list, showed its first two lines cut off at "Undo goe…" or "Left
    out…". The bar leaves a notice about the file to the one under the buttons (a screen reader still hears
    good news from the status line), and shows the next status whole."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        i = tap_word(page, "Kyiv")
        tok(page, i + 8).tap()
        page.locator(".mt-labbtn[data-label='claim']").tap()
        download = page.locator(".mt-foot .mt-download")
        download.scroll_into_view_if_needed()
        with page.expect_download() as got:
            download.tap()
        handin = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
        tag = handin["tags"][0]
        broken = {
            **handin,
            "tags": [
                tag,
                {**tag, "id": "t8", "quote": "words the article does not have"},
                {**tag, "id": "t9", "start": 10**6, "end": 10**6 + 5},
            ],
        }
        for name, doc, kind in (("good.json", handin, "info"), ("broken.json", broken, "warning")):
            (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
            with page.expect_file_chooser() as chooser:
                page.locator(".mt-foot .mt-load").tap()
            chooser.value.set_files(str(tmp_path / name))
            notice = page.locator(".mt-foot + .mt-notice")
            expect(notice).to_contain_text(f"from {name}")
            expect(notice).to_be_in_viewport()
            page.locator(".mt-dock").scroll_into_view_if_needed()  # scrolled up to the tags: the bar is in sight
            painted(page)
            bar = page.evaluate(STATUS_IN_THE_BAR)
            assert bar["whole"] or not bar["drawn"], f"{kind}: the bar shows a cut copy: {bar}"
            screenshot(page, f"phone-bar-after-loading-{kind}")
            if kind == "info":  # good news is heard once, from the status line (a warning, from its alert)
                assert text_heard(page, ".medialit-tagger").count(notice.text_content()) == 1
        assert "Left out:" in notice.text_content()
        tok(page, i).scroll_into_view_if_needed()
        tok(page, i).tap()
        expect(page.locator(".mt-dock .mt-live")).to_contain_text("Selected “Kyiv”")
        painted(page)
        assert page.evaluate(STATUS_IN_THE_BAR)["drawn"]
    finally:
        context.close()


def test_on_a_phone_go_to_your_hand_in_opens_no_keyboard_and_shows_download(browser, book_server):
    """After Check, "Go to your hand-in" focused the name box: on a phone that opens the keyboard, over the
    Download button the student came for. A touch screen goes to Download, with the name box above it."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        tap_word(page, "Kyiv")
        page.locator(".mt-labbtn[data-label='claim']").tap()
        page.locator(".mt-check").tap()
        go = page.locator(".mt-handinbtn")
        go.scroll_into_view_if_needed()
        go.tap()
        focused = page.evaluate("() => [document.activeElement.tagName, document.activeElement.className]")
        assert focused == ["BUTTON", "mt-download"], focused  # a text box would open the keyboard
        expect(page.locator(".mt-foot .mt-download")).to_be_in_viewport()
        expect(page.locator(".mt-foot .mt-student")).to_be_in_viewport()
        screenshot(page, "phone-go-to-your-hand-in")
    finally:
        context.close()


# A small phone, the narrowest the Tagger is walked on.
PHONE_360 = {**PHONE, "viewport": {"width": 360, "height": 780}, "device_scale_factor": 3}
SOURCES_CHAPTER = "book/04-sources.html"
# Where a tag's field is: its box's left edge and width, its label's bottom, and the tag list's width.
FIELD_PLACE = """(box) => { const r = box.getBoundingClientRect();
  const label = document.querySelector(`label[for="${box.id}"]`).getBoundingClientRect();
  return {left: r.left, width: r.width, top: r.top, labelBottom: label.bottom, labelRight: label.right,
    list: box.closest('.mt-entry').getBoundingClientRect().width}; }"""
# The colours of a row of a PNG screenshot (base64), decoded by the page itself, and the focus ring's colour.
PNG_ROW = """async ([png, box]) => { const img = new Image(); img.src = `data:image/png;base64,${png}`;
  await img.decode(); const canvas = document.createElement('canvas'); canvas.width = img.width; canvas.height = 1;
  const g = canvas.getContext('2d'); g.drawImage(img, 0, 0); const data = g.getImageData(0, 0, img.width, 1).data;
  const ring = getComputedStyle(box).outlineColor.match(/\\d+/g).slice(0, 3).map(Number);
  return {ring, row: [...Array(img.width).keys()].map((x) => [...data.slice(4 * x, 4 * x + 3)])}; }"""
RING_OUTSIDE = 5  # px: the Tagger's focus ring, 3 px wide, 2 px clear of what has focus


def ring_painted_on_both_sides(page, box) -> bool:
    """Whether the focus ring of `box` shows just outside its left and its right edge (a list entry painted only
    inside itself cut off the ring of a field as wide as the list)."""
    r = box.bounding_box()
    clip = {
        "x": r["x"] - RING_OUTSIDE,
        "y": r["y"] + r["height"] / 2,
        "width": r["width"] + 2 * RING_OUTSIDE,
        "height": 1,
    }
    got = page.evaluate(PNG_ROW, [base64.b64encode(page.screenshot(clip=clip)).decode(), box.element_handle()])
    row, scale = got["row"], len(got["row"]) / clip["width"]
    near = lambda colour: max(abs(a - b) for a, b in zip(colour, got["ring"])) <= 40
    return near(row[int(1.5 * scale)]) and near(row[-1 - int(1.5 * scale)])


def test_at_the_challenge_level_a_phone_gives_a_tags_note_the_width_of_the_list(browser, book_server):
    """At the challenge level a new tag's details open: "Why I tagged this" took half the row beside its box,
    which was some 150 px wide on a 360 px phone, and a note scrolled sideways as it was typed. On a phone each
    field is under its label, as wide as the list; a wide screen keeps them side by side."""
    for options, stacked in ((PHONE_360, True), ({"viewport": {"width": 1280, "height": 900}}, False)):
        context = browser.new_context(base_url=book_server, **options)
        try:
            page = open_tagger(context, f"{SOURCES_CHAPTER}?difficulty=challenge")
            if stacked:
                tap_word(page, "Kyiv")
            else:
                page.locator(".mt-article .mt-tok", has_text=re.compile("^Kyiv$")).first.click()
            page.locator(".mt-labbtn[data-label='claim']").click()
            note = page.locator(".mt-tags .mt-note").first
            note.scroll_into_view_if_needed()
            for box in (note, page.locator(".mt-tags .mt-details select").first):
                place = box.evaluate(FIELD_PLACE)
                if stacked:
                    assert place["width"] >= 0.9 * place["list"], place
                    assert place["labelBottom"] <= place["top"], place  # the label above its box
                else:
                    assert place["labelRight"] <= place["left"], place  # the label beside its box
            if stacked:
                note.tap()
                page.keyboard.type("Nobody shows any proof.")  # a short note
                assert note.evaluate("(n) => n.scrollWidth <= n.clientWidth"), "the note scrolls sideways"
                assert ring_painted_on_both_sides(page, note), "the note's focus ring is cut off at the list's edges"
                screenshot(page, "phone-challenge-note")
        finally:
            context.close()


# The status line in the phone's bar and whether all of it shows, with the tapped word's place: under the bar or
# clear of it, and the bar's height.
BAR_AND_WORD = """(i) => { const live = document.querySelector('.mt-dock .mt-live');
  const bar = document.querySelector('.mt-dock').getBoundingClientRect();
  const word = document.querySelectorAll('.mt-article .mt-tok')[i].getBoundingClientRect();
  return {text: live.textContent, drawn: getComputedStyle(live).clipPath === 'none',
    whole: live.scrollHeight <= live.clientHeight + 1, wordClear: word.bottom <= bar.top, height: bar.height}; }"""
# How tall the bar may grow on a 360 by 780 phone, with two labels (a 780 px screen's third is 260 px): it reached
# 297 px, a status of four lines under Clear selection and, on a row of its own, the way back.
BAR_AT_MOST = 220
# The way back's sentence, which a touch screen's bar leaves to the button beside it.
WAY_BACK_SAID = "To go back, use “Back to the feedback”."
# Whether the way back's sentence in the bar is drawn (an element clipped to nothing is not).
WAY_BACK_DRAWN = """() => [...document.querySelectorAll('.mt-dock .mt-live *')]
  .filter((el) => el.textContent.includes('To go back'))
  .every((el) => getComputedStyle(el).clipPath === 'none')"""


def test_on_a_phone_the_bar_shows_every_status_of_the_loop_whole_and_clear_of_the_tapped_word(
    browser, book_server, tmp_path
):
    """The phone's bar showed two lines of a status and cut the rest ("Selected “Kyiv and US of attempting to
    assassinate Putin with drone…”.…", where the rest said to pick a label). It shows each status of a student's
    loop whole, growing as it must, and a word just tapped is not left under it. Growing, it took 297 px of a
    780 px screen: a status of four lines that ended by repeating the button above it ("To go back to the
    feedback, use “Back to the feedback”"), Clear selection, and the way back on a row of its own. The bar leaves
    that sentence to a screen reader, and the way back shares Clear selection's row."""
    context = browser.new_context(base_url=book_server, **PHONE_360)
    try:
        page = open_tagger(context, SOURCES_CHAPTER)
        seen = []
        heights = {}

        def status(step: str, word: int | None = None) -> None:
            painted(page)
            bar = page.evaluate(BAR_AND_WORD, word if word is not None else 0)
            seen.append(bar["text"])
            heights[step] = bar["height"]
            assert bar["whole"] or not bar["drawn"], f"{step}: the bar cuts {bar['text']!r}"
            if word is not None:
                assert bar["wordClear"], f"{step}: the tapped word is under the bar"

        page.locator(".mt-labbtn[data-label='claim']").tap()
        status("a label, nothing selected")
        i = page.evaluate(
            "() => [...document.querySelectorAll('.mt-article .mt-tok')].findIndex((t) => t.textContent === 'Kyiv')"
        )
        # the first word just above the bar: the bar grows over it, unless the page moves it clear
        tok(page, i).evaluate(
            """(t) => { const bar = document.querySelector('.mt-dock').getBoundingClientRect();
              scrollBy(0, t.getBoundingClientRect().bottom - bar.top + 4); }"""
        )
        tok(page, i).tap()
        status("the first word tapped", i)
        tok(page, i + 12).scroll_into_view_if_needed()
        tok(page, i + 12).tap()
        status("the selection stretched", i + 12)
        assert "Pick a label" in seen[-1], seen
        page.locator(".mt-labbtn[data-label='claim']").tap()
        status("a claim tagged")
        tok(page, i).scroll_into_view_if_needed()
        tok(page, i).tap()
        status("a tagged word tapped", i)
        screenshot(page, "phone-360-bar-whole-status")
        page.locator(".mt-labbtn[data-label='claim']").tap()
        status("the same word tagged again")
        page.locator(".mt-tags .mt-del").first.tap()
        status("a tag removed")
        page.locator(".mt-tools .mt-undo").tap()
        status("undone")
        kremlin = page.evaluate(
            "() => [...document.querySelectorAll('.mt-article .mt-tok')].findIndex((t) => t.textContent === 'Kremlin')"
        )
        tok(page, kremlin).scroll_into_view_if_needed()
        tok(page, kremlin).tap()
        status("a source's word tapped", kremlin)
        page.locator(".mt-labbtn[data-label='source']").tap()
        status("a source tagged")
        details = page.locator(".mt-tags .mt-details > summary").first
        details.scroll_into_view_if_needed()
        details.tap()
        status("a tag's details opened")
        attributed = page.locator(".mt-tags .mt-attrib > summary").first
        attributed.scroll_into_view_if_needed()
        attributed.tap()
        page.locator(".mt-tags .mt-link").first.tap()
        status("a claim attributed to the source")
        page.locator(".mt-tags .mt-jump").first.tap()
        status("a tag in the list tapped")
        page.locator(".mt-dock .mt-backbtn").tap()
        status("back to the tags")
        page.locator(".mt-check").tap()
        expect(page.locator(".mt-dock .mt-live")).to_contain_text("Checked")
        status("checked")
        page.locator(".mt-feedback .mt-linkbtn").first.tap()
        status("a quote in the feedback tapped")
        # the way back's sentence: a screen reader hears it, the bar shows the button it names
        assert WAY_BACK_SAID in " ".join(text_heard(page, ".mt-dock")), text_heard(page, ".mt-dock")
        assert not page.evaluate(WAY_BACK_DRAWN)
        expect(page.locator(".mt-dock .mt-backbtn")).to_be_visible()
        screenshot(page, "phone-360-bar-way-back")
        page.locator(".mt-dock .mt-backbtn").tap()
        status("back to the feedback")
        download = page.locator(".mt-foot .mt-download")
        download.scroll_into_view_if_needed()
        with page.expect_download() as got:
            download.tap()
        status("downloaded")
        (tmp_path / "mine.json").write_bytes(Path(got.value.path()).read_bytes())
        with page.expect_file_chooser() as chooser:
            page.locator(".mt-foot .mt-load").tap()
        chooser.value.set_files(str(tmp_path / "mine.json"))
        expect(page.locator(".mt-dock .mt-live")).to_contain_text("Loaded")
        status("loaded")
        assert len(set(seen)) >= 9, seen
        tall = {step: height for step, height in heights.items() if height > BAR_AT_MOST}
        assert tall == {}, f"the bar is taller than {BAR_AT_MOST} px: {tall}"
    finally:
        context.close()


# Whether a text field has focus, which opens a phone's keyboard.
TYPING = "() => document.activeElement.matches('textarea, input:not([type=radio], [type=checkbox])')"


def test_on_a_phone_put_it_back_shows_the_words_put_back_without_opening_the_keyboard(browser, book_server, tmp_path):
    """Put it back focused the answer box (or the name box): on a phone that opens the keyboard over the page,
    over the words just put back. A tap leaves no text field focused: the box is in sight, with its words, and the
    focus is on the words it held, now kept where the tapped button was. From the keys (Enter or Space), Put it
    back still goes into the box, to write on."""
    context = browser.new_context(base_url=book_server, **PHONE_360)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        box = page.locator("textarea[data-medialit-answer='03-what-to-check']")
        box.fill("Mine.")
        box.blur()
        page.locator(".mt-student").fill("Fox")
        page.locator(".mt-student").dispatch_event("change")
        theirs = {"03-what-to-check": {"question": "What would you need to see?", "text": "Alex's answer."}}
        page.locator(".mt-file").set_input_files(
            str(handin_file(tmp_path / "alex.json", exercise_of(page), theirs, student="Alex"))
        )
        expect(box).to_have_value("Alex's answer.")
        answers_kept = box.locator("xpath=following-sibling::*[contains(@class, 'medialit-answer-kept')]")
        for name, field, kept, was, now in (
            ("answer", box, answers_kept, "Mine.", "Alex's answer."),
            ("name", page.locator(".mt-student"), page.locator(".mt-foot .medialit-answer-kept"), "Fox", "Alex"),
        ):
            put = kept.get_by_role("button", name="Put it back")
            put.scroll_into_view_if_needed()
            put.tap()
            expect(field).to_have_value(was)
            assert not page.evaluate(TYPING), page.evaluate("() => document.activeElement.outerHTML")
            expect(field).to_be_in_viewport()
            expect(kept).to_contain_text(now)
            expect(kept.get_by_role("button", name="Put it back")).to_be_focused()  # where the tapped one was
            expect(page.locator(".medialit-said")).to_have_text("Your earlier words are back in the box.")
            screenshot(page, f"phone-put-it-back-{name}")
            kept.get_by_role("button", name="Put it back").press("Enter")  # from the keys: into the box
            expect(field).to_have_value(now)
            expect(field).to_be_focused()
    finally:
        context.close()
