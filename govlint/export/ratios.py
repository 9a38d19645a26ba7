"""The derived ratios evaluators compute from tables 三 and 四, as records.

Each ratio is a sum of dataset columns over a sum of dataset columns minus others, so its
formula is stated in the names of the columns it reads (``formula``), the docs print exactly
that, and a reader can recompute it from the same row. Cells are counted as the identity
checks count them: a blank cell is 0. A ratio is empty (``None``) when its denominator is 0, or
when a cell it reads has several possible values (a glued digit run the parser could not cut
one way). Values are rounded to ``DIGITS`` decimal places.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from govlint.format import table3, table4

DIGITS = 4


@dataclass(frozen=True)
class Ratio:
    key: str
    label: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    #: columns subtracted from the denominator
    minus: tuple[str, ...] = ()

    @property
    def formula(self) -> str:
        """``t3.granted.total / t3.total.total``: the formula in the dataset's column names."""
        def terms(names, minus=()):
            text = " + ".join(names) + "".join(f" − {m}" for m in minus)
            return f"({text})" if len(names) + len(minus) > 1 else text

        return f"{terms(self.numerator)} / {terms(self.denominator, self.minus)}"

    def value(self, row: dict) -> float | None:
        """The ratio over one dataset row (cell name → number, None, or a list of readings)."""
        def total(names) -> Decimal | None:
            out = Decimal(0)
            for name in names:
                value = row.get(name)
                if isinstance(value, list):
                    return None
                out += Decimal(str(value)) if value is not None else 0
            return out

        top, bottom, less = total(self.numerator), total(self.denominator), total(self.minus)
        if top is None or bottom is None or less is None or bottom - less == 0:
            return None
        return float((top / (bottom - less)).quantize(Decimal(1).scaleb(-DIGITS), ROUND_HALF_EVEN))


_UNABLE = tuple(f"t3.{item}.total" for item in table3.items("unable"))
_LITIGATION = tuple(f"t4.{g.key}" for g in table4.GROUPS if g.group == "litigation")

# the names evaluators use, built from the format's own labels (予以公开率, 行政复议纠错率 …)
RATIOS = (
    Ratio("ratio.granted", table3.row("granted").name + "率", ("t3.granted.total",), ("t3.total.total",)),
    Ratio("ratio.unable", table3.row("unable").name + "占比", _UNABLE, ("t3.total.total",)),
    Ratio("ratio.review_corrected", table4.group("review").label + "纠错率", ("t4.review.corrected",),
          ("t4.review.total",), ("t4.review.pending",)),
    Ratio("ratio.litigation_corrected", table4.group("litigation").label + "纠错率",
          tuple(f"{g}.corrected" for g in _LITIGATION), tuple(f"{g}.total" for g in _LITIGATION),
          tuple(f"{g}.pending" for g in _LITIGATION)),
    Ratio("ratio.carried_forward", "结转率", ("t3.carried_forward.total",), ("t3.new.total", "t3.carried_over.total")),
)
