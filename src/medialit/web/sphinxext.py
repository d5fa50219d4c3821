"""The `{tagger}` directive: the Tagger widget on a static book page, no kernel needed.

```{tagger} exercises/kremlin-drone/exercise.yml
:labels: claim source
:difficulty: standard
:lines: 1-18
```

The path is relative to the page. The directive compiles the exercise at build time and emits a
mount element and the compiled exercise as JSON (tokens packed, see page_data.py). A page with a
Tagger loads one classic script, `_static/medialit/book-page.js` (the Tagger, Check and the key
writer in one file), early in its head: no module is loaded across files, so the page works opened
from disk (`file://`) as well as served. A page whose Tagger cannot start says why in the page.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..authoring.keyfile import page_authoring
from ..core.chapters import TAGGER_OPTIONS
from ..core.errors import InputError
from ..core.exercise_file import load_exercise
from ..core.messages import counted
from .build_errors import build_error
from .page_data import pack_exercise

STATIC = Path(__file__).parent / "static"
STATIC_FILES = ("book-page.js", "tagger.css", "tagger-author.css", "class-report.js", "class-report.css")
STATIC_DIR = "_static/medialit"
PAGE_SCRIPT = "medialit/book-page.js"
LOADING = "The tagger is starting. It needs JavaScript."
NO_SCRIPT = (
    "The tagger cannot start: JavaScript is turned off in this browser. Turn it on, or open this page "
    "in another browser."
)
# Runs when the page has loaded: a mount that the page's script never reached says why, in words a
# student understands (the script file is missing from a copy of the book, or the browser is too old).
NOT_STARTED = (
    "The tagger could not start: a file it needs (_static/medialit/book-page.js) did not load, or "
    "this browser is too old for it. If you opened a copy of the book, ask for a copy of the whole "
    "book folder, with its _static folder; or open the page in an up-to-date browser."
)
# Pages the build remembers between builds: those with an author-mode Tagger (kept out of _toc.yml) and those
# whose Tagger warned (read again at every build).
PAGE_LISTS = ("medialit_author_pages", "medialit_warned_pages")
logger = logging.getLogger(__name__)


class tagger_node(nodes.General, nodes.Element):
    """Placeholder for one tagger; its `config` is the JSON the page hands to book-page.js."""


def script_json(data) -> str:
    """JSON that is safe inside <script>: no `<`, `>` or `&` can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class TaggerDirective(SphinxDirective):
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = False
    option_spec = TAGGER_OPTIONS  # the same readers as `medialit report --chapter` (core/chapters.py)

    def _drop_stale_output(self, files: list[Path]) -> None:
        """Remove this page's HTML when an exercise file is newer. Jupyter Book 1's one-page build
        (`jupyter-book build book/x-author.md`, as the instructors' docs say) decides which pages to
        write by the page's own date alone, so the review page kept showing, and downloading, a key
        the instructor had since edited. With its HTML gone the page is written again."""
        builder = getattr(self.env.app, "builder", None)
        if not hasattr(builder, "get_outfilename"):
            return
        output = Path(builder.get_outfilename(self.env.docname))
        if output.is_file() and output.stat().st_mtime < max(f.stat().st_mtime for f in files):
            output.unlink()

    def run(self):
        rel, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        self.env.note_dependency(rel)
        labels = self.options.get("labels", [])
        try:
            exercise = load_exercise(path)
            compiled = exercise.compile(
                labels=labels or None, difficulty=self.options.get("difficulty"), lines=self.options.get("lines")
            )
        except InputError as err:
            _read_again_next_build(self.env)
            raise build_error(self, "tagger", err) from None
        for file in exercise.files:
            self.env.note_dependency(str(file))
        self._drop_stale_output([path, *exercise.files])
        unfinished = unfinished_items(exercise.restricted(labels or None, self.options.get("lines")))
        mode = self.options.get("mode", "student")
        if mode == "author":
            self.env.medialit_author_pages = getattr(self.env, "medialit_author_pages", set()) | {self.env.docname}
        banner = []
        if unfinished and mode == "student":
            _read_again_next_build(self.env)
            logger.warning(
                f"tagger: {rel} still has {counted(len(unfinished), 'item')} in its key and distractors marked "
                f"draft or without a `why` ({', '.join(unfinished[:3])}{', …' if len(unfinished) > 3 else ''}); "
                "students would be checked against an unreviewed key. Review them (`medialit validate "
                f"{rel}`) and remove `draft: true`.",
                location=(self.env.docname, self.lineno),
            )
            banner = [draft_banner(len(unfinished))]
        serial = self.env.new_serialno("medialit-tagger")
        node = tagger_node()
        node["ids"] = [f"medialit-tagger-{serial}"]
        node["config"] = {
            "exercise": pack_exercise(compiled),
            "labels": labels,
            "difficulty": compiled["difficulty"],
            "mode": mode,
        }
        if mode == "author":  # the whole exercise file, for the review panel's Download
            shown = exercise.restricted(labels or None, self.options.get("lines"))
            node["config"]["authoring"] = {"saves": "download", **page_authoring(exercise, shown)}
        self.set_source_info(node)
        return [*banner, node]


def _read_again_next_build(env) -> None:
    """Sphinx reads again only the pages that changed, so a page's warning is given once: a second
    `make book` passed, and published, a chapter whose key was still a draft or broken. Such a page
    is read at every build until its Tagger is fine, and warns each time."""
    env.medialit_warned_pages = getattr(env, "medialit_warned_pages", set()) | {env.docname}


def _pages_to_read_again(app, env, added, changed, removed) -> list[str]:
    return sorted(getattr(env, "medialit_warned_pages", set()) - set(removed))


def _forget_page(app, env, docname) -> None:
    """A page read again, or removed, leaves the lists kept between builds; reading it puts it back if it still
    belongs. An author page made a student page and listed in _toc.yml was still warned of as author mode, and
    `make book` (-W) failed whenever a page had changed, until _build was deleted."""
    for name in PAGE_LISTS:
        getattr(env, name, set()).discard(docname)


def unfinished_items(exercise) -> list[str]:
    """Ids of key items and distractors still marked draft or without a reason (a key item's `why`, or the
    one the checker gives a mention a part asks for: `why_message`)."""
    return [k.id for k in exercise.key if k.draft or not (k.why or k.why_message)] + [
        d.id for d in exercise.distractors if d.draft or not d.why
    ]


def draft_banner(count: int) -> nodes.Node:
    """The note a page shows while its key is a draft, so nobody mistakes it for a finished exercise."""
    note = nodes.admonition(classes=["warning", "medialit-draft-key"])
    note += nodes.title(text="Draft key")
    note += nodes.paragraph(
        text=f"This exercise's key and distractors still have {counted(count, 'unreviewed item')}: Check may mark "
        "right answers wrong. Teachers: review the key before students use this page."
    )
    return note


def check_pages_and_contents(app, env) -> None:
    """Author-mode pages must stay out of the students' table of contents, and every chapter page with a
    Tagger in the book folder must be in it (Jupyter Book leaves out pages that are not)."""
    listed = {doc for children in env.toctree_includes.values() for doc in children}
    for doc in sorted(getattr(env, "medialit_author_pages", set()) & listed):
        logger.warning(
            f"tagger: {doc} uses `:mode: author`, which shows the whole key, and it is listed in "
            "_toc.yml where students find it. Take it out of _toc.yml and build it on its own, or use "
            "a notebook with Tagger(..., mode='author').",
            location=doc,
        )
    root = Path(app.srcdir)
    for page in sorted((root / "book").glob("*.md")) if (root / "book").is_dir() else []:
        doc = page.relative_to(root).with_suffix("").as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        if doc in env.found_docs or "```{tagger}" not in text or ":mode: author" in text:
            continue  # an author-mode page is built on its own (jupyter-book build book/PAGE.md), never listed
        logger.warning(
            f"tagger: {page.relative_to(root)} has a Tagger but is not in _toc.yml, so the book leaves it "
            f"out. Add `- file: {doc}` under a `chapters:` list in _toc.yml."
        )


def visit_tagger_html(self, node: tagger_node) -> None:
    mount_id = node["ids"][0]
    config_id = f"{mount_id}-config"
    fallback = (
        "addEventListener('load',function(){var m=document.getElementById("
        + json.dumps(mount_id)
        + ");if(m&&!m.getAttribute('data-state')){var p=m.querySelector('.medialit-tagger-loading');"
        + "if(p){p.className='medialit-tagger-failed';p.setAttribute('role','alert');p.textContent="
        + json.dumps(NOT_STARTED)
        + "}}})"
    )
    self.body.append(
        f'<div class="medialit-tagger-mount" id="{mount_id}" data-medialit-tagger="" data-config="{config_id}">'
        f'<p class="medialit-tagger-loading">{LOADING}</p>'
        f'<noscript><p class="medialit-tagger-failed">{NO_SCRIPT}</p></noscript></div>\n'
        f'<script type="application/json" id="{config_id}">{script_json(node["config"])}</script>\n'
        f"<script>{fallback}</script>\n"
    )
    raise nodes.SkipNode


def add_page_script(app, pagename, templatename, context, doctree) -> None:
    """Pages with a Tagger load its script in the head, deferred and before the theme's own scripts;
    a page with an author-mode Tagger also loads author mode's style sheet."""
    taggers = list(doctree.findall(tagger_node)) if doctree is not None else []
    if taggers:
        app.add_js_file(PAGE_SCRIPT, priority=100, loading_method="defer")
    if any(node["config"].get("mode") == "author" for node in taggers):
        app.add_css_file("medialit/tagger-author.css")


def skip_node(self, node) -> None:
    raise nodes.SkipNode


def copy_static(app, exception) -> None:
    """Put the widget's files into `_static/medialit/` of an HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / STATIC_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name in STATIC_FILES:
        if (STATIC / name).is_file():
            shutil.copyfile(STATIC / name, out / name)


def _merge_page_sets(app, env, docnames, other) -> None:
    for name in PAGE_LISTS:
        setattr(env, name, getattr(env, name, set()) | getattr(other, name, set()))


def setup(app):
    app.setup_extension("medialit.web.answers")
    app.setup_extension("medialit.web.class_report_page")
    app.setup_extension("medialit.web.narrow_tables")
    app.add_node(
        tagger_node,
        html=(visit_tagger_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_directive("tagger", TaggerDirective)
    app.add_css_file("medialit/tagger.css")
    app.connect("html-page-context", add_page_script)
    app.connect("build-finished", copy_static)
    app.connect("env-check-consistency", check_pages_and_contents)
    app.connect("env-merge-info", _merge_page_sets)
    app.connect("env-get-outdated", _pages_to_read_again)
    app.connect("env-purge-doc", _forget_page)
    return {"version": "2", "env_version": library_version(), "parallel_read_safe": True, "parallel_write_safe": True}


def library_version() -> int:
    """A number that changes with the library's own code and data: a page keeps its compiled exercise
    from the last build, so a change to how exercises compile must make Sphinx read every page again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return int(digest.hexdigest()[:12], 16)
