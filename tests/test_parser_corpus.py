"""The parser on the real reports of the corpus (copies in tests/fixtures/corpus).

Expected numbers are typed in from the source files (HTML tables as printed, the glued digit
runs of the Pingtan text extractions read by hand). ``_`` marks a blank cell.
"""

from __future__ import annotations

import pytest

from parser_expect import (
    FIXTURES,
    ZERO_T3_2019,
    ZERO_T3_2021,
    ZERO_T4,
    grid,
    parse_file,
    table4,
    table_values,
    with_rows,
)

CORPUS = FIXTURES / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".html", ".txt", ".md"))

BLANK_ROW = "_ _ _ _ _ _ _"

EXPECTED = {
    # --- every real HTML page -------------------------------------------------------------
    "2019_pingtan_gaj.html": ("2019", with_rows(ZERO_T3_2019, """
new  0 _ 0 0 0 0 0
"""), table4(ZERO_T4)),
    "2019_shanghai_bgt.html": ("2019", grid(f"""
new              821 35 _ _ 2 1 859
carried_over     18 _ _ _ _ _ 18
granted          258 12 _ _ 1 1 _
partial          3 _ _ _ _ _ _
denied.1         14 _ _ _ _ _ _
denied.2         {BLANK_ROW}
denied.3         {BLANK_ROW}
denied.4         {BLANK_ROW}
denied.5         5 _ _ _ _ _ _
denied.6         3 1 _ _ _ _ _
denied.7         {BLANK_ROW}
denied.8         10 2 _ _ _ _ _
unable.1         252 12 _ _ 1 _ _
unable.2         44 3 _ _ _ _ _
unable.3         25 _ _ _ _ _ _
not_processed.1  148 1 _ _ _ _ _
not_processed.2  5 4 _ _ _ _ _
not_processed.3  {BLANK_ROW}
not_processed.4  {BLANK_ROW}
not_processed.5  {BLANK_ROW}
other            {BLANK_ROW}
total            767 35 _ _ 2 1 805
carried_forward  72 _ _ _ _ _ 72
"""), table4("""
review                   5 _ _ 2 7
litigation_direct        8 _ _ 1 9
litigation_after_review  _ _ _ _ _
""")),
    "2022_pingtan_htp.html": ("2019", with_rows(ZERO_T3_2019, """
new       4 0 0 0 0 0 4
denied.4  1 0 0 0 0 0 1
unable.1  3 0 0 0 0 0 3
"""), table4(ZERO_T4)),
    "2023_shuyang_fgj.html": ("2021", grid("""
new              26 _ _ _ _ _ 26
carried_over     0 _ _ _ _ _ 0
granted          26 _ _ _ _ _ 26
partial          0 _ _ _ _ _ 0
denied.1         0 _ _ _ _ _ 0
denied.2         0 _ _ _ _ _ 0
denied.3         0 _ _ _ _ _ 0
denied.4         0 _ _ _ _ _ 0
denied.5         0 _ _ _ _ _ 0
denied.6         0 _ _ _ _ _ 0
denied.7         0 _ _ _ _ _ 0
denied.8         0 _ _ _ _ _ 0
unable.1         0 _ _ _ _ _ 0
unable.2         0 _ _ _ _ _ 0
unable.3         0 _ _ _ _ _ 0
not_processed.1  0 _ _ _ _ _ 0
not_processed.2  0 _ _ _ _ _ 0
not_processed.3  0 _ _ _ _ _ 0
not_processed.4  0 _ _ _ _ _ 0
not_processed.5  0 _ _ _ _ _ 0
other.1          0 _ _ _ _ _ 0
other.2          0 _ _ _ _ _ 0
other.3          0 _ _ _ _ _ 0
total            26 _ _ _ _ _ 26
carried_forward  0 _ _ _ _ _ 0
"""), table4("""
review                   0 0 0 1 1
litigation_direct        0 0 0 0 0
litigation_after_review  0 0 0 0 0
""")),
    "2024_pingtan_jsp.html": ("2021", with_rows(ZERO_T3_2021, """
new       5 0 0 0 0 0 5
granted   1 0 0 0 0 0 1
partial   2 0 0 0 0 0 2
unable.1  2 0 0 0 0 0 2
total     5 0 0 0 0 0 5
"""), table4("""
review                   0 1 0 0 1
litigation_direct        0 0 0 0 0
litigation_after_review  0 0 0 0 0
""")),
    # --- Pingtan text extractions: digit runs glued, split where the split is unique ---------
    "2022_pingtan_htp.txt": ("2019", with_rows(ZERO_T3_2019, """
new       4 0 0 0 0 0 4
denied.4  1 0 0 0 0 0 1
unable.1  3 0 0 0 0 0 3
"""), table4(ZERO_T4)),
    "2024_pingtan_gaj.txt": ("2021", with_rows(ZERO_T3_2021, """
new       8 0 0 0 0 0 8
granted   3 0 0 0 0 0 3
partial   1 0 0 0 0 0 1
unable.1  4 0 0 0 0 0 4
total     8 0 0 0 0 0 8
"""), table4(ZERO_T4)),
    "2019_pingtan_jjp.txt": ("2019", grid(ZERO_T3_2019), table4(ZERO_T4)),
    "2020_pingtan_htp.txt": ("2019", grid(ZERO_T3_2019), table4(ZERO_T4)),
    "2021_pingtan_czj.txt": ("2021", grid(ZERO_T3_2021), table4(ZERO_T4)),
}

SHUYANG = ("2021", with_rows(ZERO_T3_2021, """
new              705 3 0 0 5 0 713
carried_over     36 0 0 0 0 0 36
granted          290 1 0 0 3 0 294
partial          99 0 0 0 2 0 101
denied.3         2 0 0 0 0 0 2
denied.4         2 0 0 0 0 0 2
denied.5         13 0 0 0 0 0 13
denied.6         2 0 0 0 0 0 2
denied.7         4 0 0 0 0 0 4
denied.8         9 0 0 0 0 0 9
unable.1         111 0 0 0 0 0 111
unable.2         2 0 0 0 0 0 2
not_processed.1  12 0 0 0 0 0 12
not_processed.2  6 1 0 0 0 0 7
other.1          9 0 0 0 0 0 9
other.2          7 0 0 0 0 0 7
other.3          142 1 0 0 0 0 143
total            710 3 0 0 5 0 718
carried_forward  31 0 0 0 0 0 31
"""), table4("""
review                   27 10 9 15 61
litigation_direct        3 0 0 0 3
litigation_after_review  8 0 1 1 10
"""))


@pytest.mark.parametrize("name", FILES)
def test_every_corpus_file_parses(name):
    report = parse_file(CORPUS / name)
    for table in report.tables.values():
        assert table.complete == (not table.problems)
        for cell in table:
            assert cell.location.startswith(("表二", "表三", "表四"))
    if name != "2020_pingtan_gaj.txt":          # a stub page without the report body
        assert len(report.sections) >= 5, [s.heading for s in report.sections]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_full_tables(name):
    template, t3, t4 = EXPECTED[name]
    report = parse_file(CORPUS / name)
    table3 = report.table("table3")
    assert table3.template == template
    assert table_values(table3) == t3
    assert table3.complete, table3.problems
    assert table_values(report.table("table4")) == t4
    assert report.table("table4").complete


def test_markdown_report():
    # the Shuyang county report, laid out as Markdown (headings and pipe tables)
    template, t3, t4 = SHUYANG
    report = parse_file(FIXTURES / "parser" / "2025_shuyangxian.md")
    assert report.format == "markdown"
    assert table_values(report.table("table3")) == t3 and report.table("table3").complete
    assert table_values(report.table("table4")) == t4
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_pdf_converted_markdown_reports_incomplete_table3():
    # rows of this PDF conversion are out of order: what is certain is read, the rest reported
    report = parse_file(CORPUS / "2025_shanghai_bgt.md")
    table3 = report.table("table3")
    assert not table3.complete and table3.problems
    assert table3.value("new", "natural") == 1259 and table3.value("new", "total") == 1295
    assert table_values(report.table("table4")) == table4("""
review                   40 0 10 5 55
litigation_direct        2 0 4 6 12
litigation_after_review  6 0 9 7 22
""")


def test_ambiguous_glued_runs_keep_their_readings():
    # 2021_pingtan.txt prints 一、本年新收… as 640020470: 64|0|0|2|0|4|70 and 6|40|0|2|0|4|70
    # are both valid splits (12 in all); the table stays complete and keeps every reading
    report = parse_file(CORPUS / "2021_pingtan.txt")
    table3 = report.table("table3")
    assert table3.complete and not table3.problems
    runs = {" ".join(g.runs): g for g in table3.readings}
    assert runs["640020470"].count == 12
    # only 64|0|0|2|0|4|70 makes the applicant columns add up to the row's 总计 (70): adopted
    new = table3.get("new", "natural")
    assert (new.value, new.inferred) == (64, "row-total") and runs["640020470"].inferred == "row-total"
    # 270020130 balances its 总计 in more than one reading: nothing is chosen
    granted = table3.get("granted", "natural")
    assert granted.value is None and {2, 27} <= set(granted.values)
    # a row whose digits fit only one way is still read: 500000 5 → 5 0 0 0 0 0 5
    assert [table3.value("partial", c) for c in ("natural", "other", "total")] == [5, 0, 5]
    table4_ = report.table("table4")
    assert table4_.complete and [g.runs for g in table4_.readings] == [("10203120001200000",)]


def test_split_cells_are_marked_and_located():
    path = CORPUS / "2022_pingtan_htp.txt"
    table3 = parse_file(path).table("table3")
    cell = table3.get("new", "natural")
    assert cell.value == 4 and "4000004" in cell.raw
    line = path.read_text("utf-8").splitlines()[cell.span.line - 1]
    assert line[cell.span.column - 1:cell.span.end_column - 1] == "4"
    total = table3.get("new", "total")
    assert total.span.column == cell.span.column + 6
