"""Facts about purposes, bases and retention that a real policy (Darty) gave and no field held (issue 9): one
legitimate interest stated for all processing, mandatory data stated generally, purpose profiling, a general
retention rule and a legal reference instead of a duration.

`tests/fixtures/valid/forms-why.yaml` uses each form (a comment names it at each use); a real site is built from it
and the words looked for on the French and English pages. The rules and the completeness report are checked on
edited copies of the same file.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_text
from privacy_center.check.completeness import completeness
from privacy_center.site.checker import check_documents
from privacy_center.source.loader import Document, load_file

FIXTURE = FIXTURES / "valid" / "forms-why.yaml"
PREFIX = {"fr": "", "en": "en/"}
INTEREST = {
    "fr": "Un intérêt commercial justifié et équilibré à traiter vos données",
    "en": "A justified and balanced commercial interest in processing your data",
}


@pytest.fixture(scope="module")
def why_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE)


def page(site: Path, language: str, name: str) -> str:
    return page_text(site, language, "forms-why", name)


# (page, form, French text, English text): each must be on the page in its language.
EXPECTED = [
    (
        "notice/",
        "general interest, once, with the purposes citing it",
        f"{INTEREST['fr']} Finalités qui s'en prévalent : Personnalisation des offres et Prospection postale",
        f"{INTEREST['en']} Purposes relying on it: Personalising offers and Postal marketing",
    ),
    (
        "notice/",
        "a purpose's own interest stays per purpose",
        "Lutte contre la fraude au paiement : Protéger nos clients contre la fraude",
        "Fighting payment fraud: Protecting our customers against fraud",
    ),
    (
        "notice/",
        "mandatory data stated generally",
        "Caractère obligatoire de la fourniture des données Le caractère obligatoire des données vous est signalé lors "
        "de la collecte par un astérisque. Lutte contre la fraude au paiement : La fourniture des données est "
        "obligatoire.",
        "Whether data is mandatory is indicated to you by an asterisk when it is collected. Fighting payment fraud: "
        "Providing the data is required.",
    ),
    (
        "notice/",
        "purpose profiling",
        "Destinataires : La politique indique que ces données ne sont communiquées à "
        "aucun destinataire. Segmentation ou profilage : Oui",
        "Recipients: The policy states that this data is shared with no recipient. Segmentation or profiling: Yes",
    ),
    (
        "notice/",
        "purpose without profiling, from an explicit false",
        "Segmentation ou profilage : Non",
        "Segmentation or profiling: No",
    ),
    (
        "notice/",
        "general rule first, under its heading",
        "Durées de conservation Règle générale La plupart des données : tant que vous êtes un client actif, puis 5 ans "
        "Règles particulières Données de paiement :",
        "Retention periods General rule Most data: as long as you are an active customer, then 5 years Specific rules "
        "Payment data:",
    ),
    (
        "notice/",
        "legal reference in an archiving phase of a then",
        "Données de paiement : 13 mois, puis archivage : pendant la durée prévue par l'article L133-24 du Code "
        "monétaire et financier",
        "Payment data: 13 months, then archived: for the period set by Article L133-24 of the French Monetary and "
        "Financial Code",
    ),
    (
        "activities/",
        "general interest cited in the table",
        "Intérêt légitime énoncé par la politique pour l'ensemble des traitements Historique d'achats",
        "Legitimate interest the policy states for all processing Purchase history",
    ),
    (
        "activities/",
        "profiling in the table",
        "Segmentation ou profilage : Oui Intérêt légitime",
        "Segmentation or profiling: Yes Legitimate interests",
    ),
    (
        "activities/",
        "legal reference in the table",
        "pendant la durée prévue par l'article L133-24",
        "for the period set by Article L133-24",
    ),
    (
        "",
        "general rule first, overview",
        "La plupart des données (règle générale) : tant que vous êtes un client actif, puis 5 ans Données de paiement",
        "Most data (general rule): as long as you are an active customer, then 5 years Payment data",
    ),
]


@pytest.mark.parametrize("language", PREFIX)
@pytest.mark.parametrize(
    ("where", "form", "fr", "en"), EXPECTED, ids=[f"{e[0] or 'overview'}-{e[1]}" for e in EXPECTED]
)
def test_each_form_is_rendered_in_words(why_site: Path, where: str, form: str, fr: str, en: str, language: str) -> None:
    assert {"fr": fr, "en": en}[language] in page(why_site, language, where), form


@pytest.mark.parametrize("language", PREFIX)
def test_the_general_interest_is_printed_once_in_the_notice(why_site: Path, language: str) -> None:
    assert page(why_site, language, "notice/").count(INTEREST[language]) == 1


@pytest.mark.parametrize("language", PREFIX)
def test_mandatory_data_answered_generally_is_not_reported_as_not_stated(why_site: Path, language: str) -> None:
    notice = page(why_site, language, "notice/")
    for purpose in {
        "fr": ("Personnalisation des offres", "Prospection postale"),
        "en": ("Personalising offers", "Postal marketing"),
    }[language]:
        silent = {"fr": f"{purpose} : La politique ne le précise pas", "en": f"{purpose}: Not stated in the policy"}
        assert silent[language] not in notice


@pytest.mark.parametrize("language", PREFIX)
def test_silence_on_profiling_prints_nothing(why_site: Path, language: str) -> None:
    notice = page(why_site, language, "notice/")
    label = {"fr": "Segmentation ou profilage", "en": "Segmentation or profiling"}[language]
    assert notice.count(label) == 2  # the two purposes that say it, not the silent one


# --- Rules and completeness, on edited copies of the fixture -------------------------------------------------------


def _data() -> dict[str, Any]:
    document, errors = load_file(FIXTURE)
    assert not errors
    assert document is not None
    return copy.deepcopy(document.data)


def _errors(data: dict[str, Any]) -> list[str]:
    return [f"{d.path}: {d.message}" for d in check_documents([Document("data/forms-why.yaml", data)]).errors]


def _warnings(data: dict[str, Any]) -> list[str]:
    return [f"{d.path}: {d.message}" for d in completeness(Document("data/forms-why.yaml", data))]


MISSING = "legal basis legitimate_interests without the interest pursued"


def test_the_fixture_is_complete_and_valid() -> None:
    assert _errors(_data()) == [] and _warnings(_data()) == []


def test_without_a_general_interest_each_basis_must_state_its_own() -> None:
    data = _data()
    data["legal_bases_overview"] = [b for b in data["legal_bases_overview"] if b["basis"] != "legitimate_interests"]
    assert _errors(data) == [f"purposes[0].legal_bases[0]: {MISSING}", f"purposes[1].legal_bases[0]: {MISSING}"]


def test_a_general_interest_not_stated_is_no_general_interest() -> None:
    data = _data()
    data["legal_bases_overview"][0]["interest"] = "not_stated"
    assert _errors(data) == [f"purposes[0].legal_bases[0]: {MISSING}", f"purposes[1].legal_bases[0]: {MISSING}"]


def test_two_general_interests_leave_the_purpose_ambiguous() -> None:
    data = _data()
    data["legal_bases_overview"].append(
        {"basis": "legitimate_interests", "interest": {"fr": "Sécurité", "en": "Security"}}
    )
    assert _errors(data) == [f"purposes[0].legal_bases[0]: {MISSING}", f"purposes[1].legal_bases[0]: {MISSING}"]


def test_an_overview_entry_still_states_its_interest() -> None:
    data = _data()
    data["legal_bases_overview"].append({"basis": "legitimate_interests"})
    assert _errors(data) == [f"legal_bases_overview[2]: {MISSING}"]


def test_without_the_general_statement_silent_purposes_are_reported() -> None:
    data = _data()
    del data["mandatory_data"]
    assert _warnings(data) == [
        f"purposes[{index}].mandatory: purpose '{ident}': whether providing the data is required not stated "
        "[GDPR Art. 13(2)(e)]"
        for index, ident in ((0, "personalisation"), (1, "postal_marketing"))
    ]


def test_a_general_rule_need_not_be_cited_by_any_purpose() -> None:
    data = _data()
    for purpose in data["purposes"][:2]:
        purpose["retention"] = ["payments"]
    assert _errors(data) == [] and _warnings(data) == []
