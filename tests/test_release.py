"""Releasing versions: an unannounced change is refused, a release records and freezes the new version."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from privacy_center.check.schema import SCHEMA_PATH
from privacy_center.cli import main
from privacy_center.site.checker import check_files


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with Coopo and its frozen version 1.0, in the working folder (as ./data)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    (folder / "versions" / "coopo").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "coopo.yaml", folder / "coopo.yaml")
    shutil.copy(ROOT / "data" / "versions" / "coopo" / "1.0.yaml", folder / "versions" / "coopo" / "1.0.yaml")
    return folder


def shorten_cookies(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 13, unit: months}", "value: 6, unit: months}"),
        encoding="utf-8",
    )


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
        'new version is recorded (run: privacy-center release coopo --version 1.1 --summary-fr "..." '
        '--summary-en "..." --date YYYY-MM-DD)'
    )


def test_release_records_and_freezes_the_new_version(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shorten_cookies(data)
    code = main(
        [
            "release",
            "coopo",
            "--version",
            "1.1",
            "--summary-fr",
            "Cookies : 6 mois.",
            "--summary-en",
            "Cookies: 6 months.",
            "--date",
            "2026-12-01",
            "--data-dir",
            str(data),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "coopo: version 1.1 recorded and frozen (content hash " in capsys.readouterr().out
    text = (data / "coopo.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../hooks/")  # comments and layout kept
    assert "\n# Coopo: encoded from" in text
    assert text.endswith(
        '  - version: "1.1"\n    date: "2026-12-01"\n    summary:\n      fr: "Cookies : 6 mois."\n'
        '      en: "Cookies: 6 months."\n'
    )
    frozen = (data / "versions" / "coopo" / "1.1.yaml").read_text(encoding="utf-8")
    first, _, rest = frozen.partition("\n")
    assert rest == text.partition("\n")[2]  # a copy, but for where its editor schema line points from its folder
    reference = first.removeprefix("# yaml-language-server: $schema=")
    assert (data / "versions" / "coopo" / reference).resolve() == SCHEMA_PATH.resolve()
    assert messages(data) == []


@pytest.mark.parametrize(
    "args,expected",
    [
        (
            ["--version", "0.9", "--summary-fr", "x", "--summary-en", "y"],
            "version 0.9 must be higher than the last listed version 1.0",
        ),
        (["--version", "1.1"], "a new version needs --summary-fr and --summary-en"),
        (["--version", "1.0"], "version 1.0 is already frozen"),
    ],
)
def test_release_refuses_a_bad_request(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    before = (data / "coopo.yaml").read_text(encoding="utf-8")
    assert main(["release", "coopo", *args, "--data-dir", str(data)]) == 1
    assert expected in capsys.readouterr().err
    assert (data / "coopo.yaml").read_text(encoding="utf-8") == before


def test_a_listed_version_without_its_frozen_copy_is_an_error(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + '  - version: "1.1"\n    date: "2026-12-01"\n    summary:\n'
        '      fr: "x"\n      en: "y"\n',
        encoding="utf-8",
    )
    assert messages(data) == [
        "versions[1].version: version 1.1 of coopo is listed but not frozen "
        "(run: privacy-center release coopo --version 1.1)"
    ]


def test_a_frozen_version_missing_from_the_list_is_an_error(data: Path) -> None:
    shutil.copy(data / "versions" / "coopo" / "1.0.yaml", data / "versions" / "coopo" / "0.9.yaml")
    assert messages(data) == [
        "versions: frozen version 0.9 of coopo is missing from versions "
        "(add version 0.9 back, or delete versions/coopo/0.9.yaml)"
    ]


def test_release_hints_name_the_data_folder_when_it_is_not_the_default(data: Path, monkeypatch) -> None:
    monkeypatch.chdir(data)
    shorten_cookies(data)
    [error] = check_files([data / "coopo.yaml"]).errors
    assert (
        error.fix
        == 'run: privacy-center release coopo --version 1.1 --summary-fr "..." --summary-en "..." --date YYYY-MM-DD '
        "--data-dir ."
    )


def test_a_text_changed_in_one_language_only_is_flagged_as_maybe_stale(data: Path) -> None:
    path = data / "coopo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("(data minimization).", "(data minimisation)."), encoding="utf-8"
    )
    result = check_files([path])
    [stale] = [w for w in result.warnings if "stale" in w.message]
    assert stale.format().endswith(
        "introduction: the en text changed since version 1.0 but the fr text did not: "
        "the translation may be stale (check that the fr text still says the same)"
    )


HISTORY = Path(__file__).parent / "fixtures" / "history"


def edit_demo(folder: Path) -> None:
    """The change reviewed in fixtures/history/review.md: a longer cookie lifetime, a section reworded in English."""
    path = folder / "demo.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("value: 13", text.index("\ncookies:"))
    text = text[:at] + "value: 24" + text[at + len("value: 13") :]
    path.write_text(
        text.replace("before the competent courts of Grenoble.", "before the courts of Lyon."), encoding="utf-8"
    )


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
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=tmp_path, check=True)
    edit_demo(tmp_path / "data")
    assert main(["diff", "--base", "HEAD", str(tmp_path / "data" / "demo.yaml")]) == 0
    out = capsys.readouterr().out
    assert "### Démo Fictive (`demo`): changes since HEAD" in out
    assert "- *Material change*: Lifetime of the cookie “Optional cookies”: 13 months → 24 months" in out


def new_company(folder: Path, slug: str = "minimal") -> Path:
    """A new company's file as an author writes it: everything but `versions`, with comments."""
    source = (Path(__file__).parent / "fixtures" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yaml"
    path.write_text(source[: source.index("versions:")] + "# last line, kept\n", encoding="utf-8")
    return path


def release(data: Path, version: str, fr: str = "a", en: str = "b", *extra: str) -> int:
    """`privacy-center release minimal` on the company of `new_company`."""
    args = ["release", "minimal", "--version", version, "--summary-fr", fr, "--summary-en", en, *extra]
    return main([*args, "--data-dir", str(data)])


def test_validate_says_a_new_company_has_no_version_and_the_command_to_record_it(tmp_path: Path) -> None:
    import os

    path = new_company(tmp_path / "data")
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the hint names --data-dir only when the file is not in ./data
    try:
        [error] = check_files([Path("data/minimal.yaml")]).errors
    finally:
        os.chdir(cwd)
    assert error.format() == (
        "data/minimal.yaml:2:1: (document): no version recorded yet (run: privacy-center release minimal "
        '--version 1.0 --summary-fr "..." --summary-en "..." --date YYYY-MM-DD to record and freeze the first version)'
    )
    assert path.is_file()


def test_the_first_release_hint_works_when_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re
    import shlex

    path = new_company(tmp_path / "elsewhere")
    [error] = check_files([path]).errors
    command = re.search(r"\(run: privacy-center (.+) to record and freeze the first version\)$", error.format())
    assert command, error.format()
    pasted = shlex.split(command.group(1))
    assert main(pasted) == 1  # pasted as it is: it asks for what only the author knows
    assert "--date YYYY-MM-DD: write the date the policy takes effect" in capsys.readouterr().err
    args = [
        arg.replace("...", "Première version." if i < 6 else "First version.").replace("YYYY-MM-DD", "2026-01-15")
        for i, arg in enumerate(pasted)
    ]
    assert main(args) == 0, capsys.readouterr().err
    assert check_files([path]).errors == ()


def test_release_writes_the_first_version_of_a_new_company(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    path = new_company(data)
    before = path.read_text(encoding="utf-8")
    code = release(data, "1.0", "Première version.", "First version.", "--date", "2026-01-15")
    assert code == 0, capsys.readouterr().err
    assert "minimal: version 1.0 recorded and frozen (content hash " in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert text == before + (
        'versions:\n  - version: "1.0"\n    date: "2026-01-15"\n    summary:\n'
        '      fr: "Première version."\n      en: "First version."\n'
    )
    assert (data / "versions" / "minimal" / "1.0.yaml").read_text(encoding="utf-8") == text
    result = check_files([path])
    assert (result.errors, result.warnings) == ((), ())
    # the next release appends to the list just written
    path.write_text(text.replace("name: Mailer Ltd", "name: Mailer Limited"), encoding="utf-8")
    assert release(data, "1.1", "Nom du prestataire.", "Processor's name.") == 0
    assert check_files([path]).errors == ()
    assert path.read_text(encoding="utf-8").count("  - version: ") == 2


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--version", "1.0"], "a new version needs --summary-fr and --summary-en"),
        (["--version", "one", "--summary-fr", "x", "--summary-en", "y"], "'one' is not a version number"),
    ],
)
def test_a_first_release_refuses_a_bad_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    path = new_company(tmp_path / "data")
    before = path.read_text(encoding="utf-8")
    assert main(["release", "minimal", *args, "--data-dir", str(tmp_path / "data")]) == 1
    assert expected in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert not (tmp_path / "data" / "versions").exists()


def test_a_first_release_of_a_file_with_other_errors_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_company(tmp_path / "data")
    path.write_text(path.read_text(encoding="utf-8").replace("kind: processor", "kind: procesor"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert release(tmp_path / "data", "1.0") == 1
    err = capsys.readouterr().err
    assert "recipients[0].kind: 'procesor' is not an allowed value" in err
    assert "no version recorded yet" not in err
    assert path.read_text(encoding="utf-8") == before


def test_an_empty_versions_list_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_company(tmp_path / "data")
    path.write_text(path.read_text(encoding="utf-8") + "versions: []\n", encoding="utf-8")
    [error] = check_files([path]).errors
    assert (
        "versions: the versions list is empty (delete the 'versions:' line, then run: privacy-center release "
        "minimal --version 1.0" in error.format()
    )
    assert release(tmp_path / "data", "1.0") == 1
    assert "'versions' is empty (delete that line: the release writes the list)" in capsys.readouterr().err


def test_diff_compares_any_two_versions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--from A --to B` compares two frozen versions of one company (`--to` left out: the working file; `--from`
    left out: the version before `--to`), with the same changes the history pages compute."""
    from privacy_center.history.diff import diff
    from privacy_center.render.phrases import change
    from privacy_center.source.wording import load_wording
    from test_diff import company

    shutil.copytree(HISTORY / "data", tmp_path / "data")
    demo = str(tmp_path / "data" / "demo.yaml")
    assert main(["diff", "--from", "1.0", "--to", "2.0", demo]) == 0
    out = capsys.readouterr().out
    assert "### Démo Fictive (`demo`): changes from 1\\.0 to 2\\.0" in out
    assert "### Démo Fictive (`demo`) : changements de 1\\.0 à 2\\.0" in out.replace("\u00a0", " ")
    english = [change(c, load_wording("en")) for c in diff(company("1.0"), company("2.0"))]
    assert len(english) > 3 and out.split("(English)")[1].count("\n- ") == len(english)
    assert main(["diff", "--to", "1.1", demo]) == 0
    assert "changes from 1\\.0 to 1\\.1" in capsys.readouterr().out
    assert main(["diff", "--from", "3.0", demo]) == 0
    assert "since 3\\.0" in capsys.readouterr().out
    assert main(["diff", "--from", "9.9", demo]) == 1
    assert "demo.yaml: no frozen version 9.9 (frozen: 1.0, 1.1, 2.0, 3.0;" in capsys.readouterr().err
    assert main(["diff", "--to", "1.0", demo]) == 1
    assert "no frozen version before 1.0 to compare with" in capsys.readouterr().err
    shutil.copy(Path(__file__).parent / "fixtures" / "valid" / "minimal.yaml", tmp_path / "data")
    assert main(["diff", "--from", "1.0", "--data-dir", str(tmp_path / "data")]) == 2  # which company?
    assert "name its file" in capsys.readouterr().err


def test_diff_base_compares_from_where_the_branch_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--base main` on a branch compares with the merge base: a change merged to main since the branch left it
    is not reported (reversed) as the branch's own."""
    import subprocess

    shutil.copytree(HISTORY / "data", tmp_path / "data")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]

    def run(*args: str) -> None:
        subprocess.run([*git, *args], cwd=tmp_path, check=True, capture_output=True)

    run("init", "-q")
    run("add", ".")
    run("commit", "-qm", "base")
    run("checkout", "-qb", "feature")
    demo = tmp_path / "data" / "demo.yaml"
    edit_demo(tmp_path / "data")  # the branch's own change: a cookie lifetime
    run("commit", "-qam", "feature")
    run("checkout", "-q", "main")
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("before the competent courts of Grenoble.", "before the courts of Paris."), "utf-8")
    run("commit", "-qam", "main moved on")
    run("checkout", "-q", "feature")
    assert main(["diff", "--base", "main", str(demo)]) == 0
    captured = capsys.readouterr()
    assert "Lifetime of the cookie “Optional cookies”: 13 months → 24 months" in captured.out
    assert "Paris" not in captured.out  # main's own change, not the branch's
    assert "where this branch left it: commit" in captured.err
    assert main(["diff", "--base", "no-such-branch", str(demo)]) == 1
    assert "git cannot find where HEAD left no-such-branch" in capsys.readouterr().err


def test_a_release_is_amended_until_it_is_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`release --amend` freezes the latest version again (a typo caught in review) while it is announced and not
    in force, or not yet in the base branch; once in force and published it is refused with the command that
    releases a new version instead."""
    import subprocess
    from datetime import date, timedelta

    data = tmp_path / "data"
    path = new_company(data)
    assert release(data, "1.0", "Première version.", "First version.", "--date", "2020-01-01") == 0
    later = (date.today() + timedelta(days=30)).isoformat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Minimal SAS", "Minimal Exemple SAS", 1), encoding="utf-8")
    assert "Minimal Exemple SAS" in path.read_text(encoding="utf-8"), "the fixture's legal name"
    assert release(data, "1.1", "Nom corrigé.", "Name corrected.", "--date", later) == 0
    frozen = data / "versions" / "minimal" / "1.1.yaml"
    capsys.readouterr()
    path.write_text(path.read_text(encoding="utf-8").replace("Minimal Exemple SAS", "Minimal Example Group SAS"))
    assert check_files([path]).errors, "an unreleased edit is an error until released"
    amend = ["release", "minimal", "--version", "1.1", "--amend", "--data-dir", str(data)]
    assert main(amend) == 0, capsys.readouterr().err
    assert "minimal: version 1.1 frozen again" in capsys.readouterr().out
    assert "Minimal Example Group SAS" in frozen.read_text(encoding="utf-8")
    assert check_files([path]).errors == ()
    assert main(["release", "minimal", "--version", "1.0", "--amend", "--data-dir", str(data)]) == 1
    assert "--amend freezes the latest released version again (1.1), not 1.0" in capsys.readouterr().err
    assert main([*amend, "--date", later]) == 1
    assert "then release --amend without --date or --summary" in capsys.readouterr().err
    assert (
        main(
            [
                "release",
                "minimal",
                "--version",
                "1.1",
                "--summary-fr",
                "a",
                "--summary-en",
                "b",
                "--data-dir",
                str(data),
            ]
        )
        == 1
    )
    assert "to correct it before it is published: privacy-center release minimal --version 1.1 --amend" in (
        capsys.readouterr().err
    )
    # in force: refused, unless the base branch does not have it yet
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'date: "{later}"', 'date: "2021-01-01"'), encoding="utf-8")
    assert main(amend) == 1
    said = capsys.readouterr().err
    assert "minimal: version 1.1 is in force since 2021-01-01: a published version is not rewritten" in said
    assert "privacy-center release minimal --version 1.2" in said
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "base"], cwd=tmp_path, check=True)
    assert main([*amend, "--base", "main"]) == 0, capsys.readouterr().err  # 1.1 is not in main yet
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "publish"], cwd=tmp_path, check=True)
    assert main([*amend, "--base", "main"]) == 1
    assert "is in force since 2021-01-01 and is in main" in capsys.readouterr().err


def test_a_released_entry_is_kept_as_released(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A released version's date and summary stay as frozen (the history, feeds and notices quote them): an edit is
    an error that says how to put it back, or to amend the latest before it is published; a summary given to
    release for a version the file already lists is refused, not dropped."""
    data = tmp_path / "data"
    path = new_company(data)
    assert release(data, "1.0", "Première version.", "First version.", "--date", "2020-01-01") == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('fr: "Première version."', 'fr: "Version corrigée."'), encoding="utf-8")
    [error] = check_files([path]).errors
    said = error.format()
    assert "versions[0]: the entry of released version 1.0 differs from its frozen copy (summary) (put it back " in said
    assert "data/versions/minimal/1.0.yaml; before the version is published: privacy-center release minimal " in said
    assert said.endswith(f"--version 1.0 --amend --data-dir {Path(error.file).parent})")
    path.write_text(text, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '  - version: "1.1"\n    date: "2020-02-01"\n    summary: {fr: a, en: b}\n', "utf-8")
    assert release(data, "1.1", "Autre.", "Other.") == 1
    assert "already listed in the file, with its own date and summary" in capsys.readouterr().err
