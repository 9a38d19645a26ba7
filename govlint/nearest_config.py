"""Each file's own config: the nearest ``.govlint.yaml`` (or ``pyproject.toml`` with
``[tool.govlint]``) above it, as in ruff.

A repository may hold several workspaces, each with its own config (one office's reports
tolerate GL603, another's do not). Per-file keys (selection, severities, per-file ignores,
rule options) come from the config nearest to each file; ``--config`` makes one config apply
to every file. Run-wide keys (``run_wide`` in ``govlint.config_keys``: plugins, baseline,
fail-on, timeout, file selection, and the corpus and cache keys) come from the run's config
only (``--config`` or the one nearest the working directory), because a run loads its plugins
once, has one exit code and one baseline; in any other config they are an error naming
``file:line:column``. A file with no config above it uses the run's config.
"""

from __future__ import annotations

import os
from pathlib import Path

from govlint.config import Config, ConfigError, config_in, load_config


class Configs:
    """Finds and loads the config of each file, each folder and each file once."""

    def __init__(self, run: Config, explicit: bool):
        self.run = run
        self.explicit = explicit
        self._by_folder: dict[Path, Path | None] = {}
        #: a file's folder as written (``os.path.dirname``) → its nearest config: the files of a
        #: folder ask once, without resolving their folder again (a run asks for every file)
        self._by_name: dict[str, Path | None] = {}
        self._loaded: dict[Path, Config] = {}
        if run.path is not None:
            self._loaded[Path(run.path).resolve()] = run

    def nearest(self, folder: Path) -> Path | None:
        """The nearest config file at or above ``folder`` (remembered per folder)."""
        folder = folder.resolve()
        if folder not in self._by_folder:
            found = config_in(folder)
            if found is None and folder.parent != folder:
                found = self.nearest(folder.parent)
            self._by_folder[folder] = found.resolve() if found is not None else None
        return self._by_folder[folder]

    def for_file(self, path: str) -> Config:
        """The config that governs ``path``; loading (and checking) a nested one on first use."""
        if self.explicit:
            return self.run
        name = os.path.basename(path)
        if name in ("", ".", ".."):  # not a file name: the path itself is the folder
            found = self.nearest(Path(path).parent if Path(path).name else Path(path))
        else:
            folder = os.path.dirname(path)
            found = self._by_name.get(folder, self)
            if found is self:
                found = self._by_name[folder] = self.nearest(Path(path).parent)
        if found is None:
            return self.run
        config = self._loaded.get(found)
        if config is None:
            config = self._loaded[found] = load_config(found)
            refuse_run_wide(config)
        return config

    def nested(self) -> list[Config]:
        """Every config loaded besides the run's."""
        return [c for c in self._loaded.values() if c is not self.run]


def refuse_run_wide(config: Config) -> None:
    """A nested config may not set run-wide keys: say which, where."""
    from govlint.config_keys import KEYS

    for key in KEYS:
        if key.run_wide and key.name in config.key_positions:
            line, col = config.key_positions[key.name]
            raise ConfigError(
                f"{config.path}:{line}:{col}: '{key.name}' 对整次运行生效，只能写在运行所用的配置"
                f"（--config 指定的文件，或离当前目录最近的配置）中，不能写在嵌套的配置里")
