"""The suggester's rule modules are layers: each rule class calls, through `self`, only what its own bases hold.

The rules were one class; split into a class per module, a rule still calls another through `self`, which runs
whatever class joins them last (`ArticleDraft`). Python would not notice a lower module calling a higher one's
method, and the layering that farm-studio draws from the imports would then be untrue. This test reads each class's
`self.<name>` uses and asks that the class itself (its bases, or what `Draft.__init__` and its own methods set)
provides every one.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap

import pytest

from medialit.authoring import suggest
from medialit.authoring.suggest.assembly import ArticleDraft
from medialit.authoring.suggest.draft import Draft


def _rule_classes() -> list[type]:
    """Every class of the package that is a Draft, the joining class included."""
    found = []
    for info in pkgutil.iter_modules(suggest.__path__):
        module = importlib.import_module(f"{suggest.__name__}.{info.name}")
        found += [c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__]
    return [c for c in found if issubclass(c, Draft)]


def self_names(source: str, *, assigned: bool) -> set[str]:
    """The names a class's source reads (`assigned=False`) or sets (`assigned=True`) on `self`."""
    names = set()
    for node in ast.walk(ast.parse(textwrap.dedent(source))):
        on_self = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
        if on_self and isinstance(node.ctx, ast.Store) == assigned:
            names.add(node.attr)
    return names


def provided(cls: type) -> set[str]:
    """What `self` has in a method of `cls`: the attributes of it and its bases, and what their methods set."""
    names = set(dir(cls))
    for base in cls.__mro__:
        if base is not object:
            names |= self_names(inspect.getsource(base), assigned=True)
    return names


RULES = [c for c in _rule_classes() if c is not ArticleDraft]


def test_the_package_is_read_whole():
    assert len(RULES) >= 15, [c.__name__ for c in RULES]
    assert {c.__name__ for c in RULES} >= {"Draft", "ClaimRules", "SpeakerRules", "CueRules", "LoadedRules"}


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.__name__)
def test_a_rule_class_uses_on_self_only_what_its_bases_provide(cls):
    missing = self_names(inspect.getsource(cls), assigned=False) - provided(cls)
    assert not missing, f"{cls.__module__}.{cls.__name__} uses self.{sorted(missing)} from a class it is not based on"


def test_a_call_to_a_higher_layer_is_found():
    """The check itself: a low class calling a rule that only a class above it defines is caught."""
    low = """
        class Low(Quotations):
            def rule(self):
                self.seen = self.regions
                return self.claims({})
        """
    from medialit.authoring.suggest.quotations import Quotations

    uses = self_names(low, assigned=False) - self_names(low, assigned=True)
    assert uses - provided(Quotations) == {"claims"}
    assert "claims" in provided(ArticleDraft)
