"""The public API for plugin authors, in one import::

    from govlint.api import Rule, rule, Finding, Severity, Loader, Reporter, hookimpl
"""

from govlint.document import Cell, Document, Grid, Paragraph
from govlint.findings import Finding, Severity
from govlint.hookspecs import hookimpl
from govlint.loaders.base import Loader
from govlint.report import Label, Metadata, Period, Report, Section, Table, TableCell
from govlint.reporters.base import Reporter, RunInfo
from govlint.rule import Rule, RuleContext, rule
from govlint.span import Span

__all__ = [
    "Cell", "Document", "Finding", "Grid", "Label", "Loader", "Metadata", "Paragraph", "Period",
    "Report", "Reporter", "Rule", "RuleContext", "RunInfo", "Section", "Severity", "Span", "Table",
    "TableCell", "hookimpl", "rule",
]
