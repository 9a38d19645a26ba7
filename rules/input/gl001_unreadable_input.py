from govlint.rule import Rule

#: the largest ``max-file-size``: a report is read whole into memory, so a bigger limit is none
MAX_FILE_SIZE_LIMIT = 1024 * 1024 * 1024


class UnreadableInput(Rule):
    """The file could not be read as a report: empty, binary, undecodable or too large.

    Why it matters: a report that cannot be read cannot be checked; a silent skip would
    look like a clean report. Raised by the engine and the loaders.

    Failing example: an empty ``report.html``, a PNG renamed to ``.html``, a file larger
    than the size limit (``max-file-size`` option: bytes, 50 MB by default, at most 1 GiB).

    Passing example: a UTF-8 or GB18030 HTML page with text.
    """

    code = "GL001"
    name = "unreadable-input"
    severity = "error"
    summary = "文件为空、为二进制、无法解码或超过大小限制"
    options = {"max-file-size": 50 * 1024 * 1024}

    def validate_option(self, key, value):
        # the type (a whole number) is already checked against the default's
        if key == "max-file-size" and not 1 <= value <= MAX_FILE_SIZE_LIMIT:
            return f"应为 1 到 {MAX_FILE_SIZE_LIMIT} 之间的字节数"
        return None
