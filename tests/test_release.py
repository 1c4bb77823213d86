"""Releasing versions: an unannounced change is refused, a release records and freezes the new version."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privacy_center.checker import check_files
from privacy_center.cli import main

from conftest import ROOT


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with Coopo and its frozen version 1.0."""
    folder = tmp_path / "data"
    (folder / "versions" / "coopo").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "coopo.yaml", folder / "coopo.yaml")
    shutil.copy(ROOT / "data" / "versions" / "coopo" / "1.0.yaml", folder / "versions" / "coopo" / "1.0.yaml")
    return folder


def shorten_cookies(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 13, unit: months}", "value: 6, unit: months}"),
                    encoding="utf-8")


def messages(data: Path) -> list[str]:
    return [d.format().split(": ", 1)[1] for d in check_files([data / "coopo.yaml"]).errors]


def test_the_frozen_seed_passes(data: Path) -> None:
    assert messages(data) == []


def test_an_unannounced_change_is_refused_with_what_changed(data: Path) -> None:
    shorten_cookies(data)
    [error] = check_files([data / "coopo.yaml"]).errors
    lines = (data / "coopo.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[error.line - 1].strip() == '- version: "1.0"'  # points at the version entry to follow
    assert error.format().endswith(
        "versions[0].version: coopo differs from its frozen version 1.0 (changed: cookies, retention_rules) but no "
        "new version is recorded (run: privacy-center release coopo --version 1.1 --summary-fr \"...\" "
        "--summary-en \"...\")")


def test_release_records_and_freezes_the_new_version(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shorten_cookies(data)
    code = main(["release", "coopo", "--version", "1.1", "--summary-fr", "Cookies : 6 mois.",
                 "--summary-en", "Cookies: 6 months.", "--date", "2026-12-01", "--data-dir", str(data)])
    assert code == 0, capsys.readouterr().err
    assert "coopo: version 1.1 recorded and frozen (content hash " in capsys.readouterr().out
    text = (data / "coopo.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Coopo: encoded from")  # comments and layout kept
    assert text.endswith('  - version: "1.1"\n    date: "2026-12-01"\n    summary:\n      fr: "Cookies : 6 mois."\n'
                         '      en: "Cookies: 6 months."\n')
    assert (data / "versions" / "coopo" / "1.1.yaml").read_text(encoding="utf-8") == text
    assert messages(data) == []


@pytest.mark.parametrize("args,expected", [
    (["--version", "0.9", "--summary-fr", "x", "--summary-en", "y"], "version 0.9 must be higher than the last listed version 1.0"),
    (["--version", "1.1"], "a new version needs --summary-fr and --summary-en"),
    (["--version", "1.0"], "version 1.0 is already frozen"),
])
def test_release_refuses_a_bad_request(data: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str) -> None:
    before = (data / "coopo.yaml").read_text(encoding="utf-8")
    assert main(["release", "coopo", *args, "--data-dir", str(data)]) == 1
    assert expected in capsys.readouterr().err
    assert (data / "coopo.yaml").read_text(encoding="utf-8") == before


def test_a_listed_version_without_its_frozen_copy_is_an_error(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '  - version: "1.1"\n    date: "2026-12-01"\n    summary:\n'
                    '      fr: "x"\n      en: "y"\n', encoding="utf-8")
    assert messages(data) == ["versions[1].version: version 1.1 of coopo is listed but not frozen "
                              "(run: privacy-center release coopo --version 1.1)"]


def test_a_frozen_version_missing_from_the_list_is_an_error(data: Path) -> None:
    shutil.copy(data / "versions" / "coopo" / "1.0.yaml", data / "versions" / "coopo" / "0.9.yaml")
    assert messages(data) == ["versions: frozen version 0.9 of coopo is missing from versions "
                              "(add version 0.9 back, or delete versions/coopo/0.9.yaml)"]


def test_a_text_changed_in_one_language_only_is_flagged_as_maybe_stale(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("(data minimization).", "(data minimisation)."),
                    encoding="utf-8")
    result = check_files([path])
    [stale] = [w for w in result.warnings if "stale" in w.message]
    assert stale.format().endswith("introduction: the en text changed since version 1.0 but the fr text did not: "
                                   "the translation may be stale (check that the fr text still says the same)")


HISTORY = Path(__file__).parent / "fixtures" / "history"


def edit_demo(folder: Path) -> None:
    """The change reviewed in fixtures/history/review.md: a longer cookie lifetime, a section reworded in English."""
    path = folder / "demo.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("value: 13", text.index("\ncookies:"))
    text = text[:at] + "value: 24" + text[at + len("value: 13"):]
    path.write_text(text.replace("before the competent courts of Grenoble.", "before the courts of Lyon."),
                    encoding="utf-8")


def test_diff_prints_the_reviewed_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(HISTORY / "data", tmp_path / "data")
    edit_demo(tmp_path / "data")
    assert main(["diff", "--data-dir", str(tmp_path / "data")]) == 0
    captured = capsys.readouterr()
    assert captured.out == (HISTORY / "review.md").read_text(encoding="utf-8")
    assert captured.err == "1 company compared: 1 changed, 1 with material changes\n"


def test_diff_compares_with_a_git_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    shutil.copytree(HISTORY / "data", tmp_path / "data")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(git + ["add", "."], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-qm", "base"], cwd=tmp_path, check=True)
    edit_demo(tmp_path / "data")
    assert main(["diff", "--base", "HEAD", str(tmp_path / "data" / "demo.yaml")]) == 0
    out = capsys.readouterr().out
    assert "### Démo Fictive (`demo`): changes since HEAD" in out
    assert "- *Material change*: Lifetime of the cookie “Optional cookies”: 13 months → 24 months" in out
