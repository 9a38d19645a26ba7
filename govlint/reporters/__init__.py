"""Built-in reporters, a plugin named in ``govlint.plugin_host.BUILTIN_PLUGINS`` that registers like any other.

Each is registered by name and imported when a run writes that format (``lazy.LazyReporter``).
"""

from govlint.hookspecs import hookimpl

#: format name → its reporter class, in the order ``govlint plugins`` lists them
BUILTIN_REPORTERS = (
    ("terminal", "govlint.reporters.terminal:TerminalReporter"),
    ("concise", "govlint.reporters.concise:ConciseReporter"),
    ("json", "govlint.reporters.json:JsonReporter"),
    ("jsonl", "govlint.reporters.json:JsonLinesReporter"),
    ("sarif", "govlint.reporters.sarif:SarifReporter"),
    ("github", "govlint.reporters.github:GithubReporter"),
    ("html", "govlint.reporters.html:HtmlReporter"),
    ("xlsx", "govlint.reporters.xlsx:XlsxReporter"),
)


@hookimpl
def govlint_register_reporters(register):
    from govlint.reporters.lazy import LazyReporter

    for name, target in BUILTIN_REPORTERS:
        register(LazyReporter(name, target))
