"""Hostile PDFs end in one GL001, within bounded memory and work, and say nothing on stderr.

The inputs are built byte by byte (``hostile_pdf.py``). Memory is the peak resident size of
a subprocess; work is counted (pages built, pages laid out, bytes inflated), never timed.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from govlint.testing import load_in_child, run_cli
from govlint_pdf import decoding
from govlint_pdf.decoding import DecodeBudget, DecodeLimitExceeded, bounded
from govlint_pdf.loader import PdfLoader
from govlint_pdf.preflight import MAX_DRAWING_OPERATIONS, MAX_PAGES

import hostile_pdf

HUAIAN = Path(__file__).parent / "data" / "2024_huaian.pdf"


def _load_in_subprocess(path: Path) -> dict:
    result = load_in_child("govlint_pdf.loader:PdfLoader", path)
    assert result["stderr"] == ""
    return result


# -- decompression bombs --------------------------------------------------------------------------
def test_flate_bomb_is_refused_within_bounded_memory(tmp_path):
    bomb = hostile_pdf.flate_bomb(1024 ** 3)
    assert len(bomb) < 2 * 1024 * 1024  # about 1 MB on disk, 1 GiB inflated
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb)
    result = _load_in_subprocess(path)
    assert [code for code, _ in result["problems"]] == ["GL001"]
    assert "压缩炸弹" in result["problems"][0][1]
    assert result["maxrss_kb"] < 300 * 1024  # it took 2.1 GB when pdfminer inflated it whole


def test_inflation_stops_within_one_chunk_of_the_stream_limit():
    budget = DecodeBudget(per_stream=1024 * 1024, total=10 * 1024 * 1024)
    meters = []
    real_meter = budget.meter

    def counted():
        meters.append(real_meter())
        return meters[-1]

    budget.meter = counted
    with bounded(budget), pytest.raises(DecodeLimitExceeded, match="压缩炸弹"):
        decoding.flate_decode(zlib.compress(bytes(64 * 1024 * 1024)))
    (meter,) = meters
    assert budget.per_stream < meter.produced <= budget.per_stream + decoding._CHUNK


def test_the_document_budget_adds_up_every_stream_and_stays_exceeded():
    budget = DecodeBudget(per_stream=1024 * 1024, total=3 * 1024 * 1024)
    piece = zlib.compress(bytes(1024 * 1024))
    with bounded(budget):
        for _ in range(3):
            assert len(decoding.flate_decode(piece)) == 1024 * 1024
        with pytest.raises(DecodeLimitExceeded, match="合计"):
            decoding.flate_decode(piece)
        with pytest.raises(DecodeLimitExceeded):  # refused at once, even a tiny stream
            decoding.flate_decode(zlib.compress(b"x"))


@pytest.mark.parametrize("filters, data", [
    (b"/RunLengthDecode", (b"\x81\x00") * 600_000),           # 128 bytes per 2 bytes
    (b"/LZWDecode", None),
    (b"[/FlateDecode /FlateDecode]", zlib.compress(hostile_pdf.deflated_zeros(256 * 1024 * 1024))),
])
def test_every_inflating_filter_is_bounded(filters, data):
    if data is None:
        data = _lzw_zeros(codes=3800, repeats=20_000)
        assert len(data) < 64 * 1024
    doc = PdfLoader().load("x.pdf", hostile_pdf.one_page(hostile_pdf.stream(data, b"/Filter " + filters + b" ")))
    assert [f.code for f in doc.problems] == ["GL001"]
    assert "压缩炸弹" in doc.problems[0].message


def test_a_fax_filter_on_page_content_is_refused_before_decoding():
    # pdfminer would build a list of a billion ints for the first line
    entries = b"/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 1000000000 >> "
    doc = PdfLoader().load("fax.pdf", hostile_pdf.one_page(hostile_pdf.stream(b"\x00" * 100, entries)))
    assert [f.code for f in doc.problems] == ["GL001"]
    assert "CCITTFax" in doc.problems[0].message


def _lzw_zeros(codes: int, repeats: int) -> bytes:
    """LZW codes for zeros as pdfminer reads them: 258, 259, ... each one zero longer than the
    last, then the longest ``repeats`` times (12 bits each, about 4 kB of output each)."""
    sequence = [256, 0] + list(range(258, 258 + codes)) + [257 + codes] * repeats
    bits, value, table = 0, 0, 258
    out = bytearray()
    for position, code in enumerate(sequence):
        width = 9 + (table >= 511) + (table >= 1023) + (table >= 2047)
        value, bits = (value << width) | code, bits + width
        while bits >= 8:
            out.append((value >> (bits - 8)) & 0xFF)
            bits -= 8
        value &= (1 << bits) - 1
        if position >= 2:  # every code after the first literal adds a table entry
            table += 1
    if bits:
        out.append((value << (8 - bits)) & 0xFF)
    return bytes(out)


# -- the bounded decoders give pdfminer's own results ------------------------------------------------
def test_every_stream_of_the_real_report_decodes_as_pdfminer_decodes_it():
    import pdfplumber
    from pdfminer.pdftypes import PDFStream

    def all_streams():
        pdf = pdfplumber.open(io.BytesIO(HUAIAN.read_bytes()))
        found = {}
        for xref in pdf.doc.xrefs:
            for objid in xref.get_objids():
                obj = pdf.doc.getobj(objid)
                if isinstance(obj, PDFStream):
                    found[objid] = obj.get_data()
        return found

    plain = all_streams()
    with bounded(DecodeBudget()):
        guarded = all_streams()
    assert len(plain) > 10 and guarded == plain


@pytest.mark.parametrize("damage", ["truncated", "checksum", "middle", "intact", "trailing"])
def test_damaged_flate_data_decodes_as_pdfminer_decodes_it(damage):
    from pdfminer import pdftypes

    original = zlib.compress(HUAIAN.read_bytes()[:200_000])
    data = {"truncated": original[:len(original) // 2],
            "checksum": original[:-1] + bytes([original[-1] ^ 0xFF]),
            "middle": original[:100] + b"\xff\xff\xff" + original[103:],
            "intact": original,
            "trailing": original + b"junk"}[damage]
    stream = pdftypes.PDFStream({"Filter": pdftypes.LITERALS_FLATE_DECODE[0]}, data)
    expected = stream.get_data()
    with bounded(DecodeBudget()):
        stream = pdftypes.PDFStream({"Filter": pdftypes.LITERALS_FLATE_DECODE[0]}, data)
        assert stream.get_data() == expected


def _outcome(decode, data: bytes):
    """The decoded bytes, or "error" when the decoder raised (on damaged input)."""
    try:
        return decode(data)
    except Exception:  # noqa: BLE001 - which exception differs; that one is raised matters
        return "error"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_run_length_and_lzw_decode_as_pdfminer_does(data):
    from pdfminer.lzw import lzwdecode
    from pdfminer.runlength import rldecode

    with bounded(DecodeBudget()):
        assert _outcome(decoding.lzw_decode, data) == _outcome(lzwdecode, data)
        assert _outcome(decoding.run_length_decode, data) == _outcome(rldecode, data)


def test_outside_a_budget_pdfminer_decodes_unbounded_as_before():
    from pdfminer import pdftypes

    assert decoding._active is None
    data = zlib.compress(bytes(3 * 1024 * 1024))
    with bounded(DecodeBudget(per_stream=1024, total=1024)):
        pass
    stream = pdftypes.PDFStream({"Filter": pdftypes.LITERALS_FLATE_DECODE[0]}, data)
    assert len(stream.get_data()) == 3 * 1024 * 1024


# -- page count and drawing operations, before any page is built --------------------------------
@pytest.fixture
def built_pages(monkeypatch):
    """How many pdfminer PDFPages and pdfplumber Pages a load builds, and how many it lays out."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    counts = {"pdfminer": 0, "pdfplumber": 0, "laid out": 0}

    def counting(cls, method, key):
        real = getattr(cls, method)

        def wrapper(*args, **kwargs):
            counts[key] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(cls, method, wrapper)

    counting(PDFPage, "__init__", "pdfminer")
    counting(Page, "__init__", "pdfplumber")
    counting(PDFPageInterpreter, "process_page", "laid out")
    return counts


def test_100000_pages_are_refused_after_counting_one_past_the_limit(built_pages):
    doc = PdfLoader().load("pages.pdf", hostile_pdf.many_pages(100_000))
    assert [(f.code, f.message) for f in doc.problems] == [
        ("GL001", f"PDF 超过 {MAX_PAGES} 页的上限（页面树记载 100000 页），未检查")]
    assert built_pages == {"pdfminer": MAX_PAGES + 1, "pdfplumber": 0, "laid out": 0}


def test_a_page_tree_repeating_one_page_is_one_page(built_pages):
    doc = PdfLoader().load("kids.pdf", hostile_pdf.repeated_kids(100_000))
    assert [f.code for f in doc.problems] == ["GL001"] and "扫描件" in doc.problems[0].message
    assert built_pages["laid out"] == 1  # the one page, laid out once


def test_200000_segments_are_refused_before_layout(built_pages):
    doc = PdfLoader().load("lines.pdf", hostile_pdf.segments(200_000))
    assert [(f.code, f.message) for f in doc.problems] == [
        ("GL001", f"PDF 含超过 {MAX_DRAWING_OPERATIONS} 个矢量绘图操作（线段、曲线、矩形），过于复杂，未检查")]
    assert built_pages["laid out"] == 0 and built_pages["pdfplumber"] == 0


def test_segments_within_the_limit_are_laid_out(built_pages):
    doc = PdfLoader().load("lines.pdf", hostile_pdf.segments(1000))
    assert [f.code for f in doc.problems] == ["GL001"] and "扫描件" in doc.problems[0].message
    assert built_pages["laid out"] == 1


def test_a_form_painted_many_times_counts_each_time():
    from govlint_pdf.preflight import drawing_operations
    from pdfminer.pdfpage import PDFPage
    import pdfplumber

    form = hostile_pdf.stream(b"0 0 m 1 1 l S\n" * 100, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] ")
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /F1 5 0 R >> >> >>")
    data = hostile_pdf.build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                  b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                                  hostile_pdf.stream(b"q /F1 Do Q\n" * 30 + b"0 0 10 10 re f"), form])
    (first,) = PDFPage.create_pages(pdfplumber.open(io.BytesIO(data)).doc)
    assert drawing_operations(first) == 30 * 2 * 100 + 1


def test_the_real_report_is_far_below_every_limit():
    import pdfplumber
    from govlint_pdf.preflight import drawing_operations, first_pages

    pdf = pdfplumber.open(io.BytesIO(HUAIAN.read_bytes()))
    budget = DecodeBudget()
    with bounded(budget):
        pages = first_pages(pdf.doc)
        drawn = sum(drawing_operations(page) for page in pages)
    assert len(pages) == 6 and 0 < drawn < MAX_DRAWING_OPERATIONS / 20
    assert budget.total - budget.left < budget.total / 20


# -- standard error and the other files -----------------------------------------------------------
def test_library_warnings_stay_off_stderr_and_other_files_keep_their_results(tmp_path):
    no_media_box = hostile_pdf.one_page(hostile_pdf.stream(b"BT ET"),
                                        hostile_pdf.PAGE.replace(b"/MediaBox [0 0 595 842] ", b""))
    packed = zlib.compress(b"0 0 m 1 1 l S\n" * 10)
    bad_checksum = hostile_pdf.one_page(hostile_pdf.stream(packed[:-1] + bytes([packed[-1] ^ 1]),
                                                           b"/Filter /FlateDecode "))
    files = {"no_media_box.pdf": no_media_box, "bad_checksum.pdf": bad_checksum,
             "lines.pdf": hostile_pdf.segments(200_000), "pages.pdf": hostile_pdf.many_pages(600)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for jobs in ("1", "2"):
        result = run_cli("check", *files, str(HUAIAN), "--select", "GL0,GL1,GL2", "--jobs", jobs,
                         "--format", "concise", "-q", cwd=tmp_path)
        assert result.stderr == ""
        lines = result.stdout.splitlines()
        assert sorted(line.split(":")[0] for line in lines if " GL001 " in line) == sorted(files)
        assert not any("GL000" in line or "huaian" in line for line in lines)


def test_library_warnings_are_shown_with_verbose_and_hidden_without():
    import warnings

    from govlint import verbosity
    from govlint_pdf.loader import _quiet

    def caught_while_loading(verbose: bool) -> list:
        with warnings.catch_warnings(record=True) as caught:  # restores the filters afterwards
            verbosity.quiet_libraries(verbose)
            warnings.simplefilter("always")
            with _quiet():
                warnings.warn("pdfminer: an odd object")
        return caught

    try:
        assert [str(w.message) for w in caught_while_loading(True)] == ["pdfminer: an odd object"]
        assert caught_while_loading(False) == []
    finally:
        verbosity._VERBOSE = False
