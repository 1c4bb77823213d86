"""Shared fixtures: paths, and one real site build per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from test_browser import Visit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real mkdocs CLI of this environment, as a user would."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "-d", str(out))
    assert result.returncode == 0, result.stderr
    return out


def freeze(data: Path) -> Path:
    """Freeze each listed version of every company file in `data` that has no frozen copies, as `privacy-center
    release` would have: a fixture is a company file, written without the releases a data folder's files went
    through (every version listed must be frozen). Each copy is the file as it is, so no version changes anything."""
    from privacy_center.source.loader import load_file

    for path in sorted(data.glob("*.yaml")):
        document, errors = load_file(path)
        if document is None or errors or not isinstance(document.data, dict):
            continue
        slug, listed = document.data.get("slug"), document.data.get("versions")
        folder = data / "versions" / str(slug)
        if not isinstance(slug, str) or not isinstance(listed, list) or folder.exists():
            continue
        folder.mkdir(parents=True)
        for entry in listed:
            if isinstance(entry, dict) and isinstance(entry.get("version"), str):
                (folder / f"{entry['version']}.yaml").write_bytes(path.read_bytes())
    return data


def make_project(tmp: Path, data_files: Sequence[Path] = (), data_dir: Path | None = None) -> Path:
    """A copy of this project around other data (files, or a whole folder), to build as a user would; company files
    without frozen copies get them (`freeze`)."""
    import shutil

    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, tmp / folder)
    (tmp / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    if data_dir is not None:
        shutil.copytree(data_dir, tmp / "data")
    else:
        (tmp / "data").mkdir()
    for path in data_files:
        shutil.copy(path, tmp / "data" / path.name)
    freeze(tmp / "data")
    return tmp


def build_fixture_site(factory: pytest.TempPathFactory, *data_files: Path) -> Path:
    """A real `mkdocs build --strict` of this project around fixture company files, into a temporary folder."""
    name = data_files[0].stem
    project = make_project(factory.mktemp(f"{name}-project"), list(data_files))
    out = factory.mktemp(f"{name}-site")
    result = mkdocs("build", "--strict", "-d", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with --strict from the fictional demo company and its three versions."""
    project = make_project(tmp_path_factory.mktemp("history-project"), data_dir=FIXTURES / "history" / "data")
    out = tmp_path_factory.mktemp("history-site")
    result = mkdocs("build", "--strict", "-d", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return out


# Browser fixtures, for the session: one Chromium, one server per site and one visit of every page, shared by every
# browser test file (test_browser.py holds the helpers; imported here only when a browser test asks for them).


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from test_browser import launched_browser

    yield from launched_browser()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The seeds' site, served on a loopback port."""
    from test_browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def history_server(history_site: Path) -> Iterator[str]:
    """The history fixture site, served: the only build with an archived (superseded) version page."""
    from test_browser import serve

    with serve(history_site) as url:
        yield url


@pytest.fixture(scope="session")
def visits(browser: object, server: str, history_server: str) -> dict[str, Visit]:
    """Every page loaded once, with what each browser check looks at (test_browser.visit_all)."""
    from test_browser import visit_all

    return visit_all(browser, server, history_server)
