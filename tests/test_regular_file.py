"""Reading a file up to a limit: what the bounded read returns is what ``read(limit + 1)``
returns, whatever the file's size says (a file may grow or shrink between ``stat`` and read)."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings, strategies as st

from govlint.regular_file import FileRefused, read_at_most, read_regular_file


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=64), limit=st.integers(0, 80), hint=st.one_of(st.none(), st.integers(0, 100)))
def test_the_bounded_read_returns_what_a_read_of_limit_plus_one_returns(tmp_path_factory, content, limit, hint):
    expected = io.BytesIO(content).read(limit + 1)
    # an in-memory file, whose size ``hint`` may be wrong in either direction (stat before a change)
    assert read_at_most(io.BytesIO(content), limit, len(content) if hint is None else hint) == expected
    path = tmp_path_factory.mktemp("f") / "report.html"
    path.write_bytes(content)
    with open(path, "rb") as handle:  # and a real file, its size from fstat
        assert read_at_most(handle, limit) == expected


def test_a_file_that_reports_no_size_is_still_read_to_the_limit():
    """Files of /proc say size 0 and hold bytes: the first read of one byte finds more."""
    assert read_at_most(io.BytesIO(b"x" * 10), 50, 0) == b"x" * 10
    assert read_at_most(io.BytesIO(b"x" * 100), 50, 0) == b"x" * 51


def test_a_small_file_named_by_the_user_is_read_and_a_big_one_refused(tmp_path):
    small, big = tmp_path / "a.yaml", tmp_path / "b.yaml"
    small.write_bytes(b"select: [GL2]\n")
    big.write_bytes(b"#" * 101)
    assert read_regular_file(small, 100, "配置文件") == b"select: [GL2]\n"
    with pytest.raises(FileRefused, match="过大"):
        read_regular_file(big, 100, "配置文件")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        with pytest.raises(FileRefused, match="不是普通文件"):
            read_regular_file(tmp_path / "fifo", 100, "配置文件")
