"""The pre-commit hook this project offers (.pre-commit-hooks.yaml), tried as another repository would use it, and
this repository's own .pre-commit-config.yaml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def other_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of company files that is not this one: one good file, one with an unknown role."""
    where = tmp_path_factory.mktemp("policies")
    (where / "data").mkdir()
    shutil.copy(ROOT / "data" / "coopo.yaml", where / "data" / "coopo.yaml")
    bad = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace("role: controller", "role: boss")
    (where / "data" / "minimal.yaml").write_text(bad, encoding="utf-8")
    git("init", "-q", cwd=where)
    git("add", ".", cwd=where)
    return where


def try_repo(repository: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo <this project> privacy-center-validate --files ...`, run in `repository`."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    command = [*PRE_COMMIT, "try-repo", str(ROOT), "privacy-center-validate", "--verbose", "--files", *files]
    return subprocess.run(command, cwd=repository, capture_output=True, text=True, timeout=900, env=env)


@pytest.mark.slow  # try-repo installs this project and its dependencies in a new virtualenv with pip
def test_the_hook_passes_a_good_file_and_stops_a_bad_one(
    other_repository: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    good = try_repo(other_repository, home, "data/coopo.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "privacy-center validate" in good.stdout and "Passed" in good.stdout
    bad = try_repo(other_repository, home, "data/minimal.yaml", "data/coopo.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "data/minimal.yaml:" in bad.stdout and ": role: " in bad.stdout
    assert "2 files checked: 1 error" in bad.stdout


def test_this_repository_runs_the_hook_on_its_company_files(tmp_path: Path) -> None:
    """The repository's own configuration (a local copy of the hook, then the linters) checks data/ at commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [*PRE_COMMIT, "run", "privacy-center-validate", "--all-files", "--verbose"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 files checked: 0 errors" in done.stdout


def test_the_offered_and_the_own_hook_agree() -> None:
    """The repository's local copy of the hook checks the same files as the one it offers."""
    import yaml

    offered = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = offered
    (local,) = [h for repo in own["repos"] for h in repo["hooks"] if h["id"] == hook["id"]]
    assert local["files"] == hook["files"]
    assert local["entry"].endswith(hook["entry"])
