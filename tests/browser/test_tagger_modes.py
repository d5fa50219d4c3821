"""Guided difficulty and author mode, mounted on the book's tagger page with other settings."""
from __future__ import annotations



from browser_helpers import screenshot

PAGE = "book/tagger.html"
MOUNT = """async ({difficulty, mode}) => {
  const host = await import("../_static/medialit/static-host.js");
  const config = JSON.parse(document.querySelector("script[type='application/json'][id^='medialit-tagger']").textContent);
  document.querySelectorAll(".medialit-tagger-mount").forEach((el) => el.remove());
  const el = document.createElement("div");
  el.className = "medialit-tagger-mount";
  document.querySelector("main, body").prepend(el);
  localStorage.clear();
  const model = new host.StaticModel({exercise: {...config.exercise, difficulty}, difficulty, mode});
  (await import("../_static/medialit/tagger.js")).default.render({model, el});
  window.__model = model;
}"""


def mount(page, difficulty="standard", mode="student"):
    page.goto(PAGE)
    page.wait_for_selector(".mt-article .tok")
    page.evaluate(MOUNT, {"difficulty": difficulty, "mode": mode})
    page.wait_for_selector(".mt-article .tok")


def tags(page):
    return page.evaluate("() => window.__model.get('tags')")


def test_guided_shows_the_phrases_and_only_asks_for_a_label(page):
    mount(page, difficulty="guided")
    key = page.evaluate("() => window.__model.get('exercise').key")
    despot = next(k for k in key if k["quote"] == "despot")
    assert page.locator(".mt-article .m-cand").count() > len(key)  # key items and distractors, pre-selected
    tokens = page.evaluate("() => window.__model.get('exercise').article.tokens")
    first = next(t["i"] for t in tokens if t["start"] == despot["start"])
    page.locator(".mt-article .tok").nth(first).click()
    page.keyboard.press("3")
    assert [(t["label"], t["quote"]) for t in tags(page)] == [("loaded", "despot")]
    # a word outside every phrase cannot be tagged
    outside = next(t["i"] for t in tokens if not page.locator(".mt-article .tok").nth(t['i']).get_attribute("class").count("m-cand"))
    page.locator(".mt-article .tok").nth(outside).click()
    page.keyboard.press("3")
    assert len(tags(page)) == 1
    assert "grey phrases" in page.locator(".mt-live").text_content()
    # clicking inside a longer phrase selects all of it
    long_item = max(key, key=lambda k: k["end"] - k["start"])
    inner = next(t["i"] for t in tokens if long_item["start"] < t["start"] < long_item["end"] and t["text"].isalpha())
    page.locator(".mt-article .tok").nth(inner).click()
    page.keyboard.press("1" if long_item["label"] != "claim" else "2")
    assert tags(page)[-1]["start"] <= long_item["start"] and tags(page)[-1]["end"] >= long_item["end"]
    assert page.locator(".mt-details").count() == 0  # guided asks for labels only
    screenshot(page, "tagger-guided")


def test_author_mode_edits_the_key_and_downloads_yaml(page, tmp_path):
    mount(page, mode="author")
    n_key = page.evaluate("() => window.__model.get('exercise').key.length")
    assert len(tags(page)) == n_key  # the key is loaded as tags to edit
    entry = page.locator(".mt-entry").first
    entry.locator("summary").click()
    entry.locator(".mt-why").fill('Why "this" counts: L1.')
    entry.locator(".mt-hint0").fill("First nudge.")
    entry.locator(".mt-optional").check()
    first = tags(page)[[t["id"] for t in tags(page)].index(entry.get_attribute("data-id"))]
    assert first["why"] == 'Why "this" counts: L1.' and first["hints"][0] == "First nudge." and first["optional"] is True
    with page.expect_download() as info:
        page.locator(".mt-keyyaml").click()
    path = tmp_path / "key.yml"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.count("- id:") == n_key
    assert 'why: "Why \\"this\\" counts: L1."' in text
    assert page.locator(".mt-check").count() == 0
    screenshot(page, "tagger-author")
