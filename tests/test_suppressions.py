"""Scoped suppressions: regions, the next line, file-wide; malformed and unused directives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.suppressions import FILE, NEXT_LINE, REGION, Suppressions, is_directive_line, parse
from govlint.testing import lint_text

SEED_TABLE3_TOTAL = "（七）总计"


def test_a_region_covers_positions_on_one_line():
    # a one-line HTML page: the region is bounded by positions, not lines
    source = "<p>a</p><!-- govlint: disable=GL203 --><td>1</td><!-- govlint: enable=GL203 --><td>2</td>"
    found = parse(source)
    [(kind, start, end, codes, _)] = found.scopes
    assert kind == REGION and codes == ("GL203",)
    inside = source.index("<td>1") + 1
    after = source.index("<td>2") + 1
    assert found.match("GL203", 1, inside) is not None
    assert found.match("GL203", 1, after) is None
    assert found.match("GL203", 1, 1) is None  # before the disable
    assert found.match("GL204", 1, inside) is None  # another code


def test_next_line_and_file_wide_and_prefixes():
    found = parse("x\n# govlint: disable-next-line=GL2\ny\nz\n<!-- govlint: disable=GL6 -->\n")
    kinds = {kind for kind, *_ in found.scopes}
    assert kinds == {NEXT_LINE, FILE}
    assert found.match("GL201", 3, 5) is not None and found.match("GL201", 4, 1) is None
    # an unclosed disable is file-wide: it also covers findings before it (reported at 1:1)
    assert found.match("GL602", 1, 1) is not None


def test_enable_without_codes_closes_every_open_region():
    found = parse("<!-- govlint: disable=GL203 -->\n<!-- govlint: disable=GL204 -->\nx\n<!-- govlint: enable -->\ny")
    assert [s[0] for s in found.scopes] == [REGION, REGION]
    assert found.match("GL204", 3, 1) is not None and found.match("GL204", 5, 1) is None


def test_malformed_and_unknown_are_problems_not_silence():
    found = parse("<!-- govlint: disable GL205 -->\ngovlint: disable=GL999,GL2\ngovlint: frobnicate\n",
                  known=lambda token: token.startswith("GL2"))
    messages = [p.message for p in found.problems]
    assert "应写作 govlint: disable=GL205" in messages[0]
    assert "GL999 不存在" in messages[1]
    assert "格式不正确" in messages[2]
    # the valid part of a directive with an unknown code still applies
    assert [s[3] for s in found.scopes] == [("GL2",)]


def test_data_round_trip_gives_the_same_scopes():
    source = "a\n<!-- govlint: disable=GL203 -->\nb\n<!-- govlint: enable=GL203 -->\n# govlint: disable-next-line=GL1\nc"
    found = parse(source)
    again = Suppressions.from_data(found.to_data())
    assert again.scopes == found.scopes


def test_directive_lines_inside_a_text_table_do_not_split_it():
    # one cell per line: a directive between two cells must not cut the row
    assert is_directive_line("  # govlint: disable-next-line=GL201 ")
    assert is_directive_line("<!-- govlint: disable=GL201 -->")
    assert not is_directive_line("正文 <!-- govlint: disable=GL201 --> 正文")


REPORT = """某某县人民政府2023年政府信息公开工作年度报告
一、总体情况
{directive}
2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。
"""


def test_end_to_end_region_and_next_line_in_a_text_report():
    plain = lint_text(REPORT.format(directive=""), format="text", select=["GL101"])
    assert plain and all(f.code == "GL101" for f in plain)
    hidden = lint_text(REPORT.format(directive="# govlint: disable=GL101"), format="text", select=["GL101"])
    assert hidden == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<!-govlint:=GL0123 ,\n#/abcdefnx>")), max_size=300))
def test_any_text_parses_without_raising_and_every_scope_names_a_directive(text):
    found = parse(text)
    for kind, start, end, codes, index in found.scopes:
        assert 0 <= index < len(found.directives)
        assert kind in (FILE, REGION, NEXT_LINE)
        if kind == REGION:
            assert start <= end
    assert Suppressions.from_data(found.to_data()).scopes == found.scopes


def test_many_directives_take_linear_work():
    # position counting is incremental: a page of many directives is not quadratic
    source = "<!-- govlint: disable=GL203 -->x\n<!-- govlint: enable=GL204 -->\n" * 10000
    found = parse(source)
    assert len(found.directives) == 20000 and len(found.problems) == 10000
