"""govlint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

Importing this package is cheap on purpose: it only defines the version. The public API
(``Rule``, ``rule``, ``Finding``, the model classes, ``hookimpl``) lives in ``govlint.api``.
"""

__version__ = "0.2.0"
