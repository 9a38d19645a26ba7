"""The dataset export: ``govlint parse --format csv|jsonl``, one row per report.

Analysts want the table values of a whole province as one dataset. Each report becomes one
flat row: the file, its agency, year and template, every cell of tables 二/三/四 under a stable
column name (``t3.new.natural``), and the ratios evaluators compute from them. The pieces:

- ``columns``: the column names, derived from the format records (``govlint.format``), never
  spelled here;
- ``ratios``: the derived ratios as records, each with the formula the docs print;
- ``rows``: one parsed report (or an unreadable file) → one row;
- ``writers``: CSV (UTF-8 with a BOM, for Excel) and JSON Lines, written row by row, so
  memory does not grow with the number of files.

The columns and formulas are documented in docs/output.md and docs/parse-format.md.
"""
