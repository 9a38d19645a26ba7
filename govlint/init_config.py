"""``govlint init``: a commented starter ``.govlint.yaml``.

An existing file is updated in ruamel's round-trip mode: missing keys are added, and the
user's values, order and comments stay as they were.
"""

from __future__ import annotations

import io
from pathlib import Path

STARTER = """\
# govlint configuration. Every key is optional; see `govlint rules` for the codes.

# Rules to run: codes or prefixes (GL2 = every table-arithmetic rule). ALL = every rule.
select: [ALL]
# Codes or prefixes to add to `select`, or to skip.
extend-select: []
ignore: []

# Lowest severity that makes `govlint check` exit 1: error, warning or info.
fail-on: warning

# Per-code severity overrides, e.g. GL603: error
severity: {}

# Glob pattern -> codes to skip for matching files, e.g. "archive/*.html": [GL603]
per-file-ignores: {}

# Repo-local plugin files (.py) loaded like installed plugins.
plugins: []

# Exit 2 when a plugin fails to load instead of warning.
strict-plugins: false

# Findings recorded with `govlint check --write-baseline FILE` are hidden:
# baseline: .govlint-baseline.json

# Rule options (see `govlint rule CODE`), e.g.
# options:
#   agency-kind: auto
options: {}
"""


def write_starter(target: str | Path) -> list[str] | None:
    """Create ``target`` (returns None) or add missing keys to it (returns their names)."""
    from ruamel.yaml import YAML

    from govlint.config import ConfigError, load_config

    path = Path(target)
    if not path.exists():
        path.write_text(STARTER, encoding="utf-8")
        return None
    load_config(path)  # refuse to rewrite a file that is not valid
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    data = yaml.load(path.read_text(encoding="utf-8"))
    if data is None:
        path.write_text(STARTER, encoding="utf-8")
        return []
    starter = yaml.load(STARTER)
    added = []
    for key in starter:
        if key not in data:
            data[key] = starter[key]
            added.append(key)
    if not added:
        return []
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置文件的顶层应为键值映射")
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return added
