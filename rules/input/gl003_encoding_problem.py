from govlint.rule import Rule


class EncodingProblem(Rule):
    """The declared character set differs from the real one, or bad bytes were replaced.

    Why it matters: many report pages are GBK/GB18030 but declare ``gb2312`` or ``utf-8``;
    browsers guess, but archives, search engines and screen readers may show garbage.
    Raised by the loaders, which decode the bytes themselves.

    Failing example: ``<meta charset="utf-8">`` on a page saved in GB18030.

    Passing example: ``<meta charset="gb18030">`` on a GB18030 page, or UTF-8 declared and used.
    """

    code = "GL003"
    name = "encoding-problem"
    severity = "warning"
    summary = "声明的字符编码与实际不符，或存在无法解码的字节"
