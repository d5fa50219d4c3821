"""A quick reader for the YAML of an exercise file: libyaml (PyYAML's C parser) in place of ruamel.

ruamel's round-trip reader keeps the line of every value, which the messages about a wrong file
need, but it is written in Python and takes most of a second over a big key. A file that is right
needs only the line each mapping starts on (where `medialit validate` sends the author to fix a key
item), so `exercise_file.load_exercise` reads it here first and, on any problem at all, reads it
again with ruamel for the message.

This reader gives exactly what ruamel gives (as plain dicts, lists, text, numbers, true/false and
None; each mapping a `Mapping` that knows the line it starts on, as ruamel's do), or it gives up
(`NotPlain`) and ruamel reads the file. It gives up on every YAML error and on whatever it does not
read as ruamel reads YAML 1.2: a tag, an anchor or alias, a merge key, a date, a number written any
way but the plainest, a directive or document marker, a tab, a key given twice or that is not text,
nesting as deep as ruamel's limit. tests/test_fast_yaml.py holds the two readers to the same result,
lines included.
"""

from __future__ import annotations

import re

try:
    from yaml import _yaml
except ImportError:  # PyYAML without libyaml, or no PyYAML at all: ruamel reads every file
    _yaml = None

# libyaml stops at 1,000 levels of nesting from 0.2.6 on; PyYAML builds the levels by recursion in C,
# so an older libyaml could overflow the stack on a crafted file, and is not used.
AVAILABLE = _yaml is not None and _yaml.get_version() >= (0, 2, 6)

# What ruamel reads as something other than text in a plain (unquoted) scalar, YAML 1.2: the
# implicit resolvers in ruamel/yaml/resolver.py (bool, float, int, merge, null, timestamp, value).
_NOT_TEXT = re.compile(
    r"""true|True|TRUE|false|False|FALSE
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |~|null|Null|NULL|
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    |=""",
    re.X,
)
# The plain scalars read here; ruamel's other forms (0x1F, 1_000, 010, 1e3, .5, +1, dates ...) are left to it.
_CONSTANTS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_CONSTANTS.update(dict.fromkeys(("", "~", "null", "Null", "NULL")))
_WHOLE = re.compile(r"0|[1-9][0-9]{0,14}")  # at most 15 digits: a longer number is refused by the full reader
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}")
# What libyaml and ruamel read apart, or what only ruamel checks, so that a text holding it is left to ruamel
# (found by tests/test_fast_yaml.py; each pattern may also catch harmless text, which ruamel then reads):
_LEFT_TO_RUAMEL = re.compile(
    "|".join(
        [
            r"(?:^|(?<=\r))(?:%|---|\.\.\.)",  # a directive (%YAML 1.1 reads values otherwise), a document marker
            r"[\t\x85\u2028\u2029\ufeff]",  # tabs (ruamel refuses more), YAML 1.1's line breaks, byte order marks
            r"(?:^|(?<=[ \r\n\[\]{},]))(?:[&*]\S|!)",  # an anchor, an alias, a tag (ruamel checks what aliases repeat)
            r"(?:^|(?<=[ \r\n\[\]{},]))[|>](?![1-9]?[-+]?(?:[ \r\n]|$)|[-+][1-9](?:[ \r\n]|$))",  # odd block header
        ]
    ),
    re.M,
)
_IMPLICIT = "?"  # the tag every node gets unless the file names one


class Mapping(dict):
    """A mapping with the line it starts on (1-based; ruamel's `lc.line + 1`): where a key item is
    written, for the messages of `medialit validate`."""

    line = 0


class NotPlain(Exception):
    """The text is not read here: the full reader must read it (and say what is wrong, if anything is)."""


if AVAILABLE:

    class _Parser(_yaml.CParser):
        """libyaml's parser and composer, with no tags resolved: every node without a tag of its own
        gets `_IMPLICIT`, and its value is read here."""

        def resolve(self, kind, value, implicit):
            return _IMPLICIT

        def descend_resolver(self, parent, index):
            pass

        def ascend_resolver(self):
            pass


def load(text: str, max_depth: int):
    """The YAML document in `text` as plain Python values, as ruamel reads it; `NotPlain` when it
    cannot say so for sure (see the module's docstring). `max_depth`: the full reader's limit."""
    if not AVAILABLE or _LEFT_TO_RUAMEL.search(text):
        raise NotPlain
    try:
        node = _Parser(text).get_single_node()
    except Exception:  # any YAML error (and anything else): the full reader says what it is
        raise NotPlain from None
    return None if node is None else _Builder(max_depth).value(node, 0)


class _Builder:
    """Plain values from libyaml's nodes, each node read once (a node met again is an alias)."""

    def __init__(self, max_depth: int):
        self.max_depth = max_depth
        self.seen: set[int] = set()

    def value(self, node, depth: int):
        if node.tag != _IMPLICIT or depth >= self.max_depth or id(node) in self.seen:
            raise NotPlain
        self.seen.add(id(node))
        kind = node.id
        if kind == "scalar":
            return _scalar(node.value) if not node.style else node.value
        if kind == "sequence":
            return [self.value(child, depth + 1) for child in node.value]
        mapping = Mapping()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = self.value(key_node, depth + 1)
            if type(key) is not str or key in mapping:
                raise NotPlain
            mapping[key] = self.value(value_node, depth + 1)
        return mapping


def _scalar(text: str):
    """A plain scalar: None, true or false, a whole or decimal number written plainly, or text."""
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if _NOT_TEXT.fullmatch(text) is None:
        return text
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    raise NotPlain
