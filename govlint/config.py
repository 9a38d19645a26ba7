"""Configuration: ``.govlint.yaml`` found upward from the working directory, or ``--config``.

Loaded with ruamel.yaml in round-trip mode so that every key keeps its position (errors
name ``file:line:column``) and a file that govlint rewrites keeps the user's comments. Tags
are refused: a config can never construct objects.

The keys, their kinds and defaults are the table in ``govlint.config_keys`` (documented in
``docs/config.md``); this module has one reader per kind of value. Values under ``options:``
are declared by the rules and plugins, so they are checked once plugins are loaded
(``validate_options``), as are the codes named anywhere (``validate_selectors``).

A config is read only if it is a regular file of at most ``MAX_CONFIG_BYTES``, and its YAML
is bounded (depth, size with aliases expanded, tags, integer length: ``govlint.yaml_guard``)
before ruamel builds a tree, so a hostile file is a config error, never a hang or a traceback.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from govlint.config_keys import KEY_NAMES, KEYS, MAX_TIMEOUT
from govlint.findings import Severity
from govlint.lazy_re import lazy_pattern
from govlint.record import Record

CONFIG_NAMES = (".govlint.yaml", ".govlint.yml")
PYPROJECT = "pyproject.toml"
MAX_CONFIG_BYTES = 1024 * 1024
_CODE_OR_PREFIX = lazy_pattern(r"^(ALL|[A-Z]{1,5}[0-9]{0,4})$")


class ConfigError(Exception):
    """A configuration problem; ``str()`` is ready to print (``file:line:col: message``)."""


#: an argument of ``Config`` left out: the key's default in ``KEYS``, read as the loader reads it
_KEY_DEFAULT: Any = object()


class Config(Record):
    """The values of one config file: one attribute per key of ``KEYS``, plus positions."""

    __slots__ = _fields = ("path", "select", "extend_select", "ignore", "fail_on", "severity",
                           "per_file_ignores", "plugins", "strict_plugins", "baseline", "options",
                           "timeout", "agencies", "summaries", "exclude", "extend_exclude",
                           "respect_gitignore", "force_exclude", "key_positions", "option_positions",
                           "selector_positions")

    def __init__(self, path: Path | None = None, select: tuple[str, ...] = _KEY_DEFAULT,
                 extend_select: tuple[str, ...] = _KEY_DEFAULT,
                 ignore: tuple[str, ...] = _KEY_DEFAULT,
                 fail_on: Severity = _KEY_DEFAULT,
                 severity: dict[str, Severity] = _KEY_DEFAULT,
                 per_file_ignores: dict[str, tuple[str, ...]] = _KEY_DEFAULT,
                 plugins: list[Path] = _KEY_DEFAULT,
                 strict_plugins: bool = _KEY_DEFAULT,
                 baseline: Path | None = _KEY_DEFAULT,
                 options: dict[str, Any] = _KEY_DEFAULT,
                 timeout: float | None = _KEY_DEFAULT,
                 agencies: dict[str, list[str]] = _KEY_DEFAULT,
                 summaries: dict[str, list[str]] = _KEY_DEFAULT,
                 exclude: tuple[str, ...] | None = _KEY_DEFAULT,
                 extend_exclude: tuple[str, ...] = _KEY_DEFAULT,
                 respect_gitignore: bool = _KEY_DEFAULT,
                 force_exclude: bool = _KEY_DEFAULT,
                 key_positions: dict[str, tuple[int, int]] | None = None,
                 option_positions: dict[str, tuple[int, int]] | None = None,
                 selector_positions: list[tuple[str, str, tuple[int, int]]] | None = None) -> None:
        self.path = path
        self.select = _default("select") if select is _KEY_DEFAULT else select
        self.extend_select = _default("extend-select") if extend_select is _KEY_DEFAULT else extend_select
        self.ignore = _default("ignore") if ignore is _KEY_DEFAULT else ignore
        self.fail_on = _default("fail-on") if fail_on is _KEY_DEFAULT else fail_on
        self.severity = _default("severity") if severity is _KEY_DEFAULT else severity
        self.per_file_ignores = _default("per-file-ignores") if per_file_ignores is _KEY_DEFAULT else per_file_ignores
        self.plugins = _default("plugins") if plugins is _KEY_DEFAULT else plugins
        self.strict_plugins = _default("strict-plugins") if strict_plugins is _KEY_DEFAULT else strict_plugins
        self.baseline = _default("baseline") if baseline is _KEY_DEFAULT else baseline
        self.options = _default("options") if options is _KEY_DEFAULT else options
        self.timeout = _default("timeout") if timeout is _KEY_DEFAULT else timeout
        self.agencies = _default("agencies") if agencies is _KEY_DEFAULT else agencies
        self.summaries = _default("summaries") if summaries is _KEY_DEFAULT else summaries
        self.exclude = _default("exclude") if exclude is _KEY_DEFAULT else exclude
        self.extend_exclude = _default("extend-exclude") if extend_exclude is _KEY_DEFAULT else extend_exclude
        self.respect_gitignore = _default("respect-gitignore") if respect_gitignore is _KEY_DEFAULT else respect_gitignore
        self.force_exclude = _default("force-exclude") if force_exclude is _KEY_DEFAULT else force_exclude
        #: position of each key the file sets (a key absent here has the default)
        self.key_positions = {} if key_positions is None else key_positions
        #: positions of option keys, for errors found once plugins have declared their options
        self.option_positions = {} if option_positions is None else option_positions
        #: (config key, selector, position) of every code or prefix in select/extend-select/ignore/severity
        self.selector_positions = [] if selector_positions is None else selector_positions

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config at or above ``start`` (default: the working directory): a
    ``.govlint.yaml``, or a ``pyproject.toml`` that has a ``[tool.govlint]`` table."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        found = config_in(directory)
        if found is not None:
            return found
    return None


def config_in(directory: Path) -> Path | None:
    """The config file of one folder, if it has one (``.govlint.yaml`` before pyproject.toml)."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
        if os.path.lexists(candidate) and not candidate.is_symlink():
            # a pipe, device or folder by the config's name: say so rather than skip it silently
            raise ConfigError(f"{candidate}: 配置文件不是普通文件（目录、管道或设备），无法读取")
    candidate = directory / PYPROJECT
    if candidate.is_file():
        from govlint.pyproject import has_table
        from govlint.regular_file import FileRefused, read_regular_file

        try:
            text = read_regular_file(candidate, MAX_CONFIG_BYTES, "配置文件").decode("utf-8", "replace")
        except (FileRefused, OSError):
            return None
        if has_table(text):
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
    """Raises errors with the file's positions; records where codes and options were named."""

    def __init__(self, path: Path, config: "Config | None" = None):
        self.path = path
        self.config = config

    def fail(self, where: tuple[int, int], message: str):
        line, col = where
        raise ConfigError(f"{self.path}:{line}:{col}: {message}")

    def note_selector(self, key, selector: str, where: tuple[int, int]) -> None:
        if self.config is not None:
            self.config.selector_positions.append((str(key), selector, where))

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
            self.note_selector(key, out[-1], _item_position(node, i))
        return tuple(out)


# -- one reader per kind of value (config_keys.KINDS): (checker, mapping, key, folder) -> value --
def _read_codes(check: _Checker, parent, key: str, base: Path) -> tuple[str, ...]:
    return check.codes(parent[key], parent, key)


def _read_severity(check: _Checker, parent, key: str, base: Path) -> Severity:
    return _severity(check, parent[key], _position(parent, key), key)


def _read_code_severities(check: _Checker, parent, key: str, base: Path) -> dict[str, Severity]:
    node = parent[key]
    if not isinstance(node, dict):
        check.fail(_position(parent, key), f"'{key}' 应为 代码: 严重程度 的映射（如 GL603: error）")
    out = {}
    for code, value in node.items():
        if not isinstance(code, str) or not _CODE_OR_PREFIX.match(code.upper()) or code.upper() == "ALL":
            check.fail(_position(node, code), f"'{key}' 中的 {code!r} 不是规则代码")
        out[code.upper()] = _severity(check, value, _position(node, code), f"{key}.{code}")
        check.note_selector(key, code.upper(), _position(node, code))
    return out


def _read_glob_codes(check: _Checker, parent, key: str, base: Path) -> dict[str, tuple[str, ...]]:
    node = parent[key]
    if not isinstance(node, dict):
        check.fail(_position(parent, key), f"'{key}' 应为 路径模式: [代码...] 的映射")
    return {str(pattern): check.codes(codes, node, pattern) for pattern, codes in node.items()}


def _read_plugin_files(check: _Checker, parent, key: str, base: Path) -> list[Path]:
    node = parent[key]
    if not isinstance(node, list) or not all(isinstance(p, str) for p in node):
        check.fail(_position(parent, key), f"'{key}' 应为 .py 文件路径的列表")
    files = []
    for i, item in enumerate(node):
        file = (base / item).resolve()
        if file.suffix != ".py" or not file.is_file():
            check.fail(_item_position(node, i), f"插件文件 {item!r} 不存在或不是 .py 文件")
        files.append(file)
    return files


def _read_flag(check: _Checker, parent, key: str, base: Path) -> bool:
    if not isinstance(parent[key], bool):
        check.fail(_position(parent, key), f"'{key}' 应为 true 或 false")
    return parent[key]


def _read_globs(check: _Checker, parent, key: str, base: Path) -> tuple[str, ...]:
    node = parent[key]
    if isinstance(node, str):
        node = [node]
    if not isinstance(node, list) or not all(isinstance(p, str) and p.strip() for p in node):
        check.fail(_position(parent, key), f"'{key}' 应为路径模式（glob）的列表")
    return tuple(node)


def _read_path(check: _Checker, parent, key: str, base: Path) -> Path | None:
    value = parent[key]
    if not isinstance(value, str):
        check.fail(_position(parent, key), f"'{key}' 应为文件路径")
    return base / value


def timeout_problem(value) -> str | None:
    """Why ``value`` is not a usable time limit in seconds, or None (the config and ``--timeout``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"应为秒数（正数），实际为 {value!r}"
    if not (math.isfinite(value) and 0 < value <= MAX_TIMEOUT):
        return f"应为大于 0、不超过 {MAX_TIMEOUT} 的秒数，实际为 {value!r}"
    return None


def _read_seconds(check: _Checker, parent, key: str, base: Path) -> float:
    problem = timeout_problem(parent[key])
    if problem:
        check.fail(_position(parent, key), f"'{key}' {problem}")
    return float(parent[key])


def _read_rule_options(check: _Checker, parent, key: str, base: Path) -> dict[str, Any]:
    node = parent[key]
    if not isinstance(node, dict):
        check.fail(_position(parent, key), f"'{key}' 应为 选项: 值 的映射")
    out = {}
    for name, value in node.items():
        out[str(name)] = _plain(value)
        if check.config is not None:
            check.config.option_positions[str(name)] = _position(node, name)
    return out


def _read_name_lists(check: _Checker, parent, key: str, base: Path) -> dict[str, list[str]]:
    node = parent[key]
    if not isinstance(node, dict):
        check.fail(_position(parent, key), f"'{key}' 应为 名称: [名称...] 的映射")
    out = {}
    for name, names in node.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(name, str) or not name.strip() or not isinstance(names, list) \
                or not all(isinstance(n, str) and n.strip() for n in names):
            check.fail(_position(node, name), f"'{key}' 中 {name!r} 的值应为名称的列表")
        out[name.strip()] = [n.strip() for n in names]
    return out


_READERS = {
    "codes": _read_codes,
    "severity": _read_severity,
    "code-severities": _read_code_severities,
    "glob-codes": _read_glob_codes,
    "plugin-files": _read_plugin_files,
    "flag": _read_flag,
    "globs": _read_globs,
    "path": _read_path,
    "rule-options": _read_rule_options,
    "seconds": _read_seconds,
    "name-lists": _read_name_lists,
}


_KEYS_BY_NAME = {key.name: key for key in KEYS}
_DEFAULTS_CHECKER = _Checker(Path("<defaults>"))  # records nothing: it has no Config


def _default(name: str):
    """The table's default for key ``name``, as a ``Config`` attribute holds it."""
    key = _KEYS_BY_NAME[name]
    if key.default is None:  # not set (in a file, a null value is an error)
        return None
    return _READERS[key.kind](_DEFAULTS_CHECKER, {name: key.default}, name, Path("."))


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None gives the defaults)."""
    if path is None:
        return Config()
    from govlint.regular_file import FileRefused, read_regular_file

    path = Path(path)
    try:
        text = read_regular_file(path, MAX_CONFIG_BYTES, "配置文件").decode("utf-8")
    except FileRefused as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: 配置文件不是 UTF-8 编码") from None
    data = _read_pyproject(path, text) if path.name == PYPROJECT else _read_yaml(path, text)
    config = Config(path=path)
    if data is None:
        return config
    check = _Checker(path, config)
    if not isinstance(data, dict):
        check.fail(_position(data), "配置文件的顶层应为键值映射")
    for name in data:
        if name not in KEY_NAMES:
            check.fail(_position(data, name),
                       f"未知的配置项 '{name}'（可用: {', '.join(KEY_NAMES)}）")
    for key in KEYS:  # in the table's order, so the first error reported is stable
        if key.name in data:
            config.key_positions[key.name] = _position(data, key.name)
            setattr(config, key.attribute, _READERS[key.kind](check, data, key.name, path.parent))
    return config


def _read_yaml(path: Path, text: str):
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from govlint.yaml_guard import YamlLimit, check_events

    try:
        check_events(_yaml().parse(text))  # bounds, tags and aliases, before any tree exists
        return _yaml().load(text)
    except YamlLimit as exc:
        raise ConfigError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ConfigError(f"{path}:{line}:{col}: YAML 语法错误: {exc.problem or exc}") from None
    except YAMLError as exc:
        raise ConfigError(f"{path}: YAML 错误: {exc}") from None


def _read_pyproject(path: Path, text: str):
    """The ``[tool.govlint]`` table (an empty config when a given pyproject.toml has none)."""
    from govlint.pyproject import TomlError, load_table

    try:
        return load_table(text)
    except TomlError as exc:
        raise ConfigError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None


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
    if isinstance(default, int):  # a count or a size: 1.5 or .inf is not one
        return isinstance(value, int)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))
