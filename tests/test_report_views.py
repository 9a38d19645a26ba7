"""Views that several rules read are derived once per report (``Report.view``)."""

from __future__ import annotations

from govlint.engine import Checker, Settings
from govlint.plugin_host import load_plugins
from govlint_rules import _common
from govlint_rules.fees import _fees


def test_prose_and_fee_facts_are_read_once_per_report(fixtures, monkeypatch):
    derived = {"prose": 0, "fees": 0}
    plain_prose, plain_fees = _common._prose, _fees._read_facts

    def counted_prose(report, include_preamble):
        derived["prose"] += 1
        return plain_prose(report, include_preamble)

    def counted_fees(runs):
        derived["fees"] += 1
        return plain_fees(runs)

    monkeypatch.setattr(_common, "_prose", counted_prose)
    monkeypatch.setattr(_fees, "_read_facts", counted_fees)
    checker = Checker(load_plugins(), Settings())
    page = fixtures / "corpus" / "2024_pingtan_jsp.html"
    checker.check_file(str(page))
    # at most one derivation per variant (with and without the preamble), although the prose
    # is read by the date, wording, claim and fee rules, and the fee facts by GL401-GL403
    assert 1 <= derived["prose"] <= 2
    assert derived["fees"] == 1


def test_a_view_is_built_once_and_kept(fixtures):
    from govlint.document import Document
    from govlint.report import Report

    report = Report(path="r.txt", format="text", document=Document(path="r.txt", format="text"))
    built = []
    first = report.view("x", lambda rep: built.append(rep) or len(built))
    assert report.view("x", lambda rep: built.append(rep) or len(built)) == first == 1
    assert built == [report]
    assert list(_common.prose(report)) == [] and _common.prose(report) is not _common.prose(report)
