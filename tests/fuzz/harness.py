"""Run one fuzz input through the real engine and say what, if anything, broke.

``Checker.check_file`` has no time limit of its own in-process (the limit lives in the worker
processes of ``govlint.workers``), so a hang is bounded here with an interval timer. Its
exception derives from ``BaseException`` on purpose: the engine turns every ``Exception`` from a
loader, parser or rule into GL000 and goes on to the next rule, which would hide the hang and
leave the rest unbounded; this one escapes the whole check and names the input.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import traceback
from dataclasses import dataclass, field

CODE = re.compile(r"^[A-Z]{2,}[0-9]{3,}$")


class Hang(BaseException):
    """The input ran past its time limit."""


def hang_guard(seconds: float):
    """Raise ``Hang`` in the main thread after ``seconds`` (no limit off the main thread)."""
    from govlint.time_limit import time_limit

    return time_limit(seconds, error=Hang)


@dataclass
class Outcome:
    """What checking one input gave: its findings and every way it broke the promise."""

    seconds: float
    findings: list = field(default_factory=list)
    #: "exception", "timeout", "gl000" or "invalid", each with its detail
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({kind for kind, _ in self.problems})


def checker():
    """A checker with every installed plugin and the default settings, as ``govlint check``."""
    from govlint.engine import Checker, Settings
    from govlint.testing import registry

    return Checker(registry(), Settings())


def check_bytes(check, data: bytes, suffix: str, seconds: float, folder: str | None = None) -> Outcome:
    """Write ``data`` to a file named ``*suffix`` and check it with ``check`` within ``seconds``."""
    handle, path = tempfile.mkstemp(prefix="fuzz-", suffix=suffix, dir=folder)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    start = time.perf_counter()
    try:
        with hang_guard(seconds):
            result = check.check_file(path)
    except Hang as exc:
        return Outcome(time.perf_counter() - start, [], [("timeout", str(exc))])
    except BaseException as exc:  # noqa: BLE001 - anything escaping the engine is the finding
        if isinstance(exc, KeyboardInterrupt):
            raise
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return Outcome(time.perf_counter() - start, [], [("exception", detail)])
    finally:
        os.unlink(path)
    outcome = Outcome(time.perf_counter() - start, list(result.findings))
    outcome.problems = findings_problems(outcome.findings)
    return outcome


def findings_problems(findings) -> list[tuple[str, str]]:
    """GL000 (a crash the engine contained) and findings a reporter could not rely on."""
    from govlint.findings import Finding, Severity

    problems = []
    if not isinstance(findings, list):
        return [("invalid", f"findings is a {type(findings).__name__}, not a list")]
    for f in findings:
        if not isinstance(f, Finding):
            problems.append(("invalid", f"{type(f).__name__} among the findings"))
        elif not (isinstance(f.code, str) and CODE.match(f.code)):
            problems.append(("invalid", f"code {f.code!r}"))
        elif not isinstance(f.severity, Severity):
            problems.append(("invalid", f"{f.code}: severity {f.severity!r}"))
        elif not (isinstance(f.message, str) and f.message.strip()):
            problems.append(("invalid", f"{f.code}: message {f.message!r}"))
        elif f.code == "GL000":
            problems.append(("gl000", f.message))
    return problems
