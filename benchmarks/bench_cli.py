"""Whole-process figures for the command line.

Prints the median wall time (and the spread) of:
  - ``python -c "import lxml.html"`` (the floor a single-file check is measured against),
  - ``govlint --version``,
  - ``govlint check FILE`` on one example report,
  - ``govlint check DIR`` serially and with ``--jobs 0`` on a folder of N copies of the examples,
and the peak memory (max RSS of the child process) of the folder runs, to show that memory does
not grow with the number of files.

Usage: python benchmarks/bench_cli.py [--runs 7] [--copies 40]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOVLINT = [sys.executable, "-m", "govlint"]


def measure(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """(min, median, max) wall seconds over ``runs`` runs after one warm-up."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    times = times[1:]
    return min(times), statistics.median(times), max(times)


def peak_rss_mib(cmd: list[str]) -> float:
    """Max RSS of ``cmd`` alone, measured from a fresh wrapper process (RUSAGE_CHILDREN keeps a
    running maximum, so each measurement needs its own parent)."""
    wrapper = ("import resource, subprocess, sys; "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--copies", type=int, default=40, help="copies of examples/ in the folder runs")
    args = parser.parse_args()
    example = ROOT / "examples" / "2024_pingtan_jsp.html"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        for i in range(args.copies):
            shutil.copytree(ROOT / "examples", folder / f"copy{i:03d}")
        files = sum(1 for _ in folder.rglob("*") if _.is_file())
        cases = [
            ("python -c 'import lxml.html'", [sys.executable, "-c", "import lxml.html"]),
            ("govlint --version", GOVLINT + ["--version"]),
            (f"govlint check {example.name}", GOVLINT + ["check", "--format", "concise", str(example)]),
            (f"govlint check ({files} files, --jobs 1)", GOVLINT + ["check", "--format", "concise", str(folder)]),
            (f"govlint check ({files} files, --jobs 0)", GOVLINT + ["check", "--format", "concise", "--jobs", "0", str(folder)]),
        ]
        print(f"{'command':<44} {'min':>8} {'median':>8} {'max':>8}   (seconds, {args.runs} runs; cores: {os.cpu_count()})")
        for label, cmd in cases:
            low, mid, high = measure(cmd, args.runs)
            print(f"{label:<44} {low:8.3f} {mid:8.3f} {high:8.3f}")
        print("\npeak memory of one check process (max RSS, MiB) by folder size:")
        for copies in (1, max(1, args.copies // 4), args.copies):
            sub = [str(p) for p in sorted(folder.iterdir())[:copies]]
            rss = peak_rss_mib(GOVLINT + ["check", "--format", "concise", *sub])
            print(f"  {copies:4d} folder(s): {rss:7.1f}")


if __name__ == "__main__":
    main()
