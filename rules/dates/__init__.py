"""Dates: the report year, the statistical period and the publication date (GL601–GL603)."""
