"""The record of processing activities (issue 13, item 3): `privacy-center export register`, one row per purpose,
checked against the data for every seed and the history demo, as CSV in French and English and as a workbook."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, freeze
from openpyxl import load_workbook
from privacy_center.model import statements
from privacy_center.model.model import NOT_STATED, Alternatives, Company, Purpose, Text, Transfers
from privacy_center.records import register
from privacy_center.render.phrases import category_name, join, localize
from privacy_center.site.build import check_company
from privacy_center.site.checker import default_context
from privacy_center.source.publish import in_force_day
from privacy_center.source.wording import Wording, load_wording


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


def acts_as(company: Company, purpose: Purpose) -> str:
    """The company's role for a purpose, from the data: the purpose's own `role`, else the company's."""
    if purpose.role is not None:
        return purpose.role.acts_as
    return "processor" if company.role == "processor" else "controller"


def own(company: Company) -> list[Purpose]:
    """The purposes that are activities of the company (controller, joint controller or processor): another
    controller's processing, which the policy only describes (`other_controller`), has no row."""
    found = [p for p in company.purposes if acts_as(company, p) != "other_controller"]
    assert [p for p in company.purposes if statements.of(company).of(p).role.own] == found
    return found


def expected_reading(purpose: Purpose, words: Wording) -> str:
    """The last cell: the purpose's note, for a purpose whose links to data, retention and recipients are a reading
    of the policy (`linked_by_reading`); empty otherwise."""
    if not purpose.linked_by_reading:
        return ""
    assert purpose.note is not None, purpose.id  # a reading says what it reads
    return words.typeset(words("register.reading_note", note=localize(purpose.note, words)))


def expected_cells(company: Company, language: str) -> list[tuple[str, str, str, str]]:
    """What the data says of each of the company's own purposes: the Art. 30 record it belongs in (30(2) for the work
    the company does as a processor, 30(1) otherwise), the company, the purpose's name and its legal bases, typeset
    as every cell."""
    words = load_wording(language)
    cells = []
    for purpose in own(company):
        record = words(f"register.record_{'processor' if acts_as(company, purpose) == 'processor' else 'controller'}")
        bases = register.bases(purpose, words)  # its rule is checked on its own in test_each_legal_basis_keeps_its_note
        name, purpose_name = localize(company.name, words), localize(purpose.name, words)
        cells.append((words.typeset(record), words.typeset(name), words.typeset(purpose_name), words.typeset(bases)))
    return cells


def expected_sensitive(company: Company, purpose: Purpose, language: str) -> str | None:
    """The sensitive-data cell the data calls for: the categories marked sensitive; "None" only for the policy's
    explicit no; its own words when it answers without a yes or no; "not stated" for silence. None when the
    policy says it processes special categories without saying in which purpose (not checked here)."""
    words = load_wording(language)
    categories = () if purpose.data_categories == NOT_STATED else purpose.data_categories
    special = company.special_categories
    if sensitive := [c for c in categories if c.sensitive]:
        cell = join((category_name(c, words) for c in sensitive), words)
    elif special == NOT_STATED:
        cell = words("label.not_stated")
    elif special.processed is False:
        cell = words("register.no_sensitive")
    elif special.processed is None:
        cell = words("register.sensitive_statement", text=localize(special.statement, words))
    else:
        return None
    return words.typeset(cell)


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
    # the record (Art. 30(1) or 30(2)) comes first: a processor's activities are a register of their own
    first = ("record", "company", "purpose", "legal_bases")
    assert table[0] == [words(f"register.{column}") for column in first] + table[0][4:]
    assert len(table[0]) == len(register.COLUMNS) == 14
    assert table[0][-1] == words("register.reading") and register.COLUMNS[-1] == "reading"
    found = companies(data)
    expected = [cell for company in found for cell in expected_cells(company, language)]
    assert [tuple(row[:4]) for row in table[1:]] == expected
    # no empty cell but the last: the reading, for the purposes whose links are one only
    assert all(len(row) == 14 and all(cell.strip() for cell in row[:-1]) for row in table[1:])
    readings = [expected_reading(p, words) for company in found for p in own(company)]
    assert [row[-1] for row in table[1:]] == readings


def test_retention_and_sensitive_data_follow_the_data(tmp_path: Path) -> None:
    output = tmp_path / "register.csv"
    assert export(ROOT / "data", output, "--lang", "en").returncode == 0
    table = list(csv.reader(io.StringIO(output.read_bytes().decode("utf-8-sig")), delimiter=","))
    words = load_wording("en")
    retention, sensitive = register.COLUMNS.index("retention"), register.COLUMNS.index("sensitive")
    rows = iter(table[1:])
    for company in companies(ROOT / "data"):
        for purpose in own(company):
            row = next(rows)
            if purpose.retention == NOT_STATED:
                assert row[retention] == words("label.not_stated")
            else:
                for rule in purpose.retention:
                    assert localize(rule.applies_to, words) in row[retention]
            # "None" only where the policy says so, "not stated" for its silence, its words when it answers
            # without a yes or no (it was "None" whenever no listed category was marked sensitive)
            expected = expected_sensitive(company, purpose, "en")
            if expected is not None:
                assert row[sensitive] == expected, (company.slug, purpose.id)


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
        assert len(rows) == len(own(company)) + 1
        assert [row[:4] for row in rows[1:]] == expected_cells(company, "fr")
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
    freeze(data)
    done = export(data, tmp_path / "register.csv", "--lang", "en")
    assert done.returncode == 0, done.stderr
    [_, row] = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8-sig"))))
    column = register.COLUMNS.index("purpose")
    assert row[column] == "'" + formula
    done = export(data, tmp_path / "register.xlsx", "--lang", "en", "--format", "xlsx")
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(tmp_path / "register.xlsx")["minimal"]
    assert sheet.cell(row=2, column=column + 1).value == formula
    sheet_xml = zipfile.ZipFile(tmp_path / "register.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "HYPERLINK" in sheet_xml


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


def test_french_cells_are_typeset_as_the_pages() -> None:
    """Issue 21, item 6: the register's cells follow the pages' one typographic rule (wording.typeset) and the
    wording's colon: `Données de compte : pendant…` with its no-break space (it was `Données de compte: pendant…`)."""
    found = companies(ROOT / "data")
    words = load_wording("fr")
    table = list(csv.reader(io.StringIO(register.to_csv(found, words).decode("utf-8-sig")), delimiter=";"))
    assert [cell for row in table[1:] for cell in row if re.search(r" [:;?!»]|« ", cell)] == []
    column = register.COLUMNS.index("retention")
    rows = iter(table[1:])
    for company in found:
        for purpose in own(company):
            cell = next(rows)[column]
            for rule in () if purpose.retention == NOT_STATED else purpose.retention:
                assert f"{localize(rule.applies_to, words)}\u00a0: " in cell, cell
    assert any(row[column].startswith("Données de compte\u00a0: ") for row in table[1:])


# Issue 21: the register reads what the policy says, never silence as "none".


def seed(slug: str) -> Company:
    build = check_company(ROOT / "data" / f"{slug}.yaml", default_context(), (), ["fr", "en"], "fr", in_force_day())
    assert build.company is not None, slug
    return build.company


def cells(company: Company, language: str, column: str) -> list[str]:
    """One column of the company's rows, as the export writes them."""
    index = register.COLUMNS.index(column)
    return [row[index] for row in register.rows(company, load_wording(language))]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("slug", ["actifpilot", "coopo", "saas-provider"])
def test_silence_on_sensitive_data_is_not_none(slug: str, language: str) -> None:
    """These policies say nothing of special-category data and mark no category sensitive: every row says "not
    stated", none says "None" (it was "None" for every purpose with listed categories)."""
    company = seed(slug)
    assert company.special_categories == NOT_STATED
    assert not any(c.sensitive for c in company.data_categories)
    assert statements.of(company).special.answer == "not_stated"
    words = load_wording(language)
    found = cells(company, language, "sensitive")
    assert words.typeset(words("register.no_sensitive")) not in found
    assert found == [words.typeset(words("label.not_stated"))] * len(own(company))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_processor_activity_is_in_the_processor_record(language: str) -> None:
    """saas-provider: three purposes carried out for the Customer are Art. 30(2) rows whose controller is the
    Customer, the company their processor; the contract contacts are its own Art. 30(1) row; the Customer's own use
    of the data (`other_controller`), which the policy only describes, is in neither record."""
    company = seed("saas-provider")
    words = load_wording(language)
    records = cells(company, language, "record")
    processor = words.typeset(words("register.record_processor"))
    controller = words.typeset(words("register.record_controller"))
    assert records.count(processor) == 3 and records.count(controller) == 1 and len(records) == 4
    other = [p for p in company.purposes if acts_as(company, p) == "other_controller"]
    assert [p.id for p in other] == ["customer_purposes"]
    assert [statements.of(company).of(p).role.record for p in other] == [None]
    names = cells(company, language, "purpose")
    assert localize(other[0].name, words) not in names
    if language == "en":  # the example
        assert "Use of the data by the Customer" not in names
    roles = [acts_as(company, p) for p in own(company)]
    assert [statements.of(company).of(p).role.record for p in own(company)] == [
        "30(2)" if role == "processor" else "30(1)" for role in roles
    ]
    assert records == [processor if role == "processor" else controller for role in roles]
    identity = company.identity
    company_cell = " · ".join(
        [
            words("label.not_stated") if identity.legal_name == NOT_STATED else identity.legal_name,
            *([identity.registered_address] if identity.registered_address != NOT_STATED else []),
            *([company.contact.email] if company.contact.email not in (None, NOT_STATED) else []),
        ]
    )
    for cell, purpose in zip(cells(company, language, "controller"), own(company), strict=True):
        if acts_as(company, purpose) == "processor":
            assert purpose.role is not None
            assert isinstance(purpose.role.on_behalf_of, Text)
            customer = localize(purpose.role.on_behalf_of, words)
            assert cell == words.typeset(words("register.processor_for", controller=customer, processor=company_cell))
        else:
            assert cell == words.typeset(company_cell)


@pytest.mark.parametrize(("language", "joiner"), [("fr", " ou "), ("en", " or ")])
def test_alternative_instruments_are_joined_with_or(language: str, joiner: str) -> None:
    """actifpilot gives its transfer instruments as alternatives (`one_of: [scc, adequacy]`) and its transfers as
    possible: each cell says so, and joins the instruments with "or", never "and"."""
    company = seed("actifpilot")
    assert isinstance(company.transfers, Transfers)
    assert company.transfers.outside_eu == "possible"
    (transfer,) = company.transfers.items
    assert isinstance(transfer.safeguards, Alternatives)
    words = load_wording(language)
    either = joiner.join(words(f"safeguard.{code}") for code in transfer.safeguards)
    both = join((words(f"safeguard.{code}") for code in transfer.safeguards), words)
    for cell in cells(company, language, "transfers"):
        assert cell.startswith(words.typeset(words("register.transfer_possible")))
        assert words.typeset(either) in cell
        assert words.typeset(both) not in cell


SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_reading_column_is_filled_exactly_for_a_reading(language: str) -> None:
    """The last column ("A reading of the policy, not its letter") carries the purpose's note for each purpose whose
    links to data, retention and recipients are a reading (`linked_by_reading`), and is empty for every other."""
    words = load_wording(language)
    assert register.header(words)[-1] == words("register.reading")
    for slug in SEEDS:
        company = seed(slug)
        found = cells(company, language, "reading")
        assert [bool(cell) for cell in found] == [p.linked_by_reading for p in own(company)], slug
        assert found == [expected_reading(p, words) for p in own(company)], slug
        for cell, purpose in zip(found, own(company), strict=True):
            if purpose.linked_by_reading:
                assert words.typeset(localize(purpose.note, words)) in cell
        assert any(found), slug  # every seed has purposes linked by reading


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_legal_basis_keeps_its_note(language: str) -> None:
    """A basis the policy qualifies ("Consent (when you accept optional cookies)") keeps its note after its name,
    and bases with notes are separated by the semicolon, not joined with "and" as if cumulative."""
    words = load_wording(language)
    noted = 0
    for slug in SEEDS:
        company = seed(slug)
        for cell, purpose in zip(cells(company, language, "legal_bases"), own(company), strict=True):
            bases = () if purpose.legal_bases == NOT_STATED else purpose.legal_bases
            for basis in bases:
                if basis.note:
                    noted += 1
                    name = words(f"legal_basis.{basis.basis}.name")
                    assert words.typeset(f"{name} ({localize(basis.note, words)})") in cell
            several = len(bases) > 1
            if several and any(b.note for b in bases):
                assert words.typeset(words("punct.semicolon")) in cell
    assert noted  # coopo and coppernic qualify some of their bases


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_transfer_tied_to_no_purpose_says_so(language: str) -> None:
    """A transfer the policy ties to no purpose is in every purpose's cell, followed by "(the policy does not say
    for which purposes)"; a transfer tied to the purpose is not."""
    words = load_wording(language)
    unsaid = words.typeset(f" ({words('register.transfer_any_purpose')})")
    seen = 0
    for slug in SEEDS:
        company = seed(slug)
        found = statements.of(company)
        for cell, purpose in zip(cells(company, language, "transfers"), own(company), strict=True):
            loose = [t for t in found.of(purpose).transfers if not t.transfer.purposes]
            if not found.outside_eu.stated or found.outside_eu.no:
                assert unsaid not in cell
                continue
            assert cell.count(unsaid) == len(loose), (slug, purpose.id)
            seen += len(loose)
    assert seen  # actifpilot and coppernic have such a transfer


@pytest.mark.parametrize("formula", [" =1+1", "\u3000+1+1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)"])
def test_a_formula_after_blanks_or_in_full_width_stays_text(tmp_path: Path, formula: str) -> None:
    """Spreadsheets skip leading blanks (` =1+1` is a formula) and read `＝＋－＠` as `=+-@` in some locales."""
    assert register.as_text(formula) == "'" + formula
    data = tmp_path / "data"
    data.mkdir()
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (data / "minimal.yaml").write_text(text.replace("en: Sending the newsletter", f'en: "{formula}"'), encoding="utf-8")
    freeze(data)
    [_, row] = list(csv.reader(io.StringIO(register.to_csv(companies(data), load_wording("en")).decode("utf-8-sig"))))
    assert row[register.COLUMNS.index("purpose")].startswith("'")


def test_an_invisible_character_exports_nothing(tmp_path: Path) -> None:
    """A bidi override in a purpose name would reorder the register's cell: the export stops at the located error."""
    data = tmp_path / "data"
    data.mkdir()
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (data / "minimal.yaml").write_text(
        text.replace("en: Sending the newsletter", 'en: "Sending \\u202ethe newsletter"'), encoding="utf-8"
    )
    done = export(data, tmp_path / "register.csv", "--lang", "en")
    assert done.returncode == 1
    assert "purposes[0].name.en: invisible character U+202E is not allowed here" in done.stdout + done.stderr
    assert not (tmp_path / "register.csv").exists()
