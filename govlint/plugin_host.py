"""The plugin host: finds plugins, loads them one by one, and collects what they register.

Every contribution (rule, loader, reporter, option) goes through the pluggy hooks of
``govlint.hookspecs``, govlint's own included. Loading runs in three phases, each a
function of its own:

1. ``find_plugins``: the candidates, nothing imported yet, in this order: govlint's
   built-ins (named in ``BUILTIN_PLUGINS``), the installed plugins of the ``govlint``
   entry-point group, the repo-local ``.py`` files named in the configuration. The first
   to register a rule code or format name keeps it, so a third-party plugin can never take
   a built-in's.
2. ``load_each``: import each candidate and register it with pluggy. A plugin that fails
   to import is a warning naming it, and the others go on.
3. ``collect``: call the registering hooks of ``HOOKS`` on every plugin in order and add
   what they register to the ``Registry``. A hook that raises, or an item that is refused
   (an invalid rule, a code already taken), is a warning naming the plugin.

``load_plugins`` runs the three; with ``strict`` any warning becomes a ``PluginError``.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

import pluggy

from govlint import hookspecs
from govlint.record import Frozen, Record
from govlint.rule import Rule, validate_rule
from govlint.time_limit import time_limit

ENTRY_POINT_GROUP = "govlint"

#: govlint's own plugins (name, module), found before any other: they are plugins like any
#: other, registered through the same hooks, and come first by being listed first.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("loaders", "govlint.loaders"),
    ("reporters", "govlint.reporters"),
    ("rules", "govlint_rules"),
    ("executors", "govlint.executors"),
)


class PluginError(Exception):
    """A plugin problem that ends the run (only with strict plugin loading)."""


class Refused(Exception):
    """An item a plugin registered that the registry does not take (the message says why)."""


class Candidate(Frozen):
    """A plugin found but not imported yet; ``load()`` imports it."""

    __slots__ = _fields = ("name", "version", "source", "load")

    def __init__(self, name: str, version: str, source: str, load: Callable[[], object]) -> None:
        set_ = object.__setattr__
        # as users see it: ``distribution:entry-point`` or the file path
        set_(self, "name", name)
        set_(self, "version", version)
        # distribution name or file path
        set_(self, "source", source)
        set_(self, "load", load)


class PluginInfo(Record):
    """What ``govlint plugins`` shows of a plugin: where it came from and what it added."""

    __slots__ = _fields = ("name", "version", "source", "contributes", "error")

    def __init__(self, name: str, version: str = "", source: str = "",
                 contributes: dict[str, list[str]] | None = None, error: str = "") -> None:
        self.name = name
        self.version = version
        # distribution name or file path
        self.source = source
        self.contributes = {} if contributes is None else contributes
        self.error = error


class Option(Record):
    __slots__ = _fields = ("key", "default", "help", "choices", "owner", "check")

    def __init__(self, key: str, default: Any, help: str = "", choices: tuple | None = None,
                 owner: str = "", check: Any = None) -> None:
        self.key = key
        self.default = default
        self.help = help
        self.choices = choices
        self.owner = owner
        #: ``check(value) -> message or None``: a rule's own validation of the value
        self.check = check


def rule_options(rule_obj: Rule) -> dict[str, Option]:
    """The options a rule declares, each validated by the rule's ``validate_option``."""
    return {key: Option(key, default, f"option of {rule_obj.code}", None, rule_obj.plugin,
                        partial(rule_obj.validate_option, key))
            for key, default in (rule_obj.options or {}).items()}


class Registry(Record):
    """Everything the loaded plugins contributed.

    The ``add_*`` methods are what a plugin's ``register`` callback calls; each returns the
    name of what it added or raises ``Refused``.
    """

    __slots__ = _fields = ("rules", "loaders", "reporters", "options", "executors", "plugins",
                           "warnings", "manager")

    def __init__(self, rules: dict[str, Rule] | None = None, loaders: list | None = None,
                 reporters: dict[str, Any] | None = None, options: dict[str, Option] | None = None,
                 executors: dict[str, Any] | None = None, plugins: list[PluginInfo] | None = None,
                 warnings: list[str] | None = None, manager: pluggy.PluginManager | None = None) -> None:
        self.rules = {} if rules is None else rules
        self.loaders = [] if loaders is None else loaders
        self.reporters = {} if reporters is None else reporters
        self.options = {} if options is None else options
        #: ``--executor`` names → ``govlint.executors.Executor``
        self.executors = {} if executors is None else executors
        self.plugins = [] if plugins is None else plugins
        self.warnings = [] if warnings is None else warnings
        self.manager = manager

    def add_rule(self, plugin: str, rule_obj) -> str:
        if isinstance(rule_obj, type) and issubclass(rule_obj, Rule):
            rule_obj = rule_obj()
        try:
            validate_rule(rule_obj)
        except ValueError as exc:
            raise Refused(f"注册的规则无效，已跳过: {exc}") from None
        if rule_obj.code in self.rules:
            other = self.rules[rule_obj.code].plugin
            raise Refused(f"注册的规则代码 {rule_obj.code} 与插件 {other} 重复，已跳过")
        rule_obj.plugin = plugin
        self.rules[rule_obj.code] = rule_obj
        return rule_obj.code

    def add_loader(self, plugin: str, loader) -> str:
        loader.plugin = plugin
        self.loaders.append(loader)
        return loader.name

    def add_reporter(self, plugin: str, reporter) -> str:
        if reporter.name in self.reporters:
            raise Refused(f"注册的输出格式 {reporter.name} 已存在，已跳过")
        reporter.plugin = plugin
        self.reporters[reporter.name] = reporter
        return reporter.name

    def add_executor(self, plugin: str, executor) -> str:
        if not getattr(executor, "name", "") or executor.name in self.executors:
            raise Refused(f"注册的执行器 {getattr(executor, 'name', '')!r} 无名称或已存在，已跳过")
        executor.plugin = plugin
        self.executors[executor.name] = executor
        return executor.name

    def add_option(self, plugin: str, key: str, default, help: str = "", choices=None) -> str:
        self.options[key] = Option(key, default, help, tuple(choices) if choices else None, plugin)
        return key

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


class Hook(Frozen):
    """A registering hook: ``register(...)`` calls ``add(registry, plugin, ...)``."""

    __slots__ = _fields = ("name", "kind", "add")

    def __init__(self, name: str, kind: str, add: Callable[..., str]) -> None:
        set_ = object.__setattr__
        set_(self, "name", name)
        # the heading in ``PluginInfo.contributes``
        set_(self, "kind", kind)
        set_(self, "add", add)


#: The registering hooks, called in this order (loaders and formats before rules).
HOOKS: tuple[Hook, ...] = (
    Hook("govlint_register_loaders", "loaders", Registry.add_loader),
    Hook("govlint_register_reporters", "reporters", Registry.add_reporter),
    Hook("govlint_register_rules", "rules", Registry.add_rule),
    Hook("govlint_config_options", "options", Registry.add_option),
    Hook("govlint_register_executors", "executors", Registry.add_executor),
)


# -- phase 1: find ------------------------------------------------------------------------
def find_plugins(local_files: Iterable[str | Path] = (), entry_points: bool = True) -> list[Candidate]:
    """Every plugin to load, in loading order; ``entry_points=False`` leaves out installed ones."""
    found = builtin_candidates()
    if entry_points:
        found += installed_candidates()
    found += [file_candidate(Path(file)) for file in local_files]
    return found


def builtin_candidates() -> list[Candidate]:
    import importlib

    from govlint import __version__

    return [Candidate(f"govlint:{name}", __version__, "govlint", partial(importlib.import_module, module))
            for name, module in BUILTIN_PLUGINS]


def installed_candidates() -> list[Candidate]:
    """The ``govlint`` entry points of installed distributions, by distribution and name, so
    that which of two clashing plugins wins does not depend on the order of a directory listing.

    govlint's own distribution is skipped: its plugins are the built-ins (an install made
    before they were named in ``BUILTIN_PLUGINS`` still lists them as entry points)."""
    from govlint.entry_points import installed

    eps = sorted((ep for ep in installed(ENTRY_POINT_GROUP) if ep.dist.lower() != "govlint"),
                 key=lambda ep: (ep.dist, ep.name))
    return [Candidate(f"{ep.dist}:{ep.name}", ep.version, ep.dist, ep.load) for ep in eps]


def file_candidate(path: Path) -> Candidate:
    """A repo-local plugin file, named by its path."""
    return Candidate(str(path), "", str(path), partial(_import_file, path))


def _import_file(path: Path):
    import importlib.util

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


# -- phase 2: load ------------------------------------------------------------------------
def load_each(candidates: Iterable[Candidate], registry: Registry) -> None:
    """Import each candidate and register it with pluggy, isolating failures."""
    for candidate in candidates:
        info = PluginInfo(candidate.name, candidate.version, candidate.source)
        registry.plugins.append(info)
        try:
            with time_limit(_plugin_seconds()):
                plugin = candidate.load()
            registry.manager.register(plugin, name=candidate.name)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any plugin failure is the plugin's
            info.error = f"{type(exc).__name__}: {exc}"
            registry.warnings.append(f"插件 {info.name} 加载失败，已跳过: {info.error}")


# -- phase 3: collect ---------------------------------------------------------------------
def collect(registry: Registry) -> None:
    """Call every registering hook of every loaded plugin, in loading order, then declare
    the options the rules carry themselves."""
    infos = {info.name: info for info in registry.plugins}
    for hook in HOOKS:
        for impl in getattr(registry.manager.hook, hook.name).get_hookimpls():  # registration order
            info = infos[impl.plugin_name]
            register = partial(_register, registry, hook, info)
            try:
                with time_limit(_plugin_seconds()):
                    impl.function(**{name: register for name in impl.argnames})
            except (Exception, SystemExit) as exc:  # noqa: BLE001
                registry.warnings.append(
                    f"插件 {info.name} 的 {hook.name} 出错，已跳过: {type(exc).__name__}: {exc}")
    for rule_obj in list(registry.rules.values()):
        for key, option in rule_options(rule_obj).items():
            if key not in registry.options:
                registry.options[key] = option
                infos[rule_obj.plugin].contributes.setdefault("options", []).append(key)


def _register(registry: Registry, hook: Hook, info: PluginInfo, *args, **kwargs) -> None:
    """The ``register`` callback a hook receives."""
    try:
        item = hook.add(registry, info.name, *args, **kwargs)
    except Refused as exc:
        registry.warnings.append(f"插件 {info.name} {exc}")
        return
    info.contributes.setdefault(hook.kind, []).append(item)


def new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager("govlint")
    manager.add_hookspecs(hookspecs)
    return manager


def load_plugins(local_files: Iterable[str | Path] = (), strict: bool = False,
                 entry_points: bool = True) -> Registry:
    """Find, load and collect every plugin into a Registry.

    ``entry_points=False`` loads the built-ins and ``local_files`` only. With ``strict``,
    any warning raises ``PluginError`` instead."""
    registry = Registry(manager=new_manager())
    load_each(find_plugins(local_files, entry_points), registry)
    collect(registry)
    if strict and registry.warnings:
        raise PluginError("\n".join(registry.warnings))
    return registry


def _plugin_seconds() -> float:
    """The limit for one plugin import or hook (read at call time, so tests can shorten it)."""
    from govlint import time_limit as limits

    return limits.PLUGIN_SECONDS
