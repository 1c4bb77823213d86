"""The transfer, cookie-partner and contact forms of tests/fixtures/valid/forms-transfers.yaml, on a real site.

Each form is asserted on the French and English HTML a visitor gets, with its own words."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import FIXTURES, build_fixture_site
from html_utils import page_file, page_source, page_text, parse

FORMS = FIXTURES / "valid" / "forms-transfers.yaml"
SLUG = "forms-transfers"
PREFIX = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FORMS)


def page(site: Path, language: str, name: str) -> Path:
    return page_file(site, language, SLUG, name)


def text(site: Path, language: str, name: str) -> str:
    return page_text(site, language, SLUG, name)


def source(site: Path, language: str, name: str) -> str:
    return page_source(site, language, SLUG, name)


SAFEGUARDS = {
    "fr": [
        "Instrument juridiquement contraignant et exécutoire entre autorités ou organismes publics "
        "(art. 46(2)(a) RGPD)",
        "Clauses contractuelles autorisées par l'autorité de contrôle (art. 46(3)(a) RGPD)",
        "Arrangement administratif entre autorités ou organismes publics, autorisé par l'autorité de contrôle "
        "(art. 46(3)(b) RGPD)",
        "Autre garantie appropriée : Chiffrement de bout en bout des données transférées",
    ],
    "en": [
        "Legally binding and enforceable instrument between public authorities or bodies (GDPR Art. 46(2)(a))",
        "Contractual clauses authorised by the supervisory authority (GDPR Art. 46(3)(a))",
        "Administrative arrangement between public authorities or bodies, authorised by the supervisory "
        "authority (GDPR Art. 46(3)(b))",
        "Other appropriate safeguard: End-to-end encryption of the data transferred",
    ],
}


@pytest.mark.parametrize("language", PREFIX)
@pytest.mark.parametrize("name", ["notice", ""])
def test_every_safeguard_is_worded(built: Path, language: str, name: str) -> None:
    found = text(built, language, name)
    assert [s for s in SAFEGUARDS[language] if s not in found] == []


@pytest.mark.parametrize(
    "language,words",
    [
        ("fr", ["Pour : Hébergement et Assistance", "Pour : Assistance"]),
        ("en", ["For: Hosting and Support", "For: Support"]),
    ],
)
@pytest.mark.parametrize("name", ["notice", ""])
def test_a_transfer_names_its_purposes(built: Path, language: str, words: list[str], name: str) -> None:
    found = text(built, language, name)
    assert [w for w in words if w not in found] == []


@pytest.mark.parametrize(
    "language,words",
    [
        ("fr", "Désigné auprès de la CNIL le 25 mai 2018 sous le numéro DPO-12345."),
        ("en", "Registered with the CNIL on 25 May 2018 under number DPO-12345."),
    ],
)
def test_the_dpo_registration_is_in_the_dpo_block(built: Path, language: str, words: str) -> None:
    found = text(built, language, "notice")
    heading = {"fr": "Délégué à la protection des données", "en": "Data protection officer"}[language]
    block = found[found.index(heading) :]
    assert words in block[:400]


@pytest.mark.parametrize(
    "language,partners",
    [
        (
            "fr",
            [
                "Cookies des partenaires",
                "Partenaires : notamment Google, Meta et Criteo",
                "Finalités : Mesure d'audience et Publicité",
                "Durée de vie : 13 mois",
                "Consentement requis : Oui",
                "Ces partenaires peuvent vous suivre sur d'autres sites.",
            ],
        ),
        (
            "en",
            [
                "Partners' cookies",
                "Partners: including Google, Meta, and Criteo",
                "Purposes: Audience measurement and Advertising",
                "Lifetime: 13 months",
                "Consent required: Yes",
                "These partners may track you on other sites.",
            ],
        ),
    ],
)
@pytest.mark.parametrize("name", ["cookies", "notice"])
def test_cookie_partners_are_listed_once(built: Path, language: str, partners: list[str], name: str) -> None:
    found = text(built, language, name)
    assert [p for p in partners if p not in found] == []
    tables = " ".join(re.findall(r"<table.*?</table>", source(built, language, name), re.S))
    assert "Criteo" not in tables  # no table row of "not stated" per partner
    if name == "cookies":
        assert "session" in tables  # the per-cookie items stand beside the partners


ATTENTION = {
    "fr": ("À l'attention du délégué à la protection des données", "À l'attention du service juridique"),
    "en": ("For the attention of the Data Protection Officer", "For the attention of the Legal Department"),
}


def _above(html: str, line: str, address: str) -> bool:
    """The reference line is printed directly above the address (on the line before it)."""
    return bool(re.search(re.escape(line.replace("'", "&#39;")) + r"<br\s*/?>\s*" + re.escape(address), html))


@pytest.mark.parametrize("language", PREFIX)
def test_attention_line_is_right_above_each_postal_address(built: Path, language: str) -> None:
    dpo, general = ATTENTION[language]
    address = "8 rue des Exemples, 69002 Lyon, France"
    notice = source(built, language, "notice")
    assert _above(notice, general, address) and _above(notice, dpo, address)
    assert _above(source(built, language, ""), general, address)  # overview contact block
    rights = source(built, language, "rights")
    rights_address = "8 rue des Exemples, CS 40001, 69002 Lyon, France"
    assert (
        len(re.findall(re.escape(dpo.replace("'", "&#39;")) + r"<br\s*/?>\s*" + re.escape(rights_address), rights))
        == 1 + 4 + 1
    )  # the exercise block, each right but the complaint, the printable letter


@pytest.mark.parametrize("language", PREFIX)
def test_email_links_never_carry_the_attention_line(built: Path, language: str) -> None:
    mailtos = [
        link["href"]
        for name in ("", "notice", "rights")
        for link in parse(page(built, language, name)).links
        if link.get("href", "").startswith("mailto:")
    ]
    assert len(mailtos) >= 6
    assert [m for m in mailtos if "attention" in m.lower()] == []


# Variants of the same forms, rendered without a site build.


def _rendered(data: dict[str, Any], language: str, name: str) -> str:
    from privacy_center.check.resolve import company_from_data
    from privacy_center.render.pages import render_company
    from privacy_center.site.checker import check_documents
    from privacy_center.source.loader import Document

    result = check_documents([Document("data/forms-transfers.yaml", data)])
    assert [d.format() for d in result.errors] == []
    for item in render_company(company_from_data(data), ("fr", "en"), "fr"):
        if item.language == language and item.path.split("/")[-1].startswith(name + "."):
            html = markdown.markdown(item.content, extensions=["tables", "attr_list"])
            return " ".join(
                re.sub(r"<[^>]+>", " ", html)
                .replace("&#39;", "'")
                .replace("\u00a0", " ")
                .replace("\u202f", " ")
                .split()
            )
    raise AssertionError(name)


@pytest.fixture(scope="module")
def forms() -> dict[str, Any]:
    return yaml.safe_load(FORMS.read_text(encoding="utf-8"))


def test_a_full_partner_list_and_silences(forms: dict[str, Any]) -> None:
    data = copy.deepcopy(forms)
    data["cookies"]["partners"].update(
        names=["Google", "Meta"], purposes="not_stated", lifetime="not_stated", consent_required=False
    )
    french, english = _rendered(data, "fr", "cookies"), _rendered(data, "en", "cookies")
    assert "Partenaires : Google et Meta" in french and "notamment" not in french
    assert "Partners: Google and Meta" in english and "including" not in english
    assert "Finalités : La politique ne le précise pas" in french
    assert "Lifetime: Not stated in the policy" in english
    assert "Consent required: No" in english and "Consentement requis : Non" in french


def test_a_registration_without_date_names_the_authority_given(forms: dict[str, Any]) -> None:
    data = copy.deepcopy(forms)
    data["contacts"]["dpo"]["registration"] = {"number": "1789", "authority": "cnil"}
    assert "Désigné auprès de la CNIL sous le numéro 1789." in _rendered(data, "fr", "notice")
    assert "Registered with the CNIL under number 1789." in _rendered(data, "en", "notice")


def test_a_transfer_without_purposes_says_nothing_of_them(forms: dict[str, Any]) -> None:
    data = copy.deepcopy(forms)
    for item in data["transfers"]["items"]:
        del item["purposes"]
    assert "Pour :" not in _rendered(data, "fr", "notice") and "For:" not in _rendered(data, "en", "index")
