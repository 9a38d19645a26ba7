"""Instructions per report: a check against the floor, counted by valgrind's cachegrind.

On a shared machine the CPU time of one version drifts by a fifth from minute to minute, more
than a change worth a few percent; the instructions a process executes do not (about 0.5%
between runs, from hash seeds and addresses). This counts them for the real 100-300 KB HTML
pages that ``bench_scale.py`` row 2 uses, and for row 2's own floor script (read, decode and
lxml-parse each page): each child goes over a folder of the pages once per argument, two passes
to warm up (imports, compiled patterns) and ``--rounds`` more; the same child with the two
passes only is subtracted, so what remains is per report (a first run, not counted, fills
govlint's cache of compiled patterns). It prints both counts and their ratio.

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
import os, sys
from govlint.engine import Checker, Settings
from govlint.plugin_host import load_plugins
from govlint.selection import Selection
registry = load_plugins()
# the corpus rules off and no cache, as in bench_scale.py
corpus = tuple(c for c, r in registry.rules.items() if getattr(r, "scope", "") == "run")
checker = Checker(registry, Settings(selection=Selection(ignore=corpus), excerpts=False))
for folder in sys.argv[1:]:  # the same folder once per pass, as the floor takes it
    for name in sorted(os.listdir(folder)):
        checker.check_file(os.path.join(folder, name))
"""

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(argv: list[str]) -> int | None:
    """Instructions the child ``argv`` executes (cachegrind's ``I refs``), or None if it failed."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *argv], capture_output=True, text=True, env=env)
    found = _REFS.search(done.stderr)
    return int(found.group(1).replace(",", "")) if done.returncode == 0 and found else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2, help="passes over the pages after the warm-up (default 2)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not on the PATH: no instruction counts (Debian: apt-get install valgrind)")
        return 0
    pages = real_html_pages()
    if not pages:
        print("no real HTML pages of 100-300 KB found")
        return 0
    print(f"pages: {', '.join(p.name for p in pages)}; {args.rounds} rounds after the warm-up")
    per_report = {}
    with tempfile.TemporaryDirectory(prefix="govlint-ir-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for page in pages:
            shutil.copyfile(page, folder / page.name)
        check = Path(tmp) / "check.py"
        check.write_text(CHECK_CHILD, encoding="utf-8")
        # a pass over the folder per argument: the warm-up's two, then the rounds
        for name, command in (("check", [sys.executable, str(check)]),
                              ("floor", [sys.executable, "-c", FLOOR_SCRIPT])):
            instructions(command + [str(folder)])  # a first run may fill the compiled-pattern cache
            warm = instructions(command + [str(folder)] * 2)
            full = instructions(command + [str(folder)] * (2 + args.rounds))
            if warm is None or full is None:
                print(f"{name}: the child failed under valgrind")
                return 0
            per_report[name] = (full - warm) / (args.rounds * len(pages))
            print(f"{name}: {per_report[name] / 1e6:.2f} million instructions per report")
    print(f"check / floor: {per_report['check'] / per_report['floor']:.2f}x (instructions, not time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
