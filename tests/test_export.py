"""``govlint parse --format csv|jsonl``: one row per report, every cell under its stable name,
the values ``govlint parse --format json`` shows, the documented ratios, written file by file."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from govlint.cli import cli
from govlint.export.columns import META_COLUMNS, all_columns, cell_columns
from govlint.export.ratios import RATIOS
from govlint.export.writers import csv_value
from govlint.format import table2, table3, table4

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
FILES = [str(CORPUS / name) for name in ("2019_pingtan.txt", "2022_pingtan.txt", "2024_pingtan_jsp.html",
                                         "2025_shanghai_bgt.md")]


def invoke(*args) -> bytes:
    result = CliRunner().invoke(cli, ["parse", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, so that Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_column_names_are_the_format_keys():
    names = [name for name, *_ in cell_columns()]
    assert len(names) == len(set(names))
    assert {"t3.new.natural", "t3.denied.3.total", "t3.other.1.legal", "t3.other.commercial",
            "t3.carried_forward.legal_person", "t2.regulations.issued", "t2.fees.amount",
            "t2.procurement.procurement_amount", "t4.review.corrected", "t4.litigation_after_review.total"} <= set(names)
    for name, kind, row, col in cell_columns():
        prefix, rest = name.split(".", 1)
        assert rest == f"{row}.{col}" and prefix == {"table2": "t2", "table3": "t3", "table4": "t4"}[kind]
    # every row and column the format prints has its columns: nothing of a table is left out
    t3 = {(row, col) for _, kind, row, col in cell_columns() if kind == "table3"}
    assert t3 == {(r, c) for r in table3.all_rows() for c in table3.columns() + ("legal_person",)}
    t4 = {(row, col) for _, kind, row, col in cell_columns() if kind == "table4"}
    assert t4 == {(g, o) for g in table4.groups() for o in table4.outcomes()}
    t2 = {(row, col) for _, kind, row, col in cell_columns() if kind == "table2"}
    for template in ("2019", "2021"):
        for block, rows in table2.block_rows(template).items():
            assert {(r, c) for r in rows for c in table2.block_columns(template)[block]} <= t2
    assert all_columns()[:len(META_COLUMNS)] == META_COLUMNS
    assert all_columns()[-len(RATIOS):] == tuple(r.key for r in RATIOS)


def test_csv_cells_are_what_parse_json_reads(tmp_path):
    rows = csv_rows(invoke("--format", "csv", *FILES))
    documents = json.loads(invoke("--format", "json", "--cells", *FILES))
    assert list(rows[0]) == list(all_columns())
    assert [r["file"] for r in rows] == [d["path"] for d in documents]
    seen_glued = False
    for row, document in zip(rows, documents):
        meta = document["metadata"]
        assert (row["agency_key"], row["year"], row["template"], row["title"]) == (
            meta["agency_key"] or "", str(meta["year"]), document["template"] or "", meta["title"] or "")
        assert bool(row["agency"]) == bool(row["agency_key"])
        cells = {f"t{'234'[int(c['table'][-1]) - 2]}.{c['row']}.{c['col']}": c for c in document["cells"]}
        for name, *_ in cell_columns():
            cell = cells.get(name)
            if cell is None:
                assert row[name] == "", name
            elif "possible" in cell:
                seen_glued = True
                assert row[name] == "|".join(str(v) for v in cell["possible"]), name
            elif cell["value"] is None:
                assert row[name] == ""
            else:
                assert Decimal(row[name]) == Decimal(str(cell["value"])), name
    assert seen_glued  # 2019_pingtan glues digit runs of table 二


def test_jsonl_rows_hold_the_same_values_with_lists_for_readings():
    lines = invoke("--format", "jsonl", *FILES).decode("utf-8").splitlines()
    rows = csv_rows(invoke("--format", "csv", *FILES))
    assert len(lines) == len(rows) == len(FILES)
    for line, row in zip(lines, rows):
        record = json.loads(line)
        assert list(record) == list(all_columns())
        for key, value in record.items():
            if isinstance(value, list):
                assert row[key] == "|".join(str(v) for v in value)
            elif value is None:
                assert row[key] == ""
            elif key.startswith(("t2.", "t3.", "t4.", "ratio.")) or key == "year":
                assert Decimal(row[key]) == Decimal(str(value)), key
            else:
                assert row[key] == value, key
    first = json.loads(lines[0])
    assert first["t2.normative.new_made"] == [8, 89, 898, 8989]


def test_a_file_without_a_report_is_a_row_with_its_error(tmp_path):
    empty = tmp_path / "空.html"
    empty.write_bytes(b"")
    rows = csv_rows(invoke("--format", "csv", str(empty), FILES[1]))
    assert rows[0]["error"] == "文件为空" and rows[0]["file"].endswith("空.html")
    assert all(rows[0][c] == "" for c in all_columns() if c not in ("file", "error"))
    assert rows[1]["error"] == ""


def test_output_file_and_options_that_do_not_fit(tmp_path):
    target = tmp_path / "dataset.csv"
    result = CliRunner().invoke(cli, ["parse", "--format", "csv", "-o", str(target), FILES[1]])
    assert result.exit_code == 0 and result.output == ""
    assert csv_rows(target.read_bytes())[0]["t3.new.natural"] != ""
    result = CliRunner().invoke(cli, ["parse", "--format", "json", "-o", str(target), FILES[1]])
    assert result.exit_code == 2 and "--output" in result.output
    result = CliRunner().invoke(cli, ["parse", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"), FILES[1]])
    assert result.exit_code == 2 and "目录不存在" in result.output


@pytest.mark.parametrize("value, text", [
    ("=1+1", "'=1+1"), ("+86", "'+86"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("某局", "某局"),
    (-3, "-3"), (Decimal("3080.699"), "3080.699"), (Decimal("5.0"), "5"), ([2, 23, 230], "2|23|230"),
    (None, ""), ("标题\n第二行\x1b[31m", "标题 第二行␛[31m"),
])
def test_csv_values(value, text):
    assert csv_value(value) == text


counts = st.integers(0, 500)


@given(values=st.dictionaries(st.sampled_from(sorted({n for r in RATIOS for n in r.numerator + r.denominator + r.minus})),
                              counts | st.none()))
def test_ratios_follow_their_formula(values):
    for ratio in RATIOS:
        top = sum(values.get(n) or 0 for n in ratio.numerator)
        bottom = sum(values.get(n) or 0 for n in ratio.denominator) - sum(values.get(n) or 0 for n in ratio.minus)
        got = ratio.value(values)
        if bottom == 0:
            assert got is None
        else:
            # rounded to four places: off by half a unit at most (-1.09375 → -1.0938, exactly 5e-5)
            assert got == pytest.approx(top / bottom, abs=5e-5 + 1e-12)


def test_a_ratio_over_a_cell_with_several_readings_is_empty():
    ratio = RATIOS[0]
    assert ratio.value({"t3.granted.total": [1, 12], "t3.total.total": 20}) is None
    assert ratio.value({"t3.granted.total": 5, "t3.total.total": 20}) == 0.25


def test_every_ratio_is_documented_with_its_formula():
    docs = (ROOT / "docs" / "parse-format.md").read_text(encoding="utf-8")
    for ratio in RATIOS:
        line = next((line for line in docs.splitlines() if f"`{ratio.key}`" in line), "")
        assert ratio.label in line and f"`{ratio.formula}`" in line, ratio.key
    output = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert "parse --format csv" in output


def test_rows_are_written_file_by_file(monkeypatch, tmp_path):
    """Each file's row is out before the next file is read: nothing accumulates."""
    import govlint.parse_view as parse_view
    from govlint.export import writers

    events = []
    real = parse_view.load_report

    def load(path, *args):
        events.append(("read", os.path.basename(path)))
        return real(path, *args)

    class Out(io.BytesIO):
        def write(self, data):
            if data.count(b"\n") and events and events[-1][0] == "read":
                events.append(("row", events[-1][1]))
            return super().write(data)

    monkeypatch.setattr(parse_view, "load_report", load)
    from govlint.plugin_host import load_plugins

    for fmt in ("csv", "jsonl"):
        events.clear()
        out = Out()
        assert writers.export(FILES, load_plugins([]), out, fmt) == len(FILES)
        names = [os.path.basename(f) for f in FILES]
        assert events == [e for name in names for e in (("read", name), ("row", name))]


def test_memory_does_not_grow_with_the_number_of_files(tmp_path):
    """The same report exported 8 and 32 times: the peak is the same (one report at a time)."""
    import tracemalloc

    from govlint.export.writers import export
    from govlint.plugin_host import load_plugins

    source = (CORPUS / "2022_pingtan.txt").read_bytes()
    paths = []
    for i in range(32):
        path = tmp_path / f"{i:02d}.txt"
        path.write_bytes(source)
        paths.append(str(path))
    registry = load_plugins([])
    export(paths[:2], registry, io.BytesIO(), "csv")  # caches and lazy patterns warm

    def peak(files) -> tuple[int, int]:
        """(what stays allocated after the export, the peak while it runs)"""
        import gc

        tracemalloc.start()
        export(files, registry, Sink(), "csv")
        peak = tracemalloc.get_traced_memory()[1]
        gc.collect()  # a parsed report holds reference cycles: what is left after is kept
        kept = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return kept, peak

    class Sink(io.RawIOBase):  # rows are written and forgotten, as to a file
        def writable(self):
            return True

        def write(self, data):
            return len(data)

    (kept_small, small), (kept_large, large) = peak(paths[:8]), peak(paths)
    # one parsed report of this file holds some 180 kB; 24 more kept would show
    assert kept_large < kept_small + 100_000, (kept_small, kept_large)
    assert large < small + 1_000_000, (small, large)


def test_documented_names_exist():
    """Every ``t2.``/``t3.``/``t4.`` name the docs use is a column of the dataset."""
    names = set(all_columns())
    for doc in ("output.md", "parse-format.md"):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        for name in re.findall(r"`(t[234]\.[a-z_.0-9]+)`", text):
            if "<" not in name:
                assert name in names, (doc, name)
