"""The facts store: one SQLite file that remembers each file's findings and facts.

Why a store: a re-run over an unchanged archive should parse nothing, and the corpus rules
need every report's facts without holding a million of them in memory. Both are answered by
one embedded SQLite database (``.govlint_cache/govlint.sqlite3``), chosen because it ships
with Python, is safe for concurrent processes through its own transactions, and answers
"this agency's reports of these years" with an index instead of a scan.

- ``location``: where the store lives and whether it may be written (one warning otherwise).
- ``keys``: what makes a cached result valid (file content, govlint's and the plugins'
  versions, repo-local plugin files, the settings that change findings).
- ``codec``: findings to JSON and back, exactly (a finding that does not survive the round
  trip is not cached).
- ``database``: the SQLite file itself: schema, lookups, writes, this run's files.
- ``incremental``: a run's files split into those answered by the store and those the
  executor checks, merged back in path order.
"""
