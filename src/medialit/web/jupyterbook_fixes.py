"""A Sphinx extension that mends what Jupyter Book 1 gets wrong on every page, apart from the Tagger."""

from __future__ import annotations

import json
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


# Two mends to Sphinx's search, put by Sphinx in language_data.js after its own search script (right
# after the stemmer's code, which ends without a semicolon: blocks, not calls, come next).
# - It ranks equal scores by title and counts a section's title as the page's: the teachers' "Lesson
#   by lesson" (a section "Sources") came above the chapter "Sources". The students' pages get half a
#   point more: Sphinx's scores are whole numbers, so this breaks ties for them and never lifts a
#   student's page above a teacher's page that matches better.
# - It quotes a result's summary from the page's [role=main], which this theme gives to the page's
#   buttons and printed contents as well: "….pdf Sources Contents…". The summary now comes from the
#   article.
SEARCH_MENDS = """// medialit: among equal matches, the students' pages first
{
  const studentPages = new Set(%s);
  const scoreOf = Scorer.score || ((result) => result[4]);
  Scorer.score = (result) => scoreOf(result) + (studentPages.has(result[0]) ? 0.5 : 0);
}
// medialit: a result's summary quotes the page's article, not its buttons and printed contents
{
  const summaryText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    const article = page.querySelector("article.bd-article");
    if (!article) return summaryText(html, anchor);
    page.querySelector("[role=main]")?.removeAttribute("role");
    article.setAttribute("role", "main");
    return summaryText(page.documentElement.outerHTML, anchor);
  };
}
"""


def student_pages(site_map) -> list[str]:
    """The book's root page and every page in the first part of its table of contents, in the order
    they are listed: the part for the readers the book is written for (here the students; teachers
    and instructors come after)."""
    root = site_map.root
    pages, todo = [root.docname], list(root.subtrees[0].items) if root.subtrees else []
    while todo:
        item = todo.pop(0)
        if isinstance(item, str):
            pages.append(item)
            todo[:0] = [entry for tree in site_map[item].subtrees for entry in tree.items]
    return pages


def mend_search(app) -> None:
    """Write the search mends for this book's table of contents and give them to Sphinx as its
    scorer, unless the book names a scorer of its own."""
    site_map = getattr(app.config, "external_site_map", None)
    if app.config.html_search_scorer or site_map is None:
        return
    scorer = Path(app.doctreedir) / "medialit-search-scorer.js"
    scorer.parent.mkdir(parents=True, exist_ok=True)
    scorer.write_text(SEARCH_MENDS % json.dumps(student_pages(site_map)), encoding="utf-8")
    app.config.html_search_scorer = str(scorer)


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
    app.connect("builder-inited", mend_search)
    app.connect("html-page-context", drop_duplicate_scripts)
    app.connect("html-page-context", search_without_summaries_from_disk)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
