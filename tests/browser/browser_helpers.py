"""Paths and helpers the browser tests import (conftest.py holds the fixtures)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDGET_STATIC = ROOT / "src" / "medialit" / "web" / "static"
SCREENSHOTS = ROOT / "_build" / "screenshots"
# How the browser tests and the benches start Debian's Chromium (never a browser Playwright downloads).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# A phone: a touch screen 390 px wide, as the phone tests open a page.
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


def screenshot(page, name: str) -> Path:
    """Save `_build/screenshots/<name>.png` and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def painted(page) -> None:
    """Wait until the page has drawn its next frame: the Tagger draws changes in an animation frame."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))")


def arrow(button) -> str:
    """The arrow a way back shows before its words: the one tagger.css draws for the layout on the screen (the
    drawn text, before the slash of its alternative text), or the first letter of the words."""
    return button.evaluate("""(b) => { const drawn = getComputedStyle(b, '::before').content;
      return (drawn === 'none' ? b.textContent : JSON.parse(drawn.split(' / ')[0])).trim().charAt(0); }""")


def accessible_names(page, role: str) -> list[str]:
    """The names Chromium gives the elements of `role` on the page, as its accessibility tree hands them to a
    screen reader (words drawn by CSS included, what is hidden from screen readers left out)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    nodes = [n for n in tree["nodes"] if not n.get("ignored") and n.get("role", {}).get("value") == role]
    return [n.get("name", {}).get("value", "") for n in nodes]


def text_heard(page, selector: str) -> list[str]:
    """The runs of text a screen reader reads out inside the element `selector` picks, in reading order, as
    Chromium's accessibility tree hands them over: words drawn by CSS included, what is hidden from screen
    readers left out, and the words inside a button left to its name (`accessible_names`), which is read there."""
    cdp = page.context.new_cdp_session(page)
    element = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({json.dumps(selector)})"})
    root = cdp.send("DOM.describeNode", {"objectId": element["result"]["objectId"]})["node"]["backendNodeId"]
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    heard = []

    def read(node) -> None:  # the tree's order is the reading order (the list of nodes is not)
        role = node.get("role", {}).get("value")
        if role == "button":
            return
        if role == "StaticText" and not node.get("ignored"):
            heard.append(node.get("name", {}).get("value", ""))
        for child in node.get("childIds", []):
            if child in by_id:
                read(by_id[child])

    read(next(n for n in nodes if n.get("backendDOMNodeId") == root))
    return heard


# Where a box of the Tagger is from the article: beside it (→), below it (↓) or above it (↑).
WHERE_FROM_THE_ARTICLE = """(selector) => {
  const text = document.querySelector('.mt-article').getBoundingClientRect();
  const box = document.querySelector(selector).getBoundingClientRect();
  return box.left >= text.right ? '→' : box.top >= text.bottom ? '↓' : box.bottom <= text.top ? '↑' : '?';
}"""


def flush_saves(page) -> None:
    """Write the Tagger's pending autosave now, as the page does when it is hidden or left."""
    page.evaluate("() => dispatchEvent(new PageTransitionEvent('pagehide'))")


# Whether the draft under review can be seen: its first word in the article and its Accept button are
# on the screen and on top there, not under the page's sticky header or a phone's label bar (with,
# for a failure's message, where each is and what is on top of it).
DRAFT_ON_SCREEN = """() => {
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    const seen = r.top >= 0 && r.bottom <= innerHeight && el.contains(top);
    return { seen, at: [r.top, r.bottom], top: top?.className };
  };
  return {
    words: onScreen(document.querySelector(".mt-article .mt-sel")),
    buttons: onScreen(document.querySelector(".mt-rv-current .mt-rv-accept")),
    said: document.querySelector(".mt-live").textContent,
  };
}"""


def watch_said(page, root: str) -> None:
    """From now on, note every status line and notice shown under `root` (read them with `said`): a test of
    what a Tagger says must see messages that a later one replaces."""
    page.evaluate(
        """(selector) => {
  window.said = [];
  const root = document.querySelector(selector);
  const note = () => root.querySelectorAll('.mt-live, .mt-notice').forEach((el) => window.said.push(el.textContent));
  new MutationObserver(note).observe(root, {subtree: true, childList: true, characterData: true});
}""",
        root,
    )


def said(page) -> list[str]:
    """Every status line and notice shown since `watch_said`."""
    return page.evaluate("window.said")


def handin_file(path: Path, ex: dict, answers: dict, **fields) -> Path:
    """A hand-in of `ex` holding no tags and these written answers (and any other `fields`), written at `path`."""
    handin = {"format": "medialit.handin/1", "exercise": ex["id"], "article_sha256": ex["article"]["sha256"]}
    path.write_text(json.dumps({**handin, **fields, "tags": [], "answers": answers}), encoding="utf-8")
    return path


def build_page(folder: Path, page: str) -> Path:
    """Build a book of one page (MyST markdown `page`, which may hold several `{tagger}` blocks) with Sphinx,
    and return the built page. Its exercises: `mini/exercise.yml` (the Kremlin article, a dozen key items) and
    `unicode/exercise.yml` (a short article of another exercise), as tests/fixtures has them."""
    from sphinx.cmd.build import build_main

    src = folder / "src"
    fixtures = ROOT / "tests" / "fixtures"
    shutil.copytree(fixtures / "unicode", src / "unicode")
    (src / "mini").mkdir()
    shutil.copy(fixtures / "kremlin-mini.yml", src / "mini" / "exercise.yml")
    shutil.copy(fixtures / "kremlin-drone.txt", src / "mini" / "kremlin-drone.txt")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "medialit.web.sphinxext"]\nexclude_patterns = ["_build"]\n', encoding="utf-8"
    )
    (src / "index.md").write_text("# Home\n\n```{toctree}\npage\n```\n", encoding="utf-8")
    (src / "page.md").write_text(page, encoding="utf-8")
    out = folder / "html"
    assert build_main(["-b", "html", "-q", "-W", str(src), str(out)]) == 0, "the page did not build"
    return out / "page.html"
