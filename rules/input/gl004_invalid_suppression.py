from govlint.rule import Rule


class InvalidSuppression(Rule):
    """A suppression directive that govlint cannot read or that names no rule.

    Why it matters: ``<!-- govlint: disable GL205 -->`` (no ``=``) or a mistyped code such as
    ``GL999`` used to be ignored without a word, so the finding it was meant to hide kept
    appearing, or worse, the author believed a check was silenced on purpose when it was
    not. Raised by the engine while it reads the file's directives; such a directive
    suppresses nothing. A directive cannot hide this finding itself.

    Failing example: ``<!-- govlint: disable GL205 -->`` → 抑制指令格式不正确，未生效：应写作
    govlint: disable=GL205; ``# govlint: disable=GL999`` → 规则代码 GL999 不存在.

    Passing example: ``<!-- govlint: disable=GL205 -->``, ``# govlint: disable-next-line=GL202``.
    """

    code = "GL004"
    name = "invalid-suppression"
    severity = "warning"
    summary = "抑制指令格式不正确或规则代码不存在"
