"""A report's own prose, and its MinHash signature for the copied-report search (GL802).

Two reports of the template always share much text: section titles, table labels, the
standard preamble (根据《中华人民共和国政府信息公开条例》…). What tells a copied report is the
rest: the sections' own prose. So the text compared is the sections' text (tables are not
in it), without the preamble and without lines that are a label of the format, with every
number masked (``2023`` and ``12`` read alike: a copy with the figures updated is still a
copy) and the agency's own names removed (another agency's copy that only changed the name
is still a copy). What is left is cut into overlapping character shingles; their MinHash
estimates the Jaccard similarity of two reports' shingle sets: the share of equal values.
"""

from __future__ import annotations


from govlint.lazy_re import lazy_pattern
from govlint.normalize import fold

#: characters per shingle: long enough that shared common words do not make texts similar
SHINGLE = 5
#: permutations of the MinHash (its error is about 1/sqrt(NUM_PERM))
NUM_PERM = 128
#: masked prose shorter than this is too short to call a copy
MIN_PROSE = 200
_NOT_LETTER = lazy_pattern(r"[^\w]|_")
_DIGITS = lazy_pattern(r"\d+")
_LINE = lazy_pattern(r"[\n。；;]")


def letters(text: str) -> str:
    """Letters and digits only: the text without whitespace, punctuation or layout."""
    return _NOT_LETTER.sub("", fold(text))


def _labels() -> frozenset[str]:
    from govlint.format import table2, table3, table4
    from govlint.format.sections import SECTIONS

    out = set()
    for record in table2.BLOCKS + table2.ROWS + table2.COLUMNS + table3.ROWS + table3.COLUMNS \
            + table4.GROUPS + table4.OUTCOMES:
        out.update(letters(alias) for alias in getattr(record, "aliases", ()) or ())
        out.add(letters(getattr(record, "label", "") or ""))
    out.update(letters(s.title) for s in SECTIONS)
    out.discard("")
    return frozenset(out)


def own_prose(report, names=()) -> str:
    """The sections' text with template lines dropped, numbers masked and ``names`` removed."""
    labels = _labels()
    masks = sorted({letters(n) for n in names if n and len(letters(n)) >= 2}, key=len, reverse=True)
    out = []
    for section in report.sections:
        for line in _LINE.split(section.text):
            text = letters(line)
            if not text or text in labels:
                continue
            for name in masks:
                text = text.replace(name, "")
            out.append(_DIGITS.sub("0", text))
    return "".join(out)


def shingles(text: str) -> set[bytes]:
    return {text[i:i + SHINGLE].encode("utf-8") for i in range(max(len(text) - SHINGLE + 1, 0))}


#: universal hashing ``(a·x + b) mod P`` over 32-bit shingle hashes: P is the first prime above
#: 2³², and a, b < 2³², so that every product fits in 64 bits
_PRIME = 4294967311
_PERMUTATIONS: dict[int, tuple] = {}


def _permutations(num_perm: int):
    import numpy

    if num_perm not in _PERMUTATIONS:  # fixed seed: sketches of every run and machine compare
        generator = numpy.random.RandomState(1)
        _PERMUTATIONS[num_perm] = (generator.randint(1, 1 << 32, num_perm, dtype=numpy.uint64),
                                   generator.randint(0, 1 << 32, num_perm, dtype=numpy.uint64))
    return _PERMUTATIONS[num_perm]


def sketch(text: str, num_perm: int | None = None) -> list[int] | None:
    """The MinHash of the text's shingles (``num_perm`` minimum hash values, each below 2³²),
    or None when the text is too short.

    Computed here with numpy rather than with ``datasketch.MinHash``: importing datasketch
    takes seconds (it imports scipy), and every worker computes sketches; the LSH index that
    searches them (GL802) is datasketch's, in the main process only.
    """
    if len(text) < MIN_PROSE:
        return None
    import hashlib

    import numpy

    a, b = _permutations(num_perm or NUM_PERM)
    hashes = numpy.fromiter((int.from_bytes(hashlib.blake2b(s, digest_size=4).digest(), "little")
                             for s in sorted(shingles(text))), dtype=numpy.uint64)
    values = (hashes[:, None] * a + b) % _PRIME
    return [int(v) for v in values.min(axis=0)]
