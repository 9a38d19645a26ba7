"""``govlint parse``: what govlint understood of each file, as data or as tables."""

from __future__ import annotations


def parse_paths(files, registry, cells: bool = False) -> list[dict]:
    """One dict per file (see docs/parse-format.md); a file that cannot be read says why."""
    from govlint.engine import display_path

    out = []
    for path in files:
        out.append(_parse_one(path, display_path(path), registry, cells))
    return out


def _parse_one(path, shown, registry, cells) -> dict:
    from govlint.parser import parse
    from govlint.parser.serialize import report_cells, report_to_dict

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return {"path": shown, "error": f"无法读取文件: {exc.strerror or exc}"}
    loader = registry.loader_for(path, data[:1024])
    if loader is None:
        return {"path": shown, "error": "不支持的文件类型"}
    try:
        document = loader.load(shown, data)
        report = parse(document)
    except Exception as exc:  # noqa: BLE001 - parse must show every file
        return {"path": shown, "error": f"{type(exc).__name__}: {exc}"}
    result = report_to_dict(report)
    problems = [f.message for f in document.problems]
    if problems:
        result["problems"] = problems
    if cells:
        result["cells"] = list(report_cells(report))
    return result


def print_terminal(results: list[dict]) -> None:
    """Readable tables of the same data (rich)."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for result in results:
        console.rule(f"[bold]{result['path']}")
        if "error" in result:
            console.print(f"[red]{result['error']}")
            continue
        meta = result.get("metadata") or {}
        period = meta.get("period") or {}
        console.print(f"格式: {result.get('format')}    模板: {result.get('template')}")
        console.print(f"标题: {meta.get('title')}\n机关: {meta.get('agency')}    年度: {meta.get('year')}    "
                      f"发布: {meta.get('published')}    统计期: {period.get('start')} – {period.get('end')}")
        sections = Table(title="章节", show_lines=False)
        for column in ("序号", "键", "标题", "行"):
            sections.add_column(column)
        for s in result.get("sections", []):
            sections.add_row(str(s.get("number")), str(s.get("key")), str(s.get("heading")), str(s.get("line")))
        console.print(sections)
        for name, table in (result.get("tables") or {}).items():
            if not table:
                console.print(f"{name}: 未识别")
                continue
            grid = table.get("rows") or table.get("groups") or {}
            columns: list[str] = []
            for row in grid.values():
                for col in row:
                    if col not in columns:
                        columns.append(col)
            view = Table(title=f"{name}（{'完整' if table.get('complete') else '不完整'}）")
            view.add_column("")
            for col in columns:
                view.add_column(col, justify="right")
            for row_key, row in grid.items():
                view.add_row(row_key, *("" if row.get(c) is None else str(row.get(c)) for c in columns))
            console.print(view)
            for problem in table.get("problems") or []:
                console.print(f"[yellow]  {problem}")
