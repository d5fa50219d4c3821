"""Author mode on a book page comes back to the review saved in the browser, and to the exercise file as it is
now: an instructor edits exercise.yml by hand between two visits, or puts the downloaded file in place."""

from __future__ import annotations

import re
from pathlib import Path

from browser_helpers import flush_saves, painted, screenshot
from helpers import drafted_exercise
from playwright.sync_api import expect
from ruamel.yaml import YAML

from medialit import load_exercise
from medialit.authoring.keyfile import page_authoring

PAGE = "book/tagger.html"
# author mode of `exercise` in place of the page's Tagger, on what this browser saved before (not cleared)
OPEN = """({exercise, authoring}) => {
  const lib = window.medialitTagger;
  document.querySelectorAll(".medialit-tagger-mount").forEach((mount) => mount.remove());
  const el = document.createElement("div");
  el.className = "medialit-tagger-mount";
  document.querySelector("main, body").prepend(el);
  const model = new lib.StaticModel({exercise, difficulty: "challenge", mode: "author", authoring}, lib.answer);
  lib.render({model, el});
  window.__model = model;
}"""


def open_author_mode(page, path: Path, fresh: bool = False) -> None:
    """The page's author mode of the exercise file at `path` as it is now, as a fresh build of its page shows it
    (and, if `fresh`, with nothing saved in this browser before)."""
    exercise = load_exercise(path)
    page.goto(PAGE)
    page.wait_for_selector(".mt-article .mt-tok")
    if fresh:
        page.evaluate("() => localStorage.clear()")
    authoring = {"saves": "download", **page_authoring(exercise, exercise)}
    page.evaluate(OPEN, {"exercise": exercise.compile(), "authoring": authoring})
    page.wait_for_selector(".mt-rv-item")


def review_first_two(page, path: Path) -> tuple[str, str]:
    """Accept the first draft and reject the second, and leave the page (the review is saved); their ids."""
    open_author_mode(page, path, fresh=True)
    accepted, rejected = (page.locator(".mt-rv-item").nth(n).get_attribute("data-id") for n in (0, 1))
    page.locator(f".mt-rv-item[data-id='{accepted}'] .mt-rv-accept").click()
    page.locator(f".mt-rv-item[data-id='{rejected}'] .mt-rv-reject").click()
    painted(page)
    flush_saves(page)
    return accepted, rejected


def key_items(page) -> dict:
    return {t["id"]: t for t in page.evaluate("() => window.__model.get('tags')")}


def test_a_why_edited_and_an_item_deleted_in_the_file_stay_so_with_the_review_saved_before(page, tmp_path):
    (tmp_path / "book").mkdir()
    path = drafted_exercise(tmp_path / "book", "Mill Road").exercise_file
    accepted, rejected = review_first_two(page, path)
    # by hand, in exercise.yml: a why rewritten, an item deleted, both untouched in the review
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    edited, deleted = [k for k in data["key"] if k["id"] not in (accepted, rejected)][:2]
    edited["why"] = "Rewritten by hand (L1)."
    data["key"].remove(deleted)
    yaml.dump(data, path)
    open_author_mode(page, path)
    items = key_items(page)
    assert items[edited["id"]]["why"] == "Rewritten by hand (L1)."  # the file's change stays
    assert deleted["id"] not in items
    assert "draft" not in items[accepted] and rejected not in items  # and the review is still there
    notice = page.locator(".mt-notice").text_content()
    assert "The exercise file has changed since this browser saved your review" in notice
    assert not page.errors


def test_the_review_saved_in_the_browser_comes_back_with_each_drafts_confidence(page, tmp_path):
    (tmp_path / "book").mkdir()
    path = drafted_exercise(tmp_path / "book", "Mill Road").exercise_file
    key = load_exercise(path).key
    accepted, rejected = review_first_two(page, path)
    open_author_mode(page, path)  # the file as it was: the review saved in the browser is the newest work
    items = key_items(page)
    assert "draft" not in items[accepted] and rejected not in items
    left = [k for k in key if k.id not in (accepted, rejected)]
    assert [items[k.id].get("confidence") for k in left] == [k.confidence for k in left]
    shown = page.locator(".mt-rv-item").nth(0).text_content()
    assert f"Confidence {left[0].confidence:.2f}" in shown
    assert not page.locator(".mt-notice").text_content()  # nothing changed under the review: nothing to say
    assert not page.errors


def test_the_reviewed_file_put_in_place_opens_as_it_is_with_nothing_to_say(page, tmp_path):
    (tmp_path / "book").mkdir()
    path = drafted_exercise(tmp_path / "book", "Mill Road").exercise_file
    accepted, rejected = review_first_two(page, path)
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    info.value.save_as(path)  # the downloaded file put in place of the old one
    saved = load_exercise(path).key
    drafts = sum(k.draft for k in saved)
    assert 1 < drafts < len(saved)
    # what the Download says: how many key items, how many of them still drafts, each count agreeing with its noun
    said = page.locator(".mt-live, .mt-notice").filter(has_text="Downloaded")
    expect(said).to_have_text(
        re.compile(rf"^Downloaded exercise\.yml: {len(saved)} key items, {drafts} of them still drafts\.")
    )
    open_author_mode(page, path)
    items = key_items(page)
    assert "draft" not in items[accepted] and rejected not in items
    assert len(items) == len(load_exercise(path).key)
    assert not page.locator(".mt-notice").text_content()
    assert not page.errors


# what a browser that saved a review before it kept the key the review started from holds: no such key
FORGET_THE_STARTING_KEY = """() => Object.keys(localStorage).filter((k) => k.endsWith(':from-file'))
  .forEach((k) => localStorage.removeItem(k))"""


def test_a_review_saved_before_its_starting_key_was_kept_is_named_and_the_files_key_is_a_button_away(page, tmp_path):
    """A review saved before this browser kept the key it started from cannot be compared with the file: it was
    trusted over the file without a word. Now the author is told the key shown is the review, and one button
    (undone by Undo) puts the file's key in its place."""
    (tmp_path / "book").mkdir()
    path = drafted_exercise(tmp_path / "book", "Mill Road").exercise_file
    file_ids = [k.id for k in load_exercise(path).key]
    accepted, rejected = review_first_two(page, path)
    page.evaluate(FORGET_THE_STARTING_KEY)
    open_author_mode(page, path)
    items = key_items(page)
    assert "draft" not in items[accepted] and rejected not in items  # the review is kept, as before
    notice = page.locator(".mt-notice").text_content()
    assert "The key below is your review saved in this browser, and the exercise file's key differs from it." in notice
    assert "“Use the exercise file's key instead”" in notice and "Undo then brings your review back" in notice
    kept = page.locator(".mt-rv-kept")
    expect(kept).to_be_visible()
    screenshot(page, "author-review-kept-over-file")
    kept.locator(".mt-rv-usefile").click()
    items = key_items(page)
    assert list(items) == file_ids and items[accepted]["draft"] is True  # the file's key, every draft in it
    expect(kept).to_be_hidden()
    page.locator(".mt-undo").click()
    items = key_items(page)
    assert "draft" not in items[accepted] and rejected not in items  # and Undo brings the review back
    assert not page.errors


def test_a_review_saved_before_its_starting_key_was_kept_and_the_same_as_the_file_says_nothing(page, tmp_path):
    (tmp_path / "book").mkdir()
    path = drafted_exercise(tmp_path / "book", "Mill Road").exercise_file
    open_author_mode(page, path, fresh=True)
    page.locator(".mt-rv-item").first.locator(".mt-rv-accept").click()
    page.locator(".mt-undo").click()  # a save that holds the file's key as it is
    painted(page)
    flush_saves(page)
    page.evaluate(FORGET_THE_STARTING_KEY)
    open_author_mode(page, path)
    assert not page.locator(".mt-notice").text_content()
    expect(page.locator(".mt-rv-kept")).to_be_hidden()
    assert not page.errors
