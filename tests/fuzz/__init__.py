"""Fuzzing govlint with mutated real reports: the mutators, the harness that runs one input
through the engine, and a campaign run by hand (``python tests/fuzz/campaign.py --help``).
``tests/test_fuzz.py`` runs a bounded sample of the same inputs in the suite."""
