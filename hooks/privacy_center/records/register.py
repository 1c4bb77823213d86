"""The record of processing activities (GDPR Art. 30(1)), after the CNIL's register model: one row per purpose,
in one language, as CSV or as a workbook with one sheet per company. Internal: the site publishes the CSV only when
`extra.privacy_center.publish_register` is true in mkdocs.yml.

Every cell says only what the data says: `not_stated` is written as the wording's "not stated in the policy", and an
explicit none (no recipient, no transfer, no DPO, no sensitive data) only where the data states it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..model import statements
from ..model.model import NONE, NOT_STATED, Company, Purpose, Text
from ..render.feeds import Asset
from ..render.outputs import Output
from ..render.phrases import (
    category_name,
    including,
    join,
    localize,
    purpose_recipients,
    retention,
    safeguards,
    subject_name,
    transfer_name,
)
from ..source.wording import Wording, load_wording

COLUMNS = (
    "record",
    "company",
    "purpose",
    "legal_bases",
    "data_subjects",
    "data_categories",
    "sensitive",
    "recipients",
    "transfers",
    "retention",
    "security",
    "controller",
    "dpo",
    "reading",
)
# CSV for the spreadsheet software of each language: UTF-8 with a byte order mark (so Excel reads accents right),
# and the list separator of that locale (";" where the decimal mark is a comma, as in French).
SEPARATOR = {"fr": ";"}


def header(words: Wording) -> list[str]:
    return [words(f"register.{column}") for column in COLUMNS]


def rows(company: Company, words: Wording) -> list[list[str]]:
    """One row per purpose of the company, in `COLUMNS` order, each cell typeset by the language's one rule (French
    no-break spaces before `: ; ? !`, as on the pages)."""
    found = statements.of(company)
    return [
        [words.typeset(cell) for cell in _row(company, purpose, words)]
        for purpose in company.purposes
        if found.of(purpose).role.own  # another controller's processing is no activity of this company's register
    ]


def _row(company: Company, purpose: Purpose, words: Wording) -> list[str]:
    unknown = words("label.not_stated")
    found = statements.of(company).of(purpose)
    categories = purpose.data_categories
    special = found.special
    if special.yes and found.sensitive_categories:
        sensitive = join((category_name(c, words) for c in found.sensitive_categories), words)
    elif special.no:
        sensitive = words("register.no_sensitive")
    elif special.answer == "statement":
        sensitive = words("register.sensitive_statement", text=" ".join(localize(q, words) for q in special.quotes))
    else:
        sensitive = unknown
    if found.recipients == NONE:  # as the notice says it (_macros.md.j2), shared recipients included
        recipients = words("register.no_recipient")
    elif found.recipients is not NOT_STATED:
        recipients = purpose_recipients(purpose.recipients, company.shared_recipients, words)
    else:
        recipients = unknown
    return [
        words(f"register.record_{'processor' if found.role.record == '30(2)' else 'controller'}"),
        localize(company.name, words),
        localize(purpose.name, words),
        unknown if purpose.legal_bases is NOT_STATED else bases(purpose, words),
        unknown
        if purpose.data_subjects is NOT_STATED
        else join((subject_name(s, words) for s in purpose.data_subjects), words),
        unknown if categories is NOT_STATED else join((category_name(c, words) for c in categories), words),
        sensitive,
        recipients,
        _transfers(company, purpose, words),
        unknown
        if purpose.retention is NOT_STATED
        else words("punct.semicolon").join(
            f"{localize(r.applies_to, words)}{words('punct.colon')}{retention(r.period, words)}"
            for r in purpose.retention
        ),
        unknown
        if company.security_measures is NOT_STATED
        else including(
            company.security_measures, join((localize(m, words) for m in company.security_measures), words), words
        ),
        _controller(company, purpose, words),
        _dpo(company, words),
        words("register.reading_note", note=localize(purpose.note, words)) if found.reading and purpose.note else "",
    ]


def bases(purpose: Purpose, words: Wording) -> str:
    """Each legal basis with what the policy says of it ("Consent (when you accept optional cookies)"): bases that
    each cover part of the processing are not read as cumulative."""
    if purpose.legal_bases is NOT_STATED:
        return words("label.not_stated")
    named = [
        words(f"legal_basis.{b.basis}.name") + (f" ({localize(b.note, words)})" if b.note else "")
        for b in purpose.legal_bases
    ]
    return words("punct.semicolon").join(named) if any(b.note for b in purpose.legal_bases) else join(named, words)


def _transfers(company: Company, purpose: Purpose, words: Wording) -> str:
    found = statements.of(company)
    if not found.outside_eu.stated:
        return words("label.not_stated")
    if found.outside_eu.no:
        return words("register.no_transfer")
    described = [
        f"{transfer_name(t.transfer, words)}{words('punct.colon')}"
        + (words("label.safeguards_not_stated") if t.instruments is NOT_STATED else safeguards(t.instruments, words))
        + ("" if t.transfer.purposes else f" ({words('register.transfer_any_purpose')})")
        for t in found.of(purpose).transfers
    ]
    if found.outside_eu.answer == "possible":
        said = [words("register.transfer_possible"), *(localize(q, words) for q in found.outside_eu.quotes)]
        return words("punct.semicolon").join([" ".join(said), *described])
    return words("punct.semicolon").join(described) if described else words("label.not_stated")


def _controller(company: Company, purpose: Purpose, words: Wording) -> str:
    """The controller of the activity (Art. 30(1)(a)); for a processor's activity (Art. 30(2)(a)), the controller
    it acts for, then the company as processor."""
    identity = company.identity
    parts = [
        words("label.not_stated") if identity.legal_name is NOT_STATED else identity.legal_name,
        *([identity.registered_address] if identity.registered_address is not NOT_STATED else []),
        *([company.contact.email] if company.contact.email and company.contact.email is not NOT_STATED else []),
    ]
    role = statements.of(company).of(purpose).role
    if role.acts_as != "processor":
        return " · ".join(parts)
    controller = (
        localize(role.on_behalf_of, words) if isinstance(role.on_behalf_of, Text) else words("label.not_stated")
    )
    return words("register.processor_for", controller=controller, processor=" · ".join(parts))


def _dpo(company: Company, words: Wording) -> str:
    dpo = company.dpo
    if dpo is NOT_STATED:
        return words("label.not_stated")
    if not dpo.appointed:
        return words("register.no_dpo")
    contact = dpo.contact
    parts = [
        *([dpo.name] if dpo.name and dpo.name is not NOT_STATED else []),
        *([contact.email] if contact and contact.email and contact.email is not NOT_STATED else []),
        *([contact.postal_address] if contact and isinstance(contact.postal_address, str) else []),
    ]
    return " · ".join(parts) if parts else words("register.dpo_appointed")


def to_csv(companies: Sequence[Company], words: Wording) -> bytes:
    """The register of every company as one CSV table, encoded for the language's spreadsheet software."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=SEPARATOR.get(words.language, ","), lineterminator="\r\n")
    writer.writerow(header(words))
    for company in companies:
        writer.writerows([as_text(cell) for cell in row] for row in rows(company, words))
    return text.getvalue().encode("utf-8-sig")


# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection"): `=HYPERLINK(...)` in a purpose name
# would be a live link, `+`, `-` and `@` start formulas too, and a tab or carriage return can hide one. Spreadsheets
# skip leading blanks (` =1+1` is a formula) and read the full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) as
# their ASCII twins in some locales: the first character after any blanks is the one tested.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def as_text(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula (after any leading blanks) gets a
    leading apostrophe, the mark Excel and LibreOffice use for text (it is shown in the cell; the words after it are
    the data's)."""
    return "'" + cell if cell.startswith(FORMULA_START) or cell.lstrip().startswith(FORMULA_START) else cell


def to_xlsx(companies: Sequence[Company], words: Wording, path: Path) -> None:
    """The register as a workbook (openpyxl): one sheet per company, named by its slug, a header row, a row per
    purpose."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    for sheet in list(book.worksheets):  # the empty sheet a new workbook starts with
        book.remove(sheet)
    for company in companies:
        sheet = book.create_sheet(title=company.slug[:31])
        sheet.append(header(words))
        for row in rows(company, words):
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.data_type = "s"  # text, always: openpyxl would store a cell starting with = as a formula
        sheet.freeze_panes = "C2"
    book.save(path)


def csv_files(output: Output, companies: Sequence[Company], languages: Sequence[str]) -> list[Asset]:
    """The register of processing activities, one CSV file per site language, as `export register` writes it."""
    return [
        Asset(output.name(language), to_csv(companies, load_wording(language)).decode("utf-8"))
        for language in languages
    ]
