from govlint.corpus.facts import span
from govlint.corpus.provider import order_key
from govlint.findings import Finding
from govlint.rule import Rule

from ._corpus import name_of, uncertain_cells

#: candidates verified per report: bounded, so that a corpus of many copies stays linear
TOP_K = 10
#: up to this many reports the nearest candidates are found exactly, one vectorised comparison
#: per report, which is quicker than building the LSH index (and importing datasketch, seconds)
EXACT_LIMIT = 500
DEFAULT_THRESHOLD = 0.7


class CopiedReport(Rule):
    """The report's own prose is a near-copy of another report in the run.

    What it checks: the prose of each report's sections (tables, section titles, format
    labels and the preamble before section 一 left out; every number and year masked; the
    agency's own name removed) is cut into 5-character shingles and summarised by a MinHash
    of 128 values. Each report's nearest neighbours (at most 10, so the work grows linearly
    with the run; from ``datasketch``'s LSH forest above 500 reports, exactly below) are
    verified: when the estimated Jaccard similarity with an earlier report reaches the
    threshold (option ``copied-report-threshold``, default 0.7), the later report is
    reported, naming the most similar earlier one and the similarity. Two reports of the same agency and year (a page
    and its text extraction, a corrected version) are never compared; reports whose prose is
    shorter than 200 characters after masking are not compared either.

    Why it matters: an annual report describes the year's work. Last year's report with the
    years and figures changed, or another agency's report with the name changed, says
    nothing about this year or this agency; evaluators (第三方评估) mark it down. Masking the
    figures and names means such a copy is found however carefully the numbers were updated.

    Failing example: 2023 and 2022 reports of one 局 whose 总体情况, 存在的主要问题 and 其他
    事项 differ only in years and figures → ``正文与 2022.txt（2022 年度，某局）高度相似（相似度 0.97…）``.

    Passing example: two reports whose prose each describe their own year's work.
    """

    code = "GL802"
    name = "copied-report"
    severity = "warning"
    scope = "run"
    summary = "报告正文与本次检查中另一份报告高度雷同（照搬往年或其他机关的报告）"
    options = {"copied-report-threshold": DEFAULT_THRESHOLD}
    #: the engine computes the prose sketch of each report only when a rule reads it
    uses_sketch = True

    def validate_option(self, key, value):
        if key == "copied-report-threshold" and not 0 < value <= 1:
            return "应为大于 0、不超过 1 的相似度（如 0.7）"
        return None

    def check_run(self, facts, ctx):
        threshold = float(ctx.option("copied-report-threshold", DEFAULT_THRESHOLD))
        entries, sketches = _publications(facts)
        if len(entries) < 2:
            return
        import numpy  # only when there is something to compare: a one-file run never loads it

        matrix = numpy.vstack(sketches)
        del sketches
        candidates = _exact(matrix) if len(entries) <= EXACT_LIMIT else _forest(matrix)
        best: dict[int, tuple] = {}  # later report → (similarity, earlier's order key, earlier report)
        for i, entry in enumerate(entries):
            for j in candidates(i):
                other = entries[j]
                if j == i or (entry[1] is not None and other[1:3] == entry[1:3]):
                    continue  # never the same agency's same year
                similarity = float(numpy.mean(matrix[i] == matrix[j]))
                if similarity < threshold:
                    continue
                # a pair found from either side counts for the later report
                earlier, later = (j, i) if other[0] < entry[0] else (i, j)
                found = (similarity, entries[earlier][0], earlier)
                if later not in best or found[:2] > best[later][:2]:
                    best[later] = found
        for later in sorted(best):
            similarity, _, earlier = best[later]
            yield self._finding(facts.get(entries[later][3]), facts.get(entries[earlier][3]), similarity)

    def _finding(self, record, source, similarity):
        same = record.get("agency") is not None and record.get("agency") == source.get("agency")
        kind = "本机关往年报告" if same else "其他机关的报告"
        message = (f"正文与{kind} {name_of(source)} 高度相似（相似度 {similarity:.2f}，数字、年份和机关名称不计，"
                   f"表格与固定格式文字除外）：请确认本报告是否照搬")
        return Finding(message, path=record["path"], location="正文", span=span(record),
                       properties={"other": source["path"], "similarity": round(similarity, 3),
                                   "same_agency": same})


def _publications(facts):
    """(order key, agency, year, path) and the sketch of each report with one, copies of one
    publication (same agency, year and signature) reduced to the best-read one."""
    best: dict[tuple, tuple] = {}
    alone = []
    for record in facts:
        if not record.get("sketch"):
            continue  # a run without sketches (one file) imports no numpy at all
        import numpy

        entry = ((order_key(record), record.get("agency"), record.get("year"), record["path"]),
                 numpy.array(record["sketch"], dtype=numpy.uint32))
        if not record.get("signature"):
            alone.append(entry)
            continue
        key = (record.get("agency"), record.get("year"), record["signature"])
        rank = (uncertain_cells(record), record["path"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, entry)
    chosen = sorted(alone + [entry for _, entry in best.values()], key=lambda e: e[0][3])
    return [e[0] for e in chosen], [e[1] for e in chosen]


def _forest(matrix):
    """``candidates(i)``: report i's approximate nearest neighbours, from datasketch's LSH forest."""
    from datasketch import MinHashLSHForest

    forest = MinHashLSHForest(num_perm=matrix.shape[1])
    for i, row in enumerate(matrix):
        forest.add(i, _Sketch(row))
    forest.index()
    return lambda i: forest.query(_Sketch(matrix[i]), TOP_K + 1)


def _exact(matrix):
    """``candidates(i)``: report i's nearest neighbours by estimated similarity, computed exactly."""
    import numpy

    def candidates(i):
        similarity = (matrix == matrix[i]).mean(axis=1)
        return [int(j) for j in numpy.argsort(-similarity, kind="stable")[:TOP_K + 1]]
    return candidates


class _Sketch:
    """What the forest reads of a MinHash: its hash values (no permutations to build)."""

    def __init__(self, hashvalues):
        self.hashvalues = hashvalues  # uint32: the forest keeps 4 bytes per hash value

    def __len__(self):
        return len(self.hashvalues)
