"""The forms real policies use (issue 9, part 1), rendered in words on a real site built from one fictional company.

`tests/fixtures/valid/forms-purposes.yaml` uses each form once or more (a comment names it at each use): a list of
sources with a detail, a category with both code and label, bounded durations, `then` and `one_of` retention,
`recipients: all`, and non-exhaustive lists (`{including: [...]}`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_text

FIXTURE = FIXTURES / "valid" / "forms-purposes.yaml"
PREFIX = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE)


def page(site: Path, language: str, name: str) -> str:
    return page_text(site, language, "forms-purposes", name)


# (page, form, French text, English text): each must be on the page in its language.
EXPECTED = [
    ("notice/", "bound maximum", "Données des prospects : jusqu'à 25 mois", "Prospects' data: up to 25 months"),
    (
        "notice/",
        "bound minimum",
        "Factures : au moins 5 ans à compter de la fin de la relation contractuelle",
        "Invoices: at least 5 years from the end of the contractual relationship",
    ),
    (
        "notice/",
        "then",
        "pendant la durée de la formalité, puis jusqu'à la suppression du compte par l'utilisateur",
        "for the duration of the formality, then until the user deletes the account",
    ),
    (
        "notice/",
        "one_of with a note and a nested then",
        "pendant la durée de la transaction ou pendant la durée de l'abonnement, puis 3 ans (selon l'offre souscrite)",
        "for the duration of the transaction or for the duration of the subscription, then 3 years (depending on the "
        "plan)",
    ),
    (
        "notice/",
        "sources with a detail",
        "Gestion des comptes clients : Auprès de vous, Collecte automatique et Auprès de tiers (les clients de nos "
        "clients)",
        "Managing customer accounts: From you, Collected automatically, and From third parties (our customers' "
        "clients)",
    ),
    (
        "notice/",
        "recipients including",
        "Destinataires : notamment Hébergeur Exemple et Paiement Exemple",
        "Recipients: including Hébergeur Exemple and Paiement Exemple",
    ),
    (
        "notice/",
        "recipients: all, resolved",
        "Destinataires : Hébergeur Exemple et Paiement Exemple",
        "Recipients: Hébergeur Exemple and Paiement Exemple",
    ),
    (
        "notice/",
        "destination including",
        "Destination : notamment États-Unis et Canada",
        "Destination: including United States and Canada",
    ),
    (
        "notice/",
        "items including",
        "État civil du titulaire Notamment : nom adresse e-mail",
        "Account holder's civil status Including: name email address",
    ),
    (
        "",
        "items including, overview",
        "État civil du titulaire : notamment nom, adresse e-mail",
        "Account holder's civil status: including name, email address",
    ),
    ("", "bound, overview", "Données des prospects : jusqu'à 25 mois", "Prospects' data: up to 25 months"),
    ("", "destination including, overview", "notamment États-Unis et Canada :", "including United States and Canada:"),
    (
        "activities/",
        "recipients including, table",
        "notamment Hébergeur Exemple et Paiement Exemple",
        "including Hébergeur Exemple and Paiement Exemple",
    ),
    (
        "activities/",
        "label shown over code, table",
        "État civil du titulaire et Données d'usage et de navigation",
        "Account holder's civil status and Usage and browsing data",
    ),
    (
        "activities/",
        "then, table",
        "pendant la durée de la formalité, puis jusqu'à la suppression du compte",
        "for the duration of the formality, then until the user deletes the account",
    ),
    ("activities/", "bound, table", "au moins 5 ans", "at least 5 years"),
    ("rights/", "bound on the response time", "Délai de réponse : jusqu'à 1 mois", "Response time: up to 1 month"),
    ("cookies/", "bound on a cookie lifetime", "jusqu'à 13 mois", "up to 13 months"),
]


@pytest.mark.parametrize("language", PREFIX)
@pytest.mark.parametrize(
    ("where", "form", "fr", "en"), EXPECTED, ids=[f"{e[0] or 'overview'}-{e[1]}" for e in EXPECTED]
)
def test_each_form_is_rendered_in_words(
    forms_site: Path, where: str, form: str, fr: str, en: str, language: str
) -> None:
    text = " ".join(page(forms_site, language, where).split())
    assert {"fr": fr, "en": en}[language] in text, form


@pytest.mark.parametrize("language", PREFIX)
def test_recipients_all_is_not_reported_as_not_stated(forms_site: Path, language: str) -> None:
    notice = page(forms_site, language, "notice/")
    not_stated = {"fr": "Destinataires : La politique ne le précise pas", "en": "Recipients: Not stated in the policy"}[
        language
    ]
    assert not_stated not in notice
    assert "all" not in notice.split()


@pytest.mark.parametrize("language", PREFIX)
def test_a_label_replaces_the_code_wording(forms_site: Path, language: str) -> None:
    code_wording = {"fr": "Identité", "en": "Identity"}[language]
    assert code_wording not in page(forms_site, language, "activities/").split()
    assert code_wording not in page(forms_site, language, "").split()
