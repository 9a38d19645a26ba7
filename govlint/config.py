"""Configuration: ``.govlint.yaml`` found upward from the working directory, or ``--config``.

Loaded with ruamel.yaml in round-trip mode so that every key keeps its position (errors
name ``file:line:column``) and a file that govlint rewrites keeps the user's comments. Tags
are refused: a config can never construct objects.

Keys (all optional)::

    select: [ALL]              # codes or prefixes (GL2); ALL = every rule
    extend-select: []
    ignore: []
    fail-on: warning           # lowest severity that makes the exit code 1
    severity: {GL603: error}   # per-code overrides
    per-file-ignores: {"archive/*.html": [GL603]}
    plugins: [tools/local_rules.py]   # repo-local plugin files
    strict-plugins: false
    baseline: .govlint-baseline.json
    options: {agency-kind: auto}      # rule options, declared by the rules and plugins
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlint.findings import Severity

CONFIG_NAMES = (".govlint.yaml", ".govlint.yml")
_CODE_OR_PREFIX = re.compile(r"^(ALL|[A-Z]{1,5}[0-9]{0,4})$")


class ConfigError(Exception):
    """A configuration problem; ``str()`` is ready to print (``file:line:col: message``)."""


@dataclass
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plugins: list[Path] = field(default_factory=list)
    strict_plugins: bool = False
    baseline: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    #: positions of option keys, for errors found once plugins have declared their options
    option_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (config key, selector, position) of every code or prefix in select/extend-select/ignore/severity
    selector_positions: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
    return None


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def _position(node, key=None) -> tuple[int, int]:
    """1-based (line, column) of ``key`` in a ruamel mapping, or of the node itself."""
    try:
        if key is not None:
            line, col = node.lc.key(key)
        else:
            line, col = node.lc.line, node.lc.col
        return line + 1, col + 1
    except Exception:  # plain scalars carry no position
        return 0, 0


def _item_position(seq, index) -> tuple[int, int]:
    try:
        line, col = seq.lc.item(index)
        return line + 1, col + 1
    except Exception:
        return _position(seq)


class _Checker:
    def __init__(self, path: Path, config: "Config | None" = None):
        self.path = path
        self.config = config

    def fail(self, where: tuple[int, int], message: str):
        line, col = where
        raise ConfigError(f"{self.path}:{line}:{col}: {message}")

    def codes(self, node, parent, key) -> tuple[str, ...]:
        where = _position(parent, key)
        if isinstance(node, str):
            node = [node]
        if not isinstance(node, list):
            self.fail(where, f"'{key}' 应为规则代码或前缀的列表（如 [GL2, GL301]），实际为 {type(node).__name__}")
        out = []
        for i, item in enumerate(node):
            if not isinstance(item, str) or not _CODE_OR_PREFIX.match(item.strip().upper()):
                self.fail(_item_position(node, i),
                          f"'{key}' 中的 {item!r} 不是规则代码或前缀（应如 GL201、GL2 或 ALL）")
            out.append(item.strip().upper())
            if self.config is not None:
                self.config.selector_positions.append((str(key), out[-1], _item_position(node, i)))
        return tuple(out)


KNOWN_KEYS = ("select", "extend-select", "ignore", "fail-on", "severity", "per-file-ignores",
              "plugins", "strict-plugins", "baseline", "options")


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None gives the defaults)."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取配置文件: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: 配置文件不是 UTF-8 编码") from None
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ConfigError(f"{path}:{line}:{col}: YAML 语法错误: {exc.problem or exc}") from None
    except YAMLError as exc:
        raise ConfigError(f"{path}: YAML 错误: {exc}") from None
    config = Config(path=path)
    if data is None:
        return config
    check = _Checker(path, config)
    if not isinstance(data, dict):
        check.fail(_position(data), "配置文件的顶层应为键值映射")
    _refuse_tags(data, check)
    for key in data:
        if key not in KNOWN_KEYS:
            check.fail(_position(data, key),
                       f"未知的配置项 '{key}'（可用: {', '.join(KNOWN_KEYS)}）")
    base = path.parent
    if "select" in data:
        config.select = check.codes(data["select"], data, "select")
    if "extend-select" in data:
        config.extend_select = check.codes(data["extend-select"], data, "extend-select")
    if "ignore" in data:
        config.ignore = check.codes(data["ignore"], data, "ignore")
    if "fail-on" in data:
        config.fail_on = _severity(check, data["fail-on"], _position(data, "fail-on"), "fail-on")
    if "severity" in data:
        node = data["severity"]
        if not isinstance(node, dict):
            check.fail(_position(data, "severity"), "'severity' 应为 代码: 严重程度 的映射（如 GL603: error）")
        for code, value in node.items():
            if not isinstance(code, str) or not _CODE_OR_PREFIX.match(code.upper()) or code.upper() == "ALL":
                check.fail(_position(node, code), f"'severity' 中的 {code!r} 不是规则代码")
            config.severity[code.upper()] = _severity(check, value, _position(node, code), f"severity.{code}")
            config.selector_positions.append(("severity", code.upper(), _position(node, code)))
    if "per-file-ignores" in data:
        node = data["per-file-ignores"]
        if not isinstance(node, dict):
            check.fail(_position(data, "per-file-ignores"), "'per-file-ignores' 应为 路径模式: [代码...] 的映射")
        for pattern, codes in node.items():
            config.per_file_ignores[str(pattern)] = check.codes(codes, node, pattern)
    if "plugins" in data:
        node = data["plugins"]
        if not isinstance(node, list) or not all(isinstance(p, str) for p in node):
            check.fail(_position(data, "plugins"), "'plugins' 应为 .py 文件路径的列表")
        for i, item in enumerate(node):
            file = (base / item).resolve()
            if file.suffix != ".py" or not file.is_file():
                check.fail(_item_position(node, i), f"插件文件 {item!r} 不存在或不是 .py 文件")
            config.plugins.append(file)
    if "strict-plugins" in data:
        if not isinstance(data["strict-plugins"], bool):
            check.fail(_position(data, "strict-plugins"), "'strict-plugins' 应为 true 或 false")
        config.strict_plugins = data["strict-plugins"]
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            check.fail(_position(data, "baseline"), "'baseline' 应为文件路径")
        config.baseline = base / data["baseline"]
    if "options" in data:
        node = data["options"]
        if not isinstance(node, dict):
            check.fail(_position(data, "options"), "'options' 应为 选项: 值 的映射")
        for key, value in node.items():
            config.options[str(key)] = _plain(value)
            config.option_positions[str(key)] = _position(node, key)
    return config


def _severity(check: _Checker, value, where, key) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        check.fail(where, f"'{key}' 的值 {value!r} 无效（应为 error、warning 或 info）")


def _plain(value):
    """ruamel's round-trip containers as plain Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                  ("str", "int", "float", "bool", "null", "map", "seq", "omap", "set", "timestamp")}


def _refuse_tags(node, check: _Checker) -> None:
    tag = getattr(node, "tag", None)
    tag_value = getattr(tag, "value", tag) if tag is not None else None
    if isinstance(tag_value, str) and tag_value not in _STANDARD_TAGS:
        check.fail(_position(node), f"不允许使用 YAML 标签 {tag_value}")
    if isinstance(node, dict):
        for value in node.values():
            _refuse_tags(value, check)
    elif isinstance(node, list):
        for value in node:
            _refuse_tags(value, check)


def validate_selectors(config: Config, codes) -> None:
    """Every code or prefix in the config must match an installed rule.

    A misspelt ``select: [GL21]`` would otherwise turn every check off without a word.
    """
    codes = list(codes)
    check = _Checker(config.path or Path(".govlint.yaml"))
    for key, selector, where in config.selector_positions:
        if key == "severity":  # severities are set per code, not per prefix
            if selector in codes:
                continue
        elif selector == "ALL" or any(code.startswith(selector) for code in codes):
            continue
        check.fail(where, f"'{key}' 中的 {selector} 不匹配任何已安装的规则（govlint rules 列出所有规则；"
                          f"插件规则需先安装该插件）")


def validate_options(config: Config, declared: dict) -> dict[str, Any]:
    """Check ``options:`` against what the rules and plugins declared; return the merged values."""
    values = {key: option.default for key, option in declared.items()}
    check = _Checker(config.path or Path(".govlint.yaml"))
    for key, value in config.options.items():
        where = config.option_positions.get(key, (0, 0))
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared)) or "无"
            check.fail(where, f"未知的规则选项 '{key}'（已声明的选项: {known}）")
        default = option.default
        if default is not None and not _same_type(value, default):
            check.fail(where, f"选项 '{key}' 应为 {type(default).__name__} 类型，实际为 {value!r}")
        if option.choices and value not in option.choices:
            check.fail(where, f"选项 '{key}' 的值 {value!r} 无效（可选: {', '.join(map(str, option.choices))}）")
        problem = option.check(value) if option.check else None
        if problem:
            check.fail(where, f"选项 '{key}' 的值 {value!r} 无效: {problem}")
        values[key] = value
    return values


def _same_type(value, default) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))
