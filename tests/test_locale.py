"""Countries, dates, numbers and money come from pycountry and Babel, never from a hand-kept list: the locale files
hold no country or month name, every language writes them its own way, and a third language needs no code edit."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml
from babel.dates import get_month_names
from conftest import FIXTURES, ROOT
from privacy_center.check.resolve import company_from_data
from privacy_center.check.rules import RuleContext, is_text
from privacy_center.model.model import NOT_STATED, Duration, Money
from privacy_center.render import pages as render
from privacy_center.render.phrases import country, date, duration, money
from privacy_center.site.build import language_problem, reserved_slugs
from privacy_center.site.checker import check_documents
from privacy_center.source.countries import (
    REGION_GROUP,
    CountryNameError,
    catalogue,
    country_codes,
    country_name,
    is_country,
)
from privacy_center.source.loader import load_file
from privacy_center.source.wording import LOCALES_DIR, available_languages, load_wording

LANGUAGES = available_languages()
SEEDS = sorted((ROOT / "data").glob("*.yaml"))


def leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every (dotted key, value) of a wording tree, leaves only."""
    for key, value in node.items():
        if isinstance(value, dict):
            yield from leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def all_country_names(language: str) -> set[str]:
    """Every name pycountry gives a country in a language (short, common and official), and in English."""
    names = set()
    for item in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            source = getattr(item, attribute, None)
            if source:
                names |= {source, catalogue(language).gettext(source)}
    return {name.casefold() for name in names}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_country_or_month_is_written_by_hand_in_a_locale_file(language: str) -> None:
    entries = load_wording(language).entries
    keys = [key for key, _ in leaves(entries)]
    assert "country" not in entries and "months" not in entries.get("date", {})
    assert [key for key in keys if is_country(key.rsplit(".", 1)[-1])] == [], "a country code as a wording key"
    months = {
        name.casefold()
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for lang in (language, "en")
        for name in get_month_names(width, context, lang).values()
    }
    countries = all_country_names(language)
    values = [(key, value) for key, value in leaves(entries) if isinstance(value, str)]
    assert [(key, value) for key, value in values if value.strip().casefold() in months] == []
    assert [(key, value) for key, value in values if value.strip().casefold() in countries] == []


def test_the_test_above_can_fail() -> None:
    """The month and country sets really hold what a hand-written list would contain."""
    assert "mars" in {n.casefold() for n in get_month_names("wide", locale="fr").values()}
    assert {"états-unis", "allemagne", "royaume-uni"} <= all_country_names("fr")
    assert {"united states", "germany"} <= all_country_names("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_regions_are_not_countries(language: str) -> None:
    regions = load_wording(language).codes(REGION_GROUP)
    assert {"EU", "EEA", "north_america", "worldwide"} <= set(regions)
    assert [code for code in regions if is_country(code)] == []


def seed_places() -> set[str]:
    """Every country or region code the seeds use."""
    codes = set()
    for path in SEEDS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        codes.add(data["company"].get("country", "not_stated"))
        codes |= {r.get("location", "not_stated") for r in data.get("recipients", [])}
        transfers = data.get("transfers")
        for item in transfers.get("items", []) if isinstance(transfers, dict) else []:
            if isinstance(item.get("destination"), list):
                codes |= set(item["destination"])
    return codes - {"not_stated"}


def test_every_country_of_the_seeds_is_named_in_every_language() -> None:
    places = seed_places()
    assert "FR" in places and "north_america" in places
    for language in LANGUAGES:
        words = load_wording(language)
        names = {code: country(code, words) for code in places}
        assert all(name and name != code for code, name in names.items()), names
    assert country("north_america", load_wording("fr")) == "Amérique du Nord"
    assert country("north_america", load_wording("en")) == "North America"


@pytest.mark.parametrize(
    "code, french, english",
    [
        ("US", "États-Unis", "United States"),
        ("GB", "Royaume-Uni", "United Kingdom"),
        ("KR", "Corée du Sud", "South Korea"),
        ("IN", "Inde", "India"),
        ("PH", "Philippines", "Philippines"),
        ("CN", "Chine", "China"),
        ("MA", "Maroc", "Morocco"),
        ("TN", "Tunisie", "Tunisia"),
        ("CH", "Suisse", "Switzerland"),
        ("IR", "Iran", "Iran"),
        ("FM", "États fédérés de Micronésie", "Federated States of Micronesia"),
        ("DE", "Allemagne", "Germany"),
        ("IE", "Irlande", "Ireland"),
    ],
)
def test_country_names_read_well_on_a_page(code: str, french: str, english: str) -> None:
    assert country_name(code, "fr") == french
    assert country_name(code, "en") == english


def test_every_iso_country_is_accepted_and_named() -> None:
    assert len(country_codes()) >= 249
    for language in LANGUAGES:
        assert all(country_name(code, language) for code in country_codes())
    assert not is_country("fr") and not is_country("EU") and not is_country("FRA")


def test_a_language_without_country_names_fails_loudly() -> None:
    with pytest.raises(CountryNameError, match="no country names for language 'xx'"):
        country_name("FR", "xx")
    problem = language_problem("xx")
    assert problem is not None and "pycountry has no 'iso3166-1' catalogue" in problem
    assert language_problem("fr") is None and language_problem("en") is None


def test_a_name_missing_from_a_catalogue_is_an_error_not_english() -> None:
    words = catalogue("fr")
    assert isinstance(words, gettext.GNUTranslations)
    with pytest.raises(CountryNameError, match="has no translation of 'Atlantis'"):
        words.gettext("Atlantis")


@pytest.mark.parametrize("language, expected", [("fr", "9 mars 2026"), ("en", "9 March 2026")])
def test_dates_by_babel(language: str, expected: str) -> None:
    words = load_wording(language)
    assert date("2026-03-09", words) == expected
    assert date(NOT_STATED, words) == words("label.date_not_stated")


@pytest.mark.parametrize(
    "language, value, expected",
    [
        ("fr", Duration(1, "months"), "1 mois"),
        ("fr", Duration(13, "months"), "13 mois"),
        ("fr", Duration(1, "years"), "1 an"),
        ("fr", Duration(3, "years"), "3 ans"),
        ("fr", Duration(1000, "days"), "1\u202f000 jours"),
        ("fr", Duration(1000000, "days"), "1\u202f000\u202f000 jours"),
        ("en", Duration(1, "months"), "1 month"),
        ("en", Duration(25, "months"), "25 months"),
        ("en", Duration(1000, "years"), "1,000 years"),
    ],
)
def test_durations_count_by_babel_with_cldr_plural(language: str, value: Duration, expected: str) -> None:
    assert duration(value, load_wording(language)) == expected


@pytest.mark.parametrize(
    "language, amount, expected",
    [
        ("fr", "100000", "100\u202f000\u00a0€"),
        ("en", "100000", "€100,000"),
        ("fr", "37000.5", "37\u202f000,50\u00a0€"),
        ("en", "37000.5", "€37,000.50"),
    ],
)
def test_money_by_babel(language: str, amount: str, expected: str) -> None:
    assert money(Money(Decimal(amount), "EUR"), load_wording(language)) == expected


def test_the_no_break_spaces_of_money_reach_the_french_page() -> None:
    data = yaml.safe_load((ROOT / "data" / "coppernic.yaml").read_text(encoding="utf-8"))
    assert data["company"]["share_capital"] == {"amount": 100000, "currency": "EUR"}
    pages = {page.path: page.content for page in render.render_company(company_from_data(data), ["fr", "en"], "fr")}
    assert "Capital social\u00a0: 100\u202f000\u00a0€" in pages["coppernic/notice.md"]
    assert "Share capital: €100,000" in pages["coppernic/notice.en.md"]


GERMAN = {
    "language": {"name": "Deutsch", "code": "de"},
    "date": {"format": "long"},
    "punct": {"colon": ": ", "list": ", ", "semicolon": "; ", "count": "{count} {unit}"},
    "unit": {
        "days": {"one": "Tag", "other": "Tage"},
        "weeks": {"one": "Woche", "other": "Wochen"},
        "months": {"one": "Monat", "other": "Monate"},
        "years": {"one": "Jahr", "other": "Jahre"},
    },
    "region": {
        "EU": "Europäische Union",
        "EEA": "Europäischer Wirtschaftsraum",
        "north_america": "Nordamerika",
        "worldwide": "Weltweit",
    },
    "label": {
        "share_capital": "Stammkapital",
        "destination": "Zielland",
        "location": "Standort",
        "last_updated": "Zuletzt aktualisiert",
    },
}


def merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    return {
        key: merged(value, override[key]) if isinstance(value, dict) and key in override else override.get(key, value)
        for key, value in base.items()
    }


def with_language(node: Any, language: str) -> Any:
    """The data with a `language` text beside every English one (the data's texts a new language needs)."""
    if is_text(node):
        return {**node, language: node["en"]}
    if isinstance(node, dict):
        return {key: with_language(value, language) for key, value in node.items()}
    if isinstance(node, list):
        return [with_language(value, language) for value in node]
    return node


def test_a_third_language_needs_only_its_wording_file_and_the_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """German: a `de.yaml` (English wording with German dates, units and regions) and German texts in the data;
    countries, dates, numbers and money come out in German with no code edit."""
    english = yaml.safe_load((LOCALES_DIR / "en.yaml").read_text(encoding="utf-8"))
    for code in ("fr", "en"):
        (tmp_path / f"{code}.yaml").write_text(
            (LOCALES_DIR / f"{code}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "de.yaml").write_text(yaml.safe_dump(merged(english, GERMAN), allow_unicode=True), encoding="utf-8")
    assert available_languages(tmp_path) == ("de", "en", "fr") and language_problem("de") is None
    words = load_wording("de", tmp_path)
    assert country("DE", words) == "Deutschland" and country("US", words) == "Vereinigte Staaten"
    assert country("north_america", words) == "Nordamerika"
    assert date("2026-03-09", words) == "9. März 2026"
    assert duration(Duration(13, "months"), words) == "13 Monate" and duration(Duration(1, "years"), words) == "1 Jahr"
    assert money(Money(Decimal(100000), "EUR"), words) == "100.000\u00a0€"

    source, errors = load_file(FIXTURES / "valid" / "full.yaml")
    assert errors == []
    assert source is not None
    source.data = with_language(source.data, "de")
    languages = ("fr", "en", "de")
    context = RuleContext(languages=languages, wording=load_wording("fr", tmp_path), reserved=reserved_slugs)
    result = check_documents([source], context)
    assert [d.format() for d in result.errors] == []
    monkeypatch.setattr(render, "load_wording", lambda language: load_wording(language, tmp_path))
    pages = {
        page.path: page.content for page in render.render_company(company_from_data(source.data), list(languages), "fr")
    }
    notice = pages["full/notice.de.md"].replace("\\", "")  # as read: without Markdown's escapes (`10\\.000`)
    assert "Stammkapital: 10.000\u00a0€" in notice
    assert "Vereinigte Staaten" in notice and "Irland" in notice
    assert "15. Januar 2026" in notice and "13 Monate" in notice
    assert "United States" not in notice and "January" not in notice


def test_the_build_stops_on_a_language_pycountry_cannot_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from privacy_center.site import build as site

    monkeypatch.setattr(site, "available_languages", lambda: ("en", "fr", "xx"))
    with pytest.raises(site.SiteDataError, match="no country names for language 'xx'"):
        site.build_site(ROOT / "data", ["fr", "en", "xx"], "fr")
