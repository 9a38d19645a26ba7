"""The public API for plugin authors, in one import::

    from govlint.api import Rule, rule, Finding, Severity, Loader, Reporter, hookimpl

Everything the example plugins in ``plugins/`` use comes from here, so that a plugin written
against this module keeps working while govlint's inside is rearranged. Names are only
added, never removed or changed in meaning.
"""

from govlint.corpus.facts import span as facts_span
from govlint.corpus.facts import table as facts_table
from govlint.corpus.provider import Facts, MemoryFacts, order_key
from govlint.document import Cell, Document, Grid, Paragraph
from govlint.executors import Executor, ExecutorOptions
from govlint.findings import Finding, Identity, Severity, TableCells
from govlint.hookspecs import hookimpl
from govlint.loaders.base import Loader
from govlint.loaders.lazy import LazyLoader
from govlint.loaders.source_builder import SourceBuilder, join_pieces
from govlint.normalize import is_wide
from govlint.report import Label, Metadata, Period, Report, Section, Table, TableCell
from govlint.reporters.base import Reporter, RunInfo
from govlint.rule import Rule, RuleContext, rule
from govlint.span import Span

#: the name plugins written before ``govlint.normalize`` use for ``is_wide`` (same meaning)
is_cjk = is_wide

__all__ = [
    "Cell", "Document", "Executor", "ExecutorOptions", "Facts", "Finding", "Grid", "Identity", "Label", "LazyLoader", "Loader", "MemoryFacts",
    "Metadata", "Paragraph", "Period", "Report", "Reporter", "Rule", "RuleContext", "RunInfo", "Section", "Severity",
    "SourceBuilder", "Span", "Table", "TableCell", "TableCells", "facts_span", "facts_table", "hookimpl", "is_cjk",
    "is_wide", "join_pieces", "order_key", "rule",
]
