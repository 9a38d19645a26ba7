"""Template: which official template (2019 or 2021) the tables follow, and mixtures of the two (GL301–GL302), and reports in the format before 2019 (GL303)."""
