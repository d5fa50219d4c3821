"""Guided difficulty, author mode and many tags set at once, mounted on the book's tagger page with other settings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import spacy
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import (
    DRAFT_ON_SCREEN,
    PHONE,
    WHERE_FROM_THE_ARTICLE,
    accessible_names,
    arrow,
    painted,
    said,
    screenshot,
    text_heard,
    watch_said,
)
from helpers import drafted_exercise
from playwright.sync_api import expect

from medialit import load_exercise
from medialit.authoring.keyfile import page_authoring
from medialit.authoring.new_exercise import create_exercise
from medialit.core.exercise_file import validation_findings
from medialit.core.messages import Renderer, included_message

PAGE = "book/tagger.html"
BOOK_EXERCISE = Path(__file__).resolve().parents[2] / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
MOUNT = """({difficulty, mode}) => {
  const lib = window.medialitTagger;  // the book page's script
  const script = document.querySelector("script[type='application/json'][id^='medialit-tagger']");
  const config = JSON.parse(script.textContent);
  document.querySelectorAll(".medialit-tagger-mount").forEach((el) => el.remove());
  const el = document.createElement("div");
  el.className = "medialit-tagger-mount";
  document.querySelector("main, body").prepend(el);
  localStorage.clear();
  const exercise = lib.unpackExercise(config.exercise);
  const model = new lib.StaticModel({exercise: {...exercise, difficulty}, difficulty, mode}, lib.answer);
  lib.render({model, el});
  window.__model = model;
}"""


# the book links author mode's style sheet on pages with an author-mode Tagger; this page has none
LINK_AUTHOR_SHEET = """() => new Promise((done, fail) => {
  const sheet = document.querySelector("link[href*='medialit/tagger.css']");
  if (document.querySelector("link[href*='medialit/tagger-author.css']")) return done();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = sheet.href.replace("tagger.css", "tagger-author.css");
  link.onload = () => done();
  link.onerror = () => fail(new Error(`no ${link.href}`));
  sheet.after(link);
})"""


def mount(page, difficulty="standard", mode="student"):
    page.goto(PAGE)
    page.wait_for_selector(".mt-article .mt-tok")
    if mode == "author":
        page.evaluate(LINK_AUTHOR_SHEET)
    page.evaluate(MOUNT, {"difficulty": difficulty, "mode": mode})
    page.wait_for_selector(".mt-article .mt-tok")


def tags(page):
    return page.evaluate("() => window.__model.get('tags')")


def test_guided_shows_the_phrases_and_only_asks_for_a_label(page):
    mount(page, difficulty="guided")
    key = page.evaluate("() => window.__model.get('exercise').key")
    despot = next(k for k in key if k["quote"] == "despot")
    assert page.locator(".mt-article .mt-cand").count() > len(key)  # key items and distractors, pre-selected
    tokens = page.evaluate("() => window.__model.get('exercise').article.tokens")
    first = next(t["i"] for t in tokens if t["start"] == despot["start"])
    page.locator(".mt-article .mt-tok").nth(first).click()
    page.keyboard.press("3")
    assert [(t["label"], t["quote"]) for t in tags(page)] == [("loaded", "despot")]
    # a word outside every phrase cannot be tagged
    outside = next(
        t["i"]
        for t in tokens
        if not page.locator(".mt-article .mt-tok").nth(t["i"]).get_attribute("class").count("mt-cand")
    )
    page.locator(".mt-article .mt-tok").nth(outside).click()
    page.keyboard.press("3")
    assert len(tags(page)) == 1
    assert "grey phrases" in page.locator(".mt-live").text_content()
    # clicking inside a longer phrase selects all of it
    long_item = max(key, key=lambda k: k["end"] - k["start"])
    inner = next(t["i"] for t in tokens if long_item["start"] < t["start"] < long_item["end"] and t["text"].isalpha())
    page.locator(".mt-article .mt-tok").nth(inner).click()
    page.keyboard.press("1" if long_item["label"] != "claim" else "2")
    assert tags(page)[-1]["start"] <= long_item["start"] and tags(page)[-1]["end"] >= long_item["end"]
    assert page.locator(".mt-details").count() == 0  # guided asks for labels only
    screenshot(page, "tagger-guided")


def test_author_mode_edits_the_key_and_downloads_yaml(page, tmp_path):
    mount(page, mode="author")
    n_key = page.evaluate("() => window.__model.get('exercise').key.length")
    assert len(tags(page)) == n_key  # the key is loaded as tags to edit
    said = page.locator(".mt-instructions").first.inner_text()  # an author is told what to do, not "Check"
    assert said.startswith("Author mode") and "Check my tags" not in said
    expect(page.locator(".mt-tags > .mt-side-title")).to_have_text("The key's items")  # not "Your tags"
    entry = page.locator(".mt-entry").first
    entry.locator(".mt-details > summary").click()
    entry.locator(".mt-why").fill('Why "this" counts: L1.')
    entry.locator(".mt-hint0").fill("First nudge.")
    entry.locator(".mt-optional").check()
    first = tags(page)[[t["id"] for t in tags(page)].index(entry.get_attribute("data-id"))]
    assert (
        first["why"] == 'Why "this" counts: L1.' and first["hints"][0] == "First nudge." and first["optional"] is True
    )
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    path = tmp_path / "key.yml"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    n_traps = page.evaluate("() => window.__model.get('exercise').distractors.length")
    assert text.count("- id:") == n_key + n_traps  # no copy of the file on this page: the key and distractors
    assert 'why: "Why \\"this\\" counts: L1."' in text
    assert page.locator(".mt-check").count() == 0
    screenshot(page, "tagger-author")


def test_author_mode_undo_names_the_key_items_field_and_the_backed_up_tags(page, tmp_path):
    """An instructor's Undo and Redo name what they take back: a key item's field written or ticked, and
    backed-up tags loaded, in the words said when the change was made."""
    mount(page, mode="author")
    live = page.locator(".mt-live")
    entry = page.locator(".mt-entry").first
    item_id = entry.get_attribute("data-id")
    first = next(t for t in tags(page) if t["id"] == item_id)
    labels = page.evaluate("() => window.__model.get('exercise').labels")
    title = next(lab["title"] for lab in labels if lab["name"] == first["label"])
    item = f"{title} {entry.locator('.mt-badge').inner_text()}"  # "Claim C1"
    entry.locator(".mt-details > summary").click()
    entry.locator(".mt-why").fill("Why it counts.")
    entry.locator(".mt-hint1").fill("Second nudge.")
    optional = entry.locator(".mt-optional")
    optional.click()
    expect(live).to_have_text(f"Marked {item} {'required' if first['optional'] else 'optional'}. Saved.")
    page.locator(".mt-undo").click()
    expect(live).to_have_text(f"Undone: Marked {item} {'required' if first['optional'] else 'optional'}.")
    expect(optional).to_be_checked(checked=first["optional"])
    page.locator(".mt-undo").click()
    expect(live).to_have_text(f"Undone: Changed {item}'s hint 2.")
    page.locator(".mt-undo").focus()
    page.keyboard.press("Enter")
    expect(live).to_have_text(f"Undone: Changed {item}'s explanation.")
    expect(entry.locator(".mt-why")).to_have_value(first["why"])
    with page.expect_download() as info:
        page.locator(".mt-download").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    page.locator(".mt-file").set_input_files(str(backup))
    page.wait_for_function("() => document.querySelector('.mt-notice').textContent.includes('backup.json')")
    page.locator(".mt-undo").click()
    expect(live).to_have_text(f"Undone: Loaded {len(tags(page))} tags from backup.json.")


PICK_WORDS = """() => {
  const ex = window.__model.get("exercise");
  const loaded = ex.key.filter((k) => k.label === "loaded");
  const free = (t) => /^[a-z]{5,}$/.test(t.text) && !loaded.some((k) => k.start < t.end && t.start < k.end);
  const inRun = (t, owner) => ex.voice_runs.some(([s, e, o]) => o === owner && s <= t.start && t.end <= e);
  const outside = (t) => !ex.voice_runs.some(([s, e]) => s < t.end && t.start < e);
  const tokens = ex.article.tokens;
  return [tokens.findIndex((t) => free(t) && inRun(t, "speaker")), tokens.findIndex((t) => free(t) && outside(t))];
}"""


def test_an_item_the_author_adds_gets_its_voice_from_the_quotation_marks(page):
    mount(page, mode="author")
    before = {t["id"] for t in tags(page)}
    spoken, written = page.evaluate(PICK_WORDS)
    assert spoken >= 0 and written >= 0
    for index in (spoken, written):
        page.locator(".mt-article .mt-tok").nth(index).click()
        page.keyboard.press("3")  # loaded
    added = sorted((t for t in tags(page) if t["id"] not in before), key=lambda t: t["start"])
    by_index = dict(zip(sorted((spoken, written)), added, strict=True))
    assert by_index[spoken]["attrs"] == {"voice": "quoted"}  # a speaker's word
    assert by_index[written]["attrs"] == {"voice": "reporter"}  # the writer's
    assert by_index[spoken]["why"] == "" and by_index[spoken]["optional"] is False


def test_a_loaded_word_the_author_adds_without_a_technique_is_listed_to_choose_and_named_by_download(page):
    """An author could add a loaded word without a technique and download the file with no word about it (validate
    and Check then found it). The review lists each key item without the kind, identity or technique validate asks
    for, with a button to its field, and Download names them; neither stops the author's work."""
    mount(page, mode="author")
    needs = page.locator(".mt-rv-needbox")
    expect(needs).to_be_hidden()  # the book's key gives every item its technique, kind and identity
    _, written = page.evaluate(PICK_WORDS)
    page.locator(".mt-article .mt-tok").nth(written).click()
    page.keyboard.press("3")  # loaded
    word = page.locator(".mt-article .mt-tok").nth(written).text_content()
    # the status line says it too, where the eyes are while tagging (a student's says "Tagged …" alone)
    expect(page.locator(".mt-live")).to_contain_text(f"Tagged “{word}” as Loaded")
    expect(page.locator(".mt-live")).to_contain_text(
        ". Choose its technique too: Check marks students' choice against it."
    )
    expect(needs).to_be_visible()
    title = needs.locator(".mt-rv-needtitle").text_content()
    assert title == "To choose: 1 key item with no technique (validate lists it too)."
    (entry,) = needs.locator(".mt-rv-need-item").all()
    assert f"“{word}”" in entry.text_content() and "no technique yet" in entry.text_content()
    screenshot(page, "author-needs-technique")
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    assert info.value.suggested_filename.endswith(".yml")  # the file is written all the same
    notice = page.locator(".mt-notice")
    assert "1 key item still needs a value Check judges students by; validate names it too:" in notice.inner_text()
    assert [li.inner_text() for li in notice.locator("li").all()][0].endswith(": choose its technique.")
    assert f"“{word}”" in notice.locator("li").first.inner_text()
    entry.locator(".mt-rv-choose").click()
    chosen = page.locator("select.mt-attr-technique:focus")
    expect(chosen).to_have_count(1)  # the button leads to the field
    chosen.select_option("emotional")
    expect(needs).to_be_hidden()
    assert not page.errors


def test_a_draft_without_a_technique_says_so_in_its_review_entry(page, tmp_path):
    path, _, _ = drafted(tmp_path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if "technique:" in line)  # the first loaded draft's technique
    path.write_text("".join(lines[:at] + lines[at + 1 :]), encoding="utf-8")
    exercise = load_exercise(path)
    bare = [k for k in exercise.key if k.label == "loaded" and "technique" not in k.attrs]
    assert len(bare) == 1
    open_review(page, exercise)
    entry = page.locator(f".mt-rv-item[data-id='{bare[0].id}']")
    assert "It has no technique yet" in entry.locator(".mt-rv-need").text_content()
    assert page.locator(".mt-rv-need").count() == 1  # the other drafts give theirs
    assert page.locator(".mt-rv-need-item").count() == 1
    assert not page.errors


# the index of a word's token that follows a hyphen inside a hyphenated word ("laden" of "explosive-laden")
AFTER_A_HYPHEN = """() => {
  const tokens = window.__model.get('exercise').article.tokens;
  return tokens.findIndex((t, n) => n > 1 && tokens[n - 1].text === '-' && !tokens[n - 1].ws && !tokens[n - 2].ws
    && /\\w$/.test(tokens[n - 2].text) && /^\\w+$/.test(t.text));
}"""


def test_a_word_of_a_hyphenated_word_the_author_tags_becomes_the_whole_word(page):
    """The exercise file refuses a quote that cuts a word, a hyphenated word counted as one ("breaker" of
    "deal-breaker"): a key item the author makes of part of one is the whole word, which the file takes."""
    mount(page, mode="author")
    before = {t["id"] for t in tags(page)}
    words = page.locator(".mt-article .mt-tok")
    index = page.evaluate(AFTER_A_HYPHEN)
    assert index > 1
    part = words.nth(index).inner_text()
    words.nth(index).click()
    page.keyboard.press("3")  # loaded
    (added,) = [t for t in tags(page) if t["id"] not in before]
    article = load_exercise(BOOK_EXERCISE).article
    assert added["quote"] != part and added["quote"].endswith(f"-{part}")
    assert article.text[added["start"] : added["end"]] == added["quote"]
    assert article.whole_words(added["start"], added["end"]) == (added["start"], added["end"])
    expect(page.locator(".mt-live")).to_contain_text(f"Tagged “{added['quote']}” as")
    # a distractor made of it too
    words.nth(index).click()
    page.locator(".mt-rv-trapbox summary").click()
    page.locator(".mt-rv-addtrap").click()
    expect(page.locator(".mt-live")).to_contain_text(f"Added the distractor “{added['quote']}” in L")


def test_what_only_author_mode_draws_is_styled_by_its_own_sheet(page):
    """tagger-author.css styles what a student's Tagger never draws: a key item's tick box takes a row of its
    fields of its own, and a distractor's legend is a line over its choices, not the book theme's floated
    heading."""
    mount(page, mode="author")
    entry = page.locator(".mt-entry").first
    entry.locator(".mt-details > summary").click()
    tick = entry.locator(".mt-fields > .mt-check-label")
    assert tick.evaluate("(l) => [getComputedStyle(l).gridColumnStart, getComputedStyle(l).gridColumnEnd]") == [
        "1",
        "-1",
    ]
    page.locator(".mt-article .mt-tok").nth(3).click()
    page.locator(".mt-rv-trapbox summary").click()
    page.locator(".mt-rv-addtrap").click()
    legend = page.locator(".mt-rv-trap legend").first
    style = legend.evaluate("(l) => { const s = getComputedStyle(l); return [s.cssFloat, s.marginTop, s.fontWeight]; }")
    assert style == ["none", "0px", "700"]


def test_other_words_to_accept_not_taken_as_typed_are_said_under_the_field(page):
    """Author mode widened an "Also right" line that cut a word, and dropped a line it could not place,
    without a word; the author now reads what became of each such line under the field."""
    mount(page, mode="author")
    entry = page.locator(".mt-entry").first
    entry.locator(".mt-details > summary").click()
    item = tags(page)[[t["id"] for t in tags(page)].index(entry.get_attribute("data-id"))]
    cut = item["quote"][:-1]  # the item's words, a letter short of its last word's end
    before = entry.locator(".mt-accept").input_value()
    entry.locator(".mt-accept").fill(f"{cut}\nnot in this article at all")
    note = entry.locator(".mt-accept-note")
    expect(note).to_have_text(
        f"“{cut}” cuts a word, and students tag whole words: counted as “{item['quote']}”, the item's own "
        "words, so left out. “not in this article at all” is not in the article (copy it exactly, quotation "
        "marks too): left out."
    )
    assert entry.locator(".mt-accept").get_attribute("aria-describedby") == note.get_attribute("id")
    page.locator(".mt-undo").click()  # the field shows the key item's words again: nothing left to say of them
    expect(entry.locator(".mt-accept")).to_have_value(before)
    expect(note).to_have_text("")


# author mode on the page: above it all, or (`inPlace`) in place of the page's own Tagger, inside the page's
# text as `:mode: author` puts it
REVIEW = """({exercise, authoring, inPlace}) => {
  const lib = window.medialitTagger;
  const el = document.createElement("div");
  el.className = "medialit-tagger-mount";
  if (inPlace) document.querySelector(".medialit-tagger-mount").replaceWith(el);
  else {
    document.querySelectorAll(".medialit-tagger-mount").forEach((mount) => mount.remove());
    document.querySelector("main, body").prepend(el);
  }
  localStorage.clear();
  const model = new lib.StaticModel({exercise, difficulty: "challenge", mode: "author", authoring}, lib.answer);
  lib.render({model, el});
  window.__model = model;
}"""


def open_review(page, exercise, authoring=None) -> None:
    """The author-mode review of `exercise` on the book's Tagger page, downloading the whole file."""
    page.goto(PAGE)
    page.wait_for_selector(".mt-article .mt-tok")
    page.evaluate(LINK_AUTHOR_SHEET)
    authoring = authoring or {"saves": "download", **page_authoring(exercise, exercise)}
    page.evaluate(REVIEW, {"exercise": exercise.compile(), "authoring": authoring, "inPlace": False})


def drafted(tmp_path: Path):
    """A drafted exercise made by `medialit new` from the practice article, as a book page would carry it."""
    (tmp_path / "book").mkdir()
    made = drafted_exercise(tmp_path / "book", "Mill Road")
    exercise = load_exercise(made.exercise_file)
    return made.exercise_file, exercise, {"saves": "download", **page_authoring(exercise, exercise)}


def test_author_mode_reviews_every_draft_by_keyboard_and_downloads_the_whole_file(page, tmp_path):
    path, exercise, authoring = drafted(tmp_path)
    open_review(page, exercise, authoring)
    items = page.locator(".mt-rv-item")
    assert items.count() == len(exercise.key)  # every draft, in reading order, with its reason and confidence
    first = exercise.key[0]
    assert f"Suggested because: {first.reason}" in items.first.text_content()
    assert f"Confidence {first.confidence:.2f}" in items.first.text_content()
    # keyboard only: Tab reaches the list; a accepts, r rejects, n and p move, e edits, Escape comes back
    page.locator(".mt-rv-save").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('mt-rv-list')"):
            break
    assert page.evaluate("() => document.activeElement.classList.contains('mt-rv-list')")
    painted(page)
    assert "Draft 1 of" in page.locator(".mt-live").text_content()
    page.keyboard.press("a")
    painted(page)
    assert "Accepted" in page.locator(".mt-live").text_content() and "Next:" in page.locator(".mt-live").text_content()
    page.keyboard.press("r")
    painted(page)
    assert "Rejected" in page.locator(".mt-live").text_content()
    page.keyboard.press("n")
    page.keyboard.press("p")
    painted(page)
    current = page.locator(".mt-rv-current")
    assert current.count() == 1 and current.get_attribute("aria-current") == "true"
    edited = current.get_attribute("data-id")
    screenshot(page, "review-keyboard")
    page.keyboard.press("e")
    painted(page)
    focused = page.evaluate("() => document.activeElement.closest('.mt-entry')?.dataset.id")
    assert focused == edited  # the draft's own fields in the tag list
    page.locator(f".mt-entry[data-id='{edited}'] .mt-why").fill("Reviewed by hand (L3).")
    page.locator(f".mt-entry[data-id='{edited}'] .mt-accept").fill("not in the article at all")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.classList.contains('mt-rv-list')")
    page.keyboard.press("a")
    painted(page)
    # distractors: the first is accepted, one is added from a selection, with its reason
    page.locator(".mt-rv-trapbox summary").click()
    page.locator(".mt-rv-trap .mt-rv-accept").first.click()
    tokens = page.evaluate("() => window.__model.get('exercise').article.tokens")
    council = next(t["i"] for t in tokens if t["text"] == "Council")
    page.locator(".mt-article .mt-tok").nth(council).click()
    page.locator(".mt-rv-addtrap").click()
    page.locator(".mt-rv-trap[data-id='d1'] .mt-rv-why").fill("The council is who acts, not a loaded word.")
    screenshot(page, "review-light")
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    assert info.value.suggested_filename == "exercise.yml"
    info.value.save_as(path)
    saved = load_exercise(path)
    assert path.read_text(encoding="utf-8").startswith("# Drafted by `medialit new`")  # the rest of the file stays
    ids = {k.id for k in saved.key}
    assert exercise.key[1].id not in ids and len(ids) == len(exercise.key) - 1  # rejected goes
    assert not saved.item(exercise.key[0].id).draft  # accepted loses draft
    assert saved.item(edited).why == "Reviewed by hand (L3)." and not saved.item(edited).draft
    assert not saved.item(edited).accept  # a line not in the article is left out
    assert sum(k.draft for k in saved.key) == len(exercise.key) - 3  # the others stay drafts
    assert not saved.distractors[0].draft
    added = next(d for d in saved.distractors if d.quote == "Council")
    assert added.why.startswith("The council is who acts") and added.id.startswith("dis-council-l")
    assert not page.errors
    results = Axe().run(page, context=".mt-review")  # last: axe fetches style sheets itself
    assert results.violations_count == 0, results.generate_report()


def test_the_review_panel_in_dark_and_on_a_phone(page, tmp_path):
    _, exercise, authoring = drafted(tmp_path)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(PAGE)
    page.wait_for_selector(".mt-article .mt-tok")
    page.evaluate("() => document.documentElement.setAttribute('data-theme', 'dark')")
    page.evaluate(LINK_AUTHOR_SHEET)
    page.evaluate(REVIEW, {"exercise": exercise.compile(), "authoring": authoring, "inPlace": False})
    page.locator(".mt-rv-item").first.click()
    page.locator(".mt-review").scroll_into_view_if_needed()
    painted(page)
    screenshot(page, "review-dark-phone")
    assert page.locator(".mt-rv-current").count() == 1
    assert page.evaluate("() => window.__model.get('tags').length") == len(exercise.key)
    results = Axe().run(page, context=".mt-review")
    assert results.violations_count == 0, results.generate_report()


# where the review panel, the article, the Tagger and the theme's page contents are, and the page's width
BOXES = """() => {
  const box = (selector) => {
    const r = document.querySelector(selector)?.getBoundingClientRect();
    return r && { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  return { review: box(".mt-review"), article: box(".mt-article"), tagger: box(".mt"),
    contents: box(".bd-sidebar-secondary"), scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
}"""


def review_boxes(page, path: str, exercise, authoring, width: int, height: int) -> dict:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path)
    page.wait_for_selector(".mt-article .mt-tok")
    page.evaluate(LINK_AUTHOR_SHEET)
    page.evaluate(REVIEW, {"exercise": exercise.compile(), "authoring": authoring, "inPlace": True})
    page.wait_for_selector(".mt-rv-item")
    painted(page)
    return page.evaluate(BOXES)


def test_on_a_wide_book_page_the_review_panel_stands_beside_the_article(page, tmp_path):
    """From 1200 px the author page gives its Tagger the margin the theme keeps for page contents, and the
    drafts stand beside the text: the instructor does not scroll past them to reach it. A phone keeps one
    column, the drafts first."""
    _, exercise, authoring = drafted(tmp_path)
    for width in (1200, 1280, 1920):
        at = review_boxes(page, PAGE, exercise, authoring, width, 800)
        review, article = at["review"], at["article"]
        assert review["left"] >= article["right"], (width, at)  # beside it, on its right
        assert review["top"] < article["bottom"] and article["top"] < review["bottom"], (width, at)
        assert at["scrollWidth"] <= at["width"], (width, at)  # nothing sticks out of the screen
    at = review_boxes(page, PAGE, exercise, authoring, 390, 844)
    review, article = at["review"], at["article"]
    assert review["bottom"] <= article["top"] and abs(review["left"] - article["left"]) < 1, at
    assert at["scrollWidth"] <= at["width"], at


def test_a_page_with_its_contents_in_the_margin_keeps_the_author_tagger_beside_them(page, tmp_path):
    """A chapter page lists its sections in the theme's margin: an author-mode Tagger there stays in the text
    column, off the list."""
    _, exercise, authoring = drafted(tmp_path)
    at = review_boxes(page, "book/03-claims.html", exercise, authoring, 1280, 800)
    assert at["contents"] and at["tagger"]["right"] <= at["contents"]["left"], at


def test_an_unseen_article_becomes_a_class_ready_exercise_in_the_review_panel(page, tmp_path):
    """The newcomer run: drafts of an article written for the test, reviewed by keyboard (the quoted opinions
    rejected, the rest accepted), a missed loaded word added with its reason, the file downloaded: it
    validates with nothing left to do."""
    (tmp_path / "book").mkdir()
    article = Path(__file__).parents[1] / "fixtures" / "newcomer" / "island-ferry.txt"
    made = create_exercise(article, "island-ferry", "Ferry", book=tmp_path / "book", nlp=spacy.blank("en"))
    exercise = load_exercise(made.exercise_file)
    opinions = {
        k.id
        for k in exercise.key
        if k.label == "claim" and k.quote in {"It has been a miserable summer", "We have heard that before"}
    }
    assert len(opinions) == 2
    open_review(page, exercise)
    page.locator(".mt-rv-item").first.click()
    for _ in exercise.key:
        page.keyboard.press("r" if page.locator(".mt-rv-current").get_attribute("data-id") in opinions else "a")
        painted(page)
    done = f"0 drafts left to review · {len(exercise.key) - 2} accepted, 2 rejected"
    assert page.locator(".mt-rv-count").text_content() == done
    page.locator(".mt-rv-trapbox summary").click()
    while page.locator(".mt-rv-trap .mt-rv-accept").count():
        page.locator(".mt-rv-trap .mt-rv-accept").first.click()
    words = page.locator(".mt-article .mt-tok")
    sting = page.evaluate("() => window.__model.get('exercise').article.tokens.findIndex(t => t.text === 'sting')")
    words.nth(sting).click()
    page.keyboard.press("l")
    added = page.locator(".mt-entry").filter(has_text="sting").last
    added.locator(".mt-why").fill("“sting” (L13) is the reporter's word: the rise hurts before the figures say so.")
    added.locator(".mt-hint0").fill("Read the first sentence of L13 again.")
    added.locator("select.mt-attr-technique").select_option("emotional")  # validate asks a loaded item for one
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    info.value.save_as(made.exercise_file)
    saved = load_exercise(made.exercise_file)
    assert validation_findings(saved) == []
    assert len(saved.key) == len(exercise.key) - 1 and not opinions & {k.id for k in saved.key}
    assert any(k.quote == "sting" and k.label == "loaded" for k in saved.key)
    assert not page.errors


def test_review_keys_pressed_faster_than_the_list_is_redrawn_each_count(page, tmp_path):
    """A then N at once: the accepted draft leaves, N moves past the one that took its place (no key lost),
    and A again accepts that one, not the one already accepted."""
    _, exercise, authoring = drafted(tmp_path)
    open_review(page, exercise, authoring)
    page.locator(".mt-rv-item").first.click()
    page.evaluate("""() => {
      const list = document.querySelector('.mt-rv-list');
      for (const key of ['a', 'n', 'a']) list.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    }""")
    painted(page)
    ids = [k.id for k in exercise.key]
    drafts = {t["id"]: t.get("draft", False) for t in page.evaluate("() => window.__model.get('tags')")}
    assert [drafts[i] for i in ids[:4]] == [False, True, False, True]
    assert page.locator(".mt-rv-current").get_attribute("data-id") == ids[3]


KEY_AS_TAGS = """() => {
  const exercise = window.__model.get("exercise");
  return exercise.key.map((k, n) => ({id: `t${n + 1}`, label: k.label, start: k.start, end: k.end, quote: k.quote,
    attrs: {}, source_ids: [], note: ""}));
}"""
# after each of the next frames: badges in the article, entries in the list, and the groups' titles
FRAMES_AFTER_SETTING = """async (tags) => {
  const frames = [];
  window.__model.set("tags", tags);
  for (let n = 0; n < 3; n++) {
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    frames.push({
      badges: document.querySelectorAll(".mt-article .mt-badge").length,
      entries: document.querySelectorAll(".mt-entry").length,
      titles: [...document.querySelectorAll(".mt-group-title")].map((t) => t.textContent),
    });
  }
  return frames;
}"""


def test_many_tags_at_once_show_the_top_of_the_list_first_and_the_rest_a_frame_later(page):
    """A restored save or an opened file sets many tags at once: the first frame draws every mark and
    badge, the list's counts and its first entries (as many as a laptop shows of the list below the article
    box); the next frame the rest."""
    mount(page)
    tags = page.evaluate(KEY_AS_TAGS)
    assert len(tags) > 40
    first, second, third = page.evaluate(FRAMES_AFTER_SETTING, tags)
    assert first["badges"] == len(tags)
    assert first["entries"] == 8  # ENTRIES_FIRST_FRAME in tag_list.js
    by_label = {label: sum(t["label"] == label for t in tags) for label in {t["label"] for t in tags}}
    assert sorted(int(title.rsplit(": ", 1)[1]) for title in first["titles"] if ": " in title) == sorted(
        [*by_label.values(), *[0] * (len(first["titles"]) - len(by_label))]
    )
    assert second == third == {**first, "entries": len(tags)}
    # the entries are in the list's order, each once
    ids = page.evaluate("() => [...document.querySelectorAll('.mt-entry')].map((e) => e.dataset.id)")
    assert sorted(ids) == sorted(t["id"] for t in tags)


def test_enter_on_a_tag_whose_entry_waits_for_the_next_frame_goes_to_it(page):
    """Focus can go to an entry the list has not made yet: the list makes the rest first."""
    mount(page)
    tags = page.evaluate(KEY_AS_TAGS)
    labels = page.evaluate("() => window.__model.get('exercise').labels.map((l) => l.name)")
    last_label = [label for label in labels if any(t["label"] == label for t in tags)][-1]
    last = max((t for t in tags if t["label"] == last_label), key=lambda t: t["start"])
    tokens = page.evaluate("() => window.__model.get('exercise').article.tokens")
    first_token = next(t["i"] for t in tokens if t["start"] == last["start"])
    page.locator(".mt-article .mt-tok").nth(first_token).click()
    focused = page.evaluate(
        """(tags) => {
          window.__model.set("tags", tags);
          const article = document.querySelector(".mt-article");
          article.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
          return document.activeElement.closest(".mt-entry")?.dataset.id;
        }""",
        tags,
    )
    assert focused == last["id"]


@pytest.mark.parametrize("difficulty", ["guided", "standard"])
def test_the_list_is_about_as_tall_before_its_entries_are_laid_out_as_after(page, difficulty):
    """Entries out of view wait to be laid out, holding a height meanwhile: it is close to the real one,
    so the list hardly moves as a student scrolls it (guided entries have no "More" and are shorter)."""
    mount(page, difficulty=difficulty)
    tags = page.evaluate(KEY_AS_TAGS)
    page.evaluate(FRAMES_AFTER_SETTING, tags)
    before, after = page.evaluate("""() => {
      const list = document.querySelector(".mt-tags");
      const before = list.getBoundingClientRect().height;
      for (const entry of document.querySelectorAll(".mt-entry")) entry.style.contentVisibility = "visible";
      return [before, list.getBoundingClientRect().height];
    }""")
    assert abs(before - after) / after < 0.15, (before, after)


def test_on_a_phone_enter_on_a_tag_leaves_its_entry_on_the_screen(browser, book_server):
    """Focus goes to an entry far down the list; the entries around it are laid out only then, at their
    real heights, and the entry stays on the screen (it used to end below it)."""
    context = browser.new_context(base_url=book_server, **PHONE)
    page = context.new_page()
    try:
        mount(page)
        tags = page.evaluate(KEY_AS_TAGS)[:100]
        page.evaluate("(tags) => window.__model.set('tags', tags)", tags)
        painted(page)
        painted(page)
        tokens = page.evaluate("() => window.__model.get('exercise').article.tokens")
        page.locator(".mt-article .mt-tok").nth(next(t["i"] for t in tokens if t["start"] == tags[-1]["start"])).click()
        page.keyboard.press("Enter")
        for _ in range(5):
            painted(page)
        focused, top, bottom, height = page.evaluate("""() => {
          const r = document.activeElement.getBoundingClientRect();
          return [document.activeElement.closest(".mt-entry")?.dataset.id, r.top, r.bottom, innerHeight];
        }""")
        assert focused == tags[-1]["id"]
        assert top >= 0 and bottom <= height, (top, bottom, height)
    finally:
        context.close()


def test_author_mode_says_which_items_its_download_leaves_to_include_files(page):
    """The Kremlin exercise keeps its key in `include:` files; the downloaded exercise.yml holds none of
    them, so edits made here to those items must be made there, and the page says so."""
    exercise = load_exercise(Path(__file__).parents[2] / "book" / "exercises" / "kremlin-drone" / "exercise.yml")
    open_review(page, exercise)
    with page.expect_download():
        page.locator(".mt-rv-save").click()
    # the sentence Jupyter's save says too (widget.py), from the one message table
    expect(page.locator(".mt-live")).to_contain_text(
        Renderer(exercise.labels, "teacher").render(included_message(len(exercise.key)))
    )


# The chosen option's text, measured in the select's own font, against the room the select has for it.
CHOICE_FITS = """(select) => {
  const style = getComputedStyle(select);
  const ruler = document.createElement("canvas").getContext("2d");
  ruler.font = style.font;
  const arrow = 24; // the closed select's arrow, at most
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
  return { room, text: ruler.measureText(select.selectedOptions[0].textContent).width };
}"""


def test_a_key_item_lists_the_values_it_accepts_and_has_the_authors_fields_not_a_students_note(page, tmp_path):
    """In author mode a key item's entry shows what its key accepts: an attribute listing two values
    (`identity: [named, anonymous]`) is one choice, "named or anonymous", kept as the list on download
    while it is chosen, and each value alone, the first too, is a choice of its own that narrows the item
    to it. The entry, "Edit this key item", holds the key item's why, which students read after Check,
    and no "Why I tagged this" note, which the key file has no place for."""
    exercise = load_exercise(Path(__file__).parents[2] / "book" / "exercises" / "kremlin-agency" / "exercise.yml")
    listed = next(k for k in exercise.key if isinstance(k.attrs.get("identity"), list))
    open_review(page, exercise)
    entry = page.locator(f".mt-entry[data-id='{listed.id}']")
    assert entry.locator("summary").inner_text() == "Edit this key item"
    entry.locator("summary").click()
    identity = entry.locator("select.mt-attr-identity")
    chosen = identity.evaluate("(s) => s.selectedOptions[0].textContent")
    assert chosen == " or ".join(v.replace("-", " ") for v in listed.attrs["identity"])
    fit = identity.evaluate(CHOICE_FITS)  # beside the long labels of a key item's fields, read whole
    assert fit["text"] <= fit["room"], fit
    assert entry.locator(".mt-note").count() == 0
    assert (
        "students read it after Check"
        in entry.locator(f"label[for='{entry.locator('.mt-why').get_attribute('id')}']").inner_text()
    )
    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    saved = tmp_path / "exercise.yml"
    info.value.save_as(saved)
    shutil.copy(exercise.path.parent / "article.txt", tmp_path / "article.txt")
    assert next(k for k in load_exercise(saved).key if k.id == listed.id).attrs["identity"] == listed.attrs["identity"]
    options = identity.evaluate("(s) => [...s.options].map((o) => o.textContent)")
    assert options.count(chosen) == 1 and all(value.replace("-", " ") in options for value in listed.attrs["identity"])

    def saved_identity():
        with page.expect_download() as info:
            page.locator(".mt-rv-save").click()
        info.value.save_as(saved)
        return next(k for k in load_exercise(saved).key if k.id == listed.id).attrs["identity"]

    # choosing one value narrows the item to it, the first as well as the other; the list is a choice again
    for value in reversed(listed.attrs["identity"]):
        identity.select_option(value)
        painted(page)
        assert identity.evaluate("(s) => s.selectedOptions[0].textContent") == value.replace("-", " ")
        assert saved_identity() == value
    identity.select_option(label=chosen)
    painted(page)
    assert saved_identity() == listed.attrs["identity"]


def test_author_mode_asks_no_name_for_a_hand_in_and_its_tag_file_is_a_backup(page):
    """An instructor is not asked for a student's name, and the file button at the foot says it
    backs up the tags (it used to read "Download tags" beside "Load hand-in", as if it gave the key)."""
    mount(page, mode="author")
    assert page.locator(".mt-student").count() == 0
    assert page.locator(".mt-download").inner_text() == "Back up the tags"
    assert page.locator(".mt-load").inner_text() == "Load backed-up tags"
    with page.expect_download():
        page.locator(".mt-download").click()
    assert "The exercise file is saved with the button at the top" in page.locator(".mt-live").text_content()


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_the_draft_under_review_and_its_words_are_on_the_screen_together(browser, book_server, tmp_path, screen):
    """Going through the drafts (next, previous, accept) on a laptop's screen and a phone's, the
    draft's words in the article and the draft's buttons are both on the screen, clear of the sticky
    header and of a phone's label bar: the list of drafts sits above the article there, and the
    article's words used to stay below the screen."""
    device = {"viewport": {"width": 1280, "height": 800}} if screen == "laptop" else PHONE
    context = browser.new_context(base_url=book_server, accept_downloads=True, **device)
    page = context.new_page()
    try:
        _, exercise, authoring = drafted(tmp_path)
        open_review(page, exercise, authoring)
        page.evaluate("() => document.fonts.ready.then(() => true)")  # no text moves after the steps
        page.locator(".mt-rv-list").focus()
        steps = ["n"] * 8 + ["p", "a", "r", "n", "n"]
        for n, key in enumerate(steps):
            page.keyboard.press(key)
            painted(page)
            painted(page)  # a paragraph scrolled near is drawn in the frame after (content-visibility)
            where = page.evaluate(DRAFT_ON_SCREEN)
            assert where["words"]["seen"] and where["buttons"]["seen"], (n, key, where)
        screenshot(page, f"author-review-{screen}")
    finally:
        context.close()


@pytest.mark.parametrize("screen", ["phone", "narrow-mouse", "laptop"])
def test_the_first_press_on_a_draft_picks_that_draft(browser, book_server, tmp_path, screen):
    """At 390 px the list's focus, which a press gives it first, used to make draft 1 the current one and
    move the list before the press was handled: the draft pressed was not picked. A press picks the draft
    pressed at every width, with touch or a mouse; Tab into the list still lands on the draft under review."""
    device = {
        "phone": PHONE,
        "narrow-mouse": {"viewport": {"width": 390, "height": 844}},
        "laptop": {"viewport": {"width": 1280, "height": 800}},
    }[screen]
    context = browser.new_context(base_url=book_server, **device)
    page = context.new_page()
    try:
        _, exercise, authoring = drafted(tmp_path)
        open_review(page, exercise, authoring)
        page.evaluate("() => document.fonts.ready.then(() => true)")
        pressed = page.locator(".mt-rv-item").nth(3)
        wanted = pressed.get_attribute("data-id")
        what = pressed.locator(".mt-rv-what")
        what.tap() if screen == "phone" else what.click()
        expect(page.locator(".mt-rv-current")).to_have_attribute("data-id", wanted)
        expect(page.locator(".mt-live")).to_contain_text("Draft 4 of")
    finally:
        context.close()


def test_tab_into_the_drafts_lands_on_the_first_draft(page, tmp_path):
    _, exercise, authoring = drafted(tmp_path)
    open_review(page, exercise, authoring)
    first = page.locator(".mt-rv-item").first.get_attribute("data-id")
    page.locator(".mt-review .mt-side-title").click()  # just before the list, nothing under review yet
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.classList.contains('mt-rv-list')"):
            break
    expect(page.locator(".mt-rv-list")).to_be_focused()
    expect(page.locator(".mt-rv-current")).to_have_attribute("data-id", first)


# Words that name keys, which a touch screen has none of ("key" alone is the answer key here, not a key to press)
KEY_NAMES = re.compile(r"\b(press|enter|ctrl|shift|esc|escape|arrows?|shortcuts?)\b|\([A-Z]\)", re.IGNORECASE)
# What the review panel shows: its words, and every button's words and title above and in it.
REVIEW_SHOWS = """() => [
  document.querySelector('.mt-review').innerText,
  ...[...document.querySelectorAll('.mt-mode-author :is(.mt-tools, .mt-review) button')]
    .filter((b) => b.getClientRects().length).flatMap((b) => [b.innerText, b.title]),
]"""


def test_the_review_on_a_touch_screen_says_what_to_tap_and_names_no_keys(browser, book_server, page, tmp_path):
    """An instructor reviewing drafts on a phone or tablet has no keys: the review says to tap a draft and its
    buttons, its buttons name no keys, and what it says after Reject, Edit and Remove names none either (it
    said "Ctrl+Z brings it back" and "Press Escape"). A laptop keeps its keys."""
    _, exercise, authoring = drafted(tmp_path)
    context = browser.new_context(base_url=book_server, **PHONE)
    phone = context.new_page()
    try:
        open_review(phone, exercise, authoring)
        watch_said(phone, ".mt-mode-author")
        live = phone.locator(".mt-live")
        expect(phone.locator(".mt-rv-keys").first).to_have_text(
            "Tap a draft to show its words in the text, then Accept, Edit or Reject it."
        )
        phone.locator(".mt-rv-item .mt-rv-what").first.tap()
        expect(live).to_contain_text("Draft 1 of")
        phone.locator(".mt-rv-current .mt-rv-accept").tap()
        expect(live).to_contain_text("Accepted")
        phone.locator(".mt-rv-current .mt-rv-reject").tap()
        expect(live).to_contain_text(": it leaves the key. Undo brings it back.")
        phone.locator(".mt-undo").tap()
        expect(live).to_contain_text("Undone: Rejected")
        phone.locator(".mt-rv-current .mt-rv-edit").tap()
        expect(live).to_contain_text("Editing")
        phone.locator(".mt-rv-trapbox summary").tap()
        phone.locator(".mt-rv-trap .mt-rv-reject").first.tap()
        expect(live).to_have_text(re.compile(r"^Removed the distractor “.+” in L\d+\. Undo brings it back\.$"))
        shown = phone.evaluate(REVIEW_SHOWS)
        assert phone.locator(".mt-rv-item .mt-rv-acts").first.inner_text().split() == ["Accept", "Edit", "Reject"]
        messages = said(phone)
        assert len(set(messages)) >= 6, messages
        # the article's own words, quoted, may say "press"
        assert [s for s in messages + shown if KEY_NAMES.search(re.sub("“[^”]*”", "", s))] == []
    finally:
        context.close()
    open_review(page, exercise, authoring)  # a laptop
    live = page.locator(".mt-live")
    expect(page.locator(".mt-rv-keys").first).to_have_text(
        "In this list: A accept, E edit, R reject, N or ↓ next, P or ↑ previous, Enter shows it in the text."
    )
    assert page.locator(".mt-rv-item .mt-rv-acts").first.inner_text().split() == [
        "Accept",
        "(A)",
        "Edit",
        "(E)",
        "Reject",
        "(R)",
    ]
    page.locator(".mt-rv-item .mt-rv-what").first.click()
    page.locator(".mt-rv-current .mt-rv-reject").click()
    expect(live).to_contain_text(": it leaves the key. Undo (Ctrl+Z) brings it back.")
    page.locator(".mt-rv-current .mt-rv-edit").click()
    expect(live).to_contain_text(". To come back to the review, use “Back to the review” or press Escape.")


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_a_draft_being_edited_has_a_button_back_to_the_review(browser, book_server, tmp_path, screen):
    """Escape in a draft's fields comes back to the review; a touch screen has no Escape and a mouse user
    scrolled back up: below the fields, a button does what Escape does, and the words say so (a laptop's
    said "Press Escape to come back to the review", a phone's nothing)."""
    device = {"viewport": {"width": 1280, "height": 800}} if screen == "laptop" else PHONE
    press = "click" if screen == "laptop" else "tap"
    context = browser.new_context(base_url=book_server, **device)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        _, exercise, authoring = drafted(tmp_path)
        open_review(page, exercise, authoring)
        getattr(page.locator(".mt-rv-item .mt-rv-what").nth(2), press)()
        edited = page.locator(".mt-rv-current").get_attribute("data-id")
        getattr(page.locator(".mt-rv-current .mt-rv-edit"), press)()
        keys = " or press Escape" if screen == "laptop" else ""
        expect(page.locator(".mt-live")).to_contain_text(
            f". To come back to the review, use “Back to the review”{keys}."
        )
        back = page.locator(f".mt-entry[data-id='{edited}'] .mt-details .mt-rv-back")
        expect(back).to_have_text("↑ Back to the review")
        back.scroll_into_view_if_needed()
        screenshot(page, f"author-edit-back-{screen}")
        getattr(back, press)()
        expect(page.locator(".mt-rv-list")).to_be_focused()
        expect(page.locator(".mt-rv-current")).to_have_attribute("data-id", edited)
        painted(page)
        painted(page)  # a paragraph scrolled near is drawn in the frame after (content-visibility)
        where = page.evaluate(DRAFT_ON_SCREEN)
        assert where["words"]["seen"] and where["buttons"]["seen"], where
        expect(page.locator(".mt-rv-back")).to_have_count(0)  # gone with the editing
        # author mode stands beside the article from 50rem (tagger-author.css): the way back to a key item
        # in the list points to it there too
        entry = page.locator(f".mt-entry[data-id='{edited}'] .mt-jump")
        entry.scroll_into_view_if_needed()
        getattr(entry, press)()
        expect(page.locator(".mt-backbtn")).to_have_text("Back to your tags")
        assert arrow(page.locator(".mt-backbtn")) == page.evaluate(WHERE_FROM_THE_ARTICLE, ".mt-tags")
        assert arrow(page.locator(".mt-backbtn")) == ("→" if screen == "laptop" else "↓")
        assert errors == []
    finally:
        context.close()


def test_undo_takes_back_each_edit_of_a_distractor_in_the_words_it_was_made_with(page, tmp_path):
    """A distractor's explanation, its labels, Accept, Add and Remove are steps of the Tagger's one undo
    history, between a key item's edits, and Undo and Redo say each as it was said when made (they used to
    skip them: Undo took back the key item's edit before them and left the distractor as it was). Ctrl+Z
    on a distractor's tick box leaves the focus on it. The file downloaded after has the distractors as
    they are after the undoing."""
    path, exercise, authoring = drafted(tmp_path)
    open_review(page, exercise, authoring)
    live = page.locator(".mt-live")
    titles = {lab["name"]: lab["title"] for lab in page.evaluate("() => window.__model.get('exercise').labels")}
    entry = page.locator(".mt-entry").first
    label = next(t["label"] for t in tags(page) if t["id"] == entry.get_attribute("data-id"))
    item = f"{titles[label]} {entry.locator('.mt-badge').inner_text()}"  # "Claim C1"
    entry.locator(".mt-details > summary").click()
    entry.locator(".mt-why").fill("Reviewed.")
    page.locator(".mt-rv-trapbox summary").click()
    first = min(exercise.distractors, key=lambda d: (d.start, -d.end))
    trap = page.locator(f".mt-rv-trap[data-id='{first.id}']")
    name = f"the distractor “{first.quote}” in L{first.line}"
    trap.locator(".mt-rv-why").fill("A plain verb.")
    unticked = first.labels[0]
    trap.locator(f"input[value='{unticked}']").uncheck()
    expect(live).to_have_text(f"Made {name} no longer a trap for {titles[unticked]} tags. Saved.")
    trap.locator(".mt-rv-accept").click()
    expect(live).to_have_text(f"Accepted {name}.")
    council = page.evaluate("() => window.__model.get('exercise').article.tokens.find((t) => t.text === 'Council')")
    page.locator(".mt-article .mt-tok").nth(council["i"]).click()
    page.locator(".mt-rv-addtrap").click()
    added = f"the distractor “Council” in L{council['line']}"
    expect(live).to_have_text(f"Added {added}. Write why students should leave it.")
    page.locator(".mt-rv-trap[data-id='d1'] .mt-rv-reject").click()
    expect(live).to_have_text(f"Removed {added}. Undo (Ctrl+Z) brings it back.")

    undo = page.locator(".mt-undo")
    undo.click()
    expect(live).to_have_text(f"Undone: Removed {added}.")
    expect(page.locator(".mt-rv-trap[data-id='d1']")).to_have_count(1)
    undo.click()
    expect(live).to_have_text(f"Undone: Added {added}.")
    expect(page.locator(".mt-rv-trap[data-id='d1']")).to_have_count(0)
    undo.click()
    expect(live).to_have_text(f"Undone: Accepted {name}.")
    expect(trap.locator(".mt-rv-accept")).to_have_count(1)
    undo.click()
    expect(live).to_have_text(f"Undone: Made {name} no longer a trap for {titles[unticked]} tags.")
    expect(trap.locator(f"input[value='{unticked}']")).to_be_checked()
    undo.click()
    expect(live).to_have_text(f"Undone: Changed the explanation of {name}.")
    expect(trap.locator(".mt-rv-why")).to_have_value(first.why)
    undo.click()
    expect(live).to_have_text(f"Undone: Changed {item}'s explanation.")
    page.locator(".mt-redo").click()
    page.locator(".mt-redo").click()
    expect(live).to_have_text(f"Redone: Changed the explanation of {name}.")
    expect(trap.locator(".mt-rv-why")).to_have_value("A plain verb.")

    # keys only: a tick box ticked and taken back keeps the focus
    box = trap.locator(f"input[value='{unticked}']")
    box.focus()
    page.keyboard.press("Space")
    expect(live).to_have_text(f"Made {name} no longer a trap for {titles[unticked]} tags. Saved.")
    page.keyboard.press("Control+z")
    expect(live).to_have_text(f"Undone: Made {name} no longer a trap for {titles[unticked]} tags.")
    expect(box).to_be_checked()
    expect(box).to_be_focused()

    with page.expect_download() as info:
        page.locator(".mt-rv-save").click()
    info.value.save_as(path)
    saved = load_exercise(path)
    assert [(d.quote, d.why, d.labels, d.draft) for d in saved.distractors if d.quote == first.quote] == [
        (first.quote, "A plain verb.", first.labels, True)
    ]
    assert all(d.quote != "Council" for d in saved.distractors)
    assert not page.errors


def test_author_mode_names_a_label_by_its_title_and_reads_out_a_drafts_label(page, tmp_path):
    """The label buttons are named by their titles in author mode too (not "Claim 1", read as a count of claims),
    and a draft under review is heard with the label its badge shows ("Claim “…” L3"): the badge was hidden from
    screen readers, which heard the words and the line with no label."""
    _, exercise, authoring = drafted(tmp_path)
    open_review(page, exercise, authoring)
    first = page.locator(".mt-rv-item").first
    expect(first).to_be_visible()
    titles = [label.title for label in exercise.labels.values()]
    names = accessible_names(page, "button")
    assert [name for name in names if name.rstrip("0123456789 ") in titles] == titles, names
    badge = first.locator(".mt-badge").text_content()
    heard = " ".join("".join(text_heard(page, ".mt-rv-item .mt-rv-what")).split())
    assert badge in titles and heard.startswith(f"{badge} “"), heard
