"""Which rule codes are on: ``select`` / ``extend-select`` / ``ignore`` with prefixes.

As in ruff, the most specific (longest) matching prefix decides; on a tie ``ignore`` wins.
``ALL`` selects every code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _longest(code: str, prefixes) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = field(default=())

    def enabled(self, code: str) -> bool:
        chosen = _longest(code, self.select + self.extend_select)
        if chosen < 0:
            return False
        return chosen > _longest(code, self.ignore)
