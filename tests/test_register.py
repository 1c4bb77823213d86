"""The record of processing activities (issue 13, item 3): `privacy-center export register`, one row per purpose,
checked against the data for every seed and the history demo, as CSV in French and English and as a workbook."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from openpyxl import load_workbook
from privacy_center.checker import default_context
from privacy_center.model import NOT_STATED, Company
from privacy_center.phrases import join, localize
from privacy_center.publish import in_force_day
from privacy_center.site import check_company
from privacy_center.wording import load_wording


def export(data: Path, output: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "privacy_center.cli", "export", "register", "--data-dir", str(data)]
    return subprocess.run([*command, "--output", str(output), *args], capture_output=True, text=True, timeout=300)


def companies(data: Path) -> list[Company]:
    found = []
    for path in sorted(data.glob("*.yaml")):
        build = check_company(path, default_context(), (), ["fr", "en"], "fr", in_force_day())
        assert build.company is not None, path
        found.append(build.company)
    return found


def expected_cells(company: Company, language: str) -> list[tuple[str, str, str]]:
    """What the data says of each purpose: its name, its legal bases, its retention rules' subjects."""
    words = load_wording(language)
    cells = []
    for purpose in company.purposes:
        bases = (
            words("label.not_stated")
            if purpose.legal_bases == NOT_STATED
            else join((words(f"legal_basis.{b.basis}.name") for b in purpose.legal_bases), words)
        )
        cells.append((localize(company.name, words), localize(purpose.name, words), bases))
    return cells


@pytest.mark.parametrize(("language", "separator"), [("fr", ";"), ("en", ",")])
@pytest.mark.parametrize("data", [ROOT / "data", FIXTURES / "history" / "data"], ids=["seeds", "history"])
def test_csv_has_one_row_per_purpose_as_the_data_says(
    tmp_path: Path, data: Path, language: str, separator: str
) -> None:
    output = tmp_path / "register.csv"
    done = export(data, output, "--lang", language)
    assert done.returncode == 0, done.stderr
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark: spreadsheets read the accents right
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=separator))
    words = load_wording(language)
    assert table[0] == [words(f"register.{column}") for column in ("company", "purpose", "legal_bases")] + table[0][3:]
    assert len(table[0]) == 12
    expected = [cell for company in companies(data) for cell in expected_cells(company, language)]
    assert [tuple(row[:3]) for row in table[1:]] == expected
    assert all(len(row) == 12 and all(cell.strip() for cell in row) for row in table[1:])  # no empty cell


def test_retention_and_sensitive_data_follow_the_data(tmp_path: Path) -> None:
    output = tmp_path / "register.csv"
    assert export(ROOT / "data", output, "--lang", "en").returncode == 0
    table = list(csv.reader(io.StringIO(output.read_bytes().decode("utf-8-sig")), delimiter=","))
    words = load_wording("en")
    rows = iter(table[1:])
    for company in companies(ROOT / "data"):
        for purpose in company.purposes:
            row = next(rows)
            if purpose.retention == NOT_STATED:
                assert row[8] == words("label.not_stated")
            else:
                for rule in purpose.retention:
                    assert localize(rule.applies_to, words) in row[8]
            if purpose.data_categories != NOT_STATED and not any(c.sensitive for c in purpose.data_categories):
                assert row[5] == words("register.no_sensitive")


def test_the_workbook_has_one_sheet_per_company(tmp_path: Path) -> None:
    output = tmp_path / "register.xlsx"
    done = export(ROOT / "data", output, "--format", "xlsx", "--lang", "fr")
    assert done.returncode == 0, done.stderr
    book = load_workbook(output)
    found = companies(ROOT / "data")
    assert book.sheetnames == [company.slug for company in found]
    for company in found:
        sheet = book[company.slug]
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) == len(company.purposes) + 1
        assert [row[:3] for row in rows[1:]] == expected_cells(company, "fr")
        assert sheet["A1"].font.bold


def test_bad_data_exports_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (data / "minimal.yaml").write_text(text.replace("role: controller", "role: boss"), encoding="utf-8")
    done = export(data, tmp_path / "register.csv")
    assert done.returncode == 1 and not (tmp_path / "register.csv").exists()
    assert "minimal.yaml:" in done.stderr and "nothing exported" in done.stderr
    shutil.rmtree(data)


def test_an_unknown_language(tmp_path: Path) -> None:
    done = export(ROOT / "data", tmp_path / "register.csv", "--lang", "de")
    assert done.returncode == 1 and done.stderr == "privacy-center: no wording for 'de' (one of: fr, en)\n"


def test_the_site_does_not_publish_it(site: Path) -> None:
    assert not [path for path in site.rglob("*") if "register" in path.name.lower()]


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A purpose named `=HYPERLINK(...)` passes validate (it is plain text); in a spreadsheet it would be a live
    link. The CSV cell starts with the apostrophe spreadsheets read as "text"; the workbook cell is a string."""
    import zipfile

    data = tmp_path / "data"
    data.mkdir()
    formula = '=HYPERLINK("https://evil.test/","x")'
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (data / "minimal.yaml").write_text(text.replace("en: Sending the newsletter", f"en: '{formula}'"), encoding="utf-8")
    done = export(data, tmp_path / "register.csv", "--lang", "en")
    assert done.returncode == 0, done.stderr
    [_, row] = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8-sig"))))
    assert row[1] == "'" + formula
    done = export(data, tmp_path / "register.xlsx", "--lang", "en", "--format", "xlsx")
    assert done.returncode == 0, done.stderr
    assert load_workbook(tmp_path / "register.xlsx")["minimal"]["B2"].value == formula
    sheet = zipfile.ZipFile(tmp_path / "register.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in sheet


@pytest.mark.parametrize("value", ["true", '"yes"'])
def test_the_site_publishes_it_when_configured(tmp_path: Path, value: str) -> None:
    """`extra.privacy_center.publish_register: true` in mkdocs.yml: `/register.<lang>.csv`, the same bytes as the
    export; any other value than true or false stops the build with the key to fix."""
    from conftest import make_project, mkdocs

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", data_dir=ROOT / "data")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n", f"extra:\n  privacy_center:\n    publish_register: {value}\n"), "utf-8")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    if value != "true":
        assert result.returncode == 1
        said = result.stdout + result.stderr  # mkdocs prints an abort on stdout
        assert "mkdocs.yml: extra.privacy_center.publish_register: expected true or false, not 'yes'" in said
        return
    assert result.returncode == 0, result.stderr
    for language in ("fr", "en"):
        done = export(ROOT / "data", tmp_path / f"register.{language}.csv", "--lang", language)
        assert done.returncode == 0, done.stderr
        published = (tmp_path / "out" / f"register.{language}.csv").read_bytes()
        assert published == (tmp_path / f"register.{language}.csv").read_bytes()
