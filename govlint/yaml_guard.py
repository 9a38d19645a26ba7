"""Bounds on a YAML text, checked on its parse events before any tree is built.

A small hostile ``.govlint.yaml`` can cost without limit once it is loaded: nine lines of
aliases ("billion laughs") name 387 million nodes that any walk over the loaded tree visits,
an alias to an enclosing node makes the tree a cycle, 50,000 nested brackets exhaust the
stack of the recursive composer, a 5,000-digit integer makes ``int()`` raise, and a tag can
ask for any object. The parser itself is a loop over a stream of events, so the checks are
made there, in one pass that costs as much as reading the text:

- depth and node count are measured as if every alias were copied out in full (an anchor's
  size and height are known when its node ends), so the tree that loading yields is exactly
  as large as what was counted;
- an alias to a node that has not ended yet (a cycle) is refused;
- only the standard tags are allowed;
- a plain integer may not be longer than ``MAX_INTEGER_DIGITS`` characters (Python refuses
  to convert a decimal of more than 4,300 digits, in either direction).

``check_events`` raises ``YamlLimit`` with the 1-based line and column of the offending
event; the caller adds the file name.
"""

from __future__ import annotations

from dataclasses import dataclass

from govlint.lazy_re import lazy_pattern

MAX_DEPTH = 50
MAX_NODES = 10_000  # a real config has a few hundred
MAX_INTEGER_DIGITS = 100

STANDARD_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "omap", "set", "timestamp"))
#: what YAML 1.1 or 1.2 may read as an integer (hex, octal, binary, decimal, sexagesimal)
_INTEGER = lazy_pattern(r"[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_:]*)")


class YamlLimit(Exception):
    """A bound was exceeded at (line, column), both 1-based."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass
class _Open:
    """A collection whose end event has not come yet."""

    anchor: str | None
    nodes_before: int  # the count before this collection's own node
    deepest: int  # the deepest level reached inside it so far (expanded)


def check_events(events) -> None:
    """Consume ``events`` (ruamel's parse events) and raise ``YamlLimit`` at the first excess."""
    from ruamel.yaml.events import (AliasEvent, CollectionEndEvent, CollectionStartEvent,
                                    DocumentStartEvent, ScalarEvent)

    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, height) of its node, expanded
    open_: list[_Open] = []
    nodes = 0

    def fail(event, message: str):
        mark = event.start_mark
        raise YamlLimit(mark.line + 1, mark.column + 1, message)

    def add(event, count: int, height: int) -> None:
        """Count a node of ``count`` nodes and ``height`` levels that starts at this depth."""
        nonlocal nodes
        nodes += count
        reach = len(open_) + height
        if reach > MAX_DEPTH:
            fail(event, f"嵌套过深（超过 {MAX_DEPTH} 层，含别名展开）")
        if nodes > MAX_NODES:
            fail(event, f"节点过多（超过 {MAX_NODES} 个，含别名展开）")
        if open_:
            open_[-1].deepest = max(open_[-1].deepest, reach)

    for event in events:
        if isinstance(event, DocumentStartEvent):
            anchors.clear()
        elif isinstance(event, AliasEvent):
            if event.anchor not in anchors:
                fail(event, f"别名 *{event.anchor} 未定义，或指向包含它自身的节点")
            add(event, *anchors[event.anchor])
        elif isinstance(event, ScalarEvent):
            _check_tag(event, fail)
            if event.style is None and event.implicit[0] and len(event.value) > MAX_INTEGER_DIGITS \
                    and _INTEGER.fullmatch(event.value):
                fail(event, f"整数位数过多（超过 {MAX_INTEGER_DIGITS} 位）")
            add(event, 1, 1)
            if event.anchor is not None:
                anchors[event.anchor] = (1, 1)
        elif isinstance(event, CollectionStartEvent):
            _check_tag(event, fail)
            add(event, 1, 1)
            if event.anchor is not None:  # an earlier node of that name is no longer reachable
                anchors.pop(event.anchor, None)
            open_.append(_Open(event.anchor, nodes - 1, len(open_) + 1))
        elif isinstance(event, CollectionEndEvent):
            done = open_.pop()
            if open_:
                open_[-1].deepest = max(open_[-1].deepest, done.deepest)
            if done.anchor is not None:
                anchors[done.anchor] = (nodes - done.nodes_before, done.deepest - len(open_))


def _check_tag(event, fail) -> None:
    tag = getattr(event, "tag", None)
    if tag is None:
        return
    name = str(getattr(tag, "value", tag))
    if name not in STANDARD_TAGS:
        fail(event, f"不允许使用 YAML 标签 {name}")
