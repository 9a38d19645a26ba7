"""Plain records: what ``@dataclass`` gave govlint's small classes, without its start-up cost.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__`` (and for a frozen
class ``__setattr__``, ``__delattr__``, ``__hash__``) and compiles it with ``exec`` for every
class, as the class is created: about a millisecond a class, some sixty classes on the way to a
one-file check. A record here is a class with ``__slots__`` and an ``__init__`` written out;
the rest is inherited from ``Record`` (or ``Frozen``), generic over ``_fields`` and written
once, so creating the class costs what creating any class costs.

Kept from dataclasses, where code relies on it: ``repr`` (``Span(line=1, column=2, ...)``),
equality between objects of the same class, field by field; for ``Frozen`` records hashing and
``dataclasses.FrozenInstanceError`` on assignment; ``replace`` and ``as_dict`` below; copies and
pickles (rebuilt by ``__init__`` from the fields, in order).
"""

from __future__ import annotations


class Record:
    """A mutable record: ``_fields`` names its fields in ``__init__``'s order (usually the
    same tuple as ``__slots__``). Unhashable, as a dataclass with ``eq`` and no ``frozen``."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), self._values()


class Frozen(Record):
    """An immutable record: hashable by its fields; assigning a field raises
    ``dataclasses.FrozenInstanceError`` (``__init__`` sets them with ``object.__setattr__``)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name, value):
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")


def replace(record, **changes):
    """A copy of ``record`` with ``changes`` (``dataclasses.replace`` for records)."""
    unknown = set(changes) - set(record._fields)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {sorted(unknown)[0]!r}")
    return type(record)(*[changes[name] if name in changes else getattr(record, name)
                          for name in record._fields])


def as_dict(record) -> dict:
    """The fields of ``record`` by name (shallow, unlike ``dataclasses.asdict``)."""
    return {name: getattr(record, name) for name in record._fields}
