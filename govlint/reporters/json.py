"""JSON output: ``{"schema_version", "version", "files", "findings": [...], "statistics"?}``.

The schema is documented in docs/output.md and is stable: keys are only ever added.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter
from govlint.reporters.sanitize import fingerprint, json_safe, jsonable
from govlint.reporters.statistics import severity_of

SCHEMA_VERSION = 1


def finding_dict(f) -> dict:
    """The keys of ``Finding.to_dict()``; an unstamped severity counts as an error, and a
    path with lone surrogates still gets a fingerprint."""
    span = f.span
    return {
        "path": f.path, "code": f.code, "name": f.name, "severity": severity_of(f),
        "message": f.message,
        "line": span.line if span else None, "column": span.column if span else None,
        "end_line": span.end_line if span else None, "end_column": span.end_column if span else None,
        "location": f.location, "fingerprint": fingerprint(f), "properties": f.properties,
    }


def dump(doc, out) -> None:
    """Write ``doc`` as indented UTF-8 JSON (ASCII escapes if the stream cannot take UTF-8);
    control, separator and bidi characters are always escapes (``json_safe``)."""
    import json

    text = json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
    try:
        out.write(text)
    except UnicodeEncodeError:
        out.write(json.dumps(doc, ensure_ascii=True, indent=2) + "\n")


class JsonReporter(Reporter):
    name = "json"
    summary = "stable JSON document of every finding"

    def write(self, findings, info, out):
        doc = {"schema_version": SCHEMA_VERSION, "version": info.version, "files": info.files,
               "findings": [finding_dict(f) for f in findings]}
        if info.statistics:
            from govlint.reporters.statistics import statistics_dict

            doc["statistics"] = statistics_dict(findings)
        dump(jsonable(doc), out)
