"""Facts of the report format, as data: one place for labels, keys, aliases and titles.

Sources: 国办公开办函〔2021〕30号 (the 2021 format), 国办公开办函〔2019〕60号 (the 2019
format, 试行), 国办函〔2020〕109号 (信息处理费). See docs/domain notes in the README.
Labels here are *normalised* (``govlint.text.normalize``): no whitespace, half-width
brackets turned full-width, curly quotes unified.
"""

from __future__ import annotations

# --- sections -------------------------------------------------------------------------
SECTION_KEYS = ("overview", "proactive", "requests", "appeals", "problems", "other")

#: canonical heading text of each section in the 2021 format
SECTION_TITLES = {
    "overview": "总体情况",
    "proactive": "主动公开政府信息情况",
    "requests": "收到和处理政府信息公开申请情况",
    "appeals": "政府信息公开行政复议、行政诉讼情况",
    "problems": "存在的主要问题及改进情况",
    "other": "其他需要报告的事项",
}

CHINESE_NUMERALS = "一二三四五六七八九十"

# --- table 3 (收到和处理政府信息公开申请情况) -------------------------------------------
#: applicant columns, in printed order
TABLE3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
TABLE3_COLUMN_LABELS = {
    "natural": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social": "社会公益组织",
    "legal": "法律服务机构",
    "other": "其他",
    "total": "总计",
}
#: the five columns under 法人或其他组织
TABLE3_LEGAL_PERSON_COLUMNS = ("commercial", "research", "social", "legal", "other")
TABLE3_APPLICANT_COLUMNS = ("natural",) + TABLE3_LEGAL_PERSON_COLUMNS

#: rows of the 2021 template, in printed order
TABLE3_ROWS_2021 = (
    "new", "carried_over",
    "granted", "partial",
    "denied.1", "denied.2", "denied.3", "denied.4", "denied.5", "denied.6", "denied.7", "denied.8",
    "unable.1", "unable.2", "unable.3",
    "not_processed.1", "not_processed.2", "not_processed.3", "not_processed.4", "not_processed.5",
    "other.1", "other.2", "other.3",
    "total", "carried_forward",
)
#: the 2019 template has a single （六）其他处理 row
TABLE3_ROWS_2019 = TABLE3_ROWS_2021[:20] + ("other",) + TABLE3_ROWS_2021[23:]

#: result rows that add up to （七）总计
TABLE3_RESULT_ROWS_2021 = TABLE3_ROWS_2021[2:23]
TABLE3_RESULT_ROWS_2019 = TABLE3_ROWS_2019[2:21]

TABLE3_ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied": "（三）不予公开",
    "denied.1": "1.属于国家秘密",
    "denied.2": "2.其他法律行政法规禁止公开",
    "denied.3": "3.危及“三安全一稳定”",
    "denied.4": "4.保护第三方合法权益",
    "denied.5": "5.属于三类内部事务信息",
    "denied.6": "6.属于四类过程性信息",
    "denied.7": "7.属于行政执法案卷",
    "denied.8": "8.属于行政查询事项",
    "unable": "（四）无法提供",
    "unable.1": "1.本机关不掌握相关政府信息",
    "unable.2": "2.没有现成信息需要另行制作",
    "unable.3": "3.补正后申请内容仍不明确",
    "not_processed": "（五）不予处理",
    "not_processed.1": "1.信访举报投诉类申请",
    "not_processed.2": "2.重复申请",
    "not_processed.3": "3.要求提供公开出版物",
    "not_processed.4": "4.无正当理由大量反复申请",
    "not_processed.5": "5.要求行政机关确认或重新出具已获取信息",
    "other": "（六）其他处理",
    "other.1": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.2": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.3": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

# --- table 4 (行政复议、行政诉讼) -------------------------------------------------------
TABLE4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
TABLE4_GROUP_LABELS = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼 / 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 / 复议后起诉",
}
TABLE4_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
TABLE4_OUTCOME_LABELS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

# --- rule data: cited titles and fee statements (used by the built-in rule pack) -----------
#: official titles that reports cite, each with the short forms accepted as correct
#: (国办函〔2020〕109号; 国办公开办函〔2021〕30号; 国办公开办函〔2019〕60号; 国务院令第711号)
OFFICIAL_TITLES = {
    "中华人民共和国政府信息公开条例": ("政府信息公开条例",),
    "政府信息公开信息处理费管理办法": (),
    "国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知": (),
    "中华人民共和国政府信息公开工作年度报告格式": ("中华人民共和国政府信息公开工作年度报告格式（试行）",),
    "国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知": (),
    "国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知": (),
}
#: 表二 columns that may be negative: 2019's 本年增/减 is a change, not a count
TABLE2_SIGNED_COLUMNS = frozenset({"change"})
#: misquotes seen in real reports → the official title
TITLE_MISQUOTES = {
    "政府信息公开处理费管理办法": "政府信息公开信息处理费管理办法",
    "政府信息公开信息处理费收费管理办法": "政府信息公开信息处理费管理办法",
    "政府信息公开处理费收费管理办法": "政府信息公开信息处理费管理办法",
}

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

#: the section numeral of each canonical section in the format
SECTION_NUMBERS = {key: i + 1 for i, key in enumerate(SECTION_KEYS)}

#: heading wordings accepted as each section (regular expressions over normalised text, see
#: ``govlint.text.normalize``); these are matched in full, so they may also be found inside a
#: run of text that a text extraction glued together (``…。二、主动公开政府信息情况第二十条…``)
SECTION_TITLE_PATTERNS = {
    "overview": (r"总体情况", r"概述", r"总体工作情况"),
    "proactive": (r"(?:行政机关)?主动公开政府信息(?:的)?(?:工作)?情况",),
    "requests": (r"(?:收到|受理)(?:和|及|与|、)?处理政府信息公开申请(?:的)?情况",
                 r"依申请公开政府信息(?:的)?情况"),
    "appeals": (r"(?:政府信息公开)?(?:的)?行政复议(?:、|和|及|与|,|，)?(?:行政)?诉讼(?:的)?情况",
                r"因政府信息公开(?:工作|申请)?(?:被)?申请行政复议(?:、|和|及|与|，)?提起行政诉讼(?:的)?情况"),
    "problems": (r"(?:政府信息公开工作)?存在的?主要问题(?:及|和|与|、)(?:其)?改进(?:的)?(?:情况|措施)",),
    "other": (r"其他需要报告的?事项",),
}

#: looser test for a short line that starts with a section numeral: every word of one of
#: the tuples must occur in the heading (sub-headings such as ``一主动公开情况`` fail it)
SECTION_KEYWORDS = {
    "overview": (("总体情况",), ("概述",)),
    "proactive": (("主动公开", "政府信息"),),
    "requests": (("收到", "申请"), ("处理", "公开申请"), ("依申请公开", "政府信息")),
    "appeals": (("复议", "诉讼"),),
    "problems": (("问题", "改进"), ("主要问题",)),
    "other": (("其他", "报告"), ("其他", "事项")),
}

# --- table 3 labels as printed (normalised, numbering prefix removed) ------------------------
#: the numbering printed before each row label: a numeral (``一、``), a bracketed numeral
#: (``（一）``) or an Arabic number (``1.``)
TABLE3_ROW_NUMBERING = {
    "new": "一", "carried_over": "二", "results": "三", "carried_forward": "四",
    "granted": "（一）", "partial": "（二）", "denied": "（三）", "unable": "（四）",
    "not_processed": "（五）", "other": "（六）", "total": "（七）",
}
#: row label wordings (first is canonical); sub-items take their number from the key
TABLE3_ROW_ALIASES = {
    "new": ("本年新收政府信息公开申请数量", "本年新收政府信息公开申请"),
    "carried_over": ("上年结转政府信息公开申请数量", "上年结转政府信息公开申请"),
    "results": ("本年度办理结果",),
    "granted": ("予以公开",),
    "partial": ("部分公开",),
    "denied": ("不予公开",),
    "denied.1": ("属于国家秘密",),
    "denied.2": ("其他法律行政法规禁止公开", "其他法律和行政法规禁止公开", "其他法律、行政法规禁止公开"),
    "denied.3": ('危及"三安全一稳定"', "危及三安全一稳定", "危及'三安全一稳定'"),
    "denied.4": ("保护第三方合法权益",),
    "denied.5": ("属于三类内部事务信息",),
    "denied.6": ("属于四类过程性信息",),
    "denied.7": ("属于行政执法案卷",),
    "denied.8": ("属于行政查询事项",),
    "unable": ("无法提供",),
    "unable.1": ("本机关不掌握相关政府信息",),
    "unable.2": ("没有现成信息需要另行制作",),
    "unable.3": ("补正后申请内容仍不明确",),
    "not_processed": ("不予处理",),
    "not_processed.1": ("信访举报投诉类申请",),
    "not_processed.2": ("重复申请",),
    "not_processed.3": ("要求提供公开出版物",),
    "not_processed.4": ("无正当理由大量反复申请",),
    "not_processed.5": ("要求行政机关确认或重新出具已获取信息",),
    "other": ("其他处理",),
    "other.1": ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请",
                "申请人无正当理由逾期不补正"),
    "other.2": ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用"),
    "other.3": ("其他",),
    "total": ("总计",),
    "carried_forward": ("结转下年度继续办理",),
}
#: the groups whose sub-items are numbered 1., 2., …
TABLE3_GROUPS = ("denied", "unable", "not_processed", "other")
TABLE3_COLUMN_ALIASES = {
    "natural": ("自然人",),
    "commercial": ("商业企业",),
    "research": ("科研机构",),
    "social": ("社会公益组织",),
    "legal": ("法律服务机构",),
    "other": ("其他",),
    "total": ("总计", "合计"),
    "legal_person": ("小计",),
}
#: header texts of table 3 that carry no column of their own
TABLE3_HEADER_TEXTS = ("申请人情况", "法人或其他组织")
#: a 法人或其他组织 subtotal column some reports add; never one of the seven
TABLE3_LEGAL_PERSON_SUBTOTAL = "legal_person"

# --- table 4 labels ---------------------------------------------------------------------------
TABLE4_GROUP_ALIASES = {
    "review": ("行政复议",),
    "litigation": ("行政诉讼",),
    "litigation_direct": ("未经复议直接起诉",),
    "litigation_after_review": ("复议后起诉",),
}
TABLE4_OUTCOME_ALIASES = {
    "upheld": ("结果维持",),
    "corrected": ("结果纠正",),
    "other": ("其他结果",),
    "pending": ("尚未审结",),
    "total": ("总计", "合计"),
}

# --- table 2 (主动公开政府信息情况) ---------------------------------------------------------
#: the blocks of table 2, by the item of 条例第二十条 they report
TABLE2_BLOCKS = ("art20.1", "art20.5", "art20.6", "art20.8", "art20.9")
TABLE2_BLOCK_LABELS = {
    "art20.1": "第二十条第（一）项",
    "art20.5": "第二十条第（五）项",
    "art20.6": "第二十条第（六）项",
    "art20.8": "第二十条第（八）项",
    "art20.9": "第二十条第（九）项",
}
TABLE2_ROWS = ("regulations", "normative", "licensing", "other_services", "penalty", "coercion",
               "fees", "procurement")
TABLE2_ROW_LABELS = {
    "regulations": "规章",
    "normative": "行政规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
    "procurement": "政府集中采购",
}
TABLE2_ROW_ALIASES = {
    "regulations": ("规章",),
    "normative": ("行政规范性文件", "规范性文件"),
    "licensing": ("行政许可",),
    "other_services": ("其他对外管理服务事项",),
    "penalty": ("行政处罚",),
    "coercion": ("行政强制",),
    "fees": ("行政事业性收费",),
    "procurement": ("政府集中采购",),
}
TABLE2_ROW_BLOCK = {
    "regulations": "art20.1", "normative": "art20.1", "licensing": "art20.5",
    "other_services": "art20.5", "penalty": "art20.6", "coercion": "art20.6",
    "fees": "art20.8", "procurement": "art20.9",
}
#: column keys of the 2021 format
TABLE2_COLUMNS_2021 = ("issued", "repealed", "in_force", "decisions", "amount")
#: column keys of the 2019 format (``decisions`` is shared: 处理决定数量 / 本年处理决定数量)
TABLE2_COLUMNS_2019 = ("new_made", "new_published", "published_total", "last_year_items", "change",
                       "decisions", "procurement_items", "procurement_amount")
TABLE2_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "published_total": "对外公开总数量",
    "last_year_items": "上一年项目数量",
    "change": "本年增/减",
    "procurement_items": "采购项目数量",
    "procurement_amount": "采购总金额",
}
TABLE2_COLUMN_ALIASES = {
    "issued": ("本年制发件数",),
    "repealed": ("本年废止件数",),
    "in_force": ("现行有效件数",),
    "decisions": ("本年处理决定数量", "处理决定数量"),
    "amount": ("本年收费金额（单位：万元）", "本年收费金额（万元）", "本年收费金额"),
    "new_made": ("本年新制作数量",),
    "new_published": ("本年新公开数量",),
    "published_total": ("对外公开总数量",),
    "last_year_items": ("上一年项目数量",),
    "change": ("本年增/减", "本年增减"),
    "procurement_items": ("采购项目数量",),
    "procurement_amount": ("采购总金额",),
}
#: a 2019 column header cut by a line wrap (``本年新`` of 本年新制作数量 / 本年新公开数量)
TABLE2_TRUNCATED_NEW = "本年新"
TABLE2_BLOCK_COLUMNS_2021 = {
    "art20.1": ("issued", "repealed", "in_force"),
    "art20.5": ("decisions",),
    "art20.6": ("decisions",),
    "art20.8": ("amount",),
}
TABLE2_BLOCK_COLUMNS_2019 = {
    "art20.1": ("new_made", "new_published", "published_total"),
    "art20.5": ("last_year_items", "change", "decisions"),
    "art20.6": ("last_year_items", "change", "decisions"),
    "art20.8": ("last_year_items", "change"),
    "art20.9": ("procurement_items", "procurement_amount"),
}
TABLE2_BLOCK_ROWS_2021 = {
    "art20.1": ("regulations", "normative"),
    "art20.5": ("licensing",),
    "art20.6": ("penalty", "coercion"),
    "art20.8": ("fees",),
}
TABLE2_BLOCK_ROWS_2019 = {
    "art20.1": ("regulations", "normative"),
    "art20.5": ("licensing", "other_services"),
    "art20.6": ("penalty", "coercion"),
    "art20.8": ("fees",),
    "art20.9": ("procurement",),
}
#: columns holding money (Decimal values); the others are counts
TABLE2_AMOUNT_COLUMNS = frozenset({"amount", "procurement_amount"})
TABLE2_HEADER_TEXTS = ("信息内容",)

# --- template markers ---------------------------------------------------------------------------
#: labels (normalised, whole label) that only the 2019 format prints
OUTDATED_LABELS = frozenset({
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
    "处理决定数量", "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量",
    "采购总金额", "本年新",
})
#: labels (normalised) that only the 2021 format prints
CURRENT_LABELS = frozenset({
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "行政规范性文件",
    "本年收费金额（单位：万元）", "本年收费金额（万元）", "本年收费金额",
})
#: a 2019 label and the 2021 label that replaced it, for labels kept in otherwise 2021 tables
HYBRID_LABELS = {"规范性文件": "行政规范性文件"}
