"""Issue 22, items 5 and 6: only regular files inside data/ are read, and no command ends in a traceback on
non-UTF-8 files, links or a `versions` that is not a folder."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_center.cli import main
from privacy_center.site import SiteDataError, build_site

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
LINE = re.compile(r"^\S[^\n]*:\d+:\d+: (?:warning: )?\S[^\n]*: [^\n]+$")
SECRET = "root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n"
RELEASE = ["release", "minimal", "--version", "1.1", "--summary-fr", "a", "--summary-en", "b"]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """./data with minimal.yaml and its frozen version 1.0, the working folder being tmp_path."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    (folder / "versions" / "minimal").mkdir(parents=True)
    (folder / "minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "versions" / "minimal" / "1.0.yaml").write_text(MINIMAL, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Exit status, and the lines of stdout and stderr that are not the closing summary."""
    code = main(list(args))
    captured = capsys.readouterr()
    lines = [line for line in (captured.out + captured.err).splitlines() if line and " checked: " not in line]
    return code, lines


def located(lines: list[str], *words: str) -> None:
    assert lines, "nothing reported"
    assert all(LINE.match(line) for line in lines), lines
    assert any(all(word in line for word in words) for line in lines), lines
    assert "SECRET" not in "\n".join(lines)


# 6. tracebacks


def test_diff_with_a_non_utf8_company_file_is_a_located_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "minimal.yaml").write_bytes(MINIMAL.encode("utf-8").replace(b"name:", b"name:\xff", 1))
    code, lines = run(capsys, "diff", "--data-dir", "data")
    assert code == 1
    located(lines, "minimal.yaml:", "not UTF-8")


def test_diff_with_a_non_utf8_frozen_copy_is_a_located_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "versions" / "minimal" / "1.0.yaml").write_bytes(b"slug: minimal\n\xfe\n")
    code, lines = run(capsys, "diff", "--data-dir", "data")
    assert code == 1
    located(lines, "1.0.yaml:2:1", "not UTF-8")


def test_diff_against_git_with_a_linked_data_file_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "data").mkdir(parents=True)
    outside.mkdir()
    (outside / "minimal.yaml").write_text(MINIMAL + "# " + SECRET, encoding="utf-8")
    (repo / "data" / "minimal.yaml").symlink_to(outside / "minimal.yaml")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "base"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    code, lines = run(capsys, "diff", "--base", "HEAD", "data/minimal.yaml")
    assert code == 1
    located(lines, "data/minimal.yaml:1:1", "link")


def test_versions_as_a_file_is_reported_by_validate_and_refused_by_release(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for entry in (data / "versions" / "minimal").iterdir():
        entry.unlink()
    (data / "versions" / "minimal").rmdir()
    (data / "versions").rmdir()
    (data / "versions").write_text(SECRET, encoding="utf-8")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data/versions:1:1", "not a folder")
    code, lines = run(capsys, *RELEASE, "--data-dir", "data")
    assert code == 1
    located(lines, "data/versions:1:1", "not a folder")
    assert (data / "versions").read_text(encoding="utf-8") == SECRET


# 5. only regular files inside data/


def test_a_link_to_a_file_outside_data_prints_none_of_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "passwd").write_text(SECRET, encoding="utf-8")
    (data / "leak.yaml").symlink_to(tmp_path / "passwd")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data/leak.yaml:1:1", "link")


@pytest.mark.parametrize("entry", ["minimal.yaml", "versions/minimal/1.0.yaml"], ids=["company", "frozen-copy"])
def test_a_linked_company_file_or_frozen_copy_is_neither_valid_nor_published(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: str
) -> None:
    """A company file, or a frozen copy, that is a link to a file elsewhere: refused by validate and by the build."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data / entry).rename(elsewhere / "target.yaml")
    (data / entry).symlink_to(elsewhere / "target.yaml")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, f"data/{entry}:1:1", "link")
    with pytest.raises(SiteDataError, match="link"):
        build_site(data, ["fr", "en"], "fr")


def test_a_linked_versions_folder_is_refused(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "versions" / "minimal").rename(tmp_path / "minimal")
    (data / "versions" / "minimal").symlink_to(tmp_path / "minimal", target_is_directory=True)
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data/versions/minimal:1:1", "link")
    code, lines = run(capsys, *RELEASE, "--data-dir", "data")
    assert code == 1
    located(lines, "data/versions/minimal:1:1", "link")
    assert not (tmp_path / "minimal" / "1.1.yaml").exists()


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link"])
def test_a_data_entry_that_is_not_a_regular_file_is_reported(
    data: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = data / "other.yaml"
    if kind == "folder":
        entry.mkdir()
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to(data / "nowhere.yaml")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data/other.yaml:1:1")
    with pytest.raises(SiteDataError, match=r"other\.yaml"):
        build_site(data, ["fr", "en"], "fr")


# 1. bounded parsing at any depth

DEEP = {
    "lists": "[" * 200_000 + "]" * 200_000,
    "mappings": "{a: " * 200_000 + "1" + "}" * 200_000,
    "unclosed": "[" * 200_000,
}


@pytest.mark.parametrize("shape", sorted(DEEP))
@pytest.mark.parametrize("command", [["validate"], ["diff"], ["export", "fides", "--output", "out.yml"]])
def test_200000_levels_stop_at_the_limit_at_once(
    data: Path, capsys: pytest.CaptureFixture[str], shape: str, command: list[str]
) -> None:
    (data / "minimal.yaml").write_text(MINIMAL + "extra: " + DEEP[shape] + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, lines = run(capsys, *command, "--data-dir", "data")
    assert time.perf_counter() - started < 2, "the parser read on past the depth limit"
    assert code == 1
    located(lines, "minimal.yaml:", "nested more than 32 levels deep")
    assert not Path("out.yml").exists()
