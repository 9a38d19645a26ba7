"""Per-rule and per-severity counts shared by the reporters."""

from __future__ import annotations

from collections import Counter

#: how severities are named in Chinese output
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def severity_of(finding) -> str:
    """The finding's severity as text; a finding the engine did not stamp counts as an error."""
    return str(finding.severity) if finding.severity is not None else "error"


class Tally:
    """Counts of findings per (code, name, severity): what the summaries need, kept while the
    findings themselves are written and dropped, so a streamed run's memory stays flat.

    Every function below takes a Tally or a plain list of findings.
    """

    __slots__ = ("counts",)

    def __init__(self, findings=()):
        self.counts: Counter = Counter()
        self.add(findings)

    def add(self, findings) -> None:
        self.counts.update((f.code, f.name, severity_of(f)) for f in findings)

    def __len__(self) -> int:
        return sum(self.counts.values())


def _tally(findings) -> Tally:
    return findings if isinstance(findings, Tally) else Tally(findings)


def rule_counts(findings) -> list[tuple[str, str, str, int]]:
    """(code, name, severity, count), most frequent first, then by code."""
    counts = _tally(findings).counts
    return sorted(((c, n, s, k) for (c, n, s), k in counts.items()), key=lambda t: (-t[3], t[0], t[2]))


def severity_counts(findings) -> dict[str, int]:
    """{"error": E, "warning": W, "info": I}, every key present."""
    counts: Counter = Counter()
    for (_code, _name, severity), count in _tally(findings).counts.items():
        counts[severity] += count
    return {key: counts.get(key, 0) for key in SEVERITY_LABELS}


def summary_line(files: int, findings) -> str:
    """``N 个文件，M 个问题：E 个错误，W 个警告，I 个提示``."""
    tally = _tally(findings)
    counts = severity_counts(tally)
    parts = "，".join(f"{counts[key]} 个{label}" for key, label in SEVERITY_LABELS.items())
    return f"{files} 个文件，{len(tally)} 个问题：{parts}"


def count_line(files: int, findings) -> str:
    """The closing count of a run: ``发现 12 个问题：3 个错误，5 个警告，4 个提示（检查了 7 个文件）``."""
    tally = _tally(findings)
    if not len(tally):
        return f"未发现问题（检查了 {files} 个文件）"
    counts = severity_counts(tally)
    parts = "，".join(f"{counts[key]} 个{label}" for key, label in SEVERITY_LABELS.items())
    return f"发现 {len(tally)} 个问题：{parts}（检查了 {files} 个文件）"


def statistics_lines(findings) -> list[str]:
    """``count  CODE name [severity]`` per rule, each one line (a plugin's code or name may
    hold any text)."""
    from govlint.reporters.sanitize import one_line

    return [f"{count:6d}  {one_line(code):<7} {one_line(name)} [{one_line(sev)}]"
            for code, name, sev, count in rule_counts(findings)]


def statistics_dict(findings) -> dict:
    """The ``statistics`` object of the JSON and SARIF formats (see docs/output.md)."""
    return {
        "rules": [{"code": c, "name": n, "severity": s, "count": k} for c, n, s, k in rule_counts(findings)],
        "severities": severity_counts(findings),
    }


class StatisticsSink:
    """``--statistics`` in the text formats: the per-rule counts and the summary line, no
    findings (as ruff's ``--statistics``); the sink keeps counts only."""

    def __init__(self, info, out):
        self.info, self.out, self.tally = info, out, Tally()

    def file(self, path, facts=None) -> None:
        pass

    def add(self, findings) -> None:
        self.tally.add(findings)

    def close(self) -> None:
        from govlint.reporters.sanitize import safe_write

        lines = statistics_lines(self.tally) + [summary_line(self.info.files, self.tally)]
        safe_write(self.out, "\n".join(lines) + "\n")
