"""Corpus: rules between the reports of one run (GL801–GL804).

They read facts (``govlint.corpus.facts``), never parsed reports, through the run's
``Facts`` provider; ``_corpus`` has what they share: one report per publication, the
consecutive years of an agency, which of two reports is the later.
"""
