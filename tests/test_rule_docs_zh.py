"""Every built-in rule has its documentation in Chinese; `govlint rule` shows it on request
or when the locale is Chinese."""

from __future__ import annotations

import os

import pytest

from govlint.plugin_host import load_plugins
from govlint.testing import run_cli

BUILTIN = sorted(code for code, rule in load_plugins([]).rules.items() if rule.plugin == "govlint:rules")


@pytest.mark.parametrize("code", BUILTIN)
def test_each_builtin_rule_has_chinese_documentation(code):
    rule = load_plugins([]).rules[code]
    zh = rule.docs_in("zh")
    assert zh != rule.docs, f"{code} has no Chinese documentation beside its module"
    assert "符合的例子" in zh
    # the Chinese text is mostly Chinese
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert han > len(zh) / 4


def test_rule_command_language_from_option_and_locale():
    english = run_cli("rule", "GL201", "--lang", "en").stdout
    chinese = run_cli("rule", "GL201", "--lang", "zh").stdout
    assert "What it checks" in english and "检查内容" in chinese
    env = dict(os.environ, LANG="zh_CN.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    import subprocess
    import sys

    by_locale = subprocess.run([sys.executable, "-m", "govlint", "rule", "GL201"], env=env,
                               capture_output=True, text=True).stdout
    assert "检查内容" in by_locale
