"""Memory and time of hostile inputs: shapes no report has, grown from 1 to 5 MB.

Each shape is a file a broken export or an attacker could hand govlint: one Markdown or text table
line of a million cells, a text line of a million numbers, a tab-separated table of 250,000 rows, a
Markdown table of 500,000 rows, millions of one-character lines or paragraphs, an HTML page with a
million ``<br>`` lines between two paragraphs, an HTML page of 650,000 paragraphs.
For each shape and size it prints the peak RSS of ``govlint check --jobs 1`` and its CPU time,
beside the same figures for a real 100-300 KB page checked in the same run (the floor: what a
check costs with nothing hostile), and the growth per MB between the smallest and largest size.
A bound that holds shows as a peak that stops growing once the bound is reached; a loop that
keeps a record per item shows as a peak that grows by a hundred MB or more per MB.

Plain Python; prints a table, asserts nothing. Uses the ``govlint`` installed beside this
interpreter (``pip install .``).

    python benchmarks/bench_hostile.py
    python benchmarks/bench_hostile.py --sizes 1,2,5
    python benchmarks/bench_hostile.py --only html --sizes 1,5,20
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_scale import MB, SINGLE_PAGE, govlint_cmd, run_child

TITLE = "2023年政府信息公开工作年度报告\n\n"


def _html_br(size: int) -> str:
    unit = "<br>\n"
    return (f"<html><body><h1>{TITLE.strip()}</h1><p>一、总体情况</p>" + unit * (size // len(unit))
            + "<p>二、主动公开政府信息情况</p></body></html>")


#: shape → (file suffix, text of about ``size`` characters)
SHAPES = {
    "markdown, one table line": (".md", lambda size: "# " + TITLE + "| 1 " * (size // 4) + "|\n"),
    "markdown, 2-cell rows": (".md", lambda size: "# " + TITLE + "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * (size // 10)),
    "text, one table line": (".txt", lambda size: TITLE + "| 1 " * (size // 4) + "|\n"),
    "text, one line of numbers": (".txt", lambda size: TITLE + "1 " * (size // 2) + "\n"),
    "text, tab-separated rows": (".txt", lambda size: TITLE + "1\t1\t1\t1\t1\t1\t1\t1\t1\t1\n" * (size // 20)),
    "text, one-character lines": (".txt", lambda size: TITLE + "1\n" * (size // 2)),
    "markdown, one-char paragraphs": (".md", lambda size: "# " + TITLE + "1\n\n" * (size // 3)),
    "html, <br> lines": (".html", _html_br),
    "html, <p> paragraphs": (".html", lambda size: "<html><body>" + "<p>1</p>" * (size // 8) + "</body></html>"),
}


def write_in_child(shape: str, size: int, path: Path) -> None:
    """Write the file of ``shape`` in a process of its own. A child's peak RSS counts its
    parent's as it was when the child was started (Linux folds the memory it forked or vforked
    from into the peak at ``exec``): written here, a 20 MB shape would have left this process
    at 120 MiB, and every later check would have reported at least that."""
    subprocess.run([sys.executable, __file__, "--write", shape, str(size), str(path)], check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated (default 1,5)")
    parser.add_argument("--only", default="", help="run only the shapes whose name contains this")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a check may take")
    parser.add_argument("--write", nargs=3, metavar=("SHAPE", "CHARS", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write:
        shape, size, path = args.write
        Path(path).write_text(SHAPES[shape][1](int(size)), encoding="utf-8")
        return 0
    sizes = [float(s) for s in args.sizes.split(",")]
    check = govlint_cmd() + ["check", "--no-cache", "--jobs", "1", "--format", "concise", "--exit-zero"]
    with tempfile.TemporaryDirectory() as tmp:
        floor = run_child(check + [str(SINGLE_PAGE)], timeout=args.timeout)
        print(f"floor: a real page ({SINGLE_PAGE.stat().st_size // 1024} KB): "
              f"peak RSS {floor.maxrss_kib / 1024:.0f} MiB, CPU {floor.cpu:.2f} s")
        print(f"{'shape':28} {'MB':>4} {'peak MiB':>9} {'x floor':>8} {'CPU s':>7} {'s/MB':>6}")
        for name, (suffix, make) in SHAPES.items():
            if args.only not in name:
                continue
            rows = []
            for size in sizes:
                path = Path(tmp) / f"hostile{suffix}"
                write_in_child(name, int(size * MB), path)
                done = run_child(check + [str(path)], timeout=args.timeout)
                megabytes = path.stat().st_size / MB
                rows.append((megabytes, done))
                peak = done.maxrss_kib / 1024
                shown = "timeout" if done.timed_out else f"{done.cpu:7.2f}"
                print(f"{name:28} {megabytes:4.1f} {peak:9.0f} {done.maxrss_kib / floor.maxrss_kib:8.1f} "
                      f"{shown:>7} {done.cpu / megabytes:6.2f}")
            (low_mb, low), (high_mb, high) = rows[0], rows[-1]
            if high_mb > low_mb:
                print(f"{'':28} growth: {(high.maxrss_kib - low.maxrss_kib) / 1024 / (high_mb - low_mb):.0f} MiB "
                      f"and {(high.cpu - low.cpu) / (high_mb - low_mb):.2f} s of CPU per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
