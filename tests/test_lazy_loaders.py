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
