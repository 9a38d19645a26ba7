"""Findings as JSON and back, so that a cached finding is the finding a fresh check makes.

JSON rather than pickle: the cache file sits in a working tree and may come from anywhere, and
unpickling runs code. A finding is written field by field with everything it carries: spans,
related places, properties, snippet, the table cells a rule names and the excerpt drawn from
them, a fix with its edits. Objects are tagged with their class name (``"$"``), and only the
classes of ``_classes`` are rebuilt, so a cache file can name nothing else; tuples, decimals
and severities are tagged too, so they come back as what they were.

``encode`` refuses a finding that would not come back equal (an object of a class not listed,
a non-string key, NaN): that file is then simply not cached, never cached differently.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

from govlint.findings import Finding, Severity

TAG = "$"


class Uncacheable(ValueError):
    """A finding that does not survive the JSON round trip."""


@cache
def _classes() -> dict[str, type]:
    """The records a finding is made of, by name: what ``decode`` may rebuild."""
    from govlint.findings import Identity, Related, TableCells
    from govlint.fixes import Edit, Fix
    from govlint.reporters.table_view import ExcerptCell, ExcerptColumn, ExcerptRow, TableExcerpt
    from govlint.span import Span

    return {cls.__name__: cls for cls in (Finding, Related, Span, Identity, TableCells, Fix, Edit,
                                          TableExcerpt, ExcerptColumn, ExcerptRow, ExcerptCell)}


def _plain(value):
    """``value`` as JSON-ready data, tagging what JSON would change."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, Severity):
        return {TAG: "Severity", "v": int(value)}
    if isinstance(value, Decimal):
        return {TAG: "Decimal", "v": str(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [_plain(item) for item in value]}
    if isinstance(value, dict):
        if not all(type(key) is str for key in value):
            raise Uncacheable("a mapping with keys that are not strings")
        data = {key: _plain(item) for key, item in value.items()}
        return {TAG: "dict", "v": data} if TAG in value else data
    name = type(value).__name__
    if _classes().get(name) is type(value):
        return {TAG: name, **{field: _plain(getattr(value, field)) for field in value._fields}}
    raise Uncacheable(f"a value of type {name}")


def _rebuild(value):
    if isinstance(value, list):
        return [_rebuild(item) for item in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(TAG)
    if tag is None:
        return {key: _rebuild(item) for key, item in value.items()}
    if tag == "dict":
        return {key: _rebuild(item) for key, item in value["v"].items()}
    if tag == "tuple":
        return tuple(_rebuild(item) for item in value["v"])
    if tag == "Severity":
        return Severity(value["v"])
    if tag == "Decimal":
        return Decimal(value["v"])
    cls = _classes().get(tag)
    if cls is None:
        raise ValueError(f"unknown class {tag!r} in the cache")
    return cls(**{key: _rebuild(item) for key, item in value.items() if key != TAG})


def encode(findings: list[Finding]) -> str:
    """The findings as JSON text; ``Uncacheable`` if any would come back different."""
    try:
        text = json.dumps([_plain(f) for f in findings], ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    except ValueError as exc:
        raise Uncacheable(str(exc)) from None
    if decode(text) != findings:  # e.g. -0.0 in a tuple of a frozen class: equal but not the same
        raise Uncacheable("a finding does not survive the JSON round trip")
    return text


def decode(text: str) -> list[Finding]:
    return [_rebuild(item) for item in json.loads(text)]


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
