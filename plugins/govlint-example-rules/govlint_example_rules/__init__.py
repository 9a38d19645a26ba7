"""An example govlint rule pack: a province's extra requirements (codes ``PV1xx``–``PV3xx``).

This module is named in the ``govlint`` entry-point group and implements two hooks, the
ones govlint's built-in rule pack implements; it imports from ``govlint.api`` only. Options
are set by users under ``options:`` in ``.govlint.yaml``.
"""

from __future__ import annotations

from govlint.api import hookimpl

__version__ = "0.1.0"


@hookimpl
def govlint_register_rules(register):
    # Imported here so that ``govlint --version`` never pays for the rule modules.
    from govlint_example_rules.pv101_local_deadline import LocalDeadline
    from govlint_example_rules.pv201_required_item import RequiredItem
    from govlint_example_rules.pv301_preferred_wording import PreferredWording

    register(LocalDeadline())
    register(RequiredItem())
    register(PreferredWording())


@hookimpl
def govlint_config_options(register):
    # Declared through the hook (rather than Rule.options) to give users help text.
    register("pv-deadline", "01-20",
             "本省规定的年度报告发布期限（报告年度次年的 月-日，如 01-20），PV101 使用")
