"""Browser fixtures shared by every browser test: the built book on a local server, Chromium, a page.

- `book_server`: base URL (ending in "/") of `_build/html`, served on 127.0.0.1 by a thread. The book
  is built first if `_build/html/index.html` is missing. Files under `_static/medialit/` are served
  from `src/medialit/web/static/`, so widget edits are tested without rebuilding the book.
  Set MEDIALIT_BOOK_HTML to serve another built book folder.
- `browser`: Debian's Chromium through Playwright (never `playwright install`). Missing Chromium
  skips the browser tests with a loud message, or fails them when the CI variable is set.
- `page`: a fresh context and page with `base_url` set; every request outside the server's origin
  is blocked and recorded in `page.offsite_requests`; console errors and page errors are collected
  in `page.errors`.
Paths and `screenshot()` live in browser_helpers.py, which the tests import.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import warnings
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_helpers import CHROMIUM_ARGS, ROOT, WIDGET_STATIC


def chromium_path() -> str | None:
    for candidate in (os.environ.get("MEDIALIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def book_html() -> Path:
    return Path(os.environ.get("MEDIALIT_BOOK_HTML") or ROOT / "_build" / "html")


def build_book() -> None:
    jb = Path(sys.executable).parent / "jupyter-book"
    command = [str(jb)] if jb.exists() else [sys.executable, "-m", "jupyter_book.cli.main"]
    subprocess.run([*command, "build", "."], cwd=ROOT, check=True)


class BookHandler(SimpleHTTPRequestHandler):
    """Serve the book quietly; the widget's own files come from the source tree."""

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if clean.startswith("/_static/medialit/"):
            candidate = WIDGET_STATIC / clean.rsplit("/", 1)[1]
            if candidate.is_file():
                return str(candidate)
        return super().translate_path(path)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_server():
    html = book_html()
    if not (html / "index.html").is_file():
        if os.environ.get("MEDIALIT_BOOK_HTML"):
            pytest.fail(f"MEDIALIT_BOOK_HTML={html} has no index.html; build that book first.")
        build_book()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(BookHandler, directory=str(html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = (
            "\n" + "!" * 70 + "\nCHROMIUM NOT FOUND (/usr/bin/chromium): the browser tests did NOT run.\n"
            "Install Debian's chromium package (apt-get install chromium).\n" + "!" * 70
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        warnings.warn(message, stacklevel=2)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, book_server):
    context = browser.new_context(base_url=book_server, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.offsite_requests = []
    page.errors = []
    origin = book_server.rstrip("/")

    def guard(route, request):
        if request.url.startswith(origin + "/"):
            route.continue_()
        else:
            page.offsite_requests.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("response", lambda r: page.errors.append(f"HTTP {r.status} for {r.url}") if r.status >= 400 else None)
    yield page
    context.close()
