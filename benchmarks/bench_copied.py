"""How long GL802 (copied-report) takes on a generated corpus of near-copies, and how it scales.

Generates N reports' facts: families of copies of one prose text (the agency name, the years
and the figures changed in each copy, one sentence in twenty rewritten), plus reports of their
own; computes each report's prose sketch as the worker would (``govlint.corpus.prose``),
then runs GL802's ``check_run`` over an in-memory ``Facts``. Prints the time of each stage,
the findings, and how many of them join two members of one family; with ``--truth``, also
every pair's estimated similarity, to count the reports that have an earlier report above the
threshold and were missed (the recall of the bounded search). The
search verifies at most ``TOP_K`` candidates per report, so its time grows linearly with N,
never with the number of pairs (N² / 2).

    .venv/bin/python benchmarks/bench_copied.py [-n 10000] [--family 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: words the generated sentences are made of (each report's prose is ~40 sentences of them)
WORDS = ("公开", "政务", "信息", "平台", "申请", "办理", "答复", "解读", "政策", "监督", "制度", "规范", "培训",
         "考核", "网站", "栏目", "民生", "服务", "数据", "审查", "清理", "文件", "群众", "企业", "标准", "流程",
         "质量", "时限", "咨询", "反馈", "整改", "落实", "推进", "完善", "加强", "优化", "提升", "健全", "统筹",
         "重点", "领域", "事项", "目录", "指南", "便民", "热线", "会议", "决策", "预算", "决算", "采购", "项目")


def sentence(rng: random.Random) -> str:
    words = "".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14)))
    return f"{words}{rng.randint(1, 999)}项。"


def prose(rng: random.Random, sentences: int = 40) -> list[str]:
    return [sentence(rng) for _ in range(sentences)]


def copy_of(base: list[str], rng: random.Random) -> list[str]:
    out = []
    for line in base:
        line = line.replace(line[-5:], f"{rng.randint(1, 999)}项。") if rng.random() < 0.5 else line
        out.append(sentence(rng) if rng.random() < 0.05 else line)
    return out


def generate(n: int, family: int, seed: int):
    """(path, agency, year, text, family id or None) for n reports, about half in families."""
    from govlint.corpus import prose as prose_mod

    rng = random.Random(seed)
    reports = []
    while len(reports) < n:
        i = len(reports)
        if rng.random() < 1 / family:  # about half the reports are in families
            base = prose(rng)
            for k in range(min(family, n - len(reports))):
                agency = f"某省某市第{i + k}局"
                text = f"{agency}{2019 + k % 7}年" + "".join(copy_of(base, rng))
                reports.append((f"r{len(reports):06d}.txt", agency, 2019 + k % 7, text, i))
        else:
            agency = f"某省某市第{i}局"
            reports.append((f"r{i:06d}.txt", agency, 2023, agency + "".join(prose(rng)), None))
    return reports, prose_mod


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--family", type=int, default=20, help="copies per family")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--truth", action="store_true",
                        help="also compare every pair (N²/2, for small N) to measure the recall of the search")
    args = parser.parse_args()

    from govlint.corpus.prose import letters, sketch
    from govlint.corpus.provider import MemoryFacts
    from govlint.rule import RuleContext
    from govlint_rules.corpus.gl802_copied_report import CopiedReport

    start = time.perf_counter()
    reports, _ = generate(args.n, args.family, args.seed)
    facts = MemoryFacts()
    family = {}
    t0 = time.perf_counter()
    for path, agency, year, text, fam in reports:
        masked = letters(text).replace(letters(agency), "")
        import re

        masked = re.sub(r"\d+", "0", masked)
        facts.add({"path": path, "agency": agency, "agency_name": agency, "year": year, "published": None,
                   "signature": None, "tables": {}, "sketch": sketch(masked)})
        family[path] = fam
    t1 = time.perf_counter()
    findings = list(CopiedReport().check_run(facts, RuleContext(options={})))
    t2 = time.perf_counter()
    right = sum(1 for f in findings if family[f.path] is not None and family[f.path] == family[f.properties["other"]])
    copies = sum(1 for fam in family.values() if fam is not None)
    families = len({fam for fam in family.values() if fam is not None})
    print(f"reports: {len(reports)} ({copies} in {families} families of copies), generated in {t0 - start:.1f} s")
    print(f"sketches (worker side): {t1 - t0:.1f} s, {1000 * (t1 - t0) / len(reports):.2f} ms per report")
    print(f"GL802 check_run (driver side): {t2 - t1:.1f} s, {1000 * (t2 - t1) / len(reports):.2f} ms per report")
    print(f"findings: {len(findings)}; within a family: {right}; copies after each family's earliest: "
          f"{copies - families}")
    if args.truth:
        missed = _missed(facts, {f.path for f in findings})
        print(f"reports with an earlier report above the threshold (all pairs compared): "
              f"{missed[0]}; without a finding: {missed[1]}")


def _missed(facts, reported: set) -> tuple[int, int]:
    import numpy

    from govlint.corpus.provider import order_key
    from govlint_rules.corpus.gl802_copied_report import DEFAULT_THRESHOLD

    records = list(facts)
    matrix = numpy.array([r["sketch"] for r in records], dtype=numpy.uint32)
    keys = [order_key(r) for r in records]
    should = 0
    missed = 0
    for i in range(len(records)):
        similar = (matrix == matrix[i]).mean(axis=1) >= DEFAULT_THRESHOLD
        if any(similar[j] and keys[j] < keys[i] and records[j]["agency"] != records[i]["agency"]
               or similar[j] and keys[j] < keys[i] and records[j]["year"] != records[i]["year"]
               for j in range(len(records)) if j != i):
            should += 1
            missed += records[i]["path"] not in reported
    return should, missed


if __name__ == "__main__":
    main()
