"""Shared fixtures: paths, and one real site build per test session."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real mkdocs CLI of this environment, as a user would."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "-d", str(out))
    assert result.returncode == 0, result.stderr
    return out
