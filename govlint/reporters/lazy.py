"""A reporter that imports its implementation when the run asks for it.

Every run registers every output format, and uses one. ``LazyReporter`` gives the registry
the format's name and imports the reporter's module, named as ``"module:Class"``, on the
first use of anything else (``open``, ``binary``, ``missing``, ...), as ``LazyLoader`` does
for loaders: a concise run does not import the HTML, SARIF or spreadsheet reporters.
"""

from __future__ import annotations


class LazyReporter:
    """Stands in for the reporter ``target`` (``"package.module:ReporterClass"``)."""

    def __init__(self, name: str, target: str):
        self.name = name
        self.target = target
        self.plugin = ""  # set by the registry, and handed on to the real reporter
        self._reporter = None

    def real(self):
        """The reporter itself, imported and made on the first call."""
        if self._reporter is None:
            import importlib

            module, _, cls = self.target.partition(":")
            self._reporter = getattr(importlib.import_module(module), cls)()
            self._reporter.plugin = self.plugin
        return self._reporter

    def __getattr__(self, attribute):  # only what the stand-in does not hold itself
        if attribute.startswith("__") or attribute == "_reporter":
            raise AttributeError(attribute)
        return getattr(self.real(), attribute)

    def __repr__(self) -> str:
        return f"LazyReporter({self.name!r}, {self.target!r})"
