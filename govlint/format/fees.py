"""How reports state the 信息处理费 (国办函〔2020〕109号): statement and negation patterns.

Regular expressions over report prose, used by the fee rules (GL401–GL403).
"""

#: words that make a sentence a statement on the 信息处理费 charged to disclosure applicants
#: (never the bare 收费, which also names 表二's 行政事业性收费), as regular expressions
FEE_STATEMENT_PATTERNS = (
    r"信息处理费", r"处理费", r"收费通知",
    r"对[^，。；]{0,15}申请[^，。；]{0,4}收费", r"申请[^，。；]{0,3}收费",
    r"(向|对)申请人[^，。；]{0,10}(收取|收费)", r"信息公开[^，。；]{0,8}收费",
)
#: negations that make a fee statement say "nothing was charged" (regular expressions; 无 and
#: 不 only before a charging verb, since 无正当理由 and 不予公开 are common words)
FEE_NEGATIONS = (
    r"(未|没有|不|无|免|免予|均未|并未|从未)(向[^，。；]{0,8})?(收取|收费|产生|发生|出现|开具|征收|收缴)",
    r"不存在", r"未有", r"为零", r"为0(?![0-9.])", r"(?<![0-9.])0\s*(元|件)", r"零(元|件)",
)
#: explicit denials that any 收费通知 was issued
FEE_NOTICE_NEGATIONS = (
    r"(未|没有|无|并未|从未|均未)(向[^，。；]{0,8})?(发出|发送|送达|开具|下发|制发)?[^，。；]{0,6}收费通知",
    r"收费通知[^，。；0-9]{0,6}(?<![0-9.])0\s*(件|份|次)",
)
