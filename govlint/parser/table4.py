"""表四 (行政复议、行政诉讼): a two-level header, then one row of 15 numbers.

The 15 numbers are assigned in the order of the leaf headers when all 15 were recognised
(three groups of 结果维持/结果纠正/其他结果/尚未审结/总计), else in the template's order.
"""

from __future__ import annotations

from govlint.format import location as cell_location
from govlint.format import table4 as t4
from govlint.parser.builder import TableBuilder
from govlint.parser.stream import SEP
from govlint.parser.values import has_numbers, read_gap, take

NAME = t4.NAME
_GROUPS = t4.groups()
_OUTCOMES = t4.outcomes()


def location(group: str, outcome: str) -> str:
    return cell_location("table4", group, outcome)


def _template_order():
    return [(g, o) for g in _GROUPS for o in _OUTCOMES]


def _blank_row(gap) -> bool:
    """Exactly one blank cell per column after the header, and nothing else."""
    return (gap is not None and not gap.prose and len(gap.tokens) == 15
            and all(t.kind == "blank" for t in gap.tokens))


def _past_header_fragments(text: str, start: int, end: int) -> int:
    """The offset after the whole pieces right after ``start`` made only of header characters.

    An extraction may glue the cut words of the two-level header into one piece
    (``维持纠正结果审结维持纠正结果审结``) that no label matches; long enough to look like prose,
    it would end the table before its 15 values.
    """
    chars = t4.header_characters()
    pos, after = start, start
    first = True
    while pos < end:
        cut = text.find(SEP, pos + 1, end)
        cut = end if cut < 0 else cut
        words = text[pos:cut].replace(SEP, "").replace("|", " ").replace("｜", " ").split()
        if words and all(ch in chars for word in words for ch in word):
            after = cut
        elif words or not first:  # the rest of the label's own piece may be empty; a blank cell ends
            break
        first = False
        pos = cut
    return after


def parse_table4(stream, hits: list, limit: int):
    text = stream.text
    builder = TableBuilder("table4", stream)
    leaves: list[str] = []
    groups: list[str] = []
    data, values, reason = None, None, None
    current = None                       # the group whose header was seen last
    per_group: dict[str, list] = {}      # layouts that print each group's 5 numbers apart
    last_gap = None                      # what follows the last header label
    for i, hit in enumerate(hits):
        if hit.start >= limit:
            break
        nxt = hits[i + 1].start if i + 1 < len(hits) and hits[i + 1].start < limit else limit
        gap = last_gap = read_gap(text, _past_header_fragments(text, hit.end, nxt), nxt)
        builder.label(hit, hit.key)
        if hit.tag == "out":
            leaves.append(hit.key)
        elif hit.key != "litigation":
            current = hit.key
            if hit.key not in groups:
                groups.append(hit.key)
        if gap.prose or not has_numbers(gap):
            # a note between the header and the numbers (注：…) is passed over
            continue
        found, why = take(gap, 15)
        if found is not None and any(v.options for v in found):
            # glued digits that read several ways as 15 cells may be one group's 5 printed apart
            five, _ = take(gap, 5)
            if five is not None and not any(v.options for v in five) and current in _GROUPS:
                found = None
        if data is None:
            data, reason = gap, why
        if found is not None:
            values, reason = found, None
            break
        five, _ = take(gap, 5)
        if five is not None and current in _GROUPS and current not in per_group:
            per_group[current] = five
            if len(per_group) == 3:
                break
    if values is None and len(per_group) == 3:
        for group in _GROUPS:
            builder.row(group, _OUTCOMES, per_group[group])
        return builder
    if data is None and _blank_row(last_gap):
        # a data row left blank (the blank Word template): 15 blank cells, not a missing row
        data, values = last_gap, take(last_gap, 15)[0]
    if data is None:
        builder.problem("未找到表四的数值行")
        return builder
    order = _template_order()
    if len(leaves) == 15 and all(sorted(leaves[i:i + 5]) == sorted(_OUTCOMES)
                                 for i in (0, 5, 10)):
        group_order = [g for g in groups if g in _GROUPS]
        if sorted(group_order) != sorted(_GROUPS):
            group_order = list(_GROUPS)
        order = [(group_order[i // 5], leaves[i]) for i in range(15)]
    if values is None:
        builder.problem(f"数值行{reason}", reason)
        return builder
    for (group, outcome), value in zip(order, values):
        builder.cell(group, outcome, value, location(group, outcome))
    return builder
