"""Machine-readable history: Atom feeds of policy changes (per company and site-wide, per language) and a JSON
index of every version with the dates it applies, so "which notice applied on date X" has one answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..history.changelog import Entry
from ..model.model import NOT_STATED, Company, Stated
from ..source.publish import EPOCH
from ..source.safety import as_json
from ..source.wording import load_wording, prefix
from . import phrases
from .pages import xml_environment


@dataclass(frozen=True)
class Asset:
    """A generated file that is not a page: where it goes in the built site, and its text."""

    path: str
    content: str


# Atom requires a time on every entry and feed. A version whose date is not stated gets the Unix epoch: never the
# build day (two builds would differ, and each build would announce the version again in feed readers) nor the
# commit time (each commit would); readers place it last and its text says the date is not stated.


def timestamp(value: Stated[str]) -> str:
    """An RFC 3339 time for Atom: the version's stated date, or the epoch when it is not stated."""
    day = EPOCH.isoformat() if value is NOT_STATED else value
    return f"{day}T00:00:00Z"


def render_feeds(
    companies: Sequence[Company],
    changelogs: Mapping[str, Sequence[Entry]],
    languages: Sequence[str],
    default: str,
    site_url: str,
) -> list[Asset]:
    """One Atom feed per company and one for the site, in each language."""
    template = xml_environment().get_template("feed.xml.j2")
    assets = []
    for language in languages:
        words = load_wording(language)
        root = f"{site_url.rstrip('/')}/{prefix(language, default)}"
        helpers = {
            "t": words,
            "tr": lambda v, words=words: phrases.localize(v, words),
            "change": lambda c, words=words: phrases.change(c, words),
            "stamp": timestamp,
            "root": root,
            "lang": language,
            "colon": words("punct.colon"),
        }
        everything = []
        for company in companies:
            items = [(company, entry) for entry in changelogs.get(company.slug, ())]  # upcoming ones are announced
            everything.extend(items)
            assets.append(
                Asset(
                    f"{prefix(language, default)}{company.slug}/feed.xml",
                    template.render(
                        helpers,
                        feed_id=f"{root}{company.slug}/feed.xml",
                        title=f"{company.name.get(language)} · {words('page.history')}",
                        items=items,
                    ),
                )
            )
        everything.sort(key=lambda item: timestamp(item[1].version.date), reverse=True)
        assets.append(
            Asset(
                f"{prefix(language, default)}feed.xml",
                template.render(
                    helpers,
                    feed_id=f"{root}feed.xml",
                    title=f"{words('site.home_title')} · {words('page.changes')}",
                    items=everything,
                ),
            )
        )
    return assets


def validity(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Each version with the dates it applies from and until (None: open or not stated)."""
    ordered = list(reversed(entries))  # oldest first
    rows = []
    for index, entry in enumerate(ordered):
        start = entry.version.date if entry.version.date is not NOT_STATED else None
        following = ordered[index + 1].version.date if index + 1 < len(ordered) else None
        rows.append(
            {
                "version": entry.version.version,
                "hash": entry.hash,
                "status": entry.status,
                "valid_from": start,
                "valid_until": following if following is not NOT_STATED else None,
                "summary": dict(entry.version.summary.values),
            }
        )
    return rows


def version_urls(company: Company, version: str, languages: Sequence[str], default: str) -> dict[str, str]:
    """Where a version's notice is, per language, relative to the site root: the full notice for the version in
    force, its archive (`<slug>/versions/<version>/`) for any other."""
    page = "notice/" if version == company.current_version.version else f"versions/{version}/"
    return {language: f"{prefix(language, default)}{company.slug}/{page}" for language in languages}


def version_index(
    companies: Sequence[Company], changelogs: Mapping[str, Sequence[Entry]], languages: Sequence[str], default: str
) -> Asset:
    """`versions.json`: every company's versions, with validity intervals and the URL of each text."""
    data = {
        "companies": [
            {
                "slug": c.slug,
                "name": {lang: c.name.get(lang) for lang in languages},
                "versions": [
                    {**row, "urls": version_urls(c, row["version"], languages, default)}
                    for row in validity(changelogs.get(c.slug, ()))
                ],
            }
            for c in companies
        ]
    }
    return Asset("versions.json", as_json(data))
