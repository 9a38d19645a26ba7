"""Start-up cost: --version and --help import neither rich nor lxml and load no plugins."""

import subprocess
import sys

import pytest

HEAVY = ("rich", "lxml", "pluggy", "ruamel", "govlint.plugin_host", "govlint.parser", "jsonschema")


def imported_modules(*args) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", *args],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    assert "govlint.cli" in modules  # the measurement itself works
    return modules


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("check", "--help")])
def test_light_commands_import_nothing_heavy(args):
    modules = imported_modules(*args)
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == []
