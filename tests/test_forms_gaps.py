"""Facts a real policy (Darty) gave that fit no field before: reading notes on a transfer, the company, automated
decisions and security; duration ranges ("5 à 10 ans"); archiving phases of a retention period.

`tests/fixtures/valid/full.yaml` uses each form; its pages are rendered in both languages (no MkDocs build) and the
words looked for in the text a reader sees.
"""
from __future__ import annotations

from typing import Any

import pytest

from privacy_center.loader import load_file
from privacy_center.resolve import company_from_data

from conftest import FIXTURES
from test_statements import rendered_text

FULL = FIXTURES / "valid" / "full.yaml"


@pytest.fixture(scope="module")
def full() -> dict[str, Any]:
    document, errors = load_file(FULL)
    assert not errors
    return {**document.data, "slug": "minimal"}  # rendered_text checks it as data/minimal.yaml


@pytest.fixture(scope="module")
def pages(full: dict[str, Any]) -> dict[str, str]:
    return {language: rendered_text(full, language) for language in ("fr", "en")}


# (form, French text, English text): each must be on the company's pages in its language.
EXPECTED = [
    ("note on the company", "Lecture de la politique : Pays déduit de l'adresse du siège.",
     "Reading of the policy: Country inferred from the registered office address."),
    ("note on a transfer", "Lecture de la politique : Destinataire rattaché par lecture de la liste.",
     "Reading of the policy: Recipient attached by reading the list."),
    ("note on automated decisions", "Lecture de la politique : Algorithme et analyse humaine.",
     "Reading of the policy: Algorithm and human review."),
    ("note on security", "Lecture de la politique : Mesures rassemblées de phrases éparses.",
     "Reading of the policy: Measures gathered from scattered sentences."),
]


@pytest.mark.parametrize("language", ("fr", "en"))
@pytest.mark.parametrize(("form", "fr", "en"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_form_is_rendered_in_words(pages: dict[str, str], form: str, fr: str, en: str, language: str) -> None:
    assert {"fr": fr, "en": en}[language] in pages[language], form


def test_the_notes_reach_the_model(full: dict[str, Any]) -> None:
    company = company_from_data(full)
    assert company.identity.note is not None and company.security_note is not None
    assert company.automated_decisions.note is not None
    assert [t.note is not None for t in company.transfers.items] == [True, False]
