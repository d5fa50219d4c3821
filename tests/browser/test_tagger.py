"""The Tagger on the static book page `book/tagger.html`, driven in Chromium like a student would."""

from __future__ import annotations

import json
import re
import zipfile
from contextlib import contextmanager

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import PHONE, WHERE_FROM_THE_ARTICLE, arrow, flush_saves, painted, said, screenshot, watch_said
from playwright.sync_api import expect

PAGE = "book/tagger.html"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def tagger(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    page.goto(PAGE)
    page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
    return page


@contextmanager
def tagger_in(browser, book_server, **context_options):
    """The Tagger page in a browser context of its own (a phone, a zoomed screen), closed after."""
    context = browser.new_context(base_url=book_server, **context_options)
    page = context.new_page()
    try:
        page.goto(PAGE)
        page.wait_for_selector(".medialit-tagger .mt-article .mt-tok")
        yield page
    finally:
        context.close()


def config(page) -> dict:
    """The first Tagger's settings, its exercise unpacked by the page's own script."""
    return page.evaluate("""() => {
      const script = document.querySelector("script[type='application/json'][id^='medialit-tagger']");
      const config = JSON.parse(script.textContent);
      return {...config, exercise: window.medialitTagger.unpackExercise(config.exercise)};
    }""")


def empty_handin(exercise: dict) -> dict:
    """A hand-in of no tags for `exercise`, as Download hand-in writes one."""
    return {
        "format": "medialit.handin/1",
        "exercise": exercise["id"],
        "article_sha256": exercise["article"]["sha256"],
        "student": "",
        "created": "",
        "updated": "",
        "tags": [],
    }


def storage_key(page) -> str:
    ex = config(page)["exercise"]
    return f"medialit:{ex['id']}:{ex['article']['sha256']}"


def saved(page) -> dict | None:
    """The work saved in this browser, once the pending autosave is written."""
    flush_saves(page)
    raw = page.evaluate("(k) => localStorage.getItem(k)", storage_key(page))
    return json.loads(raw) if raw else None


def saved_tags(page) -> list[dict]:
    return (saved(page) or {}).get("tags", [])


def token_index(page, *words: str, nth: int = 0) -> int:
    """Index of the nth place where the tokens read `words` in a row."""
    tokens = config(page)["exercise"]["article"]["tokens"]
    hits = [
        i for i in range(len(tokens) - len(words) + 1) if [t["text"] for t in tokens[i : i + len(words)]] == list(words)
    ]
    return hits[nth]


def tok(page, i: int):
    return page.locator(".mt-article .mt-tok").nth(i)


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


def tap_tag(page, words: tuple[str, ...], label: str) -> None:
    """Tag words on a touch screen: tap the first word (and the last, if more than one), then the label."""
    i = token_index(page, *words)
    tok(page, i).scroll_into_view_if_needed()
    tok(page, i).tap()
    if len(words) > 1:
        tok(page, i + len(words) - 1).tap()
    page.locator(f".mt-labbtn[data-label='{label}']").tap()


def test_tag_with_the_mouse_snaps_to_words_and_trims_punctuation(tagger):
    page = tagger
    i = token_index(page, "Kremlin", "spokesperson", "Dmitry", "Peskov", "insisted", nth=0)
    drag(page, i + 1, i + 3)
    assert page.locator(".mt-article .mt-sel").count() >= 3  # live preview of the snapped span
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
    # the same refusal again is put into the alert anew, so a screen reader reads it out again (an alert
    # whose text does not change says nothing)
    page.evaluate("() => { window.firstWarning = document.querySelector('.mt-notice').firstChild; }")
    tok(page, despot).dblclick()
    page.keyboard.press("3")
    assert page.evaluate("""() => {
      const notice = document.querySelector('.mt-notice');
      return notice.getAttribute('role') === 'alert' && notice.firstChild !== window.firstWarning
        && notice.textContent === window.firstWarning.textContent && notice.childNodes.length === 1;
    }""")
    # shift-click extends a selection
    k = token_index(page, "Kremlin", "spokesperson", nth=0)
    tok(page, k).click()
    tok(page, k + 1).click(modifiers=["Shift"])
    page.keyboard.press("c")
    assert saved_tags(page)[-1]["quote"] == "Kremlin spokesperson"
    expect(page.locator(".mt-group-claim .mt-entry")).to_have_count(2)
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
    # a label key with nothing selected tags nothing and says what to do; there is no hidden mode
    page.keyboard.press("3")
    assert len(saved_tags(page)) == 1 and "Select words first" in page.locator(".mt-live").text_content()
    page.keyboard.press("ArrowRight")  # "of"
    page.keyboard.press("ArrowRight")  # "orchestrating"
    page.keyboard.press(" ")
    page.keyboard.press("l")
    page.keyboard.press("ArrowDown")
    page.keyboard.press(" ")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("3")
    loaded = [t["quote"] for t in saved_tags(page) if t["label"] == "loaded"]
    assert loaded[0] == "orchestrating" and len(loaded) == 2
    # by sentence and by line: "." goes to the next sentence, Page Down to the next numbered line
    page.keyboard.press("Home")
    line = int(page.locator(".mt-live").text_content().split("line ")[1].split(",")[0].split(".")[0])
    page.keyboard.press("PageDown")
    assert f"line {line + 2}" in page.locator(".mt-live").text_content()  # the article's lines have a blank between
    page.keyboard.press("PageUp")
    page.keyboard.press("PageUp")
    page.keyboard.press(".")
    assert page.locator(".mt-live").text_content().startswith("Russia, line 3")
    # ] and [ go through tags; Delete removes the one under the caret; Ctrl+Z brings it back
    for _ in range(4):
        page.keyboard.press("PageUp")
    page.keyboard.press("]")
    assert "Russia" in page.locator(".mt-live").text_content()
    page.keyboard.press("]")
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
    # one Tab leaves the article, whatever tags it holds
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('mt-article')")
    page.keyboard.press("Shift+Tab")
    # ? opens the shortcut list, Esc closes it and returns to the article
    page.keyboard.press("?")
    assert page.locator("dialog.mt-dialog").is_visible()
    assert "next or previous sentence" in page.locator("dialog.mt-dialog").text_content()
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
    painted(page)
    assert "mt-mark-loaded" in inner.get_attribute("class")
    assert "rgb(10, 74, 168)" in inner.evaluate("el => getComputedStyle(el).boxShadow")  # the claim underline
    assert page.locator(".mt-article .mt-badge-claim").count() == 1
    assert page.locator(".mt-article .mt-badge-loaded").count() == 1
    # a second claim nested in the first stacks a second underline level
    tok(page, i).click()
    tok(page, i + 2).click(modifiers=["Shift"])
    page.keyboard.press("1")
    painted(page)
    shadow = tok(page, i + 1).evaluate("el => getComputedStyle(el).boxShadow")
    assert shadow.count("rgb(10, 74, 168)") == 2  # two claim underlines
    assert {(t["label"], t["quote"]) for t in saved_tags(page)} == {
        ("claim", "the US was ‘undoubtedly’ behind the strike"),
        ("loaded", "undoubtedly"),
        ("claim", "the US was"),
    }
    tok(page, i).scroll_into_view_if_needed()
    screenshot(page, "tagger-nested")


def test_link_a_claim_to_a_source(tagger):
    page = tagger
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    entry = page.locator(".mt-group-claim .mt-entry").first
    entry.locator(".mt-attrib > summary").click()
    expect(entry.locator(".mt-link")).to_have_count(1)
    assert entry.locator(".mt-link-none").is_checked()
    entry.locator(".mt-link").first.check()
    claim = next(t for t in saved_tags(page) if t["label"] == "claim")
    source = next(t for t in saved_tags(page) if t["label"] == "source")
    assert claim["source_ids"] == [source["id"]]
    assert not page.locator(".mt-group-claim .mt-entry .mt-link-none").first.is_checked()
    expect(entry.locator(".mt-attrib > summary")).to_have_text("Attributed to: S1")
    expect(page.locator(".mt-article .mt-badge-claim").first).to_contain_text("→S1")
    # the source's role: a choice reads as words, and is saved as its value
    source_entry = page.locator(".mt-group-source .mt-entry").first
    source_entry.locator(".mt-details > summary").click()
    source_entry.locator(".mt-attr-role").select_option(label="interested party")
    assert next(t for t in saved_tags(page) if t["label"] == "source")["attrs"]["role"] == "interested-party"
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
    expect(page.locator(".mt-undo")).to_be_disabled()
    page.locator(".mt-redo").click()
    page.locator(".mt-article").focus()
    page.keyboard.press("Control+Shift+z")
    assert [t["quote"] for t in saved_tags(page)] == ["despot", "seething"]
    expect(page.locator(".mt-redo")).to_be_disabled()


def test_undo_and_redo_say_what_they_undid_in_the_words_said_when_it_was_done(tagger):
    """The change undone is often off the screen: the status line (read out too) names it."""
    page = tagger
    live = page.locator(".mt-live")
    tag_in_text(page, ("despot",), "3")
    tagged = live.text_content()
    assert tagged.startswith("Tagged “despot” as ")
    page.keyboard.press("Delete")  # the tag under the caret
    removed = live.text_content()
    assert removed.startswith("Removed ") and removed.endswith("“despot”. Undo (Ctrl+Z) brings it back.")
    removal = removed.removesuffix(" Undo (Ctrl+Z) brings it back.")
    page.keyboard.press("Control+z")
    expect(live).to_have_text(f"Undone: {removal}")
    page.locator(".mt-undo").click()
    expect(live).to_have_text(f"Undone: {tagged}")
    assert saved_tags(page) == []
    page.locator(".mt-redo").click()
    expect(live).to_have_text(f"Redone: {tagged}")
    page.keyboard.press("Control+Shift+z")
    expect(live).to_have_text(f"Redone: {removal}")
    page.keyboard.press("Control+Shift+z")
    expect(live).to_have_text("Nothing to redo.")


def test_undo_and_redo_name_a_tags_detail_changed_with_the_mouse(tagger):
    """A detail chosen (a source's role) or written (the note) is named, with the tag, when it is made
    and again when Undo or Redo takes it back: the field is often closed or off the screen by then."""
    page = tagger
    live = page.locator(".mt-live")
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    entry = page.locator(".mt-group-source .mt-entry").first
    entry.locator("summary").click()
    role = entry.locator(".mt-attr-role")
    role.select_option(label="official")
    expect(live).to_have_text("Changed Source S1's role to official. Saved.")
    # a choice changed again is one step, said as it is now
    role.select_option(label="interested party")
    expect(live).to_have_text("Changed Source S1's role to interested party. Saved.")
    entry.locator(".mt-note").fill("He speaks for the Kremlin")
    expect(live).to_have_text("Changed Source S1's role to interested party. Saved.")  # typing is not read out
    page.locator(".mt-undo").click()
    expect(live).to_have_text("Undone: Changed Source S1's note.")
    expect(entry.locator(".mt-note")).to_have_value("")
    page.locator(".mt-undo").click()
    expect(live).to_have_text("Undone: Changed Source S1's role to interested party.")
    expect(role).to_have_value("")
    page.locator(".mt-redo").click()
    expect(live).to_have_text("Redone: Changed Source S1's role to interested party.")
    assert saved_tags(page)[0]["attrs"] == {"role": "interested-party"}


def test_undo_from_the_keys_names_a_detail_chosen_from_the_keys(tagger):
    page = tagger
    live = page.locator(".mt-live")
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    entry = page.locator(".mt-group-source .mt-entry").first
    entry.locator("summary").focus()
    page.keyboard.press("Enter")  # open the details
    role = entry.locator(".mt-attr-role")
    role.focus()
    page.keyboard.press("ArrowDown")  # the first choice after "(not set)"
    chosen = role.evaluate("(s) => s.selectedOptions[0].textContent")
    expect(live).to_have_text(f"Changed Source S1's role to {chosen}. Saved.")
    # back out of the fields (a field keeps Ctrl+Z for itself) to the entry's summary
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Control+z")
    expect(live).to_have_text(f"Undone: Changed Source S1's role to {chosen}.")
    page.keyboard.press("Control+Shift+z")
    expect(live).to_have_text(f"Redone: Changed Source S1's role to {chosen}.")


def test_undo_names_the_hand_in_it_takes_away(tagger, tmp_path):
    """Undo after loading a hand-in says so in the words the notice said, and brings the work back."""
    page = tagger
    live = page.locator(".mt-live")
    tag_in_text(page, ("despot",), "3")
    mine = saved_tags(page)
    other = tmp_path / "alex.json"
    other.write_text(json.dumps(empty_handin(config(page)["exercise"])), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(other))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('alex.json')")
    assert page.locator(".mt-notice").text_content().startswith("Loaded 0 tags from alex.json.")
    page.locator(".mt-undo").click()
    expect(live).to_have_text("Undone: Loaded 0 tags from alex.json.")
    assert saved_tags(page) == mine
    page.locator(".mt-redo").click()
    expect(live).to_have_text("Redone: Loaded 0 tags from alex.json.")
    assert saved_tags(page) == []


def test_the_last_undo_from_the_keyboard_leaves_focus_on_redo_not_on_the_page(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    expect(page.locator(".mt-undo")).to_be_enabled()  # drawn in the next frame
    page.locator(".mt-undo").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".mt-undo")).to_be_disabled()
    assert page.evaluate("document.activeElement.classList.contains('mt-redo')")
    page.keyboard.press("Enter")
    expect(page.locator(".mt-redo")).to_be_disabled()
    assert page.evaluate("document.activeElement.classList.contains('mt-undo')")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]


def test_removing_a_tag_by_its_cross_from_the_keyboard_keeps_focus_in_the_list(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    tag_in_text(page, ("seething",), "3")
    crosses = page.locator(".mt-group-loaded .mt-del")
    crosses.first.focus()
    page.keyboard.press("Enter")
    assert [t["quote"] for t in saved_tags(page)] == ["seething"]
    left = saved_tags(page)[0]["id"]
    assert page.evaluate("document.activeElement.closest('.mt-entry')?.dataset.id") == left
    assert page.evaluate("document.activeElement.classList.contains('mt-del')")
    assert "Undo (Ctrl+Z) brings it back" in page.locator(".mt-live").text_content()
    page.keyboard.press("Enter")
    assert saved_tags(page) == []
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")


def test_from_a_claims_attributed_to_box_esc_goes_back_to_the_words_and_ctrl_z_undoes(tagger):
    page = tagger
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    expect(page.locator(".mt-tags .mt-entry")).to_have_count(2)  # drawn in the next frame
    page.keyboard.press("Enter")  # on the claim: to its entry in the list
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # "Attributed to": its boxes are made as it opens
    expect(page.locator(".mt-group-claim .mt-link")).to_have_count(1)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('mt-link')")
    page.keyboard.press(" ")
    assert next(t for t in saved_tags(page) if t["label"] == "claim")["source_ids"] != []
    # the shortcuts the help lists for the tag list work from a tick box too, as they do from a button
    page.keyboard.press("Control+z")
    assert next(t for t in saved_tags(page) if t["label"] == "claim")["source_ids"] == []
    page.locator(".mt-group-claim .mt-link").first.focus()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('mt-article')"), "Esc left focus in the list"


def test_tab_order_follows_the_screen_labels_article_then_the_tag_list(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    expect(page.locator(".mt-tags .mt-entry")).to_have_count(1)  # drawn in the next frame
    page.locator(".mt-article").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.mt-tags')"), "Tab from the words skips the tag list"
    page.locator(".mt-article").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("!!document.activeElement.closest('.mt-labels')")


def test_reload_restores_work_and_a_corrupt_save_is_set_aside(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    page.reload()
    page.wait_for_selector(".mt-article .mt-tok")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    assert page.locator(".mt-group-loaded .mt-entry").count() == 1
    key = storage_key(page)
    page.evaluate("(k) => localStorage.setItem(k, '{not json at all')", key)
    page.reload()
    page.wait_for_selector(".mt-article .mt-tok")
    message = page.locator(".mt-notice").text_content()
    assert "could not be read" in message and "copy of it is kept" in message
    assert "medialit:" not in message and "current work is kept" not in message  # no storage key, no contradiction
    keys = page.evaluate("() => Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith(key + ":set-aside:")]
    assert aside and page.evaluate("(k) => localStorage.getItem(k)", aside[0]) == "{not json at all"
    tag_in_text(page, ("seething",), "3")  # the page still works, and saves again
    assert [t["quote"] for t in saved_tags(page)] == ["seething"]
    assert page.locator(".mt-notice").is_hidden()  # the old error goes once something works


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
    for name, change in (
        ("other-exercise.json", {"exercise": "another-exercise"}),
        ("other-article.json", {"article_sha256": "0" * 64}),
    ):
        doc = {**empty_handin(ex), **change}
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        page.locator(".mt-file").set_input_files(str(path))
        page.wait_for_function("(n) => document.querySelector('.mt-notice').textContent.includes(n)", arg=name)
        message = page.locator(".mt-notice").text_content()
        assert "current work is kept" in message
        assert message.startswith(f"{name}: ") and "`" not in message, message  # no field name for a student
        if "exercise" in change:
            assert "another-exercise" in message and ex["id"] in message
        else:
            assert "another version of the article" in message
        assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    not_json = tmp_path / "notes.json"
    not_json.write_text("hello", encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(not_json))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('notes.json')")
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    # the place is named as the command line names it, and the notice is brought to the screen
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{\n "student": "Zo\xeb"\n}')
    page.locator(".mt-file").set_input_files(str(latin))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('latin.json')")
    message = page.locator(".mt-notice").text_content()
    assert message.startswith("latin.json, line 2: ") and "UTF-8" in message, message
    painted(page)
    box = page.locator(".mt-notice").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]
    # a zip is told to be unzipped first, and a name given twice is named with its lines (nothing is lost quietly)
    packed = tmp_path / "class.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("alex.json", json.dumps(empty_handin(ex)))
    page.locator(".mt-file").set_input_files(str(packed))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('class.zip')")
    message = page.locator(".mt-notice").text_content()
    assert message.startswith("class.zip: This is a zip file") and "Unzip it first" in message, message
    twice = tmp_path / "twice.json"
    whole = json.dumps(empty_handin(ex), indent=1)
    twice.write_text(whole[: whole.rindex("}")] + ',\n "tags": []\n}', encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(twice))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('twice.json')")
    message = page.locator(".mt-notice").text_content()
    lines = whole.count("\n") + 2
    assert message.startswith(f"twice.json, line {lines}, column 2: "), message
    assert "“tags” twice" in message and "first on line 8" in message, message
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]
    # a file too big is refused by its size, measured once by the reader the class report uses too
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (5 * 1048576 + 1))
    page.locator(".mt-file").set_input_files(str(huge))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('huge.json')")
    message = page.locator(".mt-notice").text_content()
    assert message.startswith("huge.json: ") and "5.1 MB" in message and "current work is kept" in message, message
    assert [t["quote"] for t in saved_tags(page)] == ["despot"]


NOTICE = """() => { const n = document.querySelector('.mt-notice'); const s = getComputedStyle(n);
  return {info: n.classList.contains('mt-notice-info'), role: n.getAttribute('role'), bg: s.backgroundColor,
          text: n.textContent}; }"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_good_news_shows_calmly_and_a_refusal_as_a_warning(tagger, tmp_path, theme):
    """A hand-in loaded whole is good news: the notice keeps its place but in calm colours, and is no
    alert; a file refused is still a warning, in the alarm colours. Both readable (axe) in either theme."""
    page = tagger
    page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
    ex = config(page)["exercise"]
    doc = empty_handin(ex)
    good, bad = tmp_path / "good.json", tmp_path / "other.json"
    good.write_text(json.dumps(doc), encoding="utf-8")
    bad.write_text(json.dumps({**doc, "exercise": "another-exercise"}), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(good))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('good.json')")
    calm = page.evaluate(NOTICE)
    assert calm["info"] and calm["role"] is None, calm
    results = Axe().run(page, context=".mt-notice")
    assert results.violations_count == 0, results.generate_report()
    screenshot(page, f"tagger-notice-info-{theme}")
    page.locator(".mt-file").set_input_files(str(bad))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('other.json')")
    alarm = page.evaluate(NOTICE)
    assert not alarm["info"] and alarm["role"] == "alert", alarm
    assert alarm["bg"] != calm["bg"]
    results = Axe().run(page, context=".mt-notice")
    assert results.violations_count == 0, results.generate_report()


def said_in(page, words: str) -> list[str]:
    """The lines of the Tagger's accessibility tree (what a screen reader can read) that hold `words`."""
    return [line for line in page.locator(".medialit-tagger").aria_snapshot().splitlines() if words in line]


def test_a_notice_is_read_once_and_shows_in_the_status_line_too(tagger, tmp_path):
    """A warning is an alert and good news is said by the status line: each shows in both places, where
    a sighted student looks, but only one of them is in the accessibility tree, so it is read once."""
    page = tagger
    despot = token_index(page, "despot")
    for _ in range(2):
        tok(page, despot).dblclick()
        page.keyboard.press("3")
    warning = page.locator(".mt-notice").text_content()
    assert "already tagged" in warning and page.locator(".mt-notice").get_attribute("role") == "alert"
    expect(page.locator(".mt-dock .mt-live")).to_have_text(warning)  # seen while tagging
    said = said_in(page, "already tagged")
    assert len(said) == 1 and said[0].lstrip().startswith("- alert"), said
    page.keyboard.press("Escape")  # the next status is read out, and the warning still once
    expect(page.locator(".mt-dock .mt-live")).to_have_text("Selection cleared.")
    assert len(said_in(page, "Selection cleared")) == 1 and len(said_in(page, "already tagged")) == 1
    doc = empty_handin(config(page)["exercise"])
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(good))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('good.json')")
    news = page.locator(".mt-notice").text_content()
    expect(page.locator(".mt-dock .mt-live")).to_have_text(news)
    said = said_in(page, "good.json")
    assert len(said) == 1 and said[0].lstrip().startswith("- status"), said


# Whether the status line holds a new node since `keep_status_node` ran, with the same words: a screen
# reader reads a live region out when a node comes into it, not when its text stays as it was.
KEEP_STATUS_NODE = "() => { window.keptStatus = document.querySelector('.mt-live').firstChild; }"
STATUS_NODE_IS_NEW = """() => { const live = document.querySelector('.mt-live'), kept = window.keptStatus;
  return !!kept && live.firstChild !== kept && live.textContent === kept.textContent; }"""


def test_the_same_good_news_twice_is_read_out_twice(tagger, tmp_path):
    """The same words twice ("Nothing to undo."), and the same hand-in loaded again, go into the status line anew, as
    a repeated warning goes into the alert: a status line whose words stay the same says nothing."""
    page = tagger
    tok(page, 0).click()
    page.keyboard.press("Control+z")
    expect(page.locator(".mt-live")).to_have_text("Nothing to undo.")
    page.evaluate(KEEP_STATUS_NODE)
    page.keyboard.press("Control+z")
    assert page.evaluate(STATUS_NODE_IS_NEW), "the second Nothing to undo. was not put in anew"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(empty_handin(config(page)["exercise"])), encoding="utf-8")
    page.locator(".mt-file").set_input_files(str(good))
    page.wait_for_function("() => document.querySelector('.mt-live').textContent.includes('good.json')")
    page.evaluate(KEEP_STATUS_NODE)
    page.locator(".mt-file").set_input_files(str(good))
    page.wait_for_function(STATUS_NODE_IS_NEW)
    assert len(said_in(page, "good.json")) == 1  # still read once: the notice's copy is for the eyes only


def test_check_shows_verdicts_hints_then_the_answer(tagger):
    page = tagger
    tag_in_text(page, ("despot",), "3")
    tag_in_text(page, ("Russia", "today"), "3")
    page.locator(".mt-check").click()
    feedback = page.locator(".mt-feedback")
    expect(feedback).to_be_visible()
    summary = feedback.locator(".mt-summary").text_content()
    assert "Your tags that the answer key has too: 1 of 2." in summary
    assert not {"recall", "precision", "F1"} & set(feedback.text_content().split())
    found = feedback.locator(".mt-fb-found .mt-fb-tag", has_text="despot")
    assert found.count() == 1 and "L10" in found.text_content()
    assert len(found.locator(".mt-why").text_content()) > 20  # the key's why
    other = feedback.locator(".mt-fb-look .mt-fb-tag", has_text="Russia today")
    # the key's source "Russia" and one word more, tagged as a loaded word: the other label, and its edges
    assert "Other label" in other.locator(".mt-chip").text_content()
    assert "your tag also covers “today”" in other.locator(".mt-msg").text_content()
    # in the article: a found tag's badge says so, the other's too
    painted(page)
    assert page.locator(".mt-article .mt-badge[data-v='found']").count() == 1
    assert page.locator(".mt-article .mt-badge[data-v='off']").count() == 1
    expect(page.locator(".mt-group-loaded .mt-verdict").first).to_be_visible()
    # hints one item at a time: one hint button in the whole feedback
    coach = feedback.locator(".mt-coach")
    assert feedback.locator(".mt-hintbtn").count() == 1
    first_item = coach.locator(".mt-coach-item").text_content()
    while coach.locator(".mt-hintbtn").count():
        coach.locator(".mt-hintbtn").click()
    assert "Hint:" in coach.text_content()
    coach.locator(".mt-answerbtn").click()
    assert "The answer:" in coach.locator(".mt-answer-text").text_content()
    painted(page)
    assert page.locator(".mt-article .mt-answer-start").count() == 1  # the answer's words, outlined
    coach.locator(".mt-wordsbtn").click()
    assert page.evaluate("document.activeElement.classList.contains('mt-article')")
    assert page.locator(".mt-article .mt-sel").count() >= 1
    page.keyboard.press("Enter")  # back to where the feedback sent us from
    assert page.evaluate("document.activeElement.classList.contains('mt-wordsbtn')")
    coach.locator(".mt-nextbtn").click()
    assert coach.locator(".mt-coach-item").text_content() != first_item
    tag_in_text(page, ("seething",), "3")
    expect(feedback.locator(".mt-stale")).to_be_visible()
    screenshot(page, "tagger-check")


def test_check_with_no_tags_asks_for_a_try_first(tagger):
    page = tagger
    page.locator(".mt-check").click()
    feedback = page.locator(".mt-feedback")
    expect(feedback).to_be_visible()
    assert "hints come after your first try" in feedback.locator(".mt-summary").text_content()
    assert feedback.locator(".mt-coach, .mt-hintbtn, .mt-answerbtn, .mt-fb-tag").count() == 0


def test_tag_numbers_stay_and_unused_keys_say_so(tagger):
    page = tagger
    tag_in_text(page, ("seething",), "3")
    first = page.locator(".mt-article .mt-badge-loaded").first.text_content()
    tag_in_text(page, ("despot",), "3")  # earlier in the text: the first tag keeps its number
    painted(page)
    badges = {
        b.evaluate("el => el.nextElementSibling.textContent"): b.text_content()
        for b in page.locator(".mt-article .mt-badge-loaded").all()
    }
    assert badges == {"seething": first, "despot": "L2"}
    page.locator(".mt-article").focus()
    page.keyboard.press("9")  # no label has key 9
    assert "tags nothing on this page" in page.locator(".mt-live").text_content()


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
    page.wait_for_selector(".mt-article .mt-tok")
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
    page.wait_for_selector(".mt-article .mt-tok")
    assert page.offsite_requests == []
    # messages the book theme itself logs (not the widget): favicon 404, theme mode, sphinx-thebe loaded twice
    theme = ("Failed to load resource", "theme mode", "THEBE_JS_URL")
    assert [e for e in page.errors if not any(t in e for t in theme)] == []


def test_with_a_mouse_every_target_after_check_is_at_least_24_px(tagger):
    # WCAG 2.5.8: a tag's fields, its "Attributed to" tick boxes (each clicked by its whole line) and
    # the quotes in the feedback stood 20 to 23 px high, the tick boxes' lines touching each other
    page = tagger
    tag_in_text(page, ("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2")
    tag_in_text(page, ("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1")
    tag_in_text(page, ("despot",), "3")
    page.locator(".mt-check").click()
    expect(page.locator(".mt-fb-tag .mt-quote").first).to_be_visible()
    page.evaluate("() => document.querySelectorAll('.mt details').forEach((d) => { d.open = true; })")
    expect(page.locator(".mt-group-claim .mt-link")).to_have_count(1)  # made as "Attributed to" opens
    small = page.evaluate("""() => [...document.querySelectorAll('.mt :is(button, summary, select, input)')]
      .map((el) => el.closest('label') || el)
      .filter((el) => el.offsetParent !== null && !el.closest('dialog'))
      .map((el) => [el.className || el.tagName, el.getBoundingClientRect()])
      .filter(([, r]) => r.height < 24 || r.width < 24)
      .map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert small == []


def test_a_touch_screen_tags_a_three_word_claim_with_big_targets(browser, book_server):
    with tagger_in(browser, book_server, **PHONE) as page:
        despot = token_index(page, "despot")
        tok(page, despot).scroll_into_view_if_needed()
        tok(page, despot).tap()
        assert page.locator(".mt-article .mt-sel").all_text_contents() == ["despot"]
        page.locator(".mt-labbtn[data-label='loaded']").tap()
        assert [(t["label"], t["quote"]) for t in saved_tags(page)] == [("loaded", "despot")]
        # a claim of three words: tap the first, then the last
        i = token_index(page, "Russia", "today", "made")
        tok(page, i).scroll_into_view_if_needed()
        tok(page, i).tap()
        assert "tap the last word you want" in page.locator(".mt-live").text_content()
        tok(page, i + 2).tap()
        assert page.locator(".mt-article .mt-tok.mt-sel").all_text_contents() == ["Russia", "today", "made"]
        bar = page.locator(".mt-labbtn[data-label='claim']")
        assert bar.is_visible()
        bar.tap()
        assert [(t["label"], t["quote"]) for t in saved_tags(page)][-1] == ("claim", "Russia today made")
        # every button, summary and list option in the Tagger is at least 44 by 44 px
        small = page.evaluate("""() => [...document.querySelectorAll('.mt :is(button, summary, select)')]
          .filter((el) => el.offsetParent !== null && !el.closest('dialog'))
          .map((el) => [el.className || el.tagName, el.getBoundingClientRect()])
          .filter(([, r]) => r.height < 44 || (r.width < 44 && r.width > 0))
          .map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)""")
        assert small == []
        screenshot(page, "tagger-phone")


# Where the label bar is on the screen, and the bottom of the theme's sticky header above it.
LABEL_BAR = """() => {
  const dock = document.querySelector('.mt-dock');  // the bar itself on a phone, else only its labels are
  const bar = (dock.getClientRects().length ? dock : dock.querySelector('.mt-labels')).getBoundingClientRect();
  const header = document.querySelector('.bd-header-article').getBoundingClientRect();
  return {top: bar.top, bottom: bar.bottom, below: header.bottom};
}"""


def test_zoomed_in_a_mouse_user_keeps_the_labels_in_view_at_the_top_of_the_screen(browser, book_server):
    # a 1440 by 900 window at 200% zoom: too short to show the labels and the whole article box at once
    with tagger_in(browser, book_server, viewport={"width": 720, "height": 450}, device_scale_factor=2) as page:
        assert page.evaluate("() => !!document.querySelector('.mt-dock').offsetParent") is False  # not a phone bar
        # read on until the article's box is at the top of the screen, then pick words low in it
        page.locator(".mt-article").evaluate("(a) => a.scrollIntoView({block: 'end'})")
        page.mouse.wheel(0, 200)
        i = token_index(page, "despot")
        tok(page, i).scroll_into_view_if_needed()
        painted(page)
        bar = page.evaluate(LABEL_BAR)
        # on a screen this short the theme's header scrolls away with the page: the bar alone stays, on top
        assert bar["below"] <= 0 and abs(bar["top"]) <= 1, bar
        tok(page, i).click()
        page.locator(".mt-labbtn[data-label='loaded']").click()
        assert [(t["label"], t["quote"]) for t in saved_tags(page)] == [("loaded", "despot")]
        screenshot(page, "tagger-zoomed-in")


def test_the_stuck_label_bar_has_an_edge_only_while_text_slides_under_it(tagger):
    page = tagger
    edge = "() => getComputedStyle(document.querySelector('.mt-labels'), '::after').content"
    article = page.locator(".mt-article")
    article.evaluate("(a) => scrollTo(0, a.getBoundingClientRect().top + scrollY - 300)")
    painted(page)
    assert page.evaluate(edge) == "none"  # above the article: the bar sits in its place
    article.evaluate("(a) => scrollTo(0, a.getBoundingClientRect().top + scrollY + 200)")
    painted(page)
    bar = page.evaluate(LABEL_BAR)
    assert abs(bar["top"] - bar["below"]) <= 1, bar  # stuck under the header
    assert page.evaluate(edge) == '""'
    screenshot(page, "tagger-stuck-bar")


# How many pixels of the caret's word the label bar covers, and whether the word is on the screen.
CARET_UNDER_BAR = """() => {
  const word = document.querySelector('.mt-article .mt-caret').getBoundingClientRect();
  const dock = document.querySelector('.mt-dock');  // the bar itself on a phone, else only its labels are
  const bar = (dock.getClientRects().length ? dock : dock.querySelector('.mt-labels')).getBoundingClientRect();
  const covered = Math.max(0, Math.min(word.bottom, bar.bottom) - Math.max(word.top, bar.top));
  return {covered, onScreen: word.top >= 0 && word.bottom <= innerHeight};
}"""


def test_the_keyboard_never_leaves_its_word_under_the_stuck_label_bar(tagger):
    page = tagger
    article = page.locator(".mt-article")
    article.focus()
    for _ in range(60):  # well down the article
        page.keyboard.press("ArrowDown")
    # the page scrolled on until the article's box starts under the bar, then up the text by keys
    article.evaluate("(a) => scrollTo(0, a.getBoundingClientRect().top + scrollY + 150)")
    for n in range(40):
        page.keyboard.press("ArrowUp" if n % 2 else "Shift+ArrowUp")
        painted(page)
        where = page.evaluate(CARET_UNDER_BAR)
        assert where == {"covered": 0, "onScreen": True}, f"after {n + 1} presses: {where}"


def test_on_a_phone_the_keyboard_never_leaves_its_word_under_the_bottom_bar(browser, book_server):
    with tagger_in(browser, book_server, **PHONE) as page:
        article = page.locator(".mt-article")
        article.evaluate("(a) => a.scrollIntoView({block: 'start'})")
        article.focus()
        for n in range(40):
            page.keyboard.press("ArrowDown")
            painted(page)
            where = page.evaluate(CARET_UNDER_BAR)
            assert where == {"covered": 0, "onScreen": True}, f"after {n + 1} presses: {where}"


ON_SCREEN = """(el) => { const r = el.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  return r.top >= 0 && r.bottom <= innerHeight && el.contains(document.elementFromPoint(x, y)); }"""


def test_on_a_phone_a_tag_in_the_list_shows_its_words_and_a_button_goes_back_to_it(browser, book_server):
    """A phone has no Enter key: from a tag's words, reached from the list, a button in the bar takes the
    student back to that tag in the list, and what the status line says names the buttons a phone has."""
    with tagger_in(browser, book_server, **PHONE) as page:
        for word in ("despot", "bizarre", "seething", "furious"):
            tap_tag(page, (word,), "loaded")
        entry = page.locator(".mt-group-loaded .mt-entry", has_text="bizarre")
        entry.locator(".mt-jump").scroll_into_view_if_needed()
        entry.locator(".mt-jump").tap()
        assert page.locator(".mt-article .mt-sel").all_text_contents() == ["bizarre"]
        back = page.locator(".mt-backbtn")
        expect(back).to_have_text("Back to your tags")
        assert arrow(back) == "↓"  # the list is below the article on a phone
        assert back.evaluate(ON_SCREEN), "the way back is not on the screen"
        expect(page.locator(".mt-live")).to_contain_text("use “Back to your tags”")
        screenshot(page, "tagger-phone-from-the-list")
        back.tap()
        expect(entry.locator(".mt-jump")).to_be_focused()
        assert entry.locator(".mt-jump").evaluate(ON_SCREEN), "the tag in the list is not on the screen"
        expect(back).to_be_hidden()
        entry.locator(".mt-del").tap()
        expect(page.locator(".mt-live")).to_contain_text("Undo brings it back.")
        assert [t["quote"] for t in saved_tags(page)] == ["despot", "seething", "furious"]


# The Undo buttons on the screen and on top there (not under the theme's header or the phone's bar).
UNDO_ON_SCREEN = f"""() => [...document.querySelectorAll('.mt button')]
  .filter((b) => b.textContent.includes('Undo') && ({ON_SCREEN})(b)).map((b) => b.className)"""


def test_on_a_phone_a_tag_removed_from_the_list_leaves_an_undo_in_its_place(browser, book_server):
    """The toolbar's Undo is screens above the tag list on a phone: the ✕ that removed a tag leaves an Undo where the
    tag was, until the next change."""
    with tagger_in(browser, book_server, **PHONE) as page:
        words = ("despot", "bizarre", "seething", "furious", "strike")
        for word in words:
            tap_tag(page, (word,), "loaded")
        entries = page.locator(".mt-group-loaded .mt-entry")
        expect(entries).to_have_count(len(words))  # the last one is drawn in the next frame
        listed = entries.locator(".mt-quote").all_text_contents()  # in the order of the text
        at = listed.index("“furious”")
        assert 0 < at < len(listed) - 1, listed
        gone = entries.nth(at)
        number = gone.locator(".mt-badge").text_content()
        gone.locator(".mt-del").scroll_into_view_if_needed()
        gone.locator(".mt-del").tap()
        assert "furious" not in [t["quote"] for t in saved_tags(page)]
        row = entries.nth(at)  # where it was, between its neighbours
        expect(row).to_have_text(f"Removed {number} “furious”.↶ Undo")
        expect(entries.nth(at - 1).locator(".mt-quote")).to_have_text(listed[at - 1])
        expect(entries.nth(at + 1).locator(".mt-quote")).to_have_text(listed[at + 1])
        assert page.evaluate(UNDO_ON_SCREEN) != [], "no Undo on the screen after a removal"
        screenshot(page, "tagger-phone-removed-from-the-list")
        row.get_by_role("button", name="Undo", exact=True).tap()
        assert [t["quote"] for t in saved_tags(page)] == list(words)
        expect(page.locator(".mt-live")).to_contain_text(f"Undone: Removed Loaded {number} “furious”.")
        expect(entries).to_have_count(len(words))
        expect(entries.locator(".mt-quote")).to_have_text(listed)
        expect(entries.nth(at).locator(".mt-del")).to_be_focused()  # the ✕ that was tapped, back in its place
        # the next change, whatever it is, takes the Undo away: it would no longer undo this removal
        entries.nth(0).locator(".mt-del").tap()
        expect(entries.nth(0)).to_contain_text("Removed")
        tap_tag(page, ("Kremlin",), "loaded")
        expect(page.locator(".mt-group-loaded .mt-entry", has_text="Removed")).to_have_count(0)


def follow_the_button_to_its_tag(page, number: str, word: str, shot: str, press: str):
    """The bar's "↓ L2 in your tags" is on the screen; pressed (`press`: "tap" or "click"), it takes focus
    to the tag's entry in the list and goes. Returns that entry."""
    button = page.locator(".mt-backbtn")
    expect(button).to_have_text(f"{number} in your tags")
    assert arrow(button) == "↓"  # below the article, on a phone and a laptop
    assert button.evaluate(ON_SCREEN), "the way to the tag is not on the screen"
    screenshot(page, shot)
    getattr(button, press)()
    entry = page.locator(".mt-group-loaded .mt-entry", has_text=word).locator(".mt-jump")
    expect(entry).to_be_focused()
    expect(button).to_be_hidden()
    return entry


def test_on_a_phone_a_tapped_word_names_its_tag_and_a_button_goes_to_the_tag_in_the_list(browser, book_server):
    """Enter on a tagged word goes to its tag in the list; a phone has no Enter, so the bar has a button."""
    with tagger_in(browser, book_server, **PHONE) as page:
        for word in ("despot", "bizarre"):
            tap_tag(page, (word,), "loaded")
        bizarre = token_index(page, "bizarre")
        tok(page, bizarre).tap()
        live, button = page.locator(".mt-live"), page.locator(".mt-backbtn")
        number = page.locator(".mt-group-loaded .mt-entry", has_text="bizarre").locator(".mt-badge").text_content()
        expect(live).to_contain_text(f"Selected “bizarre”, in Loaded {number}.")
        entry = follow_the_button_to_its_tag(page, number, "bizarre", "tagger-phone-tapped-a-tagged-word", "tap")
        assert entry.evaluate(ON_SCREEN), "the tag in the list is not on the screen"
        # a word in no tag takes the button away: it would lead to a tag the student has left
        tok(page, bizarre).scroll_into_view_if_needed()
        tok(page, bizarre).tap()
        expect(button).to_be_visible()
        page.locator(".mt-clear").tap()
        tok(page, bizarre - 2).tap()  # a new selection, from a word in no tag
        expect(page.locator(".mt-article .mt-sel")).to_have_text(tok(page, bizarre - 2).text_content())
        expect(button).to_be_hidden()
        expect(live).not_to_contain_text(", in ")


def test_a_clicked_word_names_its_tag_and_the_same_button_goes_to_the_tag_in_the_list(tagger):
    """As on a phone and as Enter does: a word clicked in a tag offers "↓ L2 in your tags" beside Clear selection."""
    page = tagger
    for word in ("despot", "bizarre"):
        tag_in_text(page, (word,), "3")
    bizarre = token_index(page, "bizarre")
    live, button = page.locator(".mt-live"), page.locator(".mt-backbtn")
    expect(button).to_be_hidden()
    tok(page, bizarre).click()
    number = page.locator(".mt-group-loaded .mt-entry", has_text="bizarre").locator(".mt-badge").text_content()
    expect(live).to_have_text(f"Selected: “bizarre”, in Loaded {number}. Press a label key, or pick a label.")
    follow_the_button_to_its_tag(page, number, "bizarre", "tagger-clicked-a-tagged-word", "click")
    # a drag, or a click on a word in no tag, takes the button away: it would lead to a tag left behind
    tok(page, bizarre).click()
    expect(button).to_be_visible()
    drag(page, bizarre - 2, bizarre)
    expect(button).to_be_hidden()
    tok(page, bizarre).click()
    expect(button).to_be_visible()
    tok(page, bizarre - 2).click()
    expect(button).to_be_hidden()
    expect(live).not_to_contain_text(", in ")


@pytest.mark.parametrize(
    "screen",
    [
        pytest.param(PHONE, id="phone"),
        pytest.param({"viewport": {"width": 1280, "height": 800}}, id="laptop"),
        # the book's column is wide enough for the Tagger's side-by-side layout (56rem) from about 1,900 px
        pytest.param({"viewport": {"width": 2000, "height": 1000}}, id="wide"),
    ],
)
def test_the_ways_back_point_to_the_tags_and_the_feedback_where_the_layout_puts_them(browser, book_server, screen):
    """The ways back, "↓ L2 in your tags" and "↑ Back to the feedback", pointed down and up on a screen wide enough
    for the tag list and the feedback to stand beside the article: each arrow points where its box is, on every
    screen."""
    with tagger_in(browser, book_server, **screen) as page:
        press = "tap" if screen.get("has_touch") else "click"
        for word in ("despot", "bizarre"):
            i = token_index(page, word)
            tok(page, i).scroll_into_view_if_needed()
            getattr(tok(page, i), press)()
            getattr(page.locator(".mt-labbtn[data-label='loaded']"), press)()
        getattr(tok(page, token_index(page, "bizarre")), press)()  # a tagged word: a way to its tag
        back = page.locator(".mt-backbtn")
        expect(back).to_contain_text(re.compile(r"L\d+ in your tags$"))
        tags = page.evaluate(WHERE_FROM_THE_ARTICLE, ".mt-tags")
        assert tags in "→↓" and arrow(back) == tags, (tags, arrow(back))
        getattr(page.locator(".mt-check"), press)()
        quote = page.locator(".mt-feedback .mt-linkbtn").first
        quote.scroll_into_view_if_needed()
        getattr(quote, press)()  # words the feedback shows: a way back to it
        expect(back).to_contain_text("Back to the feedback")
        feedback = page.evaluate(WHERE_FROM_THE_ARTICLE, ".mt-feedback")
        assert feedback in "→↑" and arrow(back) == feedback, (feedback, arrow(back))
        back.scroll_into_view_if_needed()
        screenshot(page, f"tagger-way-back-{press}-{page.viewport_size['width']}")
        # the feedback's way to the hand-in: the foot is below the feedback in every layout
        foot = page.evaluate(
            """() => document.querySelector('.mt-foot').getBoundingClientRect().top >=
              document.querySelector('.mt-handinbtn').getBoundingClientRect().bottom"""
        )
        assert foot and page.locator(".mt-handinbtn").text_content().startswith("↓ ")


DOCK_ROWS = """() => {
  const rect = (sel) => document.querySelector(sel).getBoundingClientRect();
  const dock = rect('.mt-dock'), labels = rect('.mt-dock .mt-labels'), live = rect('.mt-dock .mt-live');
  return {spare: Math.round(dock.height - labels.height), inside: live.top >= dock.top && live.bottom <= dock.bottom};
}"""


HINT_AND_KEYS = """() => ({
  hint: document.querySelector('.mt-hint').textContent,
  keys: [...document.querySelectorAll('.mt-labbtn kbd')].filter((k) => k.getClientRects().length).length,
})"""


def test_a_touch_screen_is_told_what_to_tap_and_shown_no_keys_while_a_laptop_keeps_them(browser, book_server, tagger):
    with tagger_in(browser, book_server, **PHONE) as page:
        phone = page.evaluate(HINT_AND_KEYS)
        assert "Tap" in phone["hint"] and "key" not in phone["hint"] and "press" not in phone["hint"], phone
        assert phone["keys"] == 0, phone
        i = token_index(page, "despot")
        tok(page, i).scroll_into_view_if_needed()
        tok(page, i).tap()
        page.locator(".mt-labbtn[data-label='loaded']").tap()
        entry = page.locator(".mt-group-loaded .mt-entry", has_text="despot")
        entry.locator(".mt-jump").scroll_into_view_if_needed()
        entry.locator(".mt-jump").tap()
        expect(page.locator(".mt-live")).to_contain_text("use “Back to your tags”.")
        expect(page.locator(".mt-live")).not_to_contain_text("press")
    laptop = tagger.evaluate(HINT_AND_KEYS)
    assert "press a label key" in laptop["hint"] and "Press ? for all shortcuts." in laptop["hint"], laptop
    assert laptop["keys"] == tagger.locator(".mt-labbtn").count() > 0, laptop


# Words that name keys (or the shortcuts dialog), which a touch screen has none of.
KEY_WORDS = re.compile(r"\b(press|enter|ctrl|shift|esc|escape|arrow|keys?|shortcuts?)\b", re.IGNORECASE)
# What the Tagger shows around the article: its buttons' words and titles, the labels' bar, the tag list, the hint.
AROUND_THE_ARTICLE = """() => [
  ...[...document.querySelectorAll('.medialit-tagger button')].filter((b) => b.getClientRects().length)
    .flatMap((b) => [b.innerText, b.title]),
  ...[...document.querySelectorAll('.medialit-tagger :is(.mt-tools, .mt-dock, .mt-tags, .mt-foot, .mt-hint)')]
    .map((el) => el.innerText),
]"""


def test_on_a_phone_nothing_the_tagger_shows_or_says_names_a_key(browser, book_server, tagger, tmp_path):
    """A phone has no keys: from selecting words to loading a hand-in, the words on the screen and in the status line
    say what to tap, and there is no shortcuts button. A laptop keeps its keys."""
    with tagger_in(browser, book_server, **PHONE) as page:
        watch_said(page, ".medialit-tagger")
        page.locator(".mt-labbtn[data-label='loaded']").tap()  # nothing selected yet
        expect(page.locator(".mt-live")).to_have_text("Select words first: tap the first word, then the last.")
        for word in ("despot", "bizarre"):
            tap_tag(page, (word,), "loaded")
        tok(page, token_index(page, "bizarre")).tap()  # a tagged word: a button goes to its tag
        page.locator(".mt-backbtn").tap()
        expect(page.locator(".mt-live")).to_have_text("In your tags. Tap the tag to go back to the text.")
        entry = page.locator(".mt-group-loaded .mt-entry", has_text="bizarre")
        entry.locator(".mt-jump").tap()
        page.locator(".mt-backbtn").tap()
        entry.locator(".mt-del").tap()
        expect(page.locator(".mt-live")).to_contain_text("Undo brings it back.")
        handin = tmp_path / "handin.json"
        handin.write_text(json.dumps(empty_handin(config(page)["exercise"])), encoding="utf-8")
        page.locator(".mt-file").set_input_files(str(handin))
        expect(page.locator(".mt-notice")).to_contain_text("Undo goes back to your earlier work.")
        messages = said(page)
        shown = page.evaluate(AROUND_THE_ARTICLE)
        assert len(set(messages)) >= 8, messages
        assert [s for s in messages + shown if KEY_WORDS.search(s) or CLICK.search(s)] == []
        expect(page.locator(".mt-helpbtn")).to_have_count(0)
        screenshot(page, "tagger-phone-no-keys")
    expect(tagger.locator(".mt-helpbtn")).to_have_text("Shortcuts ?")
    assert tagger.locator(".mt-undo").get_attribute("title") == "Undo (Ctrl+Z)"


# Words that say how to press with a finger, and with a mouse.
TAP = re.compile(r"\btap", re.IGNORECASE)
CLICK = re.compile(r"\bclick", re.IGNORECASE)


def test_a_mouse_is_told_to_click_and_never_to_tap(tagger):
    """A laptop's mouse clicks: from selecting words to the shortcuts dialog, what the Tagger shows and says
    names clicks and keys, not taps (it said "Tap the tag, or press Enter on it" and "tap the first and the
    last"). A phone is told what to tap (the test above)."""
    page = tagger
    watch_said(page, ".medialit-tagger")
    page.locator(".mt-labbtn[data-label='loaded']").click()  # nothing selected yet
    expect(page.locator(".mt-live")).to_have_text(
        "Select words first: click or drag over them, or press Space (Shift + arrows for more words)."
    )
    for word in ("despot", "bizarre"):
        tag_in_text(page, (word,), "3")
    tok(page, token_index(page, "bizarre")).click()  # a tagged word: a button goes to its tag
    page.locator(".mt-backbtn").click()
    expect(page.locator(".mt-live")).to_have_text(
        "In your tags. Click the tag, or press Enter on it, to go back to the text."
    )
    page.locator(".mt-helpbtn").click()
    dialog = page.locator("dialog.mt-dialog")
    expect(dialog.locator("p").last).to_have_text(
        "Click a word, drag over words, or Shift+click to extend, then press a label key or pick a label."
    )
    shown = [*page.evaluate(AROUND_THE_ARTICLE), dialog.inner_text()]
    messages = said(page)
    assert len(set(messages)) >= 4, messages
    assert [s for s in messages + shown if TAP.search(s)] == []


def test_the_shortcuts_dialog_is_made_when_first_asked_for_on_a_tablet_from_its_keyboard(browser, book_server, tagger):
    """A touch screen shows no button for the shortcuts, so the dialog is not made when the Tagger starts; a
    tablet's keyboard opens it with ?, in words for a finger. A laptop's button makes it once, and opens it (and
    has focus back when it closes)."""
    with tagger_in(browser, book_server, **PHONE) as page:
        dialog = page.locator("dialog.mt-dialog")
        expect(dialog).to_have_count(0)
        page.locator(".mt-article").focus()
        page.keyboard.press("?")
        expect(dialog).to_be_visible()
        expect(dialog.locator(".mt-close")).to_be_focused()
        expect(dialog.locator("p").last).to_have_text(
            "Tap the first word, then the last, then press a label key or pick a label."
        )
        screenshot(page, "tagger-tablet-shortcuts")
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(page.locator(".mt-article")).to_be_focused()
    dialog = tagger.locator("dialog.mt-dialog")
    expect(dialog).to_have_count(0)
    for _ in range(2):
        tagger.locator(".mt-helpbtn").click()
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text("next or previous sentence")
        dialog.locator(".mt-close").click()
        expect(tagger.locator(".mt-helpbtn")).to_be_focused()
    expect(dialog).to_have_count(1)


def test_a_phones_bar_holds_no_empty_status_line(browser, book_server):
    with tagger_in(browser, book_server, **PHONE) as page:
        empty = page.evaluate(DOCK_ROWS)
        assert page.locator(".mt-dock .mt-live").text_content() == ""
        assert empty["spare"] <= 20, empty  # the bar's padding and border only
        page.locator(".mt-labbtn").first.tap()  # nothing selected: the bar says how to select
        expect(page.locator(".mt-dock .mt-live")).to_contain_text("Select words first")
        said = page.evaluate(DOCK_ROWS)
        assert said["spare"] >= empty["spare"] + 15 and said["inside"], said


# The article box's greatest height as set, as drawn, and the one rule for it (tagger.css): min(42rem, 78vh).
ARTICLE_HEIGHT = """() => {
  const article = document.querySelector('.mt-article');
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return {set: parseFloat(getComputedStyle(article).maxHeight), drawn: article.getBoundingClientRect().height,
          rule: Math.min(42 * rem, 0.78 * innerHeight), text: article.scrollHeight};
}"""


def test_a_phones_article_box_is_as_tall_as_the_one_rule_for_every_screen_says(browser, book_server):
    with tagger_in(browser, book_server, **PHONE) as page:
        box = page.evaluate(ARTICLE_HEIGHT)
        assert box["text"] > box["rule"], box  # the whole article is taller: the box is at its greatest height
        assert abs(box["set"] - box["rule"]) < 0.5 and abs(box["drawn"] - box["rule"]) < 0.5, box


def test_leaving_the_name_box_for_a_button_does_not_move_the_button_from_under_the_click(tagger):
    page = tagger
    page.locator(".mt-article").focus()
    page.keyboard.press("l")  # nothing selected: a long status line, two lines at this width
    page.locator(".mt-student").click()
    page.keyboard.type("Zoe")
    download = page.locator(".mt-download")
    download.scroll_into_view_if_needed()
    box = download.bounding_box()
    with page.expect_download(timeout=3000) as got:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
    assert got.value.suggested_filename.endswith(".json")
    expect(page.locator(".mt-namesaved")).to_have_text("✓ Saved")


WATCH = """() => {
  window.touched = [];
  window.watcher = new MutationObserver((records) => { for (const r of records) window.touched.push(r); });
  window.watcher.observe(document.querySelector(".medialit-tagger"), {subtree: true, childList: true, attributes: true,
                                                                      characterData: true});
}"""
TOUCHED = """() => {
  window.watcher.takeRecords().forEach((r) => window.touched.push(r));
  window.watcher.disconnect();
  const tokens = [...document.querySelectorAll(".mt-article .mt-tok")];
  const where = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (!el) return node.nodeName;
    const entry = el.closest(".mt-entry");
    if (entry) return `entry ${entry.dataset.id}`;
    if (el.closest(".mt-tags")) return "list";
    if (el.classList.contains("mt-badge") && el.closest(".mt-article")) return `badge ${el.dataset.tag}`;
    if (el.classList.contains("mt-tok")) return `token ${tokens.indexOf(el)}`;
    if (el.closest(".mt-article")) return "article";
    return el.className || el.tagName;
  };
  const out = new Set();
  for (const r of window.touched) {
    if (r.type === "childList")
      for (const n of [...r.addedNodes, ...r.removedNodes]) out.add(`${where(r.target)} < ${where(n)}`);
    else out.add(`${where(r.target)} ${r.attributeName || "text"}`);
  }
  return [...out].sort();
}"""


def test_adding_a_tag_touches_only_its_words_its_badge_and_its_entry(tagger):
    """With tags on the page, one more tag (earlier in the text than the others) redraws its own tokens,
    badge and list entry; the rest of the article, the other entries and their numbers are left alone."""
    page = tagger
    for words, key in (
        (("despot",), "3"),
        (("Kremlin", "spokesperson", "Dmitry", "Peskov"), "2"),
        (("the", "US", "was", "‘", "undoubtedly", "’", "behind", "the", "strike"), "1"),
    ):
        tag_in_text(page, words, key)
    painted(page)
    i = token_index(page, "bizarre")  # before the other tags in the text
    tok(page, i).click()
    page.evaluate(WATCH)
    page.keyboard.press("3")
    painted(page)
    touched = page.evaluate(TOUCHED)
    new_id = saved_tags(page)[-1]["id"]
    allowed_prefixes = (
        f"token {i} ",
        f"entry {new_id}",
        f"badge {new_id}",
        f"article < badge {new_id}",
        f"list < entry {new_id}",
        "article aria-activedescendant",
    )
    # the loaded group's title ("Loaded: 3") and the live region change too
    others = [
        t
        for t in touched
        if not t.startswith(allowed_prefixes)
        and t not in {"list < #text", "list < list", "mt-undo disabled"}  # the group's title: "Loaded: 2"
        and not t.startswith(("mt-live ", "mt-notice ", "mt-clear "))
    ]  # what is said; the selection's Clear
    assert others == [], touched
    assert any(t.startswith(f"token {i} ") for t in touched)  # its word was marked
    # tags are numbered in the order they were made: the others keep their numbers
    assert not [t for t in touched if t.startswith("entry ") and not t.startswith(f"entry {new_id}")]


# each row of the open shortcuts dialog: its keys' and its description's boxes, and the dialog's width
DIALOG_ROWS = """() => {
  const dialog = document.querySelector('dialog.mt-dialog[open]');
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, bottom: r.bottom, width: r.width};
  };
  return {width: dialog.clientWidth, rows: [...dialog.querySelectorAll('tr')].map((tr) =>
    ({keys: tr.querySelector('th').textContent, th: box(tr.querySelector('th')), td: box(tr.querySelector('td'))}))};
}"""


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_the_shortcuts_dialog_stacks_each_rows_keys_above_what_they_do_on_a_phone(browser, book_server, screen):
    """On a phone the unbreakable "Ctrl + Z, Ctrl + Shift + Z" took half the dialog's width and every
    description wrapped over many lines: there each row's keys stand above their description, which has the
    dialog's width; a laptop keeps the keys beside what they do."""
    device = PHONE if screen == "phone" else {"viewport": {"width": 1280, "height": 800}}
    with tagger_in(browser, book_server, **device) as page:
        page.locator(".mt-article").first.focus()
        page.keyboard.press("?")
        expect(page.locator("dialog.mt-dialog")).to_be_visible()
        shown = page.evaluate(DIALOG_ROWS)
        assert any(row["keys"] == "Ctrl + Z, Ctrl + Shift + Z" for row in shown["rows"])
        for row in shown["rows"]:
            if screen == "phone":
                assert row["td"]["top"] >= row["th"]["bottom"] - 1, row
                assert row["td"]["width"] > 0.8 * shown["width"], row
            else:
                assert row["td"]["left"] >= row["th"]["left"] + row["th"]["width"] - 1, row
                assert abs(row["td"]["top"] - row["th"]["top"]) < row["th"]["bottom"] - row["th"]["top"], row
        if screen == "phone":
            screenshot(page, "tagger-shortcuts-phone")
