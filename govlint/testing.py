"""Helpers for testing govlint plugins the way users run them.

Every helper goes through the real machinery: plugins are loaded by
``govlint.plugin_host.load_plugins`` (installed entry points plus any local plugin files),
files are checked by ``govlint.engine.Checker``, and options are validated as
``.govlint.yaml`` would be. A plugin's tests therefore see exactly what ``govlint check``
would report::

    from govlint.testing import assert_cases, lint_text

    def test_deadline():
        findings = lint_text(REPORT, select=["PV101"], options={"pv-deadline": "01-20"})
        assert [f.code for f in findings] == ["PV101"]

    def test_table():
        assert_cases("PV201", passing=[GOOD_REPORT], failing=[(BAD_REPORT, "要点落实情况")])

``rules=[...]`` adds rule objects that are not installed (a rule under development).
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from govlint.findings import Finding

__all__ = [
    "assert_cases", "codes", "lint_file", "lint_text", "load_document", "parse_file",
    "parse_text", "registry", "run_cli",
]


@lru_cache(maxsize=8)
def _cached_registry(local_files: tuple[str, ...], entry_points: bool):
    from govlint.plugin_host import load_plugins

    return load_plugins(list(local_files), entry_points=entry_points)


def registry(plugins: Iterable[str | Path] = (), *, rules: Sequence = (), entry_points: bool = True):
    """The plugin registry a run would use, plus ``rules`` (objects not installed).

    Loading is cached per set of plugin files; the returned registry is a shallow copy, so
    adding ``rules`` never leaks into another test.
    """
    import copy

    from govlint.rule import Rule, validate_rule

    base = _cached_registry(tuple(str(Path(p).resolve()) for p in plugins), entry_points)
    reg = copy.copy(base)
    reg.rules = dict(base.rules)
    for rule_obj in rules:
        if isinstance(rule_obj, type) and issubclass(rule_obj, Rule):
            rule_obj = rule_obj()
        validate_rule(rule_obj)
        existing = reg.rules.get(rule_obj.code)
        # The same rule class may already be installed (testing an installed plugin's rule).
        if existing is not None and type(existing) is not type(rule_obj):
            raise ValueError(f"rule code {rule_obj.code} is already registered by {existing.plugin}")
        rule_obj.plugin = rule_obj.plugin or "govlint.testing"
        reg.rules[rule_obj.code] = rule_obj
    return reg


def _checker(reg, select, options):
    from govlint.config import Config, validate_options
    from govlint.engine import Checker, Settings
    from govlint.plugin_host import rule_options
    from govlint.selection import Selection

    declared = dict(reg.options)
    # Options of rules passed in ``rules=`` are declared as the host would declare them.
    for rule_obj in reg.rules.values():
        for key, option in rule_options(rule_obj).items():
            declared.setdefault(key, option)
    values = validate_options(Config(options=dict(options or {})), declared)
    selectors = tuple(s.strip().upper() for s in select or ())
    for selector in selectors:  # a typo must not make a test pass by selecting nothing
        if selector != "ALL" and not any(code.startswith(selector) for code in reg.rules):
            raise ValueError(f"select: {selector} matches no installed rule")
    selection = Selection(select=selectors) if selectors else Selection()
    return Checker(reg, Settings(selection=selection, options=values, keep_reports=True))


def lint_file(path: str | Path, *, rules: Sequence = (), options: dict | None = None,
              select: Sequence[str] | None = None, plugins: Iterable[str | Path] = ()) -> list[Finding]:
    """Check one file with every installed plugin; return its findings, sorted.

    ``select`` limits the codes as ``--select`` does (codes or prefixes); ``options`` are the
    values a user would put under ``options:``; ``plugins`` are repo-local plugin files.
    """
    checker = _checker(registry(plugins, rules=rules), select, options)
    findings = checker.check_file(str(path)).findings
    return sorted(findings, key=Finding.sort_key)


def _suffix(reg, format: str) -> str:
    for loader in reg.loaders:
        if loader.name == format and loader.suffixes:
            return loader.suffixes[0]
    known = ", ".join(sorted(loader.name for loader in reg.loaders))
    raise ValueError(f"no loader named {format!r} (installed: {known})")


class _TempReport:
    """A temporary file holding the text or bytes, removed afterwards."""

    def __init__(self, content: str | bytes, suffix: str):
        self.content = content.encode("utf-8") if isinstance(content, str) else content
        self.suffix = suffix

    def __enter__(self) -> str:
        handle, self.path = tempfile.mkstemp(prefix="govlint-test-", suffix=self.suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(self.content)
        return self.path

    def __exit__(self, *exc) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass


def lint_text(text: str | bytes, *, format: str = "text", rules: Sequence = (),
              options: dict | None = None, select: Sequence[str] | None = None,
              plugins: Iterable[str | Path] = ()) -> list[Finding]:
    """Check a report given as text (or bytes) in the loader ``format`` (text, html, markdown, ...)."""
    reg = registry(plugins, rules=rules)
    with _TempReport(text, _suffix(reg, format)) as path:
        return lint_file(path, rules=rules, options=options, select=select, plugins=plugins)


def load_document(path: str | Path, *, plugins: Iterable[str | Path] = ()):
    """The Document the installed loader for ``path`` produces."""
    reg = registry(plugins)
    data = Path(path).read_bytes()
    loader = reg.loader_for(str(path), data[:1024])
    if loader is None:
        raise ValueError(f"no loader claims {path}")
    return loader.load(str(path), data)


def parse_file(path: str | Path, *, plugins: Iterable[str | Path] = ()):
    """The Report govlint understands from a file (what ``govlint parse`` shows)."""
    from govlint.parser import parse

    return parse(load_document(path, plugins=plugins))


def parse_text(text: str | bytes, format: str = "text", *, plugins: Iterable[str | Path] = ()):
    """The Report govlint understands from a report given as text in the loader ``format``."""
    reg = registry(plugins)
    with _TempReport(text, _suffix(reg, format)) as path:
        return parse_file(path, plugins=plugins)


def codes(findings: Iterable[Finding]) -> list[str]:
    """The codes of ``findings``, in order (handy in assertions)."""
    return [f.code for f in findings]


def _describe(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.code} {f.location}: {f.message}" for f in findings) or "  (none)"


def assert_cases(rule, passing: Sequence = (), failing: Sequence = (), *, format: str = "text",
                 options: dict | None = None, plugins: Iterable[str | Path] = ()) -> None:
    """Table-driven check of one rule.

    ``rule`` is a code (an installed rule) or a rule object (added as with ``rules=``).
    Every ``passing`` report must give no finding of that code; every ``failing`` entry,
    a report or a ``(report, expected)`` pair, must give at least one, and when
    ``expected`` is a string some finding's message must contain it, when an int exactly
    that many findings. No case may give an internal error (GL000).
    """
    extra = () if isinstance(rule, str) else (rule,)
    code = rule if isinstance(rule, str) else rule.code
    select = [code, "GL000"]

    def run(text):
        found = lint_text(text, format=format, rules=extra, options=options, select=select,
                          plugins=plugins)
        crashes = [f for f in found if f.code == "GL000"]
        if crashes:
            raise AssertionError(f"{code}: internal error while checking a case:\n{_describe(crashes)}")
        return [f for f in found if f.code == code]

    problems = []
    for i, text in enumerate(passing):
        found = run(text)
        if found:
            problems.append(f"passing case {i}: expected no {code} finding, got:\n{_describe(found)}")
    for i, case in enumerate(failing):
        text, expected = case if isinstance(case, tuple) else (case, None)
        found = run(text)
        if not found:
            problems.append(f"failing case {i}: expected a {code} finding, got none")
        elif isinstance(expected, int) and not isinstance(expected, bool) and len(found) != expected:
            problems.append(f"failing case {i}: expected {expected} {code} findings, got "
                            f"{len(found)}:\n{_describe(found)}")
        elif isinstance(expected, str) and not any(expected in f.message for f in found):
            problems.append(f"failing case {i}: no {code} message contains {expected!r}:\n{_describe(found)}")
    if problems:
        raise AssertionError("\n".join(problems))


def run_cli(*args: str, cwd: str | Path | None = None, timeout: float = 120):
    """Run ``python -m govlint ARGS`` as a user would, in a subprocess; no colour, and the
    GitHub Actions default format switched off. Returns the ``CompletedProcess`` (text)."""
    import subprocess
    import sys

    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
