"""Written answers on book pages: a text box for each question, kept in the browser with the tags.

A question ends with the `{answer}` role and a stable id (the chapter's number first, so that the
ids sort in book order):

    1. In one sentence: what do you think happened? {answer}`02-what-happened`

The box is saved in this browser for the page's exercise (the exercise of the page's first Tagger,
or the one a `{answers}` block names on a page without a Tagger), and goes into the hand-in with
the tags: `answers` in `medialit.handin/1`. `{recall}`02-what-happened`` shows, on a later page, what
the student wrote there. A form field written in raw HTML joins in with `data-medialit-answer="id"`.
The page's script (book-page.js, src/js/hosts/answers.js) does the saving. Each page with answers lists
every question id the book has for its exercise, so an answer saved under an id no page has any more (a
question renamed in a new edition) is shown, with its words, above the questions of the exercise's pages;
the page keeps that list in the browser too, so that another book of the same exercise leaves this book's
answers in the save (src/js/hosts/books_asked.js).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..core.contract import MAX_ANSWER_CHARS
from ..core.errors import InputError
from ..core.exercise import is_id
from ..core.exercise_file import load_exercise
from .build_errors import build_error

logger = logging.getLogger(__name__)
CONFIG_ID = "medialit-answers"
RAW_FIELD = re.compile(r'data-medialit-answer="([^"]*)"')
NOT_SAVED = "Your answers are not saved: JavaScript is turned off in this browser. Write them on paper."


class answer_node(nodes.Inline, nodes.Element):
    """A text box for the question it ends; `answer_id`, and `question` (its paragraph's text)."""

    def astext(self) -> str:
        return ""


class recall_node(nodes.Inline, nodes.Element):
    """What the student wrote for an earlier question (`answer_id`)."""

    def astext(self) -> str:
        return ""


class answers_node(nodes.General, nodes.Element):
    """Where a page's answers go, and a Download hand-in button: `exercise`, `sha256`, `title`; on a page with a
    Tagger, after its last question, with `tagger`, the id of the Tagger whose Download the button is."""


def _role(node_class):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        answer_id = text.strip()
        if not is_id(answer_id):
            msg = inliner.reporter.error(
                f"{name}: {answer_id!r} is not an answer id. Use lowercase letters, digits "
                "and dashes, the chapter's number first (02-what-happened).",
                line=lineno,
            )
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        node = node_class()
        node["answer_id"] = answer_id
        return [node], []

    return role


class AnswersDirective(SphinxDirective):
    """```{answers} exercises/kremlin-drone/exercise.yml``` on a page without a Tagger: the page's answers
    go into that exercise's hand-in, and the page says so."""

    required_arguments = 1
    has_content = False

    def run(self):
        rel, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        try:
            exercise = load_exercise(Path(absolute))
        except InputError as err:
            raise build_error(self, "answers", err) from None
        node = answers_node()
        node["exercise"], node["sha256"], node["title"] = exercise.id, exercise.article.sha256, exercise.title
        self.set_source_info(node)
        return [node]


def _page_exercise(doctree) -> dict | None:
    from .sphinxext import tagger_node

    for node in doctree.findall(answers_node):
        return {"exercise": node["exercise"], "sha256": node["sha256"]}
    for node in doctree.findall(tagger_node):
        if node["config"]["mode"] == "student":
            exercise = node["config"]["exercise"]
            return {"exercise": exercise["id"], "sha256": exercise["article"]["sha256"]}
    return None


def _note_after_last_question(doctree, last: answer_node) -> None:
    """On a page with a Tagger, the note and a Download hand-in button after the last question: the Tagger's
    own button is above the questions, so a student who downloaded and then wrote handed in no answers."""
    from .sphinxext import tagger_node

    tagger = next(n for n in doctree.findall(tagger_node) if n["config"]["mode"] == "student")
    exercise = tagger["config"]["exercise"]
    note = answers_node()
    note["exercise"], note["sha256"], note["title"] = exercise["id"], exercise["article"]["sha256"], exercise["title"]
    note["tagger"] = tagger["ids"][0]
    block = last
    while not isinstance(block.parent, (nodes.section, nodes.document)):
        block = block.parent
    block.parent.insert(block.parent.index(block) + 1, note)


def collect_answers(app, doctree) -> None:
    """Each answer box gets its question; the page gets the exercise its answers go with."""
    env, docname = app.env, app.env.docname
    answers = list(doctree.findall(answer_node))
    raw_ids = [m for raw in doctree.findall(nodes.raw) for m in RAW_FIELD.findall(raw.astext())]
    recalls = list(doctree.findall(recall_node))
    if not (answers or raw_ids or recalls):
        return
    page = _page_exercise(doctree)
    if page is None:
        logger.warning(
            "answer: this page has written answers but no Tagger, so it is not known which hand-in they "
            "go into. Add ```{answers} exercises/<id>/exercise.yml``` to the page.",
            location=docname,
        )
        return
    if answers and not any(doctree.findall(answers_node)):
        _note_after_last_question(doctree, answers[-1])
    known = env.medialit_answers if hasattr(env, "medialit_answers") else {}
    for node in answers:
        paragraph = node.parent
        node["question"] = " ".join(paragraph.astext().split()) if paragraph is not None else ""
    for answer_id, question in [(n["answer_id"], n["question"]) for n in answers] + [(i, "") for i in raw_ids]:
        if answer_id in known and known[answer_id]["docname"] != docname:
            logger.warning(
                f"answer: the id {answer_id} is used on {known[answer_id]['docname']} too; give each "
                "question its own id.",
                location=docname,
            )
        known[answer_id] = {"docname": docname, "question": question, "exercise": page["exercise"]}
    env.medialit_answers = known
    pages = getattr(env, "medialit_answer_pages", {})
    pages[docname] = page
    env.medialit_answer_pages = pages


def visit_answer_html(self, node: answer_node) -> None:
    answer_id = html.escape(node["answer_id"])
    question = html.escape(node.get("question", ""), quote=True)
    self.body.append(
        f'<span class="medialit-answer"><textarea class="medialit-answer-box" id="answer-{answer_id}" '
        f'data-medialit-answer="{answer_id}" data-question="{question}" aria-label="Your answer: {question}" '
        f'rows="3" maxlength="{MAX_ANSWER_CHARS}" spellcheck="true"></textarea>'
        f'<span class="medialit-answer-status" data-for="{answer_id}"></span></span>'
    )
    raise nodes.SkipNode


def visit_recall_html(self, node: recall_node) -> None:
    answer_id = node["answer_id"]
    source = getattr(self.builder.env, "medialit_answers", {}).get(answer_id)
    where = ""
    if source is not None:
        title = self.builder.env.titles.get(source["docname"])
        uri = self.builder.get_relative_uri(self.builder.current_docname, source["docname"])
        name = html.escape(title.astext() if title is not None else source["docname"])
        where = f' data-where="{name}" data-href="{html.escape(uri)}#answer-{html.escape(answer_id)}"'
    self.body.append(
        f'<span class="medialit-recall" data-medialit-recall="{html.escape(answer_id)}"{where}>'
        '<span class="medialit-recall-text">(Your earlier answer shows here when JavaScript is on.)</span>'
        "</span>"
    )
    raise nodes.SkipNode


def visit_answers_html(self, node: answers_node) -> None:
    tagger = html.escape(node.get("tagger", ""))  # on a Tagger's page, the button is that Tagger's Download
    self.body.append(
        '<div class="medialit-answers-note"><p>Your answers on this page are saved in this browser, with your tags '
        f"for “{html.escape(node['title'])}”. They reach your teacher only in your hand-in file: when you have "
        "written them, press <strong>Download hand-in</strong> here (or under any Tagger of the article).</p>"
        f'<p class="medialit-answers-download" hidden><button type="button" data-medialit-download="{tagger}">'
        "Download hand-in</button></p></div>\n"
    )
    raise nodes.SkipNode


def skip_node(self, node) -> None:
    raise nodes.SkipNode


def answers_config(app, pagename, templatename, context, doctree) -> None:
    """A page with written answers says which exercise they go with, and every question id the book has for
    that exercise (all pages are read by now): an answer saved under another id (a question renamed in a new
    edition of the book) has no box on any page, and the page tells the student of its words."""
    env = app.env
    page = getattr(env, "medialit_answer_pages", {}).get(pagename)
    if page is None or doctree is None:
        return
    from .sphinxext import PAGE_SCRIPT, script_json

    known = getattr(env, "medialit_answers", {})
    questions = sorted(answer_id for answer_id, at in known.items() if at["exercise"] == page["exercise"])
    config = script_json({**page, "questions": questions})
    app.add_js_file(PAGE_SCRIPT, priority=100, loading_method="defer")
    context["body"] = (
        context.get("body", "") + f'<script type="application/json" id="{CONFIG_ID}">'
        f'{config}</script>\n<noscript><p class="medialit-tagger-failed">{NOT_SAVED}'
        "</p></noscript>\n"
    )


def purge(app, env, docname) -> None:
    getattr(env, "medialit_answer_pages", {}).pop(docname, None)
    answers = getattr(env, "medialit_answers", {})
    for answer_id in [k for k, v in answers.items() if v["docname"] == docname]:
        del answers[answer_id]


def merge(app, env, docnames, other) -> None:
    env.medialit_answers = {**getattr(env, "medialit_answers", {}), **getattr(other, "medialit_answers", {})}
    env.medialit_answer_pages = {
        **getattr(env, "medialit_answer_pages", {}),
        **getattr(other, "medialit_answer_pages", {}),
    }


def setup(app):
    others = dict.fromkeys(("latex", "text", "man", "texinfo"), (skip_node, None))
    app.add_node(answer_node, html=(visit_answer_html, None), **others)
    app.add_node(recall_node, html=(visit_recall_html, None), **others)
    app.add_node(answers_node, html=(visit_answers_html, None), **others)
    app.add_role("answer", _role(answer_node))
    app.add_role("recall", _role(recall_node))
    app.add_directive("answers", AnswersDirective)
    app.connect("doctree-read", collect_answers)
    app.connect("html-page-context", answers_config)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
