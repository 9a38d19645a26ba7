"""A finding's table excerpt (``Finding.table``) drawn as an HTML table, wrong cells marked.

The excerpt is data built in the worker (``govlint.reporters.table_view``): the table's name,
the column labels, the rows the identity involves as (label, cells), each cell's shown value,
its possible values when the source glued digits, whether it is marked wrong, and the identity
with its numbers. A wrong cell is marked three ways, so that it survives a black-and-white
printout and a screen reader: colour, a heavy border, and the words 有误 in its title and in
hidden text.
"""

from __future__ import annotations

from govlint.reporters.html.markup import attr, text


def as_dict(table) -> dict | None:
    """The excerpt as a plain dict, whatever object carries it."""
    if table is None:
        return None
    if isinstance(table, dict):
        return table
    to_dict = getattr(table, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def table_html(table) -> str:
    """``<figure>`` with the excerpt's table and its identity; "" when there is none."""
    data = as_dict(table)
    if not data or not data.get("rows"):
        return ""
    columns = list(data.get("columns") or ())
    head = "".join(f"<th scope=col>{text(label)}</th>" for label in columns)
    rows = []
    for row in data["rows"]:
        label, cells = _row(row)
        rows.append(f"<tr><th scope=row>{text(label)}</th>{''.join(_cell(c) for c in cells)}</tr>")
    caption = text(data.get("name") or "")
    identity = data.get("identity") or ""
    return (f"<figure class=excerpt-table><div class=scroll><table><caption>{caption}</caption>"
            f"<thead><tr><td></td>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            + (f"<figcaption>{text(identity)}</figcaption>" if identity else "") + "</figure>")


def _row(row) -> tuple[str, list]:
    if isinstance(row, dict):
        return row.get("label", ""), list(row.get("cells") or ())
    label, cells = row
    return label, list(cells)


def _cell(cell) -> str:
    if not isinstance(cell, dict):
        return f"<td>{text(cell)}</td>"
    values = cell.get("values") or ()
    shown = cell.get("text")
    if shown is None:
        shown = " | ".join(str(v) for v in values) if len(values) > 1 else cell.get("value", "")
    title = f"可能的读法：{' / '.join(str(v) for v in values)}" if len(values) > 1 else ""
    if cell.get("wrong"):
        title = "有误" + (f"；{title}" if title else "")
        return (f"<td class=wrong title=\"{attr(title)}\"><strong>{text(shown)}</strong>"
                f"<span class=sr>（有误）</span></td>")
    return f"<td title=\"{attr(title)}\">{text(shown)}</td>" if title else f"<td>{text(shown)}</td>"
