"""Suppression comments inside a report: file-wide, a region, or the next line.

A directive is ``govlint: ACTION`` or ``govlint: ACTION=CODES``, written

- in an HTML or Markdown comment, anywhere: ``<!-- govlint: disable=GL203 -->``;
- in a text extraction (or any file), on a line of its own, bare or after ``#`` or ``//``:
  ``# govlint: disable-next-line=GL202``.

ACTION is ``disable``, ``enable`` or ``disable-next-line``; CODES are codes or prefixes
(``GL2``) separated by commas or spaces; no ``=CODES`` means every code.

- ``disable`` … ``enable`` with the same codes is a **region**: a finding whose span starts
  after the ``disable`` and before the ``enable`` is suppressed (positions, not lines, so a
  one-line HTML page works too);
- ``disable`` that no ``enable`` closes applies to the **whole file** (as it always has, so
  a directive at the end of a file still hides a finding reported at 1:1);
- ``disable-next-line`` suppresses findings that start on the line after the directive.

A directive govlint cannot read (``govlint: disable GL205`` without ``=``, an unknown action)
or that names a code no rule has (``GL999``) is a GL004 finding, so a typo never silently
suppresses nothing. A directive that suppresses nothing is GL005 (off by default; enabled by
``--report-unused-suppressions``). The parsed directives are plain data (``to_data``), so the
findings of run-scope rules, made after the file's source is gone, can honour them too.
"""

from __future__ import annotations

import re


from govlint.lazy_re import lazy_pattern
from govlint.record import Frozen, Record, replace

# the comment body is bounded, so a stray "<!-- govlint:" never scans the rest of the file
_DIRECTIVE = lazy_pattern(
    r"<!--[ \t]*govlint:(?P<a>(?:(?!-->)[^\n]){0,300})-->"
    r"|^[ \t]*(?:#|//)?[ \t]*govlint:(?P<b>[^\n]{0,300}?)[ \t]*\r?$",
    re.MULTILINE,
)
_BODY = lazy_pattern(r"\s*(?P<action>disable-next-line|disable|enable)\s*(?:=(?P<codes>[^=]*))?\s*")
_CODE = lazy_pattern(r"[A-Za-z][A-Za-z0-9_]*")
_SPLIT = lazy_pattern(r"[,\s]+")
#: what a malformed directive probably meant: an action and codes without the "="
_NO_EQUALS = lazy_pattern(r"\s*(?P<action>disable-next-line|disable|enable)\s+(?P<codes>[A-Za-z][\w,\s]*?)\s*")

ALL = "ALL"
FILE = "file"
REGION = "region"
NEXT_LINE = "next-line"


class Directive(Frozen):
    """One directive as written: where, what it does and to which codes (``()`` = all)."""

    __slots__ = _fields = ("action", "codes", "line", "column", "end_line", "end_column", "text")

    def __init__(self, action: str, codes: tuple[str, ...], line: int, column: int, end_line: int,
                 end_column: int, text: str) -> None:
        set_ = object.__setattr__
        set_(self, "action", action)
        set_(self, "codes", codes)
        set_(self, "line", line)
        set_(self, "column", column)
        set_(self, "end_line", end_line)
        set_(self, "end_column", end_column)
        set_(self, "text", text)


class Problem(Frozen):
    """A directive govlint could not apply (GL004)."""

    __slots__ = _fields = ("message", "directive")

    def __init__(self, message: str, directive: Directive) -> None:
        set_ = object.__setattr__
        set_(self, "message", message)
        set_(self, "directive", directive)


class Suppressions(Record):
    """The directives of one file, resolved into what each suppresses.

    ``scopes`` holds ``(kind, start, end, codes, index)``: ``kind`` is ``file``, ``region`` or
    ``next-line``; ``start``/``end`` are (line, column) bounds (``end`` exclusive; ignored for
    ``file``); ``index`` is the directive's position in ``directives``.
    """

    __slots__ = _fields = ("directives", "scopes", "problems")

    def __init__(self, directives: list[Directive] | None = None, scopes: list[tuple] | None = None,
                 problems: list[Problem] | None = None) -> None:
        self.directives = [] if directives is None else directives
        self.scopes = [] if scopes is None else scopes
        self.problems = [] if problems is None else problems

    def __bool__(self) -> bool:
        return bool(self.directives)

    def match(self, code: str, line: int, column: int) -> tuple[int, str] | None:
        """The (directive index, code token) that suppresses a finding, or None."""
        for kind, start, end, codes, index in self.scopes:
            if kind == REGION and not (start <= (line, column) < end):
                continue
            if kind == NEXT_LINE and line != start[0]:
                continue
            for token in codes or (ALL,):
                if token == ALL or code.startswith(token):
                    return index, token
        return None

    # plain data, for facts and caches
    def to_data(self) -> list:
        return [[d.action, list(d.codes), d.line, d.column, d.end_line, d.end_column, d.text]
                for d in self.directives]

    @classmethod
    def from_data(cls, data) -> "Suppressions":
        return resolve([Directive(a, tuple(c), l, col, el, ec, t) for a, c, l, col, el, ec, t in data or ()])


def is_directive_line(line: str) -> bool:
    """Whether a line holds a directive and nothing else (a text loader drops such lines, so
    that a directive inside a table extracted one cell per line does not split the table)."""
    match = _DIRECTIVE.match(line.strip()) if "govlint:" in line else None
    return match is not None and match.end() == len(line.strip())


def parse(source: str, known=None) -> Suppressions:
    """Every directive in ``source``; ``known(token)`` says whether a code or prefix names a
    rule (unknown ones become problems and suppress nothing)."""
    if not source or "govlint:" not in source:
        return Suppressions()
    directives: list[Directive] = []
    problems: list[Problem] = []
    line, line_start, pos = 1, 0, 0  # lines counted incrementally: linear in the source
    for match in _DIRECTIVE.finditer(source):
        start, end = match.span()
        newlines = source.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = source.rfind("\n", pos, start) + 1
        pos = start
        column = start - line_start + 1
        body = match.group("a") if match.group("a") is not None else match.group("b")
        text = match.group(0).strip()
        parsed = _BODY.fullmatch(body)
        directive = Directive("", (), line, column, line, column + (end - start), text)
        if parsed is None:
            problems.append(Problem(_malformed(body, text), directive))
            continue
        raw = parsed.group("codes")
        tokens = tuple(t.upper() for t in _SPLIT.split(raw) if t) if raw is not None else ()
        if raw is not None and not tokens:
            problems.append(Problem(f"抑制指令“{text}”的“=”后没有规则代码；要抑制全部规则，请去掉“=”", directive))
            continue
        bad = [t for t in tokens if t != ALL and (not _CODE.fullmatch(t) or (known is not None and not known(t)))]
        if bad:
            problems.append(Problem(f"抑制指令“{text}”中的规则代码 {'、'.join(bad)} 不存在（govlint rules 列出所有规则）", directive))
            tokens = tuple(t for t in tokens if t not in bad)
            if not tokens:
                continue
        directives.append(replace(directive, action=parsed.group("action"), codes=tokens))
    found = resolve(directives)
    found.problems = problems + found.problems
    return found


def resolve(directives: list[Directive]) -> Suppressions:
    """Pair each ``enable`` with the open ``disable`` of the same codes into regions."""
    out = Suppressions(directives=list(directives))
    # disables not yet closed, by their set of codes: each is closed once, so pairing is linear
    open_: dict[frozenset, list[tuple[int, Directive]]] = {}
    for index, d in enumerate(directives):
        if d.action == "disable-next-line":
            out.scopes.append((NEXT_LINE, (d.end_line + 1, 1), None, d.codes, index))
        elif d.action == "disable":
            open_.setdefault(frozenset(d.codes), []).append((index, d))
        else:  # enable: closes the open disables with the same codes (all of them without codes)
            if d.codes:
                closing = open_.pop(frozenset(d.codes), [])
            else:
                closing = [pair for group in open_.values() for pair in group]
                open_.clear()
            if not closing:
                out.problems.append(Problem(f"抑制指令“{d.text}”之前没有对应的 disable 指令", d))
            for i, o in closing:
                out.scopes.append((REGION, (o.end_line, o.end_column), (d.line, d.column), o.codes, i))
    for group in open_.values():  # never closed: the whole file
        for i, o in group:
            out.scopes.append((FILE, None, None, o.codes, i))
    out.scopes.sort(key=lambda s: s[4])
    return out


def _malformed(body: str, text: str) -> str:
    guess = _NO_EQUALS.fullmatch(body)
    if guess:
        codes = ",".join(c for c in _SPLIT.split(guess.group("codes")) if c)
        return f"抑制指令“{text}”格式不正确，未生效：应写作 govlint: {guess.group('action')}={codes}"
    return (f"抑制指令“{text}”格式不正确，未生效：可用 govlint: disable、disable=代码、"
            "enable=代码 或 disable-next-line=代码")


#: the codes of the findings about directives themselves: a directive cannot hide them
INVALID_SUPPRESSION, UNUSED_SUPPRESSION = "GL004", "GL005"
UNSUPPRESSIBLE = (INVALID_SUPPRESSION, UNUSED_SUPPRESSION)


def _span(d: Directive):
    from govlint.span import Span

    return Span(d.line, d.column, d.end_line, d.end_column)


def suppression_problems(found: Suppressions, enabled) -> list:
    """GL004 findings for the directives govlint could not apply (when GL004 is enabled)."""
    if not found.problems or not enabled(INVALID_SUPPRESSION):
        return []
    from govlint.findings import Finding

    return [Finding(p.message, span=_span(p.directive), location="抑制指令", code=INVALID_SUPPRESSION,
                    properties={"directive": p.directive.text}) for p in found.problems]


def unused_suppressions(found: Suppressions, used: set, checked) -> list:
    """GL005 findings: per directive, the codes it names that suppressed nothing in this file
    (``checked(token)`` leaves out codes whose rules did not run here)."""
    from govlint.findings import Finding

    out = []
    for index, d in enumerate(found.directives):
        if d.action == "enable":
            continue
        tokens = d.codes or (ALL,)
        unused = [t for t in tokens if (index, t) not in used and checked(t)]
        if not unused:
            continue
        what = "任何问题" if tokens == (ALL,) else "任何 " + "、".join(unused) + " 问题"
        out.append(Finding(f"抑制指令“{d.text}”没有抑制{what}，可以删除", span=_span(d), location="抑制指令",
                           code=UNUSED_SUPPRESSION, properties={"directive": d.text, "unused": unused}))
    return out
