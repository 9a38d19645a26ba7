"""Baselines: record today's findings by fingerprint, and hide exactly those later.

Fingerprints come from path, code and logical location (``Finding.fingerprint``), so moving
a line does not revive a baselined finding, while a new problem in another cell does show.
A baseline written before a cell's location was renamed still hides the finding: ``is_known``
also tries the location's earlier spellings (``govlint.format.legacy_locations``).
"""

from __future__ import annotations

import json
from pathlib import Path

FORMAT_VERSION = 1


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
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: 基线文件不存在") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: 无法读取基线文件: {exc}") from None
    if not isinstance(doc, dict) or doc.get("govlint-baseline") != FORMAT_VERSION \
            or not isinstance(doc.get("findings"), dict):
        raise BaselineError(f"{path}: 不是 govlint 基线文件（缺少 govlint-baseline: {FORMAT_VERSION}）")
    return set(doc["findings"])
