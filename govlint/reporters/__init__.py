"""Built-in reporters, a plugin named in ``govlint.plugin_host.BUILTIN_PLUGINS`` that registers like any other."""

from govlint.hookspecs import hookimpl


@hookimpl
def govlint_register_reporters(register):
    from govlint.reporters.concise import ConciseReporter
    from govlint.reporters.github import GithubReporter
    from govlint.reporters.html import HtmlReporter
    from govlint.reporters.json import JsonLinesReporter, JsonReporter
    from govlint.reporters.sarif import SarifReporter
    from govlint.reporters.terminal import TerminalReporter
    from govlint.reporters.xlsx import XlsxReporter

    for reporter in (TerminalReporter(), ConciseReporter(), JsonReporter(), JsonLinesReporter(), SarifReporter(), GithubReporter(),
                     HtmlReporter(), XlsxReporter()):
        register(reporter)
