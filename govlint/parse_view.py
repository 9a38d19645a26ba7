"""``govlint parse``: what govlint understood of each file, as data or as tables."""

from __future__ import annotations


def parse_paths(files, registry, cells: bool = False, max_size: int | None = None,
                agencies: dict | None = None) -> list[dict]:
    """One dict per file (see docs/parse-format.md); a file that cannot be read says why.

    ``agencies`` is the config's ``agencies`` (names of one agency), for the agency key.

    ``max_size`` defaults to the engine's ``max-file-size`` default (50 MB): a larger file is
    an error, as in ``govlint check``.
    """
    from govlint.engine import DEFAULT_MAX_FILE_SIZE, display_path

    from govlint.corpus.agency import alias_map

    if max_size is None:
        max_size = DEFAULT_MAX_FILE_SIZE
    aliases = alias_map(agencies)
    out = []
    for path in files:
        out.append(_parse_one(path, display_path(path), registry, cells, max_size, aliases))
    return out


def _read(path, max_size: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or why there are none. Never blocks on a FIFO or a device."""
    import os
    import stat

    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            return None, "不是普通文件"
        from govlint.regular_file import read_at_most

        with open(path, "rb") as handle:
            data = read_at_most(handle, max_size, status.st_size)
    except OSError as exc:
        return None, f"无法读取文件: {exc.strerror or exc}"
    if len(data) > max_size:
        return None, f"文件过大（超过上限 {max_size} 字节）"
    if not data.strip():
        return None, "文件为空"
    return data, None


def load_report(path, shown, registry, max_size: int):
    """``(report, None, problems)`` for a file the parser read, else ``(None, failure,
    problems)`` with ``failure`` the ``{"path", "error"[, "problems"]}`` that ``govlint parse``
    shows for it; ``problems`` are the loader's messages. Shared by every parse output."""
    from govlint.parser import parse

    data, error = _read(path, max_size)
    if error is not None:
        return None, {"path": shown, "error": error}, []
    loader = registry.loader_for(path, data[:1024])
    if loader is None:
        return None, {"path": shown, "error": "不支持的文件类型"}, []
    try:
        document = loader.load(shown, data)
    except Exception as exc:  # noqa: BLE001 - parse must show every file
        return None, {"path": shown, "error": f"{type(exc).__name__}: {exc}"}, []
    problems = [f.message for f in document.problems]
    unreadable = [f.message for f in document.problems if f.code == "GL001"]
    if unreadable:  # as in govlint check, a GL001 stops the file before the parser
        failure = {"path": shown, "error": unreadable[0]}
        if len(problems) > 1:
            failure["problems"] = problems
        return None, failure, problems
    try:
        report = parse(document)
    except Exception as exc:  # noqa: BLE001 - parse must show every file
        return None, {"path": shown, "error": f"{type(exc).__name__}: {exc}"}, problems
    return report, None, problems


def _parse_one(path, shown, registry, cells, max_size, aliases=None) -> dict:
    from govlint.corpus.agency import report_agency
    from govlint.parser.serialize import report_cells, report_to_dict

    report, failure, problems = load_report(path, shown, registry, max_size)
    if report is None:
        return failure
    result = report_to_dict(report)
    result["metadata"]["agency_key"] = report_agency(report, aliases)[0]
    if problems:
        result["problems"] = problems
    if cells:
        result["cells"] = list(report_cells(report))
    return result


def print_terminal(results: list[dict]) -> None:
    """Readable tables of the same data (rich).

    Everything that comes from a file (paths, titles, headings, keys) is escaped: rich would
    read ``[...]`` in it as markup.
    """
    from rich.cells import cell_len
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from govlint.reporters.sanitize import visible

    def e(value) -> str:
        return escape(visible(str(value)))

    console = Console()
    for result in results:
        console.rule(f"[bold]{e(result['path'])}")
        if "error" in result:
            console.print(f"[red]{e(result['error'])}")
            continue
        meta = result.get("metadata") or {}
        period = meta.get("period") or {}
        console.print(f"格式: {e(result.get('format'))}    模板: {e(result.get('template'))}")
        console.print(f"标题: {e(meta.get('title'))}\n机关: {e(meta.get('agency'))}    "
                      f"机关键: {e(meta.get('agency_key'))}    年度: {e(meta.get('year'))}    "
                      f"发布: {e(meta.get('published'))}    统计期: {e(period.get('start'))} – {e(period.get('end'))}")
        for problem in result.get("problems") or []:
            console.print(f"[yellow]{e(problem)}")
        sections = Table(title="章节", show_lines=False)
        for column in ("序号", "键", "标题", "行"):
            sections.add_column(column)
        for s in result.get("sections", []):
            sections.add_row(e(s.get("number")), e(s.get("key")), e(s.get("heading")), e(s.get("line")))
        console.print(sections)
        for name, table in (result.get("tables") or {}).items():
            if not table:
                console.print(f"{e(name)}: 未识别")
                continue
            grid = table.get("rows") or table.get("groups") or {}
            columns: list[str] = []
            for row in grid.values():
                for col in row:
                    if col not in columns:
                        columns.append(col)
            view = Table(title=e(f"{name}（{'完整' if table.get('complete') else '不完整'}）"))
            # the row keys (not_processed.1, litigation_after_review) are what a reader looks
            # up: never cut or wrapped; the number columns give way first
            widest = max((cell_len(str(key)) for key in grid), default=0)
            view.add_column("", no_wrap=True, min_width=widest)
            for col in columns:
                view.add_column(e(col), justify="right", overflow="fold")
            for row_key, row in grid.items():
                view.add_row(e(row_key), *("" if row.get(c) is None else e(row.get(c)) for c in columns))
            console.print(view)
            for problem in table.get("problems") or []:
                console.print(f"[yellow]  {e(problem)}")
