"""Built-in loaders, a plugin named in ``govlint.plugin_host.BUILTIN_PLUGINS`` that registers
through the same hook as any loader plugin."""

from govlint.hookspecs import hookimpl
from govlint.loaders.lazy import LazyLoader


@hookimpl
def govlint_register_loaders(register):
    from govlint.loaders.html import HtmlLoader
    from govlint.loaders.text import TextLoader

    register(HtmlLoader())
    register(TextLoader())
    # checking HTML or text reports never needs the Markdown loader (nor compiles its patterns)
    register(LazyLoader("markdown", (".md", ".markdown"), "govlint.loaders.markdown:MarkdownLoader"))
