"""The page around the sections: head (stylesheet, security policy, title) and tail (script).

The stylesheet and the script are package data (``page.css``, ``page.js``), written inline.
The Content-Security-Policy allows exactly those two by their SHA-256 and nothing else: no
request of any kind (``default-src 'none'``), so the page stays offline even if a future
change let report text through unescaped, and such text could not run as script.
"""

from __future__ import annotations

import os
from base64 import b64encode
from datetime import datetime, timezone
from functools import lru_cache
from hashlib import sha256

from govlint.reporters.html.markup import attr, text

TITLE = "政府信息公开工作年度报告检查结果"


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    from importlib.resources import files

    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    return "'sha256-" + b64encode(sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def generated_at() -> str:
    """The time of the run, or ``SOURCE_DATE_EPOCH``'s (reproducible builds' convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def head(info) -> str:
    css, js = asset("page.css"), asset("page.js")
    policy = (f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
              "img-src data:; form-action 'none'; base-uri 'none'")
    return ("<!DOCTYPE html>\n<html lang=zh-CN>\n<head>\n<meta charset=utf-8>\n"
            f"<meta http-equiv=Content-Security-Policy content=\"{policy}\">\n"
            "<meta name=viewport content=\"width=device-width, initial-scale=1\">\n"
            f"<meta name=generator content=\"govlint {attr(info.version)}\">\n"
            f"<title>{TITLE}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            f"<header class=page><h1>{TITLE}</h1><p>govlint {text(info.version)} · 生成于 {generated_at()}"
            f" · 共 {info.files} 个文件</p></header>\n<main id=main>\n")


def tail(overview: str, filters: str) -> str:
    return f"{overview}\n{filters}\n</main>\n<script>{asset('page.js')}</script>\n</body>\n</html>\n"
