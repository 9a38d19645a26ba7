"""Corpus-scale figures: every row of the performance table, measured in one run.

Absolute times drift on a small shared machine, so each figure is a ratio to a floor measured in
the same run, or a growth (per file, per MB) between two sizes measured in the same run:

  1. single file: wall time of ``govlint check ONE.html`` vs ``python -c "import lxml.html"``
     (medians over N interleaved runs);
  2. marginal CPU per 100-300 KB HTML report: CPU (user+sys of the child and its workers) of
     ``govlint check --jobs 1`` over M copies minus over a few copies, per extra copy, vs the same
     marginal for a script that only reads, decodes and lxml-parses each file;
  3. peak RSS of ``check --format F`` over a small and a big corpus (1,000 and 10,000 reports by
     default) for every output format ``check --help`` lists, with the growth per file, and
     reports per second with ``--jobs 1`` and ``--jobs 0`` over the big corpus;
  4. time per MB of real HTML, text and Markdown reports grown from 100 KB to 5 MB in four shapes
     (concatenated copies, many headings, one huge table, long prose), with the growth exponent
     (least-squares slope of log time over log size; 1 is linear, 2 quadratic), and the time per MB
     of the added shape alone (the page's time minus the base report's, over the added size).

Corpora are copies of the real pages (``examples/`` and ``tests/fixtures/corpus``), each copy varied
by a comment so that no cache can answer for it; they are generated under a temporary directory and
deleted afterwards. Every child has a time limit, so a super-linear case prints ``timeout`` instead
of hanging the run. Plain Python; prints tables, asserts nothing.

    python benchmarks/bench_scale.py            # the full table (tens of minutes)
    python benchmarks/bench_scale.py --quick    # a fast look: smaller corpora, one format
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the project's copies of the real reports (those of ``../shared/corpus/real``), so that a clone
#: anywhere measures the same pages
REAL = ROOT / "tests" / "fixtures" / "corpus"
EXAMPLES = ROOT / "examples"
SINGLE_PAGE = EXAMPLES / "2024_pingtan_jsp.html"
#: the base report of each format that the growth shapes start from
GROWTH_BASES = {
    "html": (EXAMPLES / "2024_pingtan_jsp.html",),
    "text": (REAL / "2025_shuyangxian.txt",),
    "markdown": (REAL / "2025_shanghai_bgt.md", REAL / "2024_shanghai_kw.md"),
}
KNOWN_FORMATS = ("terminal", "concise", "json", "sarif", "github", "jsonl")
MB = 1024 * 1024

# The floor of row 2: what reading, decoding and parsing a page costs with nothing of govlint.
FLOOR_SCRIPT = """
import os, sys
import lxml.html
for folder in sys.argv[1:]:
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), 'rb') as handle:
            data = handle.read()
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError:
            text = data.decode('gb18030', errors='replace')
        lxml.html.document_fromstring(text)
"""

# Row 4 times the check itself, in a child of its own: start-up would hide the growth at 100 KB,
# and the command line's own per-file limit would cut the slow cases short.
GROWTH_SCRIPT = """
import json, statistics, sys, time
from govlint.engine import Checker, Settings
from govlint.plugin_host import load_plugins
from govlint.selection import Selection
registry = load_plugins()
# the corpus rules off, as in the command-line rows: the figure is about checking one report
corpus = tuple(c for c, r in registry.rules.items() if getattr(r, "scope", "") == "run")
checker = Checker(registry, Settings(selection=Selection(ignore=corpus)))
checker.check_file(sys.argv[1])  # warm up: imports, compiled patterns

def cpu(path):
    times = []
    while len(times) < 3 and sum(times) < 1.0:
        start = time.process_time()
        result = checker.check_file(path)
        times.append(time.process_time() - start)
    return statistics.median(times), result

seconds, result = cpu(sys.argv[2])
# the base report alone, in the same process: what the page costs beyond it is the shape's
base = cpu(sys.argv[1])[0]
print(json.dumps({"cpu": seconds, "base_cpu": base, "findings": len(result.findings),
                  "internal": sum(f.code == "GL000" for f in result.findings)}))
"""


# -- running a child ---------------------------------------------------------------------------

@dataclass
class Child:
    """What one finished (or stopped) child process cost."""

    wall: float
    cpu: float  # user + sys, including the workers it reaped
    maxrss_kib: int  # the largest single process's peak
    tree_kib: int  # peak of the sum over the process tree (sampled), at least maxrss_kib
    timed_out: bool
    returncode: int
    stdout: str


def _session_rss_kib(session: int) -> int:
    """Resident memory summed over the processes of one session (the child and its workers).

    Pages a forked worker shares with its parent count in both, so this over-states a little;
    it is the figure that catches memory growing in two processes at once."""
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            total += int(fields[21]) * page_kib
    return total


def run_child(cmd: list[str], timeout: float | None = None, capture: bool = False,
              sample_memory: bool = False) -> Child:
    """Run ``cmd`` in a session of its own and take its rusage with ``os.wait4``.

    The rusage of a waited-for child includes the workers it reaped, so CPU is the whole run's and
    ``maxrss`` the largest single process's peak. On timeout the whole session is killed."""
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True)
    stopped = threading.Event()
    finished = threading.Event()
    peak = [0]

    def stop() -> None:
        stopped.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def sample() -> None:
        while not finished.wait(0.2):
            peak[0] = max(peak[0], _session_rss_kib(proc.pid))

    timer = threading.Timer(timeout, stop) if timeout else None
    if timer:
        timer.start()
    sampler = None
    if sample_memory and os.path.isdir("/proc"):
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    finished.set()
    if timer:
        timer.cancel()
    if sampler:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    try:  # workers left behind by a killed run
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    text = ""
    if capture:
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
        out.close()
    return Child(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, max(peak[0], usage.ru_maxrss),
                 stopped.is_set(), proc.returncode, text)


def govlint_cmd() -> list[str]:
    """The installed ``govlint`` script beside this interpreter (what a user runs), else ``-m``."""
    script = Path(sys.executable).with_name("govlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govlint"]


def check_help() -> str:
    done = subprocess.run(govlint_cmd() + ["check", "--help"], capture_output=True, text=True)
    return re.sub(r"\s+", " ", done.stdout)


def output_formats(help_text: str) -> list[str]:
    """The output formats the installed govlint has (its reporters), the usual ones first."""
    script = "from govlint.plugin_host import load_plugins\nprint(','.join(load_plugins().reporters))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    names = [n for n in done.stdout.strip().split(",") if n] if done.returncode == 0 else []
    if not names:  # an older govlint: what its help lists
        names = [f for f in KNOWN_FORMATS if re.search(rf"\b{f}\b", help_text)]
    return sorted(names, key=lambda n: (KNOWN_FORMATS.index(n) if n in KNOWN_FORMATS else len(KNOWN_FORMATS), n))


def corpus_rule_codes() -> list[str]:
    """The codes of the rules that run over the whole corpus (``scope = "run"``), if any."""
    script = ("from govlint.plugin_host import load_plugins\n"
              "print(','.join(sorted(c for c, r in load_plugins().rules.items() if getattr(r, 'scope', '') == 'run')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return [c for c in done.stdout.strip().split(",") if c] if done.returncode == 0 else []


def check_flags(help_text: str) -> list[str]:
    """Flags that keep the figures comparable with the issue's: no result cache, and the corpus
    rules off (they compare reports with each other; the figures are about checking one)."""
    flags = ["--no-cache"] if "--no-cache" in help_text else []
    codes = corpus_rule_codes()
    return flags + (["--ignore", ",".join(codes)] if codes else [])


# -- corpora -----------------------------------------------------------------------------------

def real_html_pages(low: int = 100 * 1024, high: int = 300 * 1024) -> list[Path]:
    """The real HTML pages of 100-300 KB, each content once."""
    seen, pages = set(), []
    for folder in (EXAMPLES, REAL):
        for path in sorted(folder.glob("*.html")):
            data = path.read_bytes()
            digest = hashlib.sha1(data).digest()
            if low <= len(data) <= high and digest not in seen:
                seen.add(digest)
                pages.append(path)
    return pages


def write_copies(folder: Path, pages: list[bytes], count: int, first: int = 0) -> Path:
    """``count`` copies of the pages in turn, each made unique by a comment naming its number."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        data = pages[i % len(pages)] + f"\n<!-- copy {i} -->\n".encode()
        (folder / f"r{i:06d}.html").write_bytes(data)
    return folder


# -- growth shapes -----------------------------------------------------------------------------

HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
LABELS = ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "第二十条第（一）项",
          "本年新收政府信息公开申请数量", "1.本机关不掌握相关政府信息", "（七）总计")
TABLE_LABELS = ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密",
                "2.重复申请", "3.其他", "（七）总计")


def _heading_block(kind: str, i: int) -> str:
    heading, label = HEADINGS[i % len(HEADINGS)], LABELS[i % len(LABELS)]
    if kind == "html":
        return f"<p><strong>{heading}</strong></p>\n<p>{label}</p>\n"
    if kind == "markdown":
        return f"## {heading}\n\n{label}\n\n"
    return f"{heading}\n{label}\n"


def _prose_sentence(i: int) -> str:
    return (f"第{i % 4 + 1}季度共受理申请{i % 97 + 3}件，予以公开{i % 41 + 1}件，部分公开{i % 7}件，"
            f"不予公开{i % 5}件，收取信息处理费{i % 13 * 10}元。")


def _table_row(kind: str, i: int) -> str:
    label = TABLE_LABELS[i % len(TABLE_LABELS)]
    cells = [str(i % 9), "0", "0", "0", "0", "0", str(i % 9)]
    if kind == "html":
        return "<tr><td>" + "</td><td>".join([label, *cells]) + "</td></tr>\n"
    return "| " + " | ".join([label, *cells]) + " |\n"


def _insert_html(base: str, extra: str, before: str) -> str:
    at = base.lower().rfind(before)
    return base + extra if at < 0 else base[:at] + extra + base[at:]


def grow(kind: str, shape: str, base: str, target: int) -> str:
    """The base report grown to about ``target`` bytes (UTF-8) in one of the four shapes; at least
    one unit is added, so the smallest size still has the shape."""
    def fill(unit) -> str:
        parts, size, i = [], len(base.encode()), 0
        while size < target or i == 0:
            piece = unit(i)
            parts.append(piece)
            size += len(piece.encode())
            i += 1
        return "".join(parts)

    if shape == "concatenated":
        if kind == "html":
            match = re.search(r"<body[^>]*>(.*)</body>", base, re.S | re.I)
            body = match.group(1) if match else base
            return _insert_html(base, fill(lambda i: body), "</body>")
        return base + fill(lambda i: "\n\n" + base)
    if shape == "headings":
        blocks = fill(lambda i: _heading_block(kind, i))
        return _insert_html(base, blocks, "</body>") if kind == "html" else base + "\n" + blocks
    if shape == "prose":
        text = fill(_prose_sentence)
        if kind == "html":
            return _insert_html(base, f"<p>{text}</p>\n", "</body>")
        return base + "\n\n" + text + "\n"
    if shape == "table":
        rows = fill(lambda i: _table_row(kind, i))
        if kind == "html":  # inside the real table that holds table 3's rows
            at = base.find("予以公开")
            end = base.lower().find("</table>", at)
            return base[:end] + rows + base[end:] if at >= 0 and end >= 0 else base + f"<table>{rows}</table>"
        lines = base.splitlines(keepends=True)
        for n, line in enumerate(lines):
            if line.lstrip().startswith("|") and "予以公开" in line:
                return "".join(lines[:n + 1]) + rows + "".join(lines[n + 1:])
        return base + "\n\n| 项目 | 1 | 2 | 3 | 4 | 5 | 6 | 总计 |\n|---|---|---|---|---|---|---|---|\n" + rows
    raise ValueError(shape)


def growth_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) over log(size)."""
    if len(points) < 2:
        return None
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


# -- the rows ----------------------------------------------------------------------------------

def row_single(runs: int, flags: list[str]) -> None:
    floor_cmd = [sys.executable, "-c", "import lxml.html"]
    check_cmd = govlint_cmd() + ["check", *flags, "--exit-zero", str(SINGLE_PAGE)]
    run_child(floor_cmd), run_child(check_cmd)  # warm the file cache
    floors, checks = [], []
    for _ in range(runs):  # interleaved, so a burst of load hits both
        floors.append(run_child(floor_cmd).wall)
        checks.append(run_child(check_cmd).wall)
    floor, check = statistics.median(floors), statistics.median(checks)
    print(f"1. govlint check {SINGLE_PAGE.name} ({SINGLE_PAGE.stat().st_size // 1024} KB), wall, median of {runs}: "
          f"{check * 1000:.0f} ms vs import lxml.html {floor * 1000:.0f} ms = {check / floor:.2f}x")


def row_marginal(tmp: Path, pages: list[bytes], few: int, many: int, reps: int, flags: list[str]) -> None:
    """Each repetition times check and floor side by side (few copies, then many, for each) and
    takes their ratio: on a shared machine the speed drifts by a fifth within a minute, and a
    ratio of two medians taken apart mixes the drift into the figure."""
    small = write_copies(tmp / "marginal_small", pages, few)
    extra = write_copies(tmp / "marginal_extra", pages, many - few, first=few)
    check = govlint_cmd() + ["check", *flags, "--jobs", "1", "--format", "concise", "--exit-zero"]
    floor = [sys.executable, "-c", FLOOR_SCRIPT]
    per: dict[str, list[float]] = {"check": [], "floor": []}
    for _ in range(reps):
        low = {name: run_child(cmd + [str(small)]).cpu for name, cmd in (("check", check), ("floor", floor))}
        high = {name: run_child(cmd + [str(small), str(extra)]).cpu for name, cmd in (("check", check), ("floor", floor))}
        for name in per:
            per[name].append((high[name] - low[name]) / (many - few))
    ratios = sorted(c / f for c, f in zip(per["check"], per["floor"]))
    c, f = statistics.median(per["check"]), statistics.median(per["floor"])
    print(f"2. marginal CPU per 100-300 KB HTML report ({many} - {few} copies, {reps} runs side by side): "
          f"check {c * 1000:.1f} ms vs read+decode+lxml {f * 1000:.2f} ms (medians); "
          f"ratio per run {statistics.median(ratios):.2f}x median ({ratios[0]:.2f}-{ratios[-1]:.2f})")


def row_memory(tmp: Path, pages: list[bytes], small_n: int, big_n: int, formats: list[str],
               flags: list[str], timeout: float) -> None:
    first = write_copies(tmp / "rss_first", pages, small_n)
    rest = write_copies(tmp / "rss_rest", pages, big_n - small_n, first=small_n)
    base = govlint_cmd() + ["check", *flags, "--exit-zero"]
    print(f"3. peak RSS over {small_n} and {big_n} HTML reports, --jobs 1 (MiB; largest process by wait4, "
          f"and the sum over the process tree sampled every 0.2 s); growth per file in KiB")
    print(f"   {'format':<10}{'rss ' + str(small_n):>12}{'rss ' + str(big_n):>12}{'KiB/file':>10}"
          f"{'tree ' + str(small_n):>12}{'tree ' + str(big_n):>12}{'KiB/file':>10}{'reports/s':>11}")
    json_big = None
    for fmt in formats:
        cmd = base + ["--jobs", "1", "--format", fmt]
        a = run_child(cmd + [str(first)], timeout, sample_memory=True)
        b = run_child(cmd + [str(first), str(rest)], timeout, sample_memory=True)
        if fmt == "json":
            json_big = b
        grow_rss = (b.maxrss_kib - a.maxrss_kib) / (big_n - small_n)
        grow_tree = (b.tree_kib - a.tree_kib) / (big_n - small_n)
        late = " (timeout)" if a.timed_out or b.timed_out else ""
        print(f"   {fmt:<10}{a.maxrss_kib / 1024:>12.1f}{b.maxrss_kib / 1024:>12.1f}{grow_rss:>10.1f}"
              f"{a.tree_kib / 1024:>12.1f}{b.tree_kib / 1024:>12.1f}{grow_tree:>10.1f}"
              f"{big_n / b.wall:>11.1f}{late}")
    for jobs in ("1", "0"):
        run = json_big if jobs == "1" and json_big is not None else \
            run_child(base + ["--jobs", jobs, "--format", "json", str(first), str(rest)], timeout,
                      sample_memory=True)
        late = " (timeout)" if run.timed_out else ""
        rate = big_n / run.wall
        print(f"   --jobs {jobs}: {rate:.1f} reports/s over {big_n} reports "
              f"({run.wall:.0f} s wall, tree peak {run.tree_kib / 1024:.0f} MiB){late}")
        if jobs == "0":
            print(f"   projection: 1,000,000 such reports on this {os.cpu_count()}-core machine with --jobs 0: "
                  f"{1_000_000 / rate / 3600:.1f} h at this rate")


def row_growth(tmp: Path, sizes: list[float], timeout: float, rounds: int) -> None:
    """Each shape's pages are timed in turn, ``rounds`` times over, and each size's figure is the
    median of its rounds: the machine's speed drifts by a fifth within a minute, and sizes timed
    one after the other, once each, show that drift as growth."""
    print(f"4. CPU seconds per MB of one check (in-process, after a warm-up; median of up to 3 in each of "
          f"{rounds} rounds over the sizes), by shape and size; child limit {timeout:g} s")
    header = "".join(f"{s:>9g}MB" for s in sizes)
    print("   (column sizes are targets: a page is the base report plus at least one unit of the shape, so the "
          "first HTML pages are 0.12-0.24 MB; time per MB and the exponent use each page's actual size; "
          "max/min is the spread of the time per MB; exp. 2nd+ is the exponent from the second size on, "
          "where the shape rather than the base report makes up the page)")
    print(f"   {'format':<9}{'shape':<13}{header}{'exponent':>10}{'max/min':>9}{'exp. 2nd+':>11}")
    shape_rows = []  # (kind, shape, cells, spread) of the added shape's own time per MB
    relative_rows = []  # the same over the base report's time per MB in the same child
    script = tmp / "growth_child.py"
    script.write_text(GROWTH_SCRIPT, encoding="utf-8")
    suffix = {"html": ".html", "text": ".txt", "markdown": ".md"}
    for kind, bases in GROWTH_BASES.items():
        base_path = next((p for p in bases if p.exists()), None)
        if base_path is None:
            print(f"   {kind:<9}(no base page found)")
            continue
        base = base_path.read_text(encoding="utf-8")
        warm = tmp / f"warm{suffix[kind]}"
        warm.write_text(base, encoding="utf-8")
        base_mb = warm.stat().st_size / MB
        for shape in ("concatenated", "headings", "table", "prose"):
            grown = []  # (page, its size in MB), one per size
            for size in sizes:
                page = tmp / f"grown_{kind}_{shape}_{size:g}{suffix[kind]}"
                page.write_text(grow(kind, shape, base, int(size * MB)), encoding="utf-8")
                grown.append((page, page.stat().st_size / MB))
            timings = _growth_rounds(script, warm, grown, timeout, rounds)
            cells, points, added_cells, added, relative_cells, relative = [], [], [], [], [], []
            for (page, mb), timed in zip(grown, timings):
                page.unlink()
                if isinstance(timed, str):  # "timeout", "skipped" or "failed"
                    cells.append(timed)
                    added_cells.append(timed)
                    relative_cells.append(timed)
                    continue
                seconds, base_seconds = (statistics.median(t) for t in zip(*timed))
                points.append((mb, seconds))
                cells.append(f"{seconds / mb:.3f}")
                if mb - base_mb < 0.1:  # a few added units: their fixed cost, not a cost per MB
                    added_cells.append("-")
                    relative_cells.append("-")
                    continue
                per_added = statistics.median((page_s - base_s) / (mb - base_mb) for page_s, base_s in timed)
                added.append(per_added)
                added_cells.append(f"{per_added:.3f}")
                # over the base report's own time per MB, timed seconds later in the same child: a
                # change of the machine's speed between children cancels out
                ratio = statistics.median((page_s - base_s) / (mb - base_mb) / (base_s / base_mb)
                                          for page_s, base_s in timed)
                relative.append(ratio)
                relative_cells.append(f"{ratio:.2f}")
            exponent = growth_exponent(points)
            # the smallest page is mostly the base report; from the second size on the shape dominates
            later = growth_exponent(points[1:]) if len(points) > 2 else None
            per_mb = [t / s for s, t in points]
            spread = f"{max(per_mb) / min(per_mb):.1f}" if len(per_mb) > 1 else "-"
            shown = "-" if exponent is None else f"{exponent:.2f}"
            if any(c == "timeout" for c in cells):
                shown = f">{shown}" if exponent is not None else "-"
            print(f"   {kind:<9}{shape:<13}" + "".join(f"{c:>11}" for c in cells) + f"{shown:>10}{spread:>9}"
                  + f"{'-' if later is None else format(later, '.2f'):>11}", flush=True)
            shape_rows.append((kind, shape, added_cells, _spread(added)))
            relative_rows.append((kind, shape, relative_cells, _spread(relative)))
    _print_rows("the added shape alone: CPU seconds per MB of (page - base report), both timed in the same child, "
                "where at least 0.1 MB was added (a grown page mixes the base report's cost per MB with the "
                "shape's, so the table above drifts towards the shape's figure as the shape's share of the page "
                "grows)", header, shape_rows)
    _print_rows("the added shape alone, as a ratio: its time per MB (above) over the base report's time per MB, "
                "the base timed right after the page in the same child, so that the machine's speed at that moment "
                "divides out (the base report's short timing adds noise of its own)", header, relative_rows)


def _spread(values: list[float]) -> str:
    """max/min of the positive values, "-" with fewer than two."""
    positive = [v for v in values if v > 0]
    return f"{max(positive) / min(positive):.1f}" if len(positive) > 1 else "-"


def _print_rows(title: str, header: str, rows: list) -> None:
    print(f"   {title}")
    print(f"   {'format':<9}{'shape':<13}{header}{'max/min':>10}")
    for kind, shape, cells, spread in rows:
        print(f"   {kind:<9}{shape:<13}" + "".join(f"{c:>11}" for c in cells) + f"{spread:>10}")


def _growth_rounds(script: Path, warm: Path, grown: list[tuple[Path, float]], timeout: float,
                   rounds: int) -> list:
    """For each page, the (page CPU, base report CPU) of each round, each from a child of its
    own, the pages taken in turn in every round; or "timeout" for the first page that ran out of
    time (its larger pages "skipped": they would only run out later), or "failed"."""
    timings: list = [[] for _ in grown]
    limit = len(grown)  # pages from here on are not timed again
    for _ in range(rounds):
        for i, (page, _mb) in enumerate(grown[:limit]):
            if isinstance(timings[i], str):
                continue
            run = run_child([sys.executable, str(script), str(warm), str(page)], timeout, capture=True)
            if run.timed_out:
                timings[i] = "timeout"
                timings[i + 1:] = ["skipped"] * (len(grown) - i - 1)
                limit = i
                break
            try:
                answer = json.loads(run.stdout.strip().splitlines()[-1])
                timings[i].append((answer["cpu"], answer["base_cpu"]))
            except (ValueError, IndexError, KeyError):
                timings[i] = "failed"
    return timings


# -- main --------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller corpora, one format, sizes to 1 MB")
    ap.add_argument("--runs", type=int, help="runs of the single-file row (default 11, quick 5)")
    ap.add_argument("--files", help="small,big corpus sizes for the memory row (default 1000,10000; quick 200,2000)")
    ap.add_argument("--formats",
                    help="comma-separated output formats (default: every one check --help lists; quick: json)")
    ap.add_argument("--max-mb", type=float, help="largest growth size in MB (default 5; quick 1)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed to each growth child")
    ap.add_argument("--rounds", type=int, help="rounds over the sizes of each growth shape (default 3, quick 1)")
    ap.add_argument("--only", default="single,marginal,memory,growth", help="rows to run, comma-separated")
    args = ap.parse_args(argv)

    quick = args.quick
    runs = args.runs or (5 if quick else 11)
    small_n, big_n = (int(n) for n in (args.files or ("200,2000" if quick else "1000,10000")).split(","))
    max_mb = args.max_mb or (1.0 if quick else 5.0)
    sizes = [s for s in (0.1, 0.3, 1.0, 2.5, 5.0) if s <= max_mb] or [max_mb]
    help_text = check_help()
    formats = args.formats.split(",") if args.formats else (["json"] if quick else output_formats(help_text))
    flags = check_flags(help_text)
    only = set(args.only.split(","))
    version = subprocess.run(govlint_cmd() + ["--version"], capture_output=True, text=True).stdout.strip()

    print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}")
    print(f"python: {platform.python_version()} ({sys.executable})")
    print(f"cpu count: {os.cpu_count()}")
    print(f"machine: {platform.platform()}")
    print(f"govlint: {version}; formats listed by check --help: {','.join(output_formats(help_text))}"
          + (f"; extra flags: {' '.join(flags)}" if flags else ""))
    print(f"mode: {'quick' if quick else 'full'}\n")

    page_paths = real_html_pages()
    pages = [p.read_bytes() for p in page_paths]
    print(f"HTML corpus pages (100-300 KB): {', '.join(p.name for p in page_paths)}\n")
    with tempfile.TemporaryDirectory(prefix="govlint-bench-") as name:
        tmp = Path(name)
        if "single" in only:
            row_single(runs, flags)
        if "marginal" in only:
            row_marginal(tmp, pages, few=10 if quick else 20, many=60 if quick else 500,
                         reps=3 if quick else 7, flags=flags)
        if "memory" in only:
            row_memory(tmp, pages, small_n, big_n, formats, flags, timeout=max(args.timeout, 4.0 * big_n))
            for sub in ("rss_first", "rss_rest"):
                shutil.rmtree(tmp / sub, ignore_errors=True)
        if "growth" in only:
            row_growth(tmp, sizes, args.timeout, args.rounds or (1 if quick else 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
