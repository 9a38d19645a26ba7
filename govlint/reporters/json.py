"""JSON output: ``{"version", "files", "findings": [...]}``; see docs/output.md."""

from __future__ import annotations

import json

from govlint.reporters.base import Reporter


class JsonReporter(Reporter):
    name = "json"
    summary = "stable JSON document of every finding"

    def write(self, findings, info, out):
        doc = {"version": info.version, "files": info.files,
               "findings": [f.to_dict() for f in findings]}
        if info.statistics:
            from govlint.reporters.statistics import rule_counts

            doc["statistics"] = [{"code": c, "name": n, "severity": s, "count": k}
                                 for c, n, s, k in rule_counts(findings)]
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
