"""JSON output: ``{"schema_version", "version", "files", "findings": [...], "statistics"?}``.

The schema is documented in docs/output.md and is stable: keys are only ever added.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.sanitize import fingerprint, json_safe, jsonable
from govlint.reporters.statistics import Tally, severity_of

SCHEMA_VERSION = 1


def finding_dict(f) -> dict:
    """The keys of ``Finding.to_dict()``; an unstamped severity counts as an error, and a
    path with lone surrogates still gets a fingerprint."""
    span = f.span
    out = {
        "path": f.path, "code": f.code, "name": f.name, "severity": severity_of(f),
        "message": f.message,
        "line": span.line if span else None, "column": span.column if span else None,
        "end_line": span.end_line if span else None, "end_column": span.end_column if span else None,
        "location": f.location, "fingerprint": fingerprint(f), "properties": f.properties,
    }
    related = getattr(f, "related", ())
    if related:
        out["related"] = [r.to_dict() for r in related]
    table = getattr(f, "table", None)
    if table is not None:
        out["table"] = jsonable(table.to_dict())
    fix = getattr(f, "fix", None)
    if fix is not None:
        out["fix"] = fix.to_dict()
    return out


def takes_unicode(out) -> bool:
    """Whether ``out`` can take Chinese text (else JSON is written with ASCII escapes)."""
    encoding = getattr(out, "encoding", None)
    if not encoding:
        return True
    try:
        "表".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def dumps(value, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON text of ``value``: UTF-8 unless ``ascii_only``; control, separator and bidi
    characters always written as escapes (``json_safe``)."""
    import json

    if ascii_only:
        return json.dumps(value, ensure_ascii=True, indent=indent)
    separators = None if indent is not None else (",", ":")
    return json_safe(json.dumps(value, ensure_ascii=False, indent=indent, separators=separators))


class JsonArray:
    """A JSON array written item by item, laid out as ``json.dumps(indent=2)`` lays out an
    array nested ``depth`` levels deep: so a streamed document is the plain one, byte for byte."""

    def __init__(self, out, depth: int, ascii_only: bool):
        self.out, self.ascii_only, self.count = out, ascii_only, 0
        self.indent = "\n" + "  " * (depth + 1)
        self.closing = "\n" + "  " * depth + "]"

    def add(self, values) -> None:
        parts = []
        for value in values:
            text = dumps(jsonable(value), ascii_only=self.ascii_only).replace("\n", self.indent)
            parts.append(("," if self.count else "") + self.indent + text)
            self.count += 1
        self.out.write("".join(parts))

    def close(self) -> None:
        self.out.write(self.closing if self.count else "]")


def dump(doc, out) -> None:
    """Write ``doc`` as indented JSON (ASCII escapes if the stream cannot take UTF-8)."""
    out.write(dumps(doc, ascii_only=not takes_unicode(out)) + "\n")


class JsonReporter(Reporter):
    name = "json"
    summary = "stable JSON document of every finding"
    reads_facts = False

    def open(self, info, out):
        return JsonSink(self, info, out)


class JsonSink(Sink):
    """The document written as it grows, byte for byte what ``json.dumps(doc, indent=2)`` of
    the whole document gives: the head first, each finding as its file is done, the
    statistics (from counts) last."""

    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        self.ascii = not takes_unicode(out)
        self.tally = Tally()
        head = {"schema_version": SCHEMA_VERSION, "version": info.version, "files": info.files}
        out.write(dumps(jsonable(head), ascii_only=self.ascii)[:-2] + ',\n  "findings": [')
        self.items = JsonArray(out, 1, self.ascii)

    def add(self, findings):
        self.tally.add(findings)
        self.items.add(finding_dict(f) for f in findings)

    def close(self):
        self.items.close()
        tail = ""
        if self.info.statistics:
            from govlint.reporters.statistics import statistics_dict

            stats = dumps(jsonable(statistics_dict(self.tally)), ascii_only=self.ascii)
            tail += ',\n  "statistics": ' + stats.replace("\n", "\n  ")
        self.out.write(tail + "\n}\n")


class JsonLinesReporter(Reporter):
    name = "jsonl"
    summary = "JSON Lines: one finding per line, for corpus runs and streaming tools"
    reads_facts = False

    def open(self, info, out):
        return JsonLinesSink(self, info, out)


class JsonLinesSink(Sink):
    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        self.ascii = not takes_unicode(out)

    def add(self, findings):
        if findings:
            self.out.write("".join(dumps(jsonable(finding_dict(f)), indent=None, ascii_only=self.ascii) + "\n"
                                   for f in findings))

    def close(self):
        pass
