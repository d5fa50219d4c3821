"""A text as exercise.yml writes it: plain where YAML reads it back as the same text, in double
quotes only where it must be (it would read as a number, a yes or no, a date or null; it opens with
a character YAML gives a meaning; it holds ": " or " #", a line break or a control; space at an end).

Files that a person edits next should read as a person writes them, `why: The council is named.`,
not `"why": "The council is named."`. The rule is data in contract.json (`yaml_text`), which
keyfile.js's yamlText reads too; tests/vectors/yaml-text.json holds the two languages to the same
text, and a property test reads every text back with YAML 1.1 (PyYAML) and 1.2 (ruamel)."""

from __future__ import annotations

import json
import re

from ruamel.yaml.emitter import RoundTripEmitter

from ..core.contract import YAML_TEXT

_QUOTE_IF = re.compile("|".join(YAML_TEXT["quote_if"]))
_QUOTE_IN_FLOW_IF = re.compile(YAML_TEXT["quote_in_flow_if"])
_ESCAPE = re.compile(YAML_TEXT["escape"])
_STR = "tag:yaml.org,2002:str"


def needs_quotes(text: str, flow: bool = False) -> bool:
    """Whether `text` must be quoted; `flow`: it stands inside `[ ]` or `{ }`, where `,?:[]{}` end a plain text."""
    return bool(_QUOTE_IF.search(text) or (flow and _QUOTE_IN_FLOW_IF.search(text)))


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: JSON's escapes, and \\uXXXX for what YAML may not hold raw."""
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def yaml_text(value, flow: bool = False) -> str:
    """`value` as text in exercise.yml: plain if YAML reads it back the same, else quoted."""
    text = str(value)
    return quoted(text) if needs_quotes(text, flow) else text


class TextRuleEmitter(RoundTripEmitter):
    """ruamel's round-trip emitter writing every text by this rule, so that `medialit new` and `write_key`
    write a text exactly as `yaml_text` does (not ruamel's single quotes, nor a text folded over lines)."""

    def choose_scalar_style(self):
        if self.event.style is None and str(self.event.ctag) == _STR:
            self._ours = True
            return '"' if needs_quotes(self.event.value, flow=bool(self.flow_level)) else ""
        self._ours = False
        return super().choose_scalar_style()

    def write_double_quoted(self, text, split=True):
        if getattr(self, "_ours", False):
            self.write_indicator(quoted(text), True)
        else:
            super().write_double_quoted(text, split)
