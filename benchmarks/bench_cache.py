"""The result cache and the executors, timed: a cold and a warm run over many reports, and the
dask executor against the local one.

    python benchmarks/bench_cache.py                 # 10,000 reports, cold then warm; dask vs local on 200
    python benchmarks/bench_cache.py --reports 2000 --small 100 --jobs 2

The corpus is made of copies of the real reports in tests/fixtures/corpus, each made unique by a
comment naming its number (so no copy shares a cache entry with another), in a temporary
directory deleted at the end. Each run's JSON output is hashed: the cold and the warm run, and the
dask and the local run, must print the same bytes, and the script says whether they do.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def govlint_cmd() -> list[str]:
    script = Path(sys.executable).with_name("govlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govlint"]


def write_copies(folder: Path, count: int) -> Path:
    """``count`` copies of the corpus files in turn, each ending in a comment with its number."""
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".txt"))
    folder.mkdir(parents=True)
    for i in range(count):
        source = sources[i % len(sources)]
        (folder / f"r{i:06d}{source.suffix}").write_bytes(source.read_bytes() + f"\n<!-- copy {i} -->\n".encode())
    return folder


def timed(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(govlint_cmd() + ["check", "--format", "json", "--exit-zero", *args], cwd=cwd,
                          capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"govlint failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed, hashlib.sha256(done.stdout).hexdigest()[:16]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=200, help="reports for dask vs local (0: skip)")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs of every run (0: every core)")
    options = parser.parse_args(argv)
    jobs = ["--jobs", str(options.jobs)]
    print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.machine()}")
    with tempfile.TemporaryDirectory(prefix="govlint-bench-cache-") as tmp:
        work = Path(tmp)
        write_copies(work / "reports", options.reports)
        cache = ["--cache-dir", str(work / "cache")]
        cold, cold_out = timed(cache + jobs + ["reports"], work)
        warm, warm_out = timed(cache + jobs + ["reports"], work)
        print(f"{options.reports} reports: cold {cold:.1f} s, warm {warm:.1f} s "
              f"({cold / warm:.0f}x); same output: {cold_out == warm_out}")
        if options.small:
            write_copies(work / "small", options.small)
            local, local_out = timed(["--no-cache"] + jobs + ["small"], work)
            dask, dask_out = timed(["--no-cache", "--executor", "dask"] + jobs + ["small"], work)
            print(f"{options.small} reports, --no-cache: local {local:.1f} s, dask (LocalCluster, started by the run) "
                  f"{dask:.1f} s; same output: {local_out == dask_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
