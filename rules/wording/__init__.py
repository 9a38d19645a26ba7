"""Wording: how document numbers and official titles are cited (GL701–GL702)."""
