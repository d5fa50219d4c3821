"""An exercise file held to its published schema, with every error in plain words and its line.

data/schemas/exercise-file.schema.json is the one statement of an exercise file's shape, for editors and for
this reader. jsonschema's own messages name JSON paths and Python types; here each becomes one problem with
its line, its place in words ("key item ld-disaster, `why`") and the fix, before any quote is looked up. It
is apart from reading the YAML (`yaml_limits`), which it takes as read, and from resolving quotes
(`quote_resolver`): it knows the shape of a file, and nothing of its article.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Set as AbstractSet
from datetime import date
from functools import cache
from importlib.resources import files

from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.scalarbool import ScalarBoolean

from .errors import InputError, Problems
from .handin import shown

SCHEMA = json.loads((files("medialit.data") / "schemas" / "exercise-file.schema.json").read_text(encoding="utf-8"))


def _is_bool(_checker, value) -> bool:
    return isinstance(value, (bool, ScalarBoolean))


def _is_integer(_checker, value) -> bool:
    return isinstance(value, int) and not _is_bool(_checker, value)


def _is_number(checker, value) -> bool:
    return _is_integer(checker, value) or (isinstance(value, float) and math.isfinite(value))


def _whole_text_pattern(validator, pattern, instance, schema):
    """JSON Schema patterns are ECMA-262: `$` is the end of the text. Python's `$` also matches before a
    final line break, so `id: "x\\n"` would pass; `\\Z` is the end of the text in Python."""
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not re.search(re.sub(r"(?<!\\)\$", r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def schema_validators():
    """(the validator of an exercise file, of an include file), made when first needed: jsonschema
    takes a while to import, and a program that reads no exercise file need not wait for it."""
    from jsonschema import Draft202012Validator, validators

    validator = validators.extend(
        Draft202012Validator,
        validators={"pattern": _whole_text_pattern},
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
            {"boolean": _is_bool, "integer": _is_integer, "number": _is_number}
        ),
    )
    return validator(SCHEMA), validator({**SCHEMA["$defs"]["includeFile"], "$defs": SCHEMA["$defs"]})


_EXPECTED = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (`[a, b]`, or lines that start with `- `)",
    "object": "a mapping (`name: value` lines)",
}
_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}


# Each kind of YAML value in words, for messages; the first row whose type matches speaks.
_VALUE_WORDS = (
    (int, lambda v: f"the number {v}"),
    (float, lambda v: f"the number {v}" if math.isfinite(v) else "not a number" if math.isnan(v) else "infinite"),
    (str, lambda v: f"the text {shown(v)}"),
    (date, lambda v: "a date"),
    (bytes, lambda v: "binary data"),
    (TaggedScalar, lambda v: f"a value tagged {shown(str(v.tag))}"),
    (dict, lambda v: "a mapping"),
    (list, lambda v: "a list"),
    (AbstractSet, lambda v: "a set"),
)


def _describe(value) -> str:
    """A YAML value in words, for messages."""
    if value is None:
        return "empty"
    if _is_bool(None, value):
        return "true" if value else "false"
    words = next((say for kind, say in _VALUE_WORDS if isinstance(value, kind)), None)
    return words(value) if words else f"a {type(value).__name__}"


def where_in(data, path) -> tuple[int, str, str]:
    """The line of the value at `path`, the place in words ("key item ld-disaster, `why`") and the
    words for the value itself ("`why`", or "key item 2" for an entry of a list)."""
    node, line, context, fields = data, getattr(getattr(data, "lc", None), "line", -1) + 1, "", []
    lists = {"key": "key item", "distractors": "distractor", "untagged": "untagged note"}
    for step in path:
        try:
            line = (node.lc.key(step) if isinstance(node, dict) else node.lc.item(step))[0] + 1
        except (AttributeError, KeyError, IndexError, TypeError):
            pass
        if isinstance(node, list) and fields in (["key"], ["distractors"], ["untagged"]):
            item = node[step] if step < len(node) else None
            name = item.get("id") if isinstance(item, dict) else None
            context, fields = f"{lists[fields[0]]} {name if isinstance(name, str) else step + 1}", []
        elif isinstance(node, list):
            fields[-1] = f"{fields[-1]}[{step}]"
        else:
            fields.append(str(step))
        node = node[step] if isinstance(node, (dict, list)) else None
    dotted = f"`{'.'.join(fields)}`" if fields else ""
    place = ", ".join(part for part in (context, dotted) if part)
    subject = f"`{fields[-1]}`" if fields else context or "the file"
    return line, place, subject


ENTRY_LISTS = ("key", "distractors", "untagged")  # lists whose entries are checked one by one


def check_schema(data: dict, file: str, validator, problems: Problems) -> None:
    """Every value that does not fit the published schema, one problem per place, in the order of their lines.
    When all of them are inside entries of `key`, `distractors` or `untagged`, they are kept in `problems`
    and those entries left out of `data`, so that the rest of the file is still checked in the same run;
    any other (the file's own fields, its task) is raised at once, with the others."""
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    located = sorted(
        ((where_in(data, error.absolute_path), error) for error in errors),
        key=lambda found: (found[0][0], -len(found[1].absolute_path)),
    )
    found: dict[tuple, InputError] = {}
    wrong_entries, whole_file = set(), False
    for (line, place, subject), error in located:
        problem, fix, line = _explain(error, data, line, subject, validator.schema)
        where = f"line {line}" + (f" ({place})" if place else "")
        found.setdefault((where, problem), InputError(file, where, problem, fix, "schema"))
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] in ENTRY_LISTS and isinstance(path[1], int):
            wrong_entries.add((path[0], path[1]))
        else:
            whole_file = True
    problems.found.extend(found.values())
    if whole_file:
        problems.raise_any()
    for name in ENTRY_LISTS:
        entries = data.get(name)
        if isinstance(entries, list):
            data[name] = [entry for n, entry in enumerate(entries) if (name, n) not in wrong_entries]


def _resolve(schema):
    """A subschema, with a `$ref` into this schema followed."""
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    return SCHEMA["$defs"][ref.rsplit("/", 1)[-1]] if ref.startswith("#/$defs/") else schema


def _nearest(error, keyword: str, root: dict):
    """The value of `keyword` in the innermost schema on the error's way that has one (`examples`, say);
    the way leaves out the `$ref`s it went through, so each is followed here."""
    node, found = root, None
    for step in [*error.absolute_schema_path, None]:
        for schema in (node, _resolve(node)):
            if isinstance(schema, dict) and keyword in schema and schema is not root:
                found = schema[keyword]
        if step is None:
            break
        if isinstance(node, dict) and step not in node:
            node = _resolve(node)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return found


def _example(error, root: dict) -> str:
    examples = _nearest(error, "examples", root)
    return f"write it like `{examples[0]}`." if examples else "see the formats page for how to write it."


def _as_written(value) -> str | None:
    """A whole number, true or false, or a date as the file wrote it (YAML read it as that, not as text),
    to show it in quotation marks; None for anything whose writing cannot be told (1e3 and 1000.0 alike)."""
    if isinstance(value, (bool, ScalarBoolean)):
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return None


def _wrong_type(error, value, name: str, subject: str, fix: str) -> tuple[str, str]:
    """(problem, fix) for a value of the wrong type, with how to write it as the type it must be."""
    wanted = [
        t
        for t in ([error.validator_value] if isinstance(error.validator_value, str) else error.validator_value)
        if t != "null"
    ]
    expected = " or ".join(_EXPECTED.get(t, t) for t in wanted)
    if wanted == ["boolean"] and isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
        fix = f"write `{name}: true` or `{name}: false` (in YAML 1.2 `{value}` is text, not true or false)."
    elif "string" in wanted and _as_written(value) is not None and re.fullmatch(r"[a-z_]+", name):
        fix = f'put it in quotation marks, so that it is text: `{name}: "{_as_written(value)}"`.'
    elif "string" in wanted and not isinstance(value, (dict, list)):
        fix += " Put text in quotation marks if it looks like something else."
    return f"{subject} is {_describe(value)}, but it must be {expected}.", fix


def _explain(error, data, line: int, subject: str, root: dict) -> tuple[str, str, int]:
    """(problem, fix, line) in plain words for one schema error."""
    value, rule = error.instance, error.validator
    name = subject.strip("`").rsplit("[", 1)[0]
    fix = _example(error, root)
    if "propertyNames" in error.absolute_schema_path:
        return (
            f"{_describe(value)} cannot be a name here.",
            "names are lowercase letters, digits and dashes that start with a letter, e.g. `claim`.",
            line,
        )
    if rule == "type":
        return (*_wrong_type(error, value, name, subject, fix), line)
    if rule == "required":
        missing = next(k for k in error.validator_value if k not in value)
        example = _resolve(_resolve(error.schema).get("properties", {}).get(missing, {}))
        examples = example.get("examples") or _resolve(error.schema).get("properties", {}).get(missing, {}).get(
            "examples"
        )
        return (f"`{missing}` is missing.", f"add it, like `{examples[0]}`." if examples else fix, line)
    if rule == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = next(k for k in value if k not in allowed)
        at = where_in(data, [*error.absolute_path, extra])[0]
        return f"there is no field {shown(extra)} here.", f"use only: {', '.join(allowed)}.", at
    if rule == "enum":
        options = ", ".join(str(v) for v in error.validator_value if v is not None)
        return f"{subject} is {_describe(value)}, which is not one of: {options}.", f"use one of: {options}.", line
    if rule == "pattern":
        return (
            f"{_describe(value)} is not a valid id.",
            "use lowercase letters, digits and dashes (at most 120), starting with a letter or digit, "
            "e.g. `council-vote`; put nothing after it, not even a line break.",
            line,
        )
    if rule in ("minimum", "exclusiveMinimum", "maximum"):
        bounds = {"minimum": "at least", "exclusiveMinimum": "more than", "maximum": "at most"}
        return f"{subject} is {value}, but it must be {bounds[rule]} {error.validator_value}.", fix, line
    if rule == "maxItems":
        return f"{subject} has {len(value)} entries; at most {error.validator_value} are allowed.", fix, line
    if rule in ("minLength", "minItems"):
        return f"{subject} is empty.", fix, line
    if rule == "anyOf":
        what = _nearest(error, "description", root) or "what can be written here"
        return f"{subject} is {_describe(value)}, but it must be {what}.", fix, line
    return f"{subject}: {error.message}.", fix, line
