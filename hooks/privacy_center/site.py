"""The engine-neutral entry point: check a data folder and render every page, once per data change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .changelog import Entry, changelog, in_force
from .checker import CheckResult, check_files, data_files
from .chrome import sitemaps
from .countries import CountryNameError, catalogue
from .diagnostics import Diagnostic
from .feeds import Asset, render_feeds, version_index
from .history import content_hash
from .model import Company
from .publish import in_force_day
from .render import Page, render_site
from .resolve import company_from_data
from .wording import available_languages


class SiteDataError(Exception):
    """The data does not pass the check: the message is the full compiler-style report."""


@dataclass(frozen=True)
class Site:
    """Everything a site engine needs: the companies, the generated pages and the check's findings."""

    companies: tuple[Company, ...]
    pages: tuple[Page, ...]
    result: CheckResult
    changelogs: Mapping[str, tuple[Entry, ...]]
    assets: tuple[Asset, ...] = ()  # feeds and the version index, written beside the pages


def fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What identifies a state of the data folder, frozen versions included: names, sizes and modification times."""
    paths = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return tuple((p.relative_to(data_dir).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in paths)


_cache: dict[tuple[object, ...], Site] = {}


def company_changelog(company: Company, frozen: Mapping[str, Any], today: date) -> tuple[Entry, ...]:
    """The company's versions with what changed in each, from its frozen copies."""
    companies = {version: company_from_data(doc.data, doc.file) for version, doc in frozen.items()}
    hashes = {version: content_hash(doc.data) for version, doc in frozen.items()}
    return changelog(company, companies, hashes, today)


def shown(company: Company, entries: tuple[Entry, ...]) -> Company:
    """The notice the company pages show: the version in force, not one announced for a later date."""
    current = in_force(entries) if entries else None
    if current is None or current.company is None or current.version == company.current_version:
        return company
    return current.company


def language_problem(language: str) -> str | None:
    """Why a site language cannot be written, or None: country names come from pycountry's catalogue of the
    language and dates, numbers and money from Babel's CLDR data, with no fallback to another language."""
    try:
        catalogue(language)
        Locale.parse(language)
    except CountryNameError as error:
        return str(error)
    except (UnknownLocaleError, ValueError) as error:
        return f"language '{language}': Babel has no CLDR locale data for it ({error})"
    return None


def build_site(
    data_dir: Path, languages: Sequence[str], default: str, today: date | None = None, site_url: str = ""
) -> Site:
    """Check and render the data folder; reuse the previous result while the data is unchanged."""
    today = today or in_force_day()  # SOURCE_DATE_EPOCH's day, else the UTC day: never the local time zone's
    key = (str(data_dir.resolve()), tuple(languages), default, fingerprint(data_dir), today, site_url)
    if key in _cache:
        return _cache[key]
    missing = sorted(set(languages) - set(available_languages()))
    if missing:
        raise SiteDataError(
            f"no wording file for language(s) {', '.join(missing)}: add hooks/privacy_center/locales/<lang>.yaml"
        )
    for language in languages:
        problem = language_problem(language)
        if problem:
            raise SiteDataError(problem)
    paths = data_files(data_dir)
    if not paths:
        raise SiteDataError(f"{data_dir}: no company files (add data/<company>.yaml)")
    result = check_files(paths)
    if result.errors:
        report = "\n".join(d.format() for d in result.errors)
        raise SiteDataError(f"{report}\n{len(result.errors)} error(s): the site was not built")
    found: dict[str, list[Diagnostic]] = {d.file: [] for d in result.documents}  # the check's warnings, per file
    for warning in result.warnings:
        found.setdefault(warning.file, []).append(warning)
    companies = tuple(company_from_data(d.data, d.file, found[d.file]) for d in result.documents)
    changelogs = {c.slug: company_changelog(c, result.frozen.get(c.slug, {}), today) for c in companies}
    companies = tuple(shown(c, changelogs[c.slug]) for c in companies)
    assets = (
        *render_feeds(companies, changelogs, languages, default, site_url),
        version_index(companies, changelogs, languages, default),
    )
    pages = tuple(render_site(companies, languages, default, changelogs))
    assets = (*assets, *sitemaps(pages, assets, default, site_url))  # the theme looks for one beside every feed
    site = Site(companies, pages, result, changelogs, assets)
    _cache.clear()
    _cache[key] = site
    return site
