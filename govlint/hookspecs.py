"""Hook specifications: everything a govlint plugin can do.

A plugin is a module (or object) with functions marked ``@hookimpl`` and named after the
stubs below, exposed through the ``govlint`` entry-point group::

    [project.entry-points.govlint]
    myrules = "my_package.plugin"

govlint's own loaders, reporters and rule pack are plugins of exactly this kind. Hooks that
register things receive a ``register`` callback (in the style of ``llm``), so a plugin
registers as many or as few items as it likes.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("govlint")
hookimpl = pluggy.HookimplMarker("govlint")


@hookspec
def govlint_register_rules(register):
    """Register rules.

    Call ``register(rule)`` once per rule, with an instance of ``govlint.api.Rule`` (or one
    made with ``@govlint.api.rule``). Codes are unique across all plugins: a duplicate is
    refused with a warning naming both plugins, and the run goes on without it.
    """


@hookspec
def govlint_register_loaders(register):
    """Register loaders that turn files into Documents.

    Call ``register(loader)`` with an instance of ``govlint.api.Loader``. A loader claims
    file suffixes (``loader.suffixes``) and may recognise content (``loader.sniff``);
    directories given to ``govlint check`` are walked for every claimed suffix.
    """


@hookspec
def govlint_register_reporters(register):
    """Register output formats.

    Call ``register(reporter)`` with an instance of ``govlint.api.Reporter``; its ``name``
    becomes a value of ``govlint check --format``.
    """


@hookspec
def govlint_config_options(register):
    """Contribute configuration options with their defaults and types.

    Call ``register(key, default, help, choices=None)``. The key becomes valid under
    ``options:`` in ``.govlint.yaml``; a value of another type than the default, or outside
    ``choices``, is a configuration error with its file position. Rules also declare their
    own options through ``Rule.options``.
    """


@hookspec
def govlint_add_commands(cli):
    """Add subcommands to the ``govlint`` command line.

    ``cli`` is the top-level ``click.Group``; use ``@cli.command()``. Called only when a
    subcommand that govlint does not know itself is invoked, so that ordinary runs pay
    nothing for it.
    """


@hookspec
def govlint_run_finished(findings):
    """Observe the finished run.

    ``findings`` is the final, sorted list after suppressions and the baseline. Use it for
    side effects such as statistics or notifications; to add findings that need several
    reports at once, write a rule with ``scope = "run"`` instead.
    """
