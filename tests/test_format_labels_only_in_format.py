"""No module but govlint/format spells a table label in code.

Scans the string constants of every module under govlint/ and rules/ (docstrings and the
rules' ``summary`` lines, which are documentation, excepted) for a handful of labels that only
the statistical tables print. A rule that needs a label in a message takes it from the format
records, so renaming a label or adding an alias stays a change in one place.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: labels only the tables print: one from each table and template, a row, a column, a group
DISTINCTIVE = ("本年新收", "结转下年度", "予以公开", "行政规范性文件", "结果维持", "本年制发件数",
               "复议后起诉", "不予处理", "信访举报投诉类申请", "本年新制作数量", "法律服务机构", "尚未审结")
FORMAT = ROOT / "govlint" / "format"


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the docstring and ``summary = "…"`` constants of a module."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "summary"
                                                for t in node.targets):
            out.add(id(node.value))
    return out


def spelt_labels(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _documentation(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found.extend((node.lineno, label) for label in DISTINCTIVE if label in node.value)
    return found


def modules():
    for folder in (ROOT / "govlint", ROOT / "rules"):
        for path in sorted(folder.rglob("*.py")):
            if FORMAT not in path.parents:
                yield path


def test_the_scan_finds_labels_in_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""本年新收 in a docstring is fine."""\nLABEL = "（一）予以公开"\n'
                      'class R:\n    summary = "结果维持 in a summary is fine"\n', encoding="utf-8")
    assert spelt_labels(sample) == [(2, "予以公开")]


def test_no_module_outside_the_format_package_spells_a_table_label():
    offenders = {str(path.relative_to(ROOT)): found for path in modules() if (found := spelt_labels(path))}
    assert not offenders, offenders


def test_the_format_package_does_spell_them():
    text = "".join(p.read_text(encoding="utf-8") for p in FORMAT.rglob("*.py"))
    assert all(label in text for label in DISTINCTIVE)
