"""Tagger widget speed and size, measured in Chromium on the Kremlin exercise.

- first render: `render()` of the whole article plus the layout it forces;
- key press to updated DOM: one tagging action (label key on a selected word: tag drawn, list
  redrawn, autosaved), timed from the keydown dispatch to a forced layout afterwards;
- JS Check: `check.js` on a hand-in of a dozen tags;
- bytes: the widget itself (tagger.js, tagger.css: what Jupyter loads), unminified, and what a book
  page loads besides (static-host.js; check.js on Check; author.js in author mode).
"""
from __future__ import annotations

import functools
import json
import shutil
import statistics
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from medialit import InputError, load_exercise

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "medialit" / "web" / "static"
KREMLIN = ROOT / "book" / "exercises" / "kremlin-drone" / "exercise.yml"
FALLBACK = ROOT / "tests" / "fixtures" / "kremlin-mini.yml"
WIDGET_FILES = ("tagger.js", "tagger.css")
PAGE_FILES = ("static-host.js", "check.js", "author.js")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AREA = "widget"

MEASURE = """
async ({config, runs, presses}) => {
  const host = await import("./static-host.js");
  const tagger = (await import("./tagger.js")).default;
  const renders = [];
  for (let n = 0; n < runs; n++) {
    localStorage.clear();
    const el = document.createElement("div");
    document.body.append(el);
    const model = new host.StaticModel({exercise: config.exercise, labels: [], difficulty: "standard"});
    const t0 = performance.now();
    const cleanup = tagger.render({model, el});
    el.getBoundingClientRect(); document.body.offsetHeight;
    renders.push(performance.now() - t0);
    cleanup(); el.remove();
  }
  /** Tag one word `presses` times (undoing each), on a widget that already has `preload` tags. */
  const pressTimes = (preload) => {
    localStorage.clear();
    const el = document.createElement("div");
    document.body.append(el);
    const tags = config.exercise.key.slice(0, preload).map((k, n) => ({id: `k${n}`, label: k.label, start: k.start,
      end: k.end, quote: k.quote, attrs: {}, source_ids: [], note: ""}));
    const model = new host.StaticModel({exercise: config.exercise, labels: [], difficulty: "standard", tags});
    const cleanup = tagger.render({model, el});
    const article = el.querySelector(".mt-article");
    article.focus();
    const key = (k, extra = {}) => article.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true, ...extra}));
    const words = [...article.querySelectorAll(".tok")].filter((s) => /^[a-z]{5,}$/i.test(s.textContent));
    const times = [];
    for (let n = 0; n < presses; n++) {
      const word = words[(n * 37) % words.length];
      word.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, button: 0, pointerType: "mouse"}));
      word.dispatchEvent(new PointerEvent("pointerup", {bubbles: true, button: 0, pointerType: "mouse"}));
      const t0 = performance.now();
      key("3");
      document.body.offsetHeight;
      times.push(performance.now() - t0);
      key("z", {ctrlKey: true});
    }
    const left = model.get("tags").length - preload;
    cleanup(); el.remove();
    return {times, left};
  };
  const {times, left} = pressTimes(0);
  const busy = pressTimes(120).times;
  let checks = null;
  try {
    const checker = await import("./check.js");
    const k = config.exercise.key.slice(0, 12).map((item, n) => ({id: `t${n + 1}`, label: item.label, start: item.start,
      end: item.end, quote: item.quote, attrs: {}, source_ids: [], note: ""}));
    const handin = {format: "medialit.handin/1", exercise: config.exercise.id, article_sha256: config.exercise.article.sha256,
      student: "", created: "", updated: "", tags: k};
    checker.check(config.exercise, handin);
    checks = [];
    for (let n = 0; n < 20; n++) { const t0 = performance.now(); checker.check(config.exercise, handin); checks.push(performance.now() - t0); }
  } catch (err) { checks = String(err); }
  return {renders, times, busy, checks, tokens: config.exercise.article.tokens.length, leftover: left};
}
"""


def _row(metric: str, value, unit: str = "", target: str = "") -> dict:
    return {"area": AREA, "metric": metric, "value": value, "unit": unit, "target": target}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _exercise():
    try:
        return load_exercise(KREMLIN), "kremlin-drone"
    except InputError:
        return load_exercise(FALLBACK), "kremlin-mini (course key incomplete)"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run() -> list[dict]:
    kb = lambda names: round(sum((STATIC / name).stat().st_size for name in names) / 1024, 1)  # noqa: E731
    rows = [_row("widget JS+CSS (tagger.js, tagger.css), unminified", kb(WIDGET_FILES), "KB", "<= 60"),
            _row("book page host, checker, author tools (static-host.js, check.js, author.js)", kb(PAGE_FILES), "KB", "")]
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        return rows + [_row("browser figures", "skipped: no Chromium", "", "")]
    from playwright.sync_api import sync_playwright

    exercise, name = _exercise()
    config = {"exercise": exercise.compile()}
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(STATIC)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route(base + "bench.html", lambda route: route.fulfill(
                body='<!doctype html><html lang="en"><head><link rel="stylesheet" href="tagger.css"></head><body></body></html>',
                content_type="text/html"))
            page.goto(base + "bench.html")
            got = page.evaluate(MEASURE, {"config": config, "runs": 7, "presses": 60})
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    rows.append(_row(f"first render, {got['tokens']} tokens ({name}), median of 7",
                     round(statistics.median(got["renders"]), 1), "ms", "<= 50"))
    rows.append(_row("key press to updated DOM (tag one word), median", round(statistics.median(got["times"]), 2), "ms", ""))
    rows.append(_row("key press to updated DOM (tag one word), p95 of 60", round(_p95(got["times"]), 2), "ms", "<= 16"))
    rows.append(_row("the same with 120 tags on the list, median / p95", f"{statistics.median(got['busy']):.2f} / "
                     f"{_p95(got['busy']):.2f}", "ms", "<= 16 (p95)"))
    if isinstance(got["checks"], list):
        rows.append(_row("JS Check, 12 tags, median of 20", round(statistics.median(got["checks"]), 2), "ms", "<= 5"))
    else:
        rows.append(_row("JS Check", f"not measured: {got['checks'][:60]}", "", "<= 5"))
    return rows


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
