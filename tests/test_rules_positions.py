"""Rules read the source positions they report, and no others.

A position is worked out when first read (``govlint.span.deferred_span``), and on an HTML page
reading one far down costs a replay of the page up to it. So a rule that chooses among places
(the first outdated label of GL301) reads the positions of the candidates one by one and stops
at the one it reports; the answer is the one the plain way gives, reading them all first.
"""

from __future__ import annotations

import pytest

from govlint.engine import Checker, Settings
from govlint.plugin_host import load_plugins
from govlint.selection import Selection
from govlint.testing import parse_file
from govlint_rules.template._template import outdated_markers

PAGES = ("2019_pingtan_gaj.html", "2022_pingtan_htp.html", "2023_shuyang_fgj.html", "2024_pingtan_jsp.html")


def _unread(thing) -> bool:
    """Whether ``thing``'s deferred position has not been worked out yet."""
    return getattr(thing, "_where", None) is not None


@pytest.fixture(scope="module")
def registry():
    return load_plugins()


@pytest.mark.parametrize("page", ("2019_pingtan_gaj.html", "2022_pingtan_htp.html"))
def test_gl301_reads_the_position_of_the_label_it_reports_only(page, fixtures, registry):
    report = parse_file(fixtures / "corpus" / page)
    places = [where for _, where in outdated_markers(report)]
    assert len(places) > 1 and all(_unread(w) for w in places)
    context = Checker(registry, Settings()).context
    [finding] = registry.rules["GL301"].check(report, context)
    first = next(i for i, w in enumerate(places) if w.span is not None)
    assert finding.span == places[first].span
    assert all(_unread(w) for w in places[first + 1:])
    # the plain way: every candidate's position read, the first one there taken
    plain = parse_file(fixtures / "corpus" / page)
    spans = [where.span for _, where in outdated_markers(plain)]
    assert finding.span == next(s for s in spans if s is not None)
