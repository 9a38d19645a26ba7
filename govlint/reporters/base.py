"""The reporter interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from govlint.findings import Finding
    from govlint.rule import Rule


@dataclass
class RunInfo:
    """What a reporter may need besides the findings.

    ``root`` is the directory that paths in machine formats are made relative to; ``rules``
    maps codes to the rules of the run (for SARIF's rule metadata); ``files`` is the number
    of files checked; ``statistics`` asks for a per-rule count; ``color`` is False when the
    user asked for no colour.
    """

    rules: dict[str, "Rule"] = field(default_factory=dict)
    files: int = 0
    root: str = "."
    statistics: bool = False
    color: bool = True
    version: str = ""


class Reporter:
    """Writes findings in one format.

    ``name`` is the ``--format`` value. ``write`` gets every finding of the run, sorted.
    """

    name: str = ""
    summary: str = ""
    plugin: str = ""

    def write(self, findings: list["Finding"], info: RunInfo, out: TextIO) -> None:  # pragma: no cover
        raise NotImplementedError
