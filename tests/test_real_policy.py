"""A real policy outside the seeds (Darty, tests/fixtures/valid/darty.yaml), encoded from the README and the schema
alone, built as a site: the forms it needed reach the French and English pages a visitor reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_text
from privacy_center.site.checker import check_files

DARTY = FIXTURES / "valid" / "darty.yaml"
PREFIX = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, DARTY)


def text(site: Path, language: str, name: str) -> str:
    return page_text(site, language, "darty", name)


def test_it_validates_with_no_error() -> None:
    result = check_files([DARTY], releases=False)  # a fixture: a company file without releases
    assert [d.format() for d in result.errors] == []


@pytest.mark.parametrize(
    "language,expected",
    [
        ("fr", ["Maroc et Madagascar", "États-Unis", "puis archivage : 5 à 10 ans", "Auprès de tiers"]),
        ("en", ["Morocco and Madagascar", "United States", "then archived: 5 to 10 years", "From third parties"]),
    ],
)
def test_the_notice_says_where_data_goes_and_for_how_long(built: Path, language: str, expected: list[str]) -> None:
    notice = text(built, language, "notice")
    for words in expected:
        assert words in notice


@pytest.mark.parametrize("language", ["fr", "en"])
def test_cookie_partners_are_one_list_not_a_table_of_blanks(built: Path, language: str) -> None:
    cookies = text(built, language, "cookies")
    for partner in ("Criteo", "adServingFnac", "Xandr"):
        assert cookies.count(partner) == 1  # once, in the partner list


@pytest.mark.parametrize("language,shared", [("fr", "Non précisé"), ("en", "Not stated")])
def test_company_wide_recipients_are_listed_on_every_purpose_that_shares_them(
    built: Path, language: str, shared: str
) -> None:
    activities = text(built, language, "activities")
    assert activities.count("FNAC DIRECT") >= 13  # `recipients: all` on 13 purposes, resolved to the company list


@pytest.mark.parametrize(
    "language,interest,reference,general",
    [
        (
            "fr",
            "Fnac Darty a un intérêt commercial à traiter vos données",
            "archivage : pendant la durée prévue par l'article L133-24 du Code monétaire et financier",
            "Règle générale La plupart des données",
        ),
        (
            "en",
            "Fnac Darty has a commercial interest in processing your data",
            "archived: for the period set by Article L133-24 of the French Monetary and Financial Code",
            "General rule Most data",
        ),
    ],
)
def test_facts_about_purposes_bases_and_retention_reach_the_notice(
    built: Path, language: str, interest: str, reference: str, general: str
) -> None:
    """Issue 9: the interest the policy states once is printed once; the legal reference and the general rule read
    in words; mandatory data is answered once, not 27 times "not stated"."""
    notice = text(built, language, "notice").replace("¶", "")  # the headings' permalink signs
    assert notice.count(interest) == 1
    assert reference in notice and general in notice
    assert "astérisque" in notice if language == "fr" else "asterisk" in notice


def test_the_general_statements_answer_the_completeness_report() -> None:
    warnings = [d.message for d in check_files([DARTY]).warnings]
    assert not [w for w in warnings if "whether providing the data is required" in w]
    assert not [w for w in warnings if "legitimate interest" in w]


@pytest.mark.parametrize(
    "language,expected",
    [
        (
            "fr",
            [
                "Responsables conjoints du traitement : FNAC DARTY PARTICIPATIONS & SERVICES, RCS Créteil 775 661 390",
                "ETABLISSEMENTS DARTY & FILS, RCS Bobigny 542 086 616, 129, avenue Galliéni - 93140 BONDY",
                "Les responsables conjoints sont désignés ensemble « FNAC DARTY ».",
                "FNAC DIRECT (SIREN 377 853 536)",
                "Partenaires avis client et enquêtes de satisfaction (par exemple : Avis-vérifié, Colorado)",
            ],
        ),
        (
            "en",
            [
                "Joint controllers: FNAC DARTY PARTICIPATIONS & SERVICES, Créteil Trade and Companies Register "
                "775 661 390",
                "ETABLISSEMENTS DARTY & FILS, Bobigny Trade and Companies Register 542 086 616, 129, avenue Galliéni - "
                "93140 BONDY",
                "The joint controllers are together referred to as \u201cFNAC DARTY\u201d.",
                "FNAC DIRECT (SIREN 377 853 536)",
                "Customer review and satisfaction survey partners (for example: Avis-vérifié, Colorado)",
            ],
        ),
    ],
)
def test_the_overview_names_both_joint_controllers_and_each_group_company_registration(
    built: Path, language: str, expected: list[str]
) -> None:
    overview = text(built, language, "")
    assert [words for words in expected if words not in overview] == []


@pytest.mark.parametrize(
    "language,expected",
    [
        (
            "fr",
            [
                "Grandes lignes de l'accord entre les responsables conjoints (art. 26(2) RGPD)",
                "Destinataires : Prestataire de services de paiement certifié PCI-DSS, ainsi que Prestataires "
                "(sous-traitants) auxquels FNAC DARTY fait appel pour la réalisation de ses services (destinataires "
                "communs à toutes les finalités)",
            ],
        ),
        (
            "en",
            [
                "Essence of the arrangement between the joint controllers (GDPR Art. 26(2))",
                "Recipients: PCI-DSS-certified payment service provider, as well as Service providers (processors) "
                "that FNAC DARTY uses to deliver its services (recipients common to every purpose)",
            ],
        ),
    ],
)
def test_the_processors_the_policy_shares_for_every_purpose_follow_a_purposes_own_recipients(
    built: Path, language: str, expected: list[str]
) -> None:
    notice = text(built, language, "notice")
    assert [words for words in expected if words not in notice] == []
