from govlint.rule import Rule


class InternalError(Rule):
    """A rule, loader or the parser raised while checking this file.

    Why it matters: a crash must not hide the other findings or stop the run, yet it must
    not pass silently either. The message names the rule or plugin and the exception, so it
    can be reported to the plugin's authors. This rule is raised by the engine itself.

    Failing example: a plugin rule that divides by a table value of zero raises
    ``ZeroDivisionError``; govlint reports ``GL000 规则 XJ101 运行出错: ZeroDivisionError`` for
    that file and runs every other rule.

    Passing example: every rule returns normally.
    """

    code = "GL000"
    name = "internal-error"
    severity = "error"
    summary = "检查本文件时某条规则或插件出错"
