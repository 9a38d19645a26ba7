"""Which rule codes are on: ``select`` / ``extend-select`` / ``ignore`` with prefixes.

As in ruff, the most specific (longest) matching prefix decides; on a tie ``ignore`` wins.
``ALL`` selects every code, except rules that are off by default (``Rule.default_enabled =
False``, such as a province's extra requirements): those need a selector that names them,
a code or a prefix (``extend-select: [PV]``).
"""

from __future__ import annotations

from govlint.record import Frozen



def _longest(code: str, prefixes) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


class Selection(Frozen):
    __slots__ = _fields = ("select", "ignore", "extend_select")

    def __init__(self, select: tuple[str, ...] = ("ALL",), ignore: tuple[str, ...] = (),
                 extend_select: tuple[str, ...] = ()) -> None:
        set_ = object.__setattr__
        set_(self, "select", select)
        set_(self, "ignore", ignore)
        set_(self, "extend_select", extend_select)

    def enabled(self, code: str, explicit_only: bool = False) -> bool:
        """Is ``code`` on? With ``explicit_only``, ``ALL`` alone does not turn it on."""
        chosen = _longest(code, self.select + self.extend_select)
        if chosen < 0 or (explicit_only and chosen == 0):
            return False
        return chosen > _longest(code, self.ignore)

    def ignores(self, code: str) -> bool:
        """Is ``code`` named by an ``ignore`` selector?"""
        return _longest(code, self.ignore) >= 0
