"""`Tagger`: the tagging widget in Jupyter (an anywidget). Its front end is built from src/js into static/tagger.js.

Tags sync to Python as the `tags` trait; Check runs the Python checker and shows its Report in
the widget. The same front end runs on static book pages through the `{tagger}` directive.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import anywidget
import traitlets

from ..authoring.keyfile import included_ids, key_yaml, write_key
from ..core.check import check
from ..core.contract import MODES
from ..core.errors import InputError
from ..core.exercise import Exercise, check_difficulty
from ..core.exercise_file import load_exercise, missing_attribute
from ..core.handin import HandIn, now_iso, parse_handin
from ..core.messages import Renderer, counted, included_message, needs_messages
from ..core.report import Report

STATIC = Path(__file__).parent / "static"
# each mode's front end: its module and style sheets. Author mode's Tagger carries the author
# tools, which a student's Tagger goes without.
FRONT_ENDS = {
    "student": ("tagger.js", ("tagger.css",)),
    "author": ("tagger-author.js", ("tagger.css", "tagger-author.css")),
}


class _Item(NamedTuple):
    """A tag the page sends, as `missing_attribute` reads a key item: its label and attributes."""

    label: str
    attrs: dict


class Tagger(anywidget.AnyWidget):
    """Tag an exercise's article. `Tagger("exercise.yml", labels=["claim"], difficulty="guided", lines=(1, 18))`."""

    _esm = STATIC / FRONT_ENDS["student"][0]
    _css = STATIC / FRONT_ENDS["student"][1][0]

    exercise = traitlets.Dict().tag(sync=True)
    tags = traitlets.List().tag(sync=True)
    difficulty = traitlets.Unicode("standard").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    mode = traitlets.Unicode("student").tag(sync=True)
    report = traitlets.Dict().tag(sync=True)
    student = traitlets.Unicode("").tag(sync=True)
    authoring = traitlets.Dict().tag(sync=True)  # author mode: where "Save" writes the exercise file

    def __init__(
        self,
        exercise_or_path: Exercise | str | Path,
        labels: list[str] | None = None,
        difficulty: str | None = None,
        mode: str = "student",
        lines: tuple[int, int] | None = None,
        **kwargs,
    ):
        source = exercise_or_path if isinstance(exercise_or_path, Exercise) else load_exercise(exercise_or_path)
        if mode not in MODES:
            raise InputError(
                str(source.path or source.id), "mode", f"unknown mode {mode!r}.", f"use one of: {', '.join(MODES)}."
            )
        check_difficulty(difficulty, source)
        self._source = source
        self._exercise = source.restricted(list(labels) if labels else None, lines)
        compiled = source.compile(labels=list(labels) if labels else None, difficulty=difficulty, lines=lines)
        authoring = {"saves": "file", "file": source.path.name} if mode == "author" and source.path else {}
        super().__init__(
            exercise=compiled,
            labels=list(labels or []),
            difficulty=compiled["difficulty"],
            mode=mode,
            authoring=authoring,
            **kwargs,
        )
        self._created = now_iso()
        self.on_msg(self._on_message)

    @traitlets.observe("mode")
    def _load_front_end(self, change) -> None:
        """Load the front end of the mode shown (the class's files are the student's)."""
        module, sheets = FRONT_ENDS.get(change["new"], FRONT_ENDS["student"])
        self._esm = (STATIC / module).read_text(encoding="utf-8")
        self._css = "\n".join((STATIC / sheet).read_text(encoding="utf-8") for sheet in sheets)

    def handin(self) -> HandIn:
        """The current tags as a hand-in; tags that do not fit the exercise are listed in `findings`."""
        data = {
            "format": "medialit.handin/1",
            "exercise": self._exercise.id,
            "article_sha256": self._exercise.article.sha256,
            "student": self.student,
            "created": self._created,
            "updated": now_iso(),
            "tags": list(self.tags),
        }
        return parse_handin(data, "the widget", self._source)

    def check(self) -> Report:
        """Check the tags against the key, show the Report in the widget and return it."""
        report = check(self.handin(), self._exercise, difficulty=self.difficulty)
        self.report = report.to_json()
        return report

    def key_yaml(self, tags: list[dict] | None = None) -> str:
        """The tags (by default the widget's) as key items for exercise.yml, as author mode downloads them."""
        return key_yaml(self._exercise, list(self.tags) if tags is None else tags)

    def save_key(self, tags: list[dict] | None = None, distractors: list[dict] | None = None) -> Path:
        """Write the tags (by default the widget's) as the key of the exercise file itself, and the
        distractors when given, keeping its comments and order: accepted items lose `draft`, rejected
        ones go. Items of labels or lines this Tagger does not show are kept as they are."""
        if self._source.path is None:
            raise InputError(
                self._source.id,
                "",
                "this exercise was not read from a file.",
                "open the Tagger with the path of exercise.yml to save into it.",
            )
        shown_key = set(map(id, self._exercise.key))
        hidden = [k.to_json() for k in self._source.key if id(k) not in shown_key]
        if distractors is not None:
            shown = {d.id for d in self._exercise.distractors}
            distractors = [*distractors, *(d.to_json() for d in self._source.distractors if d.id not in shown)]
        return write_key(
            self._source.path, self._source, [*(list(self.tags) if tags is None else tags), *hidden], distractors
        )

    def _needing(self, tags: list[dict]) -> tuple[str, list[str]]:
        """What a save or a download says of the key items it wrote without the kind, identity or technique
        validate asks for (`missing_attribute`, the rule author mode marks them by): a sentence, and a line for
        each item (messages.needs_messages, as the book page's download says it). The file is written all the
        same."""
        labels, article = self._exercise.labels, self._exercise.article
        needing = [
            {"label": t["label"], "quote": t["quote"], "line": article.line_of(t["start"]), "name": missing[0]}
            for t in tags
            if isinstance(t, dict) and t.get("label") in labels
            if (missing := missing_attribute(self._exercise, _Item(t["label"], t.get("attrs") or {})))
        ]
        said = list(map(Renderer(labels, "teacher").render, needs_messages(needing)))
        return (said[0], said[1:]) if said else ("", [])

    def _on_message(self, _widget, content, _buffers) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        try:
            if kind == "check":
                self.check()
            elif kind == "key-yaml":
                tags = content.get("tags") or []
                self.send({"type": "key-yaml", "text": self.key_yaml(tags), "count": len(tags)})
            elif kind == "exercise-yaml":  # an exercise not read from a file: the key and distractors to paste
                tags, traps = content.get("tags") or [], content.get("distractors") or []
                text = key_yaml(self._exercise, tags, traps)
                said, lines = self._needing(tags)
                self.send(
                    {
                        "type": "exercise-yaml",
                        "text": text,
                        "file": f"{self._exercise.id}-key.yml",
                        "count": len(tags),
                        "drafts": sum(1 for t in tags if t.get("draft")),
                        "said": said,
                        "lines": lines,
                    }
                )
            elif kind == "save-key":
                tags = content.get("tags") or []
                distractors = content.get("distractors")
                saved = self.save_key(tags, distractors)
                n = len(distractors) if isinstance(distractors, list) else None
                traps = "" if n is None else f" and {counted(n, 'distractor')}"
                included = included_ids(self._source)
                elsewhere = sum(1 for t in tags if t.get("id") in included)
                left = (
                    f" {Renderer(self._exercise.labels, 'teacher').render(included_message(elsewhere))}"
                    if elsewhere
                    else ""
                )
                said, lines = self._needing(tags)
                items = counted(len(tags), "key item")
                saved_words = f"Saved {items}{traps} into {saved}.{left}{f' {said}' if said else ''}"
                # good news, not a warning, with a list of what is left to choose: author mode shows it
                self.send({"type": "key-saved", "message": saved_words, "lines": lines})
        except InputError as err:
            self.send({"type": "status", "kind": "warning", "message": str(err)})
