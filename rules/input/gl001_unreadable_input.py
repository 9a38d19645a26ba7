from govlint.rule import Rule


class UnreadableInput(Rule):
    """The file could not be read as a report: empty, binary, undecodable or too large.

    Why it matters: a report that cannot be read cannot be checked; a silent skip would
    look like a clean report. Raised by the engine and the loaders.

    Failing example: an empty ``report.html``, a PNG renamed to ``.html``, a file larger
    than the size limit (``max-file-size`` option, 50 MB by default).

    Passing example: a UTF-8 or GB18030 HTML page with text.
    """

    code = "GL001"
    name = "unreadable-input"
    severity = "error"
    summary = "文件为空、为二进制、无法解码或超过大小限制"
    options = {"max-file-size": 50 * 1024 * 1024}
