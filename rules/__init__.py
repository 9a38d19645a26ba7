"""govlint's built-in rule pack.

Installed as the ``govlint_rules`` package, named in ``govlint.plugin_host.BUILTIN_PLUGINS``
and registered through the same hook as a third-party rule pack. The rules are grouped in families, one
folder each (``structure/``, ``tables/``, ``template/``, ``fees/``, ``claims/``, ``dates/``,
``wording/`` and ``input/``), with the helpers only that family uses; helpers several
families share (``_common``, ``_arith``) stay here. ``registry.FAMILIES`` lists every rule;
each rule's docstring is its documentation (``govlint rule CODE``, ``docs/rules.md``).
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl


def all_rules() -> list:
    """An instance of every rule of the pack, sorted by code (see ``registry.FAMILIES``)."""
    from .registry import all_rules as listed

    return listed()


@hookimpl
def govlint_register_rules(register):
    for rule in all_rules():
        register(rule)
