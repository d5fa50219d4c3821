"""The book as a school copies it: `make dist` writes one zip; unzipped anywhere, every page works from disk.

The zip is made by the Makefile's own command (`make dist-zip`, from the built book), unzipped into a
temporary folder and opened with file:// URLs, as a teacher does by double-clicking index.html.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser_helpers import ROOT

# Elements whose address the browser fetches by itself when the page loads.
FETCHED = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class Addresses(HTMLParser):
    """Every (tag, attribute, address) of a page, and whether the browser fetches it on load."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "data") and value:
                self.found.append((tag, name, value))


@pytest.fixture(scope="module")
def school_copy(tmp_path_factory, book_server) -> Path:
    """The unzipped book folder (book_server makes sure the book is built)."""
    subprocess.run(["make", "-s", "dist-zip"], cwd=ROOT, check=True, capture_output=True)
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(ROOT / "dist" / "medialit-book.zip") as archive:
        archive.extractall(folder)
    return folder / "medialit-book"


def local_target(page: Path, address: str) -> Path | None:
    """The file a relative address points at, or None for an address off the page's own folder tree."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None
    if not parts.path:
        return page
    return (page.parent / unquote(parts.path)).resolve()


def test_the_zip_opens_with_one_index_page_at_its_top(school_copy):
    assert (school_copy / "index.html").is_file()
    assert "book/intro.html" in (school_copy / "index.html").read_text(encoding="utf-8")
    assert len(list(school_copy.rglob("*.html"))) > 15


def test_every_page_loads_only_its_own_files_and_every_link_inside_the_book_resolves(school_copy):
    off_origin, missing = [], []
    pages = [p for p in school_copy.rglob("*.html") if "_static" not in p.relative_to(school_copy).parts]
    for page in sorted(pages):  # (the theme keeps template fragments under _static: they are not pages)
        parser = Addresses()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for tag, attr, address in parser.found:
            if address.startswith(("mailto:", "data:", "javascript:", "#")):
                continue
            target = local_target(page, address)
            if target is None:
                if (tag, attr) in FETCHED:
                    off_origin.append(f"{page.relative_to(school_copy)}: <{tag} {attr}={address}>")
                continue
            if not target.exists():
                missing.append(f"{page.relative_to(school_copy)}: {address}")
    for sheet in sorted(school_copy.rglob("*.css")):
        for address in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            if address.startswith("data:"):
                continue
            target = local_target(sheet, address)
            if target is None:
                off_origin.append(f"{sheet.relative_to(school_copy)}: url({address})")
            elif not target.exists():
                missing.append(f"{sheet.relative_to(school_copy)}: url({address})")
    assert not off_origin, "\n".join(off_origin[:20])
    assert not missing, "\n".join(missing[:20])


def test_a_chapter_opened_from_the_unzipped_folder_shows_its_tagger(school_copy, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((school_copy / "index.html").as_uri())
    page.wait_for_url(re.compile(r"book/intro\.html$"))
    page.goto((school_copy / "book" / "05-loaded-language.html").as_uri())
    mount = page.locator("[data-medialit-tagger]").first
    mount.locator("text=Kremlin").first.wait_for(timeout=10_000)
    assert "loading" not in mount.inner_text().lower()
    assert not errors, errors
    page.close()
