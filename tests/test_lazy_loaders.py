"""Loaders registered as stand-ins (their modules imported on the first load) say what the
real loaders say: the same name, suffixes and sniffing."""

from __future__ import annotations

import pytest

from govlint.testing import registry


@pytest.mark.parametrize("module, cls", [
    ("govlint.loaders.markdown", "MarkdownLoader"),
    ("govlint_docx.loader", "DocxLoader"),
    ("govlint_pdf.loader", "PdfLoader"),
])
def test_stand_in_matches_the_loader(module, cls):
    import importlib

    real = getattr(importlib.import_module(module), cls)()
    stand_in = {loader.name: loader for loader in registry().loaders}[real.name]
    assert stand_in.suffixes == real.suffixes
    for head in (b"", b"%PDF-1.7\n", b"  %PDF-1.4", b"<html>", b"PK\x03\x04"):
        assert stand_in.sniff(head) == real.sniff(head)


def test_the_real_loader_is_imported_on_the_first_load_only(tmp_path, monkeypatch):
    import sys

    from govlint.api import Document, LazyLoader

    (tmp_path / "lazy_probe_loader.py").write_text(
        "from govlint.api import Document, Loader\n"
        "MADE = []\n"
        "class ProbeLoader(Loader):\n"
        "    def __init__(self):\n"
        "        MADE.append(self)\n"
        "    def load(self, path, data):\n"
        "        return Document(path=path, format='probe', source=data.decode())\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lazy_probe_loader", raising=False)
    lazy = LazyLoader("probe", (".probe",), "lazy_probe_loader:ProbeLoader", sniff=lambda head: head[:1] == b"P")

    assert lazy.sniff(b"P...") and not lazy.sniff(b"x") and lazy.suffixes == (".probe",)
    assert "lazy_probe_loader" not in sys.modules  # naming and sniffing import nothing

    first, second = lazy.load("a.probe", b"one"), lazy.load("b.probe", b"two")
    assert isinstance(first, Document) and (first.source, second.source) == ("one", "two")
    assert len(sys.modules["lazy_probe_loader"].MADE) == 1
