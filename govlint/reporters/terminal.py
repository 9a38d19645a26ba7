"""Placeholder terminal reporter."""

from govlint.reporters.concise import ConciseReporter


class TerminalReporter(ConciseReporter):
    name = "terminal"
