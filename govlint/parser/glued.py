"""Splitting digit runs that a text extraction glued together (``1000001`` → 7 cells).

A split is accepted only when it is provably the only one: every cell a non-negative integer
written without a leading zero (a ``0`` cell is a single ``0``), and exactly one way to cut
the runs into the number of cells the row needs. The table's arithmetic is never used to
choose between splits — otherwise the arithmetic rules could never find an error there.
"""

from __future__ import annotations

from functools import lru_cache

#: runs longer than this are not split (no real row needs it; keeps the search small)
MAX_RUN = 64


@lru_cache(maxsize=4096)
def _ways(run: str, parts: int) -> tuple[int, tuple[str, ...] | None]:
    """(number of valid splits of ``run`` into ``parts`` cells capped at 2, the split if one)."""
    n = len(run)
    if parts < 1 or parts > n:
        return 0, None
    if parts == 1:
        ok = run == "0" or run[0] != "0"
        return (1, (run,)) if ok else (0, None)
    # count[i][k]: splits of run[i:] into k valid cells (capped at 2); choice keeps one cut
    count = [[0] * (parts + 1) for _ in range(n + 1)]
    cut = [[0] * (parts + 1) for _ in range(n + 1)]
    count[n][0] = 1
    for i in range(n - 1, -1, -1):
        for k in range(1, parts + 1):
            total = 0
            if run[i] == "0":
                ends = (i + 1,)          # a zero cell is the single digit 0
            else:
                ends = range(i + 1, n - k + 2)
            for j in ends:
                sub = count[j][k - 1]
                if sub:
                    total += sub
                    cut[i][k] = j
                    if total >= 2:
                        break
            count[i][k] = min(total, 2)
    found = count[0][parts]
    if found != 1:
        return found, None
    cells, i, k = [], 0, parts
    while k:
        j = cut[i][k]
        cells.append(run[i:j])
        i, k = j, k - 1
    return 1, tuple(cells)


def split_runs(runs: list[str], needed: int) -> tuple[int, list[tuple[str, ...]] | None]:
    """Cut ``runs`` (in order) into ``needed`` cells in total.

    Returns (number of valid ways capped at 2, the cells of each run when exactly one way).
    A run that is not a plain digit string (a decimal, a mark) counts as one fixed cell; a run
    with a leading minus splits like its digits, the sign going with the first cell.
    """
    m = len(runs)
    if m == 0:
        return (1, []) if needed == 0 else (0, None)
    options: list[list[tuple[int, int, tuple[str, ...] | None]]] = []
    for run in runs:
        # a minus glued after digits (107-35436: 107, -35, 436) starts a signed run whose
        # digits may hold several cells too, the sign going with the first
        sign = "-" if run[:1] == "-" else ""
        digits = run[len(sign):]
        if not digits.isdigit() or len(digits) > MAX_RUN:
            options.append([(1, 1, (run,))])
            continue
        opts = []
        for k in range(1, min(len(digits), needed) + 1):
            count, cells = _ways(digits, k)
            if count:
                if sign and cells is not None:
                    cells = (sign + cells[0],) + cells[1:]
                opts.append((k, count, cells))
        options.append(opts)
    # dp[i][j]: ways to cut runs[i:] into j cells (capped at 2)
    dp = [[0] * (needed + 1) for _ in range(m + 1)]
    dp[m][0] = 1
    for i in range(m - 1, -1, -1):
        for j in range(needed + 1):
            total = 0
            for k, count, _ in options[i]:
                if k <= j and dp[i + 1][j - k]:
                    total += count * dp[i + 1][j - k]
                    if total >= 2:
                        break
            dp[i][j] = min(total, 2)
    if dp[0][needed] != 1:
        return dp[0][needed], None
    out, j = [], needed
    for i in range(m):
        for k, count, cells in options[i]:
            if k <= j and dp[i + 1][j - k] and count == 1:
                out.append(cells)
                j -= k
                break
    return 1, out


#: a row whose digits can be cut in more ways than this is unreadable (its cells stay unknown);
#: the issue asks for at least 10,000, and real glued rows of table 三 have a few hundred at most
MAX_READINGS = 20_000


def _count_cells(run: str, parts: int, cap: int) -> int:
    """Valid splits of ``run`` into ``parts`` cells, counted up to ``cap`` (then ``cap``)."""
    n = len(run)
    if parts < 1 or parts > n:
        return 0
    count = [[0] * (parts + 1) for _ in range(n + 1)]
    count[n][0] = 1
    for i in range(n - 1, -1, -1):
        for k in range(1, parts + 1):
            ends = (i + 1,) if run[i] == "0" else range(i + 1, n - k + 2)
            count[i][k] = min(cap, sum(count[j][k - 1] for j in ends))
    return count[0][parts]


def _cuts(run: str, parts: int):
    """Every valid split of ``run`` into ``parts`` cells (call only when counted small)."""
    if parts == 1:
        if run == "0" or run[0] != "0":
            yield (run,)
        return
    if len(run) < parts:
        return
    ends = (1,) if run[0] == "0" else range(1, len(run) - parts + 2)
    for j in ends:
        for rest in _cuts(run[j:], parts - 1):
            yield (run[:j],) + rest


def _parts(run: str) -> tuple[str, str, str]:
    """(sign, digits to cut, fraction that stays with the last cell): ``-12`` → ("-", "12", ""),
    ``3922533.2`` → ("", "3922533", ".2"), a run of anything else → ("", "", "")."""
    sign = "-" if run[:1] == "-" else ""
    body = run[len(sign):]
    digits, dot, fraction = body.partition(".")
    if not digits.isdigit() or len(digits) > MAX_RUN or (dot and not fraction.isdigit()):
        return "", "", ""
    return sign, digits, dot + fraction


def _run_options(run: str, needed: int, cap: int):
    """(cells taken, number of splits) for each way one run can be cut."""
    sign, digits, _ = _parts(run)
    if not digits:
        return [(1, 1)]
    return [(k, c) for k in range(1, min(len(digits), needed) + 1)
            if (c := _count_cells(digits, k, cap))]


def count_readings(runs: list[str], needed: int, cap: int = MAX_READINGS + 1) -> int:
    """How many ways ``runs`` can be cut into ``needed`` cells, counted up to ``cap``."""
    return _ways_table(runs, needed, cap)[0][needed]


def _ways_table(runs: list[str], needed: int, cap: int) -> list[list[int]]:
    """``ways[i][j]``: cuts of ``runs[i:]`` into ``j`` cells, capped at ``cap``."""
    m = len(runs)
    options = [_run_options(run, needed, cap) for run in runs]
    ways = [[0] * (needed + 1) for _ in range(m + 1)]
    ways[m][0] = 1
    for i in range(m - 1, -1, -1):
        for j in range(needed + 1):
            ways[i][j] = min(cap, sum(c * ways[i + 1][j - k] for k, c in options[i] if k <= j))
    return ways


def readings(runs: list[str], needed: int, limit: int = MAX_READINGS) -> list[tuple[tuple[str, ...], ...]] | None:
    """Every way to cut ``runs`` (in order) into ``needed`` cells: per reading, each run's cells.

    Spaces and separators in the source are certain boundaries, so a reading never joins two
    runs; inside a run every cell is a number without a leading zero (``0`` alone is a cell).
    A leading minus goes with the first cell, a decimal fraction with the last (an amount
    glued after counts: ``3922533.2``); any other run is one fixed cell. Returns None when there are more than ``limit`` readings (the row is then
    unreadable); an empty list when there is none.
    """
    ways = _ways_table(runs, needed, limit + 1)
    total = ways[0][needed]
    if total > limit:
        return None
    if total == 0:
        return []
    out: list[tuple[tuple[str, ...], ...]] = []

    def walk(i: int, left: int, acc: tuple):
        if i == len(runs):
            if left == 0:
                out.append(acc)
            return
        run = runs[i]
        sign, digits, fraction = _parts(run)
        if not digits:
            if left >= 1 and ways[i + 1][left - 1]:
                walk(i + 1, left - 1, acc + ((run,),))
            return
        for k in range(1, min(len(digits), left) + 1):
            if not ways[i + 1][left - k]:
                continue
            for cells in _cuts(digits, k):
                if sign:
                    cells = (sign + cells[0],) + cells[1:]
                if fraction:
                    cells = cells[:-1] + (cells[-1] + fraction,)
                walk(i + 1, left - k, acc + (cells,))

    walk(0, needed, ())
    return out
