"""Fees: what the prose says about the 信息处理费, against itself and against table 三 (GL401–GL403)."""
