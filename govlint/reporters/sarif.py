"""Placeholder sarif reporter."""

from govlint.reporters.concise import ConciseReporter


class SarifReporter(ConciseReporter):
    name = "sarif"
