"""Snapshot and compare what govlint says about a set of reports, to prove a refactor changed nothing.

    python benchmarks/compare_outputs.py snapshot OUT_DIR [PATH ...]
    python benchmarks/compare_outputs.py compare OLD_DIR NEW_DIR

``snapshot`` runs ``govlint parse --format json`` and ``govlint check --format json`` on each
report (by default ``../shared/seeds``, ``../shared/corpus/real`` and ``examples/``) and writes
one JSON file per report and command, with the volatile ``version`` field dropped.
``compare`` prints every difference as a path into the JSON, and exits 1 when there is one.
Take a snapshot before a refactor, another after, and list the differences that remain (each one
justified) in the change's description.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus" / "real", ROOT / "examples"]
SUFFIXES = {".html", ".htm", ".txt", ".md", ".docx", ".pdf"}


def _reports(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.iterdir()) if p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:  # a snapshot that silently covered less would make "no differences" mean less
            print(f"not found, left out: {path}", file=sys.stderr)
    return found


def _govlint(*args: str) -> object:
    proc = subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return {"exit": proc.returncode, "stderr": proc.stderr[-2000:]}
    data = json.loads(proc.stdout)
    if isinstance(data, dict):
        data.pop("version", None)
    return data


def snapshot(out: Path, paths: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for report in _reports(paths):
        name = f"{report.parent.name}__{report.name}"
        parsed = _govlint("parse", "--format", "json", str(report))
        checked = _govlint("check", "--format", "json", "--exit-zero", str(report))
        for kind, data in (("parse", parsed), ("check", checked)):
            (out / f"{name}.{kind}.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
            )
        print(name, file=sys.stderr)


def _diff(old: object, new: object, where: str, out: list[str]) -> None:
    if type(old) is not type(new):
        out.append(f"{where}: {old!r} -> {new!r}")
    elif isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if key not in new:
                out.append(f"{where}.{key}: removed ({old[key]!r})")
            elif key not in old:
                out.append(f"{where}.{key}: added ({new[key]!r})")
            else:
                _diff(old[key], new[key], f"{where}.{key}", out)
    elif isinstance(old, list):
        if len(old) != len(new):
            out.append(f"{where}: {len(old)} items -> {len(new)} items")
        for i, (a, b) in enumerate(zip(old, new)):
            _diff(a, b, f"{where}[{i}]", out)
    elif old != new:
        out.append(f"{where}: {old!r} -> {new!r}")


def compare(old_dir: Path, new_dir: Path) -> int:
    differences: list[str] = []
    names = sorted({p.name for p in old_dir.glob("*.json")} | {p.name for p in new_dir.glob("*.json")})
    for name in names:
        old, new = old_dir / name, new_dir / name
        if not old.exists() or not new.exists():
            differences.append(f"{name}: only in {'new' if new.exists() else 'old'}")
            continue
        _diff(json.loads(old.read_text("utf-8")), json.loads(new.read_text("utf-8")), name, differences)
    print("\n".join(differences) if differences else f"no differences in {len(names)} outputs")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "snapshot":
        snapshot(Path(argv[1]), [Path(p) for p in argv[2:]] or DEFAULT_PATHS)
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
