"""Instructions per report: a check against the floor, counted by valgrind's cachegrind.

On a shared machine the CPU time of one version drifts by a fifth from minute to minute, more
than a change worth a few percent; the instructions a process executes do not (about 0.5%
between runs, from hash seeds and addresses). This counts them for the real 100-300 KB HTML
pages that ``bench_scale.py`` row 2 uses: each child warms up (imports, compiled patterns, one
pass over the pages) and then goes over the pages ``--rounds`` more times; the same child run
without those rounds is subtracted, so what remains is per report (a first run, not counted,
fills govlint's cache of compiled patterns). Printed beside it, the same
count for the floor of row 2 (read, decode and lxml-parse each page) and their ratio.

Instructions are not time: the interpreter's code runs fewer instructions per cycle than
libxml2's, so the ratio here is lower than row 2's. Use it to tell whether a change made a
check cheaper, and row 2 for where the check stands. Needs ``valgrind`` on the PATH (Debian:
``apt-get install valgrind``); prints what it could not do and exits 0 otherwise.

    python benchmarks/bench_instructions.py            # 2 rounds over the pages
    python benchmarks/bench_instructions.py --rounds 4
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_scale import FLOOR_SCRIPT, real_html_pages

CHECK_CHILD = """
import sys
from govlint.engine import Checker, Settings
from govlint.plugin_host import load_plugins
from govlint.selection import Selection
registry = load_plugins()
# the corpus rules off and no cache, as in bench_scale.py
corpus = tuple(c for c, r in registry.rules.items() if getattr(r, "scope", "") == "run")
checker = Checker(registry, Settings(selection=Selection(ignore=corpus), excerpts=False))
pages, rounds = sys.argv[2:], int(sys.argv[1])
for _ in range(2 + rounds):
    for page in pages:
        checker.check_file(page)
"""

FLOOR_CHILD = """
import sys
import lxml.html
pages, rounds = sys.argv[2:], int(sys.argv[1])
def floor(name):
    with open(name, 'rb') as handle:
        data = handle.read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        text = data.decode('gb18030', errors='replace')
    lxml.html.document_fromstring(text)
for _ in range(2 + rounds):
    for page in pages:
        floor(page)
"""

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(script: Path, rounds: int, pages: list[str]) -> int | None:
    """Instructions the child executes (cachegrind's ``I refs``), or None if it failed."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, str(script), str(rounds), *pages],
                          capture_output=True, text=True, env=env)
    found = _REFS.search(done.stderr)
    return int(found.group(1).replace(",", "")) if done.returncode == 0 and found else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2, help="passes over the pages after the warm-up (default 2)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not on the PATH: no instruction counts (Debian: apt-get install valgrind)")
        return 0
    assert "document_fromstring" in FLOOR_SCRIPT  # the floor below is row 2's, per page
    pages = [str(p) for p in real_html_pages()]
    if not pages:
        print("no real HTML pages of 100-300 KB found")
        return 0
    print(f"pages: {', '.join(Path(p).name for p in pages)}; {args.rounds} rounds after the warm-up")
    per_report = {}
    with tempfile.TemporaryDirectory(prefix="govlint-ir-") as tmp:
        for name, source in (("check", CHECK_CHILD), ("floor", FLOOR_CHILD)):
            script = Path(tmp) / f"{name}.py"
            script.write_text(source, encoding="utf-8")
            instructions(script, 0, pages)  # a first run may fill the compiled-pattern cache on disk
            warm, full = instructions(script, 0, pages), instructions(script, args.rounds, pages)
            if warm is None or full is None:
                print(f"{name}: the child failed under valgrind")
                return 0
            per_report[name] = (full - warm) / (args.rounds * len(pages))
            print(f"{name}: {per_report[name] / 1e6:.2f} million instructions per report")
    print(f"check / floor: {per_report['check'] / per_report['floor']:.2f}x (instructions, not time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
