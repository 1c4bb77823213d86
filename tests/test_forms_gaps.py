"""Facts a real policy (Darty) gave that fit no field before: reading notes on a transfer, the company, automated
decisions and security; duration ranges ("5 à 10 ans"); archiving phases of a retention period.

`tests/fixtures/valid/full.yaml` uses each form; its pages are rendered in both languages (no MkDocs build) and the
words looked for in the text a reader sees.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import pytest
from conftest import FIXTURES
from privacy_center.check.resolve import company_from_data
from privacy_center.history.diff import diff, is_longer
from privacy_center.model.model import AutomatedDecisions, Duration, Transfers
from privacy_center.render.phrases import duration
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording
from test_statements import rendered_text

FULL = FIXTURES / "valid" / "full.yaml"


@pytest.fixture(scope="module")
def full() -> dict[str, Any]:
    document, errors = load_file(FULL)
    assert not errors
    assert document is not None
    return {**document.data, "slug": "minimal"}  # rendered_text checks it as data/minimal.yaml


@pytest.fixture(scope="module")
def pages(full: dict[str, Any]) -> dict[str, str]:
    return {language: rendered_text(full, language) for language in ("fr", "en")}


# (form, French text, English text): each must be on the company's pages in its language.
EXPECTED = [
    (
        "note on the company",
        "Lecture de la politique : Pays déduit de l'adresse du siège.",
        "Reading of the policy: Country inferred from the registered office address.",
    ),
    (
        "note on a transfer",
        "Lecture de la politique : Destinataire rattaché par lecture de la liste.",
        "Reading of the policy: Recipient attached by reading the list.",
    ),
    (
        "note on automated decisions",
        "Lecture de la politique : Algorithme et analyse humaine.",
        "Reading of the policy: Algorithm and human review.",
    ),
    (
        "note on security",
        "Lecture de la politique : Mesures rassemblées de phrases éparses.",
        "Reading of the policy: Measures gathered from scattered sentences.",
    ),
    (
        "duration range, archiving phase",
        "Factures : pendant toute la durée de la relation contractuelle, puis archivage : 5 à 10 ans",
        "Invoices: for the duration of the contractual relationship, then archived: 5 to 10 years",
    ),
]


@pytest.mark.parametrize("language", ("fr", "en"))
@pytest.mark.parametrize(("form", "fr", "en"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_form_is_rendered_in_words(pages: dict[str, str], form: str, fr: str, en: str, language: str) -> None:
    assert {"fr": fr, "en": en}[language] in pages[language], form


def test_the_notes_reach_the_model(full: dict[str, Any]) -> None:
    company = company_from_data(full)
    assert company.identity.note is not None and company.security_note is not None
    assert isinstance(company.automated_decisions, AutomatedDecisions) and isinstance(company.transfers, Transfers)
    assert company.automated_decisions.note is not None
    assert [t.note is not None for t in company.transfers.items] == [True, False, False]


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", Duration(5, "years", to=10), "5 à 10 ans"),
        ("en", Duration(5, "years", to=10), "5 to 10 years"),
        ("fr", Duration(1, "years", to=2), "1 à 2 ans"),  # the unit follows the upper count: not "1 à 2 an"
        ("en", Duration(1, "months", to=2), "1 to 2 months"),
        ("fr", Duration(1000, "days", to=2000), "1\u202f000 à 2\u202f000 jours"),  # counts written by Babel
        ("en", Duration(1000, "days", to=2000), "1,000 to 2,000 days"),
    ],
)
def test_a_range_reads_from_its_lower_to_its_upper_count(language: str, value: Duration, expected: str) -> None:
    assert duration(value, load_wording(language)) == expected


@pytest.mark.parametrize(
    ("old", "new", "longer"),
    [
        (Duration(5, "years", to=10), Duration(5, "years", to=12), True),  # the upper end grows
        (Duration(5, "years", to=10), Duration(5, "years", to=8), False),
        (Duration(5, "years", to=10), Duration(10, "years"), True),  # lower end grows: no erasure after 5 years, as a
        # maximum removed is (diff.is_longer: either end that grows counts)
        (Duration(5, "years", to=10), Duration(4, "years", to=10), False),  # the lower end only comes down
        (Duration(10, "years"), Duration(5, "years", to=10), False),  # may now end earlier: only narrows
        (Duration(5, "years"), Duration(5, "years", to=10), True),  # a range added above an exact length
        (Duration(5, "years", to=10), Duration(11, "years", "maximum"), True),
        (Duration(5, "years", to=10), Duration(5, "years", "minimum"), True),  # no upper end any more
    ],
)
def test_a_range_is_longer_when_its_upper_end_grows(old: Duration, new: Duration, longer: bool) -> None:
    assert is_longer(old, new) is longer


@pytest.mark.parametrize(
    ("archived_before", "archived_after", "material"),
    [
        (False, True, False),  # the same period, now with restricted access: editorial
        (True, False, True),  # the archive lifted: the data is no longer kept apart
    ],
)
def test_an_archive_lifted_is_material(
    full: dict[str, Any], archived_before: bool, archived_after: bool, material: bool
) -> None:
    def version(archive: bool) -> Any:
        data = deepcopy(full)
        logs = next(r for r in data["retention_rules"] if r["id"] == "logs")
        logs["period"]["archive"] = archive
        return company_from_data(data)

    [change] = diff(version(archived_before), version(archived_after))
    assert (change.kind, change.material) == ("retention_changed", material)


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "Journaux : archivage : 13 mois"), ("en", "Logs: archived: 13 months")]
)
def test_an_archiving_phase_reads_on_its_own(full: dict[str, Any], language: str, expected: str) -> None:
    data = deepcopy(full)
    next(r for r in data["retention_rules"] if r["id"] == "logs")["period"]["archive"] = True
    assert expected in rendered_text(data, language)
