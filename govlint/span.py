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
    """Maps character offsets of a text to (line, column) pairs."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(end, start + 1))
        return Span(line, col, end_line, end_col)


def deferred_span(cls, name: str, fields: tuple[str, ...] = ("span",), stores: bool = False):
    """A subclass of the record ``cls`` whose ``span`` is worked out on first read.

    The parser places hundreds of cells and labels per report; a few of them end up in a
    finding, and only ``govlint parse`` reads them all. Such an object is built as ``cls`` is
    (with ``span`` None) and then given ``defer(resolve, *args)`` (or built with
    ``where=(resolve, *args)``): reading ``span`` calls ``resolve(*args)`` once and keeps the
    answer, so every reader sees the same Span as if it had been computed up front. Assigning ``span`` drops a deferred one. The subclass
    goes by ``cls``'s name (reprs and type names read as before); ``name`` is what it is
    assigned to in its module. Copies and pickles are plain ``cls`` objects.

    ``fields`` names the deferred fields (``span`` unless told): with several, ``resolve``
    returns a tuple of their values, all worked out by the first read of any of them (the HTML
    loader learns a block's span and its offsets ``at`` in one go); assigning one of them
    then works the others out first.

    ``stores=True`` says that ``cls.__init__`` does nothing but store each parameter in the
    field of its name (``tests/test_deferred_spans.py`` holds every such class to it): the
    subclass's constructor then stores them itself, straight into the slots, instead of
    calling that ``__init__`` through the deferred fields' properties (half the cost of
    making one, for objects a parser makes by the hundred per report).
    """
    slots = [cls.__dict__[field] for field in fields]  # the plain class's slots, where values are kept
    single = len(fields) == 1

    def settle(self, where):
        self._where = None
        values = where[0](*where[1:])
        if single:
            slots[0].__set__(self, values)
        else:
            for slot, value in zip(slots, values):
                slot.__set__(self, value)

    def field_property(slot):
        def get(self):
            where = self._where
            if where is not None:
                settle(self, where)
            return slot.__get__(self, cls)

        def set_(self, value):
            where = self._where
            if where is not None and not single:
                settle(self, where)
            self._where = None
            slot.__set__(self, value)

        return property(get, set_)

    def defer(self, resolve, *args):
        self._where = (resolve, *args)
        return self

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

    namespace = {"__slots__": ("_where",), "defer": defer, "__init__": _plain_init(cls, slots if stores else None),
                 "__eq__": eq, "__hash__": None, "__reduce__": reduce,
                 "__doc__": cls.__doc__, "__module__": cls.__module__, "__qualname__": cls.__qualname__,
                 "deferred_name": name, "deferred_fields": tuple(fields),
                 "deferred_stores": stores}
    for field, slot in zip(fields, slots):
        namespace[field] = field_property(slot)
    return type(cls.__name__, (cls,), namespace)


def _plain_init(cls, stored=None):
    """``cls.__init__`` for a deferred subclass: the same parameters and defaults (read from
    the record's own ``__init__``), and ``where=(resolve, *args)`` to defer the fields as
    ``defer`` does, in the same call (the constructor of a piece is a hot path).

    With ``stored`` (the slots of the deferred fields, for a record whose ``__init__`` only
    stores its parameters), the fields are stored here: a deferred one only when nothing
    defers it (when ``where`` does, its first read settles it before the slot is read)."""
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
    if stored is None:
        body = ("    self._where = None\n"
                f"    _init(self, {', '.join(params)})\n"
                "    self._where = where\n")
    else:
        if tuple(params) != tuple(cls._fields):
            raise TypeError(f"{cls.__name__}.__init__: stores=True needs exactly the fields as parameters")
        deferred = {slot.__name__: slot for slot in stored}
        body = "    self._where = where\n"
        for name in params:
            if name in deferred:
                env[f"_set_{name}"] = deferred[name].__set__
                body += f"    if where is None:\n        _set_{name}(self, {name})\n"
            else:
                body += f"    self.{name} = {name}\n"
    source = f"def __init__(self, {', '.join(signature)}, *, where=None):\n" + body
    exec(source, env)  # noqa: S102 - forwards to the record's own __init__, as written
    return env["__init__"]
