"""Tagger widget speed and size, in Chromium, beside a DOM floor measured in the same run.

The floor is the least a page can do: every token a span, tagging adds a class. The Tagger page is
a book page as the `{tagger}` directive writes it (book-page.js, tagger.css, the packed exercise),
on the whole Kremlin article. Every timing ends at paint: requestAnimationFrame, then a
MessageChannel post (the first task after the frame that shows the change); every change starts
just after a frame on both pages (see HARNESS). Main-thread CPU per add is Chromium's TaskDuration
(Performance.getMetrics) over the adds, idle work (the autosave) included and the 100 tags
loaded before them left out. Figures:

- add one tag with 100 tags on the page, to paint: median, p95, CPU per add; ratios to the floor;
- add 100 tags at once (the kernel or a loaded hand-in sets them), to paint; ratio to the floor (the two
  pages' batches taken in turn, a few at a time);
  and to the whole tag list painted (its entries below the first screen come in the next frames);
- navigation to an interactive Tagger on chapter 5 (the built book over http, a cold cache);
- bytes of chapter 5's exercise data in the page (as `compile()` gives it, and packed);
- bundle bytes, minified and gzip: what Jupyter loads, and the book page's one script;
- one autosave (it runs at an idle moment once changes pause, so it is not in the paint figures);
- JS Check on a dozen tags.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from figures import figure

from medialit import load_exercise
from medialit.web.page_data import pack_exercise
from medialit.web.sphinxext import script_json

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "medialit" / "web" / "static"
BOOK = ROOT / "_build" / "html"
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
CHAPTER_5 = {"labels": ["loaded"], "lines": (1, 28)}  # as book/05-loaded-language.md asks
AREA = "widget"
_row = functools.partial(figure, AREA)


def _chromium_args() -> list[str]:
    """How the browser tests start Chromium (tests/browser/browser_helpers.py): the benches start it alike."""
    spec = importlib.util.spec_from_file_location("browser_helpers", ROOT / "tests" / "browser" / "browser_helpers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CHROMIUM_ARGS


CHROMIUM_ARGS = _chromium_args()
PRELOAD, ADDS, BATCHES, NAVIGATIONS = 100, 60, 20, 5
# the batches are taken in rounds, the floor's and the widget's in turn, so that a busy moment of a
# shared machine falls on both pages alike rather than on whichever was measured then
ROUNDS = 5

# Shared by both pages: time `add(k)` from the input events to the first task after the frame
# that shows it. Before each change, wait for an idle moment (so idle work is counted in the CPU
# figure) and then for a frame: every change then starts at the same point of the frame cycle on
# both pages. Without the frame, a page that ends an add with one more (empty) frame, as the
# Tagger's list does when Chromium starts watching a new entry (content-visibility: auto), gets
# its idle moment just after a frame began and waits a whole frame longer for the next one than
# the floor: a difference in where the harness starts, not in the work of the add.
HARNESS = """() => {
window.paint = () => new Promise((done) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done();
  channel.port2.postMessage(0);
}));
window.idle = () => new Promise((done) => requestIdleCallback(() => done(), {timeout: 2000}));
window.settle = async () => { await idle(); await paint(); };
window.timeEach = async (count, act) => {
  const times = [];
  for (let k = 0; k < count; k++) {
    await settle();
    const t0 = performance.now();
    act(k);
    await paint();
    times.push(performance.now() - t0);
  }
  return times;
};
window.pick = (el) => {
  el.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, button: 0, pointerType: "mouse"}));
  el.dispatchEvent(new PointerEvent("pointerup", {bubbles: true, button: 0, pointerType: "mouse"}));
};
window.press = (el, key) => el.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true}));
}"""

FLOOR_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><style>
body { font: 16px/2.2 sans-serif; } #article { max-height: 42rem; overflow-y: auto; border: 1px solid #999; }
.loaded { background: #ffe27a; } .claim { box-shadow: 0 2px 0 0 #0a4aa8; } .source { outline: 1px dashed #6b1f8f; }
.cue { text-decoration: underline dotted; }
</style></head><body><div id="article" tabindex="0"></div></body></html>"""

FLOOR_SETUP = """(tokens) => {
  const article = document.getElementById("article");
  const spans = [];
  let p = null;
  tokens.forEach((t, i) => {
    if (!p || tokens[i - 1].para !== t.para) p = article.appendChild(document.createElement("p"));
    const span = p.appendChild(document.createElement("span"));
    span.textContent = t.text;
    spans.push(span);
    if (t.ws) p.append(" ");
  });
  let anchor = 0;
  article.addEventListener("pointerdown", (e) => { anchor = spans.indexOf(e.target); });
  article.addEventListener("keydown", (e) => { if (e.key === "3") spans[anchor].classList.add("loaded"); });
  window.floor = {
    spans,
    mark(ranges) {
      for (const r of ranges) for (let i = r.first; i <= r.last; i++) spans[i].classList.add(r.label);
    },
    clear(ranges) {
      for (const r of ranges) for (let i = r.first; i <= r.last; i++) spans[i].classList.remove(r.label);
    },
  };
}"""

WIDGET_SETUP = """() => {
  localStorage.clear();
  const el = document.getElementById("mount");
  const {model} = window.medialitTagger.mount(el);
  window.widget = {model, article: el.querySelector(".mt-article"), spans: [...el.querySelectorAll(".mt-tok")]};
}"""

PRELOAD_TAGS = """async ({preload, floor}) => {
  if (floor) window.floor.mark(preload.ranges); else window.widget.model.set("tags", preload.tags);
  await paint(); await idle();
}"""

MEASURE_ONE = """async ({adds, floor}) => {
  const spans = floor ? window.floor.spans : window.widget.spans;
  const target = floor ? document.getElementById("article") : window.widget.article;
  const times = await timeEach(adds.length, (k) => { pick(spans[adds[k]]); press(target, "3"); });
  await new Promise((done) => setTimeout(done, 1500));  // the autosave waits for changes to pause
  await idle();
  return times;
}"""

# the first frame shows the article's marks and the list's first entries; the Tagger makes the
# entries below them in the next frames, so the time to the whole list is measured too
MEASURE_BATCH = """async ({preload, batches, floor}) => {
  const first = [], whole = [];
  const listDone = () => floor || document.querySelectorAll(".mt-entry").length === preload.tags.length;
  for (let n = 0; n < batches; n++) {
    if (floor) window.floor.clear(preload.ranges); else window.widget.model.set("tags", []);
    await settle();
    const t0 = performance.now();
    if (floor) window.floor.mark(preload.ranges); else window.widget.model.set("tags", preload.tags);
    await paint();
    first.push(performance.now() - t0);
    while (!listDone()) await paint();
    whole.push(performance.now() - t0);
  }
  return {first, whole};
}"""

INTERACTIVE = """
new MutationObserver((_, observer) => {
  if (!document.querySelector("[data-medialit-tagger][data-state='ready']")) return;
  observer.disconnect();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.taggerInteractive = performance.now(); };
    channel.port2.postMessage(0);
  });
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
"""


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def size_rows() -> list[dict]:
    """Bundle bytes as a browser downloads them, and chapter 5's exercise data before and after packing."""
    read = lambda name: (STATIC / name).read_bytes()
    widget = read("tagger.js") + read("tagger.css")
    page = read("book-page.js")
    kb = lambda n: round(n / 1024, 1)
    exercise = load_exercise(KREMLIN)
    compiled = exercise.compile(**CHAPTER_5)
    config = {"labels": CHAPTER_5["labels"], "difficulty": compiled["difficulty"], "mode": "student"}
    before = len(script_json({"exercise": compiled, **config}).encode())
    after = len(script_json({"exercise": pack_exercise(compiled), **config}).encode())
    whole = exercise.compile()
    return [
        _row("Jupyter widget (a student's): tagger.js + tagger.css, minified", kb(len(widget)), "KB", ""),
        _row(
            "Jupyter widget (a student's): tagger.js + tagger.css, minified + gzip",
            kb(_gzip(read("tagger.js")) + _gzip(read("tagger.css"))),
            "KB",
            "<= 20 (Recogito 23.7)",
        ),
        _row(
            "  author mode's widget: tagger-author.js + both style sheets, minified + gzip",
            kb(_gzip(read("tagger-author.js")) + _gzip(read("tagger.css")) + _gzip(read("tagger-author.css"))),
            "KB",
            "reported apart",
        ),
        _row(
            "book page script book-page.js (all a page needs), min / min+gzip",
            f"{kb(len(page))} / {kb(_gzip(page))}",
            "KB",
            "",
        ),
        _row(
            "  of which host, Check, key writer, author tools (book-page.js minus tagger.js, gzip)",
            kb(_gzip(page) - _gzip(read("tagger.js"))),
            "KB",
            "reported apart",
        ),
        _row("chapter 5 exercise data in the page, as compile() / packed", f"{kb(before)} / {kb(after)}", "KB", ""),
        _row(
            "whole-article exercise data (Tag the whole article), as compile() / packed",
            f"{kb(len(script_json({'exercise': whole}).encode()))} / "
            f"{kb(len(script_json({'exercise': pack_exercise(whole)}).encode()))}",
            "KB",
            "was 534 KB",
        ),
    ]


def _preload(exercise, compiled) -> dict:
    """PRELOAD tags spread over the article (claims, sources and cues from the key), as tags and token ranges."""
    tokens = compiled["article"]["tokens"]
    starts = [t["start"] for t in tokens]
    items = [k for k in compiled["key"] if k["label"] != "loaded"][::3][:PRELOAD]
    tags = [
        {
            "id": f"k{n}",
            "label": k["label"],
            "start": k["start"],
            "end": k["end"],
            "quote": k["quote"],
            "attrs": {},
            "source_ids": [],
            "note": "",
        }
        for n, k in enumerate(items)
    ]
    ranges = [
        {
            "label": k["label"],
            "first": bisect.bisect_right(starts, k["start"]) - 1,
            "last": bisect.bisect_right(starts, k["end"] - 1) - 1,
        }
        for k in items
    ]
    return {"tags": tags, "ranges": ranges}


def browser_rows(pw, chromium: str) -> list[dict]:
    exercise = load_exercise(KREMLIN)
    compiled = exercise.compile()
    tokens = compiled["article"]["tokens"]
    preload = _preload(exercise, compiled)
    words = [i for i, t in enumerate(tokens) if t["text"].isalpha() and len(t["text"]) >= 5]
    adds = words[:: max(1, len(words) // ADDS)][:ADDS]
    folder = Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    try:
        for name in ("book-page.js", "tagger.css"):
            shutil.copyfile(STATIC / name, folder / name)
        config = {"exercise": pack_exercise(compiled), "labels": [], "difficulty": "standard", "mode": "student"}
        (folder / "widget.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>'
            '<link rel="stylesheet" href="tagger.css"><script defer src="book-page.js"></script></head><body>'
            '<div id="mount" data-config="config"></div>'
            f'<script type="application/json" id="config">{script_json(config)}</script></body></html>',
            encoding="utf-8",
        )
        (folder / "floor.html").write_text(FLOOR_PAGE, encoding="utf-8")
        server, base = _serve(folder)
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        got, pages = {}, {}
        try:
            for kind in ("floor", "widget"):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"{base}{kind}.html")
                page.wait_for_load_state("load")
                page.evaluate(HARNESS)
                if kind == "floor":
                    page.evaluate(FLOOR_SETUP, tokens)
                else:
                    page.evaluate(WIDGET_SETUP)
                cdp = page.context.new_cdp_session(page)
                cdp.send("Performance.enable")
                task = lambda cdp=cdp: next(
                    m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration"
                )
                page.evaluate(PRELOAD_TAGS, {"preload": preload, "floor": kind == "floor"})
                before = task()  # after the preload: only the adds and what they leave to idle moments
                one = page.evaluate(MEASURE_ONE, {"adds": adds, "floor": kind == "floor"})
                cpu = (task() - before) * 1000 / len(adds)
                got[kind] = {"one": one, "cpu": cpu, "batch": {"first": [], "whole": []}}
                pages[kind] = page
                if kind == "widget":
                    got["save"] = page.evaluate("""() => {
                      const model = window.widget.model, times = [];
                      for (let n = 0; n < 20; n++) {
                        model.set("tags", [...model.get("tags")]);
                        const t0 = performance.now();
                        dispatchEvent(new PageTransitionEvent("pagehide"));
                        times.push(performance.now() - t0);
                      }
                      return {times, tags: model.get("tags").length};
                    }""")
                    got["check"] = page.evaluate("""() => {
                      const lib = window.medialitTagger, ex = window.widget.model.get("exercise");
                      const tags = ex.key.slice(0, 12).map((k, n) => ({id: `t${n + 1}`, label: k.label, start: k.start,
                        end: k.end, quote: k.quote, attrs: {}, source_ids: [], note: ""}));
                      const handin = {format: "medialit.handin/1", exercise: ex.id, article_sha256: ex.article.sha256,
                        student: "", created: "", updated: "", tags};
                      const times = [];
                      for (let n = 0; n < 20; n++) { const t0 = performance.now(); lib.check(ex, handin);
                        times.push(performance.now() - t0); }
                      return times;
                    }""")
            for _ in range(ROUNDS):
                for kind, page in pages.items():
                    page.bring_to_front()
                    batch = page.evaluate(
                        MEASURE_BATCH, {"preload": preload, "batches": BATCHES // ROUNDS, "floor": kind == "floor"}
                    )
                    for key in ("first", "whole"):
                        got[kind]["batch"][key].extend(batch[key])
            for page in pages.values():
                page.close()
            got["navigation"] = _navigation(browser)
        finally:
            browser.close()
            server.shutdown()
            server.server_close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    floor, widget = got["floor"], got["widget"]
    ratio = lambda a, b: f"{a / b:.2f}x" if b else "-"
    med = statistics.median
    rows = [
        _row(
            f"add one tag, {PRELOAD} on the page, to paint: median  widget / floor",
            f"{med(widget['one']):.1f} / {med(floor['one']):.1f} ({ratio(med(widget['one']), med(floor['one']))})",
            "ms",
            "<= 1.3x floor",
        ),
        _row(
            f"add one tag, {PRELOAD} on the page, to paint: p95 of {ADDS}  widget / floor",
            f"{_p95(widget['one']):.1f} / {_p95(floor['one']):.1f} ({ratio(_p95(widget['one']), _p95(floor['one']))})",
            "ms",
            "<= 1.3x floor",
        ),
        _row(
            "main-thread CPU per add (idle work included)  widget / floor",
            f"{widget['cpu']:.2f} / {floor['cpu']:.2f} ({ratio(widget['cpu'], floor['cpu'])})",
            "ms",
            "<= 2x floor",
        ),
        _row(
            f"add {PRELOAD} tags at once, to paint: median of {BATCHES}  widget / floor",
            f"{med(widget['batch']['first']):.1f} / {med(floor['batch']['first']):.1f}"
            f" ({ratio(med(widget['batch']['first']), med(floor['batch']['first']))})",
            "ms",
            "<= 1.5x floor",
        ),
        _row(
            "  same batches, to the whole tag list painted  widget / floor",
            f"{med(widget['batch']['whole']):.1f} / {med(floor['batch']['whole']):.1f}"
            f" ({ratio(med(widget['batch']['whole']), med(floor['batch']['whole']))})",
            "ms",
            "",
        ),
    ]
    nav = got["navigation"]
    if isinstance(nav, str):
        rows.append(_row("navigation to interactive Tagger, chapter 5", nav))
    else:
        rows.append(
            _row(
                f"chapter 5 over http, cold cache: to interactive Tagger (painted), median of {NAVIGATIONS}",
                round(med(nav["interactive"]), 1),
                "ms",
                "",
            )
        )
        rows.append(
            _row(
                "  same runs: DOMContentLoaded / load event, median",
                f"{med(nav['dcl']):.1f} / {med(nav['load']):.1f}",
                "ms",
                "",
            )
        )
    rows.append(
        _row(
            f"autosave of {got['save']['tags']} tags (one write, at an idle moment), median of 20",
            round(med(got["save"]["times"]), 2),
            "ms",
            "off the critical path",
        )
    )
    rows.append(_row("JS Check, 12 tags, whole article's key, median of 20", round(med(got["check"]), 2), "ms", "<= 5"))
    return rows


def _navigation(browser) -> dict | str:
    """Chapter 5 of the built book over http, a fresh context (cold cache) per run."""
    if not (BOOK / "book" / "05-loaded-language.html").is_file():
        subprocess.run(
            [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT)], check=True, capture_output=True
        )
    server, base = _serve(BOOK)
    found = {"interactive": [], "dcl": [], "load": []}
    try:
        for _ in range(NAVIGATIONS):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(INTERACTIVE)
            page = context.new_page()
            page.goto(f"{base}book/05-loaded-language.html")
            page.wait_for_function("window.taggerInteractive !== undefined", timeout=30_000)
            page.wait_for_load_state("load")
            found["interactive"].append(page.evaluate("window.taggerInteractive"))
            timing = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
            found["dcl"].append(timing["domContentLoadedEventEnd"])
            found["load"].append(timing["loadEventEnd"])
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return found


def run() -> list[dict]:
    rows = size_rows()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        return rows + [_row("browser figures", "skipped: no Chromium", "", "")]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        return rows + browser_rows(pw, chromium)


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
