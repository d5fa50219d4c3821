"""YAML read within limits, and the parser's errors in plain words with the fix.

ruamel's round-trip reader keeps the line of every value, which messages name, but it sets no limit of its
own on how deep lists nest, how much aliases repeat or how long a number is. Here its composer is held to
limits, each refused with the place and the fix, and what the parser says about a file it cannot read is
put in words a teacher can act on. It knows nothing of what an exercise holds (`exercise_schema` does), so
`load_exercise`, reading an exercise file, and `medialit new`, checking the key it writes, tell a YAML
mistake in the same words (`yaml_problem`).
"""

from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import CollectionNode, MappingNode
from ruamel.yaml.reader import ReaderError

from .contract import MAX_NUMBER_DIGITS

MAX_YAML_DEPTH = 20  # lists and mappings inside each other; an exercise needs 6
MAX_YAML_REPEATED = 5_000  # values that aliases (*name) repeat, all told: a few are handy, more is an attack
MAX_DIGITS = MAX_NUMBER_DIGITS  # digits in one number: an exercise's numbers reach JavaScript, as a hand-in's
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1}}}")
_GIVEN_TWICE = re.compile(r'found duplicate key "(.*?)" with value')  # ruamel's words for a name given twice
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as the end of a line


class _Limit(ComposerError):
    """A YAML file past one of the reader's limits, with the fix for it."""

    def __init__(self, problem: str, fix: str, mark):
        super().__init__(None, None, problem, mark)
        self.fix = fix


class _LimitedComposer(Composer):
    """ruamel's composer with limits, checked as each node is composed, before anything is built:
    lists and mappings nest at most MAX_YAML_DEPTH deep, an alias may not point into the node it is
    part of, all aliases together repeat at most MAX_YAML_REPEATED values (a "billion laughs" file
    stops here), and a number has at most MAX_DIGITS digits."""

    def compose_document(self):
        self._repeated, self._sizes = 0, {}
        return super().compose_document()

    def compose_node(self, parent, index):
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            self._alias_at = event.start_mark
        elif self.depth >= MAX_YAML_DEPTH:
            raise _Limit(
                f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep here",
                "an exercise file needs only a few levels: check the brackets and the indentation.",
                event.start_mark,
            )
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor):
        node = super().compose_scalar_node(anchor)
        if str(getattr(node.tag, "value", node.tag)) in _NUMBER_TAGS and _LONG_NUMBER.search(node.value):
            raise _Limit(
                f"a number has more than {MAX_DIGITS} digits",
                "write a smaller number, or put it in quotation marks if it is text.",
                node.start_mark,
            )
        return node

    def return_alias(self, node):
        if isinstance(node, CollectionNode) and node.end_mark is None:
            raise _Limit(
                "an alias (*name) points into the list or mapping it is part of",
                "write the value out instead of the alias.",
                self._alias_at,
            )
        size, depth = self._measure(node)
        self._repeated += size
        if self._repeated > MAX_YAML_REPEATED or self.depth + depth > MAX_YAML_DEPTH:
            raise _Limit(
                f"the aliases (*name) repeat more than {MAX_YAML_REPEATED:,} values, or nest too deep",
                "write the values out; use anchors (&name) and aliases only for a few small repeats.",
                self._alias_at,
            )
        return node

    def _measure(self, node) -> tuple[int, int]:
        """How many values a node holds, aliases counted each time, and how deep it goes (memoised)."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        size, depth = 1, 0
        if isinstance(node, CollectionNode):
            children = [v for pair in node.value for v in pair] if isinstance(node, MappingNode) else node.value
            for child in children:
                child_size, child_depth = self._measure(child)
                size, depth = size + child_size, max(depth, child_depth + 1)
        self._sizes[id(node)] = (size, depth)
        return size, depth


def limited_yaml() -> YAML:
    """ruamel's round-trip reader, held to the limits (`_LimitedComposer`)."""
    yaml = YAML(typ="rt")
    yaml.Composer = _LimitedComposer
    return yaml


# The YAML parser's words for the mistakes people make most, in plain words with the fix: (what the parser
# says, what it means, the fix).
_PLAIN_YAML = (
    (
        "expected <block end>",
        "this line is indented less than the line above it in the same entry",
        "indent it with as many spaces as the other lines of its entry (in a key item: `label:`, `quote:`, `why:`).",
    ),
    (
        "mapping values are not allowed here",
        "there is a colon here where none can be: this line is indented more than the line above it, "
        "or a text holds a colon and a space",
        "line it up with the lines above it; put a text that holds a colon in quotes (why: 'Note: a claim.').",
    ),
    (
        "could not find expected ':'",
        "a `name: value` line is missing its colon and space (on this line or the one above it)",
        "write a colon and a space after the name (quote: the words).",
    ),
    (
        "but found another document",
        "a second YAML document starts here (a `---` line), and an exercise file is one document",
        "remove the `---` line, or move what follows it into a file of its own.",
    ),
)


def yaml_problem(err: YAMLError, text: str) -> tuple[str, str, str]:
    """The place, the problem and the fix for a YAML file (`text`) that cannot be read."""
    if isinstance(err, ReaderError):  # a control character, which ruamel places by its offset alone
        breaks = list(_LINE_BREAK.finditer(text, 0, err.position))
        column = err.position - (breaks[-1].end() if breaks else 0) + 1
        return (
            f"line {len(breaks) + 1}, column {column}",
            f"there is an invisible control character (U+{err.character:04X}) here, which a YAML file may not hold.",
            "delete it, or retype the words around it: such characters come with text copied out of a PDF or a "
            "word processor.",
        )
    mark = getattr(err, "problem_mark", None)
    place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(err, "problem", None) or "the YAML cannot be read"
    fix = getattr(err, "fix", "check the indentation and quoting there; text with a colon needs quotes.")
    opened = getattr(err, "context_mark", None)
    if "'\\t'" in problem:  # ruamel: "found character '\t' that cannot start any token"
        problem = "there is a tab here, and YAML lines may not be indented with tabs"
        fix = "replace the tab with spaces."
    elif twice := _GIVEN_TWICE.match(problem):
        problem = f"`{twice[1]}` is given a second time here, and a name can be given only once in its entry"
        fix = f"keep one of the two `{twice[1]}:` lines and delete the other."
    elif "end of stream" in problem and "quoted" in (getattr(err, "context", None) or "") and opened:
        place = f"line {opened.line + 1}, column {opened.column + 1}"
        problem = "the quotation mark here opens a text that is never closed"
        fix = "close the text with the same mark (\" or ') at its end, or remove the mark."
    for said, plain, plain_fix in _PLAIN_YAML:
        if said in problem:
            problem, fix = plain, plain_fix
    return place, f"{problem}.", fix
