"""Claims: numbers and completion claims in the prose, against the tables (GL501–GL502)."""
