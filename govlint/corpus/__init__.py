"""Corpus checks: what is compared between the reports of one run.

The per-file stage (in a worker) reduces each parsed report to its facts (``facts.extract``):
a small JSON-serialisable record. The corpus stage (in the main process, after every file)
runs the run-scope rules on those facts, never on parsed reports, so the memory of a run
does not depend on the number of files and the facts can be kept in a store between runs.
"""
