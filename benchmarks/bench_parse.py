"""How long loading and checking one HTML report page takes, stage by stage.

For each HTML page of the corpus, the median over N runs of:

  (a) decode + bare ``lxml.html.document_fromstring`` (the floor: what parsing alone costs)
  (b) ``HtmlLoader().load`` (decode, parse, walk, positions, chrome)
  (c) load + ``govlint.parser.parse``
  (d) ``Checker.check_file`` with the built-in plugins (everything a user waits for, minus start-up)

and the ratios (b)/(a), (c)/(a), (d)/(c), (d)/(a). Times are this process's CPU time by
default (the issue's "marginal CPU"; on a busy shared machine wall time mostly measures the
other processes), ``--clock wall`` for elapsed time. Plain Python, prints a table; no assertions.

    .venv/bin/python benchmarks/bench_parse.py [-n RUNS] [--clock cpu|wall] [FILES...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = (ROOT / "tests" / "fixtures" / "corpus",)


def median_ms(fn, runs: int, clock=time.process_time) -> float:
    fn()  # warm up: imports, caches
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def bare_parse(path: str, data: bytes) -> None:
    import lxml.html

    from govlint.loaders.decode import declared_charset, decode_bytes

    text, _ = decode_bytes(data, path, declared_charset(data))
    if text.strip():
        lxml.html.document_fromstring(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--runs", type=int, default=20)
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    files = [Path(f) for f in args.files]
    if not files:
        for folder in DEFAULT_DIRS:
            if folder.is_dir():
                files = sorted(folder.glob("*.html"))
                break
    if not files:
        print("no HTML files found", file=sys.stderr)
        return 1

    from govlint.engine import Checker, Settings
    from govlint.loaders.html import HtmlLoader
    from govlint.plugin_host import load_plugins

    checker = Checker(load_plugins(), Settings())
    loader = HtmlLoader()

    def load_and_parse(path, data):
        from govlint.parser import parse  # being written alongside; import at use

        return parse(loader.load(path, data))

    header = f"{'file':<28}{'KB':>7}{'(a) lxml':>10}{'(b) load':>10}{'(c) +parse':>12}{'(d) check':>11}" \
             f"{'b/a':>7}{'c/a':>7}{'d/c':>7}{'d/a':>7}"
    print(f"median of {args.runs} runs, milliseconds of {args.clock} time")
    print(header)
    print("-" * len(header))
    totals = [0.0, 0.0, 0.0, 0.0]
    for path in files:
        data = path.read_bytes()
        name = str(path)
        a = median_ms(lambda: bare_parse(name, data), args.runs, clock)
        b = median_ms(lambda: loader.load(name, data), args.runs, clock)
        c = median_ms(lambda: load_and_parse(name, data), args.runs, clock)
        d = median_ms(lambda: checker.check_file(name), args.runs, clock)
        for i, value in enumerate((a, b, c, d)):
            totals[i] += value
        print(f"{path.name[:27]:<28}{len(data) / 1024:>7.0f}{a:>10.2f}{b:>10.2f}{c:>12.2f}{d:>11.2f}"
              f"{b / a:>7.1f}{c / a:>7.1f}{d / c:>7.2f}{d / a:>7.1f}")
    a, b, c, d = totals
    print("-" * len(header))
    print(f"{'total':<28}{'':>7}{a:>10.2f}{b:>10.2f}{c:>12.2f}{d:>11.2f}{b / a:>7.1f}{c / a:>7.1f}{d / c:>7.2f}{d / a:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
