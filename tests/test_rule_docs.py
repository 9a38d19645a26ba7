"""The rule documentation is generated from the rules' docstrings, and the committed copies
(README.md's rule table, docs/rules.md) are current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from govlint.cli import cli
from govlint.rule_docs import REGENERATE, builtin_outputs, docstring_markdown, rule_table, with_table
from govlint_rules import all_rules

ROOT = Path(__file__).resolve().parents[1]


def test_readme_table_and_docs_rules_md_are_current():
    for path, expected in builtin_outputs(ROOT).items():
        assert path.read_text(encoding="utf-8") == expected, \
            f"{path.relative_to(ROOT)} is stale: run `{REGENERATE}` at the repository root"


def test_markdown_table_lists_every_registered_rule():
    result = CliRunner().invoke(cli, ["rules", "--format", "markdown"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if line.startswith("| ") and "---" not in line][1:]
    codes = [row.split("|")[1].strip() for row in rows]
    assert set(r.code for r in all_rules()) <= set(codes) and codes == sorted(codes)
    assert "PV101" in codes  # an installed plugin's rules are listed too
    gl201 = next(r for r in all_rules() if r.code == "GL201")
    assert f"| GL201 | table3-balance | error | {gl201.summary} |" in result.output


def test_full_reference_has_each_rule_under_its_family():
    result = CliRunner().invoke(cli, ["rules", "--format", "markdown", "--full"], catch_exceptions=False)
    assert result.exit_code == 0
    out = result.output
    assert out.index("## Tables") < out.index("### GL201 table3-balance") < out.index("## Template")
    assert "**Failing example:**" in out and "Options: `agency-kind` (default `'auto'`)" in out
    assert CliRunner().invoke(cli, ["rules", "--full"]).exit_code == 2


def test_docstring_markdown_converts_code_and_literal_blocks():
    docs = "Title.\n\nWhat it checks: ``a``\nand ``b\nc``. Example::\n\n    key: 1\n      nested: 2\n\nAfter."
    assert docstring_markdown(docs) == (
        "Title.\n\n**What it checks:** `a`\nand `b\nc`. Example:\n\n```\nkey: 1\n  nested: 2\n```\n\nAfter.\n")


def test_table_replaces_only_the_text_between_the_markers():
    from govlint.rule_docs import README_END, README_START

    readme = f"intro\n{README_START}\nold table\n{README_END}\noutro\n"
    table = rule_table(all_rules()[:1])
    assert with_table(readme, table) == f"intro\n{README_START}\n{table}{README_END}\noutro\n"
