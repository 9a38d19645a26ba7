"""Hook specifications: everything a govlint plugin can do.

A plugin is a module (or object) with functions marked ``@hookimpl`` and named after the
stubs below, exposed through the ``govlint`` entry-point group (or named as a file under
``plugins:`` in ``.govlint.yaml``)::

    [project.entry-points.govlint]
    myrules = "my_package.plugin"

govlint's own loaders, reporters and rule pack are plugins of exactly this kind, named in
``govlint.plugin_host.BUILTIN_PLUGINS``. Hooks that register things receive a ``register``
callback (in the style of ``llm``), so a plugin registers as many or as few items as it
likes. Each stub's annotations and docstring are the hook's documentation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

import pluggy

if TYPE_CHECKING:  # the annotations only; importing these here would load them for every plugin
    import click

    from govlint.findings import Finding
    from govlint.loaders.base import Loader
    from govlint.reporters.base import Reporter
    from govlint.rule import Rule

hookspec = pluggy.HookspecMarker("govlint")
hookimpl = pluggy.HookimplMarker("govlint")


class RegisterOption(Protocol):
    """The ``register`` callback of ``govlint_config_options``."""

    def __call__(self, key: str, default: Any, help: str = "", choices: Iterable[Any] | None = None) -> None:
        ...


@hookspec
def govlint_register_rules(register: Callable[[Rule | type[Rule]], None]) -> None:
    """Register rules.

    Call ``register(rule)`` once per rule, with an instance of ``govlint.api.Rule`` (or one
    made with ``@govlint.api.rule``; a ``Rule`` subclass is instantiated). Codes are unique across all plugins: a duplicate is
    refused with a warning naming both plugins, and the run goes on without it.

    A corpus rule (between reports) is registered here too: ``scope = "run"`` and
    ``check_run(facts, ctx)``, which consumes the facts of every report of the run through
    a ``govlint.api.Facts`` provider (docs/plugins.md, "Rules between reports").
    """


@hookspec
def govlint_register_loaders(register: Callable[[Loader], None]) -> None:
    """Register loaders that turn files into Documents.

    Call ``register(loader)`` with an instance of ``govlint.api.Loader``. A loader claims
    file suffixes (``loader.suffixes``) and may recognise content (``loader.sniff``);
    directories given to ``govlint check`` are walked for every claimed suffix. Register a
    ``govlint.api.LazyLoader`` to import a costly loader only when a file needs it.
    """


@hookspec
def govlint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register output formats.

    Call ``register(reporter)`` with an instance of ``govlint.api.Reporter``; its ``name``
    becomes a value of ``govlint check --format``.
    """


@hookspec
def govlint_register_executors(register: Callable[[Any], None]) -> None:
    """Register executors: what runs the per-file stage over a run's files.

    Call ``register(executor)`` with an instance of ``govlint.api.Executor``; its ``name``
    becomes a value of ``govlint check --executor`` (``local`` is govlint's own worker
    processes). ``executor.check(paths, checker, options)`` yields each path's ``FileResult``
    in the order of ``paths``; ``options.jobs`` and ``options.scheduler`` come from
    ``--jobs`` and ``--scheduler``. ``plugins/govlint-dask`` is a complete example.
    """


@hookspec
def govlint_config_options(register: RegisterOption) -> None:
    """Contribute configuration options with their defaults and types.

    Call ``register(key, default, help, choices=None)``. The key becomes valid under
    ``options:`` in ``.govlint.yaml``; a value of another type than the default, or outside
    ``choices``, is a configuration error with its file position. Rules also declare their
    own options through ``Rule.options``.
    """


@hookspec
def govlint_add_commands(cli: click.Group) -> None:
    """Add subcommands to the ``govlint`` command line.

    ``cli`` is the top-level ``click.Group``; use ``@cli.command()``. Called only when a
    subcommand that govlint does not know itself is invoked, so that ordinary runs pay
    nothing for it.
    """


@hookspec
def govlint_run_finished(findings: list[Finding]) -> None:
    """Observe the finished run.

    ``findings`` is the final, sorted list after suppressions and the baseline. Use it for
    side effects such as statistics or notifications; to add findings that need several
    reports at once, write a rule with ``scope = "run"`` instead.
    """
