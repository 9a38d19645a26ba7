"""``govlint init``: a commented starter ``.govlint.yaml``.

The starter file is written from the key table (``govlint.config_keys``): each key with its
help as a comment and its default value, or, for a key that is unset by default, its example
commented out. An existing file is updated in ruamel's round-trip mode: missing keys are
added with their help comment, and the user's values, order and comments stay as they were.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from govlint.config_keys import KEYS, Key, yaml_value

HEADER = """\
# govlint configuration. Every key is optional; see `govlint rules` for the codes
# and docs/config.md for what each key accepts.
"""


def _comment(key: Key) -> list[str]:
    lines = textwrap.wrap(key.help, width=88, break_on_hyphens=False)
    if key.example is not None and key.default is not None:
        lines.append(f"e.g. {key.name}: {key.example}")
    return lines


def starter_text() -> str:
    """The commented starter file: every key of the table, in the table's order."""
    parts = [HEADER]
    for key in KEYS:
        lines = [f"# {line}" for line in _comment(key)]
        if key.default is None:
            lines.append(f"# {key.name}: {key.example}")
        else:
            lines.append(f"{key.name}: {yaml_value(key.default)}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def write_starter(target: str | Path) -> list[str] | None:
    """Create ``target`` (returns None) or add missing keys to it (returns their names)."""
    from ruamel.yaml import YAML

    from govlint.config import ConfigError, load_config

    path = Path(target)
    starter_file = starter_text()
    if not path.exists():
        path.write_text(starter_file, encoding="utf-8")
        return None
    load_config(path)  # refuse to rewrite a file that is not valid
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    data = yaml.load(path.read_text(encoding="utf-8"))
    if data is None:
        path.write_text(starter_file, encoding="utf-8")
        return []
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置文件的顶层应为键值映射")
    starter = yaml.load(starter_file)
    added = []
    for key in KEYS:
        if key.name in starter and key.name not in data:
            data[key.name] = starter[key.name]
            # a blank line, then the key's help, as in a new starter file
            data.yaml_set_comment_before_after_key(key.name, before="\n" + "\n".join(_comment(key)))
            added.append(key.name)
    if not added:
        return []
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return added
