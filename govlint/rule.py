"""The rule API.

A rule is a class with a stable ``code``, a kebab-case ``name``, a default ``severity``, a
one-line ``summary`` and its documentation in the docstring, and a ``check`` method that
yields findings for one report::

    from govlint.api import Rule, Finding

    class NoZeroRequests(Rule):
        '''Why it matters, and a failing and a passing example.'''

        code = "XJ101"
        name = "no-zero-requests"
        severity = "warning"
        summary = "表三第一项全为零"

        def check(self, report, ctx):
            table = report.table("table3")
            if table and table.value("new", "total") == 0:
                yield Finding("本年新收申请为 0", span=table.span, location="表三")

The ``@rule`` decorator makes the same from a function. Rules are deterministic functions of
the Report: no I/O, no network. A rule that compares the reports of the run (cross-year
checks, a corpus rule) sets ``scope = "run"`` and implements ``check_run(facts, ctx)``
instead: ``facts`` is a ``govlint.corpus.provider.Facts`` (the facts of every report,
``govlint.corpus.facts``, never parsed reports), and each finding names its ``path``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from govlint.findings import Finding, Severity
from govlint.lazy_re import lazy_pattern
from govlint.record import Record

CODE_RE = lazy_pattern(r"^[A-Z]{1,5}[0-9]{3,4}$")
NAME_RE = lazy_pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleContext(Record):
    """What a rule may know besides the report: its options from the configuration, and for
    corpus rules the summary reports the configuration declares."""

    __slots__ = _fields = ("options", "summaries")

    def __init__(self, options: dict[str, Any] | None = None,
                 summaries: dict[str, tuple[str, ...]] | None = None) -> None:
        self.options = {} if options is None else options
        #: config ``summaries`` as agency keys: parent agency → its child agencies (GL804)
        self.summaries = {} if summaries is None else summaries

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


class Rule:
    code: str = ""
    name: str = ""
    severity: str | Severity = "error"
    summary: str = ""
    #: "report" rules see one report at a time; "run" rules see the facts of every report.
    scope: str = "report"
    #: rule options: key -> default value; users set them under ``options:`` in .govlint.yaml.
    options: dict[str, Any] = {}
    #: False for rules that run only when a selector names them (a code or prefix, not ALL):
    #: local requirements that do not apply to every report.
    default_enabled: bool = True
    #: False for rules that must also run on files where no section or table was recognised
    #: (GL002 says so); the others are skipped there, so a README.md is one finding, not many.
    needs_report: bool = True
    #: the report formats the rule is written for: ``("2019", "2021")`` for the rules bound to
    #: the template of 国办公开办函〔2019〕60号/〔2021〕30号 (sections, tables, fees, prose vs
    #: table); empty for every format. The engine skips a report whose recognised format is
    #: not listed (``applies_to``), so a 2008–2018 report gets GL303, not dozens of findings
    #: about sections and tables that format never had.
    templates: tuple[str, ...] = ()
    #: the plugin that registered the rule (filled in by the plugin host).
    plugin: str = ""

    def check(self, report, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover - interface
        return ()

    def applies_to(self, report) -> bool:
        """Whether the rule runs on ``report``, by ``templates`` and ``report.template``.

        A report whose format is unknown (no table recognised) or mixed (``hybrid``, tables of
        2019 and 2021) is checked by every rule written for 2019 or 2021.
        """
        if not self.templates:
            return True
        template = getattr(report, "template", None)
        if template is None:
            return True
        if template == "hybrid":
            return any(t in self.templates for t in ("2019", "2021"))
        return template in self.templates

    def validate_option(self, key: str, value: Any) -> str | None:
        """Why ``value`` is not acceptable for option ``key`` (a message), or None.

        Called when the configuration is read, so that a bad value stops the run with the
        file, line and column instead of surfacing as findings. The type is already checked
        against the default's.
        """
        return None

    def check_run(self, facts, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover
        return ()

    @property
    def default_severity(self) -> Severity:
        return Severity.parse(self.severity)

    @property
    def docs(self) -> str:
        from inspect import cleandoc  # only for documentation: keep it off the start-up path

        return cleandoc(type(self).__doc__ or self.summary)

    #: the documentation in Chinese, for a plugin that keeps it in the class (built-in rules
    #: keep it in a file beside their module: ``gl201_table3_balance.zh.md``)
    doc_zh: str | None = None

    def docs_in(self, lang: str) -> str:
        """The documentation in ``lang`` (``zh`` or ``en``); English where no Chinese exists."""
        if lang == "zh":
            text = self.doc_zh or _beside_module(type(self), ".zh.md")
            if text:
                from inspect import cleandoc

                return cleandoc(text)
        return self.docs

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


def _beside_module(cls, suffix: str) -> str | None:
    """The text of the file named like ``cls``'s module with ``suffix`` (package data)."""
    import sys
    from pathlib import Path

    module = sys.modules.get(cls.__module__)
    filename = getattr(module, "__file__", None)
    if not filename:
        return None
    path = Path(filename).with_suffix(suffix)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def validate_rule(rule: Rule) -> None:
    """Raise ValueError when a rule's declaration is unusable."""
    if not CODE_RE.match(rule.code or ""):
        raise ValueError(f"rule {rule!r}: code {rule.code!r} must look like ABC123")
    if not NAME_RE.match(rule.name or ""):
        raise ValueError(f"rule {rule.code}: name {rule.name!r} must be kebab-case")
    Severity.parse(rule.severity)
    if not rule.summary:
        raise ValueError(f"rule {rule.code}: a one-line summary is required")
    if rule.scope not in ("report", "run"):
        raise ValueError(f"rule {rule.code}: scope must be 'report' or 'run'")


def rule(code: str, name: str, severity: str = "error", summary: str = "",
         options: dict | None = None) -> Callable[[Callable], Rule]:
    """Make a rule from a generator function ``(report, ctx) -> findings``.

    The function's docstring is the rule's documentation.
    """

    def wrap(func: Callable) -> Rule:
        from inspect import cleandoc

        cls = type(
            "".join(part.title() for part in name.split("-")) + "Rule",
            (Rule,),
            {
                "__doc__": func.__doc__,
                "__module__": func.__module__,
                "code": code,
                "name": name,
                "severity": severity,
                "summary": summary or (cleandoc(func.__doc__ or "").split("\n")[0]),
                "options": dict(options or {}),
                "check": staticmethod(func),
            },
        )
        return cls()

    return wrap
