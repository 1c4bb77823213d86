"""The rights, transfer-list, cookie and date forms of tests/fixtures/valid/forms-rights.yaml, on a real site.

Each form is asserted on the French and English HTML a visitor gets, with its own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_file, page_source, page_text, parse
from privacy_center.render.phrases import date
from privacy_center.source.wording import load_wording

FORMS = FIXTURES / "valid" / "forms-rights.yaml"
SLUG = "forms-rights"
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


def section(found: str, heading: str, length: int = 400) -> str:
    """The text that follows a heading (or a right's name) on a page."""
    assert heading in found, heading
    return found[found.index(heading) :][:length]


ART_22 = {
    "fr": ("Droit de présenter vos observations", "Droit de contester la décision", "art. 22(3) RGPD"),
    "en": ("Right to express your point of view", "Right to contest the decision", "GDPR Art. 22(3)"),
}


@pytest.mark.parametrize("language", PREFIX)
def test_the_art_22_rights_are_named_with_their_article(built: Path, language: str) -> None:
    express, contest, article = ART_22[language]
    rights = text(built, language, "rights")
    assert article in section(rights, express)
    not_mentioned = {"fr": "Droits que la politique ne mentionne pas", "en": "Rights the policy does not mention"}
    assert f"{contest} ({article})" in section(rights, not_mentioned[language])  # in rights.not_stated
    assert express in text(built, language, "notice") and express in text(built, language, "")


@pytest.mark.parametrize(
    "language,own",
    [
        ("fr", "La politique donne une adresse propre pour ce droit (Service de prévention de la fraude)."),
        ("en", "The policy gives a separate address for this right (Fraud prevention team)."),
    ],
)
def test_a_right_with_its_own_address_links_there_and_only_there(built: Path, language: str, own: str) -> None:
    express = ART_22[language][0]
    block = section(text(built, language, "rights"), express, 600)
    block = block[: block.index("##") if "##" in block else len(block)]
    assert own in block
    mailtos = [
        link["href"]
        for link in parse(page(built, language, "rights")).links
        if link.get("href", "").startswith("mailto:")
    ]
    own_links = [m for m in mailtos if m.startswith("mailto:observations@formes-droits.example?subject=")]
    assert len(own_links) == 1  # only the right it belongs to
    assert quote_free(own_links[0]).endswith(f"{express} · Formes Droits")
    general = [m for m in mailtos if m.startswith("mailto:droits@formes-droits.example?subject=")]
    assert not [m for m in general if express in quote_free(m)]  # the general address is not offered for it
    assert len(general) == 1 + 7  # the exercise block, and each right but the complaint and the one with its own


def quote_free(link: str) -> str:
    from urllib.parse import unquote

    return unquote(link)


@pytest.mark.parametrize(
    "language,line",
    [
        (
            "fr",
            "Droit de présenter vos observations (art. 22(3) RGPD). Adresse pour ce droit (Service de prévention de "
            "la fraude) : observations@formes-droits.example",
        ),
        (
            "en",
            "Right to express your point of view (GDPR Art. 22(3)). Address for this right (Fraud prevention team): "
            "observations@formes-droits.example",
        ),
    ],
)
def test_the_notice_gives_the_right_its_own_address(built: Path, language: str, line: str) -> None:
    assert line in text(built, language, "notice")
    assert "mailto:observations@formes-droits.example?subject=" in source(built, language, "notice")


@pytest.mark.parametrize(
    "language,lead,first",
    [
        ("fr", "Notamment :", "Destination : Maroc et Madagascar"),
        ("en", "Including:", "Destination: Morocco and Madagascar"),
    ],
)
def test_transfers_given_as_examples_read_including(built: Path, language: str, lead: str, first: str) -> None:
    heading = {"fr": "Transferts hors de l'Union européenne", "en": "Transfers outside the European Union"}
    block = section(text(built, language, "notice"), heading[language], 800)
    assert f"{lead} {first}" in block
    overview = section(text(built, language, ""), heading[language], 800)
    countries = first.split(":", 1)[1].strip()
    assert lead in overview and overview.index(lead) < overview.index(countries)


@pytest.mark.parametrize(
    "language,partners",
    [
        ("fr", "Partenaires : Criteo et Batch (application uniquement)"),
        ("en", "Partners: Criteo and Batch (app only)"),
    ],
)
@pytest.mark.parametrize("name", ["cookies", "notice"])
def test_a_cookie_partner_shows_its_scope(built: Path, language: str, partners: str, name: str) -> None:
    assert partners in text(built, language, name)


@pytest.mark.parametrize(
    "language,words", [("fr", "La politique ne le précise pas"), ("en", "Not stated in the policy")]
)
def test_a_cookie_purpose_not_stated_prints_like_every_other_silence(built: Path, language: str, words: str) -> None:
    row = re.search(r"<tr><th scope=\"row\">app_id</th>.*?</tr>", source(built, language, "cookies"), re.S)
    assert row is not None
    cells = re.findall(r"<td data-label=\"([^\"]+)\">(.*?)</td>", row.group(0))
    purpose = {"fr": "Finalité", "en": "Purpose"}[language]
    assert dict(cells)[purpose] == f"<em>{words}</em>"  # the same italic markup as the lifetime beside it
    assert len({value for _, value in cells if "<em>" in value}) == 1


@pytest.mark.parametrize("language,label", [("fr", "Utilisateurs de l'application"), ("en", "App users")])
def test_a_data_subject_with_code_and_label_shows_the_label(built: Path, language: str, label: str) -> None:
    notice = text(built, language, "notice")
    assert label in notice
    assert {"fr": "Utilisateurs", "en": "Users"}[language] + " " not in notice.replace(label, "")


@pytest.mark.parametrize("language,words", [("fr", "1er janvier 2026"), ("en", "1 January 2026")])
@pytest.mark.parametrize("name", ["", "notice", "history"])
def test_the_first_day_of_a_month_is_written_the_language_s_way(
    built: Path, language: str, words: str, name: str
) -> None:
    assert words in text(built, language, name)


@pytest.mark.parametrize(
    "language,value,words",
    [
        ("fr", "2026-01-01", "1er janvier 2026"),
        ("fr", "2026-03-09", "9 mars 2026"),
        ("fr", "2026-03-11", "11 mars 2026"),
        ("fr", "2026-03-21", "21 mars 2026"),
        ("en", "2026-01-01", "1 January 2026"),
        ("en", "2026-03-21", "21 March 2026"),
    ],
)
def test_dates_in_words(language: str, value: str, words: str) -> None:
    assert date(value, load_wording(language)) == words


def test_the_ordinal_follows_any_date_pattern() -> None:
    """`date.first_day` replaces the day field of whatever format the locale file names, literals untouched."""
    from dataclasses import replace

    french = load_wording("fr")
    full = replace(french, entries={**french.entries, "date": {**french.entries["date"], "format": "full"}})
    assert date("2026-01-01", full) == "jeudi 1er janvier 2026"
    quoted = replace(french, entries={**french.entries, "date": {**french.entries["date"], "format": "'le' d MMMM y"}})
    assert date("2026-05-01", quoted) == "le 1er mai 2026"
    assert date("2026-05-02", quoted) == "le 2 mai 2026"
