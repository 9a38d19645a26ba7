"""A finding's table excerpt (``Finding.table``) drawn as an HTML table, wrong cells marked.

The excerpt is data built in the worker (``govlint.reporters.table_view.TableExcerpt``): the
table's name, the columns and rows the identity involves, each cell's shown value (the
possible values of a glued cell joined by ``|``), whether it was blank, whether the finding
marks it wrong, and the identity with its numbers. A wrong cell is marked three ways, so that
it survives a black-and-white printout and a screen reader: colour, a heavy outline, and the
words 有误 in its title and in hidden text.
"""

from __future__ import annotations

from govlint.reporters.html.markup import attr, text


def table_html(table) -> str:
    """``<figure>`` with the excerpt's table and its identity; "" when there is none."""
    if table is None:
        return ""
    data = table if isinstance(table, dict) else table.to_dict()
    if not data.get("rows"):
        return ""
    head = "".join(f"<th scope=col>{text(c['label'])}</th>" for c in data["columns"])
    rows = "".join(f"<tr><th scope=row>{text(row['label'])}</th>{''.join(_cell(c) for c in row['cells'])}</tr>"
                   for row in data["rows"])
    identity = data.get("identity") or ""
    return (f"<figure class=excerpt-table><div class=scroll><table><caption>{text(data.get('name', ''))}</caption>"
            f"<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
            + (f"<figcaption>{text(identity)}</figcaption>" if identity else "") + "</figure>")


def _cell(cell: dict) -> str:
    shown = cell.get("shown", "")
    if cell.get("blank") and not shown:
        shown = "（空）"
    notes = []
    if len(cell.get("values") or ()) > 1:
        notes.append("可能的读法：" + " / ".join(str(v) for v in cell["values"]))
    if cell.get("blank"):
        notes.append("空白，按 0 计算")
    if cell.get("marked"):
        title = "；".join(["有误", *notes])
        return (f"<td class=wrong title=\"{attr(title)}\"><strong>{text(shown)}</strong>"
                f"<span class=sr>（有误）</span></td>")
    cls = " class=blank" if cell.get("blank") else ""
    title = f" title=\"{attr('；'.join(notes))}\"" if notes else ""
    return f"<td{cls}{title}>{text(shown)}</td>"
