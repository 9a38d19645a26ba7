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

A rule's example tests can also be data: a YAML case file per code (``load_cases``), each
case a report (inline text or a file, optionally edited by ``replace``) and the findings
expected, run by one parametrised test with ``check_case``.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from govlint.findings import Finding

__all__ = [
    "assert_cases", "assert_findings", "check_case", "codes", "lint_file", "lint_text",
    "load_cases", "load_document", "parse_file", "parse_text", "registry", "run_cli",
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


def _checker(reg, select, options, config: dict | None = None):
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
    config = config or {}
    return Checker(reg, Settings(selection=selection, options=values, agencies=dict(config.get("agencies") or {}),
                                 summaries=dict(config.get("summaries") or {})))


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


def lint_reports(reports: Sequence[tuple[str, str | bytes, str]], *, options: dict | None = None,
                 select: Sequence[str] | None = None, plugins: Iterable[str | Path] = (),
                 config: dict | None = None) -> list[Finding]:
    """Check several reports as one run, run-scope (corpus) rules included.

    ``reports`` are (file name, content, loader format) triples; the names are the paths
    findings show. ``config`` may give ``agencies`` and ``summaries`` as in ``.govlint.yaml``.
    Returns every finding, sorted as ``govlint check`` prints them.
    """
    from govlint.engine import run

    reg = registry(plugins)
    checker = _checker(reg, select, options, config)
    with tempfile.TemporaryDirectory(prefix="govlint-test-") as folder:
        names = []
        for name, content, format in reports:
            target = Path(folder) / (name if Path(name).suffix else name + _suffix(reg, format))
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            names.append(target.name)
        here = os.getcwd()
        os.chdir(folder)  # findings show the names as given, messages name the other file so too
        try:
            return run(names, checker).findings
        finally:
            os.chdir(here)


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


def load_cases(path: str | Path) -> list[dict]:
    """The cases of a YAML case file, each a dict ready for ``check_case``.

    The file holds ``code`` (the rule under test) and ``cases``, a list of mappings:
    ``name``; the report as ``text`` (inline) or ``file`` (a path relative to the case file);
    optional ``replace`` (``[old, new]`` pairs applied in order, each ``old`` must occur; an
    item may be a list of pairs, e.g. a YAML alias to edits several cases share) and
    ``replace_re`` (``[pattern, replacement]`` pairs for ``re.sub``, each must match),
    or, for rules between reports, ``reports``: a list of such reports, each with a file
    ``name`` (findings' paths are these names), and ``config`` (``agencies``, ``summaries``),
    ``format`` (the loader; default from the file's suffix, else text), ``select`` (default:
    the code), ``options``, ``plugins`` (local plugin files, relative to the case file); and
    ``expect``, the list of every finding of the selected codes, in order, each a mapping of
    the fields to compare (see ``assert_findings``).
    """
    from ruamel.yaml import YAML

    path = Path(path)
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    cases = []
    for case in data["cases"]:
        case = dict(case, code=data["code"], source=str(path))
        if "file" in case:
            case["file"] = str((path.parent / case["file"]).resolve())
        for entry in case.get("reports", ()):
            if "file" in entry:
                entry["file"] = str((path.parent / entry["file"]).resolve())
        case["plugins"] = [str((path.parent / p).resolve()) for p in case.get("plugins", ())]
        cases.append(case)
    return cases


def _field_problems(finding: Finding, expected: dict, default_code: str) -> list[str]:
    problems = []
    actual = {"code": finding.code, "message": finding.message, "location": finding.location,
              "severity": str(finding.severity) if finding.severity is not None else None,
              "line": finding.line if finding.span else None, "path": finding.path,
              "related": len(getattr(finding, "related", ()))}
    for key, want in expected.items():
        if key == "message_has":
            for part in [want] if isinstance(want, str) else want:
                if part not in finding.message:
                    problems.append(f"message lacks {part!r}")
        elif key == "properties":
            for name, value in want.items():
                if finding.properties.get(name, "<absent>") != value:
                    problems.append(f"properties[{name!r}] = {finding.properties.get(name, '<absent>')!r}, "
                                    f"expected {value!r}")
        elif key in actual:
            if actual[key] != want:
                problems.append(f"{key} = {actual[key]!r}, expected {want!r}")
        else:
            problems.append(f"unknown expectation {key!r}")
    if "code" not in expected and finding.code != default_code:
        problems.append(f"code = {finding.code!r}, expected {default_code!r}")
    return problems


def assert_findings(found: Sequence[Finding], expected: Sequence[dict], code: str = "") -> None:
    """``found`` matches ``expected`` one to one, in order.

    Each expectation compares only the fields it names: ``code`` (default ``code``),
    ``message`` (exact), ``message_has`` (a substring or a list of them), ``location``, ``path``,
    ``severity``, ``line`` (the span's first line), ``related`` (how many related locations)
    and ``properties`` (the keys given).
    """
    problems = []
    if len(found) != len(expected):
        problems.append(f"expected {len(expected)} findings, got {len(found)}")
    for i, (finding, want) in enumerate(zip(found, expected)):
        problems += [f"finding {i}: {p}" for p in _field_problems(finding, want, code)]
    if problems:
        raise AssertionError("\n".join(problems) + "\nfound:\n" + _describe(list(found)))


def _pairs(items) -> list:
    """``[old, new]`` pairs; an item that is itself a list of pairs (a YAML alias to edits
    shared by several cases) is spliced in."""
    pairs = []
    for item in items:
        pairs.extend(item if item and isinstance(item[0], list) else [item])
    return pairs


def _case_report(case: dict) -> tuple[str | bytes, str]:
    """The report text of a case and its loader format."""
    if "file" in case:
        path = Path(case["file"])
        edited = "replace" in case or "replace_re" in case
        content: str | bytes = path.read_text(encoding="utf-8") if edited else path.read_bytes()
        default_format = {".html": "html", ".htm": "html", ".md": "markdown"}.get(path.suffix, "text")
    else:
        content, default_format = case["text"], "text"
    for old, new in _pairs(case.get("replace", ())):
        if old not in content:
            raise ValueError(f"{case.get('name')}: replace: {old!r} does not occur in the report")
        content = content.replace(old, new)
    for pattern, new in _pairs(case.get("replace_re", ())):
        content, count = re.subn(pattern, new, content)
        if not count:
            raise ValueError(f"{case.get('name')}: replace_re: {pattern!r} matches nothing in the report")
    return content, case.get("format", default_format)


def check_case(case: dict) -> list[Finding]:
    """Check the report of one case (from ``load_cases``) and assert its expected findings.

    Only the selected codes are compared; an internal error (GL000) always fails the case.
    Returns the findings compared.
    """
    code = case["code"]
    select = list(case.get("select", [code]))
    if "reports" in case:
        found = lint_reports([(entry["name"], *_case_report(dict(entry, name=case.get("name"))))
                              for entry in case["reports"]],
                             options=case.get("options"), select=select + ["GL000"],
                             plugins=case.get("plugins", ()), config=case.get("config"))
    else:
        content, format = _case_report(case)
        found = lint_text(content, format=format, options=case.get("options"), select=select + ["GL000"],
                          plugins=case.get("plugins", ()))
    crashes = [f for f in found if f.code == "GL000" and "GL000" not in select]
    if crashes:
        raise AssertionError(f"{code}: internal error while checking a case:\n{_describe(crashes)}")
    found = [f for f in found if f.code not in ("GL000",) or "GL000" in select]
    assert_findings(found, case.get("expect") or [], code)
    return found


def run_cli(*args: str, cwd: str | Path | None = None, timeout: float = 120):
    """Run ``python -m govlint ARGS`` as a user would, in a subprocess; no colour, and the
    GitHub Actions default format switched off. Returns the ``CompletedProcess`` (text)."""
    import subprocess
    import sys

    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


#: run in a fresh interpreter by ``load_in_child``: load one file, report the problems and the
#: process's own peak memory
_LOAD_IN_CHILD = """
import importlib, json, resource, sys

def peak_kb():
    # VmHWM is this program's own peak; ru_maxrss on Linux also keeps the peak of the process
    # that forked it before exec (a large test runner), which would hide what is measured
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

module, _, name = sys.argv[1].partition(":")
loader = getattr(importlib.import_module(module), name)()
path = sys.argv[2]
doc = loader.load(path.rsplit("/", 1)[-1], open(path, "rb").read())
print(json.dumps({"problems": [[f.code, f.message] for f in doc.problems], "maxrss_kb": peak_kb()}))
"""


def load_in_child(loader: str, path: str | Path, timeout: float = 300) -> dict:
    """Load ``path`` with ``loader`` (``"package.module:LoaderClass"``) in a fresh interpreter,
    as a worker would, and return ``problems`` ([code, message] pairs), ``maxrss_kb`` (that
    process's own peak memory) and ``stderr``: how a loader's memory bounds against hostile
    files (decompression bombs) are tested without the test runner's memory in the figure."""
    import json
    import subprocess
    import sys

    # the timeout only guards against a hang
    done = subprocess.run([sys.executable, "-c", _LOAD_IN_CHILD, loader, str(path)],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return {**json.loads(done.stdout), "stderr": done.stderr}
