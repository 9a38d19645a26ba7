"""Source positions."""

from __future__ import annotations

from govlint.record import Frozen



class Span(Frozen):
    """A range in the decoded source text.

    Lines and columns are 1-based and count Unicode code points; ``end_column`` is
    exclusive (the column just after the last character), as SARIF expects.
    """

    __slots__ = _fields = ("line", "column", "end_line", "end_column")

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        set_ = object.__setattr__
        set_(self, "line", line)
        set_(self, "column", column)
        set_(self, "end_line", end_line)
        set_(self, "end_column", end_column)

    @classmethod
    def point(cls, line: int, column: int = 1) -> "Span":
        return cls(line, column, line, column + 1)

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


class LineIndex:
    """Where each line of a text starts: character offsets to (line, column) and back.

    One per document (``Document.line_index``), shared by everything that maps offsets of the
    same source: the HTML loader's locator, the parser's stream and the fixes (three tables a
    page, computed apart, cost a tenth of the positions). Lines end at "\n" only (a lone "\r" is
    not a break). The starts are found as far as they are asked for (``starts_to``,
    ``starts_through``), in windows that double, so the positions of a report's first lines do
    not cost a table of every line of the file (a 5 MB file of one-character lines: 95 MB).
    The list returned is shared and only grows at its end: never mutate it.
    """

    __slots__ = ("text", "_starts", "_scanned")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = [0]
        #: the line starts before this offset are all in ``_starts``
        self._scanned = 0

    @property
    def complete(self) -> bool:
        """Whether every line start is in the list ``starts_to`` and ``starts_through`` return."""
        return self._scanned >= len(self.text)

    def starts(self) -> list[int]:
        """Offsets where each line starts (the first is 0): all of them."""
        if self._scanned < len(self.text):
            self._scan(len(self.text))
        return self._starts

    def starts_to(self, offset: int) -> list[int]:
        """The line starts up to ``offset`` and the first after it, if any: enough to place
        ``offset`` (``bisect_right``); a start past the last one listed is past ``offset``."""
        starts = self._starts
        if starts[-1] <= offset and self._scanned < len(self.text):
            self._scan(offset + 1)
        return starts

    def starts_through(self, line: int) -> list[int]:
        """The line starts up to that of ``line`` at least (all of them when there are fewer)."""
        starts = self._starts
        while len(starts) < line and self._scanned < len(self.text):
            self._scan(self._scanned + 1)
        return starts

    def _scan(self, until: int) -> None:
        """Scan on past ``until`` at least: to the next break after it, or in a window as big as
        what was scanned so far (so that asking again and again costs one pass in all)."""
        text, starts = self.text, self._starts
        size = len(text)
        pos = self._scanned
        stop = min(size, max(until, 2 * pos, pos + 65536))
        _line_starts(text, starts, pos, stop)
        while stop < size and starts[-1] < until:  # a long line: on to its break
            found = text.find("\n", stop)
            stop = size if found == -1 else found + 1
            if found != -1:
                starts.append(stop)
        self._scanned = stop

    def offset(self, line: int, column: int) -> int | None:
        """The offset of (``line``, ``column``), None outside the text."""
        starts = self.starts_through(line)
        if not 1 <= line <= len(starts):
            return None
        offset = starts[line - 1] + column - 1
        return offset if 0 <= offset <= len(self.text) else None

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        starts = self.starts_to(offset)
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(end, start + 1))
        return Span(line, col, end_line, end_col)


def _line_starts(text: str, starts: list[int] | None = None, pos: int = 0, stop: int | None = None) -> list[int]:
    """Where each line of ``text`` starts (the starts of ``text[pos:stop]``'s breaks appended to
    ``starts``, else all of them). ``str.find`` is quickest over long lines (HTML exports often
    hold a page in a hundred lines: it skips to each break at memory speed), one scan of a
    regular expression over short ones (a call per break costs more than the regex spends on the
    characters between): each stretch is read the way its last lines call for, a few breaks by
    ``find``, then, while lines stay short, 32k characters at a time by the regex."""
    import re

    if starts is None:
        starts = [0]
    find = text.find
    size = len(text) if stop is None else stop
    short = False  # the lines read last were short
    while pos < size:
        if short:
            end = min(size, pos + 32768)
            before = len(starts)
            starts += map(re.Match.end, re.compile("\n").finditer(text, pos, end))
            short = (len(starts) - before) * 200 > end - pos
            pos = end
            continue
        first = pos
        for _ in range(32):
            pos = find("\n", pos, size) + 1
            if not pos:
                return starts
            starts.append(pos)
        short = pos - first < 32 * 200
    return starts


def deferred_span(cls, name: str, fields: tuple[str, ...] = ("span",), stores: bool = False):
    """A subclass of the record ``cls`` whose ``span`` is worked out on first read.

    The parser places hundreds of cells and labels per report; a few of them end up in a
    finding, and only ``govlint parse`` reads them all. Such an object is built as ``cls`` is
    (with ``span`` None) and then given ``defer(resolve, *args)`` (or built with
    ``where=(resolve, *args)``): reading ``span`` calls ``resolve(*args)`` once and keeps the
    answer, so every reader sees the same Span as if it had been computed up front. Assigning
    ``span`` replaces a deferred one. The subclass goes by ``cls``'s name (reprs and type names
    read as before); ``name`` is what it is assigned to in its module. Copies and pickles are
    plain ``cls`` objects.

    ``fields`` names the deferred fields (``span`` unless told): with several, ``resolve``
    returns a tuple of their values, all worked out by the first read of any of them (the HTML
    loader learns a block's span and its offsets ``at`` in one go); one assigned before that
    keeps its assigned value.

    A deferred field is the plain class's own slot, left empty until it is worked out, behind a
    property of the subclass: reading it reads the slot, and an empty slot settles the fields.
    Its setter and deleter are the slot's own (no Python call), and every other field is read
    as on the plain class. (Falling through to ``__getattr__`` from an empty slot cost less per
    read of the span, but CPython reads every attribute of a class with ``__getattr__`` the
    slow way: a cell's text, row and column, read far more often, cost five times as much.)

    ``stores=True`` says that ``cls.__init__`` does nothing but store each parameter in the
    field of its name (``tests/test_deferred_spans.py`` holds every such class to it): the
    subclass's constructor then stores them itself, and leaves a deferred field empty rather
    than storing it and emptying it again (for objects a parser makes by the hundred per report).
    """
    slots = [cls.__dict__[field] for field in fields]  # the plain class's slots, where values are kept
    single = len(fields) == 1

    def settle(self, attr):
        # ``attr``'s slot is empty: work the fields out (or say there is nothing to work out)
        where = self._where
        if where is not None:
            self._where = None
            values = where[0](*where[1:])
            if single:  # its one field is the one read, empty
                slots[0].__set__(self, values)
                return values
            for field, slot, value in zip(fields, slots, values):
                if field != attr:  # ``attr`` is empty: that is why this runs
                    try:
                        slot.__get__(self, cls)  # assigned since it was deferred: kept
                        continue
                    except AttributeError:
                        pass
                slot.__set__(self, value)
            return getattr(self, attr)
        raise AttributeError(f"{cls.__name__!r} object has no attribute {attr!r}")

    def field(attr, slot):
        # A property over the plain slot: reading an empty one settles it. Not ``__getattr__``:
        # a class with one reads every attribute the slow way (CPython does not specialise its
        # attribute loads), and the parser reads a cell's text, row and column far more often
        # than anything reads its span.
        get = slot.__get__

        def read(self):
            try:
                return get(self)
            except AttributeError:
                return settle(self, attr)

        return property(read, slot.__set__, slot.__delete__, f"``{attr}``, worked out on first read")

    def empty(self):
        for slot in slots:
            try:
                slot.__delete__(self)
            except AttributeError:
                pass  # empty already (deferred twice)

    env = {"_empty": empty}
    exec("def defer(self, resolve, *args):\n"  # noqa: S102 - one ``del`` per deferred field
         "    self._where = (resolve, *args)\n"
         "    try:\n"
         + "".join(f"        del self.{field}\n" for field in fields) +
         "    except AttributeError:\n"
         "        _empty(self)\n"
         "    return self\n", env)
    defer = env["defer"]

    names = cls._fields

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in names)

    def eq(self, other):
        # equal to a plain ``cls`` with the same fields, as if the span had been computed up front
        if not isinstance(other, cls):
            return NotImplemented
        return values(self) == tuple(getattr(other, name) for name in names)

    def reduce(self):
        # copies and pickles are plain ``cls`` objects, with the span worked out
        return cls, values(self)

    namespace = {"__slots__": ("_where",), "defer": defer, "__init__": _plain_init(cls, fields, stores),
                 **{attr: field(attr, slot) for attr, slot in zip(fields, slots)}, "__eq__": eq, "__hash__": None, "__reduce__": reduce,
                 "__doc__": cls.__doc__, "__module__": cls.__module__, "__qualname__": cls.__qualname__,
                 "deferred_name": name, "deferred_fields": tuple(fields), "deferred_stores": stores}
    return type(cls.__name__, (cls,), namespace)


def _plain_init(cls, fields: tuple[str, ...], stores: bool = False):
    """``cls.__init__`` for a deferred subclass: the same parameters and defaults (read from
    the record's own ``__init__``), and ``where=(resolve, *args)`` to defer the fields as
    ``defer`` does, in the same call (the constructor of a piece is a hot path).

    Deferred by ``where``, the deferred fields are left empty (their first read settles them).
    With ``stores`` (a record whose ``__init__`` only stores its parameters) the fields are
    stored here, a deferred one only when nothing defers it; otherwise the record's own
    ``__init__`` stores them and the deferred ones are emptied again."""
    init = cls.__init__
    code = init.__code__
    if code.co_kwonlyargcount or code.co_flags & 0x0C:  # keyword-only, *args or **kwargs
        raise TypeError(f"{cls.__name__}.__init__: only plain positional parameters can be forwarded")
    params = code.co_varnames[1:code.co_argcount]
    defaults = init.__defaults__ or ()
    env = {"_init": init}
    signature = []
    for index, name in enumerate(params):
        at = index - (len(params) - len(defaults))
        if at >= 0:
            env[f"_d_{name}"] = defaults[at]
            signature.append(f"{name}=_d_{name}")
        else:
            signature.append(name)
    if not stores:
        empty = "".join(f"        del self.{field}\n" for field in fields)
        body = (f"    _init(self, {', '.join(params)})\n"
                "    self._where = where\n"
                "    if where is not None:\n"
                f"{empty}")
    else:
        if tuple(params) != tuple(cls._fields):
            raise TypeError(f"{cls.__name__}.__init__: stores=True needs exactly the fields as parameters")
        body = "    self._where = where\n"
        for name in params:
            if name in fields:
                body += f"    if where is None:\n        self.{name} = {name}\n"
            else:
                body += f"    self.{name} = {name}\n"
    source = f"def __init__(self, {', '.join(signature)}, *, where=None):\n" + body
    exec(source, env)  # noqa: S102 - forwards to the record's own __init__, as written
    return env["__init__"]
