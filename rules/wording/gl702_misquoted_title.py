from functools import lru_cache

from govlint.format.citations import OFFICIAL_TITLES, TITLE_MISQUOTES
from govlint.findings import Finding
from govlint.lazy_re import lazy_pattern
from govlint.rule import Rule

from govlint.normalize import normalize

from .._common import has_content, prose

_INNER_OPEN = "〈<＜《"
_INNER_CLOSE = "〉>＞》"


def _canonical(title: str) -> str:
    """Normalised title with inner quotes written 〈〉 as in the official texts."""
    text = normalize(title)
    for o, c in zip(_INNER_OPEN, _INNER_CLOSE):
        text = text.replace(o, "〈").replace(c, "〉")
    return text


_TITLE_MARKS = lazy_pattern("[《》]")


def titles(text: str):
    """(start, end, title) of every 《…》 title, outer first, then the 〈…〉/<…> inside it."""
    stack = []
    for mark in _TITLE_MARKS.finditer(text):  # only 《 and 》 matter out here: jump between them
        i, ch = mark.start(), mark.group()
        if ch == "《" and not stack:
            stack.append(i)
        elif ch == "》" and stack:
            start = stack.pop()
            yield start + 1, i, text[start + 1:i]
            inner = text[start + 1:i]
            depth, begin = 0, 0
            for j, c in enumerate(inner):
                if c in _INNER_OPEN:
                    if depth == 0:
                        begin = j + 1
                    depth += 1
                elif c in _INNER_CLOSE and depth:
                    depth -= 1
                    if depth == 0:
                        yield start + 1 + begin, start + 1 + j, inner[begin:j]


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=None)
def _known() -> tuple[frozenset, dict]:
    """(the accepted titles, the known misquotes → the right title), in canonical form: made on
    first use, so that importing the rule normalises nothing."""
    accepted = {_canonical(t) for t in OFFICIAL_TITLES} | {
        _canonical(v) for variants in OFFICIAL_TITLES.values() for v in variants}
    return frozenset(accepted), {_canonical(k): v for k, v in TITLE_MISQUOTES.items()}


@lru_cache(maxsize=4096)  # reports quote the same few titles; the edit distances cost most
def correct_title(title: str) -> str | None:
    """The official title a misquoted one stands for, or None when it is fine or unknown."""
    accepted, misquotes = _known()
    t = _canonical(title)
    if t in accepted:
        return None
    if t in misquotes:
        return misquotes[t]
    for wrong, right in misquotes.items():  # an outer title around a misquoted inner one
        if f"〈{wrong}〉" in t and t.replace(f"〈{wrong}〉", f"〈{_canonical(right)}〉") in accepted:
            return t.replace(f"〈{wrong}〉", f"〈{right}〉")
    if len(t) < 10:
        return None
    for official in OFFICIAL_TITLES:
        if 0 < _distance(t, _canonical(official), 2) <= 2:
            return official
    return None


class MisquotedTitle(Rule):
    """A cited official title is misquoted.

    What it checks: titles in 《》 (and the 〈〉 or <> inside them) against the official titles
    kept in ``govlint.format.citations.OFFICIAL_TITLES``: a known misquote (``TITLE_MISQUOTES``) or a
    title one or two characters away from an official one. Accepted short forms such as
    《政府信息公开条例》 are not reported. When an inner title is wrong, only it is reported,
    not the 通知 around it.

    Why it matters: the fee rules are 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号);
    《政府信息公开处理费管理办法》 does not exist, and a report that cites the rules it applies
    wrongly invites doubt about how it applies them.

    Failing example: 《国务院办公厅关于印发〈政府信息公开处理费管理办法〉的通知》.

    Passing example: 《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》.
    """

    code = "GL702"
    name = "misquoted-title"
    severity = "info"
    summary = "引用的法规、文件名称有误（如《政府信息公开处理费管理办法》）"

    def check(self, report, ctx):
        if not has_content(report):
            return  # GL002 covers a file that is not a report
        seen = set()
        for run in prose(report):
            if "《" not in run.text:
                continue  # a title opens with 《: most runs cite none
            reported_inner = []
            for start, end, title in titles(run.text):
                if any(s >= start and e <= end for s, e in reported_inner):
                    continue  # an outer title whose misquoted inner title was reported
                right = correct_title(title)
                if right is None:
                    continue
                inner = [(s, e, t) for s, e, t in titles("《" + title + "》") if (s, e) != (1, len(title) + 1)]
                bad_inner = [(s, e, t) for s, e, t in inner if correct_title(t)]
                if bad_inner:
                    s, e, t = bad_inner[0]
                    start, end, title, right = start + s - 1, start + e - 1, t, correct_title(t)
                reported_inner.append((start, end))
                key = _canonical(title)
                if key in seen:
                    continue
                seen.add(key)
                span = run.span_of(start, end)
                from govlint.fixes import replace  # imported with the first finding, which carries a fix
                yield Finding(f"引用名称《{title.strip()}》有误，应为《{right}》",
                              span=span, location=f"引用名称 / {right}",
                              properties={"expected": right, "found": title.strip()},
                              fix=replace(span, title, right, f"改为《{right}》"))
