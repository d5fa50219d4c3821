"""Dataclasses as JSON data: every field in declaration order, containers copied (so the JSON never
shares a list or dict with the object), nested results by their own `to_json`. One rule for every
`to_json` that writes its fields as they are."""

from __future__ import annotations

from dataclasses import fields


def plain(value):
    """A value as JSON data: a result by its `to_json`, tuples as lists, containers copied."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def fields_json(obj, *, leave_out: tuple[str, ...] = (), **given) -> dict:
    """The fields of dataclass `obj` as JSON data; `given` replaces a field's value, `leave_out` drops it."""
    return {
        f.name: given[f.name] if f.name in given else plain(getattr(obj, f.name))
        for f in fields(obj)
        if f.name not in leave_out
    }
