"""A Sphinx extension that mends what Jupyter Book 1 gets wrong on every page, apart from the Tagger."""

from __future__ import annotations


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


def setup(app):
    app.connect("config-inited", one_search_box)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", search_without_summaries_from_disk)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
