"""The site's chrome, engine-neutral: footer links from the site configuration, the print block of a company page,
one search index per language, the sitemap files a theme looks up beside each feed, and heading ids that never take
one of the theme's own."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from typing import Any, Literal
from xml.sax.saxutils import escape as xml_escape

from ..model.model import NOT_STATED, Company
from ..source.safety import link_problem
from ..source.wording import load_wording, prefix
from . import phrases
from .feeds import Asset
from .outputs import OUTPUTS
from .pages import Page

CONFIG_KEY = "privacy_center"  # mkdocs.yml: extra.privacy_center.{contact, legal_notice}
FooterLink = Literal["contact", "legal_notice"]
FOOTER_LINKS: tuple[FooterLink, ...] = ("contact", "legal_notice")


class ChromeConfigError(Exception):
    """The site configuration's footer links are malformed: the message names the key and how to fix it."""


@dataclass(frozen=True)
class Footer:
    """The site's own contact and legal-notice addresses, per language; None where the configuration has none."""

    links: Mapping[FooterLink, Mapping[str, str] | None]

    def link(self, key: FooterLink, language: str) -> str | None:
        found = self.links.get(key)
        return None if found is None else found[language]


def footer_config(extra: Mapping[str, Any] | None, languages: Sequence[str]) -> Footer:
    """The footer's links of `extra.privacy_center` (site/options.py reads the whole section): each link is one address
    for every language or one per language, `https:`, `http:`, `mailto:` or `tel:` only. A missing link is allowed
    (the footer says which key to set)."""
    section = (extra or {}).get(CONFIG_KEY) or {}
    if not isinstance(section, Mapping):
        raise ChromeConfigError(
            f"mkdocs.yml: extra.{CONFIG_KEY}: expected a mapping with the keys {', '.join(FOOTER_LINKS)}"
        )
    links: dict[FooterLink, Mapping[str, str] | None] = {}
    for key in FOOTER_LINKS:
        value = section.get(key)
        if value is None:
            links[key] = None
            continue
        per_language = {language: value for language in languages} if isinstance(value, str) else value
        if not isinstance(per_language, Mapping) or sorted(per_language) != sorted(languages):
            raise ChromeConfigError(
                f"mkdocs.yml: extra.{CONFIG_KEY}.{key}: expected one address, or one per "
                f"language ({', '.join(languages)})"
            )
        for language, address in per_language.items():
            problem = link_problem(address) if isinstance(address, str) and address else "empty address"
            if problem or address.startswith("#"):
                raise ChromeConfigError(
                    f"mkdocs.yml: extra.{CONFIG_KEY}.{key}: {problem or 'a page anchor'} in "
                    f"'{address}' ({language}) (write an https: URL or a mailto: address)"
                )
        links[key] = dict(per_language)
    return Footer(links)


def print_block(company: Company, language: str) -> dict[str, str]:
    """What the first printed block of a company page says: whose notice, which version, in force since when."""
    words = load_wording(language)
    version = company.current_version
    # An effective date the policy does not give is in the page's gaps box (version_date): no "not stated" line here.
    effective = "" if version.date is NOT_STATED else phrases.date(version.date, words)
    return {"company": phrases.localize(company.name, words), "version": version.version, "effective": effective}


def page_url(page: Page, default: str) -> str:
    """The site-relative URL of a generated page: `coppernic/notice.en.md` is `en/coppernic/notice/`."""
    stem = page.path.removesuffix(".md")
    if page.language != default:
        stem = stem.removesuffix(f".{page.language}")
    folder, _, name = stem.rpartition("/")
    path = f"{folder}/" if name == "index" else f"{stem}/"
    return prefix(page.language, default) + path.lstrip("/")


def _under(urls: Sequence[str], folder: str) -> list[str]:
    """The URLs of a sorted list that start with `folder`: one contiguous run, found by bisection (a scan of every
    URL for every company's folder made the sitemaps cost grow with the square of the number of companies)."""
    start = bisect.bisect_left(urls, folder)
    end = start
    while end < len(urls) and urls[end].startswith(folder):
        end += 1
    return list(urls[start:end])


# The files our pages announce with <link rel="alternate">, as name patterns: feeds and the notice as data.
ANNOUNCED = ("feed.xml", *(output.name("*") for output in OUTPUTS if output.linked))


def sitemaps(pages: Sequence[Page], assets: Sequence[Asset], default: str, site_url: str) -> list[Asset]:
    """A sitemap beside every file a page announces, listing the pages under that folder (the theme's JavaScript
    looks one up beside every `rel=alternate` link of a page). The root sitemap is the engine's own: left alone."""
    urls = sorted(page_url(page, default) for page in pages)
    root = site_url.rstrip("/") + "/" if site_url else ""
    folders = sorted(
        {
            folder + "/"
            for folder, _, name in (asset.path.rpartition("/") for asset in assets)
            if folder and any(fnmatch(name, pattern) for pattern in ANNOUNCED)
        }
    )
    found = []
    for folder in folders:
        listed = _under(urls, folder) if root else []  # a sitemap holds full URLs only
        body = "".join(f"  <url><loc>{xml_escape(root + url)}</loc></url>\n" for url in listed)
        found.append(
            Asset(
                f"{folder}sitemap.xml",
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n',
            )
        )
    return found


def language_index(index_json: str, language: str, default: str, languages: Sequence[str]) -> str:
    """One language's part of a search index that holds every language: its entries only, their locations relative
    to that language's root, and the language's own stemmer."""
    index = json.loads(index_json)
    others = tuple(f"{code}/" for code in languages if code != default)
    if language == default:
        docs = [doc for doc in index["docs"] if not doc["location"].startswith(others)]
    else:
        start = f"{language}/"
        docs = [
            {**doc, "location": doc["location"][len(start) :]}
            for doc in index["docs"]
            if doc["location"].startswith(start)
        ]
    config = dict(index.get("config", {}))
    if language in config.get("lang", []):
        config["lang"] = [language]
    return json.dumps({"config": config, "docs": docs}, separators=(",", ":"), ensure_ascii=False)


# The theme's own element ids all start with `__` (Material: `__config`, the script its JavaScript reads as JSON, and
# `__search`, `__drawer`, `__toc`, `__palette_0`, `__consent`...): a heading id made from data never does, so a title
# such as "__config" cannot come first in the page and break the theme's scripts.
THEME_ID_PREFIX = "__"


@dataclass(frozen=True, repr=False)
class ThemeSafeSlugify:
    """The toc extension's `slugify`, wrapped: the same id with its leading underscores removed."""

    base: Callable[..., str]

    def __call__(self, value: str, separator: str, *args: Any) -> str:
        return self.base(value, separator, *args).lstrip("_") or "section"

    def __repr__(self) -> str:  # stable across processes (the hook compares Markdown configurations by repr)
        return f"ThemeSafeSlugify({self.base.__module__}.{self.base.__qualname__})"


def theme_safe_slugify(base: Callable[..., str]) -> ThemeSafeSlugify:
    """`base` made unable to give an id the theme reserves (wrapped once, however often the config is read)."""
    return base if isinstance(base, ThemeSafeSlugify) else ThemeSafeSlugify(base)
