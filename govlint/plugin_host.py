"""The plugin host: finds plugins, loads them one by one, and collects what they register.

Every contribution (rule, loader, reporter, option) goes through the pluggy hooks of
``govlint.hookspecs``. Plugins come from the ``govlint`` entry-point group (govlint's own
built-ins included) and from repo-local ``.py`` files named in the configuration. A plugin
that fails to import or whose hook raises is reported as a warning naming it, and the rest
go on; ``strict`` turns such warnings into a ``PluginError``.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from govlint import hookspecs
from govlint.rule import Rule, validate_rule

ENTRY_POINT_GROUP = "govlint"


class PluginError(Exception):
    """A plugin problem that ends the run (only with strict plugin loading)."""


@dataclass
class PluginInfo:
    name: str
    version: str = ""
    source: str = ""  # distribution name or file path
    contributes: dict[str, list[str]] = field(default_factory=dict)
    error: str = ""


@dataclass
class Option:
    key: str
    default: Any
    help: str = ""
    choices: tuple | None = None
    owner: str = ""
    #: ``check(value) -> message or None``: a rule's own validation of the value
    check: Any = None


def rule_options(rule_obj: Rule) -> dict[str, Option]:
    """The options a rule declares, each validated by the rule's ``validate_option``."""
    from functools import partial

    return {key: Option(key, default, f"option of {rule_obj.code}", None, rule_obj.plugin,
                        partial(rule_obj.validate_option, key))
            for key, default in (rule_obj.options or {}).items()}


@dataclass
class Registry:
    """Everything the loaded plugins contributed."""

    rules: dict[str, Rule] = field(default_factory=dict)
    loaders: list = field(default_factory=list)
    reporters: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Option] = field(default_factory=dict)
    plugins: list[PluginInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    manager: pluggy.PluginManager | None = None

    def loader_for(self, path: str, head: bytes = b""):
        suffix = Path(path).suffix.lower()
        for loader in self.loaders:
            if suffix in loader.suffixes:
                return loader
        for loader in self.loaders:
            try:
                if loader.sniff(head):
                    return loader
            except Exception:  # a broken sniffer must not stop the others
                continue
        return None

    @property
    def suffixes(self) -> set[str]:
        return {s for loader in self.loaders for s in loader.suffixes}


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("govlint")
    pm.add_hookspecs(hookspecs)
    return pm


def _entry_points_from_metadata() -> list:
    """The group's entry points through importlib.metadata, one distribution at a time, so
    that one broken ``entry_points.txt`` anywhere in the environment cannot stop govlint."""
    from importlib.metadata import distributions

    found, seen = [], set()
    for dist in distributions():
        try:
            key = (dist.metadata["Name"] or "").lower().replace("-", "_")
            if key in seen:
                continue
            seen.add(key)
            found.extend(ep for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP)
        except Exception:  # noqa: BLE001 - another package's broken metadata is not ours to fail on
            continue
    return found


def _entry_points():
    from govlint.entry_points import scan

    found = scan(ENTRY_POINT_GROUP)  # None: a layout only importlib.metadata reads with certainty
    if found is None:
        found = _entry_points_from_metadata()

    # govlint's own plugins first, so that a third-party plugin can never take a built-in code
    def order(ep):
        dist = ep.dist.name if ep.dist else ""
        return (dist != "govlint", dist, ep.name)

    return sorted(found, key=order)


def _load_file_plugin(path: Path):
    name = "govlint_local_" + "".join(c if c.isalnum() else "_" for c in str(path))
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def load_plugins(local_files: list[str | Path] = (), strict: bool = False,
                 entry_points: bool = True) -> Registry:
    """Load every plugin and collect its contributions into a Registry."""
    pm = _new_manager()
    registry = Registry(manager=pm)
    infos: dict[str, PluginInfo] = {}

    def warn(message: str) -> None:
        registry.warnings.append(message)

    candidates = []
    if entry_points:
        for ep in _entry_points():
            dist = ep.dist
            label = f"{dist.name}:{ep.name}" if dist else ep.name
            version = dist.version if dist else ""
            candidates.append((label, version, dist.name if dist else "", ep.load))
    for file in local_files:
        path = Path(file)
        candidates.append((str(path), "", str(path), lambda path=path: _load_file_plugin(path)))

    for label, version, source, load in candidates:
        info = PluginInfo(name=label, version=version, source=source)
        registry.plugins.append(info)
        infos[label] = info
        try:
            plugin = load()
            pm.register(plugin, name=label)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any plugin failure is the plugin's
            info.error = f"{type(exc).__name__}: {exc}"
            warn(f"插件 {label} 加载失败，已跳过: {info.error}")

    def call_each(hook_name: str, kind: str, make_register):
        hook = getattr(pm.hook, hook_name)
        for impl in hook.get_hookimpls():  # registration order: first registered wins a code
            label = impl.plugin_name
            info = infos.get(label)
            register = make_register(label, info)
            try:
                impl.function(**{name: register for name in impl.argnames})
            except (Exception, SystemExit) as exc:  # noqa: BLE001
                warn(f"插件 {label} 的 {hook_name} 出错，已跳过: {type(exc).__name__}: {exc}")

    def note(info: PluginInfo | None, kind: str, item: str) -> None:
        if info is not None:
            info.contributes.setdefault(kind, []).append(item)

    def rule_register(label, info):
        def register(rule_obj):
            if isinstance(rule_obj, type) and issubclass(rule_obj, Rule):
                rule_obj = rule_obj()
            try:
                validate_rule(rule_obj)
            except ValueError as exc:
                warn(f"插件 {label} 注册的规则无效，已跳过: {exc}")
                return
            if rule_obj.code in registry.rules:
                other = registry.rules[rule_obj.code].plugin
                warn(f"插件 {label} 注册的规则代码 {rule_obj.code} 与插件 {other} 重复，已跳过")
                return
            rule_obj.plugin = label
            registry.rules[rule_obj.code] = rule_obj
            note(info, "rules", rule_obj.code)
        return register

    def loader_register(label, info):
        def register(loader):
            loader.plugin = label
            registry.loaders.append(loader)
            note(info, "loaders", loader.name)
        return register

    def reporter_register(label, info):
        def register(reporter):
            if reporter.name in registry.reporters:
                warn(f"插件 {label} 注册的输出格式 {reporter.name} 已存在，已跳过")
                return
            reporter.plugin = label
            registry.reporters[reporter.name] = reporter
            note(info, "reporters", reporter.name)
        return register

    def option_register(label, info):
        def register(key, default, help="", choices=None):
            registry.options[key] = Option(key, default, help, tuple(choices) if choices else None, label)
            note(info, "options", key)
        return register

    call_each("govlint_register_loaders", "loaders", loader_register)
    call_each("govlint_register_reporters", "reporters", reporter_register)
    call_each("govlint_register_rules", "rules", rule_register)
    call_each("govlint_config_options", "options", option_register)
    for rule_obj in registry.rules.values():
        for key, option in rule_options(rule_obj).items():
            if key not in registry.options:
                registry.options[key] = option
                note(infos.get(rule_obj.plugin), "options", key)

    if strict and registry.warnings:
        raise PluginError("\n".join(registry.warnings))
    return registry
