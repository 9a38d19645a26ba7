"""Which agency published a report: the key that ties one agency's reports over the years.

Cross-report rules (carry-over, the in-force chain, summaries) compare an agency's report
with its own previous year, so two reports of one agency must get the same key whatever the
decoration of their titles: ``平潭综合实验区海坛片区管理局 2022年度政府信息公开工作年度报告``
and ``平潭综合实验区海坛片区管理局2024年政府信息公开工作年度报告`` are both
``平潭综合实验区海坛片区管理局``.

The key is read from the title first (``Report.metadata.agency``), then from the page's
issuing-agency fields (发文机关, 所属机构), then from the body's first mention of the report
(``特向社会公布某局2022年政府信息公开工作年度报告``). A crawler's ``发布机构`` field is not used:
portals often fill it with the portal's owner, not the report's author.

``agencies`` in the config maps a renamed or merged agency's names to one canonical name
(``{CANONICAL: [ALIAS, …]}``); both sides are normalised like keys, so the config may be
written as the names are printed.
"""

from __future__ import annotations

from govlint.lazy_re import lazy_pattern
from govlint.normalize import YEAR, normalize

#: brackets, quotes and separators that decorate a name in a title
_DECORATION = lazy_pattern(r"[《》〈〉<>“”‘’\"'「」『』【】\[\]（）()：:，,、·•_|｜\-—–.。]")
#: the report's own name and what precedes or follows it in a title
_REPORT_WORDS = lazy_pattern(
    r"(?:关于)?(?:报送|印发|公布|发布)?"
    rf"(?:{YEAR}年度?)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)(?:的函|的通知)?.*$")
_YEAR_WORDS = lazy_pattern(rf"{YEAR}年度?")
#: the body's mentions of the report, in order of trust: a title line split from its last
#: words (``2024年上海市科委政府信息公开工作`` at the start, after a short label), then a sentence naming the agency
#: and the report (``特向社会公布某局2022年度政府信息公开…``, ``某局编制了2024年度政务公开工作报告``)
_BODY_MENTIONS = (
    lazy_pattern(rf"^[^，。；]{{0,8}}?{YEAR}年度?(?P<agency>[^，。；,;：:《》\s]{{2,30}}?)(?:政府信息公开|政务公开)"),
    lazy_pattern(rf"(?:公布|发布|编制|公开)(?P<agency>[^，。；,;：:《》\s]{{2,40}}?){YEAR}年度?(?:政府信息公开|政务公开)"),
    lazy_pattern(rf"(?P<agency>[^，。；,;：:《》\s]{{2,30}}?)(?:编制|制定|发布)了?{YEAR}年度?(?:政府信息公开|政务公开)"),
)
#: ``Document.meta`` keys that name the issuing agency (``发布机构`` is deliberately not one)
META_KEYS = ("issuer", "agency")
#: names shorter than this (after normalising) say nothing (``我局``, ``本区``)
MIN_LENGTH = 2


def normalize_agency(name: str | None) -> str | None:
    """An agency name as a key: folded, whitespace and decoration removed, the year and the
    report's own name stripped. None when nothing meaningful is left."""
    if not name:
        return None
    text = normalize(name)
    text = _REPORT_WORDS.sub("", text)
    text = _YEAR_WORDS.sub("", text)
    text = _DECORATION.sub("", text)
    return text if len(text) >= MIN_LENGTH else None


def alias_map(agencies: dict[str, list[str]] | None) -> dict[str, str]:
    """Config ``agencies`` as normalised alias key → normalised canonical key."""
    out: dict[str, str] = {}
    for canonical, aliases in (agencies or {}).items():
        target = normalize_agency(canonical)
        if target is None:
            continue
        out[target] = target
        for alias in aliases or ():
            key = normalize_agency(alias)
            if key is not None:
                out[key] = target
    return out


def summary_map(summaries: dict[str, list[str]] | None, aliases: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Config ``summaries`` as parent agency key → child agency keys (aliases applied)."""
    def key(name):
        found = normalize_agency(name)
        return aliases.get(found, found) if found else None

    out = {}
    for parent, children in (summaries or {}).items():
        if key(parent):
            out[key(parent)] = tuple(dict.fromkeys(k for k in map(key, children or ()) if k))
    return out


def agency_key(title_agency: str | None = None, meta: dict | None = None, body: str = "",
               aliases: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """(key, name as found) for a report, from its title's agency, its metadata and its body.

    ``aliases`` is ``alias_map(config agencies)``; the key is the canonical one when listed.
    """
    candidates = [title_agency]
    candidates += [(meta or {}).get(key) for key in META_KEYS]
    text = normalize(body[:3000]) if body else ""
    for pattern in _BODY_MENTIONS if text else ():
        match = pattern.search(text)
        if match:
            candidates.append(match.group("agency"))
    for name in candidates:
        key = normalize_agency(name)
        if key is not None:
            return (aliases or {}).get(key, key), name.strip()
    return None, None




def report_agency(report, aliases: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """``agency_key`` of a parsed report: its title's agency, its page metadata, and the
    preamble and first section (where the report names itself)."""
    first = report.sections[0].text if report.sections else ""
    document = getattr(report, "document", None)
    return agency_key(report.metadata.agency, getattr(document, "meta", None),
                      report.preamble + "\n" + first, aliases)
