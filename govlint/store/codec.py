"""Findings as JSON and back, so that a cached finding is the finding a fresh check makes.

JSON rather than pickle: the cache file sits in a working tree and may come from anywhere, and
unpickling runs code. Every field of ``Finding`` is written (``snippet``, ``root_path`` and a
``Fix`` with its edits too), and ``encode`` refuses a finding that would not come back equal: a field of a type this
module does not know (a plugin's own object in ``properties``, a field added later) makes the
file uncacheable rather than subtly different on the next run.
"""

from __future__ import annotations

import json
from dataclasses import fields

from govlint.findings import Finding, Related, Severity
from govlint.span import Span

_SPAN = ("line", "column", "end_line", "end_column")


class Uncacheable(ValueError):
    """A finding that does not survive the JSON round trip."""


def _span(span: Span | None):
    return None if span is None else [getattr(span, name) for name in _SPAN]


def _unspan(value) -> Span | None:
    return None if value is None else Span(*value)


def finding_to_dict(f: Finding) -> dict:
    out = {}
    for item in fields(Finding):
        value = getattr(f, item.name)
        if item.name == "span":
            value = _span(value)
        elif item.name == "severity":
            value = None if value is None else int(value)
        elif item.name == "related":
            value = [[_span(r.span), r.location, r.message] for r in value]
        elif item.name == "fix" and value is not None:
            value = _fix(value)
        out[item.name] = value
    return out


def finding_from_dict(data: dict) -> Finding:
    values = dict(data)
    values["span"] = _unspan(values.get("span"))
    if values.get("severity") is not None:
        values["severity"] = Severity(values["severity"])
    values["related"] = tuple(Related(_unspan(s), loc, msg) for s, loc, msg in values.get("related", ()))
    if values.get("fix") is not None:
        values["fix"] = _unfix(values["fix"])
    return Finding(**values)


def _fix(fix) -> dict:
    """A ``govlint.fixes.Fix`` as JSON; anything else is left for ``encode`` to refuse."""
    from govlint.fixes import Fix

    if type(fix) is not Fix:
        return fix
    return {"edits": [[_span(e.span), e.text, e.old] for e in fix.edits], "safe": fix.safe,
            "message": fix.message}


def _unfix(data):
    from govlint.fixes import Edit, Fix

    if not isinstance(data, dict) or "edits" not in data:
        return data
    return Fix(tuple(Edit(_unspan(span), text, old) for span, text, old in data["edits"]),
               data["safe"], data["message"])


def encode(findings: list[Finding]) -> str:
    """The findings as JSON text; ``Uncacheable`` if any would come back different."""
    try:
        text = json.dumps([finding_to_dict(f) for f in findings], ensure_ascii=False,
                          separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise Uncacheable(str(exc)) from None
    if decode(text) != findings:  # a tuple in properties, an int key, a field of a new type
        raise Uncacheable("a finding does not survive the JSON round trip")
    return text


def decode(text: str) -> list[Finding]:
    return [finding_from_dict(item) for item in json.loads(text)]


def encode_facts(facts) -> str | None:
    """The facts as JSON text (None when a file has none); ``Uncacheable`` if they are not JSON."""
    if facts is None:
        return None
    try:
        text = json.dumps(facts, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                          allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise Uncacheable(str(exc)) from None
    if json.loads(text) != facts:
        raise Uncacheable("facts do not survive the JSON round trip")
    return text


def decode_facts(text: str | None):
    return None if text is None else json.loads(text)
