"""Titles that reports cite: the official ones, their accepted short forms, known misquotes.

Used by the title-citation rule (GL702); knowledge of the format, kept with it.
"""

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
#: misquotes seen in real reports → the official title
TITLE_MISQUOTES = {
    "政府信息公开处理费管理办法": "政府信息公开信息处理费管理办法",
    "政府信息公开信息处理费收费管理办法": "政府信息公开信息处理费管理办法",
    "政府信息公开处理费收费管理办法": "政府信息公开信息处理费管理办法",
}
