"""The .docx loader: document order, merged cells, archive safety, and values through the parser."""

from __future__ import annotations

import io
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint.document import Grid, Paragraph
from govlint.parser import parse
from govlint.testing import codes, lint_file, load_document, load_in_child, parse_file, registry
from govlint_docx.loader import DocxLoader
from govlint_docx.safety import archive_problem

from docx_report_builder import build_report

TABLE3_COLUMNS = format_table3.columns()
TABLE3_ROWS_2021 = format_table3.rows("2021")
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

DATA = Path(__file__).parent / "data"
TEMPLATE = DATA / "template_2021_blank.docx"

# Seed 000 (壶关县人民政府 2023), typed from /work/shared/seeds/000_*.txt.
SEED_TITLE = "壶关县人民政府2023年政府信息公开工作年度报告"
SEED_PREAMBLE = ("根据《中华人民共和国政府信息公开条例》等相关规定，壶关县人民政府综合各级各部门政府信息公开工作情况，"
                 "编制并发布2023年政府信息公开工作年度报告。本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
SEED_TABLE2 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "0", "34"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["5710"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["305"]), ("行政强制", ["26"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["3080.699"])]),
]
SEED_TABLE3_NATURAL = {"new": 20, "granted": 5, "partial": 4, "unable.1": 9, "not_processed.2": 1,
                       "total": 19, "carried_forward": 1}  # every other row is 0; only 自然人 is used
SEED_TABLE3 = {(row, col): (SEED_TABLE3_NATURAL.get(row, 0) if col in ("natural", "total") else 0)
               for row in TABLE3_ROWS_2021 for col in TABLE3_COLUMNS}
SEED_TABLE4 = {(g, o): 0 for g in TABLE4_GROUPS for o in TABLE4_OUTCOMES}
SEED_OTHER = "2023年壶关县未发生对政府信息公开申请收费的情况。"


def _as_text(values):
    return {key: str(value) for key, value in values.items()}


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "huguan_2023.docx"
    build_report(path, title=SEED_TITLE, preamble=SEED_PREAMBLE, table2=SEED_TABLE2,
                 table3=_as_text(SEED_TABLE3), table4=_as_text(SEED_TABLE4), texts={"六": SEED_OTHER})
    return path


def _values(table):
    return {key: cell.value for key, cell in table.cells.items()}


def test_registered_through_the_entry_point():
    loaders = {loader.name: loader for loader in registry().loaders}
    assert loaders["docx"].plugin == "govlint-docx:docx"
    assert registry().loader_for("报告.DOCX").name == "docx"


# -- the blank 2021 template ------------------------------------------------------------
def test_template_keeps_body_order_paragraphs_and_tables_interleaved():
    doc = load_document(TEMPLATE)
    kinds = ["T" if isinstance(b, Grid) else b.text for b in doc.blocks]
    assert kinds.index("二、主动公开政府信息情况") < kinds.index("T")
    tables = [i for i, k in enumerate(kinds) if k == "T"]
    assert len(tables) == 3
    assert kinds.index("三、收到和处理政府信息公开申请情况") < tables[1] < kinds.index("四、政府信息公开行政复议、行政诉讼情况") < tables[2]
    assert doc.problems == []


def test_template_merged_cells_are_one_origin_with_span_copies():
    table3 = load_document(TEMPLATE).grids()[1]
    assert len(table3.rows) == 28 and all(len(row) == 10 for row in table3.rows)
    corner = table3.rows[0][0]
    assert (corner.origin, corner.rowspan, corner.colspan) == (True, 3, 3)
    assert corner.text.startswith("（本列数据的勾稽关系为")
    for r in range(3):
        for c in range(3):
            copy = table3.rows[r][c]
            assert copy.text == corner.text and copy.span == corner.span
            assert copy.origin == (r == 0 and c == 0)
    legal = table3.rows[1][4]
    assert (legal.text, legal.colspan, legal.rowspan) == ("法人或其他组织", 5, 1)
    results = [row[0] for row in table3.rows if row[0].text == "三、本年度办理结果"]
    assert len(results) == 22 and sum(c.origin for c in results) == 1 and results[0].rowspan == 22
    # every origin cell's span points at its text in the rendered source
    lines = load_document(TEMPLATE).source.split("\n")
    for cell in table3.cells():
        if cell.text:
            line = lines[cell.span.line - 1]
            assert line[cell.span.column - 1:cell.span.end_column - 1] == cell.text


def test_template_is_recognised_as_the_2021_form_with_empty_tables():
    report = parse_file(TEMPLATE)
    assert [s.key for s in report.sections] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    assert report.template == "2021"
    table3 = report.table("table3")
    assert table3 is not None and table3.template == "2021"
    assert {row for row, _ in table3.cells} == set(TABLE3_ROWS_2021)
    assert all(cell.value is None and cell.raw.strip() == "" for cell in table3)
    # Table 4's blank data row: 15 empty cells in the grid, read as 15 blank cells of a
    # complete table (GL205 reports blanks as info), not as a missing row
    row = load_document(TEMPLATE).grids()[2].rows[3]
    assert len(row) == 15 and all(cell.origin and cell.text == "" for cell in row)
    table4 = report.table("table4")
    assert table4 is not None and table4.complete and not table4.problems
    assert set(table4.cells) == {(g, o) for g in TABLE4_GROUPS for o in TABLE4_OUTCOMES}
    assert all(cell.value is None and cell.raw == "" for cell in table4)
    assert table4.get("litigation_after_review", "total").location == "表四 / 行政诉讼 / 复议后起诉 / 总计"


# -- filled reports written with python-docx ---------------------------------------------------
def test_seed_000_values_come_back_exactly(seed_docx):
    report = parse_file(seed_docx)
    assert report.template == "2021"
    assert _values(report.table("table3")) == SEED_TABLE3
    assert _values(report.table("table4")) == SEED_TABLE4
    table2 = report.table("table2")
    assert sorted(cell.value for cell in table2) == sorted(
        [0, 0, 0, 3, 0, 34, 5710, 305, 26, Decimal("3080.699")])
    assert report.metadata.year == 2023


def test_seed_000_docx_is_clean_under_the_arithmetic_rules(seed_docx):
    assert lint_file(seed_docx, select=["GL0", "GL1", "GL2"]) == []


def test_a_broken_cross_sum_is_found_in_a_docx(tmp_path):
    broken = dict(SEED_TABLE3)
    broken[("new", "natural")] = 21
    broken[("new", "total")] = 21
    path = tmp_path / "broken.docx"
    build_report(path, title=SEED_TITLE, preamble=SEED_PREAMBLE, table2=SEED_TABLE2,
                 table3=_as_text(broken), table4=_as_text(SEED_TABLE4))
    found = lint_file(path, select=["GL201"])
    assert codes(found) == ["GL201", "GL201"]  # 自然人 and 总计 columns
    assert all(f.span is not None for f in found)


counts = st.integers(min_value=0, max_value=99999)


@pytest.fixture(scope="module")
def token_docx(tmp_path_factory):
    """A report whose table cells hold tokens; examples swap values in (python-docx is slow at merging)."""
    path = tmp_path_factory.mktemp("docx") / "tokens.docx"
    table3 = {key: f"T3x{i}x" for i, key in enumerate(SEED_TABLE3)}
    table4 = {key: f"T4x{i}x" for i, key in enumerate(SEED_TABLE4)}
    build_report(path, title=SEED_TITLE, preamble=SEED_PREAMBLE, table2=SEED_TABLE2, table3=table3, table4=table4)
    return path.read_bytes(), table3, table4


def _fill(docx_bytes: bytes, values: dict[str, str]) -> bytes:
    """The .docx with each token of word/document.xml replaced by its value."""
    import re

    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb"T[34]x\d+x", lambda m: values[m.group().decode()].encode(), data)
            target.writestr(info, data)
    return out.getvalue()


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_any_values_written_to_docx_parse_back_unchanged(token_docx, data):
    template, tokens3, tokens4 = token_docx
    table3 = {key: data.draw(counts) for key in tokens3}
    table4 = {key: data.draw(counts) for key in tokens4}
    values = {tokens3[k]: str(v) for k, v in table3.items()} | {tokens4[k]: str(v) for k, v in table4.items()}
    report = parse(DocxLoader().load("random.docx", _fill(template, values)))
    assert _values(report.table("table3")) == table3
    assert _values(report.table("table4")) == table4


# -- bad input becomes GL001, never a traceback ----------------------------------------------------
def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _gl001(data: bytes) -> list[str]:
    doc = DocxLoader().load("x.docx", data)
    assert doc.blocks == []
    return [f.message for f in doc.problems if f.code == "GL001"]


def test_zip_bomb_is_refused_before_decompression():
    bomb = _zip({"word/document.xml": b"<" + b"a" * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on disk, 60 MB unpacked
    (message,) = _gl001(bomb)
    assert "压缩炸弹" in message


def test_too_many_members_is_refused():
    data = _zip({f"word/media/{i}.bin": b"" for i in range(1200)} | {"word/document.xml": b""})
    (message,) = _gl001(data)
    assert "1201" in message


@pytest.mark.parametrize("data", [
    b"PK\x03\x04 truncated",
    b"not a zip at all",
    b"\x00\x01\x02" * 100,
])
def test_non_zip_bytes_are_unreadable(data):
    (message,) = _gl001(data)
    assert "不是有效的 Word 文档" in message


def test_zip_without_word_document_is_unreadable():
    (message,) = _gl001(_zip({"hello.txt": b"hi"}))
    assert "word/document.xml" in message


def test_corrupt_document_xml_is_unreadable():
    template = zipfile.ZipFile(TEMPLATE)
    members = {i.filename: template.read(i.filename) for i in template.infolist() if not i.is_dir()}
    members["word/document.xml"] = members["word/document.xml"][:5000]  # cut mid-element
    (message,) = _gl001(_zip(members))
    assert "无法打开 Word 文档" in message


def test_absurd_grid_span_is_clamped(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "100000000")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    path = tmp_path / "wide.docx"
    document.save(str(path))
    grid = load_document(path).grids()[0]
    assert len(grid.rows[0]) <= 64 + 1


def test_archive_limits_are_parameters():
    data = TEMPLATE.read_bytes()
    assert archive_problem(data) is None
    assert "压缩炸弹" in archive_problem(data, max_uncompressed=1000)
    assert "超过上限 5" in archive_problem(data, max_members=5)


def test_check_reports_gl001_through_the_engine(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"this is not a word file")
    assert codes(lint_file(path)) == ["GL001"]


def test_govlint_check_and_plugins_on_the_command_line(seed_docx, tmp_path):
    from govlint.testing import run_cli

    def govlint(*args):
        return run_cli(*args, cwd=tmp_path)

    listed = govlint("plugins")
    assert "govlint-docx:docx 0.1.0" in listed.stdout and "loaders: docx" in listed.stdout
    clean = govlint("check", str(seed_docx), "--select", "GL0,GL1,GL2", "--format", "concise")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = govlint("check", str(broken), "--format", "concise")
    assert result.returncode == 1 and " GL001 " in result.stdout and "Traceback" not in result.stderr


# -- forged archives: unsupported versions and understated sizes -----------------------------------
def _template_members() -> dict[str, bytes]:
    template = zipfile.ZipFile(TEMPLATE)
    return {i.filename: template.read(i.filename) for i in template.infolist() if not i.is_dir()}


def _patch_central_entry(data: bytes, name: str, offset: int, fmt: str, value: int) -> bytes:
    """``data`` with one field of ``name``'s central-directory record overwritten."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46:at + 46 + name_length] == name.encode():
            struct.pack_into(fmt, out, at + offset, value)
            return bytes(out)
        at = out.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} not in the central directory")


def test_zip_version_beyond_zipfile_is_unreadable_not_a_crash(tmp_path):
    # "version needed to extract" 9.9: zipfile raises NotImplementedError on opening the archive
    data = _patch_central_entry(_zip(_template_members()), "word/document.xml", 6, "<H", 99)
    (message,) = _gl001(data)
    assert "zip 格式版本或功能不受支持" in message
    path = tmp_path / "version.docx"
    path.write_bytes(data)
    assert codes(lint_file(path)) == ["GL001"]


@pytest.mark.parametrize("method", [99, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_method_word_never_uses_is_refused(method):
    members = _template_members()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    data = buffer.getvalue()
    if method == 99:  # no zipfile decompressor at all: patch the method in the directory
        data = _patch_central_entry(data, "word/document.xml", 10, "<H", 99)
    else:
        data = _zip(members, compression=method)
    (message,) = _gl001(data)
    assert f"不支持的压缩方式（编号 {method}" in message


def _understated_bomb(real: int, claimed: int) -> bytes:
    """The template with a deflated word/document.xml of ``real`` zero bytes whose
    central-directory record claims ``claimed`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _template_members().items():
            if name != "word/document.xml":
                archive.writestr(name, content)
        with archive.open("word/document.xml", "w") as member:
            block = bytes(1024 * 1024)
            for _ in range(real // len(block)):
                member.write(block)
    return _patch_central_entry(buffer.getvalue(), "word/document.xml", 24, "<I", claimed)


def test_understated_sizes_are_capped_by_the_bytes_actually_inflated(tmp_path):
    bomb = _understated_bomb(real=300 * 1024 * 1024, claimed=10_000)
    assert len(bomb) < 1024 * 1024 and archive_problem(bomb) is not None
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    result = load_in_child("govlint_docx.loader:DocxLoader", path, timeout=120)
    assert [code for code, _ in result["problems"]] == ["GL001"]
    assert "word/document.xml" in result["problems"][0][1]
    assert result["maxrss_kb"] < 300 * 1024  # it took 645 MB when the claim was trusted


def test_the_budget_counts_the_bytes_read_as_they_inflate(monkeypatch):
    from govlint_docx import safety

    monkeypatch.setattr(safety, "READ_CHUNK", 1024)
    archive = zipfile.ZipFile(TEMPLATE)
    members = archive.infolist()
    total = sum(len(archive.read(i)) for i in members)
    assert sum(map(len, safety._inflate_all(archive, members, total))) == total
    with pytest.raises(safety.UnsafeArchive, match="实际解压超过上限"):
        safety._inflate_all(archive, members, total - 1)


def test_the_package_handed_to_python_docx_is_stored_not_compressed():
    from govlint_docx.safety import checked_package

    package = zipfile.ZipFile(io.BytesIO(checked_package(TEMPLATE.read_bytes())))
    assert {i.compress_type for i in package.infolist()} == {zipfile.ZIP_STORED}
    assert {i.filename: package.read(i) for i in package.infolist()} == _template_members() | {
        i.filename: b"" for i in zipfile.ZipFile(TEMPLATE).infolist() if i.is_dir()}


def test_forged_archives_cost_only_their_own_results(seed_docx, tmp_path):
    from govlint.testing import run_cli

    forged = {
        "version.docx": _patch_central_entry(_zip(_template_members()), "word/document.xml", 6, "<H", 99),
        "bzip2.docx": _zip(_template_members(), compression=zipfile.ZIP_BZIP2),
        "understated.docx": _understated_bomb(real=8 * 1024 * 1024, claimed=10_000),
    }
    for name, data in forged.items():
        (tmp_path / name).write_bytes(data)
    for jobs in ("1", "2"):
        result = run_cli("check", *forged, str(seed_docx), "--select", "GL0,GL1,GL2", "--jobs", jobs,
                         "--format", "concise", "-q", cwd=tmp_path)
        assert result.stderr == ""
        lines = result.stdout.splitlines()
        assert sorted(line.split(":")[0] for line in lines) == sorted(forged)
        assert all(" GL001 " in line for line in lines)
