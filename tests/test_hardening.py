"""Issue 22: bounded parsing, releases that are one unit with their frozen copies and notices, only regular files
inside data/, and no command ending in a traceback on non-UTF-8 files, links or a `versions` that is not a folder."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from privacy_center.cli import main
from privacy_center.site.build import SiteDataError, build_site

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


def refused_by_validate_and_release(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    """validate and release both exit 1 with a located line holding `words`, printing nothing of a target."""
    for command in (["validate"], RELEASE):
        code, lines = run(capsys, *command, "--data-dir", "data")
        assert code == 1
        located(lines, *words)


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
    refused_by_validate_and_release(capsys, "data/versions:1:1", "not a folder")
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
    refused_by_validate_and_release(capsys, "data/versions/minimal:1:1", "link")
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


# 2 and 7. a release, its frozen copy and its notices are one unit

MATERIAL = MINIMAL.replace("    data_categories: [email]", "    data_categories: [email, name]").replace(
    "data_subjects:\n", "  - id: name\n    code: identity\n    sensitive: false\ndata_subjects:\n", 1
)
MATERIAL_RELEASE = ["release", "minimal", "--version", "1.1", "--summary-fr", "Nom", "--summary-en", "Name"]
HINT = re.compile(r"\(run: privacy-center (.+)\)$")


def repaired(capsys: pytest.CaptureFixture[str], rounds: int = 3) -> list[str]:
    """Run validate and follow the command its first error gives (its placeholders filled in), until it reports no
    error; the commands run."""
    followed: list[str] = []
    for _ in range(rounds):
        code, lines = run(capsys, "validate", "--no-warnings", "--data-dir", "data")
        if code == 0:
            return followed
        hint = next((found for line in lines if (found := HINT.search(line))), None)
        assert hint is not None, lines
        followed.append(hint[1])
        filled = [a.replace("...", "Correction.").replace("YYYY-MM-DD", "2026-01-20") for a in shlex.split(hint[1])]
        assert main(filled) == 0, capsys.readouterr()  # what only the author knows, filled in as they would
    raise AssertionError(f"still not valid after following {followed}")


def test_a_listed_version_without_its_frozen_copy_is_an_error_whose_hint_repairs_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 7: removing the frozen copies (a renamed company's folder) no longer silences the release checks."""
    shutil.rmtree(data / "versions")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data/minimal.yaml:83:5: versions[0].version:", "version 1.0 of minimal is listed but not frozen")
    with pytest.raises(SiteDataError, match="listed but not frozen"):
        build_site(data, ["fr", "en"], "fr")
    assert repaired(capsys) == ["release minimal --version 1.0"]
    assert (data / "versions" / "minimal" / "1.0.yaml").is_file()


def test_an_older_version_without_its_frozen_copy_says_how_to_restore_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data / "minimal.yaml").write_text(MATERIAL, encoding="utf-8")
    assert main(MATERIAL_RELEASE) == 0
    capsys.readouterr()
    (data / "versions" / "minimal" / "1.0.yaml").unlink()
    code, lines = run(capsys, "validate", "--no-warnings", "--data-dir", "data")
    assert code == 1
    located(lines, "versions[0].version: version 1.0 of minimal is listed but not frozen", "git restore --source=")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_material_version_without_its_notice_is_an_error_whose_hint_repairs_it(
    data: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    """Item 2: deleting the notices of a material version is detected, by validate and by the build."""
    (data / "minimal.yaml").write_text(MATERIAL, encoding="utf-8")
    assert main(MATERIAL_RELEASE) == 0
    capsys.readouterr()
    (data / "versions" / "minimal" / f"1.1.notice.{language}.txt").unlink()
    code, lines = run(capsys, "validate", "--no-warnings", "--data-dir", "data")
    assert code == 1
    located(lines, "versions[1].version: version 1.1 of minimal has material changes but no notice", language)
    with pytest.raises(SiteDataError, match="no notice of change"):
        build_site(data, ["fr", "en"], "fr")
    assert repaired(capsys) == ["notice minimal --version 1.1"]
    assert (data / "versions" / "minimal" / f"1.1.notice.{language}.txt").is_file()


KILLER = """
import os, signal, sys
import privacy_center.site.release as release
from privacy_center.cli import main
original, calls, at = release.write_whole, [0], int(sys.argv[1])
def replace(target, text):
    if calls[0] == at:
        os.kill(os.getpid(), signal.SIGKILL)
    calls[0] += 1
    original(target, text)
release.write_whole = replace
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("at", [0, 1, 2, 3], ids=["company-file", "frozen-copy", "first-notice", "second-notice"])
def test_a_release_killed_before_any_write_leaves_a_state_that_validate_reports_and_repairs(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], at: int
) -> None:
    """Item 2: `kill -9` before each of the four writes of a material release: never a published version without
    its notices; validate reports what is missing with the command that completes it."""
    (data / "minimal.yaml").write_text(MATERIAL, encoding="utf-8")
    environment = dict(os.environ, TMPDIR=str(tmp_path))
    killed = subprocess.run([sys.executable, "-c", KILLER, str(at), *MATERIAL_RELEASE], env=environment, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert not list(data.rglob("*.tmp"))  # each file is whole or absent
    code, _ = run(capsys, "validate", "--no-warnings", "--data-dir", "data")
    assert code == 1
    repaired(capsys)
    folder = data / "versions" / "minimal"
    assert (folder / "1.1.yaml").is_file() and (folder / "1.1.notice.fr.txt").is_file()
    assert (folder / "1.1.notice.en.txt").is_file()


def test_a_release_that_fails_writes_nothing(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notices are written in a temporary folder first: when they cannot be, nothing is published."""
    import privacy_center.site.release as release

    (data / "minimal.yaml").write_text(MATERIAL, encoding="utf-8")
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}

    def broken(*args: object) -> dict[str, str]:
        raise RuntimeError("wording missing")

    monkeypatch.setattr(release, "_notice_texts", broken)
    code, lines = run(capsys, *MATERIAL_RELEASE)
    assert code == 1 and "nothing was released" in "\n".join(lines)
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_a_data_folder_that_is_a_link_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data.rename(tmp_path / "elsewhere")
    data.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "data:1:1", "is a link")
    with pytest.raises(SiteDataError, match="is a link"):
        build_site(data, ["fr", "en"], "fr")


# smaller findings


def test_a_name_per_language_is_one_line(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line break in `name: {fr: ...}` reached a mailto's subject as %0A, where a one-string name was refused."""
    text = MINIMAL.replace("name: Minimal\n", 'name: {fr: "Mini\\nmal", en: Minimal}\n', 1)
    assert text != MINIMAL
    (data / "minimal.yaml").write_text(text, encoding="utf-8")
    code, lines = run(capsys, "validate", "--data-dir", "data")
    assert code == 1
    located(lines, "name.fr: line break or tab U+000A is not allowed here", "a name is one line in every language")


def test_the_pull_request_comment_escapes_strikethrough(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub reads `~~x~~` as strikethrough: text from the data never becomes it (our deleted words still do)."""
    from markdown_it import MarkdownIt

    (data / "minimal.yaml").write_text(MINIMAL.replace("name: Mailer Ltd", 'name: "Mailer ~~Ltd~~"'), encoding="utf-8")
    assert main(["diff", "--data-dir", "data"]) == 0
    comment = capsys.readouterr().out
    html = MarkdownIt("commonmark").enable("strikethrough").render(comment)
    assert "<s>" not in html and "Mailer ~~Ltd~~" in html


def test_versions_json_escapes_markup_characters_as_the_other_json_files() -> None:
    from privacy_center.check.resolve import company_from_data
    from privacy_center.render.feeds import version_index

    loaded = yaml.safe_load(MINIMAL.replace("name: Minimal\n", 'name: "<b>Mini & mal</b>"\n', 1))
    company = company_from_data(loaded)
    text = version_index([company], {}, ["fr", "en"], "fr").content
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text)["companies"][0]["name"]["fr"] == "<b>Mini & mal</b>"
