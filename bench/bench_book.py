"""Book figures: a clean build's time, and the bytes a browser fetches for each page."""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from bench_widget import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def clean_build(out: Path) -> float:
    start = time.perf_counter()
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "build", str(ROOT), "--path-output", str(out)], check=True, capture_output=True)
    return time.perf_counter() - start


def page_bytes(html: Path) -> dict[str, int]:
    """Bytes of every response a fresh browser receives when it opens each page of the TOC."""
    from playwright.sync_api import sync_playwright

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name in pages:
                context = browser.new_context()
                page = context.new_page()
                total = []
                page.on("response", lambda r, total=total: total.append(len(r.body()) if r.ok else 0))
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{name}.html")
                page.wait_for_load_state("networkidle")
                sizes[name] = sum(total)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return sizes


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        seconds = clean_build(Path(tmp))
        rows = [
            {
                "area": "book",
                "metric": "clean build (jupyter-book build)",
                "value": seconds,
                "unit": "s",
                "target": "<= 90",
            }
        ]
        if Path(CHROMIUM).exists():
            sizes = page_bytes(Path(tmp) / "_build" / "html")
            for name, size in sizes.items():
                rows.append(
                    {
                        "area": "book",
                        "metric": f"bytes fetched: {name}",
                        "value": round(size / 1024),
                        "unit": "KB",
                        "target": "-",
                    }
                )
    return rows
