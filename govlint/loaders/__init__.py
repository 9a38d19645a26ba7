"""Built-in loaders, registered through the ``govlint`` entry-point group like any plugin."""

from govlint.hookspecs import hookimpl


@hookimpl
def govlint_register_loaders(register):
    from govlint.loaders.html import HtmlLoader
    from govlint.loaders.markdown import MarkdownLoader
    from govlint.loaders.text import TextLoader

    register(HtmlLoader())
    register(TextLoader())
    register(MarkdownLoader())
