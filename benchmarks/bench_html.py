"""The HTML report at corpus scale: how big the page gets, how long writing it takes, how much
memory the writer holds, and how the browser copes (load, a filter, a search).

    python benchmarks/bench_html.py [N]        # default 10,000 reports

The findings are the real ones govlint reports on tests/fixtures/corpus (tables included),
dealt round-robin to N report paths of 200 agencies over 5 years, so the page has the shape of
a province's run. The browser part needs chromium and chromium-driver (see tests/browser.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def real_findings() -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "json", "--exit-zero",
                           str(ROOT / "tests" / "fixtures" / "corpus")], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)["findings"]


def as_finding(d: dict, path: str):
    from govlint.findings import Finding, Severity
    from govlint.span import Span

    span = Span(d["line"], d["column"], d["end_line"], d["end_column"]) if d["line"] else None
    return Finding(d["message"], span=span, location=d["location"], code=d["code"], name=d["name"],
                   severity=Severity.parse(d["severity"]), path=path, table=d.get("table"))


def write_page(n: int, target: Path, findings: list[dict]) -> tuple[float, int]:
    from govlint.reporters.base import RunInfo
    from govlint.reporters.html import HtmlReporter

    by_file: dict[str, list[dict]] = {}
    for f in findings:
        by_file.setdefault(f["path"], []).append(f)
    groups = list(by_file.values()) + [[]] * 4  # some reports are clean
    tracemalloc.start()
    start = time.perf_counter()
    with target.open("w", encoding="utf-8") as out:
        sink = HtmlReporter().open(RunInfo(files=n, version="bench"), out)
        for i in range(n):
            path = f"corpus/{2020 + i % 5}/单位{i % 200:03d}_{i:05d}.html"
            sink.file(path, {"agency": f"单位{i % 200:03d}", "agency_name": f"某市第{i % 200}局", "year": 2020 + i % 5,
                             "title": f"某市第{i % 200}局{2020 + i % 5}年政府信息公开工作年度报告"})
            sink.add([as_finding(f, path) for f in groups[i % len(groups)]])
        sink.close()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


TIMED = """
const form = document.getElementById('filters'), t0 = performance.now();
form.elements[arguments[0]].value = arguments[1];
form.dispatchEvent(new Event(arguments[0] === 'q' ? 'submit' : 'change', {cancelable: true}));
document.body.offsetHeight;  // the style and layout the change causes
return [performance.now() - t0, document.getElementById('shown').textContent];
"""


def browse(target: Path) -> None:
    from browser import chromium, unavailable

    if unavailable():
        print(f"browser: skipped ({unavailable()})")
        return
    with chromium() as driver:
        start = time.perf_counter()
        driver.get(target.as_uri())
        loaded = time.perf_counter() - start
        timing = driver.execute_script(
            "const t = performance.getEntriesByType('navigation')[0]; return [t.domContentLoadedEventEnd, t.loadEventEnd]")
        print(f"browser: page loaded in {loaded:.1f} s (DOMContentLoaded at {timing[0] / 1000:.1f} s, "
              f"load at {timing[1] / 1000:.1f} s)")
        # the first search reads every finding's text once; later ones reuse it
        for name, value in (("severity", "error"), ("rule", "GL201"), ("year", "2022"), ("q", "自然人"),
                            ("q", "结转"), ("q", ""), ("severity", ""), ("rule", ""), ("year", "")):
            ms, shown = driver.execute_script(TIMED, name, value)
            print(f"browser: {name}={value or '（全部）'}: {ms:.0f} ms → {shown}")
        start = time.perf_counter()
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight / 2)")
        driver.execute_script("return document.body.offsetHeight")
        print(f"browser: jump to the middle of the page: {time.perf_counter() - start:.2f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    findings = real_findings()
    target = Path("/tmp") / f"govlint-bench-{n}.html"
    elapsed, peak = write_page(n, target, findings)
    per_file = len(findings) / len({f["path"] for f in findings})
    print(f"{n} reports, about {per_file:.1f} findings each (the corpus fixtures' rate), "
          f"{sum(f.get('table') is not None for f in findings)} of {len(findings)} findings with a table")
    print(f"page: {target.stat().st_size / 1e6:.1f} MB written in {elapsed:.1f} s; writer's peak traced memory "
          f"{peak / 1024:.0f} KiB")
    browse(target)


if __name__ == "__main__":
    main()
