"""The keys of ``.govlint.yaml`` as data: one record per key.

The loader (``govlint.config``), ``govlint init``'s commented starter file
(``govlint.init_config``) and ``docs/config.md`` (``govlint.config_docs``) are all derived from
``KEYS``, so a key is added, documented and offered by ``govlint init`` in one line here.

A key's ``kind`` names how its value is read and checked; ``KINDS`` says in words what each
kind accepts (for the documentation), and ``govlint.config`` has one reader per kind. A new
key whose kind exists is one line; a new kind is a description here and a reader there.

This module is imported on the way to the loader and must stay cheap: plain data, no YAML
library.
"""

from __future__ import annotations

from typing import Any

from govlint.record import Frozen

#: the per-file time limit when ``timeout`` is not set: a base plus so much per MB of the file
DEFAULT_TIMEOUT = 10.0
TIMEOUT_PER_MB = 2.0
#: one day: a longer limit is no limit, and a finite bound keeps the timers that enforce it in range
MAX_TIMEOUT = 86400

#: what each kind of value accepts, as the documentation states it
KINDS = {
    "codes": "list of rule codes or prefixes (`GL201`, `GL2`, `ALL`); one code alone is read as a "
             "one-item list",
    "severity": "`error`, `warning` or `info`",
    "code-severities": "mapping of rule code → severity (`error`, `warning` or `info`)",
    "glob-codes": "mapping of glob pattern → list of rule codes or prefixes; a pattern is matched "
                  "against the path as given and relative to the config's folder",
    "plugin-files": "list of paths of `.py` files, relative to the config's folder; each must exist",
    "flag": "`true` or `false`",
    "globs": "list of glob patterns in `.gitignore` syntax (`build`, `*.egg-info`, `archive/**/*.txt`, "
             "`!keep.html`), matched against paths relative to the config's folder",
    "path": "a file path, relative to the config's folder",
    "rule-options": "mapping of option name → value; the options are declared by the installed rules "
                    "and plugins, which check their own values",
    "name-lists": "mapping of name → list of names (agency names as printed; they are normalised "
                  "like agency keys: whitespace, brackets and the report's own title words removed)",
    "seconds": f"a number of seconds greater than 0 and at most {MAX_TIMEOUT} (one day); `.inf` and "
               "`.nan` are refused",
}


class Key(Frozen):
    """One config key.

    ``default`` is the value as YAML would give it (``None``: not set). ``example`` is YAML
    text shown in the documentation and, commented out, in the starter file. A ``run_wide``
    key applies to the whole run (plugins are loaded once, one exit code, one baseline), so it
    is read from the config of the run, never from a config nearer to one file.
    """

    __slots__ = _fields = ("name", "kind", "default", "help", "example", "run_wide")

    def __init__(self, name: str, kind: str, default: Any, help: str, example: str | None = None,
                 run_wide: bool = False) -> None:
        set_ = object.__setattr__
        set_(self, "name", name)
        set_(self, "kind", kind)
        set_(self, "default", default)
        set_(self, "help", help)
        set_(self, "example", example)
        set_(self, "run_wide", run_wide)

    @property
    def attribute(self) -> str:
        """The ``Config`` attribute that holds the key's value."""
        return self.name.replace("-", "_")


KEYS: tuple[Key, ...] = (
    Key("select", "codes", ["ALL"],
        "Rules to run: codes or prefixes (GL2 = every table-arithmetic rule). ALL = every rule.",
        example="[GL2, GL301]"),
    Key("extend-select", "codes", [],
        "Codes or prefixes to add to `select` (rules that are off by default, for example).",
        example="[GL702]"),
    Key("ignore", "codes", [], "Codes or prefixes to skip.", example="[GL7]"),
    Key("fail-on", "severity", "warning",
        "Lowest severity that makes `govlint check` exit 1: error, warning or info.", run_wide=True),
    Key("severity", "code-severities", {}, "Per-code severity overrides.",
        example="{GL603: error}"),
    Key("per-file-ignores", "glob-codes", {}, "Glob pattern -> codes to skip for matching files.",
        example='{"archive/*.html": [GL603]}'),
    Key("plugins", "plugin-files", [], "Repo-local plugin files (.py) loaded like installed plugins.",
        example="[tools/local_rules.py]", run_wide=True),
    Key("strict-plugins", "flag", False, "Exit 2 when a plugin fails to load instead of warning.",
        run_wide=True),
    Key("baseline", "path", None,
        "Findings recorded with `govlint check --write-baseline FILE` are hidden.",
        example=".govlint-baseline.json", run_wide=True),
    Key("options", "rule-options", {}, "Rule options (see `govlint rule CODE`).",
        example="{agency-kind: auto}"),
    Key("exclude", "globs", None,
        "Files and folders a walk of a directory skips; replaces the defaults (build, dist, "
        "*.egg-info, node_modules, .venv, caches and version-control folders).",
        example="[build, dist, archive]", run_wide=True),
    Key("extend-exclude", "globs", [], "Patterns to skip in addition to `exclude`.",
        example="[docs, drafts/*.md]", run_wide=True),
    Key("respect-gitignore", "flag", True,
        "Skip what the repository's `.gitignore` files ignore (`--no-respect-gitignore` turns it off).",
        run_wide=True),
    Key("force-exclude", "flag", False,
        "Apply the exclusions to files named on the command line too (for pre-commit, which names "
        "every changed file).", run_wide=True),
    Key("timeout", "seconds", None,
        "Per-file time limit in seconds: a file whose loading, parsing or rules take longer is "
        f"reported as GL000 (检查超时). Not set: {DEFAULT_TIMEOUT:g} s plus {TIMEOUT_PER_MB:g} s per MB "
        "of the file. `govlint check --timeout SECONDS` overrides it.",
        example="30", run_wide=True),
    Key("agencies", "name-lists", {},
        "Agency names: canonical name -> its other names (a renamed or merged agency), so that the "
        "cross-report rules (GL8) see one agency.",
        example="{平潭综合实验区财政金融局: [平潭综合实验区财政局]}", run_wide=True),
    Key("summaries", "name-lists", {},
        "Summary reports: parent agency -> the child agencies whose tables 三 and 四 it sums (GL804).",
        example="{某县人民政府: [某镇人民政府, 某乡人民政府]}", run_wide=True),
)

#: plain scalars that YAML would not read as strings
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}

KEY_NAMES: tuple[str, ...] = tuple(key.name for key in KEYS)


def yaml_value(value: Any) -> str:
    """``value`` (a key's default) as one line of YAML flow text.

    Defaults are plain strings, booleans, None and flat lists or mappings of them; writing
    them here keeps the YAML library off the paths that only need the text.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_value(k)}: {yaml_value(v)}" for k, v in value.items()) + "}"
    text = str(value)
    plain = text and all(ch.isalnum() or ch in "-_./" for ch in text) and not text[0].isdigit()
    if plain and text.lower() not in _YAML_WORDS:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
