"""Regenerates the screenshots in docs/ that docs/output.md shows:

- ``html-overview.png`` and ``html-report.png``: the HTML report of the corpus fixtures and the
  examples, its overview and one report's section, as headless Chromium draws them;
- ``terminal-table.png``: the terminal format at 100 columns with colour, recorded by rich,
  exported as HTML (a ``<pre>`` in a CJK monospace font) and drawn by the same browser.

    python docs/make_screenshots.py

Needs chromium and chromium-driver (tests/browser.py) and, for the Chinese text, a CJK font
(Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests"))
#: the report whose section is shown, and the file the terminal view is taken of
REPORT = "tests/fixtures/corpus/2019_shanghai_bgt.html"
TERMINAL = ["--select", "GL201,GL202,GL203", "tests/fixtures/corpus/2022_pingtan_htp.txt"]
MONO = "'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace"


def govlint(*args: str, **env: str) -> str:
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}).stdout


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


#: the page the terminal's output is drawn in: a dark terminal, a font whose CJK glyphs are two
#: columns wide as in a terminal
TERMINAL_PAGE = """<!DOCTYPE html><meta charset=utf-8><style>
body {{ margin: 0; background: #fff; }}
pre {{ display: inline-block; margin: 12px; padding: 14px 18px; border-radius: 8px; background: #272822;
       color: #f8f8f2; font: 15px/1.35 %s; }}
</style><pre>{code}</pre>"""


def terminal_shot(driver, work: Path, width: int = 100) -> None:
    from io import StringIO

    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    ansi = govlint("check", "--format", "terminal", *TERMINAL, FORCE_COLOR="1", COLUMNS=str(width), NO_COLOR="")
    console = Console(record=True, width=width, file=StringIO(), force_terminal=True, color_system="truecolor")
    console.print(Text.from_ansi(ansi), end="")
    target = work / "terminal.html"
    target.write_text(console.export_html(theme=MONOKAI, inline_styles=True,
                                                       code_format=TERMINAL_PAGE % MONO), encoding="utf-8")
    driver.set_window_size(1400, 2400)
    driver.get(target.as_uri())
    driver.find_element("tag name", "pre").screenshot(str(DOCS / "terminal-table.png"))


def main() -> None:
    from browser import chromium, unavailable

    if unavailable():
        sys.exit(unavailable())
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        html_shots(driver, Path(tmp))
        terminal_shot(driver, Path(tmp))
    for name in ("html-overview.png", "html-report.png", "terminal-table.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
