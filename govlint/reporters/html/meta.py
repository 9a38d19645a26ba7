"""What the page says about one report: its agency and year (the filters' keys), title,
template and publication date.

They come from the report's facts (``sink.file(path, facts)``, built in the worker from the
parsed report). Without facts (a reporter driven by a plugin's own runner, or a file the
parser could not read) the year is the first 19xx/20xx in the file name and the agency the
rest of the file name, so that every section still has keys to filter on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from govlint.lazy_re import lazy_pattern

_YEAR = lazy_pattern(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
_SEPARATORS = lazy_pattern(r"[\s_\-.·]+")
#: the key and name of reports whose agency is unknown
UNKNOWN = "未识别"


@dataclass(frozen=True)
class ReportMeta:
    agency: str
    agency_name: str
    year: str
    title: str = ""
    template: str = ""
    published: str = ""


def report_meta(path: str, facts: dict | None) -> ReportMeta:
    """The report's metadata from its facts, completed from its path."""
    facts = facts or {}
    guessed_agency, guessed_year = _from_path(path)
    agency = facts.get("agency") or guessed_agency
    year = facts.get("year")
    return ReportMeta(
        agency=str(agency),
        agency_name=str(facts.get("agency_name") or agency),
        year=str(year) if year else guessed_year,
        title=str(facts.get("title") or ""),
        template=str(facts.get("template") or ""),
        published=str(facts.get("published") or ""),
    )


def _from_path(path: str) -> tuple[str, str]:
    stem = os.path.splitext(os.path.basename(path))[0]
    match = _YEAR.search(stem)
    year = match.group(1) if match else UNKNOWN
    rest = _SEPARATORS.sub(" ", _YEAR.sub(" ", stem)).strip()
    return rest or UNKNOWN, year
