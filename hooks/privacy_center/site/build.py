"""The engine-neutral entry point: check a data folder and render every page, once per data change."""

from __future__ import annotations

import hashlib
import importlib.util
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from ..history.changelog import Entry, changelog, in_force
from .checker import CheckResult, FileCheck, check_file, combine, data_files, default_context
from ..render.chrome import sitemaps
from ..source.countries import CountryNameError, catalogue
from ..source.diagnostics import sort_key
from ..records.exports import CompanyFiles, company_files, site_files
from ..render.feeds import Asset, render_feeds, version_index
from ..records.fides import as_yaml, manifest
from ..source.versions import content_hash, snapshot_folder
from ..source.loader import Document, not_regular
from ..model.model import Company
from ..render.notices import saved_notices
from ..source.progress import Stages, bar, report
from ..source.publish import in_force_day
from ..records.register import to_csv
from ..render.pages import Page, refresh_templates, render_changes, render_company_pages, render_home
from ..check.resolve import company_from_data
from ..check.rules import RuleContext
from ..check.schema import SCHEMA_PATH
from ..source.wording import available_languages, load_wording


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
    """What identifies a state of the data folder, frozen versions and notices of change included: names, sizes and
    modification times."""
    paths = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yaml", ".yml", ".txt") and p.is_file())
    return tuple((p.relative_to(data_dir).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in paths)


_cache: dict[tuple[Any, ...], Site | SiteDataError] = {}
PACKAGE_DIR = Path(__file__).parent.parent


@dataclass(frozen=True)
class CompanyBuild:
    """One company file checked, modelled and rendered: everything that depends on that file alone (and on its
    frozen versions), reused while neither they nor the code, languages, site URL or day change."""

    key: tuple[Any, ...]
    check: FileCheck
    company: Company | None = None  # the notice shown, once the file and its versions pass
    changelog: tuple[Entry, ...] = ()
    pages: tuple[Page, ...] = ()


# Where the built site publishes the company file schema (editors of data in other repositories point to it).
SCHEMA_ASSET = "schema/company.schema.json"
PROJECT_DIR = PACKAGE_DIR.parent.parent  # where mkdocs.yml and docs/ are
_companies: dict[str, CompanyBuild] = {}  # company file path -> its last build


def code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """What identifies the code, templates, wording and schema that check and render a company."""
    paths = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return tuple((p.relative_to(PACKAGE_DIR).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in paths)


def _digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, or a marker when it cannot be read (the check then reports why)."""
    if problem := not_regular(path):  # a link or a pipe is never read (the check reports it)
        return f"unreadable: {problem[0]}"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


def _frozen_digests(path: Path, loaded: Document | None) -> tuple[tuple[str, str], ...]:
    """The name and content hash of every file in the company's folder of frozen versions."""
    slug = loaded.data.get("slug") if loaded is not None and isinstance(loaded.data, dict) else None
    if not isinstance(slug, str) or not slug:
        return ()
    folder = snapshot_folder(path, slug)
    if not folder.is_dir() or folder.is_symlink() or folder.parent.is_symlink():  # refused by the check, unread
        return ()
    entries = sorted(folder.iterdir())  # a link is named, never read; a pipe is skipped (reading it would block)
    return tuple((p.name, "link" if p.is_symlink() else _digest(p)) for p in entries if p.is_symlink() or p.is_file())


def check_company(
    path: Path,
    context: RuleContext,
    key: tuple[Any, ...],
    languages: Sequence[str],
    default: str,
    today: date,
    stages: Stages | None = None,
) -> CompanyBuild:
    """Check one company file and its frozen versions; model and render it when it passes."""
    stages = stages or Stages()
    check = check_file(path, context, stages=stages)
    build = CompanyBuild(key, check)
    modelled = company_of(check, today)
    if modelled is None:
        return build
    company, entries = modelled
    with stages.timing("render"):
        notices = saved_notices(path, company, languages)
        pages = render_company_pages(company, languages, default, entries, notices)
    return replace(build, company=company, changelog=entries, pages=tuple(pages))


def company_of(check: FileCheck, today: date) -> tuple[Company, tuple[Entry, ...]] | None:
    """The notice a checked file shows (the version in force) and its changelog; None when the file or one of its
    frozen versions has an error."""
    if check.loaded is None or check.errors or any(f.severity == "error" for f in check.frozen_findings):
        return None
    loaded = check.loaded
    warnings = sorted((*check.warnings, *(f for f in check.frozen_findings if f.file == loaded.file)), key=sort_key)
    company = company_from_data(loaded.data, loaded.file, warnings)
    entries = company_changelog(company, check.frozen, today, check.models)
    return shown(company, entries), entries


def company_builds(
    paths: Sequence[Path], languages: Sequence[str], default: str, today: date, site_url: str, preview: bool = False
) -> list[CompanyBuild]:
    """Each company file's build, reused from the previous call when nothing it depends on changed; with
    `preview` (`mkdocs serve`), a released company's unreleased edits are built, with a warning."""
    context: RuleContext | None = None
    common = (tuple(languages), default, today, site_url, preview, code_fingerprint())
    refresh_templates(common[-1])
    builds = []
    started, stages = time.perf_counter(), Stages()
    with bar(len(paths), "checking and rendering companies") as advance:
        for path in paths:
            advance()
            name = str(path.resolve())
            previous = _companies.get(name)
            key = (name, _digest(path), *common)
            if (
                previous is not None
                and previous.key[:-1] == key
                and previous.key[-1] == _frozen_digests(path, previous.check.loaded)
            ):
                builds.append(previous)
                continue
            context = context or default_context(preview)
            build = check_company(path, context, key, languages, default, today, stages)
            build = replace(build, key=(*key, _frozen_digests(path, build.check.loaded)))
            _companies[name] = build
            builds.append(build)
    report("companies checked and rendered", len(paths), started, stages)
    for name in set(_companies) - {str(path.resolve()) for path in paths}:
        del _companies[name]  # a removed file
    return builds


def company_changelog(
    company: Company, frozen: Mapping[str, Any], today: date, models: Mapping[str, Company] | None = None
) -> tuple[Entry, ...]:
    """The company's versions with what changed in each, from its frozen copies (their `models` when the check
    has made them)."""
    companies = dict(models) if models else {v: company_from_data(doc.data, doc.file) for v, doc in frozen.items()}
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
    data_dir: Path,
    languages: Sequence[str],
    default: str,
    today: date | None = None,
    site_url: str = "",
    register: bool = False,
    preview: bool = False,
) -> Site:
    """Check and render the data folder; reuse the previous result while the data is unchanged, and each company's
    check and pages while its file and frozen versions are (an edit re-checks and re-renders that company only).
    With `register`, the site also publishes the register of processing activities, `/register.<lang>.csv`; with
    `preview` (`mkdocs serve`), a released company's edits not yet released are built (validate still refuses them)."""
    today = today or in_force_day()  # SOURCE_DATE_EPOCH's day, else the UTC day: never the local time zone's
    key = (str(data_dir.resolve()), tuple(languages), default, fingerprint(data_dir), today, site_url, register, preview)
    if key in _cache:
        found = _cache[key]
        if isinstance(found, SiteDataError):
            raise found
        return found
    _cache.clear()
    try:
        site = _build_site(data_dir, languages, default, today, site_url, register, preview)
    except SiteDataError as error:
        _cache[key] = error  # i18n's build of each language asks again: the same report, not a second check
        raise
    _cache[key] = site
    return site


def _build_site(
    data_dir: Path, languages: Sequence[str], default: str, today: date, site_url: str, register: bool, preview: bool
) -> Site:
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
    builds = company_builds(paths, languages, default, today, site_url, preview)
    result = combine([build.check for build in builds])
    if result.errors:
        report = "\n".join(d.format() for d in result.errors)
        raise SiteDataError(f"{report}\n{len(result.errors)} error(s): the site was not built")
    passed = {d.file for d in result.documents}
    shown_builds = [
        (b, b.company)
        for b in builds
        if b.company is not None and b.check.loaded is not None and b.check.loaded.file in passed
    ]
    companies = tuple(company for _, company in shown_builds)
    changelogs = {company.slug: b.changelog for b, company in shown_builds}
    assets = (
        *render_feeds(companies, changelogs, languages, default, site_url),
        version_index(companies, changelogs, languages, default),
        *(
            asset
            for b, company in shown_builds
            for asset in company_files(CompanyFiles(b.check, company, b.changelog, languages))
        ),
        *site_files(companies, languages, register),
    )
    pages = (
        *render_home(companies, languages, default),
        *render_changes(companies, changelogs, languages, default),
        *(page for b, _ in shown_builds for page in b.pages),
    )
    assets = (*assets, *sitemaps(pages, assets, default, site_url))  # the theme looks for one beside every feed
    assets = (*assets, Asset(SCHEMA_ASSET, SCHEMA_PATH.read_text(encoding="utf-8")))  # for editors elsewhere
    return Site(companies, pages, result, changelogs, assets)


def _top(paths: Iterable[str], reason: str) -> dict[str, str]:
    """The first part of each site path, without its extension (`versions.json` -> `versions`), with its reason."""
    return {path.lstrip("/").split("/")[0].split(".")[0]: reason for path in paths if path.strip("/")}


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name) if name else None
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _site_config() -> dict[str, Any]:
    """mkdocs.yml as plain data ({} when it cannot be read: the names it adds are then not reserved)."""
    try:
        config = yaml.safe_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def _configured_languages(config: Mapping[str, Any], languages: Sequence[str]) -> list[str]:
    """The site's languages: the locale files, mkdocs.yml's i18n languages and `languages`."""
    listed = config.get("plugins") or []
    i18n = next((p["i18n"] for p in listed if isinstance(p, dict) and "i18n" in p), None) or {}
    configured = [lang.get("locale") for lang in i18n.get("languages") or [] if isinstance(lang, dict)]
    return sorted({*available_languages(), *languages, *(c for c in configured if isinstance(c, str))})


def _generated_names(languages: Sequence[str]) -> dict[str, str]:
    """The pages and files this package writes at the root, rendered for a site with no company."""
    worded = [language for language in languages if language in available_languages()]  # those it can render
    default = worded[0]
    pages = [*render_home((), worded, default), *render_changes((), {}, worded, default)]
    assets = [
        *render_feeds((), {}, worded, default, ""),
        version_index((), {}, worded, default),
        *site_files((), worded, optional=True),
        Asset(SCHEMA_ASSET, ""),
    ]
    assets.extend(sitemaps(pages, assets, default, ""))
    names = _top((page.path.removesuffix(".md") for page in pages), "a page the site generates")
    names.update(_top((asset.path for asset in assets), "a file the site generates"))
    return names


def _engine_folders(config: Mapping[str, Any]) -> list[tuple[Path, str]]:
    """The folders whose entries the built site holds at its root: the theme's (and its custom_dir), the engine's
    static templates (sitemap.xml) and docs/."""
    found = config.get("theme")
    theme: dict[str, Any] = found if isinstance(found, dict) else {}
    theme_dirs = [d / "templates" for d in (_package_dir(str(theme.get("name") or "")),) if d is not None]
    if theme.get("custom_dir"):
        theme_dirs.append(PROJECT_DIR / str(theme["custom_dir"]))
    folders = [(d, "a file or folder of the theme") for d in theme_dirs]
    if (engine := _package_dir("mkdocs")) is not None:
        folders.append((engine / "templates", "a page the site engine (mkdocs) writes"))
    docs = PROJECT_DIR / str(config.get("docs_dir") or "docs")
    folders.append((docs, f"an entry of {docs.name}/"))
    return folders


@lru_cache(maxsize=4)
def reserved_slugs(languages: tuple[str, ...] = ()) -> Mapping[str, str]:
    """Every top-level name the built site writes or the engine uses, with where it comes from: a company whose slug is
    one of them would replace that page or folder (`/changes/`, `/en/`). Derived from the site, not listed by hand:
    the languages (locale files, mkdocs.yml's i18n languages, `languages`), the pages and files this package
    generates at the root (rendered for a site with no company), docs/'s entries, the theme's files and static
    templates (mkdocs's own: sitemap.xml) and the plugins' folders (search/)."""
    config = _site_config()
    site_languages = _configured_languages(config, languages)
    names: dict[str, str] = {}
    for folder, reason in _engine_folders(config):
        if folder.is_dir():
            names.update(_top((p.name for p in folder.iterdir() if not p.name.startswith(("_", "."))), reason))
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins") or []]
    names.update({name: "a plugin's folder or name in mkdocs.yml" for name in plugins if isinstance(name, str)})
    names.update(_generated_names(site_languages))
    names.update({language: f"the site's folder for language '{language}'" for language in site_languages})
    names.pop("index", None)  # the home page is the root itself, not /index/
    return names
