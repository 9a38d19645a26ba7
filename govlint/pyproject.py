"""``[tool.govlint]`` in ``pyproject.toml``, read as a config with positions.

A repository that keeps its tools' settings in ``pyproject.toml`` can keep govlint's there too:
the table holds the same keys as ``.govlint.yaml``. A ``pyproject.toml`` without the table is
not a govlint config (the search for the nearest config goes on above it).

The TOML library gives values without positions, and config errors must name
``file:line:column``, so the key lines of the govlint tables are found by a scan of the text
and attached to the mappings the config reader walks (ruamel's own mapping types, which carry
positions for YAML configs).
"""

from __future__ import annotations

import sys

from govlint.lazy_re import lazy_pattern

TABLE = ("tool", "govlint")
_HEADER = lazy_pattern(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = lazy_pattern(r"""^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def has_table(text: str) -> bool:
    """Whether a pyproject.toml holds a ``[tool.govlint]`` table (cheap test first)."""
    if "tool.govlint" not in text and "govlint" not in text:
        return False
    try:
        data = _toml().loads(text)
    except Exception:  # noqa: BLE001 - a broken pyproject is read (and reported) only if it is ours
        return "[tool.govlint" in text
    return isinstance(data.get("tool"), dict) and "govlint" in data["tool"]


class TomlError(ValueError):
    """A pyproject.toml that is not valid TOML: ``line``/``column`` where known (else 0)."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def load_table(text: str):
    """The ``[tool.govlint]`` table as ruamel mappings with key positions, or None."""
    try:
        data = _toml().loads(text)
    except Exception as exc:  # noqa: BLE001 - tomllib.TOMLDecodeError, with "(at line L, column C)"
        import re

        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        if not found and "end of document" in str(exc):
            line, column = text.count("\n") + 1, 1
        raise TomlError(f"TOML 语法错误: {exc}", line, column) from None
    table = data.get("tool", {}).get("govlint") if isinstance(data.get("tool"), dict) else None
    if table is None:
        return None
    return _positioned(table, TABLE, _key_positions(text))


def _key_positions(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """(table path + key) → 0-based (line, column) of every ``key =`` line, and of headers."""
    positions: dict[tuple[str, ...], tuple[int, int]] = {}
    current: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines()):
        header = _HEADER.match(line)
        if header:
            current = tuple(_unquote(p.strip()) for p in header.group(1).split("."))
            positions.setdefault(current, (number, line.index("[")))
            continue
        key = _KEY.match(line)
        if key:
            positions.setdefault(current + (_unquote(key.group(2)),), (number, len(key.group(1))))
    return positions


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'" else key


def _positioned(value, path: tuple[str, ...], positions):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    here = positions.get(path, positions.get(TABLE, (0, 0)))
    if isinstance(value, dict):
        out = CommentedMap()
        out.lc.line, out.lc.col = here
        for key, item in value.items():
            out[key] = _positioned(item, path + (key,), positions)
            line, col = positions.get(path + (key,), here)
            out.lc.add_kv_line_col(key, [line, col, line, col])
        return out
    if isinstance(value, list):
        out = CommentedSeq(_positioned(item, path, positions) for item in value)
        out.lc.line, out.lc.col = here
        for index in range(len(out)):  # items share their key's line: TOML arrays are one value
            out.lc.add_kv_line_col(index, [here[0], here[1]])
        return out
    return value
