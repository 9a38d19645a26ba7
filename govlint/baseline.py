"""Baselines: record today's findings by fingerprint, and hide exactly those later.

Fingerprints come from path, code and logical location (``Finding.fingerprint``), so moving
a line does not revive a baselined finding, while a new problem in another cell does show.
A baseline written before a cell's location was renamed still hides the finding: ``is_known``
also tries the location's earlier spellings (``govlint.format.legacy_locations``).

A baseline is read only if it is a regular file of at most ``MAX_BASELINE_BYTES`` (a FIFO
would block the run, ``/dev/zero`` never ends). Its shape is fixed and three levels deep
(document, findings, entry of scalars), so anything else is refused as not a baseline; JSON
nested deeper than the decoder's own guard (about a thousand levels) is refused before that.
Every problem is a ``BaselineError`` naming the file, which the command line turns into exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

FORMAT_VERSION = 1
#: a baseline entry is about 200 bytes: this is room for some 300,000 findings
MAX_BASELINE_BYTES = 64 * 1024 * 1024


class BaselineError(Exception):
    pass


def write_baseline(path: str | Path, findings) -> int:
    entries = {}
    for f in findings:
        entries[f.fingerprint()] = {"path": f.path, "code": f.code, "location": f.location,
                                    "message": f.message}
    doc = {"govlint-baseline": FORMAT_VERSION,
           "findings": dict(sorted(entries.items(), key=lambda kv: (kv[1]["path"], kv[1]["code"], kv[0])))}
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def is_known(finding, known: set[str]) -> bool:
    """Whether a baseline (the fingerprints ``read_baseline`` gives) records ``finding``."""
    if finding.fingerprint() in known:
        return True
    if not finding.location:
        return False
    from govlint.format import legacy_locations

    return any(finding.fingerprint(old) in known for old in legacy_locations(finding.location))


def read_baseline(path: str | Path) -> set[str]:
    """The fingerprints recorded in the baseline at ``path``, or ``BaselineError``."""
    from govlint.regular_file import FileRefused, read_regular_file

    try:
        doc = json.loads(read_regular_file(path, MAX_BASELINE_BYTES, "基线文件").decode("utf-8"))
    except FileRefused as exc:
        raise BaselineError(f"{path}: {exc}") from None
    except RecursionError:  # json's decoder guards its own stack
        raise BaselineError(f"{path}: 基线文件嵌套过深，不是 govlint 基线文件") from None
    except ValueError as exc:  # bad UTF-8, bad JSON, a number too long to convert
        raise BaselineError(f"{path}: 无法读取基线文件: {exc}") from None
    if not isinstance(doc, dict) or doc.get("govlint-baseline") != FORMAT_VERSION \
            or not isinstance(doc.get("findings"), dict):
        raise BaselineError(f"{path}: 不是 govlint 基线文件（缺少 govlint-baseline: {FORMAT_VERSION}）")
    for fingerprint, entry in doc["findings"].items():
        if not isinstance(entry, dict) or not all(_is_scalar(v) for v in entry.values()):
            raise BaselineError(f"{path}: 基线文件中 {fingerprint[:40]!r} 的记录格式不对"
                                f"（应为 path、code、location、message 的映射）")
    return set(doc["findings"])


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))
