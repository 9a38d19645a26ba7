import os
import shutil
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
ROOT = TESTS.parent


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test its own result cache, so that no test answers from another's (or the
    checkout's) results and none writes a .govlint_cache into the repository."""
    folder = tmp_path_factory.mktemp("govlint-cache")
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """An empty working directory (so no .govlint.yaml of the checkout is found)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def local_plugin(workdir) -> Path:
    """The core test plugin copied next to a config that loads it."""
    target = workdir / "local_rules.py"
    shutil.copy(FIXTURES / "core" / "local_rules.py", target)
    (workdir / ".govlint.yaml").write_text("plugins: [local_rules.py]\n", encoding="utf-8")
    return target


def govlint_cmd() -> list[str]:
    return [sys.executable, "-m", "govlint"]
