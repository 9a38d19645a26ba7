"""The reporter interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TextIO

from govlint.record import Record

if TYPE_CHECKING:
    from govlint.findings import Finding
    from govlint.rule import Rule


class RunInfo(Record):
    """What a reporter may need besides the findings.

    ``root`` is the directory that paths in machine formats are made relative to; ``rules``
    maps codes to the rules of the run (for SARIF's rule metadata); ``files`` is the number
    of files checked; ``statistics`` asks for a per-rule count; ``color`` is False when the
    user asked for no colour.
    """

    __slots__ = _fields = ("rules", "files", "root", "statistics", "color", "version", "quiet",
                           "source")

    def __init__(self, rules: dict[str, "Rule"] | None = None, files: int = 0, root: str = ".",
                 statistics: bool = False, color: bool = True, version: str = "", quiet: bool = False,
                 source: "Callable[[str], str | None] | None" = None) -> None:
        self.rules = {} if rules is None else rules
        self.files = files
        self.root = root
        self.statistics = statistics
        self.color = color
        self.version = version
        #: ``-q``: findings only, no summary
        self.quiet = quiet
        #: ``source(path)``: the decoded text a finding's span points into, read when a reporter
        #: shows an excerpt (findings carry spans, never source text); None where unavailable
        self.source = source


class Sink:
    """One run's output in the making: ``file`` announces each checked file with its facts,
    ``add`` takes each file's findings as soon as that file is done (files in path order, each
    file's findings in order; the run-scope findings come last), ``close`` ends the output.

    This default keeps every finding and hands them to ``Reporter.write`` at the end, so a
    reporter that only implements ``write`` still works; the built-in reporters stream.
    """

    def __init__(self, reporter: "Reporter", info: RunInfo, out: TextIO):
        self.reporter, self.info, self.out = reporter, info, out
        self.findings: list["Finding"] = []

    def file(self, path: str, facts: dict | None) -> None:
        """Called for every checked file, before its findings, with its facts
        (``govlint.corpus.facts``: agency, year, title, …; None if unavailable). A reporter
        that lists files or groups them by agency overrides it; the default ignores it."""

    def add(self, findings: list["Finding"]) -> None:
        self.findings.extend(findings)

    def close(self) -> None:
        self.reporter.write(self.findings, self.info, self.out)


class Reporter:
    """Writes findings in one format.

    ``name`` is the ``--format`` value. A reporter implements either ``write`` (it gets every
    finding of the run, sorted) or, to keep memory flat on large runs, ``open`` (a ``Sink``
    that receives the findings file by file). Each form can be had from the other.
    """

    name: str = ""
    summary: str = ""
    plugin: str = ""
    #: True for a format written as bytes (xlsx): ``open`` gets a binary stream, and the
    #: command line asks for ``--output`` rather than write it to a terminal
    binary: bool = False
    #: whether the sink reads the facts ``Sink.file`` is given (agency, year, title: the HTML
    #: and xlsx reports do); False spares every file their extraction when nothing else needs them
    reads_facts: bool = True
    #: whether it shows a table finding's excerpt (``Finding.table``: terminal, JSON, HTML, xlsx);
    #: False spares every such finding its excerpt when no cache keeps the results
    reads_tables: bool = True

    def missing(self) -> str | None:
        """Why this reporter cannot write here (an optional dependency not installed), in
        Chinese, or None. Asked before any file is checked or output file created."""
        return None

    def open(self, info: RunInfo, out: TextIO) -> Sink:
        return Sink(self, info, out)

    def write(self, findings: list["Finding"], info: RunInfo, out: TextIO) -> None:
        if type(self).open is Reporter.open:  # pragma: no cover - a reporter must define one
            raise NotImplementedError(f"reporter {self.name!r} defines neither write nor open")
        sink = self.open(info, out)
        for group in by_path(findings):
            sink.add(group)
        sink.close()


def by_path(findings) -> list[list["Finding"]]:
    """The findings cut into runs of one path each, in their order."""
    groups: list[list["Finding"]] = []
    for f in findings:
        if groups and groups[-1][0].path == f.path:
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups
