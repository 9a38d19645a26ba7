"""``docs/config.md``, written from the key table (``govlint.config_keys``).

The page is generated so that it cannot drift from what the loader accepts; a test compares
the file with ``render()``. Regenerate it with ``python -m govlint.config_docs > docs/config.md``.
"""

from __future__ import annotations

from govlint.baseline import MAX_BASELINE_BYTES
from govlint.config import MAX_CONFIG_BYTES
from govlint.config_keys import KEYS, KINDS, Key, yaml_value
from govlint.yaml_guard import MAX_DEPTH, MAX_INTEGER_DIGITS, MAX_NODES

_MB = 1024 * 1024

INTRO = f"""\
# Configuration

<!-- Generated from govlint/config_keys.py by `python -m govlint.config_docs > docs/config.md`;
     edit the key table, not this file. -->

Each file is checked with the config nearest above it: `.govlint.yaml` (or `.govlint.yml`), or a
`pyproject.toml` holding the same keys in a `[tool.govlint]` table (a `pyproject.toml` without
that table is skipped); a file with no config above it uses the run's config. `--config FILE`
applies one file to every report. A nested config starts from the defaults (it does not inherit
from a config above it). `govlint check --show-settings FILE` prints what a file gets and where
each value comes from. Every key is optional. `govlint init` writes a commented
starter file with every key below; run on an existing file, it adds the missing keys and keeps
your values, order and comments.

A key that govlint does not know, a value of the wrong kind, a YAML tag (`!tag`; a config never
constructs objects), a code or prefix that matches no installed rule, or a rule option that no
rule declares stops the run with exit code 2 and names the place as `file:line:column`.

Paths are relative to the folder of the config file. A *run-wide* key applies to the whole run
(plugins are loaded once, there is one exit code and one baseline): it is read from `--config` or
the config nearest the working directory, and in any other (nested) config it is an error with
its `file:line:column`.

## Limits

A config file must be a regular file (not a pipe or a device) of at most {MAX_CONFIG_BYTES // _MB} MB,
in UTF-8. Before it is loaded, its YAML may nest at most {MAX_DEPTH} levels deep and hold at most
{MAX_NODES:,} values, counting each alias (`*name`) as a full copy of its anchor; an alias to a
node that contains it and an integer longer than {MAX_INTEGER_DIGITS} characters are refused. So a
hostile file (a "billion laughs" of nested aliases, deep brackets) is an error with its
`file:line:column`, not a hang. A baseline file (`baseline`, `--baseline`) must be a regular
file of at most {MAX_BASELINE_BYTES // _MB} MB.
"""

OPTIONS_NOTE = """\
## Rule options

The names and values under `options:` are declared by the installed rules and plugins
(`govlint rule CODE` lists a rule's options and their defaults), and each rule checks its own
values: `options: {agency-kind: departmnet}` stops the run at that line. A value must have the
type of the option's default (an integer option takes only whole numbers).
"""


def _summary_row(key: Key) -> str:
    default = "not set" if key.default is None else f"`{yaml_value(key.default)}`"
    return f"| [`{key.name}`](#{key.name}) | {default} | {'yes' if key.run_wide else ''} |"


def _section(key: Key) -> str:
    lines = [f"### `{key.name}`", "", key.help, "",
             f"- Value: {KINDS[key.kind]}.",
             "- Default: " + ("not set." if key.default is None else f"`{yaml_value(key.default)}`.")]
    if key.example is not None:
        lines.append(f"- Example: `{key.name}: {key.example}`")
    if key.run_wide:
        lines.append("- Run-wide.")
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole page, in the table's order."""
    summary = ["## Keys", "", "| key | default | run-wide |", "|---|---|---|",
               *(_summary_row(key) for key in KEYS)]
    return "\n".join([INTRO, "\n".join(summary) + "\n", *(_section(key) for key in KEYS), OPTIONS_NOTE])


if __name__ == "__main__":
    import sys

    sys.stdout.write(render())
