"""Source positions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A range in the decoded source text.

    Lines and columns are 1-based and count Unicode code points; ``end_column`` is
    exclusive (the column just after the last character), as SARIF expects.
    """

    line: int
    column: int
    end_line: int
    end_column: int

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


def deferred_span(cls, name: str, fields: tuple[str, ...] = ("span",)):
    """A subclass of the slots dataclass ``cls`` whose ``span`` is worked out on first read.

    The parser places hundreds of cells and labels per report; a few of them end up in a
    finding, and only ``govlint parse`` reads them all. Such an object is built as ``cls`` is
    (with ``span`` None) and then given ``defer(resolve, *args)`` (or built with
    ``where=(resolve, *args)``): reading ``span`` calls
    ``resolve(*args)`` once and keeps the answer, so every reader sees the same Span as
    if it had been computed up front. Assigning ``span`` drops a deferred one. The subclass
    goes by ``cls``'s name (reprs and type names read as before); ``name`` is what it is
    assigned to in its module. Copies and pickles are plain ``cls`` objects.

    ``fields`` names the deferred fields (``span`` unless told): with several, ``resolve``
    returns a tuple of their values, all worked out by the first read of any of them (the HTML
    loader learns a block's span and its offsets ``at`` in one go); assigning one of them
    then works the others out first.
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

    from dataclasses import fields as dataclass_fields

    names = [f.name for f in dataclass_fields(cls) if f.init]
    if any(not f.init for f in dataclass_fields(cls)) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: only plain dataclass fields can be deferred")

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

    namespace = {"__slots__": ("_where",), "defer": defer, "__init__": _plain_init(cls, fields),
                 "__eq__": eq, "__hash__": None, "__reduce__": reduce,
                 "__doc__": cls.__doc__, "__module__": cls.__module__, "__qualname__": cls.__qualname__,
                 "deferred_name": name, "deferred_fields": tuple(fields)}
    for field, slot in zip(fields, slots):
        namespace[field] = field_property(slot)
    return type(cls.__name__, (cls,), namespace)


def _plain_init(cls, deferred: tuple[str, ...]):
    """``cls.__init__`` for a deferred subclass: the same parameters and defaults, the deferred
    fields stored in their slots directly (not through their properties: the constructor of
    a cell or piece is a hot path); ``where=(resolve, *args)`` defers them as ``defer`` does,
    in the same call."""
    from dataclasses import MISSING, fields as dataclass_fields

    env: dict = {"MISSING": MISSING}
    params, body = [], ["    self._where = where"]
    for f in dataclass_fields(cls):
        name = f.name
        if f.default is not MISSING:
            env[f"_d_{name}"] = f.default
            params.append(f"{name}=_d_{name}")
        elif f.default_factory is not MISSING:
            env[f"_f_{name}"] = f.default_factory
            params.append(f"{name}=MISSING")
            body.append(f"    if {name} is MISSING: {name} = _f_{name}()")
        else:
            params.append(name)
        if name in deferred:
            env[f"_s_{name}"] = cls.__dict__[name].__set__
            body.append(f"    _s_{name}(self, {name})")
        else:
            body.append(f"    self.{name} = {name}")
    source = f"def __init__(self, {', '.join(params)}, *, where=None):\n" + "\n".join(body) + "\n"
    exec(source, env)  # noqa: S102 - generated from the dataclass's own field list, as dataclasses do
    return env["__init__"]
