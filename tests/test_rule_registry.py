"""The rule pack's explicit registry lists every rule, each in the folder of its family."""

from __future__ import annotations

import importlib
import pkgutil

import govlint_rules
from govlint.rule import Rule
from govlint_rules.registry import FAMILIES, rule_classes


def _defined_rules() -> dict[str, type]:
    """Every Rule subclass defined in the pack's modules, found by scanning (the test's job only)."""
    found = {}
    for info in pkgutil.walk_packages(govlint_rules.__path__, "govlint_rules."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__:
                found[value.code] = value
    return found


def test_every_rule_module_is_listed_once():
    listed = rule_classes()
    assert sorted(cls.code for cls in listed) == sorted(_defined_rules())
    assert len({cls.code for cls in listed}) == len(listed)


def test_each_rule_lives_in_its_family_folder():
    for family, entries in FAMILIES.items():
        for entry in entries:
            module_name = entry.partition(":")[0]
            cls = next(c for c in rule_classes() if c.__module__.endswith(f".{module_name}"))
            assert cls.__module__ == f"govlint_rules.{family}.{module_name}"
            assert module_name.startswith(cls.code.lower() + "_"), (family, module_name, cls.code)


def test_hook_registers_the_listed_rules_in_code_order():
    registered = []
    govlint_rules.govlint_register_rules(registered.append)
    assert [r.code for r in registered] == sorted(cls.code for cls in rule_classes())
