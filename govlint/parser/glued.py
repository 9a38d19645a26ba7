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
