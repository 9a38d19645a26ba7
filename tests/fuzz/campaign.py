"""A long fuzz campaign, run by hand: N mutated real reports through the engine, and a summary.

    python tests/fuzz/campaign.py --n 100000 --seed 1 --jobs 2 --out fuzz-failures

Each input is derived from ``(seed, index)`` alone (a seed report and 1–3 mutators from
``fuzz.mutators``), so ``--only INDEX`` regenerates and re-checks any one of them. Inputs that
break govlint's promise (an exception escaping the engine, GL000, a malformed finding, or no
result within ``--limit`` seconds) are saved under ``--out`` with the mutators in their names.
The summary lists what was tried (per mutator and per format), what broke, and the slowest
inputs with their size. The suite runs a small sample of the same inputs (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from fuzz.mutators import SUFFIX_FORMAT, mutate  # noqa: E402

DEFAULT_SEEDS = [TESTS / "fixtures" / "fuzz", TESTS / "fixtures" / "corpus"]

_state: dict = {}


def seed_files(folders, formats) -> list[Path]:
    files = []
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            if SUFFIX_FORMAT.get(path.suffix.lower()) in formats:
                files.append(path)
    return files


def make_input(seed: int, index: int, seeds: list[Path], contents: dict):
    """The input number ``index`` of campaign ``seed``: (seed path, format, mutators, bytes)."""
    rng = random.Random(f"{seed}:{index}")
    by_format = sorted({SUFFIX_FORMAT[p.suffix.lower()] for p in seeds})
    fmt = rng.choice(by_format)  # each format as often as the others, however many seeds it has
    path = rng.choice([p for p in seeds if SUFFIX_FORMAT[p.suffix.lower()] == fmt])
    data, names = mutate(contents[path], fmt, rng)
    return path, fmt, names, data


def _init(seed, seeds, limit, out, parent):
    from fuzz.harness import checker
    from govlint.workers import _die_with_parent

    _die_with_parent(parent)  # a killed campaign leaves no worker behind
    _state.update(seed=seed, seeds=seeds, limit=limit, out=out, check=checker(),
                  contents={p: p.read_bytes() for p in seeds})


def _run(index: int):
    from fuzz.harness import check_bytes
    from govlint.workers import default_timeout

    s = _state
    try:
        path, fmt, names, data = make_input(s["seed"], index, s["seeds"], s["contents"])
    except Exception as exc:  # noqa: BLE001 - a mutator's own bug must not end the campaign
        return index, "?", "?", [], 0, 0.0, [("mutator", f"{type(exc).__name__}: {exc}")], ""
    outcome = check_bytes(s["check"], data, path.suffix, s["limit"] or default_timeout(len(data)))
    saved = ""
    if outcome.problems:
        name = f"{'-'.join(outcome.kinds)}_{index}_{'+'.join(names)}_{path.stem}{path.suffix}"
        saved = os.path.join(s["out"], name)
        with open(saved, "wb") as out:
            out.write(data)
    return index, path.name, fmt, names, len(data), outcome.seconds, outcome.problems, saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs to try (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="campaign seed (default 1)")
    parser.add_argument("--start", type=int, default=0, help="first input index (default 0)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--limit", type=float, help="seconds per input (default: the engine's "
                        "per-file limit, 10 s plus 2 s per MB)")
    parser.add_argument("--out", default="fuzz-failures", help="folder for failing inputs")
    parser.add_argument("--seeds", action="append", help="folder of seed reports (repeatable); "
                        "default tests/fixtures/fuzz and tests/fixtures/corpus")
    parser.add_argument("--formats", default="text,html,markdown,docx",
                        help="seed formats to use (default text,html,markdown,docx; pdf is slow)")
    parser.add_argument("--only", type=int, help="regenerate input INDEX, check it and write it to --out")
    parser.add_argument("--slowest", type=int, default=15, help="slowest inputs to list")
    args = parser.parse_args(argv)

    seeds = seed_files(args.seeds or DEFAULT_SEEDS, set(args.formats.split(",")))
    if not seeds:
        parser.error("no seed reports found")
    os.makedirs(args.out, exist_ok=True)
    indexes = [args.only] if args.only is not None else range(args.start, args.start + args.n)
    init = (args.seed, seeds, args.limit, args.out, os.getpid())
    signal.signal(signal.SIGTERM, _interrupt)  # kill PID still prints the summary

    tried_mutator, tried_format = Counter(), Counter()
    broke: dict[str, list] = defaultdict(list)
    slowest: list = []
    started = time.perf_counter()
    done = 0
    if args.jobs > 1 and args.only is None:
        pool = multiprocessing.get_context("fork").Pool(args.jobs, _init, init, maxtasksperchild=2000)
        results = pool.imap_unordered(_run, indexes, chunksize=16)
    else:
        pool = None
        _init(*init)
        results = map(_run, indexes)
    try:
        for index, seed_name, fmt, names, size, seconds, problems, saved in results:
            done += 1
            tried_format[fmt] += 1
            tried_mutator.update(set(names))
            slowest.append((seconds, size, index, seed_name, names))
            if len(slowest) > 4 * args.slowest:
                slowest = sorted(slowest, reverse=True)[: args.slowest]
            for kind, detail in problems:
                broke[kind].append((index, seed_name, names, size, detail, saved))
            if done % 1000 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done} inputs, {rate:.0f}/s, {sum(map(len, broke.values()))} problems",
                      file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("interrupted: summary of the inputs done so far", file=sys.stderr)
    finally:
        if pool is not None:
            pool.terminate()
    report(args, seeds, done, time.perf_counter() - started, tried_mutator, tried_format, broke,
           sorted(slowest, reverse=True)[: args.slowest])
    return 1 if broke else 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def report(args, seeds, done, elapsed, tried_mutator, tried_format, broke, slowest) -> None:
    print(f"fuzz campaign: seed {args.seed}, {done} inputs in {elapsed:.0f} s with {args.jobs} "
          f"process(es), {len(seeds)} seed reports, limit "
          f"{f'{args.limit:g} s' if args.limit else '10 s + 2 s/MB'} per input")
    print("tried, per mutator (an input applies 1-3):")
    for name, count in sorted(tried_mutator.items()):
        print(f"  {name:16} {count}")
    print("tried, per format:")
    for fmt, count in sorted(tried_format.items()):
        print(f"  {fmt:16} {count}")
    if not broke:
        print("broke: nothing (no exception escaped, no GL000, no malformed finding, no timeout)")
    for kind in ("exception", "timeout", "gl000", "invalid", "mutator"):
        cases = broke.get(kind, [])
        if not cases:
            continue
        by_detail: dict[str, list] = defaultdict(list)
        for case in cases:
            by_detail[_signature(kind, case[4])].append(case)
        print(f"broke: {kind}: {len(cases)} inputs, {len(by_detail)} distinct")
        for signature, group in sorted(by_detail.items(), key=lambda kv: -len(kv[1])):
            index, seed_name, names, size, detail, saved = group[0]
            print(f"  {len(group):5}x {signature}")
            print(f"         e.g. input {index} ({seed_name} + {'+'.join(names)}, {size} bytes): {saved}")
    print("slowest inputs:")
    for seconds, size, index, seed_name, names in slowest:
        print(f"  {seconds:7.2f} s {size:9} bytes  input {index}: {seed_name} + {'+'.join(names)}")


def _signature(kind: str, detail: str) -> str:
    """A line that groups inputs broken the same way (a traceback's last line, a GL000 message
    without its numbers)."""
    import re

    if kind == "exception":
        detail = detail.strip().splitlines()[-1]
    return re.sub(r"\d{3,}", "N", detail)[:300]


if __name__ == "__main__":
    sys.exit(main())
