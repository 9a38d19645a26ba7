"""Per-rule counts shared by the text reporters."""

from __future__ import annotations

from collections import Counter


def rule_counts(findings) -> list[tuple[str, str, str, int]]:
    """(code, name, severity, count), most frequent first, then by code."""
    counts = Counter((f.code, f.name, str(f.severity)) for f in findings)
    return sorted(((c, n, s, k) for (c, n, s), k in counts.items()), key=lambda t: (-t[3], t[0]))


def statistics_lines(findings) -> list[str]:
    return [f"{count:6d}  {code:<7} {name} [{sev}]" for code, name, sev, count in rule_counts(findings)]
