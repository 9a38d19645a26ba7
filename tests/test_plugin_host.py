"""The plugin host's three phases, each on its own: find, load each, collect.

The end-to-end behaviour (real distributions, ``govlint check`` in a subprocess) is in
test_plugins_loading.py and test_plugins_local.py.
"""

from __future__ import annotations

import inspect
import types

import pytest

from govlint import entry_points, hookspecs, plugin_host
from govlint.api import Loader, Reporter, Rule, hookimpl
from govlint.plugin_host import (BUILTIN_PLUGINS, HOOKS, Candidate, PluginError, Registry, collect,
                                 find_plugins, load_each, load_plugins, new_manager)


def fake_entry_point(dist: str, name: str) -> entry_points.EntryPoint:
    return entry_points.EntryPoint(name, f"{dist}_mod", f"{dist}_mod", "", dist, "1.0")


class Probe(Rule):
    """A rule for these tests."""

    code = "HST101"
    name = "probe"
    summary = "测试规则"
    options = {"hst-level": 1}


class ProbeLoader(Loader):
    name = "probe"
    suffixes = (".probe",)


class ProbeReporter(Reporter):
    name = "probe"


def plugin(**hooks) -> types.SimpleNamespace:
    """A plugin object with the given hook implementations."""
    return types.SimpleNamespace(**{name: hookimpl(function) for name, function in hooks.items()})


def loaded(*plugins: tuple[str, object]) -> Registry:
    """A registry after the load phase, with the given (name, plugin) pairs."""
    registry = Registry(manager=new_manager())
    load_each([Candidate(name, "1.0", name, lambda obj=obj: obj) for name, obj in plugins], registry)
    return registry


# -- find ---------------------------------------------------------------------------------
def test_find_lists_builtins_then_installed_by_distribution_then_files(monkeypatch, tmp_path):
    installed = [fake_entry_point("zeta", "z"), fake_entry_point("govlint", "rules"),
                 fake_entry_point("alpha", "b"), fake_entry_point("alpha", "a")]
    monkeypatch.setattr(entry_points, "installed", lambda group: installed)
    local = tmp_path / "never_imported.py"
    local.write_text("raise RuntimeError('finding must not import')\n", encoding="utf-8")

    names = [c.name for c in find_plugins([local])]

    builtins = [f"govlint:{name}" for name, _module in BUILTIN_PLUGINS]
    # govlint's own distribution is not listed twice (an install that still names them as entry points)
    assert names == builtins + ["alpha:a", "alpha:b", "zeta:z", str(local)]


def test_find_without_entry_points_keeps_builtins_and_files(monkeypatch, tmp_path):
    monkeypatch.setattr(entry_points, "installed", lambda group: [fake_entry_point("zeta", "z")])
    names = [c.name for c in find_plugins([tmp_path / "local.py"], entry_points=False)]
    assert names == [f"govlint:{name}" for name, _module in BUILTIN_PLUGINS] + [str(tmp_path / "local.py")]


def test_builtin_candidates_load_their_modules():
    import importlib

    for candidate, (_name, module) in zip(plugin_host.builtin_candidates(), BUILTIN_PLUGINS):
        assert candidate.load() is importlib.import_module(module)
        assert candidate.source == "govlint"


# -- load each ----------------------------------------------------------------------------
@pytest.mark.parametrize("failure", [ImportError("no such module"), SystemExit(3)])
def test_a_plugin_that_fails_to_load_is_a_warning_naming_it(failure):
    def broken():
        raise failure

    registry = Registry(manager=new_manager())
    good = plugin(govlint_register_rules=lambda register: register(Probe()))
    load_each([Candidate("dist:broken", "1.0", "dist", broken), Candidate("dist:good", "1.0", "dist", lambda: good)],
              registry)

    broken_info, good_info = registry.plugins
    assert type(failure).__name__ in broken_info.error and not good_info.error
    (warning,) = registry.warnings
    assert "dist:broken" in warning and "加载失败" in warning
    assert registry.manager.has_plugin("dist:good") and not registry.manager.has_plugin("dist:broken")


# -- collect ------------------------------------------------------------------------------
def test_every_registering_hookspec_has_a_row_in_the_hook_table():
    specs = {name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
             if "register" in inspect.signature(getattr(hookspecs, name)).parameters}
    assert specs == {hook.name for hook in HOOKS}


def test_collect_records_what_each_plugin_registered():
    def options(register):
        register("hst-mode", "fast", "模式", choices=["fast", "slow"])

    registry = loaded(("p", plugin(govlint_register_rules=lambda register: register(Probe),  # a class is made
                                   govlint_register_loaders=lambda register: register(ProbeLoader()),
                                   govlint_register_reporters=lambda register: register(ProbeReporter()),
                                   govlint_config_options=options)))
    collect(registry)

    assert registry.warnings == []
    assert registry.rules["HST101"].plugin == "p" and registry.loaders[0].plugin == "p"
    assert registry.reporters["probe"].plugin == "p"
    assert registry.options["hst-mode"].choices == ("fast", "slow")
    assert registry.options["hst-level"].owner == "p"  # declared by the rule itself
    assert registry.plugins[0].contributes == {"loaders": ["probe"], "reporters": ["probe"], "rules": ["HST101"],
                                               "options": ["hst-mode", "hst-level"]}


def test_the_first_plugin_keeps_a_code_and_the_second_is_warned():
    class Other(Probe):
        """Same code, another rule."""

        name = "other"

    registry = loaded(("first", plugin(govlint_register_rules=lambda register: register(Probe()))),
                      ("second", plugin(govlint_register_rules=lambda register: register(Other()))))
    collect(registry)
    assert registry.rules["HST101"].name == "probe"
    (warning,) = registry.warnings
    assert warning.startswith("插件 second ") and "HST101" in warning and "first" in warning
    assert "rules" not in registry.plugins[1].contributes


def test_an_invalid_rule_and_a_raising_hook_are_warnings_and_the_rest_goes_on():
    class Invalid(Rule):
        """No summary."""

        code = "bad"

    def raising(register):
        register(Probe())
        raise RuntimeError("hook exploded")

    registry = loaded(("invalid", plugin(govlint_register_rules=lambda register: register(Invalid()))),
                      ("raising", plugin(govlint_register_rules=raising)),
                      ("reporting", plugin(govlint_register_reporters=lambda register: register(ProbeReporter()))))
    collect(registry)
    assert [w.split(" ")[1] for w in registry.warnings] == ["invalid", "raising"]
    assert "govlint_register_rules" in registry.warnings[1] and "hook exploded" in registry.warnings[1]
    assert "HST101" in registry.rules  # registered before the hook raised
    assert "probe" in registry.reporters


def test_strict_turns_a_warning_into_a_plugin_error(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("raise RuntimeError('local plugin exploded')\n", encoding="utf-8")
    assert any("local plugin exploded" in w for w in load_plugins([broken], entry_points=False).warnings)
    with pytest.raises(PluginError, match="local plugin exploded"):
        load_plugins([broken], strict=True, entry_points=False)


def test_builtins_come_first_in_a_full_load():
    registry = load_plugins()
    assert [info.name for info in registry.plugins][:len(BUILTIN_PLUGINS)] \
        == [f"govlint:{name}" for name, _module in BUILTIN_PLUGINS]
    assert registry.rules["GL001"].plugin == "govlint:rules"
    assert {"html", "text", "markdown"} <= {loader.name for loader in registry.loaders}

