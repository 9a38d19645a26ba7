"""Built-in loaders, registered through the ``govlint`` entry-point group like any plugin."""

from govlint.hookspecs import hookimpl
from govlint.loaders.base import Loader


class _MarkdownLoaderStub(Loader):
    """``govlint.loaders.markdown.MarkdownLoader``, imported (and its patterns compiled) on
    the first ``load``: checking HTML or text reports never needs it."""

    name = "markdown"
    suffixes = (".md", ".markdown")
    _loader = None

    def load(self, path, data):
        if self._loader is None:
            from govlint.loaders.markdown import MarkdownLoader

            self._loader = MarkdownLoader()
        return self._loader.load(path, data)


@hookimpl
def govlint_register_loaders(register):
    from govlint.loaders.html import HtmlLoader
    from govlint.loaders.text import TextLoader

    register(HtmlLoader())
    register(TextLoader())
    register(_MarkdownLoaderStub())
