"""A Sphinx extension that mends what Jupyter Book 1 gets wrong on every page, apart from the Tagger."""

from __future__ import annotations

from pathlib import Path


def drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    """Keep one copy of each inline script: Jupyter Book 1 registers sphinx-thebe's settings twice,
    and the second `const THEBE_JS_URL` is a console error on every page."""
    scripts, seen = context.get("script_files"), set()
    if not scripts:
        return
    unique = []
    for script in scripts:
        marker = (getattr(script, "filename", script) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
        if marker not in seen:
            seen.add(marker)
            unique.append(script)
    scripts[:] = unique


# From disk (file://) a browser refuses the search page's fetch of each result's page, one console
# error per result; there the results list the pages' titles without a summary.
SEARCH_FROM_DISK = 'if (location.protocol === "file:") DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;'


def search_without_summaries_from_disk(app, pagename, templatename, context, doctree) -> None:
    """On the search page, turn off the result summaries when the book is opened from disk."""
    if pagename == "search":
        app.add_js_file(None, body=SEARCH_FROM_DISK)


def one_search_box(app, config) -> None:
    """Keep search in the sidebar only: pydata-sphinx-theme, under sphinx-book-theme, adds a top bar
    holding a second search box on a wide screen unless `navbar_persistent` is set. A book's own
    setting is kept."""
    config.html_theme_options.setdefault("navbar_persistent", [])


def book_root(folder: Path) -> Path | None:
    """The folder holding the book's _config.yml: `folder` or the nearest folder above it, as
    Jupyter Book looks for it."""
    return next((d for d in (folder, *folder.parents) if (d / "_config.yml").is_file()), None)


def paths_from_the_book_root(app, config) -> None:
    """A page built on its own (`jupyter-book build book/x-author.md`, the instructors' review page)
    has the page's folder as Sphinx's source, so the book's paths in _config.yml (`book/_static`, its
    favicon, `book/_templates`) were looked for in book/book/: two warnings, and the page went
    without the book's style sheet and logo. A path missing there but present beside _config.yml is
    given from there; a whole-book build finds every path where it is and changes nothing."""
    here = Path(app.confdir)
    root = book_root(here)
    if root is None or root == here:
        return

    def from_root(path: str) -> str:
        if not path or "://" in path or (here / path).exists() or not (root / path).exists():
            return path
        return str(root / path)

    config.html_static_path = [from_root(p) for p in config.html_static_path]
    config.templates_path = [from_root(p) for p in config.templates_path]
    for name in ("html_favicon", "html_logo"):
        if config[name]:
            config[name] = from_root(config[name])


def setup(app):
    app.connect("config-inited", paths_from_the_book_root)
    app.connect("config-inited", one_search_box)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", search_without_summaries_from_disk)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
