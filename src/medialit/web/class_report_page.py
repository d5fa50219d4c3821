"""The `{class-report}` directive: the class-report page of the book's Teachers part.

```{class-report} exercises/kremlin-drone/exercise.yml exercises/kremlin-agency/exercise.yml
```

A teacher drops the class's hand-in files on the page and gets the class picture in the browser, with
nothing sent anywhere. The directive writes a mount and, as JSON, every exercise named and every other
one a student's Tagger in the book uses (whole, packed as the Taggers' are), and every chapter whose
Tagger uses one of them, read from the book's pages with the same reader as `medialit report
--chapter` (core/chapters.py). The page loads one classic script,
`_static/medialit/class-report.js`, so it works opened from disk as well as served.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..core.chapters import chapters_of
from ..core.errors import InputError
from ..core.exercise_file import load_exercise
from .build_errors import build_error
from .page_data import pack_exercise

SCRIPT = "medialit/class-report.js"
STYLE = "medialit/class-report.css"
LOADING = "The class report is starting. It needs JavaScript."
NO_SCRIPT = (
    "The class report needs JavaScript, which is turned off in this browser. Turn it on, or use another browser."
)
NOT_STARTED = (
    "The class report could not start: a file it needs (_static/medialit/class-report.js) did not load, "
    "or this browser is too old for it. Use a copy of the whole book folder, or an up-to-date browser."
)


class class_report_node(nodes.General, nodes.Element):
    """The mount of the class report; `config` is the JSON the page's script reads."""


class ClassReportDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self):
        pages = [Path(self.env.doc2path(doc)) for doc in sorted(self.env.found_docs)]
        pages = [page for page in pages if page.suffix == ".md"]
        try:
            found = chapters_of(pages)
        except InputError as err:
            raise build_error(self, "class-report", err) from None
        for page in pages:
            self.env.note_dependency(str(page))
        # the exercises named here, then any other a student's Tagger in the book uses: an exercise an
        # instructor adds to the book can be reported on without editing this page
        named = [Path(self.env.relfn2path(name, self.env.docname)[1]) for name in self.arguments[0].split()]
        used = [t.exercise for chapter in found for t in chapter.taggers if t.mode == "student"]
        exercises, ids = [], {}
        for path in [*named, *used]:
            if path.resolve() in ids:
                continue
            self.env.note_dependency(str(path))
            try:
                exercise = load_exercise(path)
            except InputError as err:
                raise build_error(self, "class-report", err) from None
            for file in exercise.files:
                self.env.note_dependency(str(file))
            exercises.append(pack_exercise(exercise.compile()))
            ids[path.resolve()] = exercise.id
        chapters = [c.to_json(ids) for c in found]
        node = class_report_node()
        node["ids"] = ["medialit-class-report"]
        node["config"] = {"exercises": exercises, "chapters": [c for c in chapters if c["taggers"]]}
        self.set_source_info(node)
        return [node]


def visit_class_report_html(self, node: class_report_node) -> None:
    from .sphinxext import script_json

    fallback = (
        "addEventListener('load',function(){var m=document.getElementById('medialit-class-report');"
        "if(m&&!m.getAttribute('data-state')){var p=m.querySelector('.mcr-loading');if(p){"
        "p.className='mcr-failed';p.setAttribute('role','alert');p.textContent="
        f"{script_json(NOT_STARTED)}}}}}}})"
    )
    self.body.append(
        '<div class="medialit-class-report" id="medialit-class-report" data-medialit-class-report="" '
        f'data-config="medialit-class-report-config"><p class="mcr-loading">{LOADING}</p>'
        f'<noscript><p class="mcr-failed">{NO_SCRIPT}</p></noscript></div>\n'
        f'<script type="application/json" id="medialit-class-report-config">{script_json(node["config"])}</script>\n'
        f"<script>{fallback}</script>\n"
    )
    raise nodes.SkipNode


def skip_node(self, node) -> None:
    raise nodes.SkipNode


def add_page_files(app, pagename, templatename, context, doctree) -> None:
    """The class-report page loads its script (deferred, in the head) and its style sheet."""
    if doctree is not None and next(iter(doctree.findall(class_report_node)), None) is not None:
        app.add_js_file(SCRIPT, priority=100, loading_method="defer")
        app.add_css_file(STYLE)


def setup(app):
    app.add_node(
        class_report_node,
        html=(visit_class_report_html, None),
        **dict.fromkeys(("latex", "text", "man", "texinfo"), (skip_node, None)),
    )
    app.add_directive("class-report", ClassReportDirective)
    app.connect("html-page-context", add_page_files)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
