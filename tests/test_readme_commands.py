"""The set-up commands: the Chinese README and the PowerShell forms never drift from the
README's own commands (the ones .ci/run executes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def marked(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"<!-- {name} -->\n```sh\n(.*?)\n```\n<!-- /{name} -->", text, re.S)
    assert block, f"README.md has no {name} block"
    return block.group(1).strip()


def powershell(command: str) -> str:
    """The same command in PowerShell: python, ';' between steps, Scripts\\, double quotes."""
    return (command.replace("python3 ", "python ").replace(" && ", "; ")
            .replace(".venv/bin/", ".venv\\Scripts\\").replace("'", '"'))


@pytest.mark.parametrize("name", ["main-command", "test-command"])
def test_both_readmes_give_the_command_and_its_powershell_form(name):
    command = marked(name)
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert command in chinese
    assert powershell(command) in english and powershell(command) in chinese


def test_the_readmes_link_each_other():
    assert "README.zh-CN.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(README.md)" in (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
