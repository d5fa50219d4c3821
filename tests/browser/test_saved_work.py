"""Saved work is never lost: a page closed right after a tag, two tabs (or two chapters) on the same
exercise, a save with some bad tags. Driven in Chromium on the book served over http."""

from __future__ import annotations

import json
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import ANY

from browser_helpers import PHONE, accessible_names, build_page, flush_saves, handin_file, text_heard
from playwright.sync_api import expect

TAGGER_PAGE = "book/tagger.html"
LOADED_CHAPTER = "book/05-loaded-language.html"  # loaded words, lines 1-28
CLAIMS_CHAPTER = "book/03-claims.html"  # claims, same exercise


def open_tagger(context, path: str):
    page = context.new_page()
    page.goto(path)
    page.wait_for_selector(".mt-article .mt-tok")
    return page


def exercise_of(page) -> dict:
    return page.evaluate("""() => {
      const script = document.querySelector("script[type='application/json'][id^='medialit-tagger']");
      const config = JSON.parse(script.textContent);
      return window.medialitTagger.unpackExercise(config.exercise);
    }""")


def key_of(page) -> str:
    ex = exercise_of(page)
    return f"medialit:{ex['id']}:{ex['article']['sha256']}"


def stored_quotes(page) -> list[tuple[str, str]]:
    raw = page.evaluate("(k) => localStorage.getItem(k)", key_of(page))
    return sorted((t["label"], t["quote"]) for t in json.loads(raw)["tags"]) if raw else []


def settled_quotes(pages, expected: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What the save holds once the tabs have heard each other: Chromium hands one tab's write to a tab in
    another process a moment later, so each tab's save is flushed again until the save holds `expected`
    (a lost tag never comes back, and the caller's assert then fails) or five seconds have passed."""
    quotes: list[tuple[str, str]] = []
    for _ in range(50):
        for page in pages:
            flush_saves(page)
        quotes = stored_quotes(pages[0])
        if quotes == expected:
            break
        pages[0].wait_for_timeout(100)
    return quotes


def tag_word(page, word: str, key: str, nth: int = 0) -> None:
    tokens = exercise_of(page)["article"]["tokens"]
    i = [n for n, t in enumerate(tokens) if t["text"] == word][nth]
    token = page.locator(".mt-article .mt-tok").nth(i)
    token.scroll_into_view_if_needed()
    token.dblclick()
    page.keyboard.press(key)


def entries(page, label: str):
    return page.locator(f".mt-group-{label} .mt-entry .mt-quote")


# The autosave waits for an idle moment; here none ever comes, so only the flush on leaving can save.
NO_IDLE_MOMENT = "window.requestIdleCallback = () => 1; window.cancelIdleCallback = () => {};"


def test_a_page_closed_right_after_a_tag_keeps_it(browser, book_server):
    context = browser.new_context(base_url=book_server)
    context.add_init_script(NO_IDLE_MOMENT)
    try:
        page = open_tagger(context, TAGGER_PAGE)
        tag_word(page, "despot", "3")
        page.close()
        again = open_tagger(context, TAGGER_PAGE)
        expect(entries(again, "loaded")).to_have_text(["“despot”"])
        # and a reload straight after a tag
        tag_word(again, "seething", "3")
        again.reload()
        again.wait_for_selector(".mt-article .mt-tok")
        expect(entries(again, "loaded")).to_have_text(["“despot”", "“seething”"])
    finally:
        context.close()


def test_two_tabs_on_the_same_chapter_lose_nothing(browser, book_server):
    context = browser.new_context(base_url=book_server)
    try:
        first = open_tagger(context, TAGGER_PAGE)
        second = open_tagger(context, TAGGER_PAGE)
        # both tabs tag before either has saved: both make a tag with the first free id
        tag_word(first, "despot", "3")
        tag_word(second, "seething", "3")
        expected = [("loaded", "despot"), ("loaded", "seething")]
        assert settled_quotes([first, second], expected) == expected
        for page in (first, second):
            expect(entries(page, "loaded")).to_have_count(2)
        # a removal in one tab reaches the other, and the other's next save does not bring it back
        first.locator(".mt-group-loaded .mt-entry", has_text="despot").locator(".mt-del").click()
        flush_saves(first)
        expect(entries(second, "loaded")).to_have_text(["“seething”"])
        tag_word(second, "bizarre", "3")
        after = [("loaded", "bizarre"), ("loaded", "seething")]
        assert settled_quotes([first, second], after) == after
        expect(entries(first, "loaded")).to_have_count(2)
        # undo in the other tab takes back its own tag only
        second.locator(".mt-article").focus()
        second.keyboard.press("Control+z")
        assert settled_quotes([second, first], [("loaded", "seething")]) == [("loaded", "seething")]
    finally:
        context.close()


def test_two_chapters_on_the_same_exercise_keep_each_others_tags(browser, book_server):
    context = browser.new_context(base_url=book_server)
    try:
        loaded = open_tagger(context, LOADED_CHAPTER)
        claims = open_tagger(context, CLAIMS_CHAPTER)
        assert key_of(loaded) == key_of(claims)
        tag_word(loaded, "despot", "3")
        tag_word(claims, "undoubtedly", "1")
        both = [("claim", "undoubtedly"), ("loaded", "despot")]
        assert settled_quotes([loaded, claims], both) == both
        loaded.reload()
        loaded.wait_for_selector(".mt-article .mt-tok")
        tag_word(loaded, "seething", "3")
        flush_saves(loaded)
        assert ("claim", "undoubtedly") in stored_quotes(loaded)  # the claims chapter's tag survived
    finally:
        context.close()


def save_with_a_tag_added(page, changes: dict) -> dict:
    """Tag "despot" and save; then, as a hand edit of the browser's save would, add a copy of that tag with
    `changes` to the save, and reload the page. Returns the tag as the page saved it."""
    tag_word(page, "despot", "3")
    flush_saves(page)
    key = key_of(page)
    doc = json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))
    good = doc["tags"][0]
    doc["tags"].append({**good, **changes})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(doc)])
    page.reload()
    page.wait_for_selector(".mt-article .mt-tok")
    return good


def test_a_save_with_some_bad_tags_keeps_them_aside_and_says_so(browser, book_server):
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, TAGGER_PAGE)
        key, good = key_of(page), save_with_a_tag_added(page, {"id": "t9", "quote": "not the article's words"})
        notice = page.locator(".mt-notice")
        expect(notice).to_contain_text("A copy of it is kept in this browser")
        expect(notice).to_contain_text("not the article")
        expect(entries(page, "loaded")).to_have_text(["“despot”"])
        keys = page.evaluate("() => Object.keys(localStorage)")
        aside = [k for k in keys if k.startswith(key + ":set-aside:")]
        assert len(aside) == 1
        kept = json.loads(page.evaluate("(k) => localStorage.getItem(k)", aside[0]))
        assert [t["id"] for t in kept["tags"]] == [good["id"], "t9"]  # the bad tag is kept, not dropped
        flush_saves(page)
        assert [t["quote"] for t in json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))["tags"]] == [
            "despot"
        ]
    finally:
        context.close()


def test_a_saved_tag_that_cannot_be_restored_is_told_of_without_a_file(browser, book_server):
    """The tags saved in this browser are read by the same checks as a loaded file, and the student reads the
    same sentence for a tag left out: it says what is wrong with the tag ("its number"), not "its name in the
    file", which is not where the tag was; the words before it say where ("saved work in this browser")."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, TAGGER_PAGE)
        save_with_a_tag_added(page, {"id": ""})
        notice = page.locator(".mt-notice")
        expect(notice).to_contain_text(
            "Some of the saved work in this browser could not be restored: Part of a tag is missing or wrong (its"
            " number), so it was left out. The other tags are back."
        )
        expect(notice).not_to_contain_text("file")
        expect(entries(page, "loaded")).to_have_text(["“despot”"])
    finally:
        context.close()


def answer_box(page, answer_id: str):
    return page.locator(f"textarea[data-medialit-answer='{answer_id}']")


def write_answer(page, answer_id: str, text: str) -> None:
    """Write an answer and leave its box, as a student does before pressing a button (the box saves then)."""
    answer_box(page, answer_id).fill(text)
    answer_box(page, answer_id).blur()


def test_undo_after_loading_a_hand_in_brings_back_the_written_answers_and_the_name(browser, book_server, tmp_path):
    """Loading a hand-in replaces the answers it holds (and the name) along with the tags; its notice says
    Undo goes back to the earlier work, so Undo brings back the answers written before it, Redo takes
    them again, and what is saved (a reload shows it) is what the page shows."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        ex = exercise_of(page)
        tag_word(page, "undoubtedly", "1")
        page.locator(".mt-student").fill("Fox")
        page.locator(".mt-student").press("Enter")
        write_answer(page, "03-what-to-check", "A photo of the drone, and who took it.")
        theirs = {
            "03-what-to-check": {"question": "What would you need to see?", "text": "Alex's answer."},
            "03-fact-or-judgement": {"question": "Fact or judgement?", "text": "Alex's second answer."},
        }
        alex = handin_file(tmp_path / "alex.json", ex, theirs, student="Alex", created="", updated="")
        page.locator(".mt-file").set_input_files(str(alex))
        expect(page.locator(".mt-notice")).to_contain_text(
            "Loaded 0 tags and 2 written answers from alex.json. Undo (Ctrl+Z) goes back to your earlier work."
        )
        # the boxes on the page show the loaded answers at once, not only after a reload
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value("Alex's second answer.")
        expect(page.locator(".mt-student")).to_have_value("Alex")
        # written after the load: an answer the hand-in did not hold stays whatever Undo and Redo do
        write_answer(page, "03-without-evidence", "Written after the load.")

        page.locator(".mt-undo").click()
        expect(page.locator(".mt-live")).to_have_text("Undone: Loaded 0 tags and 2 written answers from alex.json.")
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value("")
        expect(answer_box(page, "03-without-evidence")).to_have_value("Written after the load.")
        expect(page.locator(".mt-student")).to_have_value("Fox")
        expect(entries(page, "claim")).to_have_count(1)

        page.locator(".mt-redo").click()
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value("Alex's second answer.")
        expect(page.locator(".mt-student")).to_have_value("Alex")
        # Alex's answer changed after the Redo: Undo puts mine back, and Redo brings the change, not Alex's
        write_answer(page, "03-what-to-check", "Alex's answer, and mine.")
        page.locator(".mt-undo").click()
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")
        page.locator(".mt-redo").click()
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer, and mine.")
        page.locator(".mt-undo").click()
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")

        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value("")
        expect(answer_box(page, "03-without-evidence")).to_have_value("Written after the load.")
        expect(page.locator(".mt-student")).to_have_value("Fox")
        expect(entries(page, "claim")).to_have_text(["“undoubtedly”"])
    finally:
        context.close()


MAX_ANSWER_CHARS = json.loads(
    (Path(__file__).parents[2] / "src" / "medialit" / "data" / "contract.json").read_text(encoding="utf-8")
)["max_answer_chars"]
FIX_AGAIN = "To fix it, write the answer again on the book's page and download the hand-in again."


def test_load_says_which_written_answers_it_could_not_take_and_keeps_the_rest(browser, book_server, tmp_path):
    """A hand-in whose answers were changed by hand: Load names each answer it left out (by its question, or
    its name in the file when it has none), says why and how to mend it, in the notice it shows; the good
    answers and the tags load as ever, an answer only too long comes back cut to what its box holds, and an
    answer the student wrote stays in its box where the file's answer was left out."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        ex = exercise_of(page)
        tag_word(page, "undoubtedly", "1")
        flush_saves(page)
        tags = json.loads(page.evaluate("(k) => localStorage.getItem(k)", key_of(page)))["tags"]
        page.locator(".mt-undo").click()
        expect(entries(page, "claim")).to_have_count(0)
        write_answer(page, "03-without-evidence", "My own answer, written before the load.")
        long_text = "The drones " + "x" * MAX_ANSWER_CHARS
        theirs = {
            "03-what-to-check": {"question": "What would you need to see?", "text": "A photo of the drone."},
            "03-fact-or-judgement": {"question": "Fact or judgement?", "text": long_text},
            "03-without-evidence": {"question": "Without evidence?", "text": 12},
            "02-what-happened": {"question": ["What happened?"], "text": "Drones."},
            "Not An Id": {"question": "Why?", "text": "Because."},
            "03-broken": {"question": "Broken?", "text": "half \udc00 a pair"},
        }
        bad = handin_file(tmp_path / "bad.json", ex, theirs)
        handin = json.loads(bad.read_text(encoding="utf-8"))
        bad.write_text(json.dumps({**handin, "tags": tags}), encoding="utf-8")
        page.locator(".mt-file").set_input_files(str(bad))
        notice = page.locator(".mt-notice")
        expect(notice).to_contain_text("Loaded 1 tag and 2 written answers from bad.json.")
        sentences = [
            "The answer named “02-what-happened”: the question it answers is missing or wrong, so it was left"
            f" out. {FIX_AGAIN}",
            f"The answer to “Broken?”: it holds a broken character, so it was left out. {FIX_AGAIN}",
            f"The answer to “Fact or judgement?”: it is longer than a hand-in keeps ({MAX_ANSWER_CHARS:,}"
            f" characters), so only its first {MAX_ANSWER_CHARS:,} characters were loaded. To fix it, shorten it on"
            " the book's page and download the hand-in again.",
            f"The answer to “Without evidence?”: its text is missing or wrong, so it was left out. {FIX_AGAIN}",
            "The answer to “Why?”: the name that says which question it answers is wrong, so it was left out."
            f" {FIX_AGAIN}",
        ]
        # a short list, each answer on a line of its own, after what the load did
        expect(notice.locator("li")).to_have_text(sentences)
        expect(notice).to_contain_text("Loaded 1 tag and 2 written answers from bad.json. Undo")
        assert notice.locator("li").first.bounding_box()["y"] > notice.bounding_box()["y"] + 10
        # the status line's copy reads the same words in the same order, a space between each answer's
        expect(page.locator(".mt-live")).to_contain_text(" ".join(sentences))
        # answers left out are a loss: a warning, not good news
        expect(notice).not_to_have_class(re.compile(r"\bmt-notice-info\b"))
        expect(entries(page, "claim")).to_have_text(["“undoubtedly”"])
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value(long_text[:MAX_ANSWER_CHARS])
        expect(answer_box(page, "03-without-evidence")).to_have_value("My own answer, written before the load.")
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value(long_text[:MAX_ANSWER_CHARS])
        expect(answer_box(page, "03-without-evidence")).to_have_value("My own answer, written before the load.")
    finally:
        context.close()


def kept_answers(page, answer_id: str):
    """The earlier answers offered back under a question's box."""
    return answer_box(page, answer_id).locator("xpath=following-sibling::*[contains(@class, 'medialit-answer-kept')]")


def left_out_note(page, answer_id: str):
    """What a question's box says about the answer saved for it that the page left out."""
    return answer_box(page, answer_id).locator(
        "xpath=following-sibling::*[contains(@class, 'medialit-answer-left-out')]"
    )


def gone_after_reload(pages, note: str) -> None:
    """Each page, opened again, shows its questions and no longer the note the student let go."""
    for shown in pages:
        shown.reload()
        shown.wait_for_selector("[data-medialit-answer]")
        expect(shown.locator(note)).to_be_hidden()


def stored_answers(page, key: str) -> dict:
    """The answers saved under `key`, a broken character in them as it is (JSON.stringify writes it out)."""
    return json.loads(page.evaluate("(k) => JSON.stringify(JSON.parse(localStorage.getItem(k)))", key))


def test_answers_saved_in_this_browser_that_fail_the_checks_are_kept_and_their_boxes_say_why(
    browser, book_server, tmp_path
):
    """Answers saved in this browser that no hand-in would take (changed by hand in the storage, too long, a
    broken character) are never dropped without a word: the page with their box says under it what is
    wrong and what to do, and offers their words back (a too-long one is in its box cut to fit, all of it
    below); a save on another page keeps them as they are, for the page with their box."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        long_text = "The drones " + "x" * MAX_ANSWER_CHARS
        saved = {
            "03-what-to-check": {"question": "What would you need to see?", "text": "A photo of the drone."},
            "03-fact-or-judgement": {"question": "Fact or judgement?", "text": long_text},
            "03-without-evidence": {"question": "Without evidence?", "text": 12},
            "02-what-happened": {"question": "What happened?", "text": "half \udc00 a pair"},
            "Not An Id": {"question": "Why?", "text": "Because."},
        }
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
        # a page without their boxes saves first: it keeps them as they are, but for the one no box can show,
        # which it tells of with its words
        other = context.new_page()
        other.goto("book/04-sources.html")
        expect(other.locator(".medialit-answers-unnamed")).to_have_text(f"{UNNAMED}{NOT_AN_ID} Don't need it")
        write_answer(other, "04-four-names", "To sound fair.")
        flush_saves(other)
        held = stored_answers(page, key)
        assert held == {**{k: v for k, v in saved.items() if k != "Not An Id"}, **{"04-four-names": ANY}}
        aside = [k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith(key + ":set-aside:")]
        assert len(aside) == 1 and json.loads(page.evaluate("(k) => localStorage.getItem(k)", aside[0]))["Not An Id"]
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(left_out_note(page, "03-without-evidence")).to_have_text(
            "Your answer saved in this browser: its text is missing or wrong, so it was left out. Its words are just"
            " below, to put back in the box."
        )
        expect(kept_answers(page, "03-without-evidence")).to_have_text(
            "Earlier in this box: 12 Put it back Don't need it"
        )
        expect(left_out_note(page, "03-fact-or-judgement")).to_have_text(
            f"Your answer saved in this browser: it is longer than a hand-in keeps ({MAX_ANSWER_CHARS:,} characters),"
            f" so only its first {MAX_ANSWER_CHARS:,} characters were loaded. All of it is just below: put it back to"
            " shorten it, or keep the start that is in the box."
        )
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value(long_text[:MAX_ANSWER_CHARS])
        expect(kept_answers(page, "03-fact-or-judgement").locator("q")).to_have_text(long_text)
        expect(answer_box(page, "03-fact-or-judgement")).to_have_attribute(
            "aria-describedby", "answer-03-fact-or-judgement-left-out"
        )
        expect(left_out_note(page, "03-what-to-check")).to_be_hidden()
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone.")
        # writing in the box is the answer now: its note goes; the other page's answers stay as they were
        write_answer(page, "03-without-evidence", "Nobody shows the drone.")
        expect(left_out_note(page, "03-without-evidence")).to_be_hidden()
        held = stored_answers(page, key)
        assert held["02-what-happened"] == saved["02-what-happened"]
        assert held["03-fact-or-judgement"]["text"] == long_text[:MAX_ANSWER_CHARS]
        # a hand-in loaded here keeps them too
        mine = {"03-what-to-check": {"question": "What would you need to see?", "text": "Two photos."}}
        page.locator(".mt-file").set_input_files(str(handin_file(tmp_path / "mine.json", exercise_of(page), mine)))
        expect(answer_box(page, "03-what-to-check")).to_have_value("Two photos.")
        assert stored_answers(page, key)["02-what-happened"] == saved["02-what-happened"]

        chapter = context.new_page()
        chapter.goto("book/02-stop-and-look.html")
        expect(left_out_note(chapter, "02-what-happened")).to_have_text(
            "Your answer saved in this browser: it holds a broken character, so it was left out. Its words are"
            " just below, to put back in the box."
        )
        kept_answers(chapter, "02-what-happened").get_by_role("button", name="Put it back").click()
        expect(answer_box(chapter, "02-what-happened")).to_have_value("half \ufffd a pair")
        expect(left_out_note(chapter, "02-what-happened")).to_be_hidden()
        chapter.reload()
        expect(answer_box(chapter, "02-what-happened")).to_have_value("half \ufffd a pair")
    finally:
        context.close()


UNNAMED = (
    "Some words of yours are saved in this browser, but no question's box can show them: the name that says which"
    " question they answer is wrong, so they are not in your hand-in. If they answer one of the questions, copy"
    " them into its box, then press “Don't need it”."
)
NOT_AN_ID = "Saved under the name “Not An Id”: Because."


def test_an_answer_no_box_can_show_is_told_of_on_every_page_with_questions_until_the_student_lets_it_go(
    browser, book_server
):
    """A saved answer whose name no question has is taken out of the save by the first page that opens with
    it: its words stay in this browser, and every page of the exercise with questions shows them above its
    questions (after a reload too, and on a page without a Tagger), saying what they are and what to do, until
    the student presses Don't need it (Undo brings them back while the page is open)."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        saved = {"Not An Id": {"question": "Why?", "text": "Because."}, "03-what-to-check": {"text": "A photo."}}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        note = page.locator(".medialit-answers-unnamed")
        expect(note).to_have_text(f"{UNNAMED}{NOT_AN_ID} Don't need it")
        assert stored_answers(page, key) == {"03-what-to-check": {"question": ANY, "text": "A photo."}}
        # above the questions, in none of them
        expect(page.locator("li .medialit-answers-unnamed")).to_have_count(0)
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(note).to_have_text(f"{UNNAMED}{NOT_AN_ID} Don't need it")
        chapter = context.new_page()
        chapter.goto("book/02-stop-and-look.html")  # questions and no Tagger
        expect(chapter.locator(".medialit-answers-unnamed")).to_have_text(f"{UNNAMED}{NOT_AN_ID} Don't need it")

        note.get_by_role("button", name="Don't need it").click()
        expect(note).to_contain_text("Removed: Because. Undo")
        expect(note.get_by_role("button", name="Undo")).to_be_focused()
        note.get_by_role("button", name="Undo").click()
        expect(note).to_have_text(f"{UNNAMED}{NOT_AN_ID} Don't need it")
        note.get_by_role("button", name="Don't need it").click()
        gone_after_reload((page, chapter), ".medialit-answers-unnamed")
    finally:
        context.close()


def test_an_answer_no_box_can_show_named_as_the_names_list_is_told_of_with_its_words_and_not_offered_as_a_name(
    browser, book_server
):
    """The list of earlier words keeps the student's name's under ":student": a saved answer of that name is not
    put there (the name box would offer its words as a name); the page tells of it with its words instead."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps({":student": {"text": "Because."}})])
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".medialit-answers-left-out")).to_have_text(
            "An answer saved in this browser under the name “:student”: the name that says which question it"
            " answers is wrong, so it was left out. Its words: “Because.” If they answer one of the questions, copy"
            " them into its box."
        )
        expect(page.locator(".medialit-answers-unnamed")).to_be_hidden()
        assert page.evaluate("(k) => localStorage.getItem(k)", key + ":earlier") is None
    finally:
        context.close()


UNASKED = (
    "Some words of yours are saved in this browser for a question that none of this book's pages asks now (the"
    " book may have changed since you wrote them), so they are not in your hand-in. If they answer one of the"
    " questions, copy them into its box, then press “Don't need it”."
)
OLD_QUESTION = "You wrote: A drone hit the roof."  # not the question's name in the book


def test_an_answer_to_a_question_no_page_asks_is_told_of_on_every_page_with_questions_until_the_student_lets_it_go(
    browser, book_server
):
    """The book knows every question of its exercise. A saved answer under a question's name that none of its
    pages asks (a question renamed in a new edition of the book) has no box to show it: the first page with
    questions takes it out of the save, and every page of the exercise with questions shows its words above the
    questions, saying what they are and what to do, until the student presses Don't need it. An answer to a
    question asked on another page waits for that page, as before."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        saved = {
            "03-what-we-know": {"question": "What do we know?", "text": "A drone hit the roof."},
            "03-what-to-check": {"question": "What to check?", "text": "A photo."},
            "05-whose-word": {"question": "Whose word?", "text": "The Kremlin's."},
        }
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        note = page.locator(".medialit-answers-unasked")
        expect(note).to_have_text(f"{UNASKED}{OLD_QUESTION} Don't need it")
        assert stored_answers(page, key) == {
            "03-what-to-check": {"question": ANY, "text": "A photo."},
            "05-whose-word": {"question": ANY, "text": "The Kremlin's."},
        }
        expect(page.locator(".medialit-answers-unnamed")).to_be_hidden()
        expect(page.locator("li .medialit-answers-unasked")).to_have_count(0)  # above the questions
        chapter = context.new_page()
        chapter.goto("book/02-stop-and-look.html")  # questions and no Tagger
        expect(chapter.locator(".medialit-answers-unasked")).to_have_text(f"{UNASKED}{OLD_QUESTION} Don't need it")
        note.get_by_role("button", name="Don't need it").click()
        expect(note).to_contain_text("Removed: A drone hit the roof. Undo")
        gone_after_reload((page, chapter), ".medialit-answers-unasked")
    finally:
        context.close()


def test_an_answer_to_a_question_no_page_asks_whose_words_cannot_be_kept_is_told_of_by_its_question(
    browser, book_server
):
    """When this browser will not keep the list of earlier words, the page tells once, above the questions, of
    an answer to a question no page asks, with its words: by the question as the student read it, never by
    the question's name in the book."""
    context = browser.new_context(base_url=book_server)
    context.add_init_script("""(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).endsWith(":earlier")) throw new DOMException("full", "QuotaExceededError");
        return set.call(this, key, value);
      };
    })()""")
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        saved = {"03-what-we-know": {"question": "What do we know?", "text": "A drone hit the roof."}}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".medialit-answers-left-out")).to_have_text(
            "An answer you wrote for a question that none of this book's pages asks now (“What do we know?”). Its"
            " words: “A drone hit the roof.” If they answer one of the questions, copy them into its box."
        )
        assert stored_answers(page, key) == saved  # nothing kept elsewhere: the save keeps it
    finally:
        context.close()


def book_of_one_question(folder: Path, answer_id: str, question: str) -> Path:
    """A book in `folder` whose one page has a Tagger of the mini exercise and one question (built again in
    its place: a new edition)."""
    shutil.rmtree(folder / "src", ignore_errors=True)
    return build_page(
        folder, f"# Chapter\n\n```{{tagger}} mini/exercise.yml\n```\n\n1. {question} {{answer}}`{answer_id}`\n"
    )


def test_two_books_of_one_exercise_opened_from_disk_leave_each_others_answers_in_their_boxes(browser, tmp_path):
    """Two books that use one exercise share its answers saved in this browser. Neither takes the other's answers
    out of the save as ones no page asks: each book's box keeps its answer, and no note shows. A new edition of a
    book, in its place, shows its own renamed question's answer as one no page asks (so does every page of the
    exercise, the other book's too), and still not the other's."""
    first = book_of_one_question(tmp_path / "first", "02-what-happened", "What happened?")
    second = book_of_one_question(tmp_path / "second", "02-who-says", "Who says so?")
    context = browser.new_context()
    try:
        pages = []
        for book, words in ((first, "A drone hit the roof."), (second, "The Kremlin.")):
            page = context.new_page()
            page.goto(book.as_uri())
            page.wait_for_selector(".mt-article .mt-tok")
            page.locator("[data-medialit-answer]").fill(words)
            page.locator("[data-medialit-answer]").blur()
            pages.append(page)
        for page, words in zip(pages, ("A drone hit the roof.", "The Kremlin."), strict=True):
            page.reload()
            page.wait_for_selector(".mt-article .mt-tok")
            expect(page.locator("[data-medialit-answer]")).to_have_value(words)
            expect(page.locator(".medialit-answers-unasked")).to_have_count(0)
            expect(page.locator(".medialit-answer-kept:not([hidden])")).to_have_count(0)

        book_of_one_question(tmp_path / "first", "02-what-we-know", "What do we know?")
        pages[0].reload()
        pages[0].wait_for_selector(".mt-article .mt-tok")
        expect(pages[0].locator(".medialit-answers-unasked")).to_have_text(
            f"{UNASKED}You wrote: A drone hit the roof. Don't need it"
        )
        pages[1].reload()
        pages[1].wait_for_selector(".mt-article .mt-tok")
        expect(pages[1].locator("[data-medialit-answer]")).to_have_value("The Kremlin.")
        expect(pages[1].locator(".medialit-answers-unasked")).to_have_text(
            f"{UNASKED}You wrote: A drone hit the roof. Don't need it"
        )
    finally:
        context.close()


def test_answers_saved_in_this_browser_that_cannot_be_read_are_kept_aside_and_the_page_says_so(browser, book_server):
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        key = key_of(page) + ":answers"
        page.evaluate("(k) => localStorage.setItem(k, '{not json at all')", key)
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".medialit-answers-left-out")).to_have_text(
            "Your answers saved in this browser could not be read, so the boxes start empty. A copy of them is kept"
            " in this browser, so your teacher can still recover it."
        )
        expect(page.locator("li .medialit-answers-left-out")).to_have_count(0)  # above the questions, in none
        aside = [k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith(key + ":set-aside:")]
        assert [page.evaluate("(k) => localStorage.getItem(k)", k) for k in aside] == ["{not json at all"]
        write_answer(page, "03-what-to-check", "A photo.")
        assert stored_answers(page, key) == {"03-what-to-check": {"question": ANY, "text": "A photo."}}
    finally:
        context.close()


def test_answers_a_loaded_hand_in_replaced_come_back_after_a_reload(browser, book_server, tmp_path):
    """A reload drops the Undo history, so the answers a load replaced wait under their questions: each
    question whose answer the load changed offers the student's own words back (on every chapter page),
    and putting them back keeps the loaded words on offer in turn."""
    context = browser.new_context(base_url=book_server)
    try:
        first = context.new_page()
        first.goto("book/02-stop-and-look.html")  # a chapter with questions and no Tagger
        write_answer(first, "02-what-happened", "Two drones over the Kremlin, we are told.")
        first.close()
        page = open_tagger(context, CLAIMS_CHAPTER)
        ex = exercise_of(page)
        write_answer(page, "03-what-to-check", "A photo of the drone, and who took it.")
        write_answer(page, "03-without-evidence", "Same words in both.")
        theirs = {
            "02-what-happened": {"question": "What happened?", "text": "Alex's first answer."},
            "03-what-to-check": {"question": "What would you need to see?", "text": "Alex's answer."},
            "03-without-evidence": {"question": "Without evidence?", "text": "Same words in both."},
            "03-fact-or-judgement": {"question": "Fact or judgement?", "text": "Alex's second answer."},
        }
        alex = handin_file(tmp_path / "alex.json", ex, theirs)
        page.locator(".mt-file").set_input_files(str(alex))
        expect(page.locator(".mt-notice")).to_contain_text(
            "Undo (Ctrl+Z) goes back to your earlier work. "
            "Your earlier answers are kept under their questions, to put back."
        )
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer.")
        expect(kept_answers(page, "03-what-to-check")).to_have_text(
            "Earlier in this box: A photo of the drone, and who took it. Put it back Don't need it"
        )
        # the same words, or no answer before: nothing to offer back
        expect(kept_answers(page, "03-without-evidence")).to_be_hidden()
        expect(kept_answers(page, "03-fact-or-judgement")).to_be_hidden()

        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".mt-undo")).to_be_disabled()  # the load's Undo is gone with the reload
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer.")
        kept_answers(page, "03-what-to-check").get_by_role("button", name="Put it back").click()
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")
        expect(answer_box(page, "03-what-to-check")).to_be_focused()
        expect(kept_answers(page, "03-what-to-check")).to_have_text(
            "Earlier in this box: Alex's answer. Put it back Don't need it"
        )

        # an answer of another chapter waits under its own question there
        other = context.new_page()
        other.goto("book/02-stop-and-look.html")
        expect(answer_box(other, "02-what-happened")).to_have_value("Alex's first answer.")
        kept_answers(other, "02-what-happened").get_by_role("button", name="Put it back").click()
        expect(answer_box(other, "02-what-happened")).to_have_value("Two drones over the Kremlin, we are told.")

        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(answer_box(page, "03-what-to-check")).to_have_value("A photo of the drone, and who took it.")
        expect(answer_box(page, "03-fact-or-judgement")).to_have_value("Alex's second answer.")
    finally:
        context.close()


def kept_names(page):
    """The earlier names offered back under the Tagger's name box."""
    return page.locator(".mt-foot .medialit-answer-kept")


def test_a_name_a_loaded_hand_in_replaced_comes_back_after_a_reload(browser, book_server, tmp_path):
    """The name a load replaces is kept as the answers are: offered under the name box, after a reload
    too, and putting it back keeps the loaded name on offer in turn."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        page.locator(".mt-student").fill("Fox")
        page.locator(".mt-student").press("Enter")
        expect(kept_names(page)).to_be_hidden()
        alex = handin_file(tmp_path / "alex.json", exercise_of(page), {}, student="Alex")
        page.locator(".mt-file").set_input_files(str(alex))
        expect(page.locator(".mt-student")).to_have_value("Alex")
        expect(kept_names(page)).to_have_text("Earlier name: Fox Put it back Don't need it")

        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".mt-undo")).to_be_disabled()  # the load's Undo is gone with the reload
        expect(page.locator(".mt-student")).to_have_value("Alex")
        kept_names(page).get_by_role("button", name="Put it back").click()
        expect(page.locator(".mt-student")).to_have_value("Fox")
        expect(page.locator(".mt-student")).to_be_focused()
        expect(kept_names(page)).to_have_text("Earlier name: Alex Put it back Don't need it")

        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(page.locator(".mt-student")).to_have_value("Fox")
        expect(kept_names(page)).to_have_text("Earlier name: Alex Put it back Don't need it")
    finally:
        context.close()


def test_an_earlier_answer_let_go_by_keyboard_goes_and_undo_brings_it_back(browser, book_server, tmp_path):
    """Don't need it takes an earlier answer off the list at once (no question asked: it is the student's
    choice), says so to a screen reader, and leaves Undo in its place with the focus on it; Undo brings it
    back with the focus where it was. Let go, it stays gone after a reload."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        write_answer(page, "03-what-to-check", "Mine.")
        theirs = {"03-what-to-check": {"question": "What would you need to see?", "text": "Alex's answer."}}
        page.locator(".mt-file").set_input_files(str(handin_file(tmp_path / "alex.json", exercise_of(page), theirs)))
        kept = kept_answers(page, "03-what-to-check")
        expect(kept).to_have_text("Earlier in this box: Mine. Put it back Don't need it")
        said = page.locator(".medialit-said")
        expect(said).to_have_attribute("role", "status")

        kept.get_by_role("button", name="Put it back").focus()
        page.keyboard.press("Tab")
        expect(kept.get_by_role("button", name="Don't need it")).to_be_focused()
        page.keyboard.press("Enter")
        expect(kept).to_have_text("Removed: Mine. Undo")
        expect(kept.get_by_role("button", name="Undo")).to_be_focused()
        expect(said).to_have_text("Removed from this browser. Undo brings it back.")

        page.keyboard.press("Enter")
        expect(kept).to_have_text("Earlier in this box: Mine. Put it back Don't need it")
        expect(kept.get_by_role("button", name="Don't need it")).to_be_focused()
        expect(said).to_have_text("It is back, to put back if you want it.")

        page.keyboard.press("Space")
        expect(kept).to_have_text("Removed: Mine. Undo")
        page.reload()
        page.wait_for_selector(".mt-article .mt-tok")
        expect(answer_box(page, "03-what-to-check")).to_have_value("Alex's answer.")
        expect(kept_answers(page, "03-what-to-check")).to_be_hidden()
    finally:
        context.close()


def test_an_earlier_name_let_go_by_touch_on_a_phone(browser, book_server, tmp_path):
    """On a phone, a tap lets an earlier name go and a tap on Undo brings it back."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        page.locator(".mt-student").fill("Fox")
        page.locator(".mt-student").press("Enter")
        alex = handin_file(tmp_path / "alex.json", exercise_of(page), {}, student="Alex")
        page.locator(".mt-file").set_input_files(str(alex))
        expect(kept_names(page)).to_have_text("Earlier name: Fox Put it back Don't need it")
        kept_names(page).get_by_role("button", name="Don't need it").tap()
        expect(kept_names(page)).to_have_text("Removed: Fox Undo")
        kept_names(page).get_by_role("button", name="Undo").tap()
        expect(kept_names(page)).to_have_text("Earlier name: Fox Put it back Don't need it")
        expect(page.locator(".mt-student")).to_have_value("Alex")
    finally:
        context.close()


def test_a_choice_made_after_a_load_is_offered_back_when_undo_leaves_nothing_chosen(browser, book_server, tmp_path):
    """A choice among buttons made over a loaded one, then the load undone: nothing is chosen, and the
    student's choice waits under the question (the page drew no offers when no button was chosen, and
    put an error in the console)."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, "book/07-lateral-reading.html")
        choices = page.locator("fieldset[data-medialit-answer='07-first-click']")
        first = {"07-first-click": {"question": "Which first?", "text": "Yuriy Romanenko – Free Encyclopedia"}}
        page.locator(".mt-file").set_input_files(str(handin_file(tmp_path / "alex.json", exercise_of(page), first)))
        expect(choices.locator("#lateral-r-encyclopedia")).to_be_checked()
        choices.locator("#lateral-r-own").check()
        choices.locator("#lateral-r-own").blur()
        page.locator(".mt-undo").click()
        expect(choices.locator("input:checked")).to_have_count(0)
        kept = choices.locator("xpath=following-sibling::*[contains(@class, 'medialit-answer-kept')][1]")
        expect(kept).to_have_text("Chosen earlier: Yuriy Romanenko (@romanenko) – channel Put it back Don't need it")
        kept.get_by_role("button", name="Put it back").click()
        expect(choices.locator("#lateral-r-own")).to_be_checked()
        expect(kept).to_be_hidden()
    finally:
        context.close()


# A page of three Taggers: two of one exercise (its claims, then its sources) and one of another.
THREE_TAGGERS = """# Three Taggers

```{tagger} mini/exercise.yml
:labels: claim
```

```{tagger} mini/exercise.yml
:labels: source
```

```{tagger} unicode/exercise.yml
```
"""


@contextmanager
def three_taggers(browser, tmp_path):
    """The page of THREE_TAGGERS from disk, started: the page, its three Taggers and their name boxes."""
    built = build_page(tmp_path, THREE_TAGGERS)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(built.as_uri())
        page.wait_for_selector("[data-medialit-tagger]:nth-of-type(1) .mt-tok")
        taggers = [page.locator(".medialit-tagger").nth(n) for n in range(3)]
        yield page, taggers, [t.locator(".mt-student") for t in taggers]
    finally:
        context.close()


def test_a_name_typed_once_on_a_page_of_two_taggers_is_on_both_hand_ins(browser, tmp_path):
    """Taggers of one exercise share one save and so one name: typed, loaded, undone or put back in one, it
    is in the other at once, and on its downloaded hand-in. A Tagger of another exercise takes a name only
    into an empty box."""
    with three_taggers(browser, tmp_path) as (page, (claims, sources, other), names):
        expect(page.locator(".medialit-tagger .mt-tok").first).to_be_visible()

        names[0].fill("Sam")
        names[0].press("Enter")
        for box in names:
            expect(box).to_have_value("Sam")
        names[2].fill("Sam U")
        names[2].press("Enter")
        expect(names[0]).to_have_value("Sam")
        expect(names[1]).to_have_value("Sam")

        exercise = page.evaluate("""() => {
          const script = document.getElementById(document.querySelector("[data-medialit-tagger]").dataset.config);
          return window.medialitTagger.unpackExercise(JSON.parse(script.textContent).exercise);
        }""")
        alex = handin_file(tmp_path / "alex.json", exercise, {}, student="Alex")
        sources.locator(".mt-file").set_input_files(str(alex))
        expect(names[0]).to_have_value("Alex")
        expect(names[2]).to_have_value("Sam U")
        for tagger in (claims, sources):
            expect(tagger.locator(".medialit-answer-kept")).to_have_text("Earlier name: Sam Put it back Don't need it")
        sources.locator(".mt-undo").click()
        expect(names[0]).to_have_value("Sam")
        sources.locator(".mt-redo").click()
        expect(names[0]).to_have_value("Alex")
        claims.locator(".medialit-answer-kept").get_by_role("button", name="Put it back").click()
        expect(names[1]).to_have_value("Sam")
        expect(names[2]).to_have_value("Sam U")
        flush_saves(page)

        page.reload()
        page.wait_for_selector("[data-medialit-tagger]:nth-of-type(1) .mt-tok")
        expect(names[0]).to_have_value("Sam")
        expect(names[1]).to_have_value("Sam")
        expect(names[2]).to_have_value("Sam U")
        with page.expect_download() as download:
            sources.get_by_role("button", name="Download hand-in").click()
        handin = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert handin["student"] == "Sam"


def test_a_page_opens_with_the_first_name_in_an_empty_name_box_of_another_exercise(browser, tmp_path):
    """The page opens by the rule typing follows: a Tagger of another exercise whose save has no name shows
    the name the page's other Taggers saved, and puts it on its hand-in; one whose save has a name keeps it."""
    with three_taggers(browser, tmp_path) as (page, (claims, sources, other), names):
        names[0].fill("Sam")
        names[0].press("Enter")
        expect(names[2]).to_have_value("Sam")
        names[2].fill("")  # the other exercise's save: no name
        names[2].press("Enter")
        expect(names[0]).to_have_value("Sam")
        flush_saves(page)

        page.reload()
        page.wait_for_selector("[data-medialit-tagger]:nth-of-type(1) .mt-tok")
        for box in names:
            expect(box).to_have_value("Sam")
        with page.expect_download() as download:
            other.get_by_role("button", name="Download hand-in").click()
        assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["student"] == "Sam"

        names[2].fill("Sam U")
        names[2].press("Enter")
        flush_saves(page)
        page.reload()
        page.wait_for_selector("[data-medialit-tagger]:nth-of-type(1) .mt-tok")
        expect(names[0]).to_have_value("Sam")
        expect(names[2]).to_have_value("Sam U")


def test_a_chapters_questions_end_with_a_download_of_the_answers_and_the_tags_as_they_are(browser, book_server):
    """The Tagger's Download hand-in is above a chapter's questions: a student who pressed it and then wrote
    the answers handed in none. After the last question the page says the answers reach the teacher only in
    the hand-in, and its Download hand-in is the Tagger's, with the tags as they are (none saved yet here)."""
    context = browser.new_context(base_url=book_server)
    context.add_init_script(NO_IDLE_MOMENT)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        tag_word(page, "despot", "1")
        write_answer(page, "03-what-to-check", "A photo of the drone, and who took it.")
        note = page.locator(".medialit-answers-note")
        expect(note).to_contain_text("They reach your teacher only in your hand-in file: when you have written them")
        after_last_question = note.evaluate(
            """(n) => [...document.querySelectorAll('[data-medialit-answer]')].every(
              (box) => box.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)"""
        )
        assert after_last_question
        with page.expect_download() as download:
            note.get_by_role("button", name="Download hand-in").click()
        handin = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert [(t["label"], t["quote"]) for t in handin["tags"]] == [("claim", "despot")]
        assert handin["answers"]["03-what-to-check"]["text"] == "A photo of the drone, and who took it."
        expect(page.locator(".mt-live")).to_have_text("Downloaded your hand-in with 1 tag and 1 written answer.")
    finally:
        context.close()


def test_the_download_after_the_questions_says_beside_itself_that_it_is_done_and_is_heard_once(browser, book_server):
    """The Tagger's notice and status line are far up the page: the Download after the questions says beside
    itself what it did, in the Tagger's words, for the eyes (a screen reader hears them once, from the Tagger's
    status line). On a page with questions and no Tagger, it says so there, and a screen reader hears it from
    there. An answer written after it takes the words away: that answer is not in the file."""
    context = browser.new_context(base_url=book_server, accept_downloads=True)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        write_answer(page, "03-what-to-check", "A photo of the drone.")
        note = page.locator(".medialit-answers-download")
        with page.expect_download():
            note.get_by_role("button", name="Download hand-in").click()
        said = "Downloaded your hand-in with 0 tags and 1 written answer."  # the Tagger's words, as many as in the file
        expect(note).to_have_text(f"Download hand-in {said}")
        assert text_heard(page, "body").count(said) == 1
        answer_box(page, "03-what-to-check").fill("A photo of the drone, and who took it.")
        expect(note).to_have_text("Download hand-in")
        with page.expect_download():
            note.get_by_role("button", name="Download hand-in").click()
        expect(note).to_have_text(f"Download hand-in {said}")
        tag_word(page, "despot", "1")  # the Tagger's notice goes: so do the words copied from it
        expect(note).to_have_text("Download hand-in")
        flush_saves(page)

        chapter = context.new_page()
        chapter.goto("book/02-stop-and-look.html")  # questions and no Tagger
        note = chapter.locator(".medialit-answers-download")
        with chapter.expect_download():
            note.get_by_role("button", name="Download hand-in").click()
        said = "Downloaded your hand-in with 1 tag and 1 written answer."
        expect(note).to_have_text(f"Download hand-in {said}")
        expect(note.get_by_role("status")).to_have_text(said)
        assert text_heard(chapter, "body").count(said) == 1
    finally:
        context.close()


def test_the_taggers_download_counts_the_written_answers_its_file_holds(browser, book_server):
    """The Tagger's Download puts the answers saved in this browser into the file, and says how many: on a page
    with no questions it speaks of tags only until the file holds an answer."""
    context = browser.new_context(base_url=book_server, accept_downloads=True)
    try:
        page = open_tagger(context, TAGGER_PAGE)  # no questions on it
        download = page.locator(".medialit-tagger .mt-download")
        notice = page.locator(".medialit-tagger .mt-notice")
        with page.expect_download():
            download.click()
        expect(notice).to_have_text("Downloaded your hand-in with 0 tags.")

        chapter = open_tagger(context, CLAIMS_CHAPTER)
        write_answer(chapter, "03-what-to-check", "A photo of the drone.")
        flush_saves(chapter)
        with page.expect_download() as saved:
            download.click()
        assert list(json.loads(Path(saved.value.path()).read_text(encoding="utf-8"))["answers"]) == ["03-what-to-check"]
        expect(notice).to_have_text("Downloaded your hand-in with 0 tags and 1 written answer.")
    finally:
        context.close()


def test_on_a_phone_the_download_after_the_questions_is_a_fingers_size(browser, book_server):
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, CLAIMS_CHAPTER)
        button = page.locator(".medialit-answers-note").get_by_role("button", name="Download hand-in")
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    finally:
        context.close()


def test_on_a_phone_download_says_so_under_its_button_and_is_heard_once(browser, book_server):
    """After a tap on Download hand-in, the words saying it is done show under the button, where the student
    is: the status line they also go to is the phone's label bar, by the article and off screen by then. A
    screen reader hears them once, from that status line (the notice under the button is for the eyes)."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, LOADED_CHAPTER)
        download = page.locator(".medialit-tagger .mt-download")
        download.scroll_into_view_if_needed()
        with page.expect_download():
            download.tap()
        notice = page.locator(".medialit-tagger .mt-notice")
        said = "Downloaded your hand-in with 0 tags and 0 written answers."  # the chapter asks questions
        expect(notice).to_have_text(said)
        expect(notice).to_be_in_viewport()
        expect(download).to_be_in_viewport()
        assert text_heard(page, ".medialit-tagger").count(said) == 1
    finally:
        context.close()


# Whether an element is on the screen whole and on top there (not under the book's sticky header).
SEEN_WHOLE = """(el) => {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint((r.left + r.right) / 2, Math.max(r.top, 0) + 2);
  return r.top >= 0 && r.bottom <= innerHeight && el.contains(top);
}"""


def test_on_a_phone_a_load_notice_listing_many_answers_fits_on_the_screen_with_the_load_button(
    browser, book_server, tmp_path
):
    """A hand-in with many written answers left out lists each in the Load's notice: on a phone the list
    scrolls within the notice, so the notice fits on the screen under the Load button the student just
    pressed (a notice taller than the screen was scrolled to its top, and the button went under the page's
    header). Every answer is still there to read: the list scrolls, by finger or by keys (Tab reaches it)."""
    context = browser.new_context(base_url=book_server, **PHONE)
    try:
        page = open_tagger(context, LOADED_CHAPTER)
        question = "What did the article say in part {n} about the drones over the Kremlin?"
        answers = {f"Question {n}": {"question": question.format(n=n), "text": "x"} for n in range(1, 9)}
        load = page.locator(".mt-load")
        load.scroll_into_view_if_needed()
        load.tap()  # a phone opens its file picker: the file is chosen as it would be
        page.locator(".mt-file").set_input_files(str(handin_file(tmp_path / "many.json", exercise_of(page), answers)))
        notice = page.locator(".mt-notice")
        expect(notice.locator("li")).to_have_count(8)
        assert notice.evaluate(SEEN_WHOLE) and load.evaluate(SEEN_WHOLE)
        listed = notice.locator("ul")
        assert listed.evaluate("(ul) => ul.scrollHeight > ul.clientHeight")
        listed.evaluate("(ul) => ul.scrollTo(0, ul.scrollHeight)")
        last = notice.locator("li").last
        expect(last).to_contain_text("part 8")
        assert last.evaluate(
            "(li) => li.getBoundingClientRect().bottom <= li.parentElement.getBoundingClientRect().bottom"
        )
    finally:
        context.close()


def test_by_keyboard_tab_after_load_reaches_the_list_of_answers_left_out_by_its_name_and_keys_scroll_it(
    browser, book_server, tmp_path
):
    """Where the list of answers a Load left out scrolls, Tab from the Load button reaches it, a screen reader
    names it in a few words (not all of its sentences again), and the keys scroll it to its last answer."""
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 700})
    try:
        page = open_tagger(context, LOADED_CHAPTER)
        question = "What did the article say in part {n} about the drones over the Kremlin?"
        answers = {f"Question {n}": {"question": question.format(n=n), "text": "x"} for n in range(1, 9)}
        page.locator(".mt-load").focus()
        page.locator(".mt-file").set_input_files(str(handin_file(tmp_path / "many.json", exercise_of(page), answers)))
        listed = page.locator(".mt-notice ul")
        expect(listed.locator("li")).to_have_count(8)
        page.keyboard.press("Tab")
        expect(listed).to_be_focused()
        assert "Written answers left out" in accessible_names(page, "list")
        page.keyboard.press("End")
        last = listed.locator("li").last
        expect(last).to_contain_text("part 8")
        page.wait_for_function(
            "(ul) => ul.lastElementChild.getBoundingClientRect().bottom <= ul.getBoundingClientRect().bottom + 1",
            arg=listed.element_handle(),
        )
    finally:
        context.close()


def test_after_load_by_keyboard_the_notice_and_the_focused_load_button_are_both_on_screen(
    browser, book_server, tmp_path
):
    """Load hand-in pressed by keys keeps the focus on the button (the file picker gives it back), and the
    notice of what it loaded, or why it could not, shows under the buttons: the article is no longer between
    them, so scrolling to the notice leaves the focus ring on screen."""
    context = browser.new_context(base_url=book_server)
    try:
        page = open_tagger(context, LOADED_CHAPTER)
        good = handin_file(tmp_path / "alex.json", exercise_of(page), {})
        bad = tmp_path / "notes.json"
        bad.write_text("my notes", encoding="utf-8")
        load = page.locator(".mt-load")
        notice = page.locator(".mt-notice")
        for file, said in ((good, "Loaded 0 tags from alex.json."), (bad, "This file is not a hand-in")):
            page.evaluate("() => scrollTo(0, 0)")
            page.locator(".mt-download").focus()
            page.keyboard.press("Tab")
            expect(load).to_be_focused()
            # Enter opens the computer's file picker, which no test can drive: the file is chosen as it would be
            page.locator(".mt-file").set_input_files(str(file))
            expect(notice).to_contain_text(said)
            expect(load).to_be_focused()
            expect(notice).to_be_in_viewport()
            expect(load).to_be_in_viewport()
    finally:
        context.close()
