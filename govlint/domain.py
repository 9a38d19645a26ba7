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
