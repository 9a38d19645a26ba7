"""Structure: the six sections and the three statistical tables are there, in order (GL101–GL104)."""
