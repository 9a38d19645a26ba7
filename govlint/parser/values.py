"""Reading the values that follow a row label: numbers, blank cells, marks, glued runs.

The text between one label and the next (a *gap*) is cut into tokens. A gap may hold one
value per piece (a cell per line), several values in one piece (a row on one line, with
spaces or pipes), or digit runs glued together; blank pieces between separators are blank
cells. ``take`` then assigns exactly ``needed`` values, splitting glued runs only when the
split is unique (``glued.split_runs``), and says why when it cannot.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from govlint.lazy_re import lazy_pattern
from govlint.normalize import MAX_DIGITS
from govlint.parser.glued import MAX_READINGS, count_readings, readings, split_runs
from govlint.parser.stream import SEP
from govlint.record import Record

_TOKEN = lazy_pattern(
    r"(?P<sep>\x1f)"
    r"|(?P<num>-?\d(?:[\d,]*\d)?(?:\.\d+)?)(?P<unit>\s?(?:万元|元|件|条|个|项|次|人次))?"
    r"|(?P<space>[\s|｜]+)"
    r"|(?P<mark>--|——|[-/\\]|无|空)(?=[\s|\x1f]|$)"
    r"|(?P<text>[^\s|\x1f\d]+)"
)
#: text this long (or a sentence end) after a label is prose, not part of the table
_PROSE_LEN = 12


class Value(Record):
    """One cell assigned to a column: stream range, text and how it was read.

    ``read_gap`` reads each value as printed straight into one of these (a *token*), and
    ``take`` hands those on as the row's values unless it has to cut or join them: one
    object per cell, never changed once made.
    """

    __slots__ = _fields = ("start", "end", "text", "kind", "split_from", "options", "glued", "piece")

    def __init__(self, start: int, end: int, text: str, kind: str, split_from: str | None = None,
                 options: tuple[str, ...] | None = None, glued: "Glued | None" = None, piece: int = 0) -> None:
        self.start = start
        self.end = end
        # the value text as folded (digits, mark), "" for blank
        self.text = text
        # "num", "mark", "blank"
        self.kind = kind
        # the glued run it was cut from
        self.split_from = split_from
        # the texts it may hold (several readings)
        self.options = options
        # the row's readings, shared by its values
        self.glued = glued
        # which piece of its gap it is in (cells are pieces)
        self.piece = piece


#: a value as ``read_gap`` reads it
Token = Value


class Glued(Record):
    """A row's glued runs and their readings: each reading one text per cell of the row."""

    __slots__ = _fields = ("runs", "readings", "start", "end")

    def __init__(self, runs: tuple[str, ...], readings: list[tuple[str, ...]], start: int, end: int) -> None:
        self.runs = runs
        self.readings = readings
        self.start = start
        self.end = end


class Unseparable(str):
    """A reason that is about the extraction (too many ways to cut the digits), not the report."""


class Gap(Record):
    __slots__ = _fields = ("tokens", "end", "prose")

    def __init__(self, tokens: list[Token], end: int, prose: bool) -> None:
        self.tokens = tokens
        # stream offset just after the last value token (or the gap start)
        self.end = end
        # the gap ran into prose before any value
        self.prose = prose


#: the usual gap in a grid: one count (ASCII digits) or nothing per cell, nothing else
_PLAIN_ROW = lazy_pattern(r"(?:\x1f[0-9]*+)++")


def count_cells(text: str, start: int, end: int) -> list[tuple[int, str]] | None:
    """The cells of a gap that is a row of a grid holding counts and blank cells only (ASCII
    digits or nothing between the separators; the usual row of a table): (stream offset,
    digits) each, "" for a blank cell, None for any other gap. A table parser places such a
    row without a token per cell.

    Each separator opens a cell; the last one opened is a cell only when it holds a count
    (the separator before the next label opens none)."""
    if not _PLAIN_ROW.fullmatch(text, start, end):
        return None
    parts = text[start + 1:end].split(SEP)
    if not parts[-1]:
        parts.pop()
    cells = []
    pos = start + 1
    for part in parts:
        cells.append((pos, part))
        pos += len(part) + 1
    return cells


def count_gap(cells: list[tuple[int, str]], start: int) -> Gap:
    """The gap at ``start`` of a row that ``count_cells`` read, one token per cell."""
    tokens = [Value(pos, pos + len(part), part, "num", None, None, None, piece) if part else
              Value(pos, pos, "", "blank", None, None, None, piece)
              for piece, (pos, part) in enumerate(cells, 1)]
    end = next((t.end for t in reversed(tokens) if t.kind == "num"), start)
    return Gap(tokens, end, False)


def read_gap(text: str, start: int, end: int) -> Gap:
    """Tokens of ``text[start:end]``; stops at text that follows the values."""
    cells = count_cells(text, start, end)
    if cells is not None:
        # a row of a grid whose every cell is a count or blank: the cells are the values,
        # read without matching each separator and number on its own (``_read_tokens`` reads
        # such a gap the same, in twice the time)
        return count_gap(cells, start)
    return _read_tokens(text, start, end)


def _read_tokens(text: str, start: int, end: int) -> Gap:
    """``read_gap`` for any text: token by token."""
    tokens: list[Token] = []
    last = start
    seen_value = False
    piece_open = False     # inside a piece that began after a separator in this gap
    piece_has = False
    sep_at = None
    text_end = -1          # end of the last free-text token
    piece = 0
    for match in _TOKEN.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "unit":
            kind = "num"
        if kind == "sep":
            if piece_open and not piece_has:
                tokens.append(Value(sep_at + 1, sep_at + 1, "", "blank", None, None, None, piece))
            piece_open, piece_has, sep_at = True, False, match.start()
            piece += 1
            continue
        if kind == "space":
            continue
        if kind == "num" and text_end == match.start() and not seen_value:
            # digits glued to a word before any value belong to the word (数据1, 第2项)
            text_end = match.end()
            continue
        if kind == "num":
            tokens.append(Value(match.start("num"), match.end(), match.group("num"), "num", None, None, None, piece))
            last, seen_value, piece_has = match.end(), True, True
        elif kind == "mark":
            tokens.append(Value(match.start(), match.end(), match.group(), "mark", None, None, None, piece))
            last, seen_value, piece_has = match.end(), True, True
        else:
            body = match.group()
            # text in the label's own piece continues the label (…、行政机关不再处理其…)
            long_text = "。" in body or (sep_at is not None and len(body) >= _PROSE_LEN)
            if seen_value or long_text:
                # a label we do not know, or the prose after the table: the values end here
                _drop_trailing_blank(tokens, match.start())
                return Gap(tokens, last, not seen_value)
            piece_has = True
            # a word ending in a letter or ideograph may carry a number (数据1); a closing
            # bracket or colon may not (…情形）500000 is a value run)
            text_end = match.end() if body[-1].isalnum() else -1
    return Gap(tokens, last, False)


def _drop_trailing_blank(tokens, before):
    while tokens and tokens[-1].kind == "blank" and tokens[-1].start >= before:
        tokens.pop()


def take(gap: Gap, needed: int) -> tuple[list[Value] | None, str | None]:
    """Exactly ``needed`` values from a gap, or (None, reason)."""
    values = [t for t in gap.tokens if t.kind != "blank"]
    blanks = [t for t in gap.tokens if t.kind == "blank"]
    if len(values) == needed:
        return values, None
    if len(values) < needed and len(values) + len(blanks) >= needed:
        # blank cells stand for values; blank pieces beyond the row (padding) are dropped
        every = list(gap.tokens)
        excess = len(every) - needed
        lead = next((i for i, t in enumerate(every) if t.kind != "blank"), len(every))
        trail = next((i for i, t in enumerate(reversed(every)) if t.kind != "blank"), len(every))
        if excess == 0:
            return every, None
        if lead + trail >= excess:
            # blanks to drop on both sides (a merged label's cells before, padding after):
            # when which ones decides where the values go, the row is not guessed
            fits = {tuple((t.kind, t.text) for t in every[j:len(every) - (excess - j)])
                    for j in range(max(0, excess - trail), min(lead, excess) + 1)}
            if len(fits) > 1:
                return None, f"空白单元格无法与{needed}列唯一对应"
            j = max(0, excess - trail)
            return every[j:len(every) - (excess - j)], None
    if len(values) > needed:
        merged = _merge_spaced_digits(values, needed)
        if merged is not None:
            return merged, None
        shown = " ".join(t.text for t in values)
        return None, f"应有{needed}个数值，实际有{len(values)}个（{shown}）"
    if not values:
        return None, "缺少数值"
    runs = [t.text for t in values]
    count, cells = split_runs(runs, needed)
    shown = " ".join(runs)
    if count == 0 and any("." in run for run in runs):
        count = min(2, count_readings(runs, needed))   # an amount glued after counts
    if count == 0:
        return None, f"数字“{shown}”无法拆分为{needed}个数值"
    if count > 1 or cells is None:
        return _several(values, runs, needed)
    out: list[Value] = []
    for token, parts in zip(values, cells):
        if len(parts) == 1:
            out.append(token)
            continue
        pos = token.start
        for part in parts:
            out.append(Value(pos, pos + len(part), part, "num", token.text))
            pos += len(part)
    return out, None


def _several(tokens: list[Token], runs: list[str], needed: int):
    """The values of a row whose runs can be cut several ways: every reading kept."""
    found = readings(runs, needed)
    shown = " ".join(runs)
    if found is None:
        return None, Unseparable(f"数字“{shown}”的拆分方式超过{MAX_READINGS}种，无法读取")
    # per reading, each cell's (text, start, end) in the source
    placed = []
    for reading in found:
        cells = []
        for token, parts in zip(tokens, reading):
            pos = token.start
            for part in parts:
                width = len(part) if len(parts) > 1 else token.end - token.start
                cells.append((part, pos, pos + width))
                pos += width
        placed.append(cells)
    glued = Glued(tuple(runs), [tuple(t for t, _, _ in cells) for cells in placed],
                  tokens[0].start, tokens[-1].end) if len(found) > 1 else None
    whole = {(t.start, t.text) for t in tokens}
    out: list[Value] = []
    for i in range(needed):
        seen = {cells[i] for cells in placed}
        texts = sorted({t for t, _, _ in seen}, key=lambda t: (len(t), t))
        start, end = min(a for _, a, _ in seen), max(b for _, _, b in seen)
        if len(texts) == 1:
            text = texts[0]
            kind = "num" if number(text) is not None else "mark"
            split_from = None if len(seen) == 1 and (start, text) in whole else shown
            out.append(Value(start, end, text, kind, split_from, None, glued))
        else:
            out.append(Value(start, end, shown, "num", shown, tuple(texts), glued))
    return out, None


def _merge_spaced_digits(values: list[Token], needed: int) -> list[Value] | None:
    """Cells that print a number with spaces (``1 234``): one value per piece, if that fits."""
    pieces: dict[int, list[Token]] = {}
    for token in values:
        pieces.setdefault(token.piece, []).append(token)
    if len(pieces) != needed or len(pieces) < 2:
        return None
    out = []
    for tokens in pieces.values():
        if not all(t.kind == "num" and t.text.isdigit() for t in tokens):
            return None
        text = "".join(t.text for t in tokens)
        if len(tokens) > 1 and text[0] == "0":
            return None
        out.append(Value(tokens[0].start, tokens[-1].end, text, "num"))
    return out


def number(text: str, amount: bool = False):
    # a value with more digits before the point than MAX_DIGITS is no count or amount (and
    # int() refuses past 4,300 digits, a sum of two such values past printing): not a number
    """The number a value text holds: int for counts, Decimal for amounts or decimals."""
    if not amount and text.isdecimal():  # the usual cell: a count, digits only
        return int(text) if len(text) <= MAX_DIGITS else None
    clean = text.replace(",", "")
    if len(clean.partition(".")[0].lstrip("+-")) > MAX_DIGITS:
        return None
    try:
        if amount or "." in clean:
            return Decimal(clean)
        return int(clean)
    except (ValueError, InvalidOperation):
        return None


def has_numbers(gap: Gap) -> bool:
    return any(t.kind == "num" for t in gap.tokens)


__all__ = ["Gap", "Glued", "Token", "Unseparable", "Value", "count_cells", "count_gap", "has_numbers", "number",
           "read_gap", "take", "SEP"]
