"""Countries from ISO 3166-1 (pycountry's database), named in each site language from pycountry's own gettext
catalogues; regions that are not countries (EU, EEA, north_america, worldwide) are codes worded in the locale
files under `region`, never mixed with countries."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

CATALOGUE = "iso3166-1"
SOURCE_LANGUAGE = "en"  # pycountry's names are the catalogue's msgids: English needs no catalogue
REGION_GROUP = "region"  # wording group of the regions, in every locale file


class CountryNameError(Exception):
    """A site language has no ISO 3166-1 catalogue in pycountry, or its catalogue lacks a name."""


class _Untranslated(gettext.NullTranslations):
    """The last fallback of a catalogue: a name it does not translate is an error, never English in disguise."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def gettext(self, message: str) -> str:
        raise CountryNameError(
            f"pycountry's '{self.language}' catalogue ({CATALOGUE}) has no translation of '{message}'"
        )


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code pycountry knows (249 today), upper case as the standard writes them."""
    return frozenset(country.alpha_2 for country in pycountry.countries)


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code in its standard upper-case spelling (`FR`, not `fr`)."""
    return code in country_codes()


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """pycountry's ISO 3166-1 catalogue for a language; a language without one fails loudly, with no fallback."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        found = gettext.translation(CATALOGUE, pycountry.LOCALES_DIR, languages=[language])
    except FileNotFoundError as error:
        raise CountryNameError(
            f"no country names for language '{language}': pycountry has no '{CATALOGUE}' "
            f"catalogue for it in {pycountry.LOCALES_DIR}"
        ) from error
    found.add_fallback(_Untranslated(language))
    return found


@cache
def country_name(code: str, language: str) -> str:
    """The name of a country in a language, as a page reads it.

    The choice, the same for every country and language: pycountry's `common_name` where it has one (`Corée du
    Sud` / `South Korea`, not `Corée, République de`), else its short `name` (`États-Unis`, `Royaume-Uni`,
    `Inde`, `Chine`, `Maroc`, `Tunisie`, `Suisse`, `Philippines`: never the long official name such as `Royaume
    du Maroc`); and where that translated name is an inverted index entry with a comma (`Micronésie, États
    fédérés de`), the translated `official_name` when it has no comma (`États fédérés de Micronésie`).
    pycountry 26.2 still gives a few inverted names with no better form (fr: `Russie, Fédération de`, `Åland,
    Îles`; en: `Congo, The Democratic Republic of the`): they are kept as the library spells them.
    """
    if not is_country(code):
        raise KeyError(f"'{code}' is not an ISO 3166-1 alpha-2 country code")
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(f"'{code}' is not in pycountry's list")
    words = catalogue(language)
    name = words.gettext(getattr(country, "common_name", None) or country.name)
    official = getattr(country, "official_name", None)
    if "," in name and official and "," not in words.gettext(official):
        return words.gettext(official)
    return name
