"""SARIF 2.1.0 output, valid against the OASIS schema and shaped for GitHub code scanning.

What code scanning needs beyond the schema, and why each choice was made:

- every rule has ``help.text`` (and ``help.markdown``), short and full descriptions of at
  most 1024 characters, and ``defaultConfiguration.level``; results carry ``ruleIndex``;
- URIs are relative to ``%SRCROOT%`` (the run's root) and percent-encoded, so Chinese
  names, spaces, ``#`` and ``?`` survive; files outside the root get absolute ``file:`` URIs;
- every location has a region with at least ``startLine`` (a finding without a span, such
  as an empty file, points at line 1 without columns); columns count code points
  (``columnKind: unicodeCodePoints``) and ``endColumn`` is exclusive, as in ``Span``;
- ``partialFingerprints`` holds ``Finding.fingerprint()``: code + logical location, never
  line numbers, so alerts follow a cell when lines move;
- govlint's own extras (the finding's properties, the rule's plugin) sit in ``properties``.
"""

from __future__ import annotations

from govlint.lazy_re import lazy_pattern
from govlint.reporters.base import Reporter, Sink
from govlint.reporters.json import JsonArray, dumps, takes_unicode
from govlint.reporters.paths import artifact_uri, root_uri
from govlint.reporters.sanitize import clean_text, fingerprint, jsonable
from govlint.reporters.statistics import Tally, severity_of

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/govlint/"
FINGERPRINT_KEY = "govlintFingerprint/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: GitHub's "problem.severity" vocabulary for rules that are not security rules
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
MAX_DESCRIPTION = 1024
_SEMVER = lazy_pattern(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def _limit(text: str, size: int = MAX_DESCRIPTION) -> str:
    text = clean_text(text.strip())
    return text if len(text) <= size else text[:size - 1] + "…"


def _rule_docs(rule, code: str) -> tuple[str, str]:
    """(summary, documentation) of a rule; never empty, whatever a plugin declared."""
    summary = str(getattr(rule, "summary", "") or "").strip()
    try:
        docs = str(rule.docs or "").strip()
    except Exception:  # noqa: BLE001 - a plugin's odd docstring must not break the report
        docs = ""
    summary = summary or (docs.split("\n")[0] if docs else "") or f"规则 {code}"
    return summary, docs or summary


def _rule_severity(rule) -> str:
    try:
        return str(rule.default_severity)
    except Exception:  # noqa: BLE001
        return "error"


def rule_descriptor(code: str, rule) -> dict:
    """A reportingDescriptor for ``rule`` (None: a code no loaded rule declares)."""
    if rule is None:
        text = f"规则 {code} 未在本次运行中加载（它的插件可能已被移除）"
        return {
            "id": code,
            "shortDescription": {"text": _limit(text)},
            "fullDescription": {"text": _limit(text)},
            "help": {"text": text, "markdown": text},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["govlint"]},
        }
    summary, docs = _rule_docs(rule, code)
    severity = _rule_severity(rule)
    paragraph = docs.split("\n\n")[0].replace("\n", " ")
    descriptor = {
        "id": code,
        "shortDescription": {"text": _limit(summary)},
        "fullDescription": {"text": _limit(paragraph or summary)},
        "help": {
            "text": clean_text(f"{summary}\n\n{docs}" if docs != summary else summary),
            "markdown": clean_text(f"**{code} {getattr(rule, 'name', '')}**: {summary}\n\n{docs}"
                                   f"\n\n`govlint rule {code}` 显示本说明。"),
        },
        "defaultConfiguration": {"level": LEVELS.get(severity, "error")},
        "properties": {"tags": ["govlint"], "problem.severity": PROBLEM_SEVERITY.get(severity, "error"),
                       "precision": "high"},
    }
    name = str(getattr(rule, "name", "") or "")
    if name:
        descriptor["name"] = clean_text(name)
    plugin = str(getattr(rule, "plugin", "") or "")
    if plugin:
        descriptor["properties"]["plugin"] = clean_text(plugin)
    return descriptor


def region(span) -> dict:
    """1-based, end column exclusive; a region never ends before it starts."""
    if span is None:
        return {"startLine": 1}
    line = max(span.line, 1)
    col = max(span.column, 1)
    end_line = max(span.end_line, line)
    end_col = max(span.end_column, 1)
    if end_line == line:
        end_col = max(end_col, col)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _code(f) -> str:
    return clean_text(f.code) or "GL000"


def result(f, index: int, root: str) -> dict:
    uri, relative = artifact_uri(f.path, root)
    artifact = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    location: dict = {"physicalLocation": {"artifactLocation": artifact, "region": region(f.span)}}
    message = f.message.strip() or f.name or _code(f)
    if f.location:
        message += f"（位置：{f.location}）"
        location["logicalLocations"] = [{
            "name": clean_text(f.location.split(" / ")[-1].strip() or f.location),
            "fullyQualifiedName": clean_text(f.location),
        }]
    out = {
        "ruleId": _code(f),
        "ruleIndex": index,
        "level": LEVELS.get(severity_of(f), "error"),
        "message": {"text": clean_text(message)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
    }
    related = getattr(f, "related", ())
    if related:
        out["relatedLocations"] = [_related(r, i, artifact) for i, r in enumerate(related, 1)]
    if f.properties:
        out["properties"] = jsonable(f.properties)
    fix = getattr(f, "fix", None)
    if fix is not None:
        out["fixes"] = [_fix(fix, artifact)]
    return out


def _fix(fix, artifact: dict) -> dict:
    """SARIF's ``fix``: the replacements in the file (regions as for results)."""
    out = {"artifactChanges": [{"artifactLocation": dict(artifact), "replacements": [
        {"deletedRegion": region(e.span), "insertedContent": {"text": clean_text(e.text)}}
        for e in fix.edits]}]}
    if fix.message:
        out["description"] = {"text": clean_text(fix.message)}
    if not fix.safe:
        out["properties"] = {"safe": False}
    return out


def _related(r, index: int, artifact: dict) -> dict:
    """A related location in the same file: its region, logical location and message."""
    loc: dict = {"id": index, "physicalLocation": {"artifactLocation": dict(artifact), "region": region(r.span)}}
    if r.location:
        loc["logicalLocations"] = [{"name": clean_text(r.location.split(" / ")[-1].strip() or r.location),
                                    "fullyQualifiedName": clean_text(r.location)}]
    if r.message:
        loc["message"] = {"text": clean_text(r.message)}
    return loc


def _driver(info, codes: list[str]) -> dict:
    driver = {"name": "govlint", "informationUri": INFORMATION_URI, "language": "zh-CN",
              "rules": [rule_descriptor(code, info.rules.get(code)) for code in codes]}
    version = clean_text(str(info.version or ""))
    if version:
        driver["version"] = version
        if _SEMVER.match(version):
            driver["semanticVersion"] = version
    return driver


def sarif_document(findings, info) -> dict:
    """The whole SARIF log as a dict (what the streamed output parses to)."""
    codes = sorted(info.rules)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for f in findings:
        code = _code(f)
        if code not in index:
            index[code] = len(codes)
            codes.append(code)
        results.append(result(f, index[code], info.root))
    run = {"results": results, **_run_tail(info, codes, findings)}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _run_tail(info, codes: list[str], tally) -> dict:
    """The parts of the run that follow its results: known only once every result is out."""
    tail = {
        "tool": {"driver": _driver(info, codes)},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri(info.root)}},
        "columnKind": "unicodeCodePoints",
        "properties": {"files": info.files},
    }
    if info.statistics:
        from govlint.reporters.statistics import statistics_dict

        tail["properties"]["statistics"] = statistics_dict(tally)
    return tail


class SarifReporter(Reporter):
    name = "sarif"
    summary = "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers"
    reads_facts = False
    reads_tables = False

    def open(self, info, out):
        return SarifSink(self, info, out)


class SarifSink(Sink):
    """Results written as files finish; the rule descriptors (every rule of the run, in code
    order, then any code only a finding named) and the counts follow them."""

    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        self.ascii = not takes_unicode(out)
        self.codes = sorted(info.rules)
        self.index = {code: i for i, code in enumerate(self.codes)}
        self.tally = Tally()
        head = dumps({"$schema": SCHEMA_URI, "version": "2.1.0"}, ascii_only=self.ascii)
        out.write(head[:-2] + ',\n  "runs": [\n    {\n      "results": [')
        self.items = JsonArray(out, 3, self.ascii)

    def add(self, findings):
        self.tally.add(findings)
        self.items.add(result(f, self._index(_code(f)), self.info.root) for f in findings)

    def _index(self, code: str) -> int:
        if code not in self.index:  # a code no loaded rule declares: described after the rest
            self.index[code] = len(self.codes)
            self.codes.append(code)
        return self.index[code]

    def close(self):
        self.items.close()
        tail = dumps(jsonable(_run_tail(self.info, self.codes, self.tally)), ascii_only=self.ascii)
        body = tail[1:-2].replace("\n", "\n    ")  # the tail's members, inside the run object
        self.out.write("," + body + "\n    }\n  ]\n}\n")
