"""Tables: the accounting identities and plausibility of tables 二, 三 and 四 (GL201–GL207).

The identities themselves are in ``govlint_rules._arith``, shared with the fee, claim and
template rules that read table values too."""
