"""The Tagger on the static book page `book/tagger.html`, driven in Chromium like a student would."""
from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_helpers import WIDGET_STATIC, screenshot

PAGE = "book/tagger.html"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def tagger(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    page.goto(PAGE)
    page.wait_for_selector(".medialit-tagger .mt-article .tok")
    return page


def config(page) -> dict:
    return json.loads(page.locator("script[type='application/json'][id^='medialit-tagger']").first.text_content())


def storage_key(page) -> str:
    ex = config(page)["exercise"]
    return f"medialit:{ex['id']}:{ex['article']['sha256']}"


def saved(page) -> dict | None:
    raw = page.evaluate("(k) => localStorage.getItem(k)", storage_key(page))
    return json.loads(raw) if raw else None


def saved_tags(page) -> list[dict]:
    return (saved(page) or {}).get("tags", [])


def token_index(page, *words: str, nth: int = 0) -> int:
    """Index of the nth place where the tokens read `words` in a row."""
    tokens = config(page)["exercise"]["article"]["tokens"]
    hits = [i for i in range(len(tokens) - len(words) + 1)
            if [t["text"] for t in tokens[i:i + len(words)]] == list(words)]
    return hits[nth]


def tok(page, i: int):
    return page.locator(".mt-article .tok").nth(i)


def drag(page, first: int, last: int) -> None:
    tok(page, first).scroll_into_view_if_needed()
    tok(page, first).hover()
    page.mouse.down()
    tok(page, last).hover()
    page.mouse.up()


def text_of(page, start: int, end: int) -> str:
    return config(page)["exercise"]["article"]["text"][start:end]


def tag_in_text(page, words: tuple[str, ...], key: str, nth: int = 0) -> int:
    i = token_index(page, *words, nth=nth)
    drag(page, i, i + len(words) - 1)
    page.keyboard.press(key)
    return i


def test_tag_with_the_mouse_snaps_to_words_and_trims_punctuation(tagger):
    page = tagger
    i = token_index(page, "Kremlin", "spokesperson", "Dmitry", "Peskov", "insisted", nth=0)
    drag(page, i + 1, i + 3)
    assert page.locator(".mt-article .sel").count() >= 3  # live preview of the snapped span
    page.keyboard.press("2")
    tags = saved_tags(page)
    assert [(t["label"], t["quote"]) for t in tags] == [("source", "spokesperson Dmitry Peskov")]
    assert text_of(page, tags[0]["start"], tags[0]["end"]) == tags[0]["quote"]
    # a drag that starts on the dash before "the" is trimmed to the words
    j = token_index(page, "–", "the", "US", "was", nth=0)
    drag(page, j, j + 3)
    page.keyboard.press("1")
    assert saved_tags(page)[-1]["quote"] == "the US was"
    # double-click takes one word; tagging it again with the same label is refused
    despot = token_index(page, "despot")
    tok(page, despot).dblclick()
    page.keyboard.press("3")
    tok(page, despot).dblclick()
    page.keyboard.press("3")
    assert [t["quote"] for t in saved_tags(page) if t["label"] == "loaded"] == ["despot"]
    assert "already tagged" in page.locator(".mt-notice").text_content()
    # shift-click extends a selection
    k = token_index(page, "Kremlin", "spokesperson", nth=0)
    tok(page, k).click()
    tok(page, k + 1).click(modifiers=["Shift"])
    page.keyboard.press("c")
    assert saved_tags(page)[-1]["quote"] == "Kremlin spokesperson"
    assert page.locator(".mt-group-claim .mt-entry").count() == 2
    screenshot(page, "tagger-mouse")


def test_tag_with_the_keyboard_only(tagger):
    page = tagger
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mt-article')"):
            break
    else:
        pytest.fail("Tab never reached the article")
    article = page.locator(".mt-article")
    assert article.get_attribute("aria-activedescendant").endswith("-t0")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")  # select then label
    assert [(t["label"], t["quote"]) for t in saved_tags(page)] == [("claim", "Russia accuses US")]
    assert "Tagged" in page.locator(".mt-live").text_content()
    # label first (sticky mode), then select with Shift+arrows and Enter, twice
    page.keyboard.press("3")
    assert page.locator(".mt-labbtn[data-label='loaded']").get_attribute("aria-pressed") == "true"
    page.keyboard.press("ArrowRight")  # "of"
    page.keyboard.press("ArrowRight")  # "orchestrating"
    page.keyboard.press(" ")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    loaded = [t["quote"] for t in saved_tags(page) if t["label"] == "loaded"]
    assert loaded[0] == "orchestrating" and len(loaded) == 2
    assert page.locator(".mt-labbtn[aria-pressed='true']").count() == 0
    # Tab cycles through tags; Delete removes the one under the caret; Ctrl+Z brings it back
    page.keyboard.press("Home")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert "Russia" in page.locator(".mt-live").text_content()
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")
    page.keyboard.press("Tab")
    page.keyboard.press("Delete")
    assert len(saved_tags(page)) == 2
    assert "Removed" in page.locator(".mt-live").text_content()
    page.keyboard.press("Control+z")
    assert len(saved_tags(page)) == 3
    # Enter on a tag goes to its entry in the list, Enter there comes back
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('mt-jump')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")
    # ? opens the shortcut list, Esc closes it and returns to the article
    page.keyboard.press("?")
    assert page.locator("dialog.mt-dialog").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("dialog.mt-dialog").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")
    screenshot(page, "tagger-keyboard")


def test_a_loaded_word_inside_a_claim_is_drawn_on_both_layers(tagger):
    page = tagger
    i = tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    tok(page, i + 4).click()
    page.keyboard.press("3")
    inner = tok(page, i + 4)
    assert "m-loaded" in inner.get_attribute("class")
    assert "var(--mt-claim)" in (inner.get_attribute("style") or "")
    assert page.locator(".mt-article .mt-badge-claim").count() == 1
    assert page.locator(".mt-article .mt-badge-loaded").count() == 1
    # a second claim nested in the first stacks a second underline level
    tok(page, i).click()
    tok(page, i + 2).click(modifiers=["Shift"])
    page.keyboard.press("1")
    shadow = tok(page, i + 1).evaluate("el => getComputedStyle(el).boxShadow")
    assert shadow.count("rgb(10, 74, 168)") == 2  # two claim underlines
    assert {(t["label"], t["quote"]) for t in saved_tags(page)} == {
        ("claim", "the US was ‘undoubtedly’ behind the strike"), ("loaded", "undoubtedly"), ("claim", "the US was")}
    tok(page, i).scroll_into_view_if_needed()
    screenshot(page, "tagger-nested")


def test_link_a_claim_to_a_source(tagger):
    page = tagger
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    entry = page.locator(".mt-group-claim .mt-entry").first
    entry.locator("summary").click()
    assert entry.locator(".mt-link-none").is_checked()
    entry.locator(".mt-link").first.check()
    claim = next(t for t in saved_tags(page) if t["label"] == "claim")
    source = next(t for t in saved_tags(page) if t["label"] == "source")
    assert claim["source_ids"] == [source["id"]]
    assert not page.locator(".mt-group-claim .mt-entry .mt-link-none").first.is_checked()
    assert "→S1" in page.locator(".mt-article .mt-badge-claim").first.text_content()
    # "nobody" clears the link; deleting the source also removes the link
    page.locator(".mt-group-claim .mt-entry .mt-link-none").first.check()
    assert next(t for t in saved_tags(page) if t["label"] == "claim")["source_ids"] == []
    page.locator(".mt-group-claim .mt-entry .mt-link").first.check()
    page.locator(".mt-group-source .mt-del").first.click()
    assert next(t for t in saved_tags(page) if t["label"] == "claim")["source_ids"] == []
    screenshot(page, "tagger-link")


def test_undo_and_redo_with_keys_and_buttons(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    tag_in_text(page, ("seething",), "3")
    assert len(saved_tags(page)) == 2
    page.keyboard.press("Control+z")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    page.locator(".mt-undo").click()
    assert saved_tags(page) == []
    assert page.locator(".mt-undo").is_disabled()
    page.locator(".mt-redo").click()
    page.locator(".mt-article").focus()
    page.keyboard.press("Control+Shift+z")
    assert [t["quote"] for t in saved_tags(page)] == ["despot", "seething"]
    assert page.locator(".mt-redo").is_disabled()


def test_reload_restores_work_and_a_corrupt_save_is_set_aside(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    page.reload()
    page.wait_for_selector(".mt-article .tok")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    assert page.locator(".mt-group-loaded .mt-entry").count() == 1
    key = storage_key(page)
    page.evaluate("(k) => localStorage.setItem(k, '{not json at all')", key)
    page.reload()
    page.wait_for_selector(".mt-article .tok")
    assert "set aside" in page.locator(".mt-notice").text_content()
    keys = page.evaluate("() => Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith(key + ":corrupt:")]
    assert aside and page.evaluate("(k) => localStorage.getItem(k)", aside[0]) == "{not json at all"
    tag_in_text(page, ("seething",), "3")  # the page still works, and saves again
    assert [t["quote"] for t in saved_tags(page)] == ["seething"]


def test_download_then_load_round_trips(tagger, tmp_path):
    page = tagger
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-student").fill("Fox")
    page.locator(".mt-student").press("Enter")
    with page.expect_download() as info:
        page.locator(".mt-download").click()
    path = tmp_path / "handin.json"
    info.value.save_as(path)
    handin = json.loads(path.read_text(encoding="utf-8"))
    assert handin["format"] == "medialit.handin/1"
    assert handin["student"] == "Fox"
    assert handin["exercise"] == config(page)["exercise"]["id"]
    before = saved_tags(page)
    assert handin["tags"] == before
    page.locator(".mt-group-source .mt-del").click()
    page.locator(".mt-group-loaded .mt-del").click()
    assert saved_tags(page) == []
    page.locator(".mt-file").set_input_files(str(path))
    page.wait_for_function("() => document.querySelectorAll('.mt-entry').length === 2")
    assert saved_tags(page) == before
    assert "Loaded 2 tags" in page.locator(".mt-notice").text_content()


def test_a_file_for_another_exercise_or_article_is_refused_and_work_is_kept(tagger, tmp_path):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    ex = config(page)["exercise"]
    for name, change in (("other-exercise.json", {"exercise": "another-exercise"}),
                         ("other-article.json", {"article_sha256": "0" * 64})):
        doc = {"format": "medialit.handin/1", "exercise": ex["id"], "article_sha256": ex["article"]["sha256"],
               "student": "", "created": "", "updated": "", "tags": [], **change}
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        page.locator(".mt-file").set_input_files(str(path))
        page.wait_for_function("(n) => document.querySelector('.mt-notice').textContent.includes(n)", arg=name)
        message = page.locator(".mt-notice").text_content()
        assert "current work is kept" in message
        if "exercise" in change:
            assert "another-exercise" in message and ex["id"] in message
        else:
            assert "000000000000" in message and ex["article"]["sha256"][:12] in message
        assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    not_json = tmp_path / "notes.json"
    not_json.write_text("hello", encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(not_json))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('notes.json')")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]


def test_check_shows_verdicts_hints_then_the_answer(tagger):
    page = tagger
    if not (WIDGET_STATIC / "check.js").is_file():
        page.locator(".mt-check").click()
        page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('not available')")
        pytest.skip("check.js is not written yet; the page says Check is not available")
    tag_in_text(page, ("despot",), "3")
    tag_in_text(page, ("Russia", "today"), "3")
    page.locator(".mt-check").click()
    page.wait_for_selector(".mt-report .mt-item")
    report = page.locator(".mt-report")
    assert report.locator(".mt-scores").is_visible()
    hit = report.locator(".mt-item.mt-v-hit", has_text="despot")
    assert hit.count() == 1
    assert "L10" in hit.text_content() and len(hit.locator(".mt-msg").text_content()) > 20  # the key's why
    assert page.locator(".mt-group-loaded .mt-verdict").first.is_visible()
    assert report.locator(".mt-rtags .mt-v-extra").count() >= 1
    missed = report.locator(".mt-item.mt-v-missed").first
    missed.locator(".mt-hintbtn").click()
    missed = report.locator(".mt-item.mt-v-missed").first
    assert "Hint 1" in missed.text_content()
    while missed.locator(".mt-hintbtn").count():
        missed.locator(".mt-hintbtn").click()
    missed.locator(".mt-answerbtn").click()
    assert missed.locator(".mt-why-text").is_visible()
    tag_in_text(page, ("seething",), "3")
    assert report.locator(".mt-stale").is_visible()
    screenshot(page, "tagger-check")


def test_a_note_with_markup_is_shown_as_text(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    entry = page.locator(".mt-group-loaded .mt-entry").first
    entry.locator("summary").click()
    entry.locator(".mt-note").fill(XSS)
    page.locator(".mt-student").fill(XSS)
    page.locator(".mt-student").press("Enter")
    assert saved_tags(page)[0]["note"] == XSS
    page.reload()
    page.wait_for_selector(".mt-article .tok")
    page.locator(".mt-group-loaded .mt-entry summary").click()
    assert page.locator(".mt-group-loaded .mt-note").input_value() == XSS
    assert page.locator(".mt-student").input_value() == XSS
    assert page.locator(".medialit-tagger img").count() == 0
    assert page.dialogs == []


def test_no_accessibility_violations(tagger):
    page = tagger
    tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    tag_in_text(page, ("undoubtedly",), "3")
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    for summary in page.locator(".mt-entry summary").all():
        summary.click()
    page.locator(".mt-article").focus()
    results = Axe().run(page, context=".medialit-tagger")
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("?")
    results = Axe().run(page, context=".medialit-tagger")
    assert results.violations_count == 0, results.generate_report()


def test_the_page_requests_nothing_outside_its_origin(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_selector(".mt-article .tok")
    assert page.offsite_requests == []
    # messages the book theme itself logs (not the widget): favicon 404, theme mode, sphinx-thebe loaded twice
    theme = ("Failed to load resource", "theme mode", "THEBE_JS_URL")
    assert [e for e in page.errors if not any(t in e for t in theme)] == []


def test_a_tap_on_a_touch_screen_selects_a_word_and_a_label_button_tags_it(browser, book_server):
    context = browser.new_context(base_url=book_server, viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(PAGE)
        page.wait_for_selector(".medialit-tagger .mt-article .tok")
        despot = token_index(page, "despot")
        tok(page, despot).scroll_into_view_if_needed()
        tok(page, despot).tap()
        assert page.locator(".mt-article .sel").all_text_contents() == ["despot"]
        page.locator(".mt-labbtn[data-label='loaded']").tap()
        assert [(t["label"], t["quote"]) for t in saved_tags(page)] == [("loaded", "despot")]
        screenshot(page, "tagger-phone")
    finally:
        context.close()
