"""Authoring: `privacy-center new`, the editor schema line of every company file, the schema the site publishes, and
the help of every command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs
from privacy_center import cli
from privacy_center.check.schema import SCHEMA_PATH
from privacy_center.site.checker import check_files

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")
COMMANDS = ["validate", "release", "diff", "new", "reference", "at", "export"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privacy_center.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_new_writes_a_file_that_validates_with_the_facts_to_fill_as_warnings(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    done = run("new", "acme-france", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path = tmp_path / "data" / "acme-france.yaml"
    text = path.read_text(encoding="utf-8")
    line = SCHEMA_LINE.match(text)
    assert line is not None, text[:200]
    assert (path.parent / line.group(1)).resolve() == SCHEMA_PATH.resolve()
    assert "\nslug: acme-france  # " in text and '\nname: "Acme France"  # ' in text
    result = check_files([path])
    assert result.errors == ()
    assert len(result.warnings) >= 20  # each a fact the policy must give
    assert "0 errors, " in done.stdout and "next steps:" in done.stdout
    assert "privacy-center validate data/acme-france.yaml" in done.stdout
    assert done.stderr == ""


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "acme.yaml"
    path.write_text("mine\n", encoding="utf-8")
    done = run("new", "acme", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert (
        done.stderr
        == "data/acme.yaml:1:1: (document): the file exists; nothing was written (edit it, or pick another slug)\n"
    )
    assert path.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("slug", ["Acme", "acme_fr", "acme-", "acme--fr", "a" * 65, "../acme"])
def test_new_refuses_a_slug_the_schema_refuses(tmp_path: Path, slug: str) -> None:
    (tmp_path / "data").mkdir()
    done = run("new", slug, cwd=tmp_path)
    assert done.returncode == 1
    assert "is not a usable slug" in done.stderr and done.stdout == ""
    assert list((tmp_path / "data").iterdir()) == []


def test_new_without_the_data_folder(tmp_path: Path) -> None:
    done = run("new", "acme", "--data-dir", "nowhere", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "privacy-center: no folder nowhere/ (run from the project's root, or pass --data-dir)\n"


def test_every_company_file_points_editors_to_the_schema() -> None:
    files = sorted((ROOT / "data").glob("*.yaml"))
    assert len(files) == 5
    for path in files:
        line = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
        assert line is not None, f"{path.name}: the first line must be the yaml-language-server schema line"
        assert (path.parent / line.group(1)).resolve() == SCHEMA_PATH.resolve(), path.name


def test_the_site_publishes_the_schema(site: Path) -> None:
    published = site / "schema" / "company.schema.json"
    assert published.read_bytes() == SCHEMA_PATH.read_bytes()
    assert json.loads(published.read_text(encoding="utf-8"))["$id"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_complete_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: privacy-center {command}")
    assert f"example: privacy-center {command}" in out  # a description, then an example that runs
    for option in re.findall(r"^\s+(--?[a-z][-a-z]*)", out, re.MULTILINE):
        assert re.search(rf"{option}\S*(?: [A-Z_]+)?\s+\S", out), f"{command} {option}: no help text"


def test_an_unknown_command_is_an_error_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["publish"])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "invalid choice: 'publish'" in captured.err


def test_a_new_company_is_released_then_built(tmp_path: Path) -> None:
    """The README's guide: new, date the first version, release, build; the company is in both languages."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    assert run("new", "acme", cwd=project).returncode == 0
    path = project / "data" / "acme.yaml"
    refused = run("release", "acme", "--version", "1.0", "--date", "2026-01-15", cwd=project)
    assert refused.returncode == 1 and "set them in the file's last versions entry (date: YYYY-MM-DD)" in refused.stderr
    path.write_text(path.read_text(encoding="utf-8").replace("date: not_stated", 'date: "2026-01-15"'), "utf-8")
    done = run("release", "acme", "--version", "1.0", cwd=project)
    assert done.returncode == 0, done.stderr
    build = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert build.returncode == 0, build.stderr[-3000:]
    assert "Acme" in (tmp_path / "site" / "acme" / "index.html").read_text(encoding="utf-8")
    assert "Acme" in (tmp_path / "site" / "en" / "acme" / "notice" / "index.html").read_text(encoding="utf-8")
    pages = [*(tmp_path / "site" / "acme").rglob("*.html"), *(tmp_path / "site" / "en" / "acme").rglob("*.html")]
    assert len(pages) >= 12
    for page in pages:  # an unfilled file (no right named yet...) leaves no Markdown syntax on a page
        assert "{:" not in page.read_text(encoding="utf-8"), page


def test_the_field_reference_is_up_to_date_and_complete() -> None:
    """reference/fields.<lang>.md are what `privacy-center reference` makes of the schema and wording today: a
    change to either without regenerating them fails here."""
    from privacy_center.check.reference import fields, render
    from privacy_center.check.schema import schema
    from privacy_center.source.wording import available_languages

    languages = list(available_languages())
    count = sum(1 for _ in fields(schema()))
    assert count > 200
    for language in languages:
        committed = (ROOT / "reference" / f"fields.{language}.md").read_text(encoding="utf-8")
        assert committed == render(language, languages), f"reference/fields.{language}.md: run privacy-center reference"
        assert committed.count("\n## `") == count
    french = (ROOT / "reference" / "fields.fr.md").read_text(encoding="utf-8")
    assert "## `purposes[].legal_bases[].basis`" in french
    assert "| `consent` | Consentement | Consent |" in french  # codes worded in every language
    assert "Sert: GDPR Art. 13(1)(c)" in french
    english = (ROOT / "reference" / "fields.en.md").read_text(encoding="utf-8")
    assert "| — |" not in english and "| — |" not in french, "a code without wording in some language"
    # every accepted form of a field declared by several branches, each with what it means
    outside = english.split("## `transfers.outside_eu`")[1].split("\n## ")[0]
    assert 'Type: `false` or `true` or `"possible"`' in outside
    assert "- `possible`: the policy describes transfers outside the EU only as a possibility" in outside
    # the codes of an open vocabulary (the wording group the declaration names) and of the period's forms
    assert "| `usage` | Usage and browsing data | Données d'usage et de navigation |" in english
    assert "| `legal_period` | La durée imposée par la loi | The period the law requires |" in french


def test_reference_check_finds_a_stale_file(tmp_path: Path) -> None:
    assert run("reference", "--output-dir", str(tmp_path), cwd=ROOT).returncode == 0
    assert run("reference", "--check", "--output-dir", str(tmp_path), cwd=ROOT).returncode == 0
    (tmp_path / "fields.en.md").write_text("old\n", encoding="utf-8")
    stale = run("reference", "--check", "--output-dir", str(tmp_path), cwd=ROOT)
    assert stale.returncode == 1
    assert stale.stderr == (
        f"{tmp_path}/fields.en.md:1:1: (document): out of date with the declarations (declaration.py) or the wording "
        "(run privacy-center reference)\n"
    )
