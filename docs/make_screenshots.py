"""Regenerates the screenshots in docs/ that docs/output.md shows:

``html-overview.png`` and ``html-report.png``: the HTML report of the corpus fixtures and the
examples, its overview and one report's section, as headless Chromium draws them. (The terminal
view, docs/terminal-table.png, is drawn from the terminal captures: tests/fixtures/terminal/.)

    python docs/make_screenshots.py

Needs chromium and chromium-driver (tests/browser.py) and, for the Chinese text, a CJK font
(Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests"))
#: the report whose section is shown
REPORT = "tests/fixtures/corpus/2019_shanghai_bgt.html"


def govlint(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=ROOT, capture_output=True, text=True).stdout


def html_shots(driver, work: Path) -> None:
    page = work / "report.html"
    govlint("check", "--format", "html", "--output", str(page), "tests/fixtures/corpus", "examples")
    driver.set_window_size(1280, 900)
    driver.get(page.as_uri())
    driver.save_screenshot(str(DOCS / "html-overview.png"))
    section = next(s for s in driver.find_elements("css selector", "section.report")
                   if REPORT in s.find_element("css selector", "dl.meta").text)
    driver.execute_script("arguments[0].scrollIntoView()", section)
    time.sleep(0.3)
    # the report's table findings: the GL203 rows of its first table excerpt
    figure = section.find_elements("css selector", "figure")[0]
    driver.execute_script("window.scrollBy(0, arguments[0].getBoundingClientRect().top - 420)", figure)
    driver.save_screenshot(str(DOCS / "html-report.png"))


def main() -> None:
    from browser import chromium, unavailable

    if unavailable():
        sys.exit(unavailable())
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        html_shots(driver, Path(tmp))
    for name in ("html-overview.png", "html-report.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
