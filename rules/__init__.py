"""govlint's built-in rule pack.

Installed as the ``govlint_rules`` package and registered through the ``govlint`` entry-point
group, exactly as a third-party rule pack would be. One module per rule (or per tight
family); each rule's docstring is its documentation (``govlint rule CODE``).
"""

from __future__ import annotations

import importlib
import pkgutil

from govlint.hookspecs import hookimpl
from govlint.rule import Rule


def all_rules() -> list[Rule]:
    """An instance of every rule class defined in this package's modules, by code."""
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule \
                    and value.__module__ == module.__name__ and value.code:
                found[value.code] = value()
    return [found[code] for code in sorted(found)]


@hookimpl
def govlint_register_rules(register):
    for rule in all_rules():
        register(rule)
